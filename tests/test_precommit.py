"""The pre-commit hook, run by the real pre-commit from a throw-away repository.

pre-commit clones this repository at its current HEAD, so the hook runs the committed code, and
installs it into its own environment (from PyPI: the first run takes a while).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
WEAK = "# Goals\n\n- Do better at marketing\n- Improve things on social media\n"
SMART = ("# Goals\n\n- Our marketing team will grow inbound leads from 40 to 60 a month on LinkedIn "
         "by June 30, 2026 so that sales can meet its revenue target\n")

pytestmark = pytest.mark.slow


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture()
def hook_repo(tmp_path, pre_commit_home):
    head = git("rev-parse", "HEAD", cwd=REPO)
    shown = subprocess.run(["git", "cat-file", "-e", f"{head}:.pre-commit-hooks.yaml"], cwd=REPO,
                           capture_output=True)
    if shown.returncode != 0:
        pytest.skip("HEAD has no .pre-commit-hooks.yaml yet (pre-commit runs committed code only)")
    work = tmp_path / "project"
    work.mkdir()
    git("init", "-q", cwd=work)
    config = {"repos": [{"repo": str(REPO), "rev": head,
                         "hooks": [{"id": "smartlint", "args": ["--today", "2026-01-15"]}]}]}
    (work / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
    env = {**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home), "PRE_COMMIT_COLOR": "never"}
    env.pop("PYTHONSAFEPATH", None)
    return work, env


def run_hook(work: Path, env: dict, name: str, text: str) -> subprocess.CompletedProcess:
    (work / name).write_text(text)
    git("add", "-A", cwd=work)
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "smartlint", "--files", name],
                          cwd=work, env=env, capture_output=True, text=True, timeout=1200)


def test_hook_fails_on_a_weak_plan_and_passes_on_a_smart_one(hook_repo):
    work, env = hook_repo
    weak = run_hook(work, env, "q3-goals.md", WEAK)
    assert weak.returncode == 1, weak.stdout + weak.stderr
    assert re.search(r"q3-goals\.md:3:3: [A-Z]\d{3} ", weak.stdout), weak.stdout
    assert "Failed" in weak.stdout

    (work / "q3-goals.md").unlink()
    smart = run_hook(work, env, "team-goals.md", SMART)
    assert smart.returncode == 0, smart.stdout + smart.stderr
    assert "Passed" in smart.stdout


def test_default_files_pattern_picks_plans_only():
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    pattern = re.compile(hook["files"])
    plans = ["q3-goals.md", "okrs/team.yaml", "plans/2026.toml", "GOALS.txt", "docs/team_kpis.json",
             "roadmap.md", "milestones/q1.yml"]
    others = ["README.md", "pyproject.toml", "package.json", "explanation.md", "requirements.txt",
              "src/planner.py"]
    assert [p for p in plans if not pattern.search(p)] == []
    assert [p for p in others if pattern.search(p)] == []
    assert hook["entry"] == "smartlint check" and hook["language"] == "python"
