"""`smartlint check` end to end through the CLI: formats, exit codes, config, suppressions, bad input."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

PLANS = Path(__file__).parent / "fixtures" / "plans"
SARIF_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"
TODAY = "2026-01-15"
FINDING_LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<rule>[A-Z]{1,3}\d{3}) .+$")
SMART_GOAL = ("Our marketing team will grow inbound leads from 40 to 60 a month on LinkedIn "
              "by June 30, 2026 so that sales can meet its revenue target")


def smartlint(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "smartlint", "check", *args, "--today", TODAY],
                          capture_output=True, text=True, cwd=cwd, input=stdin, timeout=300)


def findings_of(stdout: str) -> list[dict]:
    return json.loads(stdout)["findings"]


def test_weak_plan_fails_with_located_findings():
    result = smartlint(str(PLANS / "weak.md"))
    assert result.returncode == 1, result.stderr
    lines = result.stdout.strip().splitlines()
    located = [FINDING_LINE.match(line) for line in lines[:-1]]
    assert located and all(located), lines
    assert {m.group("line") for m in located} <= {"5", "6"}
    assert all(m.group("col") == "3" or int(m.group("col")) > 3 for m in located)
    assert lines[-1].startswith("Found ") and "2 statements in 1 file" in lines[-1]
    assert "Traceback" not in result.stderr


def test_smart_goal_passes(tmp_path):
    plan = tmp_path / "goals.txt"
    plan.write_text(SMART_GOAL + "\n")
    result = smartlint(str(plan), "--select", "S,M,A,R,T")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("All checks passed: 1 statement in 1 file, 1 SMART")


def test_exit_zero_and_select():
    result = smartlint(str(PLANS / "weak.md"), "--exit-zero")
    assert result.returncode == 0 and "Found" in result.stdout
    only_t = findings_of(smartlint(str(PLANS / "weak.md"), "--select", "T", "--format", "json").stdout)
    assert only_t and {f["rule"][0] for f in only_t} == {"T"}
    without_t = findings_of(smartlint(str(PLANS / "weak.md"), "--ignore", "T", "--format", "json").stdout)
    assert without_t and "T" not in {f["rule"][0] for f in without_t}


def test_unknown_rule_on_the_command_line_is_a_usage_error():
    result = smartlint(str(PLANS / "weak.md"), "--select", "T0001")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert "did you mean" in result.stderr


def test_json_output_has_positions_and_reports():
    result = smartlint(str(PLANS / "plan.yaml"), "--format", "json")
    data = json.loads(result.stdout)
    assert data["summary"]["files"] == 1 and data["summary"]["statements"] == 7
    kinds = [s["kind"] for s in data["statements"]]
    assert kinds.count("goal") == 2 and kinds.count("kpi") == 2 and kinds.count("milestone") == 3
    milestone_rules = {f["rule"] for f in data["findings"] if f["statement_kind"] == "milestone"}
    assert {"P005", "P006"} <= milestone_rules  # out of order; after the June 30 deadline
    p001 = [f for f in data["findings"] if f["rule"] == "P001"]
    assert [(f["line"], f["column"]) for f in p001] == [(19, 7)]  # the folded goal, which has no KPIs
    source = (PLANS / "plan.yaml").read_text().splitlines()
    for finding in data["findings"]:
        assert 1 <= finding["line"] <= len(source)
        assert finding["column"] <= len(source[finding["line"] - 1]) + 1
    # the text formats skip the coach; the JSON report still coaches every weak statement
    weak = [s["report"] for s in data["statements"] if not s["smart"]]
    assert weak and all(r["questions"] and r["rewrite"] for r in weak)


def test_text_output_lists_exactly_the_json_findings():
    text = smartlint(str(PLANS / "weak.md"), str(PLANS / "plan.yaml")).stdout.splitlines()[:-1]
    data = json.loads(smartlint(str(PLANS / "weak.md"), str(PLANS / "plan.yaml"), "--format", "json").stdout)
    located = [FINDING_LINE.match(line) for line in text]
    assert all(located) and len(located) == len(data["findings"]) > 5
    assert [(m.group("path"), int(m.group("line")), int(m.group("col")), m.group("rule")) for m in located] == \
        [(f["path"], f["line"], f["column"], f["rule"]) for f in data["findings"]]


def test_sarif_validates_against_the_schema():
    result = smartlint(str(PLANS / "weak.md"), str(PLANS / "plan.yaml"), "--format", "sarif")
    assert result.returncode == 1
    sarif = json.loads(result.stdout)
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text()))
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {"P001", "T001"} <= {r["id"] for r in rules}
    assert all(r["help"]["text"] for r in rules)
    for result_ in run["results"]:
        assert rules[result_["ruleIndex"]]["id"] == result_["ruleId"]
        region = result_["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["endColumn"] >= region["startColumn"] or \
            region["endLine"] > region["startLine"]


def test_github_annotations():
    result = smartlint(str(PLANS / "weak.md"), "--format", "github")
    lines = result.stdout.strip().splitlines()
    assert lines and all(re.match(r"^::(error|warning|notice) file=[^,]+weak\.md,line=\d+,col=\d+,"
                                  r"endLine=\d+,endColumn=\d+,title=[A-Z]+\d{3} [a-z-]+::\S", line) for line in lines)


def test_broken_and_invalid_plans_are_findings_with_a_stderr_line():
    result = smartlint(str(PLANS / "bad-schema.yaml"), str(PLANS / "broken.toml"), "--format", "json")
    assert result.returncode == 1
    invalid = [f for f in findings_of(result.stdout) if f["rule"] == "P010"]
    assert {(Path(f["path"]).name, f["line"]) for f in invalid} >= {("bad-schema.yaml", 3), ("broken.toml", 2)}
    assert any("goals[0].due" in f["message"] for f in invalid)
    stderr = result.stderr.strip().splitlines()
    assert any("bad-schema.yaml:3:" in line and "goals[0].due" in line for line in stderr)
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("make, expected", [
    (lambda d: d / "missing.md", "no such file"),
    (lambda d: (d / "goals.txt").write_bytes(b"\x00\x01\x02binary") and d / "goals.txt", "binary"),
])
def test_unreadable_files_exit_2_with_one_line(tmp_path, make, expected):
    path = make(tmp_path)
    result = smartlint(str(path), str(PLANS / "weak.md"))
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert str(path) in line and expected in line
    assert "weak.md" in result.stdout  # the readable file was still checked


def test_checked_files_are_never_written(tmp_path):
    copies = []
    for name in ("weak.md", "plan.yaml", "goals.txt", "broken.json"):
        target = tmp_path / name
        target.write_bytes((PLANS / name).read_bytes())
        copies.append((target, target.read_bytes(), target.stat().st_mtime_ns))
    smartlint(str(tmp_path), "--format", "sarif")
    for target, data, mtime in copies:
        assert target.read_bytes() == data and target.stat().st_mtime_ns == mtime


def test_config_levels_ignores_and_min_score(tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "goals.md").write_text("# Goals\n\n- Do better at marketing\n")
    (tmp_path / "goals.md").write_text("# Goals\n\n- Do better at marketing\n")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.smartlint]\nmin-score = 50\nlevels = { T001 = "error" }\n'
        '[tool.smartlint.per-file-ignores]\n"drafts/*" = ["ALL"]\n')
    result = smartlint(".", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    findings = findings_of(result.stdout)
    assert findings and all(Path(f["path"]).parent.name != "drafts" for f in findings)
    assert {f["level"] for f in findings if f["rule"] == "T001"} == {"error"}
    assert any(f["rule"] == "P011" and "under the minimum of 50" in f["message"] for f in findings)
    overridden = findings_of(smartlint(".", "--format", "json", "--min-score", "0", cwd=tmp_path).stdout)
    assert not any(f["rule"] == "P011" for f in overridden)


def test_bad_config_exits_2_with_a_suggestion(tmp_path):
    (tmp_path / ".smartlint.toml").write_text("max-goals-per-onwer = 3\n")
    (tmp_path / "goals.txt").write_text(SMART_GOAL + "\n")
    result = smartlint("goals.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == (f"smartlint: error: {(tmp_path / '.smartlint.toml')}:1: unknown key "
                                     "'max-goals-per-onwer' (did you mean 'max-goals-per-owner'?)")


def test_inline_suppressions_and_unused_ones(tmp_path):
    plan = tmp_path / "goals.md"
    plan.write_text("# Goals\n\n- Do better at marketing <!-- smartlint: ignore[T001] -->\n"
                    "- Be great <!-- smartlint: ignore[T0001] -->\n")
    findings = findings_of(smartlint(str(plan), "--format", "json").stdout)
    assert not any(f["rule"] == "T001" and f["line"] == 3 for f in findings)
    assert any(f["rule"] == "T001" and f["line"] == 4 for f in findings)
    unused = [f for f in findings if f["rule"] == "P009"]
    assert [(f["line"], "did you mean 'T001'" in f["message"]) for f in unused] == [(4, True)]


def test_stdin_with_a_filename_for_the_reader():
    result = smartlint("-", "--stdin-filename", "team/goals.md", "--format", "json",
                       stdin="# Goals\n\n- Do better at marketing\n")
    data = json.loads(result.stdout)
    assert data["summary"]["statements"] == 1 and data["statements"][0]["path"] == "team/goals.md"
    assert {f["line"] for f in data["findings"]} == {3}


def test_a_folder_of_many_small_files(tmp_path):
    for number in range(2000):
        (tmp_path / f"goal-{number:04d}.txt").write_text(f"Grow leads by {number % 50 + 1}% by Q3 2026\n")
    result = smartlint(str(tmp_path), "--format", "json", "--exit-zero")
    assert result.returncode == 0, result.stderr[-2000:]
    summary = json.loads(result.stdout)["summary"]
    assert summary["files"] == 2000 and summary["statements"] == 2000


def test_a_repeated_statement_gets_the_same_findings_at_every_place(tmp_path):
    vague, dated = "Improve onboarding soon", "Cut churn from 5% to 3% by Q3 2026"
    (tmp_path / "a.md").write_text(f"# Goals\n\n- {vague}\n- {dated}\n- {vague}\n")
    (tmp_path / "b.md").write_text(f"# Goals\n\n- {dated}\n- {vague}\n")
    data = json.loads(smartlint(str(tmp_path), "--format", "json", "--exit-zero").stdout)
    by_place: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for finding in data["findings"]:
        if finding["rule"][0] in "SMART":
            by_place.setdefault((Path(finding["path"]).name, finding["line"]), []).append(
                (finding["rule"], finding["message"]))
    assert by_place[("a.md", 3)] == by_place[("a.md", 5)] == by_place[("b.md", 4)]
    assert by_place[("a.md", 3)] and by_place[("a.md", 3)] != by_place.get(("a.md", 4))
    reports = {(Path(s["path"]).name, s["line"]): s["report"] for s in data["statements"]}
    assert reports[("a.md", 4)] == reports[("b.md", 3)] and reports[("a.md", 3)] == reports[("b.md", 4)]
    assert reports[("a.md", 3)]["text"] == vague and reports[("a.md", 4)]["text"] == dated
