"""Owners, vague terms, reason clauses and action verbs from the spans lexicon_ruler marks.

The ruler (patterns in models/patterns/lexicon.jsonl) proposes candidates; this component keeps
those that fit their context. There is no parser, so grammar is approximated from neighbours:
- an owner is a pronoun, role, team or name in subject position: at the start of a clause and/or
  followed by a modal or a verb ("the CFO will", "Maria to publish"), or introduced by a cue
  ("owner: Priya", "led by the support lead"); possessives before an object ("grow our revenue")
  and anything inside a reason clause ("because we need cash") are not owners;
- a reason clause runs from its marker to the end of the sentence or semicolon (a fronted reason,
  "Because ..., we will ...", ends at its comma; a trailing ", by Q3" deadline is left out);
- an action verb is a listed verb where a verb can stand: at the head of the goal or after a
  subject, a modal or "to" ("We will launch", "Increase ...", "aim to grow").
"""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import compress, count, groupby
from operator import attrgetter, itemgetter

from spacy.language import Language

from smartlint.nlp.doc_mentions import RulerMatch, append_mention, mentions, ruler_matches
from smartlint.nlp.lemmas import is_known_word, lemma, word_classes
from smartlint.nlp.token_table import token_table

SENTENCE_ENDS = frozenset({".", "!", "?", ";"})
CLAUSE_PUNCT = frozenset({".", "!", "?", ";", ",", ":", "(", ")", "[", "]", "—", "–", "--", "-", "•",
                          "*", '"', "“", "”", "/"})
# Words after which a new clause (and so a new subject) can start.
CLAUSE_JOINERS = frozenset({"and", "but", "then", "while", "also", "plus", "meanwhile", "first",
                            "next", "finally", "additionally", "furthermore", "meantime"})
DETERMINERS = frozenset({"the", "our", "my", "their", "your", "a", "an", "its", "this", "his", "her",
                         "whole", "entire"})
MODALS = frozenset({"will", "'ll", "’ll", "shall", "should", "must", "can", "could", "would", "'d",
                    "may", "might", "wo", "ca"})
# Verbs that take "to" + goal: "the CFO wants to", "Priya plans to".
INTENT_VERBS = frozenset({"need", "needs", "plan", "plans", "aim", "aims", "want", "wants", "intend",
                          "intends", "hope", "hopes", "expect", "expects", "commit", "commits",
                          "promise", "promises", "pledge", "pledges", "has", "have", "agree",
                          "agrees", "is", "are", "'s", "'re", "am", "'m", "was", "were", "seek",
                          "seeks", "strive", "strives", "try", "tries", "wish", "wishes", "decided",
                          "going", "like", "love", "would"})
OWNERSHIP_VERBS = frozenset({"own", "owns", "lead", "leads", "drive", "drives", "manage", "manages",
                             "handle", "handles", "oversee", "oversees", "run", "runs", "champion",
                             "champions", "coordinate", "coordinates", "sponsor", "sponsors"})
BE_FORMS = frozenset({"is", "are", "'s", "'re", "am", "'m", "was", "were", "’s", "’re", "’m"})
STATE_AFTER_BE = frozenset({"responsible", "accountable", "tasked", "committed", "set", "expected",
                            "going", "due", "charged", "in", "on", "aiming", "planning", "working"})
SUBJECT_ADVERBS = frozenset({"also", "jointly", "together", "then", "directly", "personally", "alone",
                             "ourselves", "myself", "themselves", "really", "now", "still", "first"})
# Words that anchor an unknown noun phrase as a subject: "Our food bank will", "The mobile squad will".
ANCHORS = frozenset({"the", "our", "my", "their"})
NOT_IN_NOUN_PHRASE = frozenset({"of", "and", "or", "to", "in", "for", "with", "on", "at", "by", "from",
                                "will", "would", "should", "can", "is", "are", "was", "be"})
POSSESSIVE_S = frozenset({"'s", "’s"})
HONORIFICS = frozenset({"Dr.", "Dr", "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Prof.", "Prof", "Sir",
                        "Dame", "Mx.", "Mx"})
# Capitalised words that head a goal or a date, never a person.
NOT_NAMES = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday goal goals objective objectives kr okr kpi i we our my the by in on at".split())
# A capitalised run with one of these is the name of a thing ("Project Phoenix"), not a person.
THING_HEADS = frozenset("project projects phase program programme version release product team "
                        "operation initiative campaign plan sprint model series".split())
