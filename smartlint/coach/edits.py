"""Edits to a goal's text, planned per SMART letter and applied together.

The rewrite edits the original rather than regenerating it, so every number, date, owner, platform
and reason the user wrote stays word for word; only what is missing is inserted (as a placeholder
or as the user's answer) and only vague words are replaced.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from smartlint.coach.anatomy import (
    ADVERBS_BEFORE_VERB,
    COMPARATIVES,
    DOWN_VERBS,
    DOWNWARD_OBJECTS,
    UP_VERBS,
    VAGUE_VERBS,
    Anatomy,
    Word,
)
from smartlint.nlp import lemmas
from smartlint.report import Dimension

# Intent verbs that need "to" before the predicate we write ("We want to increase ...").
NEEDS_TO = frozenset("want wants aim aims plan plans need needs hope hopes try tries intend intends like going".split())
# Finite verbs after a non-owner subject: "Sales will grow ..." becomes "<owner> will make sure that ...".
FINITE = frozenset("will shall must should would could can may might is are was were has have 'll".split())
# Vague words that carry nothing and can simply go ("world-class", "etc.").
DROPPABLE = frozenset("etc etc. various world-class best-in-class world class".split())
VAGUE_OBJECTS = frozenset("things thing stuff aspects areas everything".split())

# doubled spaces, spaces before punctuation, and a comma doubled by two insertions
_LOOSE = re.compile(r"[ \t]+(?=[,.;:!?])|(?<=[ \t])[ \t]+|,\s*(?=,)")


class Edit(NamedTuple):  # a NamedTuple: a frozen dataclass costs several times as much to make
    start: int
    end: int
    text: str
    dimension: Dimension
    order: int = 0  # among edits at the same offset: smaller goes first


# the order edits are applied in: left to right, and by `order` at one offset
EDIT_ORDER = attrgetter("start", "order", "end")


def apply(text: str, edits: list[Edit]) -> str:
    """Apply edits left to right; an edit that starts inside one already applied is skipped."""
    return apply_sorted(text, sorted(edits, key=EDIT_ORDER))


def apply_sorted(text: str, edits: list[Edit]) -> str:
    """apply() for edits already in EDIT_ORDER."""
    if len(edits) == 1:  # most goals lack one letter, which most letters fill with one edit
        start, end, inserted = edits[0][:3]
        return tidy(text[:start] + inserted + text[end:])
    out = []
    cursor = 0
    for edit in edits:
        if edit.start < cursor:
            continue
        out.append(text[cursor:edit.start])
        out.append(edit.text)
        cursor = edit.end
    out.append(text[cursor:])
    return tidy("".join(out))


def tidy(text: str) -> str:
    """Collapse doubled spaces and spaces before punctuation; capitalize the first letter."""
    # the regex costs more than these plain scans, and most texts need none of it
    if "  " in text or " ," in text or ",," in text or " ." in text or ", ," in text or "\t" in text or (
            " ;" in text or " :" in text or " !" in text or " ?" in text or ",\n" in text):
        text = _LOOSE.sub("", text)
    text = text.strip()
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text


def weak_letters(points: dict[str, int], order: Iterable[str]) -> list[str]:
    """The letters in `order` that score under 2 points (an unscored letter counts as 2): the
    plan, the questions and the suggestions each ask."""
    return [letter for letter in order if points.get(letter, 2) < 2]


def lower_first(word: str) -> str:
    """'Increase' -> 'increase', but leave 'SEO', 'LinkedIn' and 'I' alone."""
    if len(word) > 1 and word[1:] == word[1:].lower() and word != "I":
        return word[0].lower() + word[1:]
    return word


def inflections(lemma: str, tag: str) -> tuple[str, ...]:
    """lemminflect's forms of `lemma` for a Penn tag ("NNS", "VBG"); empty if it has none."""
    return lemmas.inflection(lemma, tag)


@lru_cache(maxsize=4096)
def base_form(word: str) -> str:
    return lemmas.lemma(word, "VERB")


def inflect_like(lemma: str, model: str) -> str:
    """`lemma` in the verb form of `model` ("improving" -> increase -> "increasing")."""
    lower = model.lower()
    base = base_form(lower)
    if lower == base:
        return lemma
    for tag in ("VBG", "VBZ", "VBD", "VBN"):
        forms = inflections(base, tag)
        if forms and lower in forms:
            inflected = inflections(lemma, tag)
            return inflected[0] if inflected else lemma
    return lemma


def direction_verb(anatomy: Anatomy) -> str:
    """increase or reduce, from the words of the object ("improve response time" -> reduce)."""
    start = anatomy.predicate.end if anatomy.predicate else anatomy.predicate_start
    for w in anatomy.words_between(start, anatomy.object_end):
        if w.lower in DOWNWARD_OBJECTS:
            return "reduce"
    return "increase"


