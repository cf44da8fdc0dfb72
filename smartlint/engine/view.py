"""GoalView: the Facts of one goal, sorted into what the rubric and the rules ask about.

A view covers one goal: the whole statement, or one part of a statement that holds several goals
(see smartlint.engine.split). Owners, reason clauses and time expressions are read from the whole
statement (a shared "we" or "by Q3" serves every part); numbers, objects, methods and flags are
read from the part. The lists read straight off the mentions (owners, platforms, ...) are set when
the view is made; every other property is computed once, on first use.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection
from functools import partial
from itertools import accumulate, compress
from operator import attrgetter, itemgetter, not_
from typing import NamedTuple

from smartlint.engine import lexicon
from smartlint.facts import Facts, Mention

NUMBER_LABELS = ("QUANTITY", "PERCENT", "MONEY")
TIME_LABELS = ("DATE", "DATE_RANGE", "DURATION")
TARGET_ROLES = (None, "target", "rate")
WEAK_NUMBER_ROLES = ("baseline", "team_size", "rank")  # a number, but not the target (M1 at most)
BOUNDED_KINDS = ("deadline", "period", "window", "point")
DAYS_PER_MONTH = 30.44
TIMED_LABELS = frozenset(TIME_LABELS + ("FREQUENCY", "VAGUE_TIME", "START_TIME"))
# Mentions whose words are not content words (numbers, times, owners, platforms, vague words).
CONTENT_SKIP = frozenset(NUMBER_LABELS + TIME_LABELS + ("FREQUENCY", "VAGUE_TIME", "START_TIME", "OWNER",
                                                        "PLATFORM", "VAGUE_TERM", "CHANGE"))
# Mentions a scope phrase may not overlap.
SCOPE_SKIP = frozenset(NUMBER_LABELS + TIME_LABELS + ("FREQUENCY", "VAGUE_TIME", "START_TIME", "OWNER", "CHANGE"))
# The word pattern as one capturing group: re.split then keeps the words between the gaps.
_WORD_SPLIT = re.compile(f"({lexicon.WORD.pattern})")

_START, _END = attrgetter("start"), attrgetter("end")  # sort keys read in C
_LAST_DAY, _FIRST = attrgetter("deadline"), itemgetter(0)
_ISO_DURATION = re.compile(r"P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?"
                           r"(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?"
                           r"(?:(\d+(?:\.\d+)?)S)?)?$")


class Piece(NamedTuple):
    """A stretch of the text found by the engine itself (cheaper than a pydantic Span on the hot
    path; the rubric turns the few it cites into Spans)."""

    text: str
    start: int
    end: int


# A Piece made by tuple.__new__ in C, without the Python-level __new__ a NamedTuple has (a goal
# makes a dozen or more).
_piece = partial(tuple.__new__, Piece)


class Intervals:
    """Spans sorted by start, with the running maximum of their ends: whether any span contains or
    overlaps a stretch is then one bisection, not a scan of every span (long texts stay linear)."""

    __slots__ = ("starts", "max_ends")

    def __init__(self, bounds):
        bounds = sorted(bounds)
        if bounds:
            self.starts, ends = zip(*bounds)
            self.max_ends = list(accumulate(ends, max))
        else:
            self.starts = self.max_ends = ()

    def contains(self, start: int, end: int) -> bool:
        """Some span s, e with s <= start and end <= e."""
        count = bisect_right(self.starts, start)
        return count > 0 and self.max_ends[count - 1] >= end

    def overlaps(self, start: int, end: int) -> bool:
        """Some span s, e with s < end and start < e."""
        count = bisect_left(self.starts, end)
        return count > 0 and self.max_ends[count - 1] > start


class lazy:
    """A property computed on first use and then stored on the instance (functools.cached_property
    takes a lock on every first use, which costs more than most of these properties)."""

    def __init__(self, compute):
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = self.compute(instance)
        instance.__dict__[self.name] = value
        return value


class together:
    """Several properties computed by one function on first use of any of them and stored on the
    instance at once: a chain of facts that every goal reads in full (the deadline, the months to
    it, the growth a month...) costs one call, not one per link.

        deadline, months_to_deadline = together(_deadline_facts, 2)

    The function returns the values in the order of the names."""

    def __init__(self, compute, count: int):
        self.compute = compute
        self.names: list[str | None] = [None] * count

    def __iter__(self):
        return (_Member(self, index) for index in range(len(self.names)))


class _Member:
    """One property of a `together` group."""

    def __init__(self, group: together, index: int):
        self.group, self.index = group, index

    def __set_name__(self, owner, name: str) -> None:
        self.group.names[self.index] = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        values = self.group.compute(instance)
        instance.__dict__.update(zip(self.group.names, values))
        return values[self.index]


def duration_days(iso: str) -> float | None:
    """Days in an ISO 8601 duration ("P4M" -> 121.76); None when it does not parse."""
    match = _ISO_DURATION.match(iso or "")
    if not match or not any(match.groups()):
        return None
    y, mo, w, d, h, mi, s = (float(g) if g else 0.0 for g in match.groups())
    return y * 365.25 + mo * DAYS_PER_MONTH + w * 7 + d + h / 24 + mi / 1440 + s / 86400


def growth_percent(change: Mention) -> float | None:
    """Upward change in percent: "by 20%" -> 20, "from 40 to 60" -> 50, "double" -> 100."""
    value = change.value if isinstance(change.value, dict) else {}
    kind = value.get("kind", change.kind)
    if kind == "by" and value.get("direction", "up") == "up" and value.get("percent") is not None:
        return float(value["percent"])
    if kind == "from_to":
        start, end = value.get("from"), value.get("to")
        if start and end is not None and start > 0 and end > start:
            return (end - start) / start * 100
    if kind == "factor" and (value.get("factor") or 0) > 1:
        return (float(value["factor"]) - 1) * 100
    return None


class GoalView:
    def __init__(self, facts: Facts, start: int = 0, end: int | None = None):
        self.facts = facts
        self.start = start
        self.end = len(facts.text) if end is None else end
        # One pass puts aside the reason clauses and sorts the other mentions by label (the whole
        # statement's: owners and times serve every part); the facts read off these lists are set here.
        reasons, outside, statement_by_label = [], [], {}
        for m in facts.mentions:
            label = m.label  # read once: a pydantic model's attributes are slower to read than locals
            if label == "RATIONALE":
                reasons.append(m)
            elif not m.in_rationale:
                outside.append(m)
                if label in statement_by_label:
                    statement_by_label[label].append(m)
                else:
                    statement_by_label[label] = [m]
        if reasons:
            if len(reasons) == 1:  # the usual one clause: two comparisons, no bisection
                first, last = reasons[0].start, reasons[0].end
                kept = [m for m in outside if not (first <= m.start and m.end <= last)]
            else:
                inside = Intervals((r.start, r.end) for r in reasons)
                kept = [m for m in outside if not inside.contains(m.start, m.end)]
            if len(kept) < len(outside):  # a mention inside a reason clause but not flagged so
                outside, statement_by_label = kept, _sorted_by_label(kept)
        self.reasons = self.rationale = reasons
        self._outside_reason = outside
        start, end = self.start, self.end
        if start == 0 and max(map(_END, outside), default=0) <= end:  # the whole statement (most views)
            mentions, by_label = outside, statement_by_label
        else:
            mentions = [m for m in outside if start <= m.start and m.end <= end]
            by_label = _sorted_by_label(mentions)
        self.mentions = mentions
        self._by_label = by_label
        self._statement_by_label = statement_by_label
        self._cover: dict[Collection[str], Intervals] = {}
        self.owners: list[Mention] = statement_by_label.get("OWNER", [])
        self.starts: list[Mention] = statement_by_label.get("START_TIME", [])
        self.platforms: list[Mention] = by_label.get("PLATFORM", [])
        self.vague_terms: list[Mention] = by_label.get("VAGUE_TERM", [])
        self.changes: list[Mention] = by_label.get("CHANGE", [])

    # -- text of the goal itself (the part, minus reason clauses) --------------------------------
    @lazy
    def goal_text_pieces(self) -> list[tuple[int, str]]:
        """(offset, text) pieces of this part that lie outside every reason clause."""
        if not self.reasons:  # most goals: the part as it is
            return [(self.start, self.facts.text[self.start:self.end])] if self.start < self.end else []
        pieces, cursor = [], self.start
        for reason in sorted(self.reasons, key=_START):
            if reason.end <= cursor or reason.start >= self.end:
                continue
            if reason.start > cursor:
                pieces.append((cursor, self.facts.text[cursor:reason.start]))
            cursor = max(cursor, reason.end)
        if cursor < self.end:
            pieces.append((cursor, self.facts.text[cursor:self.end]))
        return pieces

    @lazy
    def _words_start_matches(self) -> bool:
        """Whether a word pattern's match starts where one of _tokens does (see lexicon's cue tests)."""
        return all(lexicon.words_start_matches(text) for _, text in self.goal_text_pieces)

    def _regex_spans(self, pattern: re.Pattern) -> list[Piece]:
        return [_piece((m.group(), offset + m.start(), offset + m.end()))
                for offset, text in self.goal_text_pieces for m in pattern.finditer(text)]

    def _cover_of(self, labels: Collection[str]) -> Intervals:
        """The part's mentions with these labels, as Intervals (built once per label set)."""
        cover = self._cover.get(labels)
        if cover is None:
            cover = self._cover[labels] = Intervals([(m.start, m.end) for m in self.mentions if m.label in labels])
        return cover

    def _covered(self, start: int, end: int, labels: Collection[str]) -> bool:
        return self._cover_of(labels).overlaps(start, end)

    @lazy
    def _tokens(self) -> tuple[list[str], list[tuple[int, int]], list[str]]:
        """The goal's own words: their lower-cased forms, their (start, end) and their text, side
        by side, so that a word becomes a Piece only when a property keeps it.

        Split with the word pattern captured, the text alternates gap, word, gap, ... word, gap;
        the running sum of the pieces' lengths gives every offset without a Python-level loop."""
        lowers: list[str] = []
        bounds: list[tuple[int, int]] = []
        texts: list[str] = []
        split = _WORD_SPLIT.split
        for offset, text in self.goal_text_pieces:
            parts = split(text)
            found = parts[1::2]
            if not found:
                continue
            offsets = list(accumulate(map(len, parts), initial=offset))
            texts += found
            lowers += map(str.lower, found)
            bounds += zip(offsets[1:-1:2], offsets[2::2])
        return lowers, bounds, texts

    def _word(self, index: int) -> Piece:
        tokens = self._tokens
        start, end = tokens[1][index]
        return _piece((tokens[2][index], start, end))

    # -- S: what, how, who, where ------------------------------------------------------------
    @lazy
    def content(self) -> list[Piece]:
        """Words that name a concrete thing (not numbers, times, owners, platforms or vague words)."""
        lowers, bounds, texts = self._tokens
        if any("'" in text or "’" in text for _, text in self.goal_text_pieces):
            is_content_word = lexicon.is_content_word  # a word may end in one: strip it first
            candidates = [index for index, lower in enumerate(lowers) if is_content_word(lower)]
        else:  # no apostrophe (most goals): the test is one set lookup per word, run in C
            candidates = compress(range(len(lowers)), map(not_, map(lexicon.NOT_CONTENT_OR_SHORT.__contains__, lowers)))
        covered = self._cover_of(CONTENT_SKIP)
        cover_starts, cover_ends = covered.starts, covered.max_ends
        found = []
        for index in candidates:
            start, end = bounds[index]
            # covered.overlaps(start, end), inlined: it runs for most words of every goal
            count = bisect_left(cover_starts, end)
            if not (count and cover_ends[count - 1] > start):
                found.append(_piece((texts[index], start, end)))
        return found

    @lazy
    def content_lemmas(self) -> list[str]:
        return [w.text.lower() for w in self.content]

    @lazy
    def words(self) -> list[tuple[Piece, str]]:
        """Every word of the goal's own text with its lower-cased form (numbers' units included)."""
        lowers = self._tokens[0]
        return [(self._word(index), lower) for index, lower in enumerate(lowers)]

    def _words_in(self, vocabulary: frozenset[str]) -> list[Piece]:
        lowers = self._tokens[0]
        if vocabulary.isdisjoint(lowers):
            return []  # one C-level test spares the loop over the words (most goals)
        return [self._word(index) for index in compress(range(len(lowers)), map(vocabulary.__contains__, lowers))]

    @lazy
    def deliverable_verbs(self) -> list[Piece]:
        """A verb of doing something verifiable ("launch", "publish"), by the ACTION facts or words."""
        spans = [_piece((m.text, m.start, m.end)) for m in self.of("ACTION")
                 if str(m.value or m.text).lower() in lexicon.DELIVERABLE_VERBS]
        spans += self._words_in(lexicon.DELIVERABLES)
        return spans

    @lazy
    def what_phrases(self) -> list[Piece]:
        """The content words joined into phrases ("website traffic"), for evidence."""
        phrases: list[Piece] = []
        text = self.facts.text
        for word in self.content:
            if phrases and not text[phrases[-1].end:word.start].strip(" -"):
                last = phrases[-1]
                phrases[-1] = _piece((text[last.start:word.end], last.start, word.end))
            else:
                phrases.append(word)
        return phrases

    @lazy
    def vague_aim(self) -> list[Mention]:
        """Vague words that stand alone: "make the app better", with no number and no deliverable."""
        if self.targets or self.deliverable_verbs:
            return []
        found = [m for m in self.vague_terms
                 if any(w.lower() in lexicon.VAGUE_QUALITIES for w in lexicon.WORD.findall(str(m.value or m.text)))]
        # a vague quality the NLP pass leaves unmarked ("a lot happier", "feel good")
        found += [p for p in self._words_in(lexicon.VAGUE_QUALITIES)
                  if not any(m.start <= p.start < m.end for m in found)]
        return found

    @lazy
    def what(self) -> list[Piece]:
        """The concrete outcome: content words, or a number with a counted unit; none for a vague aim."""
        if self.vague_aim:
            return []
        if self.content:
            return self.what_phrases
        targets = [m for m in self.targets if m.unit]
        if targets:
            return [_piece((m.text, m.start, m.end)) for m in targets]
        return []

    @lazy
    def methods(self) -> list[Piece]:
        platforms = [_piece((m.text, m.start, m.end)) for m in self.platforms]
        if self._words_start_matches and not lexicon.method_may_match(self._tokens[0]):
            return platforms
        return platforms + self._regex_spans(lexicon.METHOD)

    @lazy
    def scopes(self) -> list[Piece]:
        if self._words_start_matches and not lexicon.scope_may_match(self._tokens[0], self._tokens[2]):
            return []
        return [s for s in self._regex_spans(lexicon.SCOPE)
                if not self._covered(s.start, s.end, SCOPE_SKIP)
                and s.text.split()[-1].lower() not in lexicon.MEASURE_WORDS]

    # -- facts by kind ------------------------------------------------------------------------
    def of(self, *labels: str) -> list[Mention]:
        if len(labels) == 1:
            return self._by_label.get(labels[0], [])
        return [m for m in self.mentions if m.label in labels]

    @lazy
    def _numbers(self) -> list[Mention]:
        """Amounts, percentages and money (read by targets, weak numbers and rates)."""
        return _in_text_order(self._by_label, NUMBER_LABELS, self.mentions)

    @lazy
    def channels(self) -> list[str]:
        """Distinct platforms and channels named in this goal."""
        if not self.platforms:
            return []
        return sorted({str(m.value or m.text).lower() for m in self.platforms})

    @lazy
    def initiatives(self) -> int:
        """Items of the longest enumeration in the goal ("automate approvals, onboarding, matching
        and reporting": 4); commas inside numbers and dates do not separate items."""
        longest = 0
        for offset, text in self.goal_text_pieces:
            if text.count(",") < 2:
                continue
            items, cursor = 0, offset
            for segment in text.split(","):
                dated = self._covered(cursor - 1, cursor, TIME_LABELS)  # "June 30, 2026"
                cursor += len(segment) + 1
                if dated:
                    continue
                joined = _LAST_ITEM.search(segment)
                if joined and items >= 2 and len(segment[:joined.start()].split()) <= lexicon.MAX_ITEM_WORDS:
                    # "..., c and d" or "..., and d" closes the list
                    longest = max(longest, items + (1 if segment[:joined.start()].strip() else 0) + 1)
                    items = 0
                elif not segment.split() or len(segment.split()) > lexicon.MAX_ITEM_WORDS or joined:
                    items = 0 if not joined else 1  # a clause, not an item: the enumeration starts again
                else:
                    items += 1
        return longest

    @lazy
    def effort_count(self) -> int:
        """Channels or initiatives worked on at once: the larger of the two counts."""
        return max(len(self.channels), self.initiatives)

    @lazy
    def _timed(self) -> list[Mention]:
        return _in_text_order(self._statement_by_label, TIMED_LABELS, self._outside_reason)

    def _is_service_window(self, m: Mention) -> bool:
        """"reply within 48 hours": a target for each case, not a deadline for the goal."""
        if m.label != "DURATION" or m.role == "target":
            return m.role == "target"
        days = duration_days(str(m.value))
        if days is None or days > 14:
            return False
        if days < 1:
            return True
        if m.kind != "deadline" and not m.text.lower().startswith(lexicon.WINDOW_OPENERS):
            return False  # "takes six days": a measure, not a window ("within six days")
        before = self.facts.text[max(0, m.start - 60):m.start].lower()
        return any(w in lexicon.SERVICE_VERBS for w in lexicon.WORD.findall(before)[-6:])

    def _word_before(self, m: Mention) -> str:
        words = lexicon.WORD.findall(self.facts.text[max(0, m.start - 20):m.start])
        return words[-1].lower() if words else ""

    @lazy
    def measured_durations(self) -> tuple[list[Mention], list[Mention]]:
        """Bare durations that measure the outcome (no by/within/for/over): ("to 30 days", "under
        20 minutes") are targets, the rest ("takes six days", "from 45 days") describe the present."""
        targets, present = [], []
        for m in self.of("DURATION"):
            if m.kind is not None or self._is_service_window(m):
                continue
            (targets if self._word_before(m) in lexicon.TARGET_OPENERS else present).append(m)
        return targets, present

    @lazy
    def service_windows(self) -> list[Mention]:
        return [m for m in self._timed if self._is_service_window(m)]

    def _deadline_facts(self) -> tuple[list[Mention], Mention | None, list[Mention], float | None,
                                       float | None, float | None]:
        """deadlines, deadline, past_deadlines, months_to_deadline, years_to_deadline and
        days_to_deadline (see `together`): each reads the one before it."""
        deadlines, windows, timed = [], self.service_windows, self._timed
        rated = "FREQUENCY" in self._statement_by_label  # else no day recurs
        for m in timed:
            if m.label not in TIME_LABELS or (windows and any(m is w for w in windows)) or _open_ended(m):
                continue
            kind = m.kind or "point"
            if kind in BOUNDED_KINDS and not (m.label == "DURATION" and kind == "point") \
                    and not (rated and self._recurs(m)):
                deadlines.append(m)
        # the latest resolved last day among the bounding expressions, else the first of them
        dated = [m for m in deadlines if m.deadline is not None and m.resolved]
        deadline = max(dated, key=_LAST_DAY) if dated else deadlines[0] if deadlines else None
        today = self.facts.reference_date
        past = [m for m in dated if m.deadline < today]
        months = years = None
        if deadline is not None and deadline.deadline is not None and deadline.resolved:
            months = (deadline.deadline - today).days / DAYS_PER_MONTH
            years = months / 12
        # to the earliest past deadline, else to the goal's deadline
        if past:
            days = float(min((m.deadline - today).days for m in past))
        else:
            days = None if months is None else (deadline.deadline - today).days
        return deadlines, deadline, past, months, years, days

    deadlines, deadline, past_deadlines, months_to_deadline, years_to_deadline, days_to_deadline = \
        together(_deadline_facts, 6)

    def _recurs(self, m: Mention) -> bool:
        """"by the fifth working day of each month": a day in every period, a rate and no deadline."""
        text = self.facts.text
        for rate in self._timed:
            if rate.label == "FREQUENCY" and 0 <= rate.start - m.end <= 30:
                between = text[m.end:rate.start]
                return " of" in f" {between}" and not any(ch in between for ch in ",;.")
        return False

    @lazy
    def vague_times(self) -> list[Mention]:
        """Vague times, and periods left open ("in the coming weeks": with no count, no end)."""
        vague = self._statement_by_label.get("VAGUE_TIME", [])
        open_ended = [m for m in self._statement_by_label.get("DATE_RANGE", ()) if _open_ended(m)]
        return sorted(vague + open_ended, key=_START) if open_ended else vague

    @lazy
    def rates(self) -> list[Mention]:
        return ([m for m in self._timed if m.label == "FREQUENCY"]
                + [m for m in self._numbers if m.role == "rate"])

    # -- M: targets and other numbers ------------------------------------------------------------
    @lazy
    def targets(self) -> list[Mention]:
        """Numbers that are the goal's target: amounts, changes, rates and service windows."""
        numbers = [m for m in self._numbers if m.role in TARGET_ROLES]
        in_part = [m for m in self.service_windows if self.start <= m.start and m.end <= self.end]
        frequencies = self.of("FREQUENCY")
        return sorted(self.changes + numbers + frequencies + in_part + self.measured_durations[0],
                      key=_START)

    @lazy
    def weak_numbers(self) -> list[Mention]:
        """Numbers that are not the target: a baseline, a rank, the team's own size."""
        weak = [m for m in self._numbers if m.role in WEAK_NUMBER_ROLES]
        return weak + self.measured_durations[1] if self.measured_durations[1] else weak

    @lazy
    def baselines(self) -> list[Mention]:
        return [m for m in self.weak_numbers if m.role in ("baseline", None)]

    @lazy
    def ranks(self) -> list[Mention]:
        return [m for m in self.weak_numbers if m.role == "rank"]

    @lazy
    def comparatives(self) -> list[Piece]:
        return [p for p in self._words_in(lexicon.COMPARATIVES) if not self._covered(p.start, p.end, ("CHANGE",))]

    # -- A: realism ---------------------------------------------------------------------------
    @lazy
    def absolutes(self) -> list[Piece]:
        """"100% of", "zero", "never", "every single", "no X": targets no team can promise."""
        changes = self.changes
        spans = []
        # the cue words are a necessary condition only where words stand alone ("non-zero" is one)
        maybe = (not self._words_start_matches or "100" in self.facts.text
                 or not _ABSOLUTE_CUES.isdisjoint(self._tokens[0]))
        for span in (self._regex_spans(lexicon.ABSOLUTE) if maybe else ()):
            inside_change = any(c.start <= span.start and span.end <= c.end for c in changes)
            if inside_change and "100" in span.text:
                continue  # "by 100%" is doubling, not an absolute
            spans.append(span)
        for m in self.of("QUANTITY"):
            if m.value == 0 and not any(s.start <= m.start < s.end for s in spans):
                spans.append(_piece((m.text, m.start, m.end)))
        for c in changes:
            value = c.value if isinstance(c.value, dict) else {}
            if value.get("direction") == "down" and value.get("percent") == 100 or value.get("to") == 0:
                if not any(s.start < c.end and c.start < s.end for s in spans):
                    spans.append(_piece((c.text, c.start, c.end)))
        return sorted(spans, key=_START) if len(spans) > 1 else spans

    def _growth_facts(self) -> tuple[tuple[float, Mention] | None, float | None, float | None, float | None]:
        """growth: the largest upward change in percent, with the mention behind it; its factor;
        growth_per_month: spread over the months to the deadline (at least one month);
        short_term_growth: the growth asked for when the deadline is at most three months away."""
        found = [(g, m) for m in self.changes if (g := growth_percent(m)) is not None]
        if not found:
            return None, None, None, None
        growth = max(found, key=_FIRST)
        percent, months = growth[0], self.months_to_deadline
        if months is None or months <= 0:
            return growth, 1 + percent / 100, None, None
        return growth, 1 + percent / 100, percent / max(months, 1.0), percent if months <= 3 else None

    growth, growth_factor, growth_per_month, short_term_growth = together(_growth_facts, 4)

    # -- R: why -------------------------------------------------------------------------------
    @lazy
    def results(self) -> list[Piece]:
        """Business or life results named as the outcome ("revenue", "customer satisfaction")."""
        lowers, bounds, _ = self._tokens
        found = []
        if lexicon.RESULT_WORDS.isdisjoint(lowers):
            return found
        for index in compress(range(len(lowers)), map(lexicon.RESULT_WORDS.__contains__, lowers)):
            following = lowers[index + 1] if index + 1 < len(lowers) else ""
            if following and bounds[index + 1][0] - bounds[index][1] <= 1 and _modifies(following):
                continue  # "sales leads", "customer database": the word only modifies the head noun
            found.append(self._word(index))
        if found and self.scopes:  # "for premium customers" says where, not what the goal achieves
            found = [p for p in found if not any(s.start <= p.start and p.end <= s.end for s in self.scopes)]
        return found

    @lazy
    def reasons_with_outcome(self) -> list[Mention]:
        return [r for r in self.rationale if self.reason_has_outcome(r)]

    def reason_has_outcome(self, reason: Mention) -> bool:
        """A reason names an aim ("so that we keep our clients"), not only a need ("two grades behind")."""
        words = list(map(str.lower, lexicon.WORD.findall(reason.text)))
        lowered = reason.text.lower()
        is_content_word = lexicon.is_content_word
        # lexicon.content_words(reason.text) is non-empty, asked only where it decides
        has_content = None
        if lowered.startswith(lexicon.PURPOSE_MARKERS):
            has_content = any(is_content_word(w) for w in words)
            if has_content:
                return True  # "so that ...", "in order to ...": the clause states the aim itself
        # "keep complaining" describes a state; "keep our clients" states an aim
        if not lexicon.AIM_WORDS.isdisjoint(words[1:]) and any(
                w in lexicon.AIM_WORDS and not following.endswith("ing")
                for w, following in zip(words[1:], words[2:] + [""])):
            return True
        if not lexicon.NEED_WORDS.isdisjoint(words):
            return False
        if not lexicon.RESULT_WORDS.isdisjoint(words):
            return True
        if not any(marker in lowered for marker in lexicon.PURPOSE_MARKERS):
            return False
        return has_content if has_content is not None else any(is_content_word(w) for w in words)


