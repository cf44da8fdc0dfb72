"""Platforms and channels from a catalogue with aliases, matched exactly or (for typos) fuzzily.

Each catalogue line (models/patterns/platforms.jsonl) is one platform or channel:
  {"name": canonical name, "category": "social"|"search"|"email"|"ads"|..., "aliases": [...],
   "cased": [...], "cued": [...]}
- `aliases` match whatever the case ("insta", "Linked In").
- `cased` match only as written, for short or ambiguous forms ("IG", "Slack", "Zoom").
- `cued` are common nouns that name a channel only when introduced as one: after a preposition
  such as on / via / through ("through our website", "by email"), or listed next to another
  platform ("on X, LinkedIn and TikTok"). Alone they are usually the deliverable ("launch the
  website"), which the rubric counts as the *what*, not the *how*. A cued form with a capital
  letter is matched as written ("X", "Medium").

A mention's value is the canonical name and its kind the category. Typos ("Linkdin") are caught
with rapidfuzz, but only for tokens that are not English words, so the fuzzy step runs on a handful
of tokens per goal at most.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher

from smartlint.nlp.components.ruler import phrase_patterns
from smartlint.nlp.doc_mentions import add_mention
from smartlint.nlp.lemmas import is_known_word
from smartlint.nlp.token_table import token_table

# Words that introduce a channel ("post on X", "reach them by email", "sell through Etsy"); not
# "to", which usually names the destination ("drive traffic to our website").
CHANNEL_CUES = frozenset({"on", "via", "through", "thru", "using", "across", "over", "by", "from",
                          "with", "onto", "in", "at"})
# Words allowed between the cue and the channel ("through our website", "on the blog").
CUE_FILLERS = frozenset({"the", "a", "an", "our", "my", "their", "your", "his", "her", "its",
                         "company", "company's", "own", "new", "official", "weekly", "monthly"})
# Separators of a list of platforms ("LinkedIn, X and TikTok").
LIST_JOINERS = frozenset({",", "/", "and", "or", "&", "+"})
SENTENCE_STARTERS = frozenset({".", "!", "?", ";", ":", "-", "•", "*", "(", '"', "“"})
# Shortest token worth a fuzzy look: shorter typos are too close to ordinary words.
MIN_FUZZY_LENGTH = 5
CUED = "cued:"  # matcher key prefix of forms that need a channel cue
TYPO_CACHE_SIZE = 50_000  # words whose typo lookup is remembered (most recur across goals)


class PlatformMatcher:
    def __init__(self, nlp: Language, min_similarity: int):
        self.nlp = nlp
        self.min_similarity = min_similarity
        self.catalogue: list[dict] = []
        self.entries: dict[str, dict] = {}
        self.any_case = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.as_written = PhraseMatcher(nlp.vocab, attr="ORTH")
        # The first word of every pattern of each matcher: a doc with none of them cannot match,
        # and testing the doc's words against a set costs a fraction of a matcher call.
        self.any_case_firsts: frozenset[str] = frozenset()
        self.as_written_firsts: frozenset[str] = frozenset()
        self.fuzzy_aliases: list[str] = []
        self.fuzzy_names: list[str] = []
        # word length -> the aliases (and their names) a word of that length can be close to
        self.fuzzy_by_length: dict[int, tuple[list[str], list[str]]] = {}
        # The typo lookup's answers, remembered: words that are no platform's typo (nearly all), and
        # word -> platform for the few that are.
        self._no_typo: set[str] = set()
        self._typo_of: dict[str, str] = {}

    def initialize(self, get_examples=None, *, nlp=None, catalogue=None):
        """Build the matchers and the typo lookup once from the catalogue lines."""
        self.catalogue = list(catalogue or [])
        self.entries = {}
        self.any_case = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.as_written = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        fuzzy: dict[str, str] = {}
        any_case_firsts: set[str] = set()
        as_written_firsts: set[str] = set()
        for number, entry in enumerate(self.catalogue, start=1):
            name = entry.get("name") if isinstance(entry, dict) else None
            if not name or not entry.get("category"):
                raise ValueError(f"platform catalogue line {number}: needs a 'name' and a 'category'")
            self.entries[name] = entry
            aliases = list(entry.get("aliases", []))
            cased = list(entry.get("cased", []))
            cued = list(entry.get("cued", []))
            self._add(self.any_case, "LOWER", name, aliases, any_case_firsts)
            self._add(self.as_written, "ORTH", name, cased, as_written_firsts)
            self._add(self.any_case, "LOWER", CUED + name, [c for c in cued if c == c.lower()],
                      any_case_firsts)
            self._add(self.as_written, "ORTH", CUED + name, [c for c in cued if c != c.lower()],
                      as_written_firsts)
            # Typos are looked up among names that are not English words; cued forms are plain
            # English nouns ("website"), so they are left out.
            for alias in [*aliases, *(c.lower() for c in cased)]:
                if alias.isalpha() and len(alias) >= MIN_FUZZY_LENGTH:
                    fuzzy.setdefault(alias, name)
        self.any_case_firsts = frozenset(any_case_firsts)
        self.as_written_firsts = frozenset(as_written_firsts)
        self.fuzzy_aliases = list(fuzzy)
        self.fuzzy_names = list(fuzzy.values())
        self.fuzzy_by_length = self._aliases_by_length(fuzzy)
        self._no_typo = set()
        self._typo_of = {}

    def _aliases_by_length(self, fuzzy: dict[str, str]) -> dict[int, tuple[list[str], list[str]]]:
        """fuzz.ratio is 200 * (longest common subsequence) / (sum of the lengths), so it cannot
        reach min_similarity unless 200 * (shorter length) does; the aliases in range keep their
        order, so extractOne picks the same one among equals."""
        by_length = {}
        longest = max(map(len, fuzzy), default=0)
        for length in range(MIN_FUZZY_LENGTH, 1 + longest * 200 // max(self.min_similarity, 1)):
            near = [(alias, name) for alias, name in fuzzy.items()
                    if 200 * min(length, len(alias)) >= self.min_similarity * (length + len(alias))]
            if near:
                by_length[length] = ([alias for alias, _ in near], [name for _, name in near])
        return by_length

    def _add(self, matcher: PhraseMatcher, attr: str, key: str, phrases: list[str],
             first_words: set[str]) -> None:
        """Add the phrases under key, and the first word of each (its LOWER / ORTH string, as the
        matcher compares it) to first_words."""
        if not phrases:
            return
        patterns = phrase_patterns(self.nlp, attr, phrases)
        strings = self.nlp.vocab.strings
        for pattern in patterns:
            if not len(pattern):
                continue
            first = pattern[0]
            # a pattern is either the words' attribute hashes or a tokenized Doc
            first_words.add(strings[first] if isinstance(first, int) else
                            first.lower_ if attr == "LOWER" else first.orth_)
        matcher.add(key, patterns)

    def __call__(self, doc):
        if not self.entries:
            return doc
        tokens = token_table(doc)
        texts, starts = tokens.text, tokens.idx
        # (start, end, name): spans as plain tuples, a Span costing more than the rest of the work
        firm: list[tuple[int, int, str]] = []
        cued: list[tuple[int, int, str]] = []
        strings = doc.vocab.strings
        for matcher, firsts, words in ((self.any_case, self.any_case_firsts, tokens.lower),
                                       (self.as_written, self.as_written_firsts, texts)):
            if firsts.isdisjoint(words):
                continue
            for key, start, end in matcher(doc):
                name = strings[key]
                if name.startswith(CUED):
                    cued.append((start, end, name[len(CUED):]))
                elif matcher is self.any_case or not _capital_by_position(texts, start, end):
                    firm.append((start, end, name))
        covered: set[int] = set()
        if firm or cued:  # most goals name no platform
            firm = _longest_first(firm)
            for span in cued:
                if _is_cued(tokens.lower, span, firm):
                    firm.append(span)
            for start, end, name in _longest_first(firm):
                covered.update(range(start, end))
                self._record(doc, starts[start], starts[end - 1] + len(texts[end - 1]), name)
        if self.fuzzy_aliases:
            self._fuzzy(doc, texts, starts, covered)
        return doc

    def _fuzzy(self, doc, texts: list[str], starts: list[int], covered: set[int]) -> None:
        # Set operations drop the words already known to be no typo, so the loops below run on
        # the doc's new words, and over its tokens only when one of its words is a typo.
        words = set(texts)
        words.difference_update(self._no_typo)
        if not words:
            return
        if len(self._no_typo) + len(self._typo_of) >= TYPO_CACHE_SIZE:
            self._no_typo.clear()
            self._typo_of.clear()
        for text in words.difference(self._typo_of):
            found = self._closest_name(text)
            if found:
                self._typo_of[text] = found
            else:
                self._no_typo.add(text)
        if words.isdisjoint(self._typo_of):
            return
        typo_of = self._typo_of
        for i, text in enumerate(texts):
            if text in typo_of and i not in covered:
                self._record(doc, starts[i], starts[i] + len(text), typo_of[text])

    def _closest_name(self, text: str) -> str:
        """The platform `text` is a typo of, or "" (too short, not a word of letters, an English
        word, or not close enough to any name)."""
        if len(text) < MIN_FUZZY_LENGTH or not text.isalpha():
            return ""
        word = text.lower()
        aliases, names = self.fuzzy_by_length.get(len(word), ((), ()))
        if not aliases or is_known_word(text):
            return ""
        from rapidfuzz import fuzz, process

        best = process.extractOne(word, aliases, scorer=fuzz.ratio, score_cutoff=self.min_similarity)
        return "" if best is None else names[best[2]]

    def _record(self, doc, start: int, end: int, name: str) -> None:
        entry = self.entries[name]
        add_mention(doc, "PLATFORM", start, end, value=name, kind=entry.get("category"))


def _longest_first(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """spacy.util.filter_spans on (start, end, name) tuples: overlaps go to the (first) longest."""
    result = []
    seen_tokens: set[int] = set()
    for span in sorted(spans, key=lambda span: (span[1] - span[0], -span[0]), reverse=True):
        start, end = span[0], span[1]
        if start not in seen_tokens and end - 1 not in seen_tokens:
            result.append(span)
            seen_tokens.update(range(start, end))
    return sorted(result, key=lambda span: span[0])


def _is_cued(lowers: list[str], span: tuple[int, int, str], platforms: list[tuple[int, int, str]]) -> bool:
    """A cued channel word counts after a channel preposition or next to another platform."""
    start, end = span[0], span[1]
    i = start - 1
    while i >= 0 and lowers[i] in CUE_FILLERS:
        i -= 1
    if i >= 0 and lowers[i] in CHANNEL_CUES:
        return True
    for other_start, other_end, _name in platforms:
        if other_end <= start:
            # "TikTok and our blog": fillers stand between the joiners and the cued word
            gap_end = start
            while gap_end > other_end and lowers[gap_end - 1] in CUE_FILLERS:
                gap_end -= 1
            gap = range(other_end, gap_end)
        else:
            gap = range(end, other_start)
        if 0 < len(gap) <= 2 and all(lowers[k] in LIST_JOINERS for k in gap):
            return True
    return False


def _capital_by_position(texts: list[str], start: int, end: int) -> bool:
    """ "Slack off", "Zoom in": an English word whose capital only marks the start of a sentence."""
    first = start == 0 or texts[start - 1] in SENTENCE_STARTERS or texts[start - 1].isspace()
    return first and end - start == 1 and is_known_word(texts[start])


@Language.factory("smartlint_platforms")
def make_platforms(nlp: Language, name: str, min_similarity: int) -> PlatformMatcher:
    return PlatformMatcher(nlp, min_similarity)
