"""`smartlint rules` and `smartlint rules ID` through the installed console script."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SMARTLINT = str(Path(sys.executable).with_name("smartlint"))


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([SMARTLINT, *args], capture_output=True, text=True, timeout=60)


def test_rules_lists_every_rule_with_dimension_level_and_message():
    result = run("rules")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    t004 = next(line for line in lines if line.startswith("T004"))
    assert "rate-without-deadline" in t004 and " T " in t004 and "warning" in t004 and "how often" in t004
    assert sum(1 for line in lines if line[:1] in "SMART") >= 15


def test_rules_id_prints_the_page():
    result = run("rules", "A002")
    assert result.returncode == 0, result.stderr
    for heading in ("What it checks:", "Why:", "Example:", "Better:"):
        assert heading in result.stdout
    assert "absolute" in result.stdout
    by_name = run("rules", "absolute-target")
    assert by_name.stdout == result.stdout


def test_rules_json_is_the_rule_file():
    result = run("rules", "T004", "--format", "json")
    rule = json.loads(result.stdout)
    assert rule["id"] == "T004" and rule["kind"] == "conditional" and rule["then"] == ["deadline"]


def test_unknown_id_exits_2_with_a_suggestion():
    result = run("rules", "T04")
    assert result.returncode == 2
    assert "did you mean T004" in result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def test_bad_rule_dir_exits_2_naming_file_and_field(tmp_path):
    (tmp_path / "Z001.yaml").write_text("id: Z001\nname: z\nkind: requires\nfacts: [owner]\ndimension: Q\n", encoding="utf-8")
    result = run("rules", "--rule-dir", str(tmp_path))
    assert result.returncode == 2
    assert "Z001.yaml: field 'dimension'" in result.stderr and "Traceback" not in result.stderr


def test_top_level_help_lists_every_command_even_with_one_named():
    from smartlint.cli import COMMANDS

    for args in (("--help",), ("--help", "rules")):
        result = run(*args)
        assert result.returncode == 0, result.stderr
        assert all(name in result.stdout for name in COMMANDS)
