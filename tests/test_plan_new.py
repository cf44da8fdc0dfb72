"""`smartlint plan new`: a YAML scaffold that validates, passes `check` once filled, never overwrites."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml

from smartlint.sources.plan_schema import Plan

TODAY = "2026-01-15"
PLACEHOLDER = re.compile(r"<([^<>]+)>")
# what a user would write in each placeholder of the scaffold (and of the coach's rewrite)
FILLS = {
    "owner": "Priya", "target": "120", "reason": "sales can meet its revenue target",
    "method": "on LinkedIn", "deadline": "June 30, 2026", "date": "May 29, 2026", "YYYY-MM-DD": "2026-05-29",
    "baseline": "40", "unit": "leads", "metric": "inbound leads",
    "deliver the first step": "publish 4 case studies on inbound leads",
    "deliver the next step": "publish 8 case studies on inbound leads",
}


def smartlint(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "smartlint", *args, "--today", TODAY],
                          capture_output=True, text=True, timeout=300, cwd=cwd)


def fill(text: str) -> str:
    def replace(match: re.Match) -> str:
        name = match.group(1)
        assert name in FILLS, f"the scaffold has a placeholder the test cannot fill: <{name}>"
        return FILLS[name]

    return PLACEHOLDER.sub(replace, text)


@pytest.mark.parametrize("goal", [
    "Our marketing team will grow inbound leads from 40 to 60 a month by June 30, 2026",
    "Increase website traffic",
    "Cut customer churn from 5% to 3% by September 30, 2026",
])
def test_filled_scaffold_passes_check(tmp_path, goal):
    path = tmp_path / "plan.yaml"
    made = smartlint("plan", "new", goal, "-o", str(path))
    assert made.returncode == 0, made.stderr
    scaffold = path.read_text(encoding="utf-8")
    data = yaml.safe_load(scaffold)
    goal_entry = data["goals"][0]
    assert 2 <= len(goal_entry["kpis"]) <= 4
    assert {k["type"] for k in goal_entry["kpis"]} == {"leading", "lagging"}
    assert goal_entry["milestones"]

    path.write_text(fill(scaffold), encoding="utf-8")
    Plan.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    checked = smartlint("check", str(path))
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_scaffold_keeps_what_the_goal_says(tmp_path):
    path = tmp_path / "plan.yaml"
    assert smartlint("plan", "new", "Sam will cut customer churn from 5% to 3% by September 30, 2026 "
                     "so that recurring revenue stays above plan", "-o", str(path)).returncode == 0
    goal = yaml.safe_load(path.read_text(encoding="utf-8"))["goals"][0]
    assert goal["owner"] == "Sam" and str(goal["due"]) == "2026-09-30"
    assert goal["baseline"] == 5 and goal["target"] == 3
    assert goal["text"].startswith("Sam will cut customer churn")
    dues = [m["due"] for m in goal["milestones"]]
    assert dues == sorted(dues) and str(dues[-1]) == "2026-09-30"


def test_unfilled_scaffold_is_flagged_not_passed(tmp_path):
    path = tmp_path / "plan.yaml"
    assert smartlint("plan", "new", "Increase website traffic", "-o", str(path)).returncode == 0
    assert smartlint("check", str(path)).returncode != 0


def test_never_overwrites(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text("keep me\n", encoding="utf-8")
    result = smartlint("plan", "new", "Increase website traffic", "-o", str(path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "already exists" in lines[0] and "Traceback" not in result.stderr
    assert path.read_text(encoding="utf-8") == "keep me\n"


def test_stdout_without_output_file():
    result = smartlint("plan", "new", "Increase website traffic")
    assert result.returncode == 0, result.stderr
    assert yaml.safe_load(result.stdout)["goals"][0]["kpis"]


@pytest.mark.parametrize("args", [["plan", "new", "   "], ["plan", "new", "Grow leads", "--today", "tomorrow"]])
def test_bad_input_is_one_line_exit_2(args):
    result = subprocess.run([sys.executable, "-m", "smartlint", *args], capture_output=True, text=True, timeout=300)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, result.stderr
