"""smartlint extract: the quantities, dates, owners and platforms found in a text, as JSON."""
from __future__ import annotations

import argparse
import json
import sys
from collections import deque


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="*", metavar="TEXT", help="the text; several words form one text; - reads stdin")
    parser.add_argument("--batch", metavar="FILE.jsonl",
                        help='read JSON lines {"id", "text", "reference_date"?}; - reads stdin')
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="reference date for relative times (default: today)")
    parser.add_argument("--fiscal-year-start", type=int, metavar="MONTH", default=1,
                        help="first month of the fiscal year (1-12); FY and H1/H2 follow it")
    parser.add_argument("--jobs", type=int, metavar="N", default=None,
                        help="worker processes for --batch (default: all cores for large inputs)")


def run(args: argparse.Namespace) -> int:
    from smartlint.inputs import check_text_or_batch, parse_today, read_batch, statement_from_args

    today = parse_today(args.today)
    check_text_or_batch(args, 'smartlint extract "Sign 15 new clients a month by Q3 2026"')
    if not args.batch:
        text = statement_from_args(args.text)
    items = read_batch(args.batch, today) if args.batch else None

    out = sys.stdout
    if items is None:
        from smartlint.extract import extract_items
        from smartlint.nlp.pipeline import Analyzer

        facts = Analyzer(fiscal_year_start=args.fiscal_year_start).analyze(text, today)
        out.write(json.dumps({"id": None, "predicted": extract_items(facts)}, ensure_ascii=False) + "\n")
        return 0

    from smartlint.parallel import extract_many, file_size_hint, resolve_jobs

    jobs = resolve_jobs(args.jobs, size_bytes_hint=file_size_hint(args.batch))
    batch = ((item.id, item.text, item.reference_date) for item in items)
    for found in extract_many(batch, args.fiscal_year_start, jobs=jobs):
        out.write(json.dumps({"id": found.id, "predicted": found.predicted}, ensure_ascii=False) + "\n")
    out.flush()
    return 0
