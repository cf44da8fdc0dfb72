"""The small grammar behind the quantity component: the value of a run of number words or digits,
money written as one glued token ("USD115", "10k$"), and phone-number stretches to ignore.

Pure Python (no spaCy), so it can be tested and reused on its own. Words arrive lower-cased, one
token each, as spaCy's tokenizer split them ("twenty", "-", "five").
"""
from __future__ import annotations

import re

from smartlint.nlp.numwords import SCALES, TENS, UNITS

_UNIT_WORDS = {w: v for w, v in UNITS.items() if w not in ("a", "an", "oh")} | {"naught": 0, "nought": 0}
_ONES = {w for w, v in _UNIT_WORDS.items() if v < 10}
_TEENS = {w for w, v in _UNIT_WORDS.items() if v >= 10}
_WORD_SCALES = {w: v for w, v in SCALES.items() if len(w) > 2 and w != "hundred"}
_WORD_SCALES |= {w + "s": v for w, v in list(_WORD_SCALES.items())}
# Short scale suffixes ("2.5k", "3 M", "5bn"); the component decides when a spaced one counts.
_SHORT_SCALES = {w: v for w, v in SCALES.items() if len(w) <= 2}
_FRACTION_WORDS = {"half": 0.5, "quarter": 0.25, "quarters": 0.25}

DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
DIGITS_RE = re.compile(rf"^{DIGITS}$")
_SCALED_RE = re.compile(rf"^(?P<num>{DIGITS})(?P<scale>k|mm|mn|m|bn|b|tn)\.?$", re.IGNORECASE)


def scale_value(word: str) -> float | None:
    """The multiplier of a scale word or suffix ("million", "k", "bn"), else None."""
    return _WORD_SCALES.get(word) or _SHORT_SCALES.get(word) or None


def digits_value(token: str) -> float | None:
    """ "1,234" -> 1234.0, "2.5k" -> 2500.0, "10M." -> 1e7; None for anything else."""
    if DIGITS_RE.match(token):
        return float(token.replace(",", ""))
    scaled = _SCALED_RE.match(token)
    if scaled:
        return float(scaled["num"].replace(",", "")) * SCALES[scaled["scale"].lower()]
    return None


def _decimal_digits(words: list[str]) -> str | None:
    """The digits after "point": "zero three" -> "03", "seventy-one" -> "71", "5" -> "5"."""
    if len(words) == 1 and words[0].isdigit():
        return words[0]
    if all(w in _ONES for w in words):
        return "".join(str(_UNIT_WORDS[w]) for w in words)
    whole = parse_cardinal(words)
    if whole is not None and whole == int(whole) and 10 <= whole < 100:
        return str(int(whole))
    return None


def parse_cardinal(words: list[str]) -> float | None:
    """The value of a cardinal number given as lower-case tokens; None if they do not form one.

    Strict on purpose: "two three" or "5 and 6" are two numbers, not one, so they give None and the
    caller tries a shorter run.
    """
    if len(words) == 1 and words[0][:1].isdigit():
        # the common case, one token of digits ("40", "2,000", "2.5k"), as the general path reads it
        word = words[0]
        if word.isascii() and word.isdigit():
            return float(word)
        value = digits_value(word)
        if value is not None:
            return value
    words = [w for w in words if w != "-" and not w.isspace()]
    if not words:
        return None
    if "point" in words:
        at = words.index("point")
        tail = words[at + 1:]
        scale_at = next((i for i, w in enumerate(tail) if w in _WORD_SCALES), len(tail))
        head = parse_cardinal(words[:at])
        fraction = _decimal_digits(tail[:scale_at]) if scale_at else None
        if head is None or fraction is None:
            return None
        value = float(f"{int(head)}.{fraction}")
        for word in tail[scale_at:]:
            value *= _WORD_SCALES[word]
        return value if len(tail[scale_at:]) <= 1 else None
    return _parse_integer_words(words)


