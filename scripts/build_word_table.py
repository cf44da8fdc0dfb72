#!/usr/bin/env python3
"""Write models/word_classes.json and models/lexicon_exceptions.json from lemminflect's lexicon,
or check them against lemminflect.

    python scripts/build_word_table.py          # (re)write the table
    python scripts/build_word_table.py --check  # exit 1 if the table disagrees with lemminflect

The NLP pass asks two things of an English dictionary on nearly every goal: which parts of speech a
word can be (smartlint.nlp.lemmas.word_classes / is_known_word) and the base form of a verb
(lemma(word, "VERB")). lemminflect answers both but decodes its whole gzipped lookup table on
first use, which takes most of a second. The table written here holds the same answers for every
lower-case word lemminflect lists, in a form that is searched where it lies instead of being
unpacked into a dict (64,000 words; building the dict would cost more than the rest of a goal):

  {"lemminflect": version,
   "classes": {"N": "NOUN", "V": "VERB", ...},   # one letter per part of speech
   "words": "\\nword\\tletters[\\tverb lemma]\\n..."}  # lines sorted by word; the verb lemma only
                                                # when the word is a verb form of another word

The coach also asks for a few inflections (a noun's plural, a verb's -ing/-s/past forms) and,
rarely, a noun's lemma; lemminflect answers those from two more tables that take about half a
second to decode. lemminflect's rules for unknown words load in milliseconds and agree with its
tables for most words, so only the disagreements are stored, in a second file read only when a
rewrite needs it: the rules plus these exceptions give exactly lemminflect's answers.

  {"noun_lemmas": {"geese": "goose", ...},           # the lexicon's noun lemma, where the rules differ
   "inflections": {"go": {"VBD": ["went"]}, ...}}     # likewise for the forms the coach asks for
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
TABLE = REPO_ROOT / "models" / "word_classes.json"
EXCEPTIONS = REPO_ROOT / "models" / "lexicon_exceptions.json"


def lemminflect_words() -> tuple[str, dict[str, frozenset[str]], dict[str, str]]:
    """lemminflect's version, each lower-case word's parts of speech, and verb lemmas that differ."""
    import lemminflect
    from lemminflect.core.Lemmatizer import Lemmatizer

    lemmatizer = Lemmatizer()
    words = {w for w in [*lemmatizer._getLemmaDict(), *lemmatizer._getOverridesDict()] if w == w.lower()}
    classes: dict[str, frozenset[str]] = {}
    verb_lemmas: dict[str, str] = {}
    for word in sorted(words):
        # The public calls, so overrides and filtering apply exactly as smartlint used them.
        found = lemminflect.getAllLemmas(word)
        if not found:
            continue
        classes[word] = frozenset(found)
        if "VERB" in found:
            lemmas = lemminflect.getLemma(word, upos="VERB", lemmatize_oov=True)
            lemma = lemmas[0] if lemmas else word
            if lemma != word:
                verb_lemmas[word] = lemma
    return lemminflect.__version__, classes, verb_lemmas


# The Penn tags smartlint inflects to (smartlint.coach.edits).
INFLECTED_TAGS = ("NNS", "VBG", "VBZ", "VBD", "VBN")


def noun_lemma_exceptions(words) -> dict[str, str]:
    """Words whose noun lemma in lemminflect's lexicon differs from its rules for unknown words."""
    import lemminflect

    from smartlint.nlp.lemmas import first_or

    exceptions = {}
    for word in sorted(words):
        full = first_or(lemminflect.getLemma(word, upos="NOUN", lemmatize_oov=True), word)
        by_rule = first_or(lemminflect.getAllLemmasOOV(word, "NOUN").get("NOUN", ()), word)
        if full != by_rule:
            exceptions[word] = full
    return exceptions


def inflection_exceptions() -> dict[str, dict[str, list[str]]]:
    """For each lemma in lemminflect's inflection lexicon, the INFLECTED_TAGS forms that differ from
    its rules for unknown words."""
    import lemminflect
    from lemminflect.core.Inflections import Inflections

    from smartlint.nlp.lemmas import inflection_by_rule

    inflections = Inflections()
    lemmas = {w for w in [*inflections._getInflDict(), *inflections._getOverridesDict()] if w == w.lower()}
    exceptions: dict[str, dict[str, list[str]]] = {}
    for lemma in sorted(lemmas):
        for tag in INFLECTED_TAGS:
            full = lemminflect.getInflection(lemma, tag)
            if tuple(full) != inflection_by_rule(lemma, tag):
                exceptions.setdefault(lemma, {})[tag] = list(full)
    return exceptions


# One letter per part of speech lemminflect's lexicon uses.
CLASS_LETTERS = {"NOUN": "N", "PROPN": "P", "VERB": "V", "ADJ": "J", "ADV": "R", "AUX": "X"}


def build() -> tuple[dict, dict]:
    version, classes, verb_lemmas = lemminflect_words()
    lines = []
    for word in sorted(classes):
        if "\n" in word or "\t" in word:
            raise SystemExit(f"{word!r}: the table format cannot store tabs or newlines")
        letters = "".join(sorted(CLASS_LETTERS[c] for c in classes[word]))
        lines.append(f"{word}\t{letters}" + (f"\t{verb_lemmas[word]}" if word in verb_lemmas else ""))
    return {
        "lemminflect": version,
        "classes": {letter: name for name, letter in CLASS_LETTERS.items()},
        "words": "\n" + "\n".join(lines) + "\n",
    }, {
        "noun_lemmas": noun_lemma_exceptions(classes),
        "inflections": inflection_exceptions(),
    }


def check() -> int:
    """Compare every word lemminflect knows, and a sample of unknown ones, with the shipped table."""
    from smartlint.nlp import lemmas  # the installed package: run this with the project's environment

    _version, classes, verb_lemmas = lemminflect_words()
    table = lemmas.word_table()
    problems = []
    listed = table.words.count("\n") - 1
    if listed != len(classes):
        problems.append(f"the table lists {listed} words, lemminflect {len(classes)}")
    for word, found in classes.items():
        entry = table.entry(word)
        expected = (found, verb_lemmas.get(word, word) if "VERB" in found else None)
        got = (entry[0], entry[1] if "VERB" in entry[0] else None) if entry else None
        if got != expected:
            problems.append(f"{word!r}: table {got} != lemminflect {expected}")
        if len(problems) > 10:
            break
    expected_nouns = noun_lemma_exceptions(classes)
    shipped = lemmas.lexicon_exceptions()
    if shipped.noun_lemmas != expected_nouns:
        problems.append(f"noun lemmas: the table holds {len(shipped.noun_lemmas)} exceptions, "
                        f"lemminflect {len(expected_nouns)}")
    expected_inflections = inflection_exceptions()
    if shipped.inflections != expected_inflections:
        problems.append(f"inflections: the table holds {len(shipped.inflections)} lemmas with exceptions, "
                        f"lemminflect {len(expected_inflections)}")
    for line in problems:
        print(line, file=sys.stderr)
    print("word table: " + ("out of date" if problems else f"matches lemminflect ({len(classes)} words)"))
    return 1 if problems else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare the table with lemminflect")
    args = parser.parse_args()
    if args.check:
        return check()
    for path, data in zip((TABLE, EXCEPTIONS), build()):
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(REPO_ROOT)} ({path.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