ROMAN_CONTEXT = frozenset({"phase", "type", "level", "tier", "part", "stage", "grade", "class",
                           "chapter", "world", "war", "volume", "act", "section", "step"})
ACRONYMS = frozenset("ceo cfo coo cto cmo cio cro cpo chro cso ciso cdo cco vp svp evp hr qa pr "
                     "r&d bd ux ui seo gm l&d dri".split())
# Words that can sit right before a verb: subjects, modals, "to", coordinators, a few adverbs.
VERB_LEADS = frozenset({"to", "will", "'ll", "’ll", "shall", "should", "must", "can", "could", "would",
                        "'d", "might", "may", "and", "or", "then", "also", "not", "n't", "never", "we",
                        "i", "you", "they", "please", "let", "us", "first", "finally", "further",
                        "successfully", "consistently", "regularly", "actively", "continuously",
                        "both", "either", "jointly", "together", "personally", "fully", "do",
                        "does", "did", "help", "helps", "still", "now", "gradually", "steadily",
                        "quickly", "safely", "formally", "officially", "publicly", "finally"})
# Words in -ly that are not adverbs before a verb ("a monthly increase", "July launch").
PERIODIC = frozenset({"monthly", "weekly", "daily", "quarterly", "yearly", "early", "only", "family",
                      "supply", "rally", "ally", "italy", "july", "fly", "reply", "apply"})
# After "since", these make it a point in time ("since 2020", "since the launch"), not a reason.
SINCE_TIME_WORDS = frozenset(
    "january february march april may june july august september october november december jan feb "
    "mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday "
    "sunday last then early late mid yesterday inception launch founding beginning start "
    "covid day days week weeks month months year years quarter quarters ever spring summer autumn "
    "fall winter christmas".split())
SINCE_THE_TIME_NOUNS = frozenset(
    "start beginning launch end last first founding pandemic day year quarter month week "
    "acquisition merger rebrand release outbreak crisis election opening reorg restructuring".split())
# Verbs after which "to" + verb is the goal itself, not its purpose ("We want to reduce churn").
TO_GOAL_LEADS = INTENT_VERBS | frozenset({
    "wanted", "needed", "planned", "aimed", "hoped", "trying", "planning", "aiming", "hoping",
    "intending", "working", "looking", "able", "ready", "set", "order", "goal", "objective", "aim",
    "mission", "target", "and", "or", "continue", "continues", "start", "begin", "started",
    "begun", "helping", "ask", "asked", "encourage", "encouraged", "how", "plan", "be", "being",
    "been", "due", "expected", "scheduled", "supposed", ":", "committed"})
DEADLINE_WORDS = frozenset({"by", "within", "before", "until", "in", "over", "during", "no"})
PERIOD_LIKE = re.compile(r"^(?:[qh][1-4]|fy\d{2,4}|\d+)$", re.IGNORECASE)
COMPARATIVES = frozenset({"better", "more", "higher", "greater", "bigger", "stronger", "faster",
                          "larger", "fewer", "less", "lower", "increased", "additional", "extra"})
DIGIT = re.compile(r"\d")
NUMBERISH = frozenset({"%", "x", "percent", "percentage", "points", "pts", "$", "€", "£"})
DASHES = frozenset({"—", "–", "--"})
HEADING_MARKS = frozenset({":", "-", "•", "*", "(", '"', "“"})


