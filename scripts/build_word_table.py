#!/usr/bin/env python3
"""Write models/word_classes.json from lemminflect's lemma lexicon, or check it against lemminflect.

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
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
TABLE = REPO_ROOT / "models" / "word_classes.json"


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


# One letter per part of speech lemminflect's lexicon uses.
CLASS_LETTERS = {"NOUN": "N", "PROPN": "P", "VERB": "V", "ADJ": "J", "ADV": "R", "AUX": "X"}


def build() -> dict:
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
    TABLE.write_text(json.dumps(build(), ensure_ascii=False, separators=(",", ":")) + "\n",
                     encoding="utf-8")
    print(f"wrote {TABLE.relative_to(REPO_ROOT)} ({TABLE.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
