#!/usr/bin/env python3
"""Write models/suffix_widths.json for smartlint.nlp.tokenizer, or check it.

    python scripts/build_suffix_widths.py          # (re)write the table
    python scripts/build_suffix_widths.py --check  # exit 1 if the table is not what spaCy's suffixes give

For each of the English tokenizer's suffix patterns `(?<=B)M` or `M`, where M is A or
`(?:A1|A2|...)` and B and each A look at nothing around them: [[P, length of A's matches, length
of B's, the characters A's matches can end with or null], ...] with P `(?<=B)A` or A, one for each
A; or null where B or an A matches strings of several lengths or the pattern looks around in other
ways. The last characters are told for an A of length 1 (found by matching it against every
character) and for an A of literal text. A pattern matches strings of one length
exactly when Python accepts it in a look-behind, and of length w when it accepts it as a
look-behind alternative beside `.{w}` (all of a look-behind's alternatives must have the same
length). A pattern "looks around" when its text outside character classes holds anything that
could be a look-around, an inline group or flag, an anchor or a back-reference; the test errs on
the side of null.

  {"spacy": version,
   "entries": {pattern: [[P, match length, look-behind length, last characters], ...] or null, ...}}
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from functools import cache
from pathlib import Path

from smartlint.nlp.tokenizer import split_look_behind, structure

REPO_ROOT = Path(__file__).resolve().parent.parent
TABLE = REPO_ROOT / "models" / "suffix_widths.json"
# Escapes that are anchors (\b \B \A \Z) or back-references (\1..; \0 is an octal escape, taken as
# one to be safe).
SPECIAL = set(".^$*+?{}[]\\|()")
ANCHOR_ESCAPES = re.compile(r"\\[bBAZ0-9]")
LONGEST = 32


def entries(pattern: str) -> list[list] | None:
    """[[P, m, b, last characters], ...] (see above) for a pattern, or None."""
    behind, match = split_look_behind(pattern)
    behind_width = 0 if behind is None else width(behind)
    if behind_width is None:
        return None
    found = []
    for alternative in alternatives(match):
        match_width = width(alternative)
        if match_width is None:
            return None
        found.append([alternative if behind is None else f"(?<={behind}){alternative}",
                      match_width, behind_width, last_characters(alternative, match_width)])
    return found


def last_characters(pattern: str, length: int) -> str | None:
    """The characters the strings a pattern of one length (looking at nothing around it) matches
    can end with, or None when that is not told: every character for length 1, the last of the text
    for literal text."""
    if length == 1:
        return "".join(re.findall(pattern, every_character()))
    tokens = [token for _i, token in structure(pattern)]
    if length > 1 and all(len(token) == 1 and token not in SPECIAL or len(token) == 2
                          and token[0] == "\\" and not token[1].isalnum() for token in tokens):
        return tokens[-1][-1]
    return None


@cache
def every_character() -> str:
    return "".join(map(chr, range(sys.maxunicode + 1)))


def alternatives(pattern: str) -> list[str]:
    """A1, A2, ... of a pattern `(?:A1|A2|...)`, or [pattern]."""
    if not pattern.startswith("(?:"):
        return [pattern]
    depth, cuts = 0, [2]
    for i, char in structure(pattern):
        depth += (char == "(") - (char == ")")
        if depth == 1 and char == "|":
            cuts.append(i)
        if depth == 0:
            if i != len(pattern) - 1:
                return [pattern]  # the group ends before the pattern does
            cuts.append(i)
            return [pattern[a + 1:b] for a, b in zip(cuts, cuts[1:])]
    return [pattern]


def looks_around(pattern: str) -> bool:
    """Whether the pattern might look at what is around its match: "(?" (every look-around,
    inline flag and named back-reference), an anchor or a back-reference outside character
    classes (in a class, "(?", "^" and "$" are characters, and "\\b" a backspace)."""
    tokens = [token for _i, token in structure(pattern)]
    return ("(?" in "".join(tokens) or any(token in ("^", "$") for token in tokens)
            or any(ANCHOR_ESCAPES.fullmatch(token) for token in tokens))


def width(pattern: str) -> int | None:
    """The one length of the strings a pattern that looks at nothing around them matches."""
    if looks_around(pattern):
        return None
    try:
        re.compile(f"(?<={pattern})")
    except re.error:
        return None  # not of one length
    for length in range(LONGEST + 1):
        try:
            re.compile(f"(?<={pattern}|.{{{length}}})")
            return length
        except re.error:
            continue
    return None


def table() -> dict:
    import spacy
    from spacy.lang.en import English

    return {"spacy": spacy.__version__,
            "entries": {pattern: entries(pattern) for pattern in English.Defaults.suffixes if pattern.strip()}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    built = table()
    if args.check:
        stored = json.loads(TABLE.read_text(encoding="utf-8"))
        if stored["entries"] != built["entries"]:
            print(f"{TABLE} is out of date: run {Path(__file__).name}", file=sys.stderr)
            return 1
        print("up to date")
        return 0
    TABLE.write_text(json.dumps(built, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {TABLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