class Words:
    """One pass over the doc's tokens into plain lists, with its sentence and clause boundaries.

    The component reads tokens many times; spaCy builds a new Token object on every doc[i], so
    everything below works on these lists instead.
    """

    def __init__(self, doc):
        self.doc = doc
        self.found = mentions(doc)
        tokens = self.tokens = token_table(doc)
        self.text, self.starts, self.spaced, self.lower = tokens.text, tokens.idx, tokens.ws, tokens.lower
        self.n = len(self.text)
        self._time_edges: tuple[set[int], set[int]] | None = None
        # the tokens that end a sentence, in order; without a line break the test is one set look-up
        # per token, made by map and compress with no Python-level step
        if "\n" in tokens.source:
            self.ends = [i for i, text in enumerate(self.text) if text in SENTENCE_ENDS or "\n" in text]
        else:
            self.ends = list(compress(count(), map(SENTENCE_ENDS.__contains__, self.text)))

    def sentence_start(self, i: int) -> int:
        """The first token of token i's sentence."""
        k = bisect_left(self.ends, i)
        return self.ends[k - 1] + 1 if k else 0

    def sentence_end(self, i: int) -> int:
        """The token ending token i's sentence (n: the text's end)."""
        k = bisect_left(self.ends, i)
        return self.ends[k] if k < len(self.ends) else self.n

    # Few docs get as far as asking about a time expression's edges: read them on first use (not
    # a functools.cached_property, whose lock costs more than reading them).
    def time_edges(self) -> tuple[set[int], set[int]]:
        """The tokens where time expressions start, and those where they end."""
        if self._time_edges is None:
            self._time_edges = _time_edges(self.doc)
        return self._time_edges

    def add_mention(self, label: str, start: int, end: int, **fields) -> None:
        """doc_mentions.add_mention for tokens start..end-1, the doc's text and mentions read once."""
        append_mention(self.found, self.tokens.source, label, self.starts[start],
                       self.starts[end - 1] + len(self.text[end - 1]), **fields)

    def is_space(self, i: int) -> bool:
        return self.text[i].isspace()

    def is_punct(self, i: int) -> bool:
        return not any(c.isalnum() for c in self.text[i])

    def joined(self, i: int) -> bool:
        """No space between token i and the next one ("co-host")."""
        return i + 1 < self.n and not self.spaced[i]

    def starts_sentence(self, i: int) -> bool:
        return i == 0 or i - 1 in self.ends or self.is_space(i - 1)

    def starts_clause(self, i: int) -> bool:
        if i >= self.n or self.starts_sentence(i):
            return True
        prev = self.text[i - 1]
        if prev in CLAUSE_PUNCT:
            return not (prev == "-" and self.joined(i - 1))  # "co-host": one word
        return self.lower[i - 1] in CLAUSE_JOINERS or i in self.time_edges()[1]

    def capital_by_position(self, i: int) -> bool:
        """A capital that says nothing (first word of a sentence, a heading or a bullet)."""
        return self.starts_sentence(i) or self.text[i - 1] in HEADING_MARKS


