"""Lemmas and a known-word check from lemminflect's lexicon.

lemminflect decodes its whole lookup table (about a second) on first use, and nearly every goal
asks about a word, so the answers smartlint needs on every goal -- a word's parts of speech and a
verb's base form -- come from models/word_classes.json, the same data precomputed by
scripts/build_word_table.py (which also checks it against lemminflect). lemminflect itself is only
consulted for its rules for words outside its lexicon, which load quickly: the table holds the
lexicon's verb lemmas, and the noun lemmas and inflections where the lexicon and the rules
disagree. Results are cached because the same few hundred words recur across a batch of goals.
"""
from __future__ import annotations

import json
from bisect import bisect_left
from functools import cache, lru_cache
from importlib.resources import files
from typing import NamedTuple


class WordTable:
    """lemminflect's lower-case words with their parts of speech and, for verb forms, the lemma.

    The table is one string of sorted lines "word\\tletters[\\tverb lemma]". A run that looks up
    a few words bisects the string where it lies: splitting 64,000 lines costs more than a goal's
    whole analysis. A batch looks up hundreds of new words, each bisection step a handful of
    string method calls; after BISECTED_LOOKUPS of them the lines are split once and bisected as
    a list, in C.
    """

    def __init__(self, words: str, classes: dict[str, str]):
        self.words = words  # starts and ends with a newline
        self.classes = classes  # letter -> part of speech
        self.lines: list[str] | None = None  # the sorted lines, once split
        self.lookups = 0  # lookups in the unsplit string so far

    def entry(self, word: str) -> tuple[frozenset[str], str] | None:
        """(parts of speech, lemma as a verb) of a lower-case word, or None if it is not listed."""
        if "\t" in word or "\n" in word:
            return None  # no listed word holds one, and it would cut a line in two
        line = self._line(word)
        if line is None:
            return None
        fields = line.split("\t")
        return frozenset(self.classes[c] for c in fields[1]), fields[2] if len(fields) > 2 else word

    def _line(self, word: str) -> str | None:
        lines = self.lines
        if lines is None:
            self.lookups += 1
            if self.lookups <= BISECTED_LOOKUPS:
                return self._line_in_string(word)
            lines = self.lines = self.words[1:-1].split("\n")
        # "word\t..." sorts right after "word\t" and before any other line: a word's characters
        # all sort after the tab
        key = word + "\t"
        i = bisect_left(lines, key)
        return lines[i] if i < len(lines) and lines[i].startswith(key) else None

    def _line_in_string(self, word: str) -> str | None:
        lines = self.words
        lo, hi = 1, len(lines)  # the first line starts at 1; every candidate line starts in [lo, hi)
        while lo < hi:
            start = lines.rfind("\n", 0, (lo + hi) // 2) + 1
            tab = lines.find("\t", start)
            listed = lines[start:tab]
            if listed == word:
                return lines[start:lines.find("\n", tab)]
            if listed < word:
                lo = lines.find("\n", tab) + 1
            else:
                hi = start
        return None


BISECTED_LOOKUPS = 200


@cache
def word_table() -> WordTable:
    """The table scripts/build_word_table.py derived from lemminflect (models/word_classes.json)."""
    data = json.loads(files("smartlint.models").joinpath("word_classes.json").read_text(encoding="utf-8"))
    return WordTable(data["words"], data["classes"])


class LexiconExceptions(NamedTuple):
    """Where lemminflect's lexicon disagrees with its rules for unknown words (see
    scripts/build_word_table.py); kept apart from the word table because few goals need it."""
    noun_lemmas: dict[str, str]
    inflections: dict[str, dict[str, list[str]]]  # lemma -> Penn tag -> forms


@cache
def lexicon_exceptions() -> LexiconExceptions:
    data = json.loads(files("smartlint.models").joinpath("lexicon_exceptions.json").read_text(encoding="utf-8"))
    return LexiconExceptions(data["noun_lemmas"], data["inflections"])


def first_or(found, default: str) -> str:
    return found[0] if found else default


@lru_cache(maxsize=8192)
def lemma(word: str, upos: str = "VERB") -> str:
    """The lemma of `word` read as `upos` ("increasing" -> "increase"); lower-cased."""
    lowered = word.lower()
    if upos == "VERB":
        entry = word_table().entry(lowered)
        if entry is not None and "VERB" in entry[0]:
            return entry[1]
        from lemminflect import getAllLemmasOOV

        found = getAllLemmasOOV(lowered, upos)
        return found[upos][0] if found else lowered
    if upos == "NOUN":
        listed = lexicon_exceptions().noun_lemmas.get(lowered)
        if listed is not None:
            return listed
        from lemminflect import getAllLemmasOOV

        return first_or(getAllLemmasOOV(lowered, upos).get(upos, ()), lowered)
    from lemminflect import getLemma

    found = getLemma(lowered, upos=upos, lemmatize_oov=True)
    return found[0] if found else lowered


@lru_cache(maxsize=16384)
def is_known_word(word: str) -> bool:
    """True when the lower-cased word is in lemminflect's English lexicon (any part of speech).

    Brand names and most personal names ("linkedin", "priya") are not in it, which makes this a
    cheap filter for "is this token an ordinary English word?".
    """
    return word_table().entry(word.lower()) is not None


@lru_cache(maxsize=4096)
def inflection(lemma: str, tag: str) -> tuple[str, ...]:
    """lemminflect's getInflection(lemma, tag) ("goose", "NNS" -> ("geese",)); empty if it has none."""
    if lemma != lemma.lower():  # the table is lower case; lemminflect keeps the caps style
        from lemminflect import getInflection

        return tuple(getInflection(lemma, tag) or ())
    listed = lexicon_exceptions().inflections.get(lemma)
    if listed is not None and tag in listed:
        return tuple(listed[tag])
    return inflection_by_rule(lemma, tag)


def inflection_by_rule(lemma: str, tag: str) -> tuple[str, ...]:
    """What getInflection answers for a lemma outside lemminflect's lexicon (its rules only)."""
    from lemminflect import Inflections
    from lemminflect.core.LexicalUtils import tagToUPos

    forms = Inflections().getAllInflectionsOOV(lemma, tagToUPos(tag))
    return tuple(forms.get(tag, ()))


def verb_forms(base: str) -> list[str]:
    """All inflected forms of a verb, base form first ("cut" -> cut, cuts, cutting)."""
    from lemminflect import getAllInflections

    forms = [base]
    for variants in getAllInflections(base, upos="VERB").values():
        forms.extend(v for v in variants if v not in forms)
    return forms


@lru_cache(maxsize=16384)
def word_classes(word: str) -> frozenset[str]:
    """The parts of speech lemminflect knows for the lower-cased word ({"NOUN", "VERB"}; empty if unknown)."""
    entry = word_table().entry(word.lower())
    return entry[0] if entry is not None else frozenset()
