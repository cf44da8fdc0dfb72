"""Fold the user's answer to one coaching question into the goal's text, or refuse it with a reason."""
from __future__ import annotations

import re


from smartlint.coach import edits as ed
from smartlint.coach.anatomy import TIME_LABELS, Anatomy, analyze
from smartlint.coach.edits import Edit
from smartlint.coach.rewrite import ORDER_METHOD, deadline_edits, finish, reason_edit
from smartlint.coach.when import NotADeadline, latest_day
from smartlint.errors import SmartlintError
from smartlint.facts import Facts
from smartlint.nlp.lemmas import word_classes
from smartlint.nlp.numwords import parse_number

MAX_ANSWER_CHARS = 300
REFUSALS = frozenset({
    "no", "none", "nothing", "n/a", "na", "idk", "dunno", "?", "-", "skip", "pass", "unknown", "whatever",
    "because", "why not", "no reason", "just because", "i don't know", "i dont know", "not sure", "no idea",
})
NOT_ONE_OWNER = frozenset({"nobody", "no one", "noone", "none", "everyone", "everybody", "anyone", "anybody",
                           "someone", "somebody", "all", "all of us", "whoever"})
PRONOUN_OWNERS = {"me": "I", "myself": "I", "i": "I", "us": "we", "we": "we", "ourselves": "we", "our team": "our team"}
MULTIPLIERS = frozenset("double triple quadruple halve twice thrice".split())
RATIONALE_MARKERS = ("because", "so that", "in order to", "to support", "which will", "since", "as a result",
                     "aligned with", "contributing to", "so we", "so our", "so the")
DEADLINE_PREPOSITIONS = ("by ", "within ", "before ", "until ", "in ", "over ", "during ", "no later than ",
                         "on or before ", "this ", "next ")
METHOD_PREPOSITIONS = ("through ", "via ", "using ", "by ", "with ", "on ", "across ", "in ")
_NUMBER = re.compile(r"\d")
_LETTERS = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_FINITE_HINTS = frozenset("is are will can has have does do grows rises falls stays becomes gets".split())