class LexiconInterpreter:
    def __call__(self, doc):
        # grouped by a stable sort: each label's matches keep the ruler's order
        by_label: dict[str, list[RulerMatch]] = {
            label: list(group)
            for label, group in groupby(sorted(ruler_matches(doc, "sl_lexicon"), key=_RULER_LABEL),
                                        key=_RULER_LABEL)}
        w = Words(doc)
        team_words = {c.start for c in by_label.get("TEAM_WORD", []) + by_label.get("ORG_WORD", [])}
        # most goals lack one label or another: its pass is skipped rather than run on nothing
        markers = by_label.get("REASON_MARKER")
        reasons = self._rationales(w, markers, team_words) if markers else ()
        in_reason = bytearray(w.n)
        for start, end, _marker in reasons:
            in_reason[start:end] = b"\x01" * (end - start)
        owner_tokens: set[int] = set()
        owner_ends: set[int] = set()
        for owner in OwnerFinder(w, by_label, in_reason, team_words).find():
            owner_tokens.update(range(owner.start, owner.end))
            owner_ends.add(owner.end)
            w.add_mention("OWNER", owner.start, owner.end, value=owner.value, kind=owner.kind)
        verbs, vague = by_label.get("ACTION_VERB"), by_label.get("VAGUE")
        actions = self._actions(w, verbs, owner_ends, owner_tokens) if verbs else set()
        if vague:
            self._vague_terms(w, vague, actions)
        for start, end, marker in reasons:
            w.add_mention("RATIONALE", start, end, value=marker, kind="purpose")
        return doc

    # -- reason clauses ------------------------------------------------------------------------
    def _rationales(self, w: Words, markers: list[RulerMatch],
                    team_words: set[int]) -> list[tuple[int, int, str]]:
        found = []
        covered_until = -1
        for c in _by_start_longest_first(markers):
            if c.start < covered_until or not self._is_reason(w, c, team_words):
                continue
            end = self._reason_end(w, c)
            if end <= c.end and c.id != "the-reason":
                continue
            found.append((c.start, end, _spaced(w, c.start, c.end)))
            covered_until = end
        return found

    def _is_reason(self, w: Words, c: RulerMatch, team_words: set[int]) -> bool:
        if c.id == "since":
            return c.end < w.n and not _is_time_after_since(w, c.end)
        if c.id == "to-purpose":
            return self._is_purpose_to(w, c, team_words)
        if c.id == "this-will":
            return w.starts_clause(c.start)
        if c.id == "helping":
            return not w.starts_sentence(c.start)
        return True

    @staticmethod
    def _is_purpose_to(w: Words, c: RulerMatch, team_words: set[int]) -> bool:
        """ "to support" is a purpose after an object ("Hire two reps to support ..."), not after
        "want"/"aim"/"is" (the goal itself) or at the head of a goal ("To reduce churn by 5%")."""
        start = c.start
        if w.starts_sentence(start):
            # A fronted purpose: "To support the launch, hire two designers."
            return "," in w.text[c.end:w.sentence_end(start)]
        if w.lower[start - 1] in TO_GOAL_LEADS:
            return False  # also "Goal: to reduce ..."
        # A headline "Priya to reduce ..." / "The support team to help ...": only names, roles and
        # determiners stand before "to".
        head = range(w.sentence_start(start), start)
        return not (len(head) <= 4 and all(
            w.text[i].istitle() or w.text[i].isupper() or w.lower[i] in DETERMINERS
            or i in team_words for i in head))

    @staticmethod
    def _reason_end(w: Words, c: RulerMatch) -> int:
        start = c.start
        end = w.sentence_end(start)
        rest = range(c.end, end)
        prev = w.text[start - 1] if start > 0 else ""
        closer = None
        if w.starts_sentence(start):
            closer = {","}  # a fronted reason ends at its comma: "Because cash is short, we ..."
        elif prev == "(":
            closer = {")"}
        elif prev in DASHES:
            closer = DASHES
        if closer is not None:
            stop = next((i for i in rest if w.text[i] in closer), None)
            if stop is not None:
                return stop
        for i in rest:
            if w.text[i] != "," or i + 1 >= end:
                continue
            after = i + 1
            # ", by Q3 2026" or ", and we will ..." after a reason belongs to the goal again.
            time_starts = w.time_edges()[0]
            if after in time_starts or _opens_deadline(w, after, end) or (
                    after + 1 in time_starts and w.lower[after] in DEADLINE_WORDS):
                return i
            if w.lower[after] in {"we", "i"} or (
                    w.lower[after] in {"and", "but"} and after + 1 < end
                    and w.lower[after + 1] in {"we", "i"}):
                return i
        # only sentence punctuation is trimmed: "to 100%" keeps its "%"
        while end > c.end and (w.text[end - 1] in TRAILING_PUNCT or w.is_space(end - 1)):
            end -= 1
        return end

    # -- action verbs --------------------------------------------------------------------------
    def _actions(self, w: Words, found: list[RulerMatch], owner_ends: set[int],
                 owner_tokens: set[int]) -> set[int]:
        taken: set[int] = set()
        for c in _by_start_longest_first(found):
            i = c.start
            if i in taken or i in owner_tokens or not self._verb_position(w, i, owner_ends):
                continue
            value = " ".join([lemma(w.text[i], "VERB"), *w.lower[i + 1:c.end]])
            w.add_mention("ACTION", i, c.end, value=value)
            taken.update(range(c.start, c.end))
        return taken

    @staticmethod
    def _verb_position(w: Words, i: int, owner_ends: set[int]) -> bool:
        # the word before decides most cases; starts_clause, which may read the time edges, last
        if i == 0 or i in owner_ends:
            return True
        prev = w.lower[i - 1]
        if prev in VERB_LEADS:
            return True
        if prev in BE_FORMS:
            after_lead = w.lower[i].endswith("ing")
        else:
            after_lead = prev.endswith("ly") and prev not in PERIODIC and prev.isalpha()
        return after_lead or w.starts_clause(i)

    # -- vague terms ---------------------------------------------------------------------------
    def _vague_terms(self, w: Words, found: list[RulerMatch], action_tokens: set[int]) -> None:
        taken: set[int] = set()
        for c in sorted(found, key=lambda c: (c.start - c.end, c.start)):
            if any(i in taken for i in range(c.start, c.end)):
                continue
            kind = c.id or None
            following = w.text[c.end] if c.end < w.n else ""
            if kind == "comparative" and c.start in action_tokens:
                continue
            if w.lower[c.end - 1] in COMPARATIVES and _near_number(w, c.start, c.end):
                continue
            if w.lower[c.start] == "some" and c.end < w.n and w.tokens.like_num[c.end]:
                continue
            if w.lower[c.start] == "and" and following and not (
                    w.is_punct(c.end) or w.is_space(c.end)):
                continue  # "and more" ends a list; "and more than 300 signups" does not
            w.add_mention("VAGUE_TERM", c.start, c.end, value=_vague_value(w, c.start, c.end, kind), kind=kind)
            taken.update(range(c.start, c.end))


