"""Token specs that hold for a word wherever it occurs, answered once per distinct word as a bit mask.

A spec here is a Matcher token spec on lexeme attributes only (LOWER, SHAPE, LIKE_NUM, LENGTH, ...;
no operator, no context). The Matcher compares such an attribute as an integer read from the
word's lexeme: a string's hash, a flag's 0/1, LENGTH's length. The specs are compiled into the same
comparisons on the Lexeme, so a new word costs a few dictionary lookups instead of a Matcher run
over a Doc made for it (which cost 15-20 µs a word, and a goal brings several new words). A spec
whose form is not compiled here (an unlisted operator, a REGEX on a number) is still answered by a
Matcher over a Doc of the new words.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from operator import attrgetter
from typing import Any

# Token attributes spaCy reads from the lexeme, so the same for every occurrence of a word.
LEXEME_ATTRS = frozenset({
    "ORTH", "TEXT", "LOWER", "SHAPE", "PREFIX", "SUFFIX", "LENGTH", "IS_ALPHA", "IS_ASCII",
    "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP", "IS_BRACKET",
    "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY", "LIKE_NUM", "LIKE_URL",
    "LIKE_EMAIL"})
# Attributes whose value is a string (the Matcher compares its hash; REGEX searches the string).
STRING_ATTRS = {"ORTH": "orth", "LOWER": "lower", "SHAPE": "shape", "PREFIX": "prefix", "SUFFIX": "suffix"}
COMPARISONS: dict[str, Callable[[int, int], bool]] = {
    "==": int.__eq__, "!=": int.__ne__, ">=": int.__ge__, "<=": int.__le__, ">": int.__gt__,
    "<": int.__lt__}

Test = Callable[[Any], bool]  # on a spacy.lexeme.Lexeme


def is_word_level(spec) -> bool:
    """A token spec that holds for a word wherever it occurs: no operator, no context attribute."""
    return isinstance(spec, dict) and bool(spec) and all(
        isinstance(name, str) and name.upper() in LEXEME_ATTRS for name in spec)


def _attr_name(name: str) -> str:
    name = name.upper()
    return "ORTH" if name == "TEXT" else name


def _number_of(attr: str) -> Callable[[Any], int]:
    """The integer the Matcher reads for `attr` from a word's lexeme."""
    if attr in STRING_ATTRS:
        return attrgetter(STRING_ATTRS[attr])
    if attr == "LENGTH":
        return lambda lex: len(lex.orth_)
    # a flag reads as a bool, which compares and hashes as the Matcher's 0/1
    return attrgetter(attr.lower())


def _plain_number(value, strings) -> int | None:
    """A spec's literal value as the Matcher stores it (a string's hash, True as 1)."""
    if isinstance(value, str):
        return strings.add(value)
    if isinstance(value, (bool, int)):
        return int(value)
    return None


def _string_ids(values, strings) -> set[int] | None:
    if not isinstance(values, (list, tuple)) or not all(
            isinstance(v, (str, int)) and not isinstance(v, bool) for v in values):
        return None
    return {strings.add(v) if isinstance(v, str) else v for v in values}


def _operator_test(attr: str, op: str, value, strings) -> Test | None:
    number = _number_of(attr)
    if op == "REGEX":
        if attr not in STRING_ATTRS or not isinstance(value, str):
            return None
        search = re.compile(value).search
        text = attrgetter(STRING_ATTRS[attr] + "_")
        return lambda lex: search(text(lex)) is not None
    if op in ("IN", "NOT_IN"):
        ids = _string_ids(value, strings)
        if ids is None:
            return None
        if op == "IN":
            return lambda lex: number(lex) in ids
        return lambda lex: number(lex) not in ids
    if op in COMPARISONS and isinstance(value, int) and not isinstance(value, bool):
        compare = COMPARISONS[op]
        return lambda lex: compare(number(lex), value)
    return None


def _all_of(tests: list[Test]) -> Test:
    if len(tests) == 1:
        return tests[0]
    first, rest = tests[0], _all_of(tests[1:])
    return lambda lex: first(lex) and rest(lex)