def owner_edits(anatomy: Anatomy, owner: str, replaces_predicate: bool) -> list[Edit]:
    """Put `owner` in front of the predicate as its subject: "Get more visitors" -> "<owner> will get ..."."""
    text = anatomy.facts.text
    start = anatomy.predicate_start
    edits: list[Edit] = []
    if anatomy.drop_before_predicate:
        drop_start, drop_end = anatomy.drop_before_predicate
        edits.append(Edit(drop_start, drop_end, "", "A", order=0))
        start = drop_end
    predicate = anatomy.predicate
    if predicate is not None and predicate.start == start:
        edits.append(Edit(start, start, f"{owner} will ", "A", order=0))
        # order 2: a vague-verb replacement (order 1) of the same word wins when both are applied
        edits.append(Edit(predicate.start, predicate.end, base_form(predicate.text), "A", order=2))
        return edits
    first = anatomy.word_at(start)
    window = anatomy.words_between(start, anatomy.main_end)[:7]
    if first is not None and first.lower in ADVERBS_BEFORE_VERB and predicate is not None:
        # "Never ship ..." -> "<owner> will never ship ..."
        return edits + [Edit(start, start, f"{owner} will ", "A", order=0),
                        Edit(first.start, first.end, first.lower, "A", order=2)]
    if replaces_predicate:
        lead = f"{owner} will "
    elif any(w.lower in FINITE for w in window):
        lead = f"{owner} will make sure that "
    else:
        lead = f"{owner} will achieve "
    edits.append(Edit(start, start, lead, "A", order=0))
    if first is not None and first.start == start:
        lowered = lower_first(first.text)
        if lowered != first.text and not _is_named(anatomy, first):
            edits.append(Edit(first.start, first.end, lowered, "A", order=2))
    return edits


def _is_named(anatomy: Anatomy, word: Word) -> bool:
    return any(m.start <= word.start < m.end for m in anatomy.of("PLATFORM", "OWNER"))


def core_replacement(anatomy: Anatomy, metric: str, target: str | None) -> Edit:
    """Replace a vague aim ("do better at marketing") by "increase <metric> [by <target>]"."""
    start = anatomy.predicate_start
    if anatomy.drop_before_predicate and not anatomy.has_owner:
        start = anatomy.drop_before_predicate[1]
    verb = "increase"
    if anatomy.predicate is not None and anatomy.predicate.start == start:
        lemma = base_form(anatomy.predicate.text)
        if lemma in DOWN_VERBS:
            verb = lemma
        verb = inflect_like(verb, anatomy.predicate.text) if anatomy.has_owner else verb
    phrase = f"{verb} {metric}" + (f" by {target}" if target else "")
    if anatomy.has_owner and _previous_word(anatomy, start) in NEEDS_TO:
        phrase = "to " + phrase
    end = max(anatomy.core_end, start)
    return Edit(start, end, phrase, "S", order=1)


def _previous_word(anatomy: Anatomy, offset: int) -> str | None:
    before = anatomy.word_before(offset)
    return before.lower if before else None


def vague_word_edits(anatomy: Anatomy, metric: str) -> list[Edit]:
    """Swap vague verbs for a direction, vague objects for <metric>, and drop empty intensifiers."""
    edits = []
    for m in anatomy.in_main("VAGUE_TERM"):
        lemma = str(m.value or m.text).lower()
        if lemma in VAGUE_VERBS and anatomy.predicate is not None and m.start == anatomy.predicate.start:
            verb = direction_verb(anatomy)
            form = inflect_like(verb, m.text) if anatomy.has_owner else verb
            edits.append(Edit(m.start, m.end, form, "S", order=1))
        elif lemma in VAGUE_OBJECTS or m.text.lower() in VAGUE_OBJECTS:
            edits.append(Edit(m.start, m.end, metric, "S", order=1))
        elif lemma in DROPPABLE or m.text.lower() in DROPPABLE:
            start, end = m.start, m.end
            text = anatomy.facts.text
            if start > 0 and text[start - 1] in " ,":
                start -= 1
                if start > 0 and text[start - 1] == ",":
                    start -= 1
            edits.append(Edit(start, end, "", "S", order=1))
    return edits


def comparative_word(anatomy: Anatomy) -> Word | None:
    """The first "more"/"fewer"/"higher" of the main clause with no number before it or after its
    "than" ("more than 500" already has one); the predicate itself ("lower costs") is a verb."""
    numbers = anatomy.of("QUANTITY", "PERCENT", "MONEY", "CHANGE", "FREQUENCY")
    previous: Word | None = None
    words = anatomy.words_between(anatomy.predicate_start, anatomy.main_end)
    for index, w in enumerate(words):
        if w.lower in COMPARATIVES and w != anatomy.predicate:
            preceded = previous is not None and any(m.start <= previous.start < m.end for m in numbers)
            after = words[index + 2] if index + 2 < len(words) else None
            number_after_than = (index + 1 < len(words) and words[index + 1].lower == "than" and after is not None
                                 and any(m.start <= after.start < m.end for m in numbers))
            if not preceded and not number_after_than:
                return w
        previous = w
    return None


