"""The shape of a goal sentence as the coach needs it: where the predicate starts, where its object
ends, where the main clause stops and the reason begins, and which realism flags are raised.

Built from Facts (character offsets) and a cheap word scan; no parser. Everything here is plain
data that the rewrite, the suggestions, the questions and the answer folding share.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache, partial
from itertools import groupby
from operator import attrgetter, itemgetter
from typing import Callable, Iterator, NamedTuple


from smartlint.engine.view import GoalView, lazy
from smartlint.facts import Facts, Mention
from smartlint.nlp import lemmas

# a number with separators ("1,200", "24.04") is one word: its comma is no clause boundary
WORD = re.compile(r"\d+(?:[.,]\d+)+\w*|\w+(?:[-'’]\w+)*|[^\w\s]")
CLOSING_PUNCT = ".!?;:"

TIME_LABELS = ("DATE", "DATE_RANGE", "DURATION", "VAGUE_TIME", "START_TIME")
LEADING_TIME_LABELS = frozenset(TIME_LABELS + ("FREQUENCY",))
NUMBER_LABELS = ("QUANTITY", "PERCENT", "MONEY", "CHANGE")
# Mentions that end an object noun phrase: the object is the plain words before the first fact.
# (A platform is not one: in "grow newsletter sign-ups" it names the object; "on X" ends it anyway.)
OBJECT_STOPPERS = frozenset(NUMBER_LABELS + TIME_LABELS + ("FREQUENCY", "RATIONALE", "OWNER"))

# Words after which an object noun phrase has ended (a preposition, a conjunction, a relative).
OBJECT_BOUNDARY = frozenset(
    "through via using by within before until after during in on at across for from with so "
    "because since while and or to which that who whom when where as per each every next this "
    "starting beginning".split()
)
# Stronger boundaries: what a vague aim is replaced up to (keeps "through X", "by June", reasons).
CORE_BOUNDARY = frozenset("through via using by within before until so because since while".split())
# _object_ends finds both ends in one scan, which needs every core boundary to end the object too
assert CORE_BOUNDARY <= OBJECT_BOUNDARY

# Auxiliaries and intent phrases that may stand between an owner and the predicate verb.
AUXILIARIES = frozenset(
    "will shall must should would could can may might 'll ’ll want wants aim aims plan plans need "
    "needs intend intends hope hopes try tries going is are am be to like would also".split()
)
GOAL_FRAMES = re.compile(r"^(?:our|my|the|their|his|her|team'?s?)\s+(?:\w+\s+)?(?:goal|aim|objective|target|plan|mission)\s+is\s+to\s+", re.I)

UP_VERBS = frozenset("increase grow raise boost expand lift scale double triple gain".split())
DOWN_VERBS = frozenset("reduce cut decrease lower lessen shrink halve minimize minimise drop trim".split())
# Vague verbs and what a concrete goal says instead (direction settled by the object).
VAGUE_VERBS = frozenset("improve enhance optimize optimise better boost maximize maximise strengthen "
                        "advance develop upgrade".split())
# Objects where "improve" means "make smaller".
DOWNWARD_OBJECTS = frozenset(
    "time times cost costs churn defects defect errors error complaints complaint waiting wait "
    "turnover latency delays delay backlog debt expenses spend spending bugs bug downtime incidents "
    "absences absenteeism attrition returns refunds weight".split()
)
COMPARATIVES = frozenset("more fewer less higher lower bigger larger greater better faster".split())
# Adverbs that can stand between the owner (or the start) and the predicate verb.
ADVERBS_BEFORE_VERB = frozenset("never always".split())
# Words that can be verbs but do not start an imperative goal.
NOT_IMPERATIVE = frozenset("more better less higher lower our my their your its the a an".split())


class Word(NamedTuple):
    text: str
    start: int
    end: int
    lower: str


class Anatomy:
    """The goal's shape. What every letter's coaching needs (the main clause, the owner, the
    reason) is found up front; the words and the predicate with its object and tail are found on
    first use: a goal that lacks only a deadline never asks for them."""

    def __init__(self, facts: Facts, view: GoalView | None = None):
        self.facts = facts
        text = facts.text
        body_end = len(text.rstrip())
        while body_end > 0 and text[body_end - 1] in CLOSING_PUNCT:
            body_end -= 1
        self.body_end = len(text[:body_end].rstrip())  # the text without closing punctuation
        # mentions by label set, in text order: every single label present is indexed up front,
        # other sets as they are asked for (the coach asks the same few many times)
        # (a stable sort by label keeps text order within a label; sort and grouping run in C)
        by_labels: dict[tuple[str, ...], list[Mention]] = {
            (label,): list(group) for label, group in groupby(sorted(facts.mentions, key=_LABEL), _LABEL)}
        self.by_labels = by_labels
        reasons = by_labels.get(("RATIONALE",), ())
        main_end = self.main_end = _main_end(reasons, text, self.body_end)  # before the reason clause
        owners = by_labels.get(("OWNER",))
        self._owners = [m for m in owners if not m.in_rationale and m.start < main_end] if owners else []
        self.has_owner = bool(self._owners)
        # a reason follows the main clause
        self.trailing_reason = bool(reasons) and any(m.start >= main_end for m in reasons)
        self._outside: dict[tuple[str, ...], list[Mention]] = {}
        self._in_main: dict[tuple[str, ...], list[Mention]] = {}
        if view is not None:
            self.view = view  # the judge's own, stored over the lazy one

    @lazy
    def view(self) -> GoalView:
        """The engine's view of the whole goal (built on first use when the caller had none: only
        the realism edits ask)."""
        return GoalView(self.facts)

    @lazy
    def flags(self) -> list[str]:
        """The realism flags raised by the facts (most goals never ask)."""
        return realism_flags(self)

    def _split(self) -> tuple[list[Word], list[int], list[int]]:
        """The words with their starts and ends, stored over their lazy properties at once."""
        split = self.words, self.word_starts, self.word_ends = split_words(self.facts.text)
        return split

    @lazy
    def words(self) -> list[Word]:
        return self._split()[0]

    @lazy
    def word_starts(self) -> list[int]:
        """The words' starts, for bisecting (words never overlap)."""
        return self._split()[1]

    @lazy
    def word_ends(self) -> list[int]:
        return self._split()[2]

    def _find_predicate(self) -> tuple[Word | None, int, tuple[int, int] | None]:
        """The predicate's three parts, stored over their lazy properties at once."""
        if self._owners:
            # the verb follows the owner within a few words: no need to split the whole goal
            parts = _predicate_after_owner(self.facts.text, self._owners[0].end, self.main_end)
        else:
            parts = _predicate(self.facts, self.by_labels.get(("ACTION",), ()), self.words, self.main_end)
        self.predicate, self.predicate_start, self.drop_before_predicate = parts
        return parts

    @lazy
    def predicate(self) -> Word | None:
        """The main verb, when one was found."""
        return self._find_predicate()[0]

    @lazy
    def predicate_start(self) -> int:
        """Where "<owner> will" goes (start of the predicate or of the noun phrase)."""
        return self._find_predicate()[1]

    @lazy
    def drop_before_predicate(self) -> tuple[int, int] | None:
        """ "To " / "Our goal is to ": what goes when an owner is added."""
        return self._find_predicate()[2]

    @lazy
    def _object_parts(self) -> tuple[int, int]:
        predicate_start = self.predicate_start
        stoppers = [m.start for m in self.facts.mentions if m.label in OBJECT_STOPPERS and m.start > predicate_start]
        return _object_ends(stoppers, self.words, self.predicate, predicate_start, self.main_end)

    @lazy
    def object_end(self) -> int:
        """End of the object of the predicate (insertion point for "by <target>")."""
        return self._object_parts[0]

    @lazy
    def core_end(self) -> int:
        """End of the predicate's plain words, up to a fact or a strong boundary."""
        return self._object_parts[1]

    @lazy
    def has_method(self) -> bool:
        """A platform in the main clause, or a "through"/"via"/"using" after the predicate starts
        (the plan and the suggestions both ask)."""
        return bool(self.in_main("PLATFORM")) or not METHOD_WORDS.isdisjoint(
            map(_LOWER, self.words_between(self.predicate_start, self.main_end)))

    @lazy
    def tail(self) -> int:
        """Where "through <method>" goes: before a trailing time expression."""
        timed = [m for m in self.of(*TIME_LABELS) if not m.in_rationale]
        # the word before a time expression, from the words when they were split already
        word_before = self.word_before if "words" in self.__dict__ else partial(last_word_before, self.facts.text)
        return _tail(self.facts.text, timed, word_before, self.main_end, self.predicate_start)

    def of(self, *labels: str) -> list[Mention]:
        """Mentions with one of the labels, in text order (Facts.of, remembered per label set)."""
        found = self.by_labels.get(labels)
        if found is None:
            # analyze indexed every single label present: one that is not here has no mentions
            found = self.by_labels[labels] = [] if len(labels) == 1 else [
                m for m in self.facts.mentions if m.label in labels]
        return found

    def mentions(self, *labels: str, in_rationale: bool | None = False) -> list[Mention]:
        """of(), by default without the mentions inside a reason clause."""
        if in_rationale is False:
            found = self._outside.get(labels)
            if found is None:
                found = self._outside[labels] = [m for m in self.of(*labels) if not m.in_rationale]
            return found
        found = self.of(*labels)
        if in_rationale is None:
            return found
        return [m for m in found if m.in_rationale == in_rationale]

    def in_main(self, *labels: str) -> list[Mention]:
        """mentions() that start in the main clause (before the reason clause)."""
        found = self._in_main.get(labels)
        if found is None:
            source = self.by_labels.get(labels)
            if source is None:
                if len(labels) == 1:
                    return []  # every single label present was indexed up front
                source = self.of(*labels)
            main_end = self.main_end
            found = self._in_main[labels] = [m for m in source if not m.in_rationale and m.start < main_end]
        return found

    def words_between(self, start: int, end: int) -> list[Word]:
        return self.words[bisect_left(self.word_starts, start):bisect_right(self.word_ends, end)]

    def words_after(self, offset: int) -> list[Word]:
        """The words that start at or after `offset`."""
        return self.words[bisect_left(self.word_starts, offset):]

    def word_before(self, offset: int) -> Word | None:
        """The last word that ends at or before `offset`."""
        index = bisect_right(self.word_ends, offset)
        return self.words[index - 1] if index else None

    def word_at(self, offset: int) -> Word | None:
        """The first word that starts at or after `offset`."""
        index = bisect_left(self.word_starts, offset)
        return self.words[index] if index < len(self.words) else None

    @property
    def is_imperative(self) -> bool:
        return self.predicate is not None and self.predicate.start == self.predicate_start


