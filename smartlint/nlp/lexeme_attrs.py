"""Faster stand-ins for spaCy's lexeme attribute getters, returning the same values.

The tokenizer computes some twenty attributes for each word the vocabulary has not seen
(Vocab._new_lexeme), each through a Python function; in a batch of distinct goals a goal brings a
new word or two (a number, a name), and those calls were about half of the cost of tokenizing it.
Here a getter that is a one-line wrapper around a str method is replaced by the method itself, and
the shape, punctuation, currency and number tests answer the common cases (ASCII words, words of
letters) directly and hand everything else to spaCy's function. Only getters recognised as spaCy's
own are replaced, so a language with getters of its own keeps them.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from operator import itemgetter
from typing import Any

from spacy.lang import lex_attrs as base
from spacy.lang.en import lex_attrs as english

# Shape characters of ASCII letters and digits; runs of one shape character are cut at four.
_SHAPE_OF_ASCII = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "X" * 26 + "x" * 26 + "d" * 10)
_LONG_RUN = re.compile(r"(.)\1{4,}", re.DOTALL)
# The ASCII characters of Unicode's punctuation (P*) and currency (Sc) categories.
_ASCII_PUNCT = "!\"#%&'()*,-./:;?@[\\]_{}"
_ASCII_CURRENCY = "$"
_ENGLISH_NUMBER_WORDS = frozenset(english._num_words) | frozenset(english._ordinal_words)


def word_shape(text: str) -> str:
    if not text.isascii():
        return base.word_shape(text)
    if len(text) >= 100:
        return "LONG"
    return _LONG_RUN.sub(r"\1\1\1\1", text.translate(_SHAPE_OF_ASCII))


def is_punct(text: str) -> bool:
    if not text.isascii():
        return base.is_punct(text)
    return not text.strip(_ASCII_PUNCT)


def is_currency(text: str) -> bool:
    if not text.isascii():
        return base.is_currency(text)
    return not text.strip(_ASCII_CURRENCY)


def english_like_num(text: str) -> bool:
    # a word of letters has no digits, signs or separators: only the number words can match
    if text.isalpha():
        return text.lower() in _ENGLISH_NUMBER_WORDS
    return english.like_num(text)


_FASTER: dict[Callable, Callable[[str], Any]] = {
    base.lower: str.lower,
    base.prefix: itemgetter(0),
    base.suffix: itemgetter(slice(-3, None)),
    base.is_alpha: str.isalpha,
    base.is_digit: str.isdigit,
    base.is_lower: str.islower,
    base.is_space: str.isspace,
    base.is_title: str.istitle,
    base.is_upper: str.isupper,
    base.is_ascii: str.isascii,
    base.word_shape: word_shape,
    base.is_punct: is_punct,
    base.is_currency: is_currency,
    english.like_num: english_like_num,
}


def faster_getters(getters: dict[int, Callable]) -> dict[int, Callable]:
    """`getters` (Vocab.lex_attr_getters) with spaCy's own replaced by the stand-ins above."""
    return {attr: _FASTER.get(getter, getter) for attr, getter in getters.items()}
