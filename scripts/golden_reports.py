#!/usr/bin/env python3
"""Guard for speed work: do Facts and Reports stay byte-identical while the code gets faster?

    python scripts/golden_reports.py --write /tmp/golden      # before a change
    python scripts/golden_reports.py --check /tmp/golden      # after: lists any statement whose output moved

Inputs: the corpus (dev and held out), the texts of the shared extraction benchmark and 2,000
generated goals (seeded). For each, the Facts (as JSON) and the Report (as JSON) are written one
per line. --check also prints per-goal CPU time of the NLP pass and of judging, so a speed change
and its effect on output are read in one run.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench_memory import goal_text  # noqa: E402


def statements() -> list[tuple[str, str, dt.date]]:
    items = []
    for name in ("goals.jsonl", "holdout.jsonl"):
        for line in (ROOT / "corpus" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                items.append((row["id"], row["text"], dt.date.fromisoformat(row["reference_date"])))
    bench = ROOT.parent / "shared" / "benchmarks" / "extraction" / "cases.jsonl"
    if bench.exists():
        for line in bench.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                when = row.get("reference_date") or "2026-01-15"
                items.append((row["id"], row["text"], dt.date.fromisoformat(when)))
    rng = random.Random(7)
    for i in range(2000):
        items.append((f"gen-{i}", goal_text(rng, rng.choice((60, 100, 200, 400))), dt.date(2026, 1, 15)))
    return items


def outputs(items):
    from smartlint.api import Linter

    linter = Linter()
    list(linter.score_many(items[:50]))  # warm caches before timing
    started = time.process_time()
    all_facts = list(linter.analyzer.analyze_many((text, when) for _, text, when in items))
    nlp_s = time.process_time() - started
    started = time.process_time()
    reports = [linter.judge(facts, id=item[0]) for facts, item in zip(all_facts, items)]
    judge_s = time.process_time() - started
    lines = [f.model_dump_json() + "\n" + r.model_dump_json() for f, r in zip(all_facts, reports)]
    return lines, nlp_s, judge_s


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path)
    mode.add_argument("--check", type=Path)
    args = parser.parse_args()
    items = statements()
    lines, nlp_s, judge_s = outputs(items)
    n = len(items)
    print(f"{n} statements: NLP {nlp_s / n * 1e6:.0f} µs/goal, judge+coach {judge_s / n * 1e6:.0f} µs/goal, "
          f"total {(nlp_s + judge_s) / n * 1e6:.0f} µs/goal ({n / (nlp_s + judge_s):.0f} goals/s)")
    if args.write:
        args.write.mkdir(parents=True, exist_ok=True)
        (args.write / "golden.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return 0
    before = (args.check / "golden.txt").read_text(encoding="utf-8").split("\n")
    after = "\n".join(lines).split("\n")
    moved = [(i, b, a) for i, (b, a) in enumerate(zip(before, after)) if b != a]
    for i, b, a in moved[:5]:
        print(f"--- {items[i // 2][0]} ({'facts' if i % 2 == 0 else 'report'})\n  before: {b[:600]}\n  after:  {a[:600]}")
    print(f"{len(moved)} of {len(after)} lines differ" if moved else "identical")
    return 1 if moved else 0


if __name__ == "__main__":
    raise SystemExit(main())