@lru_cache(maxsize=4096)
def verb_lemma(word: str) -> str | None:
    """The base form when `word` can be a verb (known to lemminflect's dictionary)."""
    if "VERB" not in lemmas.word_classes(word):
        return None
    return lemmas.lemma(word, "VERB")


_new_word = partial(tuple.__new__, Word)  # NamedTuple's own __new__ costs a Python-level call


_START, _END = itemgetter(1), itemgetter(2)
_LABEL = attrgetter("label")
_LOWER = itemgetter(3)  # a Word's lower-case text, read in C
METHOD_WORDS = frozenset("through via using".split())
# Letters are word characters and these marks are words on their own: "growth," is two words.
_TRAILING_MARKS = frozenset(",.;:!?")


@lru_cache(maxsize=16384)
def _chunk_words(chunk: str) -> tuple[tuple[str, int, int, str], ...]:
    """(text, start, end, lower case) of the words in a piece of a goal between two spaces, offsets
    within the piece. No word contains a space and the word pattern looks at nothing outside its
    match, so the words of a text are the words of its space-separated pieces, shifted; the pieces
    that are not plain words ("Q3", "1,200", "sign-ups") recur from goal to goal."""
    return tuple((m[0], m.start(), m.end(), m[0].lower()) for m in WORD.finditer(chunk))


