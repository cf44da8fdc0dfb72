"""Reading what users hand to the CLI: goal text, --today dates and JSONL batches.

Every problem becomes a SmartlintError with one line that names the file and line, so the CLI
can exit 2 without a traceback.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from smartlint.errors import SmartlintError

# A goal statement is a sentence or a paragraph; far beyond this is a pasted document, not a goal.
MAX_STATEMENT_CHARS = 100_000


def parse_today(value: str | None) -> dt.date:
    """The reference date from --today (YYYY-MM-DD), or the local date."""
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise SmartlintError(f"--today {value!r} is not a date in the form YYYY-MM-DD") from None


def unreadable(path: str, problem: OSError, what: str = "file") -> str:
    """One line naming the path and why it cannot be read."""
    if isinstance(problem, FileNotFoundError):
        return f"{path}: no such file"
    if isinstance(problem, IsADirectoryError):
        return f"{path}: is a directory, not a {what}"
    return f"{path}: cannot read ({problem.strerror or problem})"


def read_file_bytes(path: str, error: type[Exception] = SmartlintError, what: str = "file") -> bytes:
    """A file's bytes, or `error` with one line naming the path and what went wrong."""
    try:
        return Path(path).read_bytes()
    except OSError as problem:
        raise error(unreadable(path, problem, what)) from None


def check_text_or_batch(args, example: str) -> None:
    """The checks `score` and `extract` share: TEXT or --batch (one of them) and a fiscal month."""
    if not 1 <= args.fiscal_year_start <= 12:
        raise SmartlintError("--fiscal-year-start must be a month number from 1 to 12")
    if args.batch and args.text:
        raise SmartlintError("give either TEXT or --batch FILE, not both")
    if args.batch is None and not args.text:
        raise SmartlintError(f"no text given: {example}")


def check_statement(text: str, where: str = "the goal") -> str:
    if not text.strip():
        raise SmartlintError(f"{where} is empty: give a goal statement to score")
    if len(text) > MAX_STATEMENT_CHARS:
        raise SmartlintError(
            f"{where} is {len(text):,} characters; a goal statement is limited to "
            f"{MAX_STATEMENT_CHARS:,} (split the document with `smartlint check` instead)"
        )
    return text


def read_stdin_text() -> str:
    raw = sys.stdin.buffer.read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SmartlintError(f"stdin is not valid UTF-8 (byte {error.start})") from None


def statement_from_args(words: list[str]) -> str:
    """The goal from the command's words (joined by spaces) or from stdin when the word is '-'."""
    if words == ["-"]:
        return check_statement(read_stdin_text(), "the goal read from stdin")
    return check_statement(" ".join(words))


@dataclass(frozen=True)
class BatchItem:
    line: int
    id: str | None
    text: str
    reference_date: dt.date


def _open_batch(path: str):
    if path == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="strict", newline=None)
    try:
        return open(path, encoding="utf-8", errors="strict")  # noqa: SIM115 (closed by the caller)
    except OSError as problem:
        raise SmartlintError(unreadable(path, problem, "JSONL file")) from None


def read_batch(path: str, default_date: dt.date) -> Iterator[BatchItem]:
    """Stream {"id", "text", "reference_date"?} lines from a JSONL file or '-' (stdin)."""
    name = "stdin" if path == "-" else path
    handle = _open_batch(path)
    try:
        number = 0
        while True:
            try:
                line = handle.readline()
            except UnicodeDecodeError:
                raise SmartlintError(f"{name}:{number + 1}: not valid UTF-8") from None
            if not line:
                break
            number += 1
            if not line.strip():
                continue
            yield _batch_item(line, number, name, default_date)
    finally:
        if path != "-":
            handle.close()


def _batch_item(line: str, number: int, name: str, default_date: dt.date) -> BatchItem:
    where = f"{name}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise SmartlintError(f"{where}: not valid JSON ({error.msg})") from None
    if not isinstance(record, dict):
        raise SmartlintError(f"{where}: expected a JSON object with a \"text\" field")
    text = record.get("text")
    if not isinstance(text, str):
        raise SmartlintError(f"{where}: \"text\" is missing or not a string")
    check_statement(text, f"{where}: \"text\"")
    raw_id = record.get("id")
    if raw_id is not None and not isinstance(raw_id, (str, int)):
        raise SmartlintError(f"{where}: \"id\" must be a string or a number")
    reference_date = default_date
    raw_date = record.get("reference_date")
    if raw_date is not None:
        try:
            reference_date = dt.date.fromisoformat(str(raw_date))
        except ValueError:
            raise SmartlintError(f"{where}: \"reference_date\" {raw_date!r} is not YYYY-MM-DD") from None
    return BatchItem(number, None if raw_id is None else str(raw_id), text, reference_date)