def is_change_predicate(anatomy: Anatomy) -> bool:
    if anatomy.predicate is None:
        return False
    lemma = base_form(anatomy.predicate.text)
    return lemma in UP_VERBS or lemma in DOWN_VERBS or lemma in VAGUE_VERBS


def has_method(anatomy: Anatomy) -> bool:
    """A platform in the main clause, or a "through"/"via"/"using" after the predicate starts."""
    return anatomy.has_method


def baseline_without_target(anatomy: Anatomy):
    """A "from 40" baseline with no "to ..." after it: the place to add one."""
    text = anatomy.facts.text
    for m in anatomy.mentions("QUANTITY", "PERCENT", "MONEY"):
        if m.role != "baseline" or m.start >= anatomy.main_end:
            continue
        before = text[:m.start].rstrip().lower()
        after = text[m.end:].lstrip().lower()
        if before.endswith("from") and not after.startswith("to "):
            return m
    return None


EVERY_SINGLE = re.compile(r"\b(?:every\s+single|each\s+and\s+every)\b", re.I)
TIME_PREPOSITIONS = ("by ", "before ", "until ", "no later than ")
PAST_KINDS = ("deadline", "point", "period")


def every_single_edits(anatomy: Anatomy, target: str) -> list[Edit]:
    """"every single prospect" -> "<target> of prospects": a share the team can reach, not all."""
    text = anatomy.facts.text
    found = EVERY_SINGLE.search(text, 0, anatomy.main_end)
    if not found:
        return []
    phrase = anatomy.words_after(found.end())
    head_index = None
    for index, w in enumerate(phrase):
        if w.lower in OBJECT_BOUNDARY_WORDS or not w.text[0].isalnum() or _in_mention(anatomy, w):
            break
        head_index = index
        if _looks_like_verb_after_noun(w.lower) and index > 0:
            head_index = index - 1
            break
    if head_index is None:
        return []
    head = phrase[head_index]
    plural = inflections(head.lower, "NNS")
    edits = [Edit(found.start(), found.end(), f"{target} of", "A", order=1)]
    if plural and plural[0] != head.lower:
        edits.append(Edit(head.start, head.end, plural[0], "A", order=1))
    if head_index + 1 < len(phrase):
        verb = phrase[head_index + 1]
        if _looks_like_verb_after_noun(verb.lower):
            edits.append(Edit(verb.start, verb.end, base_form(verb.lower), "A", order=1))
    return edits


OBJECT_BOUNDARY_WORDS = frozenset("at in on for with by within over to from of that who which will "
                                  "and or before after during".split())


def _looks_like_verb_after_noun(word: str) -> bool:
    """"completes", "waits": a third-person verb (its base form differs and it ends in s)."""
    return word.endswith("s") and base_form(word) != word and bool(lemmas.lemma(word, "VERB"))


def _in_mention(anatomy: Anatomy, word: Word) -> bool:
    return any(m.start <= word.start < m.end for m in anatomy.facts.mentions
               if m.label not in ("ACTION", "VAGUE_TERM"))


def past_deadline_edits(anatomy: Anatomy, phrase: str) -> list[Edit]:
    """A deadline already past gets the new deadline phrase; the old date stays in a note."""
    today = anatomy.facts.reference_date
    text = anatomy.facts.text
    timed = anatomy.mentions("DATE", "DATE_RANGE", "DURATION")
    for index, m in enumerate(timed):
        # the engine takes a dated point ("Friday, January 9, 2025") as a deadline too
        if m.kind not in PAST_KINDS or m.deadline is None or m.deadline >= today or m.start >= anatomy.main_end:
            continue
        start = m.start
        previous = timed[index - 1] if index else None
        if previous is not None and previous.end <= start and not text[previous.end:start].strip(" ,"):
            start = previous.start  # "by Friday, January 9, 2026": one expression, replaced whole
        if not text[start:m.end].lower().startswith(TIME_PREPOSITIONS):
            before = text[:start].rstrip()
            last = before.rsplit(" ", 1)[-1].lower() if before else ""
            if last + " " in TIME_PREPOSITIONS:
                start = len(before) - len(last)
        # the old expression word for word, so the date it names stays in the goal
        note = f", since the original deadline ({text[start:m.end]}) has passed"
        return [Edit(start, m.end, phrase, "A", order=5),
                Edit(anatomy.body_end, anatomy.body_end, note, "A", order=8)]
    return []
