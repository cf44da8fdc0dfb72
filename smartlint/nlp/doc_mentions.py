"""How components hand normalized mentions down the pipeline.

Each component appends plain dicts (the fields of smartlint.facts.Mention) to the doc's user_data,
so no global spaCy extension attributes are needed and nothing spaCy-specific leaves the pass.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from operator import itemgetter
from typing import Any, NamedTuple

MENTIONS = "smartlint.mentions"
REFERENCE_DATE = "smartlint.reference_date"
FISCAL_YEAR_START = "smartlint.fiscal_year_start"
TEXT = "smartlint.text"
RULER_MATCHES = "smartlint.ruler_matches"  # user_data key (RULER_MATCHES, spans_key)


def mentions(doc) -> list[dict[str, Any]]:
    found = doc.user_data.get(MENTIONS)
    if found is None:  # not setdefault: that would make a list on every call
        found = doc.user_data[MENTIONS] = []
    return found


def by_start_longest_first(found: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Mentions ordered by start, the longer first where two start together, else as they came.
    Two stable sorts on C key functions cost less than one on a (start, -end) lambda."""
    ordered = sorted(found, key=_END, reverse=True)
    ordered.sort(key=_START)
    return ordered


_START = itemgetter("start")
_END = itemgetter("end")


def doc_text(doc) -> str:
    """The doc's text. doc.text is rebuilt from every token on each access (quadratic when called
    per mention on a long text), so one copy is kept per doc."""
    text = doc.user_data.get(TEXT)
    if text is None:
        text = doc.user_data[TEXT] = doc.text
    return text


class RulerMatch(NamedTuple):
    """A span a pattern ruler marked: tokens start..end, the pattern's label and id."""

    start: int
    end: int
    label: str
    id: str


def ruler_matches(doc, spans_key: str) -> list[RulerMatch]:
    """What the ruler with `spans_key` matched, ordered by span: the tuples it left with set_spans
    off, else its Spans read into tuples."""
    found = doc.user_data.get((RULER_MATCHES, spans_key))
    if found is None:
        found = [RulerMatch(span.start, span.end, span.label_, span.id_)
                 for span in doc.spans.get(spans_key, ())]
    return found


def add_mention(doc, label: str, start: int, end: int, **fields: Any) -> dict[str, Any]:
    """Record a mention covering doc.text[start:end] (character offsets)."""
    return append_mention(mentions(doc), doc_text(doc), label, start, end, **fields)


def append_mention(found: list[dict[str, Any]], text: str, label: str, start: int, end: int,
                   **fields: Any) -> dict[str, Any]:
    """add_mention with the doc's mention list and text already at hand (a component adding many)."""
    mention = {"label": label, "start": start, "end": end, "text": text[start:end], **fields}
    found.append(mention)
    return mention


def reference_date(doc) -> dt.date:
    return doc.user_data.get(REFERENCE_DATE) or dt.date.today()


def fiscal_year_start(doc, default: int = 1) -> int:
    return doc.user_data.get(FISCAL_YEAR_START) or default