def _sorted_by_label(mentions: list[Mention]) -> dict[str, list[Mention]]:
    by_label: dict[str, list[Mention]] = {}
    for m in mentions:
        label = m.label
        if label in by_label:
            by_label[label].append(m)
        else:
            by_label[label] = [m]
    return by_label


def _open_ended(m: Mention) -> bool:
    """A period with no end to resolve to ("in the next few months"): vague, not a deadline."""
    return m.label == "DATE_RANGE" and m.value is None and not m.resolved


def _in_text_order(by_label: dict[str, list[Mention]], labels, mentions: list[Mention]) -> list[Mention]:
    """The mentions with these labels, in the order of `mentions` (sorted by label in `by_label`)."""
    present = [label for label in labels if label in by_label]
    if len(present) > 1:
        return [m for m in mentions if m.label in labels]
    return by_label[present[0]] if present else []  # one label or none (most goals): no scan


_LAST_ITEM = re.compile(r"(?:^|\s)(?:and|or)\s+\S")
# Words without which the ABSOLUTE pattern cannot match (it only runs when one is there).
_ABSOLUTE_CUES = frozenset("every each never always zero one no eliminate eradicate end".split())


def _modifies(following: str) -> bool:
    """Whether a word after a result word is the real head noun ("customer database")."""
    return following in lexicon.ACTIVITY_WORDS or (
        following not in lexicon.RESULT_WORDS and following not in lexicon.RESULT_TAILS
        and following not in lexicon.STOPWORDS and following not in lexicon.GENERIC_VERBS
        and following not in lexicon.MEASURE_WORDS and len(following) > 2)


