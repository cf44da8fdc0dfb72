#!/usr/bin/env python3
"""Speed figures for the README: start-up, one score, batch throughput, checking plan files.

    python scripts/bench_speed.py [--repeat 5] [--goals 4000]

Runs commands from the current environment's `smartlint` (next to sys.executable) and reports the
median wall time of each. Not a test: machines here are noisy, so figures go in the README.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SMARTLINT = str(Path(sys.executable).with_name("smartlint"))
TODAY = "2026-01-15"


def wall(cmd: list[str], repeat: int, **kwargs) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, **kwargs)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def corpus_texts(name: str = "goals.jsonl") -> list[str]:
    texts = []
    for line in (ROOT / "corpus" / name).read_text(encoding="utf-8").splitlines():
        if line.strip():
            texts.append(json.loads(line)["text"])
    return texts


def distinct_goals(count: int) -> list[str]:
    """The corpus's goals, then generated ones, each text once: smartlint caches the parse of
    repeated time phrases, so a batch that repeats whole goals would flatter it."""
    import random

    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_memory import goal_text

    texts = list(dict.fromkeys(corpus_texts() + corpus_texts("holdout.jsonl")))
    seen = set(texts)
    rng = random.Random(7)
    while len(texts) < count:
        text = goal_text(rng, 100)
        if text not in seen:
            seen.add(text)
            texts.append(text)
    return texts[:count]


def batch_throughput(goals: int) -> tuple[float, float]:
    """Goals per second through Linter.score_many in this process (pipeline built beforehand),
    over `goals` distinct texts; the warm-up uses other texts."""
    from smartlint.api import Linter

    texts = distinct_goals(goals + 200)
    warm_up, measured = texts[goals:], texts[:goals]
    today = dt.date(2026, 1, 15)
    linter = Linter()
    list(linter.score_many([(str(i), text, today) for i, text in enumerate(warm_up)]))
    items = [(str(i), text, today) for i, text in enumerate(measured)]
    start = time.perf_counter()
    count = sum(1 for _ in linter.score_many(items))
    elapsed = time.perf_counter() - start
    return count / elapsed, elapsed


def check_files(repeat: int) -> tuple[float, float, float, float]:
    """`smartlint check` on one goal, on 1,000 goals in 50 Markdown files cycling through the
    corpus's 208 goals (each text about five times, as the first sessions measured), and on 1,000
    distinct goals in 50 files (no text twice: the fair figure, since repeated time phrases are
    parsed once): all without the result cache. Then the distinct goals again with every Report
    in the cache (a warm run: a second check of unchanged files)."""
    corpus = corpus_texts()
    distinct = distinct_goals(1000)
    with tempfile.TemporaryDirectory() as tmp:
        folders = {}
        for name, pick in (("cycled", lambda i: corpus[i % len(corpus)]), ("distinct", lambda i: distinct[i])):
            folder = folders[name] = Path(tmp) / name
            folder.mkdir()
            for f in range(50):
                lines = ["# Goals", ""] + [f"- {pick(f * 20 + g)}" for g in range(20)]
                (folder / f"plan{f:02d}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
        small = Path(tmp) / "small.md"
        small.write_text("# Goals\n\n- " + corpus[0] + "\n", encoding="utf-8")
        base = [SMARTLINT, "check", "--today", TODAY, "--exit-zero"]
        cold = [*base, "--no-cache"]
        warm = [*base, "--cache-dir", str(Path(tmp) / "cache"), str(folders["distinct"])]
        subprocess.run(warm, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)  # fills it
        return (wall(cold + [str(small)], repeat), wall(cold + [str(folders["cycled"])], repeat),
                wall(cold + [str(folders["distinct"])], repeat), wall(warm, repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--goals", type=int, default=4000)
    args = parser.parse_args()
    env = dict(os.environ, OMP_NUM_THREADS="1")
    rows = []
    spacy_blank = wall([sys.executable, "-c", "import spacy; spacy.blank('en')"], args.repeat, env=env)
    rows.append(("python -c \"import spacy; spacy.blank('en')\"", spacy_blank, ""))
    score_one = wall([SMARTLINT, "score", "--today", TODAY, "Grow newsletter sign-ups by 20% by June 30, 2026"],
                     args.repeat, env=env)
    rows.append(("smartlint score \"...\"", score_one, f"{score_one / spacy_blank:.2f}x spaCy start-up"))
    rows.append(("smartlint --help", wall([SMARTLINT, "--help"], args.repeat, env=env), ""))
    rows.append(("smartlint rules", wall([SMARTLINT, "rules"], args.repeat, env=env), ""))
    one, cycled, distinct, cached = check_files(args.repeat)
    rows.append(("smartlint check (1 goal, 1 file)", one, ""))
    rows.append(("smartlint check (1,000 goals: 208 corpus goals cycled, 50 files)", cycled,
                 f"+{cycled - one:.2f} s over one goal"))
    rows.append(("smartlint check (1,000 distinct goals, 50 files)", distinct, f"+{distinct - one:.2f} s over one goal"))
    rows.append(("smartlint check (the same 1,000, all in the result cache)", cached,
                 f"{cached / spacy_blank:.2f}x spaCy start-up"))
    rate, elapsed = batch_throughput(args.goals)
    print("| what | median wall time | note |")
    print("|---|---:|---|")
    for name, seconds, note in rows:
        print(f"| `{name}` | {seconds:.2f} s | {note} |")
    print(f"| score_many, {args.goals:,} distinct goals, one process | {elapsed:.2f} s | {rate:,.0f} goals/s |")


if __name__ == "__main__":
    main()
