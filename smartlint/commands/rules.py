"""smartlint rules [ID]: list the rules, or print one rule's page (what, why, example, better).

Reads only the rule files: no spaCy, no rich, so it answers at once.
"""
from __future__ import annotations

import argparse
import sys
import textwrap

from smartlint.errors import SmartlintError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rule", nargs="?", metavar="ID", help="a rule id (T004) or name (rate-without-deadline)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument("--rule-dir", action="append", default=[], metavar="DIR",
                        help="also load the rule files in DIR (repeatable)")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="accepted for symmetry with other commands; unused")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _find(pack, wanted: str):
    key = wanted.strip()
    for rule in pack:
        if rule.id == key.upper() or rule.name == key.lower():
            return rule
    from rapidfuzz import process

    choices = pack.ids + [r.name for r in pack]
    best = process.extractOne(key.upper() if key[:1].isalpha() and key[1:].isdigit() else key, choices)
    hint = f"; did you mean {best[0]}?" if best and best[1] >= 50 else ""
    raise SmartlintError(f"no rule {wanted!r}{hint} (smartlint rules lists them)")


def _json(data) -> str:
    import json  # only --format json needs it

    return json.dumps(data, indent=2) + "\n"


def _page(rule) -> str:
    describe = getattr(rule, "describe", None)
    checks = describe() if describe else _one_line((type(rule).__doc__ or "").strip())
    wrap = lambda text: textwrap.fill(_one_line(text), width=88, initial_indent="  ", subsequent_indent="  ")
    lines = [
        f"{rule.id} {rule.name}  [{rule.dimension or 'plan'}, {rule.level}, kind: {rule.kind}]",
        "",
        "What it checks:", wrap(checks),
        "Message:", wrap(rule.message),
        "Why:", wrap(rule.why),
        "Example:", wrap(rule.example),
        "Better:", wrap(rule.better),
    ]
    if rule.suggestion:
        lines += ["Suggestion:", wrap(rule.suggestion)]
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from smartlint.engine.loader import load_pack

    pack = load_pack([Path(d) for d in args.rule_dir])
    out = sys.stdout
    if args.rule:
        rule = _find(pack, args.rule)
        if args.format == "json":
            out.write(_json(rule.model_dump(mode="json")))
        else:
            out.write(_page(rule))
        return 0
    if args.format == "json":
        out.write(_json([r.model_dump(mode="json") for r in pack]))
        return 0
    width = max(len(r.name) for r in pack) if len(pack) else 4
    for rule in pack:
        out.write(f"{rule.id:<5} {rule.name:<{width}}  {rule.dimension or '-'}  {rule.level:<7}  {_one_line(rule.message)}\n")
    return 0
