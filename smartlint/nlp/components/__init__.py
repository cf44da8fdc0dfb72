"""Custom pipeline components; importing this package registers their factories with spaCy."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import srsly
from spacy.util import registry

from smartlint.nlp.components import lexicon, merge, platforms, quantities, ruler, timex  # noqa: F401


class JsonlLines(Sequence):
    """The lines of a JSONL file, read once. Not a list: confection copies every list and dict it
    finds in a resolved config, item by item, which for the pattern files cost more than reading
    them."""

    def __init__(self, lines: list[dict]):
        self._lines = lines

    def __len__(self) -> int:
        return len(self._lines)

    def __getitem__(self, index):
        return self._lines[index]

    def __iter__(self) -> Iterator[dict]:
        return iter(self._lines)


@registry.readers("smartlint.read_jsonl.v1")
def read_jsonl_list(path: Path) -> JsonlLines:
    """JSONL patterns as a sequence (srsly's reader yields a generator; rulers need a sequence)."""
    return JsonlLines(list(srsly.read_jsonl(path)))
