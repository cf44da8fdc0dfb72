"""How components hand normalized mentions down the pipeline.

Each component appends plain dicts (the fields of smartlint.facts.Mention) to the doc's user_data,
so no global spaCy extension attributes are needed and nothing spaCy-specific leaves the pass.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

MENTIONS = "smartlint.mentions"
REFERENCE_DATE = "smartlint.reference_date"
FISCAL_YEAR_START = "smartlint.fiscal_year_start"
TEXT = "smartlint.text"


def mentions(doc) -> list[dict[str, Any]]:
    return doc.user_data.setdefault(MENTIONS, [])


def add_mention(doc, label: str, start: int, end: int, **fields: Any) -> dict[str, Any]:
    """Record a mention covering doc.text[start:end] (character offsets)."""
    # doc.text is rebuilt from the tokens on every access; keep one copy per doc.
    text = doc.user_data.get(TEXT)
    if text is None:
        text = doc.user_data[TEXT] = doc.text
    mention = {"label": label, "start": start, "end": end, "text": text[start:end], **fields}
    mentions(doc).append(mention)
    return mention


def reference_date(doc) -> dt.date:
    return doc.user_data.get(REFERENCE_DATE) or dt.date.today()


def fiscal_year_start(doc, default: int = 1) -> int:
    return doc.user_data.get(FISCAL_YEAR_START) or default
