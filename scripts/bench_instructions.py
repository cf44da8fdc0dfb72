#!/usr/bin/env python3
"""Instructions per goal under callgrind: a figure that, unlike wall time, a busy machine does not move.

    python scripts/bench_instructions.py [--goals 600]

Runs `Linter.score_many` over distinct goals twice under valgrind (after the same 200-goal warm-up
on other goals): once with `--goals` goals and once with none; the difference divided by the number
of goals is the cost of one goal end to end, start-up excluded. PYTHONHASHSEED is fixed because
string hashing moves the count by a few per cent. Needs valgrind; each run takes one to two minutes.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WARM_UP = 200


def score_goals(count: int, largest: int) -> None:
    """The measured workload (run inside valgrind): warm up on other goals, then score `count`."""
    import datetime as dt

    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_speed import distinct_goals

    from smartlint.api import Linter

    texts = distinct_goals(largest + WARM_UP)
    today = dt.date(2026, 1, 15)
    linter = Linter()
    list(linter.score_many([(str(i), text, today) for i, text in enumerate(texts[largest:])]))
    for _ in linter.score_many([(str(i), text, today) for i, text in enumerate(texts[:count])]):
        pass


def instructions(count: int, largest: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg.out", sys.executable,
             __file__, "--run", str(count), "--goals", str(largest)],
            capture_output=True, text=True, check=True, env=dict(os.environ, PYTHONHASHSEED="0"))
    return int(re.search(r"Collected : (\d+)", out.stderr).group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--goals", type=int, default=600)
    parser.add_argument("--run", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run is not None:
        score_goals(args.run, args.goals)
        return
    empty, full = instructions(0, args.goals), instructions(args.goals, args.goals)
    print(f"start-up and warm-up: {empty / 1e9:.2f} G instructions")
    print(f"per goal: {(full - empty) / args.goals / 1e6:.3f} M instructions ({args.goals} distinct goals)")


if __name__ == "__main__":
    main()
