#!/usr/bin/env python3
"""Run smartlint's extractor over the extraction benchmark and score it with the benchmark's score.py.

Usage: scripts/bench_extraction.py [--cases PATH] [--predictions OUT.jsonl]
Default cases: ../shared/benchmarks/extraction/cases.jsonl relative to the repository root.
Prints score.py's per-type table and the line `extraction micro-F1: X.XXX`.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib.util
import io
import json
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CASES = REPO_ROOT.parent / "shared" / "benchmarks" / "extraction" / "cases.jsonl"
# The benchmark annotates only these types; owners and platforms are part of the extract contract
# but have no gold here, so reporting them would count as false positives.
BENCHMARK_TYPES = frozenset({"number", "percent", "money", "duration", "date", "date_range", "frequency"})
# Cases without a reference date (number, percent and money specs) do not depend on one.
FALLBACK_DATE = dt.date(2000, 1, 1)


def predict(cases_path: Path, analyzer=None) -> list[dict]:
    """One {"id", "predicted"} record per case, in file order."""
    from smartlint.extract import extract_items
    from smartlint.nlp.pipeline import Analyzer

    analyzer = analyzer or Analyzer()
    cases = [json.loads(line) for line in cases_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    pairs = ((case["text"], dt.date.fromisoformat(case["reference_date"]) if case.get("reference_date")
              else FALLBACK_DATE) for case in cases)
    return [{"id": case["id"], "predicted": [item for item in extract_items(facts) if item["type"] in BENCHMARK_TYPES]}
            for case, facts in zip(cases, analyzer.analyze_many(pairs))]


def load_scorer(cases_path: Path):
    spec = importlib.util.spec_from_file_location("extraction_score", cases_path.parent / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(cases_path: Path, predictions: list[dict]) -> tuple[str, dict[str, tuple[int, int, int]]]:
    """score.py's printed table, and per type (gold, predicted, true positives) including "micro"."""
    scorer = load_scorer(cases_path)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as handle:
        for record in predictions:
            handle.write(json.dumps(record) + "\n")
        path = handle.name
    buffer = io.StringIO()
    try:
        with contextlib.redirect_stdout(buffer):
            scorer.main(["--cases", str(cases_path), path])
    finally:
        Path(path).unlink(missing_ok=True)
    table = buffer.getvalue()
    counts = {}
    for line in table.splitlines():
        parts = line.split()
        if len(parts) == 7 and parts[1].isdigit():
            counts[parts[0]] = (int(parts[1]), int(parts[2]), int(parts[3]))
    return table, counts


def f1(gold: int, predicted: int, hits: int) -> float:
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=DEFAULT_CASES)
    parser.add_argument("--predictions", type=Path, help="also write the predictions to this JSONL file")
    args = parser.parse_args(argv)
    if not args.cases.is_file():
        print(f"bench_extraction: {args.cases}: no such file", file=sys.stderr)
        return 2
    predictions = predict(args.cases)
    if args.predictions:
        args.predictions.write_text("".join(json.dumps(r) + "\n" for r in predictions), encoding="utf-8")
    table, _ = score(args.cases, predictions)
    print(table, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