class Owner:
    __slots__ = ("start", "end", "value", "kind")

    def __init__(self, start: int, end: int, value: str, kind: str):
        self.start, self.end, self.value, self.kind = start, end, value, kind


class Group:
    """A role or team candidate: tokens start..end with its normalized value."""

    __slots__ = ("w", "start", "end", "kind", "bare")

    def __init__(self, w: Words, start: int, end: int, kind: str, bare: bool):
        self.w, self.start, self.end, self.kind, self.bare = w, start, end, kind, bare

    @property
    def value(self) -> str:
        # most candidates are not subjects: the value is written only for those that are
        return _group_value(self.w, self.start, self.end, self.kind)


class OwnerFinder:
    """Finds the goal's owners among pronoun, role, team and name candidates."""

    def __init__(self, w: Words, by_label: dict[str, list[RulerMatch]], in_reason: bytearray,
                 team_words: set[int]):
        self.w = w
        self.team_words = team_words
        self.by_label = by_label
        self.in_reason = in_reason
        self.action_starts = set(map(_RULER_START, by_label.get("ACTION_VERB", ())))
        self.groups = self._assemble_groups()
        self.blocked: set[int] = set()  # tokens that cannot be part of a person's name
        for group in self.groups:
            self.blocked.update(range(group.start, group.end))
        for c in by_label.get("OWNER_PRONOUN", []):
            self.blocked.update(range(c.start, c.end))
        if "PLATFORM" in map(_LABEL, w.found):  # few goals name one: no Python loop for the rest
            for m in w.found:
                if m["label"] == "PLATFORM":
                    tokens = w.tokens.token_range(m["start"], m["end"])
                    self.blocked.update(range(*tokens) if tokens is not None else ())
        self.runs = self._name_runs()

    def find(self) -> list[Owner]:
        found = self._pronouns() + self._groups() + self._persons() + self._after_cues()
        if not found:
            return found
        kept: list[Owner] = []
        used: set[int] = set()
        for owner in sorted(found, key=lambda o: (o.start - o.end, o.start)) if len(found) > 1 else found:
            tokens = range(owner.start, owner.end)
            if not used.isdisjoint(tokens) or any(self.in_reason[owner.start:owner.end]):
                continue
            used.update(tokens)
            kept.append(owner)
        return kept

    # -- candidate kinds -----------------------------------------------------------------------
    def _pronouns(self) -> list[Owner]:
        pronouns = self.by_label.get("OWNER_PRONOUN")
        if not pronouns:
            return []
        w = self.w
        found = []
        for c in pronouns:
            first = w.lower[c.start]
            value = "I" if first in {"i", "my"} else "we"
            if c.id == "subject":
                if first == "i" and c.start > 0 and w.lower[c.start - 1] in ROMAN_CONTEXT:
                    continue  # "Phase I"
            elif c.id == "collective":
                value = "we"
                if not self._subject(c.start, c.end, allow_weak=True):
                    continue
            elif c.id == "goal" and not w.starts_clause(c.start):
                continue  # "reach our goal"
            found.append(Owner(c.start, c.end, value, "pronoun"))
        return found

    def _groups(self) -> list[Owner]:
        found = []
        for group in self.groups:
            start = self._with_determiner(group.start)
            end = self._with_team_suffix(group.end)
            if self._subject(start, end, allow_weak=not group.bare):
                found.append(Owner(start, end, group.value, group.kind))
        return found

    def _persons(self) -> list[Owner]:
        w = self.w
        found = []
        runs = [(start, end) for start, end, _common in self.runs
                if not _common and not (w.capital_by_position(start) and all(
                    is_known_word(w.text[i]) for i in range(start, end)
                    if w.text[i] not in HONORIFICS))]
        # Walk backwards so that in "Priya and Tom will" Priya inherits Tom's verb.
        subject_starts: set[int] = set()
        for start, end in reversed(runs):
            stop = self._with_team_suffix(end)
            coordinated = (stop < w.n - 1 and w.lower[stop] in {"and", "&", ","}
                           and stop + 1 in subject_starts)
            if coordinated or self._subject(start, stop, allow_weak=True):
                subject_starts.add(start)
                found.append(Owner(start, stop, _spaced(w, start, end, keep_case=True), "person"))
        return found

    def _after_cues(self) -> list[Owner]:
        cues = self.by_label.get("OWNER_CUE")
        if not cues:
            return []  # nearly every goal: no "owner:" / "led by"
        w = self.w
        found = []
        groups: dict[int, Group] = {}
        for group in sorted(self.groups, key=lambda g: g.end - g.start):  # the longest one wins
            groups[self._with_determiner(group.start)] = group
        names = {start: end for start, end, _common in self.runs}
        for cue in cues:
            i = cue.end
            if i >= w.n:
                continue
            if w.lower[i] in {"us", "me", "we", "i", "myself", "ourselves"}:
                value = "I" if w.lower[i] in {"me", "i", "myself"} else "we"
                found.append(Owner(i, i + 1, value, "pronoun"))
            elif i in groups:
                found.append(Owner(i, groups[i].end, groups[i].value, groups[i].kind))
            elif i in names:
                found.append(Owner(i, names[i], _spaced(w, i, names[i], keep_case=True), "person"))
        return found

    # -- helpers -------------------------------------------------------------------------------
    def _assemble_groups(self) -> list[Group]:
        """Roles and teams from the marked words: qualifiers + a role word ("customer success
        manager", "chief revenue officer"), a role "of" a department ("head of sales"), qualifiers
        + a team noun ("the finance department") or a department name alone ("Marketing", "HR")."""
        get = self.by_label.get
        roles, teams, names = get("ROLE_WORD", []), get("TEAM_WORD", []) + get("ORG_WORD", []), get("TEAM_NAME", [])
        if not (roles or teams or names):
            return []
        w = self.w
        qualifiers = {c.start for c in get("DEPT_WORD", []) if c.end - c.start == 1}
        groups = []

        def left_edge(i: int) -> int:
            start = i
            while start > 0 and i - start < 3 and start - 1 in qualifiers:
                start -= 1
            return start

        for c in roles:
            start = left_edge(c.start)
            end = _of_department(w, c.end, qualifiers)
            if c.id == "qualified" and (start, end) == (c.start, c.end):
                anchored = self._anchored_start(c.start)  # "the accounts payable lead will"
                if anchored is not None:
                    groups.append(Group(w, anchored, end, "role", bare=True))
                continue  # "lead", "officer" alone say nothing ("generate leads")
            groups.append(Group(w, start, end, "role", bare=False))
        for c in teams:
            start = left_edge(c.start)
            if start < c.start and c.label == "TEAM_WORD":
                groups.append(Group(w, start, c.end, "team", bare=False))
            else:
                anchored = self._anchored_start(c.start)  # "Our food bank will", "The mobile squad will"
                if anchored is not None:
                    groups.append(Group(w, anchored, c.end, "team", bare=True))
        for c in names:
            if c.id == "cased" and sum(ch.isupper() for ch in w.text[c.start]) < 2:
                continue  # "IT" is a department, "it" a pronoun
            groups.append(Group(w, c.start, c.end, "team", bare=True))
        return groups

    def _anchored_start(self, head: int) -> int | None:
        """Start of "<our|the> <one or two words> <head>" opening a clause, else None."""
        w = self.w
        k = head - 1
        while k >= 0 and head - k <= 3 and w.lower[k] not in ANCHORS:
            text = w.text[k]
            if w.lower[k] in NOT_IN_NOUN_PHRASE or not (
                    any(ch.isalnum() for ch in text) or text in {"-", "&"}):
                return None
            k -= 1
        if k < 0 or k == head - 1 or w.lower[k] not in ANCHORS or not w.starts_clause(k):
            return None
        return k + 1

    def _name_runs(self) -> list[tuple[int, int, bool]]:
        """Runs of capitalised tokens that may be a person's name ("Dr. Chen", "Priya Sharma"),
        as (start, end, starts_with_a_common_word); leading function words are dropped."""
        w = self.w
        runs = []
        consumed = -1
        texts, lower, n, blocked = w.text, w.lower, w.n, self.blocked
        # Most tokens are lower-case: test the first letter (no token is empty) before anything else.
        for i in list(compress(count(), map(str.isupper, map(_FIRST_CHAR, texts)))):
            if i < consumed or i in blocked or not _name_token(texts[i]):
                continue
            end = i + 1
            while end < n and end - i < 4 and _name_token(texts[end]) \
                    and texts[end] not in HONORIFICS and end not in blocked:
                end += 1
            consumed = end
            if not THING_HEADS.isdisjoint(lower[i:end + 1]):
                continue  # "Project Phoenix", "Phoenix project"
            start = i
            while start < end and lower[start] in NOT_NAMES:
                start += 1
            common = start
            while common < end and texts[common] not in HONORIFICS and is_known_word(texts[common]) \
                    and NAME_CLASSES.isdisjoint(word_classes(texts[common])):
                common += 1  # "Then Priya", "By June" (a cue still takes "Owner: Will")
            if start < end and not (texts[start] in HONORIFICS and start + 1 == end):
                if start < common < end:
                    runs.append((common, end, False))
                else:
                    runs.append((start, end, common > start))
        return runs

    def _with_determiner(self, start: int) -> int:
        while start > 0 and self.w.lower[start - 1] in DETERMINERS:
            start -= 1
        return start

    def _with_team_suffix(self, end: int) -> int:
        """ "Dr. Chen's team", "the CFO's office": the owner reaches over "'s team"."""
        w = self.w
        if end + 1 < w.n and w.text[end] in POSSESSIVE_S:
            k = end + 1
            if k + 1 in self.team_words and w.text[k].isalpha():
                k += 1
            if k in self.team_words:
                return k + 1
        return end

    def _subject(self, start: int, end: int, allow_weak: bool) -> bool:
        """Are tokens start..end the subject of what follows them?"""
        w = self.w
        j = end
        while j < w.n and w.lower[j] in SUBJECT_ADVERBS:
            j += 1
        if j < w.n and w.text[j] == ",":  # "Our operations manager, Felix, will ..."
            k = j + 1
            while k < w.n and k - j <= 3 and _name_token(w.text[k]):
                k += 1
            if k > j + 1 and k < w.n and w.text[k] == ",":
                j = k + 1
        if j >= w.n:
            return False
        word = w.lower[j]
        nxt = w.lower[j + 1] if j + 1 < w.n else ""
        if word in MODALS:
            return True
        if word in INTENT_VERBS and word not in BE_FORMS and nxt == "to":
            return True
        if word in BE_FORMS and (nxt in STATE_AFTER_BE or nxt.endswith("ing")):
            return True
        # Weaker evidence ("Maria to publish", "The CFO owns", "Priya launches"): only for a
        # clause-initial name, role or team; a bare department word ("sales") is too often the
        # object or a modifier ("sales leads").
        if not allow_weak or not w.starts_clause(start):
            return False
        if word == "to":
            return nxt.isalpha() and nxt not in DETERMINERS
        return word in OWNERSHIP_VERBS or j in self.action_starts


