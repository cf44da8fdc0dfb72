"""Lemmas and a known-word check from lemminflect's lexicon.

lemminflect imports spaCy on import (about a second), so it is imported on first use only; results
are cached because the same few hundred words recur across a batch of goals.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=8192)
def lemma(word: str, upos: str = "VERB") -> str:
    """The lemma of `word` read as `upos` ("increasing" -> "increase"); lower-cased."""
    from lemminflect import getLemma

    lowered = word.lower()
    found = getLemma(lowered, upos=upos, lemmatize_oov=True)
    return found[0] if found else lowered


@lru_cache(maxsize=16384)
def is_known_word(word: str) -> bool:
    """True when the lower-cased word is in lemminflect's English lexicon (any part of speech).

    Brand names and most personal names ("linkedin", "priya") are not in it, which makes this a
    cheap filter for "is this token an ordinary English word?".
    """
    from lemminflect import getAllLemmas

    return bool(getAllLemmas(word.lower()))


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
    from lemminflect import getAllLemmas

    return frozenset(getAllLemmas(word.lower()))
