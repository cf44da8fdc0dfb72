"""Fuzzing the plan readers through `smartlint check`: mutated Markdown, YAML, TOML, JSON and text
plans must give exit code 0, 1 or 2, never a traceback, and must never be written to.

The seeds are tests/fuzz_seeds/. Mutations are drawn from a seeded generator, so a run is
reproducible: SMARTLINT_FUZZ_SEED picks another seed, SMARTLINT_FUZZ_SECONDS another time budget
(default 30 s). A failing batch is re-run file by file to name the input that broke it.
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

SEEDS = sorted((Path(__file__).parent / "fuzz_seeds").iterdir())
TODAY = "2026-01-15"
BUDGET_SECONDS = float(os.environ.get("SMARTLINT_FUZZ_SECONDS", "30"))
FUZZ_SEED = int(os.environ.get("SMARTLINT_FUZZ_SEED", "20260115"))
FILES_PER_CALL = 60
CALL_TIMEOUT = 300  # a reader that hangs is a bug too
FORMATS = ("json", "text", "sarif", "github")

Mutation = Callable[[random.Random, bytes], bytes]


def _spot(rng: random.Random, data: bytes) -> int:
    return rng.randrange(len(data) + 1)


def flip_byte(rng, data):
    if not data:
        return data
    i = rng.randrange(len(data))
    return data[:i] + bytes([data[i] ^ (1 << rng.randrange(8))]) + data[i + 1:]


def truncate(rng, data):
    return data[:_spot(rng, data)]


def duplicate_line(rng, data):
    lines = data.splitlines(keepends=True)
    if not lines:
        return data
    i = rng.randrange(len(lines))
    return b"".join(lines[:i] + [lines[i]] * rng.randint(2, 5) + lines[i:])


def swap_lines(rng, data):
    lines = data.splitlines(keepends=True)
    if len(lines) < 2:
        return data
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return b"".join(lines)


def insert_control(rng, data):
    i = _spot(rng, data)
    return data[:i] + bytes([rng.choice([1, 7, 8, 11, 12, 13, 27, 127])]) + data[i:]


def insert_nul(rng, data):
    i = _spot(rng, data)
    return data[:i] + b"\x00" + data[i:]


def insert_invalid_utf8(rng, data):
    i = _spot(rng, data)
    return data[:i] + rng.choice([b"\xff", b"\xc3", b"\xe2\x82", b"\xc0\xaf", b"\xed\xa0\x80", b"\x80"]) + data[i:]


def insert_unicode(rng, data):
    i = _spot(rng, data)
    piece = rng.choice(["\u202e", "\u200b", "שלום", "مرحبا", "🚀👩‍💻", "e\u0301", "\ufeff", "\u2028", "\r", "\t"])
    return data[:i] + piece.encode("utf-8") + data[i:]


def delete_delimiter(rng, data):
    spots = [i for i, byte in enumerate(data) if byte in b"[]{}()\"'`<>-:*#|=,"]
    if not spots:
        return data
    i = rng.choice(spots)
    return data[:i] + data[i + 1:]


def insert_delimiter(rng, data):
    i = _spot(rng, data)
    return data[:i] + rng.choice([b"[", b"{", b"\"", b"'", b"'''", b"```", b"<!--", b"- ", b": ", b"\n  ", b"&a", b"*a", b"!!python/object:os.system"]) + data[i:]


def delete_stretch(rng, data):
    i = _spot(rng, data)
    return data[:i] + data[i + rng.randint(1, 40):]


def repeat_stretch(rng, data):
    i = _spot(rng, data)
    stretch = data[i:i + rng.randint(1, 80)]
    return data[:i] + stretch * rng.randint(2, 30) + data[i:]


def mangle_directive(rng, data):
    i = _spot(rng, data)
    directive = rng.choice([b"# smartlint: disable=", b"<!-- smartlint: ignore[", b"# smartlint: enable=X999",
                            b"# smartlint: ignore[]", b"<!-- smartlint: disable=M001,,,", b"# smartlint:"])
    return data[:i] + directive + data[i:]


def crlf(rng, data):
    return data.replace(b"\n", rng.choice([b"\r\n", b"\r", b"\n\n"]))


MUTATIONS: list[Mutation] = [flip_byte, truncate, duplicate_line, swap_lines, insert_control, insert_nul,
                             insert_invalid_utf8, insert_unicode, delete_delimiter, insert_delimiter,
                             delete_stretch, repeat_stretch, mangle_directive, crlf]
# Mutations that make most files unreadable outright (binary, not UTF-8) are drawn less often,
# so that most inputs get past decoding and into the parsers.
WEIGHTS = [3, 2, 3, 2, 3, 1, 1, 3, 4, 4, 3, 2, 2, 1]


def mutate(rng: random.Random, data: bytes) -> bytes:
    for mutation in rng.choices(MUTATIONS, WEIGHTS, k=rng.randint(1, 4)):
        data = mutation(rng, data)
    return data


def run_check(args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "smartlint", "check", "--today", TODAY, *args],
                          input=stdin, capture_output=True, timeout=CALL_TIMEOUT, check=False)


def problems_of(result: subprocess.CompletedProcess, fmt: str) -> list[str]:
    problems = []
    stderr = result.stderr.decode("utf-8", "replace")
    if result.returncode not in (0, 1, 2):
        problems.append(f"exit code {result.returncode}")
    if "Traceback" in stderr:
        problems.append("traceback:\n" + stderr[-3000:])
    if fmt in ("json", "sarif") and result.stdout.strip():
        try:
            json.loads(result.stdout)
        except ValueError as error:
            problems.append(f"--format {fmt} output is not JSON ({error})")
    return problems


def write_batch(rng: random.Random, folder: Path, first: int, count: int) -> dict[Path, str]:
    written = {}
    for n in range(first, first + count):
        seed = rng.choice(SEEDS)
        path = folder / f"m{n:05d}-{seed.name}"
        data = mutate(rng, seed.read_bytes())
        path.write_bytes(data)
        written[path] = hashlib.sha256(data).hexdigest()
    return written


def name_the_culprits(files: list[Path], fmt: str) -> list[str]:
    culprits = []
    for path in files:
        found = problems_of(run_check(["--format", fmt, str(path)]), fmt)
        if found:
            culprits.append(f"{path.name} ({path.read_bytes()[:2000]!r}): {found[0][:1500]}")
    return culprits


def test_mutated_plans_never_crash_check(tmp_path):
    rng = random.Random(FUZZ_SEED)
    deadline = time.monotonic() + BUDGET_SECONDS
    checked: dict[Path, str] = {}
    exit_codes: dict[int, int] = {}
    calls = 0
    while calls < 2 or time.monotonic() < deadline:
        fmt = FORMATS[calls % len(FORMATS)]
        batch = write_batch(rng, tmp_path, len(checked), FILES_PER_CALL)
        checked.update(batch)
        result = run_check(["--format", fmt, *map(str, batch)])
        calls += 1
        exit_codes[result.returncode] = exit_codes.get(result.returncode, 0) + 1
        if problems_of(result, fmt):
            pytest.fail("smartlint check broke on:\n" + "\n".join(name_the_culprits(list(batch), fmt)))
    for path, digest in checked.items():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, f"{path.name} was modified"
    print(f"\nfuzzed {len(checked)} mutated plans in {calls} calls (seed {FUZZ_SEED}); exit codes {exit_codes}")
    assert len(checked) >= 2 * FILES_PER_CALL


@pytest.mark.parametrize("seed_name", [seed.name for seed in SEEDS])
def test_one_mutated_file_per_call_and_from_stdin(tmp_path, seed_name):
    rng = random.Random(f"{FUZZ_SEED}-{seed_name}")
    seed = next(s for s in SEEDS if s.name == seed_name)
    data = mutate(rng, seed.read_bytes())
    path = tmp_path / seed_name
    path.write_bytes(data)
    result = run_check([str(path)])
    assert not problems_of(result, "text"), (data[:2000], result.stderr[-3000:])
    assert path.read_bytes() == data
    piped = run_check(["--format", "json", "--stdin-filename", seed_name, "-"], stdin=data)
    assert not problems_of(piped, "json"), (data[:2000], piped.stderr[-3000:])


def test_the_seeds_themselves_are_read_cleanly():
    """Unmutated seeds parse with no problems: the fuzzing starts from valid plans."""
    result = run_check(["--format", "json", *map(str, SEEDS)])
    assert result.returncode in (0, 1), result.stderr
    summary = json.loads(result.stdout)["summary"]
    assert summary["files"] == len(SEEDS) and summary["unreadable"] == 0
    assert summary["statements"] >= 5 * len(SEEDS)
