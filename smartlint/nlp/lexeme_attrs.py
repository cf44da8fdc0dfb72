"""Faster stand-ins for spaCy's lexeme attribute getters, returning the same values.

The tokenizer computes some twenty attributes for each word the vocabulary has not seen
(Vocab._new_lexeme), each through a Python function; in a batch of distinct goals a goal brings a
new word or two (a number, a name), and those calls were about half of the cost of tokenizing it.
Here a getter that is a one-line wrapper around a str method is replaced by the method itself, the
membership tests by a frozenset's (C) __contains__, the partials spaCy builds for NORM, IS_STOP and
LANG by plain functions, and the shape, punctuation, currency, number, URL and e-mail tests answer
the common cases (ASCII words, words of letters, words without the one character a match needs)
directly and hand everything else to spaCy's function. Only getters recognised as spaCy's own are
replaced, so a language with getters of its own keeps them.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from operator import itemgetter
from typing import Any

from spacy.attrs import IDS
from spacy.lang import lex_attrs as base
from spacy.lang.en import lex_attrs as english
from spacy.util import add_lookups

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
    shape = text.translate(_SHAPE_OF_ASCII)
    # most shapes have no run to cut; a sub with a template costs some 6 µs even then
    if _LONG_RUN.search(shape) is None:
        return shape
    return _LONG_RUN.sub(_first_four, shape)


def _first_four(run: re.Match) -> str:
    return run.group()[:4]


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
    if text.isdigit():  # what spaCy's test comes to for a word of digits alone
        return True
    return english.like_num(text)


def like_url(text: str) -> bool:
    # every text spaCy's test accepts has a dot, or a colon (http://); "" goes on to its IndexError
    if text and "." not in text and ":" not in text:
        return False
    return base.like_url(text)


def like_email(text: str) -> bool:
    return "@" in text and base.like_email(text)


# The texts spaCy's bracket and quote tests look for (in tuples inside those functions).
_BRACKETS = frozenset(("(", ")", "[", "]", "{", "}", "<", ">"))
_QUOTES = frozenset(('"', "'", "`", "«", "»", "‘", "’", "‚", "‛", "“", "”", "„", "‟", "‹", "›", "❮", "❯",
                     "''", "``"))
_LEFT_PUNCT = frozenset(("(", "[", "{", "<", '"', "'", "«", "‘", "‚", "‛", "“", "„", "‟", "‹", "❮", "``"))
_RIGHT_PUNCT = frozenset((")", "]", "}", ">", '"', "'", "»", "’", "”", "›", "❯", "''"))


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
    base.like_url: like_url,
    base.like_email: like_email,
    base.is_bracket: _BRACKETS.__contains__,
    base.is_quote: _QUOTES.__contains__,
    base.is_left_punct: _LEFT_PUNCT.__contains__,
    base.is_right_punct: _RIGHT_PUNCT.__contains__,
}
# What spacy.util.add_lookups wraps a getter in (a partial of this function) for NORM.
_LOOKUP_FIRST = add_lookups(base.lower).func


def faster_getters(getters: dict[int, Callable]) -> dict[int, Callable]:
    """`getters` (Vocab.lex_attr_getters) with spaCy's own replaced by the stand-ins above."""
    return {attr: _faster(getter) for attr, getter in getters.items()}


def getters_of(getters: dict[int, Callable], names) -> dict[int, Callable]:
    """`getters` for the attributes `names` (LOWER, SHAPE, ...) alone: each new word then costs
    only the getters something reads (all twenty-three cost some 45k instructions a word)."""
    kept = {IDS[name] for name in names}
    return {attr: getter for attr, getter in getters.items() if attr in kept}


def _faster(getter: Callable) -> Callable:
    if not isinstance(getter, partial):
        return _FASTER.get(getter, getter)
    func, args, keywords = getter.func, getter.args, getter.keywords
    if func is base.is_stop and not args and keywords.keys() == {"stops"}:
        return _is_in_lowered(keywords["stops"])
    if func is base.get_lang and not args and keywords.keys() == {"lang"}:
        return _constant(keywords["lang"])
    # one lookup dict before a default: spaCy's NORM (the base norms, then lowercase)
    if func is _LOOKUP_FIRST and not keywords and len(args) == 2 and len(args[1]) == 1 and type(
            args[1][0]) is dict:
        return _looked_up_or(args[1][0], _faster(args[0]))
    return getter


def _is_in_lowered(words) -> Callable[[str], bool]:
    def is_in(text: str) -> bool:
        return text.lower() in words
    return is_in


def _constant(value: str) -> Callable[[str], str]:
    def constant(_text: str) -> str:
        return value
    return constant


def _looked_up_or(lookup: dict, default: Callable[[str], Any]) -> Callable[[str], Any]:
    # the dict is read as the partial read it, so later additions to it still count
    missing = object()
    get = lookup.get

    def looked_up_or(text: str) -> Any:
        value = get(text, missing)
        return default(text) if value is missing else value
    return looked_up_or