def _by_start_longest_first(matches: list[RulerMatch]) -> list[RulerMatch]:
    """The matches by start, the longer first where two start together."""
    if len(matches) < 2:  # most labels mark one word in a goal
        return matches
    return sorted(matches, key=lambda c: (c.start, c.start - c.end))


def _of_department(w: Words, end: int, qualifiers: set[int]) -> int:
    """Extend "head" / "VP" / "director" over "of sales" ("head-of-customer-success")."""
    k = end
    if k < w.n and w.text[k] == "-":
        k += 1
    if k >= w.n or w.lower[k] != "of":
        return end
    k += 1
    taken = k
    while taken < w.n and taken - k < 4 and (taken in qualifiers or (
            w.text[taken] == "-" and taken + 1 in qualifiers)):
        taken += 1
    return taken if taken > k else end


_FIRST_CHAR = itemgetter(0)
_LABEL = itemgetter("label")
_RULER_LABEL = attrgetter("label")
_RULER_START = attrgetter("start")
# A capitalised common word of these classes may still start a name ("Will", "Hope").
NAME_CLASSES = frozenset({"NOUN", "PROPN"})


def _name_token(text: str) -> bool:
    return text in HONORIFICS or (len(text) > 1 and text.isalpha() and text.istitle())


def _spaced(w: Words, start: int, end: int, keep_case: bool = False) -> str:
    """The tokens as written in the text (lower-cased unless keep_case)."""
    pieces = []
    for i in range(start, end):
        pieces.append(w.text[i] if keep_case else w.lower[i])
        if i + 1 < end and not w.joined(i):
            pieces.append(" ")
    return "".join(pieces)


