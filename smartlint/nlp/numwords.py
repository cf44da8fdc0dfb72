"""Numbers written in words or digits: "fifteen", "a dozen", "one hundred and twenty", "2.5k",
"1.2 million", "1,000". Pure Python; used by the quantity and time components."""
from __future__ import annotations

import re

UNITS = {
    "zero": 0, "oh": 0, "nil": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
GROUPS = {"dozen": 12, "score": 20}
SCALES = {
    "hundred": 100, "thousand": 1_000, "k": 1_000, "million": 1_000_000, "mn": 1_000_000,
    "mm": 1_000_000, "m": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000,
    "b": 1_000_000_000, "trillion": 1_000_000_000_000, "tn": 1_000_000_000_000,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
FRACTIONS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}

# Words that may appear in a spelled-out number (for pattern building and tokenized scanning).
NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(GROUPS) | frozenset(
    s for s in SCALES if len(s) > 2
) | {"and"}

_DIGITS = re.compile(
    r"^(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*(?P<scale>[a-z]+)?$", re.IGNORECASE
)
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$", re.IGNORECASE)


def parse_number(text: str) -> float | None:
    """The value of a number written in digits, words, or both; None if it is not one.

    >>> parse_number("1,000"), parse_number("2.5k"), parse_number("1.2 million")
    (1000.0, 2500.0, 1200000.0)
    >>> parse_number("one hundred and twenty"), parse_number("a dozen"), parse_number("twenty-five")
    (120.0, 12.0, 25.0)
    """
    cleaned = text.strip().lower().replace("\u2009", "").replace("\u00a0", " ")
    if not cleaned:
        return None
    match = _DIGITS.match(cleaned)
    if match:
        value = float(match["num"].replace(",", ""))
        scale = match["scale"]
        if scale is None:
            return value
        if scale in SCALES:
            return value * SCALES[scale]
        if scale in GROUPS:
            return value * GROUPS[scale]
        return None
    words = [w for w in re.split(r"[\s\-]+", cleaned) if w]
    return _parse_words(words)


def _parse_words(words: list[str]) -> float | None:
    total = 0.0
    current = 0.0
    seen_number = False
    for i, word in enumerate(words):
        if word == "and" and seen_number:
            continue
        digit = _DIGITS.match(word)
        if digit and not digit["scale"]:
            current += float(digit["num"].replace(",", ""))
        elif word in ("a", "an") and i + 1 < len(words) and words[i + 1] in (
            "hundred", "thousand", "million", "billion", "dozen", "half", "quarter"
        ):
            current += 1
        elif word in UNITS and word not in ("a", "an"):
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in GROUPS:
            current = (current or 1) * GROUPS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES and len(word) > 2:
            total += (current or 1) * SCALES[word]
            current = 0
        elif word in FRACTIONS and seen_number:
            current += FRACTIONS[word]
        else:
            return None
        seen_number = True
    if not seen_number:
        return None
    return total + current


def parse_ordinal(text: str) -> int | None:
    """ "3rd" -> 3, "twenty-first" -> 21, "fifth" -> 5; None if not an ordinal."""
    cleaned = text.strip().lower()
    match = _ORDINAL_DIGITS.match(cleaned)
    if match:
        return int(match[1])
    parts = [p for p in re.split(r"[\s\-]+", cleaned) if p]
    if not parts or parts[-1] not in ORDINALS:
        return None
    head = _parse_words(parts[:-1]) if len(parts) > 1 else 0
    if head is None:
        return None
    return int(head) + ORDINALS[parts[-1]]
