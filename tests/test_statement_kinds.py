"""A KPI and a milestone are judged on what they must say, not on all five letters."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from smartlint.api import Linter

TODAY = dt.date(2026, 1, 15)


@pytest.fixture(scope="module")
def linter():
    return Linter()


def test_a_kpi_needs_metric_target_and_period(linter):
    kpi = linter.score("Weekly website visits, target 5,000 by June 30, 2026", TODAY)
    assert kpi.kind == "kpi" and kpi.smart
    assert "KPI" in kpi.dimensions["A"].reason
    no_period = linter.score("Weekly website visits, target 5,000", TODAY, id=None)
    assert no_period.dimensions["T"].points < 2 and not no_period.smart


def test_a_milestone_needs_a_deliverable_and_a_date(linter):
    milestone = linter.score("Launch the referral programme by February 15, 2026", TODAY)
    assert milestone.kind == "milestone" and milestone.smart
    assert not {f.rule for f in milestone.findings} & {"A001", "R002", "M001"}


def test_a_realism_flag_still_counts_against_a_milestone(linter):
    late = linter.score("Launch the referral programme by February 15, 2025", TODAY)
    assert late.kind == "milestone"
    assert late.dimensions["A"].points == 0


def test_the_plan_structure_decides_the_kind(linter):
    text = "Launch the referral programme by February 15, 2026"
    [as_goal] = linter.score_many([(None, text, TODAY)], kinds=["goal"])
    assert as_goal.kind == "goal" and not as_goal.smart


def test_score_json_says_which_kind_was_judged_and_suggests_kpis():
    result = subprocess.run(
        [sys.executable, "-m", "smartlint", "score", "--format", "json", "--today", "2026-01-15",
         "We will grow inbound leads from 40 to 60 a month by September 30, 2026 through webinars, "
         "so that sales can meet the revenue plan"],
        capture_output=True, timeout=120, check=True)
    report = json.loads(result.stdout)
    assert report["kind"] == "goal"
    timings = {kpi["timing"] for kpi in report["kpis"]}
    assert {"leading", "lagging"} <= timings and 2 <= len(report["kpis"]) <= 4
    values = [step["value"] for step in report["milestones"]]
    assert values == sorted(values) and values[-1] == 60
