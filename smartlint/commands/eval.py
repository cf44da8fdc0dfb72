"""smartlint eval CORPUS.jsonl: how often smartlint gives the labelled points, letter by letter."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("corpus", metavar="CORPUS.jsonl", help='lines {"text", "labels": {"S":0-2,...}, "id"?, "reference_date"?}')
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="reference date for lines without one (default: today)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="also list the first N disagreements")


def _render_text(result, show: int) -> str:
    lines = [f"{result.count} goals; all five letters right: {result.exact:.1%}", ""]
    for d, agreement in result.dimensions.items():
        lines.append(f"{d}  agreement {agreement.agreement:.1%}")
        lines.append("     predicted  0    1    2")
        for gold, row in enumerate(agreement.confusion):
            lines.append(f"   gold {gold}    " + "".join(f"{n:>5}" for n in row))
        lines.append("")
    for item in result.disagreements[:show]:
        gold = "".join(f"{d}{p}" for d, p in item.gold.items())
        predicted = "".join(f"{d}{p}" for d, p in item.predicted.items())
        lines.append(f"{item.id or '-'}  gold {gold}  got {predicted}  {item.text}")
    return "\n".join(lines).rstrip() + "\n"


def run(args: argparse.Namespace) -> int:
    from smartlint.evaluate import evaluate_corpus
    from smartlint.inputs import parse_today

    today = parse_today(args.today)
    result = evaluate_corpus(Path(args.corpus), today)
    if args.format == "json":
        sys.stdout.write(result.model_dump_json(indent=2) + "\n")
    else:
        sys.stdout.write(_render_text(result, args.show))
    return 0