def split_words(text: str) -> tuple[list[Word], list[int], list[int]]:
    """The words of `text` as WORD finds them, with their starts and ends."""
    words: list[Word] = []
    add = words.append
    base = 0
    for chunk in text.split(" "):
        # most pieces are one plain word, or one with a comma or full stop after it
        if chunk.isalpha():
            add(_new_word((chunk, base, base + len(chunk), chunk.lower())))
        elif chunk[-1:] in _TRAILING_MARKS and chunk[:-1].isalpha():
            end = base + len(chunk) - 1
            add(_new_word((chunk[:-1], base, end, chunk[:-1].lower())))
            add(_new_word((chunk[-1], end, end + 1, chunk[-1])))
        elif chunk:
            for found, start, end, lower in _chunk_words(chunk):
                add(_new_word((found, base + start, base + end, lower)))
        base += len(chunk) + 1
    starts = list(map(_START, words))
    ends = list(map(_END, words))
    return words, starts, ends


def words_from(text: str, offset: int) -> Iterator[Word]:
    """The words of split_words(text) from the space-separated piece that holds `offset` on, found
    one piece at a time: for a scan that stops after a few words."""
    base = text.rfind(" ", 0, offset) + 1
    size = len(text)
    while base <= size:
        end = text.find(" ", base)
        if end < 0:
            end = size
        yield from _piece_words(text[base:end], base)
        base = end + 1


