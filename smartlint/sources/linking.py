"""Rubric R in plan files: a goal linked to a parent objective it shares terms with is relevant.

The statement scorer sees one text at a time; only the plan knows that a goal sits under an
objective (or names one with `parent:`), or that a KPI belongs to a goal. When the child shares
content words with its parent, R becomes 2 with the shared words as the reason, R findings are
dropped, and score and `smart` are worked out again.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from smartlint.report import DIMENSIONS, DimensionScore, Report

WORD = re.compile(r"[a-z][a-z'-]{3,}")
# words too common in goal statements to show that two of them are about the same thing
COMMON = frozenset("""
    that this with from into have will than more most make made over each every their they them
    what when where which while your ours team goal goals target month months year years week
    weeks quarter quarters days date end start grow increase reduce improve achieve reach raise
    keep deliver launch build become number total rate level least about across within until
""".split())


def content_words(text: str) -> set[str]:
    words = set()
    for word in WORD.findall(text.lower()):
        word = word.strip("'-")
        if word.endswith("s") and not word.endswith("ss") and len(word) > 4:
            word = word[:-1]
        if word not in COMMON:
            words.add(word)
    return words


def link_to_parent(report: Report, parent_text: str | None) -> Report:
    """The report with R raised to 2 when the statement shares terms with its parent."""
    if not parent_text or report.dimensions.get("R") is None or report.dimensions["R"].points >= 2:
        return report
    shared = sorted(content_words(report.text) & content_words(parent_text))
    if not shared:
        return report
    dimensions = dict(report.dimensions)
    dimensions["R"] = DimensionScore(
        points=2,
        evidence=[],
        findings=[],
        reason=f"serves its parent in the plan ({parent_text[:60]}): shares {', '.join(shared[:4])}",
    )
    findings = [f for f in report.findings if f.dimension != "R"]
    total = sum(dimensions[d].points for d in DIMENSIONS)
    return report.model_copy(update={
        "dimensions": dimensions,
        "findings": findings,
        "score": total * 10,
        "smart": all(dimensions[d].points == 2 for d in DIMENSIONS),
    })


def parent_texts(goal_parent: str | None, known: Iterable[tuple[str | None, str]]) -> str | None:
    """Resolve a `parent:` that names an id to that item's text; otherwise it is the text."""
    if goal_parent is None:
        return None
    for item_id, text in known:
        if item_id is not None and item_id == goal_parent:
            return text
    return goal_parent
