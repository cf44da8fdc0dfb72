"""Milestone suggestions: dated, ordered, on or before the deadline, moving from baseline to target."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from smartlint.kpi.milestones import checkpoint_dates, milestone_suggestions
from smartlint.kpi.reading import goal_target, goal_time

TODAY = dt.date(2026, 1, 15)
CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "goals.jsonl"


@pytest.fixture(scope="module")
def analyzer():
    from smartlint.api import Linter

    return Linter().analyzer


def test_corpus_milestones_are_dated_ordered_before_the_deadline_and_monotonic(analyzer):
    planned = 0
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        facts = analyzer.analyze(row["text"], TODAY)
        milestones = milestone_suggestions(facts, TODAY)
        if not milestones:
            continue
        planned += 1
        target, deadline = goal_target(facts), goal_time(facts).due
        dates = [m.due for m in milestones]
        assert dates == sorted(dates) and len(set(dates)) == len(dates), row["id"]
        assert all(TODAY < d <= deadline for d in dates) and dates[-1] == deadline, row["id"]
        values = [target.baseline, *(m.value for m in milestones)]
        step = 1 if target.value > target.baseline else -1
        assert all((b - a) * step >= 0 for a, b in zip(values, values[1:])), (row["id"], values)
        assert milestones[-1].value == target.value, row["id"]
        assert all(f"{m.due.year}" in m.text for m in milestones), row["id"]
    assert planned >= 10


def test_interim_targets_follow_the_calendar(analyzer):
    facts = analyzer.analyze("Raise CSAT from 82% to 90% by September 30, 2026.", TODAY)
    milestones = milestone_suggestions(facts, TODAY)
    assert [m.due for m in milestones] == [dt.date(2026, 3, 31), dt.date(2026, 5, 31), dt.date(2026, 7, 31),
                                          dt.date(2026, 9, 30)]
    assert [m.value for m in milestones] == [84, 86, 88, 90]
    assert milestones[0].text == "Customer satisfaction (CSAT) at 84% by March 31, 2026"


def test_a_falling_target_falls(analyzer):
    facts = analyzer.analyze("Cut voluntary turnover from 18% to 12% by December 31, 2026.", TODAY)
    values = [m.value for m in milestone_suggestions(facts, TODAY)]
    assert values == sorted(values, reverse=True) and values[-1] == 12 and values[0] < 18


@pytest.mark.parametrize("text", [
    "Raise CSAT from 82% to 90% by February 20, 2026.",  # five weeks out: too close for checkpoints
    "Raise CSAT to 90% by September 30, 2026.",  # no baseline
    "Raise CSAT from 82% to 90%.",  # no deadline
])
def test_no_milestones_without_baseline_target_and_a_far_deadline(analyzer, text):
    assert milestone_suggestions(analyzer.analyze(text, TODAY), TODAY) == []


def test_checkpoint_dates_keep_two_weeks_from_both_ends():
    # January 31 is 11 days after the start and February 28 is 10 days before the deadline: both go
    assert checkpoint_dates(dt.date(2026, 1, 20), dt.date(2026, 3, 10)) == [dt.date(2026, 3, 10)]
    assert checkpoint_dates(dt.date(2026, 1, 20), dt.date(2026, 3, 20)) == [dt.date(2026, 2, 28),
                                                                             dt.date(2026, 3, 20)]
    long = checkpoint_dates(TODAY, dt.date(2027, 12, 31))
    assert 4 <= len(long) <= 6 and long[-1] == dt.date(2027, 12, 31)
