"""--jobs N gives exactly what one process gives, in input order."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "goals.jsonl"


def smartlint(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "smartlint", *args], capture_output=True, timeout=300)


def test_score_batch_with_two_jobs_matches_one(tmp_path):
    lines = CORPUS.read_text(encoding="utf-8").splitlines()[:120]
    batch = tmp_path / "goals.jsonl"
    batch.write_text("\n".join(json.dumps({"id": json.loads(l)["id"], "text": json.loads(l)["text"]})
                               for l in lines) + "\n", encoding="utf-8")
    one = smartlint("score", "--batch", str(batch), "--today", "2026-01-15", "--jobs", "1")
    two = smartlint("score", "--batch", str(batch), "--today", "2026-01-15", "--jobs", "2")
    assert one.returncode == two.returncode == 0, two.stderr.decode()
    assert one.stdout == two.stdout
    assert [json.loads(r)["id"] for r in two.stdout.decode().splitlines()] == [json.loads(l)["id"] for l in lines]


def test_check_with_two_jobs_matches_one(tmp_path):
    examples = Path(__file__).resolve().parent.parent / "examples"
    shutil.copytree(examples, tmp_path / "examples")
    args = ["check", str(tmp_path / "examples"), "--today", "2026-01-15", "--format", "json"]
    one = smartlint(*args, "--jobs", "1")
    two = smartlint(*args, "--jobs", "2")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and one.stdout


def test_negative_jobs_is_a_usage_error():
    result = smartlint("score", "--batch", "-", "--jobs", "-3")
    assert result.returncode == 2 and "Traceback" not in result.stderr.decode()