def last_word_before(text: str, offset: int) -> Word | None:
    """The last word of split_words(text) that ends at or before `offset`, found by reading back
    from `offset` one space-separated piece at a time."""
    base = text.rfind(" ", 0, offset) + 1
    if base < offset:  # `offset` lies within a piece: its words that end by then
        end = text.find(" ", base)
        found = [w for w in _piece_words(text[base:end if end >= 0 else len(text)], base) if w.end <= offset]
        if found:
            return found[-1]
    while base > 0:  # the whole pieces before, the nearest first
        end = base - 1
        base = text.rfind(" ", 0, end) + 1
        words = _piece_words(text[base:end], base)
        if words:
            return words[-1]
    return None


def _piece_words(chunk: str, base: int) -> list[Word]:
    """The words of one space-separated piece starting at `base`, as split_words finds them."""
    if chunk.isalpha():
        return [_new_word((chunk, base, base + len(chunk), chunk.lower()))]
    return [_new_word((found, base + start, base + end, lower)) for found, start, end, lower in _chunk_words(chunk)]


def analyze(facts: Facts, view: GoalView | None = None) -> Anatomy:
    """The anatomy of the goal in `facts`; `view` is the judge's GoalView of the whole goal, when
    the caller has it (the coach would otherwise build the same one again)."""
    return Anatomy(facts, view)


def _main_end(reasons: list[Mention], text: str, body_end: int) -> int:
    end = min(min([m.start for m in reasons if m.start > 0], default=body_end), body_end) if reasons else body_end
    while end > 0 and (text[end - 1].isspace() or text[end - 1] in ",;:-–—"):
        end -= 1
    return end


def _predicate_after_owner(text: str, after: int, main_end: int) -> tuple[Word | None, int, None]:
    """_predicate's parts when an owner ending at `after` is the subject: the first word after it
    that is no auxiliary or adverb."""
    for w in words_from(text, after):
        if w.start < after or w.lower in AUXILIARIES or w.lower in ADVERBS_BEFORE_VERB or w.text in "'’":
            continue
        if w.start >= main_end:
            break
        return w, w.start, None
    return None, after, None


def _predicate(facts: Facts, actions: list[Mention], words: list[Word], main_end: int):
    """(verb word or None, where the predicate starts, span to drop when an owner is added) for a
    goal without an owner."""
    start_index = _skip_leading_phrase(facts.mentions, words, main_end)
    if start_index >= len(words):
        return None, 0, None
    first = words[start_index]
    framed = GOAL_FRAMES.match(facts.text[first.start:])
    if framed:
        after = first.start + framed.end()
        verb = next((w for w in words if w.start >= after), None)
        if verb is not None:
            return verb, verb.start, (first.start, verb.start)
    if first.lower == "to" and start_index + 1 < len(words):
        verb = words[start_index + 1]
        if verb_lemma(verb.text):
            return verb, verb.start, (first.start, verb.start)
    if any(a.start == first.start and a.start < main_end and not a.in_rationale for a in actions) or (
            _can_start_imperative(first.text.strip("_*"))):
        return first, first.start, None
    if first.lower in ADVERBS_BEFORE_VERB and start_index + 1 < len(words):
        verb = words[start_index + 1]  # "Never ship a failing build": the verb follows
        if verb_lemma(verb.text):
            return verb, first.start, None
    return None, first.start, None


def _can_start_imperative(word: str) -> bool:
    lower = word.lower()
    if lower in NOT_IMPERATIVE or not word[:1].isalpha():
        return False
    if lower.endswith("ing"):
        lemma = verb_lemma(lower)
        return lemma is not None and lemma != lower
    return verb_lemma(lower) == lower


