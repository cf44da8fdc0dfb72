"""smartlint extract: one text or a JSONL batch, and clean errors for bad input."""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
from dataclasses import dataclass

from smartlint.commands import extract
from smartlint.errors import SmartlintError


@dataclass
class Done:
    returncode: int
    stdout: bytes
    stderr: bytes


class _Stdin:
    def __init__(self, data: bytes):
        self.buffer = io.BytesIO(data)


def _main(argv: list[str]) -> int:
    """What smartlint.cli.main does for the extract subcommand: one error line and exit 2."""
    parser = argparse.ArgumentParser(prog="smartlint extract")
    extract.add_arguments(parser)
    try:
        return extract.run(parser.parse_args(argv))
    except SmartlintError as error:
        print(f"smartlint: error: {error}", file=sys.stderr)
        return error.exit_code


def run(*args, stdin: bytes | None = None) -> Done:
    """Run `smartlint extract ...` in this process."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    sys.stdin = _Stdin(stdin or b"")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = _main(list(args))
    finally:
        sys.stdin = saved
    return Done(code, out.getvalue().encode(), err.getvalue().encode())


def test_single_text():
    done = run("Onboard 12 clients a month by Q2 2027", "--today", "2026-01-15")
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["id"] is None
    by_type = {item["type"]: item for item in record["predicted"]}
    assert by_type["frequency"]["value"] == {"count": 12.0, "per": "P1M"}
    assert by_type["date_range"]["value"] == {"start": "2027-04-01", "end": "2027-06-30"}
    text = "Onboard 12 clients a month by Q2 2027"
    for item in record["predicted"]:
        assert text[item["start"]:item["end"]] == item["text"]


def test_batch_keeps_order_and_each_reference_date(tmp_path):
    lines = [{"id": "first", "text": "Ship it next month", "reference_date": "2026-03-10"},
             {"id": "second", "text": "Ship it next month"},
             {"id": "third", "text": "No time here"}]
    path = tmp_path / "goals.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    done = run("--batch", str(path), "--today", "2026-07-01")
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [r["id"] for r in out] == ["first", "second", "third"]
    assert out[0]["predicted"][0]["value"] == {"start": "2026-04-01", "end": "2026-04-30"}
    assert out[1]["predicted"][0]["value"] == {"start": "2026-08-01", "end": "2026-08-31"}
    assert out[2]["predicted"] == []


def test_batch_from_stdin():
    done = run("--batch", "-", "--today", "2026-01-15", stdin=b'{"id": 1, "text": "by June"}\n')
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["predicted"][0]["type"] == "date_range"


def _assert_clean_error(done, *fragments):
    assert done.returncode == 2
    err = done.stderr.decode()
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    for fragment in fragments:
        assert fragment in err


def test_bad_json_line_names_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "text": "by June"}\n{oops\n', encoding="utf-8")
    _assert_clean_error(run("--batch", str(path)), "bad.jsonl:2")


def test_missing_text(tmp_path):
    path = tmp_path / "notext.jsonl"
    path.write_text('{"id": "a"}\n', encoding="utf-8")
    _assert_clean_error(run("--batch", str(path)), "notext.jsonl:1")


def test_bad_reference_date(tmp_path):
    path = tmp_path / "date.jsonl"
    path.write_text('{"id": "a", "text": "by June", "reference_date": "June 1st"}\n', encoding="utf-8")
    _assert_clean_error(run("--batch", str(path)), "date.jsonl:1")


def test_invalid_utf8(tmp_path):
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"id": "a", "text": "caf\xe9 by June"}\n')
    _assert_clean_error(run("--batch", str(path)), "latin.jsonl:1")


def test_missing_file(tmp_path):
    _assert_clean_error(run("--batch", str(tmp_path / "nope.jsonl")), "nope.jsonl")


def test_bad_today():
    _assert_clean_error(run("by June", "--today", "2026-13-40"), "--today")
