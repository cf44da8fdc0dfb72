"""`smartlint score` as a user meets it: the JSON contract, batches, exit codes and bad input."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

TODAY = "2026-01-15"


def smartlint(*args: str, stdin: bytes | None = None, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "smartlint", *args], input=stdin, capture_output=True,
                          cwd=cwd, timeout=120)


def test_json_report_has_the_contract_fields():
    result = smartlint("score", "--today", TODAY, "--format", "json",
                       "We", "will", "grow", "newsletter", "sign-ups", "by", "20%", "by", "June", "30,", "2026",
                       "because", "subscribers", "become", "paying", "customers.")
    assert result.returncode == 0, result.stderr.decode()
    report = json.loads(result.stdout)
    assert report["text"].startswith("We will grow newsletter sign-ups by 20% by June 30, 2026")
    assert report["reference_date"] == TODAY
    assert set(report["dimensions"]) == {"S", "M", "A", "R", "T"}
    assert report["score"] == 10 * sum(d["points"] for d in report["dimensions"].values())
    assert report["smart"] == all(d["points"] == 2 for d in report["dimensions"].values())
    for dimension in report["dimensions"].values():
        for span in dimension["evidence"]:
            assert report["text"][span["start"]:span["end"]] == span["text"]
    assert report["dimensions"]["T"]["points"] == 2
    assert report["dimensions"]["M"]["points"] == 2


def test_text_scorecard_is_plain_when_piped():
    result = smartlint("score", "--today", TODAY, "Grow the business")
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "\x1b[" not in out
    assert "/100" in out and "Specific" in out and "Time-bound" in out


def test_min_score_fails_a_weak_goal():
    assert smartlint("score", "--today", TODAY, "--min-score", "60", "Grow the business").returncode == 1


def test_stdin_dash_reads_the_goal():
    result = smartlint("score", "--today", TODAY, "--format", "json", "-", stdin=b"Get more visitors\n")
    assert result.returncode == 0
    assert json.loads(result.stdout)["text"].strip() == "Get more visitors"


def test_batch_keeps_ids_order_and_per_line_reference_dates(tmp_path):
    lines = [
        {"id": "b", "text": "Hire two nurses by March 31, 2026", "reference_date": "2026-01-15"},
        {"id": "a", "text": "Hire two nurses by March 31, 2026", "reference_date": "2026-06-01"},
        {"id": 3, "text": "Grow the business"},
    ]
    batch = tmp_path / "goals.jsonl"
    batch.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    result = smartlint("score", "--batch", str(batch), "--today", TODAY)
    assert result.returncode == 0, result.stderr.decode()
    reports = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["id"] for r in reports] == ["b", "a", "3"]
    assert [r["reference_date"] for r in reports] == ["2026-01-15", "2026-06-01", TODAY]
    # The same deadline is in the future for one reference date and past for the other.
    assert reports[0]["dimensions"]["A"]["points"] > reports[1]["dimensions"]["A"]["points"]


@pytest.mark.parametrize(
    "args, stdin, fragment",
    [
        (["score", "   "], None, "empty"),
        (["score", "-"], b"\xff\xfe not utf-8", "UTF-8"),
        (["score", "--today", "15/01/2026", "Grow sales"], None, "YYYY-MM-DD"),
        (["score", "--batch", "-"], b'{"id": 1, "text": "ok goal"}\n{not json}\n', "stdin:2"),
        (["score", "--batch", "-"], b'{"id": 1}\n', "text"),
        (["score", "--batch", "/no/such/file.jsonl"], None, "no such file"),
        (["score"], None, "no text given"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args, stdin, fragment):
    result = smartlint(*args, stdin=stdin)
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert fragment in err


def test_a_megabyte_statement_is_refused_with_the_limit():
    result = smartlint("score", "-", stdin=("Grow sales " * 100_000).encode())
    assert result.returncode == 2
    assert "limited to" in result.stderr.decode()


def test_text_in_another_language_scores_low():
    result = smartlint("score", "--today", TODAY, "--format", "json", "Mejorar", "las", "ventas", "del", "negocio")
    assert result.returncode == 0
    assert json.loads(result.stdout)["score"] <= 30