def _skip_markup(words: list[Word]) -> int:
    """Index of the first word after list markers, emphasis and a "Goal:" label ("- **Goal:** ...")."""
    index = 0
    while index < len(words):
        w = words[index]
        if not w.text.strip("_*#>") or w.text in "-–•*#>:" :
            index += 1
        elif w.lower.strip("_*") in LABEL_WORDS and index + 1 < len(words) and words[index + 1].text in ":*":
            index += 1
        else:
            break
    return index


LABEL_WORDS = frozenset("goal objective okr kr kpi target aim".split())


def _skip_leading_phrase(mentions: list[Mention], words: list[Word], main_end: int) -> int:
    """Index of the first word after markup and a leading "By Q3 2026," / "Within 4 months," phrase."""
    first = _skip_markup(words)
    if first:
        return first
    if not words:
        return 0
    times = [m for m in mentions if m.label in LEADING_TIME_LABELS and m.start <= words[min(1, len(words) - 1)].start]
    leads_with_time = bool(times) or words[0].lower in {"by", "within", "over", "during", "before", "until", "starting", "from", "in", "this", "next", "for", "after", "each", "every"}
    if not leads_with_time:
        return 0
    for i, w in enumerate(words):
        if w.start >= main_end:
            break
        if w.text == ",":
            return i + 1
    return 0


def _object_ends(stoppers, words, predicate, predicate_start, main_end) -> tuple[int, int]:
    """(object_end, core_end): the predicate's plain words up to a fact or punctuation, the object
    stopping at any OBJECT_BOUNDARY word and the core only at a CORE_BOUNDARY one."""
    limit = min([main_end, *stoppers])
    start = predicate.end if predicate is not None else predicate_start
    object_end = core_end = start
    in_object = True
    for w in words:
        if w.start < start:
            continue
        if w.start >= limit or (not w.text[0].isalnum() and w.text not in "&/%"):
            break
        if in_object and w.lower in OBJECT_BOUNDARY:
            in_object = False
        if not in_object and w.lower in CORE_BOUNDARY:
            break
        if in_object:
            object_end = w.end
        core_end = w.end
    return object_end, core_end


def _tail(text: str, timed: list[Mention], word_before: Callable[[int], Word | None], main_end: int,
          predicate_start: int) -> int:
    """Before the time expressions that close the main clause ("... by Friday, January 9"), else
    main_end; "through <method>" goes there."""
    # a bare duration ("to 30 days") is a measure, not the goal's time
    timed = [m for m in timed if m.start > predicate_start and not (m.label == "DURATION" and m.kind is None)]
    tail = main_end
    # where the text before the tail ends, bar spaces and commas (a moved tail already ends there)
    limit = len(text[:tail].rstrip(" ,"))
    moved = bool(timed)
    while moved:
        moved = False
        for m in timed:
            if m.start < tail and m.end >= limit:
                previous = word_before(m.start)
                if previous is not None and previous.lower == "than":
                    continue  # "higher than last year": a comparison, not the goal's time
                tail = m.start
                if previous is not None and previous.lower in LEADING_TIME_WORDS:
                    tail = previous.start
                tail = limit = len(text[:tail].rstrip(" ,"))
                moved = True
    return tail


LEADING_TIME_WORDS = frozenset("by within before until in over during for this next starting from".split())


def realism_flags(anatomy: Anatomy) -> list[str]:
    """The A red flags the facts show: past deadline, far deadline, absolutes, channel overload."""
    flags = []
    today = anatomy.facts.reference_date
    deadlines = [m.deadline for m in anatomy.of(*TIME_LABELS) if m.deadline and not m.in_rationale]
    if deadlines:
        if any(d < today for d in deadlines):
            flags.append("past_deadline")
        # five years on; near the end of the calendar nothing representable lies that far out
        far = (dt.date(today.year + 5, today.month, min(today.day, 28 if today.month == 2 else today.day))
               if today.year <= dt.MAXYEAR - 5 else None)
        if far is not None and any(d > far for d in deadlines):
            flags.append("far_deadline")
    platforms = {m.value or m.text for m in anatomy.of("PLATFORM") if not m.in_rationale}
    if len(platforms) > 3:
        flags.append("too_many_channels")
    for m in anatomy.of("PERCENT"):
        if not m.in_rationale and m.value is not None and float(m.value) >= 100 and m.role in (None, "target"):
            flags.append("absolute")
            break
    for m in anatomy.of("QUANTITY"):
        if not m.in_rationale and m.value == 0 and m.role in (None, "target"):
            flags.append("absolute")
            break
    return flags