class WordConditions:
    """Word-level token specs; a word's answer is a bit mask with bit n set when it meets spec n."""

    def __init__(self, vocab):
        from spacy.matcher import Matcher

        self.vocab = vocab
        # single-attribute specs: attribute -> its number -> bits of the specs that number meets
        self._tables: dict[str, tuple[Callable[[Any], int], dict[int, int]]] = {}
        # specs of several attributes, one with a plain value: attribute -> its number -> (test of
        # the others, bit)
        self._guarded: dict[str, tuple[Callable[[Any], int], dict[int, list[tuple[Test, int]]]]] = {}
        self._tests: list[tuple[Test, int]] = []  # other specs: test -> bit
        self.matcher = Matcher(vocab, validate=True)  # specs not compiled
        self._bit_of_key: dict[int, int] = {}
        self._count = 0
        self._bit_of_spec: dict[str, int] = {}  # a spec repeated in several patterns has one bit
        self._mask_of_word: dict[int, int] = {}

    def add(self, spec: dict) -> int:
        """The bit of a condition."""
        spec_key = json.dumps(spec, sort_keys=True)
        if spec_key in self._bit_of_spec:
            return self._bit_of_spec[spec_key]
        bit = self._bit_of_spec[spec_key] = 1 << self._count
        self._count += 1
        self._mask_of_word.clear()
        if not self._compile(spec, bit):
            key = self.vocab.strings.add(f"\x1fword condition {self._count}")
            self.matcher.add(key, [[spec]])
            self._bit_of_key[key] = bit
        return bit

    def _compile(self, spec: dict, bit: int) -> bool:
        strings = self.vocab.strings
        if len(spec) == 1:
            (name, value), = spec.items()
            attr = _attr_name(name)
            ids = None
            if isinstance(value, dict):
                if len(value) == 1 and next(iter(value)).upper() == "IN":
                    ids = _string_ids(next(iter(value.values())), strings)
            else:
                number = _plain_number(value, strings)
                ids = None if number is None else {number}
            if ids is not None:
                table = self._tables.setdefault(attr, (_number_of(attr), {}))[1]
                for number in ids:
                    table[number] = table.get(number, 0) | bit
                return True
        # a spec with a plain value ({"IS_DIGIT": true, "LENGTH": 4}) is tested only on the words
        # with that value: one read of the attribute decides for all the specs it guards, which
        # most new words meet none of
        guard = next(((_attr_name(name), value) for name, value in spec.items()
                      if not isinstance(value, dict)), None)
        guard_number = None if guard is None else _plain_number(guard[1], strings)
        tests: list[Test] = []
        for name, value in spec.items():
            attr = _attr_name(name)
            if guard_number is not None and (attr, value) == guard:
                continue
            if isinstance(value, dict):
                for op, operand in value.items():
                    test = _operator_test(attr, op.upper(), operand, strings)
                    if test is None:
                        return False
                    tests.append(test)
            else:
                number = _plain_number(value, strings)
                if number is None:
                    return False
                read = _number_of(attr)
                tests.append(lambda lex, read=read, number=number: read(lex) == number)
        if guard_number is not None and tests:
            guarded = self._guarded.setdefault(guard[0], (_number_of(guard[0]), {}))[1]
            guarded.setdefault(guard_number, []).append((_all_of(tests), bit))
        else:
            self._tests.append((_all_of(tests), bit))
        return True

    def masks(self, orths: list[int]) -> list[int]:
        """The masks of the words with these ORTH ids."""
        known = self._mask_of_word
        masks = list(map(known.get, orths))
        if None in masks:
            self._learn([orth for orth, mask in zip(orths, masks) if mask is None])
            masks = list(map(known.__getitem__, orths))
        return masks

    def _learn(self, orths: list[int]) -> None:
        unique = list(dict.fromkeys(orths))
        vocab = self.vocab
        masks = []
        for orth in unique:
            lex = vocab[orth]
            mask = 0
            for number, table in self._tables.values():
                mask |= table.get(number(lex), 0)
            for number, guarded in self._guarded.values():
                for test, bit in guarded.get(number(lex), ()):
                    if test(lex):
                        mask |= bit
            for test, bit in self._tests:
                if test(lex):
                    mask |= bit
            masks.append(mask)
        if self._bit_of_key:
            from spacy.tokens import Doc

            words = Doc(vocab, words=[vocab.strings[orth] for orth in unique])
            for key, start, _end in self.matcher(words):
                masks[start] |= self._bit_of_key[key]
        self._mask_of_word.update(zip(unique, masks))