def _group_value(w: Words, start: int, end: int, kind: str) -> str:
    # Hyphens stay inside names ("Tier-2 team") but not in "head-of-sales" ("head of sales").
    keep_hyphens = "of" not in w.lower[start:end]
    words = []
    for i in range(start, end):
        text = w.text[i]
        if text in {"-", "–"}:
            if keep_hyphens and words:
                words[-1] += "-"
            continue
        written_as_acronym = text.isupper() and len(text) > 1
        words.append(text if written_as_acronym else text.upper() if w.lower[i] in ACRONYMS
                     else w.lower[i])
    text = " ".join(words).replace("- ", "-")
    return f"the {text}" if kind == "role" else text


def _vague_value(w: Words, start: int, end: int, kind: str | None) -> str:
    hyphened = any(w.text[i] in {"-", "–"} for i in range(start, end))
    words = [w.lower[i] for i in range(start, end) if w.text[i] not in {"-", "–", "."}]
    if kind == "verb":
        words[0] = lemma(words[0], "VERB")
    if words == ["etc"]:
        return "etc."
    if len(words) > 4 and words[0] == "as" and words[-2:] == ["as", "possible"]:
        return f"as {words[1]} as possible"  # "as many signups as possible"
    return ("-" if hyphened else " ").join(words)


