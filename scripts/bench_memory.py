#!/usr/bin/env python3
"""Memory at volume: does `smartlint score --batch` (and `extract --batch`) stay flat on big inputs?

    python scripts/bench_memory.py                       # 10 MB and 100 MB of ~100-byte goals
    python scripts/bench_memory.py --sizes-mb 10,300 --line-bytes 1000 --jobs 2
    python scripts/bench_memory.py --sizes-mb 10 --commands score,extract

For each size, a JSONL file is written to a temporary folder line by line (never held in
memory), then the command runs with its output sent to /dev/null. Reported per run: wall time,
goals/s, MB/s, the peak RSS of the largest process (from wait4, i.e. the kernel's ru_maxrss), and
the resident memory of the whole process tree sampled while it runs: flat samples from the first
to the last quarter of the input mean the batch path streams.

The big case is slow by nature: at ~2,000 goals/s, 1 GB of 100-byte goals is ~10 million goals,
well over an hour. --line-bytes 1000 packs the same bytes into a tenth of the lines (each text a
few sentences), which measures the streaming just as well in less time.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

SMARTLINT = [sys.executable, "-m", "smartlint"]
TODAY = "2026-01-15"

# Sentence parts for generated goals (varied so the pipeline does real work on every line).
OWNERS = ["Our team will", "Priya will", "The support desk will", "We will", "Marketing will", ""]
ACTIONS = ["grow", "cut", "double", "raise", "reduce", "launch", "publish", "hire"]
THINGS = ["weekly sign-ups", "first-reply time", "churn", "newsletter readers", "case studies",
          "qualified demos", "cloud costs", "open rates", "app ratings", "partner referrals"]
AMOUNTS = ["from {a} to {b}", "by {p}%", "to {b}", "{b} new", "${b}k of", "{a} more"]
TIMES = ["by June 30, 2026", "within {m} months", "this quarter", "by Q3 2026", "in 2027", "soon", "every week", ""]
REASONS = ["so that renewals improve", "because support is slow", "to support the Series B", "", ""]


def goal_text(rng: random.Random, target_bytes: int) -> str:
    sentences = []
    while True:
        numbers = {"a": rng.randint(2, 900), "b": rng.randint(900, 9000), "p": rng.randint(5, 60),
                   "m": rng.randint(2, 18)}
        parts = [rng.choice(OWNERS), rng.choice(ACTIONS), rng.choice(THINGS),
                 rng.choice(AMOUNTS).format(**numbers), rng.choice(TIMES).format(**numbers), rng.choice(REASONS)]
        sentences.append(" ".join(p for p in parts if p))
        text = ". ".join(sentences)
        if len(text) >= target_bytes - 60:  # leave room for the id and the JSON framing
            return text


def write_jsonl(path: Path, size_bytes: int, line_bytes: int, seed: int = 1) -> int:
    """Stream lines into `path` until it holds size_bytes; returns the number of lines."""
    rng = random.Random(seed)
    written = lines = 0
    with path.open("w", encoding="utf-8") as out:
        while written < size_bytes:
            line = json.dumps({"id": f"g{lines}", "text": goal_text(rng, line_bytes)}) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            lines += 1
    return lines


def tree_rss_kb(root: int) -> int:
    """Resident memory of a process and all its descendants, from /proc (Linux)."""
    total = 0
    stack = [root]
    while stack:
        pid = stack.pop()
        try:
            with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
                for field in status:
                    if field.startswith("VmRSS:"):
                        total += int(field.split()[1])
                        break
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
        stack.extend(int(c) for c in children)
    return total


def run_measured(cmd: list[str], interval: float = 0.5) -> dict:
    """Run cmd (stdout to /dev/null); wall time, ru_maxrss from wait4 and RSS samples over time."""
    samples: list[tuple[float, int]] = []
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        process = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.PIPE)
    done = threading.Event()

    def sample():
        while not done.wait(interval):
            samples.append((time.perf_counter() - start, tree_rss_kb(process.pid)))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    # wait4 reports this child's own rusage, its waited-for workers included (max, not sum)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    process.returncode = os.waitstatus_to_exitcode(status)
    return {"wall": wall, "maxrss_mb": usage.ru_maxrss / 1024, "samples": samples,
            "returncode": process.returncode, "stderr": stderr[-2000:]}


def quarter_rss(samples: list[tuple[float, int]], wall: float) -> list[float]:
    """Mean tree RSS (MB) in each quarter of the run: flat means streaming."""
    quarters = []
    for q in range(4):
        chosen = [kb for t, kb in samples if q * wall / 4 <= t < (q + 1) * wall / 4 and kb]
        quarters.append(sum(chosen) / len(chosen) / 1024 if chosen else float("nan"))
    return quarters


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes-mb", default="10,100", help="comma-separated input sizes in MB (default 10,100)")
    parser.add_argument("--line-bytes", type=int, default=100, help="approximate bytes per JSONL line (default 100)")
    parser.add_argument("--commands", default="score", help="score and/or extract, comma-separated")
    parser.add_argument("--jobs", type=int, default=1, help="--jobs passed to the command, when not 1")
    parser.add_argument("--workdir", help="where the inputs go (default: a temporary folder, removed after)")
    args = parser.parse_args()

    sizes = [float(s) for s in args.sizes_mb.split(",") if s.strip()]
    commands = [c.strip() for c in args.commands.split(",") if c.strip()]
    if args.workdir:
        Path(args.workdir).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        print(f"{'command':<8} {'size':>8} {'lines':>10} {'wall s':>8} {'goals/s':>8} {'MB/s':>6} "
              f"{'peak RSS MB':>11}  tree RSS MB by quarter")
        for size_mb in sizes:
            path = Path(tmp) / f"goals-{size_mb:g}mb.jsonl"
            lines = write_jsonl(path, int(size_mb * 1_000_000), args.line_bytes)
            for command in commands:
                cmd = [*SMARTLINT, command, "--batch", str(path), "--today", TODAY]
                if args.jobs != 1:
                    cmd += ["--jobs", str(args.jobs)]
                result = run_measured(cmd)
                if result["returncode"] not in (0, 1):
                    print(f"{command} failed ({result['returncode']}): {result['stderr']}", file=sys.stderr)
                    return 1
                quarters = " ".join(f"{q:.0f}" for q in quarter_rss(result["samples"], result["wall"]))
                print(f"{command:<8} {size_mb:>6g}MB {lines:>10,} {result['wall']:>8.1f} "
                      f"{lines / result['wall']:>8.0f} {size_mb / result['wall']:>6.2f} "
                      f"{result['maxrss_mb']:>11.0f}  {quarters}", flush=True)
            path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