class AnswerRejected(SmartlintError):
    """An answer that cannot go into the goal; `.reason` says why in one line."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def fold_answer(text: str, dimension: str, answer: str, facts: Facts, *, vague_aim: bool | None = None) -> str:
    """The goal `text` (described by `facts`) with `answer` to the question for `dimension` folded in.

    For S, `vague_aim` says whether the question was "what exactly?" (S 0: the answer replaces the
    vague aim) or "how?" (the answer becomes "through ..."); None guesses from the words."""
    cleaned = _clean(answer)
    if facts.text != text:
        raise ValueError("fold_answer needs the Facts of the text it folds into")
    anatomy = analyze(facts)
    folders = {"S": _fold_specific, "M": _fold_measurable, "A": _fold_achievable, "R": _fold_relevant,
               "T": _fold_time}
    if dimension not in folders:
        raise AnswerRejected(f"unknown SMART letter {dimension!r}: expected one of S, M, A, R, T")
    if dimension == "S":
        edits = _fold_specific(anatomy, cleaned, vague_aim)
    else:
        edits = folders[dimension](anatomy, cleaned)
    body = text[: anatomy.body_end]
    return finish(ed.apply(body, [e for e in edits if e.end <= len(body)]), text)


def _clean(answer: str) -> str:
    cleaned = " ".join(answer.split()).strip()
    while cleaned and cleaned[-1] in ".!;,":
        cleaned = cleaned[:-1].rstrip()
    if not cleaned:
        raise AnswerRejected("the answer is empty")
    if len(cleaned) > MAX_ANSWER_CHARS:
        raise AnswerRejected(f"the answer is {len(cleaned)} characters; keep it under {MAX_ANSWER_CHARS}")
    if cleaned.lower() in REFUSALS:
        raise AnswerRejected(f'"{cleaned}" does not answer the question')
    return cleaned


def _known_words(answer: str) -> list[str]:
    return [w for w in _LETTERS.findall(answer) if word_classes(w) or w.lower() in _FUNCTION_WORDS]


_FUNCTION_WORDS = frozenset("a an the of to and or for in on at by with our my your their its we i us "
                            "that so because which this these those than from per".split())


def _require_words(answer: str, what: str) -> None:
    """Refuse keyboard noise: at least one English word (or a capitalized name) must be there."""
    words = _LETTERS.findall(answer)
    if not words:
        raise AnswerRejected(f'"{answer}" is not {what}')
    if not _known_words(answer) and not any(w[0].isupper() for w in words):
        raise AnswerRejected(f'"{answer}" does not look like words: give {what}')


def _is_number_answer(answer: str) -> bool:
    if _NUMBER.search(answer):
        return True
    words = [w.lower() for w in _LETTERS.findall(answer)]
    if any(w in MULTIPLIERS for w in words):
        return True
    # spelled-out numbers: "fifteen", "two hundred", "a dozen"
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            chunk = " ".join(words[i:i + size])
            if chunk not in ("a", "an") and parse_number(chunk) is not None:
                return True
    return False


def _is_time_answer(answer: str, anatomy: Anatomy) -> None:
    try:
        latest_day(answer, anatomy.facts.reference_date)
    except NotADeadline as problem:
        raise AnswerRejected(str(problem)) from None


def _deadline_phrase(answer: str) -> str:
    lower = answer.lower()
    if lower.startswith(DEADLINE_PREPOSITIONS):
        return answer[0].lower() + answer[1:] if answer[:2] != "I " else answer
    if lower.startswith(("end of", "the end of")):
        return "by " + (answer if lower.startswith("the") else "the " + answer)
    return "by " + answer


# -- T: by when -----------------------------------------------------------------------------

def _fold_time(anatomy: Anatomy, answer: str) -> list[Edit]:
    _is_time_answer(answer, anatomy)
    phrase = _deadline_phrase(answer)
    replaced = _replace_time(anatomy, phrase, past_only=True)
    return replaced or deadline_edits(anatomy, phrase)


def _replace_time(anatomy: Anatomy, phrase: str, past_only: bool) -> list[Edit]:
    """Swap a past (or too far) deadline for the new phrase, keeping its preposition slot."""
    today = anatomy.facts.reference_date
    text = anatomy.facts.text
    for m in anatomy.mentions(*TIME_LABELS):
        if not m.deadline:
            continue
        too_far = m.deadline.year > today.year + 5
        if (m.deadline < today) or (too_far and not past_only):
            start = m.start
            before = text[:start].rstrip()
            last = before.rsplit(" ", 1)[-1].lower() if before else ""
            if last in ("by", "within", "before", "until", "in", "over", "during") and not m.text.lower().startswith(last):
                start = len(before) - len(last)
            return [Edit(start, m.end, phrase, "T", 5)]
    return []


# -- M: how many ----------------------------------------------------------------------------

def _fold_measurable(anatomy: Anatomy, answer: str) -> list[Edit]:
    if not _is_number_answer(answer):
        raise AnswerRejected(f'"{answer}" is not a number: say how many or how much (for example 500, 20% or $10k)')
    lower = answer.lower()
    bare = _bare_number(answer)
    baseline = ed.baseline_without_target(anatomy)
    if baseline is not None:
        return [Edit(baseline.end, baseline.end, " " + (answer if lower.startswith("to ") else f"to {answer}"), "M", 2)]
    if lower.startswith(("by ", "to ", "from ")):
        where = anatomy.object_end if ed.is_change_predicate(anatomy) else anatomy.tail
        return [Edit(where, where, " " + answer, "M", 2)]
    comparative = ed.comparative_word(anatomy)
    if comparative is not None and bare:
        return [Edit(comparative.start, comparative.start, answer + " ", "M", 2)]
    if ed.is_change_predicate(anatomy) and anatomy.object_end > anatomy.predicate.end:
        preposition = "by" if ("%" in answer or "percent" in lower or not bare) and bare else "to"
        if lower.split()[0] in MULTIPLIERS:
            return [Edit(anatomy.predicate.start, anatomy.predicate.end, lower.split()[0], "M", 2)]
        return [Edit(anatomy.object_end, anatomy.object_end, f" {preposition} {answer}", "M", 2)]
    first = lower.split()[0]
    if ed.base_form(first) == first and "VERB" in word_classes(first) and not _is_number_answer(first):
        return [Edit(anatomy.tail, anatomy.tail, f" and {answer}", "M", 3)]
    return [Edit(anatomy.tail, anatomy.tail, f", reaching {answer}", "M", 3)]


def _bare_number(answer: str) -> bool:
    """"500", "20%", "$10k", "fifteen": a number with no noun after it."""
    words = answer.replace("%", " percent").split()
    return all(_is_number_answer(w) or w.lower() in ("percent", "per", "cent") for w in words)


# -- A: who (or, with an owner, how realistic) ------------------------------------------------

def _fold_achievable(anatomy: Anatomy, answer: str) -> list[Edit]:
    if anatomy.has_owner:
        return _fold_realism(anatomy, answer)
    lower = answer.lower()
    if lower in NOT_ONE_OWNER:
        raise AnswerRejected(f'"{answer}" is not one owner: name a person, a role or a team')
    if _is_number_answer(answer) and not _LETTERS.search(answer.replace("st", "").replace("th", "")):
        raise AnswerRejected(f'"{answer}" is not a person, a role or a team')
    _require_words(answer, "a person, a role or a team")
    owner = PRONOUN_OWNERS.get(lower, answer)
    if owner == answer and lower.split()[0] in ("team", "marketing", "sales", "operations", "finance", "support"):
        owner = "the " + answer
    return ed.owner_edits(anatomy, owner, replaces_predicate=False)


def _fold_realism(anatomy: Anatomy, answer: str) -> list[Edit]:
    facts = anatomy.facts
    if "past_deadline" in anatomy.flags or "far_deadline" in anatomy.flags:
        _is_time_answer(answer, anatomy)
        return _replace_time(anatomy, _deadline_phrase(answer), past_only=False)
    if "too_many_channels" in anatomy.flags:
        _require_words(answer, "the channels to keep")
        platforms = [m for m in facts.of("PLATFORM") if not m.in_rationale]
        kept = [m for m in platforms if str(m.value or m.text).lower() in answer.lower() or m.text.lower() in answer.lower()]
        if not kept:
            raise AnswerRejected(f'"{answer}" names none of the channels in the goal')
        if len(kept) > 3:
            raise AnswerRejected("that is still more than three channels: keep two or three")
        names = [m.text for m in kept]
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        return [Edit(platforms[0].start, platforms[-1].end, listed, "A", 1)]
    if "absolute" in anatomy.flags:
        if not _is_number_answer(answer):
            raise AnswerRejected(f'"{answer}" is not a number: give the level the team can reach (for example 95%)')
        for m in facts.of("PERCENT", "QUANTITY"):
            if not m.in_rationale and m.value is not None and (
                    (m.label == "PERCENT" and float(m.value) >= 100) or (m.label == "QUANTITY" and m.value == 0)):
                return [Edit(m.start, m.end, answer, "A", 1)]
    raise AnswerRejected("the goal already names an owner; nothing to fold in for A")


# -- R: why ---------------------------------------------------------------------------------

def _fold_relevant(anatomy: Anatomy, answer: str) -> list[Edit]:
    _require_words(answer, "a reason")
    if len(_LETTERS.findall(answer)) < 2:
        raise AnswerRejected(f'"{answer}" is too short to be a reason: say what larger goal this serves')
    phrase = _reason_phrase(answer)
    return [reason_edit(anatomy, phrase)]


def _reason_phrase(answer: str) -> str:
    lower = answer.lower()
    if lower.startswith(RATIONALE_MARKERS):
        return answer[0].lower() + answer[1:] if not answer.startswith("I ") else answer
    if lower.startswith("to "):
        return "in order " + answer[0].lower() + answer[1:]
    if lower.startswith("so "):
        return "so that " + answer[3:]
    words = lower.split()
    first = words[0]
    if "VERB" in word_classes(first) and ed.base_form(first) == first and not "NOUN" in word_classes(first):
        return "in order to " + lower[0] + answer[1:]
    if any(w in _FINITE_HINTS for w in words) or words[0] in ("we", "i", "they", "it", "our", "customers"):
        return "so that " + (answer if answer.startswith("I ") else answer[0].lower() + answer[1:])
    if any(ed.base_form(w) != w and w.endswith("s") and "VERB" in word_classes(w) for w in words[1:]):
        return "so that " + answer[0].lower() + answer[1:]
    return "to support " + answer[0].lower() + answer[1:]


# -- S: what exactly, or how ------------------------------------------------------------------

def _fold_specific(anatomy: Anatomy, answer: str, vague_aim: bool | None) -> list[Edit]:
    _require_words(answer, "a method, channel or outcome")
    lower = answer.lower()
    if lower.startswith(METHOD_PREPOSITIONS):
        return [Edit(anatomy.tail, anatomy.tail, " " + ed.lower_first(answer), "S", ORDER_METHOD)]
    if vague_aim if vague_aim is not None else _vague_core(anatomy):
        first = lower.split()[0]
        if "VERB" in word_classes(first) and ed.base_form(first) == first and not "NOUN" in word_classes(first):
            phrase = lower[0] + answer[1:]
        else:
            phrase = "increase " + answer
        start = anatomy.predicate_start
        if anatomy.drop_before_predicate and not anatomy.has_owner:
            start = anatomy.drop_before_predicate[1]
        return [Edit(start, max(anatomy.core_end, start), phrase, "S", 1)]
    return [Edit(anatomy.tail, anatomy.tail, " through " + ed.lower_first(answer), "S", ORDER_METHOD)]


def _vague_core(anatomy: Anatomy) -> bool:
    """The predicate holds nothing but vague words ("improve things", "grow the business")."""
    start, end = anatomy.predicate_start, max(anatomy.core_end, anatomy.predicate_start)
    covered = [(m.start, m.end) for m in anatomy.facts.mentions if m.label in ("VAGUE_TERM", "ACTION")]
    for w in anatomy.words_between(start, end):
        if w.lower in _FUNCTION_WORDS or not w.text[0].isalnum():
            continue
        if not any(s <= w.start < e for s, e in covered):
            return False
    return True

