"""Facts -> the public `extract` contract: [{"type", "text", "value", "start", "end"}].

Types and value forms follow the extraction benchmark's README (number, percent, money, duration,
date, date_range, frequency) plus owner and platform, whose value is the canonical name.
"""
from __future__ import annotations

from typing import Any

from smartlint.facts import EXTRACT_TYPES, Facts, Mention

TIME_LABELS = frozenset({"DATE", "DATE_RANGE", "DURATION", "FREQUENCY", "START_TIME", "VAGUE_TIME"})
NUMBER_LABELS = frozenset({"QUANTITY", "PERCENT", "MONEY"})


def _inside_time(mention: Mention, times: list[Mention]) -> bool:
    return any(t.start <= mention.start and mention.end <= t.end for t in times)


def extract_items(facts: Facts) -> list[dict[str, Any]]:
    """The contract items of one statement, in text order.

    A number that lies within a time expression ("4" in "in 4 months", "2026" in "Q3 2026") is
    part of that expression, not a number of its own; an unresolved time has no value to report.
    """
    times = [m for m in facts.mentions if m.label in TIME_LABELS]
    items = []
    for mention in facts.mentions:
        kind = EXTRACT_TYPES.get(mention.label)
        if kind is None:
            continue
        if mention.label in NUMBER_LABELS and _inside_time(mention, times):
            continue
        if mention.label in TIME_LABELS and (not mention.resolved or mention.value is None):
            continue
        items.append({"type": kind, "text": mention.text, "value": mention.value,
                      "start": mention.start, "end": mention.end})
    items.sort(key=lambda item: (item["start"], -item["end"]))
    return items