def _near_number(w: Words, start: int, end: int) -> bool:
    """ "20% more", "500 more users", "more than 300": a comparative tied to a number is a target."""
    if start > 0 and (_numeric(w, start - 1) or w.lower[start - 1] in NUMBERISH):
        return True
    if end + 1 < w.n and w.lower[end] == "than":
        return any(_numeric(w, i) or w.text[i] in {"$", "€", "£"} for i in range(end + 1, min(end + 3, w.n)))
    return False


def _numeric(w: Words, i: int) -> bool:
    return bool(DIGIT.search(w.text[i])) or w.tokens.like_num[i] == 1


TRAILING_PUNCT = frozenset(".,;:!?…")


def _opens_deadline(w: Words, i: int, end: int) -> bool:
    """ ", by Q3 2026" / ", within 4 months" after a reason: the goal's deadline, not the reason's."""
    word = w.lower[i]
    if word in {"by", "before", "until", "within", "no"}:
        return True
    if word in {"in", "over", "during"} and i + 1 < end:
        following = w.lower[i + 1]
        return bool(_numeric(w, i + 1) or PERIOD_LIKE.match(following)
                    or following in SINCE_TIME_WORDS or following in {"the", "this", "next"})
    return False


def _is_time_after_since(w: Words, i: int) -> bool:
    word = w.lower[i]
    if word in {"early", "late", "mid"}:  # "since early 2024" is a time, "since early leavers" not
        return i + 1 < w.n and (_numeric(w, i + 1) or w.lower[i + 1] in SINCE_TIME_WORDS)
    if _numeric(w, i) or PERIOD_LIKE.match(word) or word in SINCE_TIME_WORDS:
        return True
    if word in {"the", "our", "its", "their"} and i + 1 < w.n:
        following = w.lower[i + 1]
        if following in SINCE_THE_TIME_NOUNS or following in SINCE_TIME_WORDS:
            # "since the summer is our busy season" gives a reason; "since the summer" a time.
            verb = w.lower[i + 2] if i + 2 < w.n else ""
            return not (verb in BE_FORMS or verb in MODALS or verb in {"has", "have", "had"})
    return False


TIME_LABELS = frozenset({"DATE", "DATE_RANGE", "DURATION", "FREQUENCY", "VAGUE_TIME", "START_TIME"})


def _time_edges(doc) -> tuple[set[int], set[int]]:
    """Token indexes where a time expression found by smartlint_time starts / ends."""
    starts, ends = set(), set()
    table = token_table(doc)
    for m in mentions(doc):
        if m["label"] in TIME_LABELS:
            tokens = table.token_range(m["start"], m["end"])
            if tokens is not None and tokens[0] < tokens[1]:
                starts.add(tokens[0])
                ends.add(tokens[1])
    return starts, ends


@Language.factory("smartlint_lexicon")
def make_lexicon(nlp: Language, name: str) -> LexiconInterpreter:
    return LexiconInterpreter()
