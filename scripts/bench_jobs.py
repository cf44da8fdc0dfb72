#!/usr/bin/env python3
"""Batch throughput at 1 and N processes on the same input (figures for the README).

    python scripts/bench_jobs.py [--goals 20000] [--jobs 1,2] [--what score,extract]

Runs smartlint.parallel in this process, the way `score --batch --jobs N` does: the timing
includes starting the worker processes and building one pipeline in each, and the Reports are
serialized to JSON lines as the command writes them. Every run's output is compared with the
1-process output, so a speed-up never comes at the price of a different answer.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_memory import goal_text  # noqa: E402  (same generated goals as the memory benchmark)

TODAY = dt.date(2026, 1, 15)


def items(count: int, line_bytes: int):
    rng = random.Random(3)
    return [(f"g{i}", goal_text(rng, line_bytes), TODAY) for i in range(count)]


def run_once(what: str, goals: list, jobs: int, chunk_size: int) -> tuple[float, str]:
    from smartlint import parallel

    digest = hashlib.sha256()
    start = time.perf_counter()
    if what == "score":
        for line in parallel.score_lines(iter(goals), jobs=jobs, chunk_size=chunk_size):
            digest.update(line.json.encode())
    else:
        for extracted in parallel.extract_many(iter(goals), jobs=jobs, chunk_size=chunk_size):
            digest.update(repr(extracted).encode())
    return time.perf_counter() - start, digest.hexdigest()


def main() -> int:
    from smartlint.parallel import available_cores

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--goals", type=int, default=20_000)
    parser.add_argument("--line-bytes", type=int, default=100, help="approximate length of each goal")
    parser.add_argument("--jobs", default=f"1,{available_cores()}", help="comma-separated process counts")
    parser.add_argument("--what", default="score", help="score and/or extract")
    parser.add_argument("--chunk-size", type=int, default=256)
    args = parser.parse_args()

    goals = items(args.goals, args.line_bytes)
    print(f"{args.goals:,} goals of ~{args.line_bytes} bytes; {available_cores()} cores available")
    print(f"{'what':<8} {'jobs':>4} {'wall s':>8} {'goals/s':>8} {'speed-up':>8}  same output")
    for what in [w.strip() for w in args.what.split(",") if w.strip()]:
        baseline = reference = None
        for jobs in [int(j) for j in args.jobs.split(",")]:
            wall, digest = run_once(what, goals, jobs, args.chunk_size)
            baseline = baseline or wall
            reference = reference or digest
            print(f"{what:<8} {jobs:>4} {wall:>8.1f} {args.goals / wall:>8.0f} {baseline / wall:>7.2f}x  "
                  f"{'yes' if digest == reference else 'NO'}", flush=True)
            if digest != reference:
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
