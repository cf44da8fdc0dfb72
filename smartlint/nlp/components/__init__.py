"""Custom pipeline components; importing this package registers their factories with spaCy."""
from __future__ import annotations

from pathlib import Path

import srsly
from spacy.util import registry

from smartlint.nlp.components import lexicon, merge, platforms, quantities, ruler, timex  # noqa: F401


@registry.readers("smartlint.read_jsonl.v1")
def read_jsonl_list(path: Path) -> list[dict]:
    """JSONL patterns as a list (srsly's reader yields a generator; rulers need a sequence)."""
    return list(srsly.read_jsonl(path))