def _parse_integer_words(words: list[str]) -> float | None:
    total = 0.0
    current = 0.0
    last = None  # the kind of the previous word: what may come next depends on it
    last_scale = float("inf")
    i = 0
    n = len(words)
    while i < n:
        word = words[i]
        nxt = words[i + 1] if i + 1 < n else None
        if word == "and":
            # "one and a half", "3 million and a quarter", "two million and one half"
            if nxt in ("a", "an", "one") and i + 2 < n and words[i + 2] in ("half", "quarter"):
                if last not in ("unit", "teen", "tens", "digits", "hundred", "scale", "dozen"):
                    return None
                fraction = _FRACTION_WORDS[words[i + 2]]
                if last == "scale":
                    total += fraction * last_scale
                else:
                    current += fraction
                last = "fraction"
                i += 3
                continue
            if last not in ("hundred", "scale") or nxt is None:
                return None
            last = "and"
        elif word in ("a", "an"):
            if last is not None or nxt not in ("hundred", "thousand", "million", "billion",
                                                "trillion", "dozen", "half", "quarter"):
                return None
            if nxt in ("half", "quarter"):
                i += 1
                continue
            current = 1
            last = "unit"
        elif word in _FRACTION_WORDS:
            # "half million", "a quarter million", "three quarters billion": a scale must follow
            if last is None:
                current = _FRACTION_WORDS[word]
            elif last == "unit" and word == "quarters":
                current *= 0.25
            else:
                return None
            last = "lead_fraction"
        elif DIGITS_RE.match(word) or _SCALED_RE.match(word):
            if last is not None:
                return None
            current = digits_value(word)
            if _SCALED_RE.match(word):
                total, current, last = current, 0.0, "scale"
                last_scale = SCALES[_SCALED_RE.match(word)["scale"].lower()]
                i += 1
                continue
            last = "digits"
        elif word in _ONES:
            if last not in (None, "tens", "hundred", "scale", "and"):
                return None
            if _UNIT_WORDS[word] == 0 and (last is not None or n > 1):
                return None
            current += _UNIT_WORDS[word]
            last = "unit"
        elif word in _TEENS or word in TENS:
            if last not in (None, "hundred", "scale", "and"):
                return None
            current += _UNIT_WORDS.get(word) or TENS[word]
            last = "teen" if word in _TEENS else "tens"
        elif word in ("hundred", "hundreds"):
            if last not in ("unit", "teen", "tens", "digits"):
                return None
            current *= 100
            last = "hundred"
        elif word in ("dozen", "dozens"):
            if last not in ("unit", "teen", "tens", "digits", "hundred"):
                return None
            current *= 12
            last = "dozen"
        elif word in _WORD_SCALES or (word in _SHORT_SCALES and last == "digits"):
            scale = scale_value(word)
            if last not in ("unit", "teen", "tens", "digits", "hundred", "dozen", "lead_fraction",
                            "fraction") or scale >= last_scale:
                return None
            total += current * scale
            current = 0.0
            last = "scale"
            last_scale = scale
        else:
            return None
        i += 1
    if last in (None, "and", "lead_fraction"):
        return None
    return total + current


# ---- money glued into one token: "USD115", "115.5USD", "10k$", "nzd$15", "CHF3.04" ----

_GLUED_PREFIX = re.compile(rf"^(?P<cur>[^\d\s]+?)(?P<num>{DIGITS}(?:k|mm|mn|m|bn|b)?)$", re.IGNORECASE)
_GLUED_SUFFIX = re.compile(rf"^(?P<num>{DIGITS}(?:k|mm|mn|m|bn|b)?)(?P<cur>[^\d\s]+)$", re.IGNORECASE)


def split_glued_money(token: str) -> tuple[str, float] | None:
    """ "USD115" -> ("USD", 115.0), "10k$" -> ("$", 10000.0): the marker and the amount."""
    for pattern in (_GLUED_PREFIX, _GLUED_SUFFIX):
        match = pattern.match(token)
        if match:
            amount = digits_value(match["num"])
            if amount is not None:
                return match["cur"], amount
    return None


# ---- phone numbers: digit groups joined by dashes, dots or brackets, seven digits or more ----

_PHONE_RE = re.compile(
    r"(?<![\w.,])(?:\+\d{1,3}[\s.-]?|\d{1,3}-)?(?:\(\d{2,5}\)[\s.-]?)?\d{2,5}(?:[-.]\d{2,5}){1,3}(?![\w%]|[.,]\d)"
)


def phone_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges that look like phone numbers ("555-123-4567", "(020) 7946-0958")."""
    found = []
    for match in _PHONE_RE.finditer(text):
        chunk = match.group()
        digit_count = sum(c.isdigit() for c in chunk)
        separators = sum(c in "-.()" for c in chunk)
        decimal_like = re.fullmatch(r"\d+\.\d+", chunk) is not None
        if digit_count >= 7 and not decimal_like and (separators >= 2 or "(" in chunk or "+" in chunk
                                                      or "-" in chunk):
            found.append(match.span())
    return found


# ---- word lists the component consults around a number ----

# Words that end the counted noun after a number ("3 blog posts a week": stop at "a").
UNIT_STOP = frozenset(
    "a an the by per each every in on at to for from of and or with within before after until till "
    "this that these those next last than is are was were be been will would should could can our "
    "my your their its his her we i you they it via through using across among over under while so "
    "because as since if when which who whom vs versus into onto out off up down more less fewer "
    "than about around approximately roughly nearly almost only just also then".split()
)
# Comparatives between a number and its noun that are not part of the noun ("10 more clients").
UNIT_SKIP = frozenset("more additional extra further fewer other".split())
# Plural nouns that do not end in "s".
IRREGULAR_PLURALS = frozenset("people children men women staff data media criteria feet teeth".split())

MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# A number followed by one of these is a date or a time, not a change ("by 15 March", "by 5 pm").
TIME_AFTER = MONTHS | frozenset(
    "am pm a.m. p.m. o'clock oclock st nd rd th day days week weeks month months year years "
    "quarter quarters hour hours minute minutes h hrs mins".split()
)
# Words before a four-digit number that make it a year ("in 2027", "by 2030", "FY 2026").
YEAR_BEFORE = MONTHS | frozenset(
    "in by of since until till before after during from through throughout to end mid early late "
    "fy q1 q2 q3 q4 h1 h2 year the 's - and between around circa ,".split()
)
