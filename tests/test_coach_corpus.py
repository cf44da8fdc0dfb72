"""The coach's rewrites over the whole corpus: filled in with plain values, they must score 100
(at least 95% of them) and never lose a number, date, owner or platform of the original goal."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from smartlint.coach import PLACEHOLDERS, coach, fill

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
FILLING = {
    "<owner>": "The operations team",
    "<metric>": "the weekly active user count",
    "<target>": "25%",
    "<deadline>": "June 30, 2026",
    "<method>": "weekly coaching sessions",
    "<reason>": "customer retention improves",
}
KEPT_LABELS = ("QUANTITY", "PERCENT", "MONEY", "DATE", "DATE_RANGE", "OWNER", "PLATFORM")
REQUIRED_SHARE = 0.95


def corpus_goals() -> list[dict]:
    goals = []
    for name in ("goals.jsonl", "holdout.jsonl"):
        path = CORPUS / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                goals.append(json.loads(line))
    return goals


def kept_values(facts) -> list[tuple[str, str]]:
    """(label, normalized value) of the facts a rewrite must keep."""
    values = []
    for m in facts.mentions:
        if m.label not in KEPT_LABELS:
            continue
        value = m.value
        if m.label in ("OWNER", "PLATFORM"):
            value = str(value or m.text).lower()
        values.append((m.label, json.dumps(value, sort_keys=True, default=str)))
    return values


@pytest.fixture(scope="module")
def outcomes():
    from smartlint.api import Linter

    goals = corpus_goals()
    if not goals:
        pytest.skip("corpus/goals.jsonl and corpus/holdout.jsonl are not there")
    linter = Linter()
    rows = []
    for goal in goals:
        today = dt.date.fromisoformat(goal["reference_date"])
        facts = linter.analyzer.analyze(goal["text"], today)
        report = linter.judge(facts)
        coaching = coach(facts, report)
        filled = fill(coaching.rewrite, FILLING)
        filled_facts = linter.analyzer.analyze(filled, today)
        rows.append({
            "id": goal.get("id"), "text": goal["text"], "before": report, "rewrite": coaching.rewrite,
            "filled": filled, "after": linter.judge(filled_facts),
            "lost": sorted(set(kept_values(facts)) - set(kept_values(filled_facts))),
        })
    return rows


def test_filled_rewrites_score_100(outcomes):
    misses = [row for row in outcomes if row["after"].score < 100]
    share = 1 - len(misses) / len(outcomes)
    detail = "\n".join(
        f'{row["id"]}: {row["after"].score} {row["filled"]!r} '
        + str({k: v.reason for k, v in row["after"].dimensions.items() if v.points < 2})
        for row in misses
    )
    assert share >= REQUIRED_SHARE, f"{share:.1%} of {len(outcomes)} rewrites score 100; misses:\n{detail}"


def test_rewrites_keep_every_fact(outcomes):
    lost = [f'{row["id"]}: {row["text"]!r} -> {row["filled"]!r} lost {row["lost"]}' for row in outcomes if row["lost"]]
    assert not lost, "\n".join(lost)


def test_smart_goals_are_returned_unchanged(outcomes):
    smart = [row for row in outcomes if row["before"].score == 100]
    assert all(row["rewrite"] == row["text"] for row in smart)


def test_rewrites_use_only_the_fixed_placeholders(outcomes):
    import re

    for row in outcomes:
        used = set(re.findall(r"<[a-z]+>", row["rewrite"]))
        assert used <= set(PLACEHOLDERS), (row["id"], used)
        assert not re.findall(r"<[a-z]+>", row["filled"]), row["filled"]
