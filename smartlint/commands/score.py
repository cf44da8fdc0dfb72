"""smartlint score: one goal (words or stdin) or a JSONL batch, scored against the rubric."""
from __future__ import annotations

import argparse
import sys

from smartlint.inputs import check_text_or_batch, parse_today, read_batch, statement_from_args


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="*", metavar="TEXT", help="the goal; several words form one goal; - reads stdin")
    parser.add_argument("--batch", metavar="FILE.jsonl", help='score JSON lines {"id", "text", "reference_date"?}; - reads stdin')
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="reference date for relative times (default: today)")
    parser.add_argument("--format", choices=("text", "json"), default=None, help="output format (batch: json lines)")
    parser.add_argument("--min-score", type=int, metavar="N", help="exit 1 when a score is under N")
    parser.add_argument("--jobs", type=int, metavar="N", default=None,
                        help="worker processes for --batch (default: all cores for large inputs)")
    parser.add_argument("--fiscal-year-start", type=int, metavar="MONTH", default=1, help="first month of the fiscal year (1-12)")


def run(args: argparse.Namespace) -> int:
    from smartlint.errors import SmartlintError

    today = parse_today(args.today)
    check_text_or_batch(args, 'smartlint score "Grow newsletter sign-ups by 20% by June 30, 2026"')
    if args.batch and args.format == "text":
        raise SmartlintError("--batch writes JSON lines; --format text is not available with it")
    if args.batch:
        return _run_batch(args, today)
    text = statement_from_args(args.text)

    from smartlint.api import Linter, Settings

    linter = Linter(Settings(fiscal_year_start=args.fiscal_year_start))
    report = linter.score(text, today, plan=True)
    if args.format == "json":
        sys.stdout.write(report.model_dump_json(exclude_none=False) + "\n")
    else:
        from smartlint.render.scorecard import print_scorecard

        print_scorecard(report)
    return 1 if args.min_score is not None and report.score < args.min_score else 0


def _run_batch(args: argparse.Namespace, today) -> int:
    from smartlint.api import Settings
    from smartlint.parallel import file_size_hint, resolve_jobs, score_lines

    jobs = resolve_jobs(args.jobs, size_bytes_hint=file_size_hint(args.batch))
    items = ((item.id, item.text, item.reference_date) for item in read_batch(args.batch, today))
    below = False
    out = sys.stdout
    for line in score_lines(items, Settings(fiscal_year_start=args.fiscal_year_start), jobs=jobs):
        out.write(line.json + "\n")
        if args.min_score is not None and line.score < args.min_score:
            below = True
    out.flush()
    return 1 if below else 0
