"""smartlint tui [FILE]: refine a goal (or a plan file's goals) interactively in the terminal.

Textual draws on the terminal through stderr, so stdout stays free: the final goal is printed
there on exit (and copied to the clipboard), which lets `goal=$(smartlint tui)` work.
"""
from __future__ import annotations

import argparse
import sys

from smartlint.errors import SmartlintError
from smartlint.inputs import parse_today


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", metavar="FILE", help="a plan file (.md .txt .yaml) whose goals to refine")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="reference date for relative times (default: today)")
    parser.add_argument("--goal", metavar="TEXT", default="", help="start the editor with this goal")
    parser.add_argument("--light", action="store_true", help="start with the light theme")


def run(args: argparse.Namespace) -> int:
    today = parse_today(args.today)
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        raise SmartlintError("smartlint tui needs a terminal; in scripts use `smartlint score` or `smartlint coach`")

    from smartlint.tui.app import SmartlintApp  # Textual loads here, not when the CLI starts

    app = SmartlintApp(goal=args.goal, plan_path=args.file, today=today, dark=not args.light)
    goal = app.run()
    if app.return_code:
        return app.return_code
    if goal:
        print(goal)
    return 0
