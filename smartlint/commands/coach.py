"""smartlint coach: ask the questions that make a goal SMART, fold each answer in, re-score.

On a terminal the questions come one at a time; piped or redirected, the command prints the
questions and the placeholder rewrite and exits 0, so scripts and CI never wait for input.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from smartlint.inputs import parse_today, statement_from_args

INTERRUPTED = 130


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="+", metavar="TEXT", help="the goal; several words form one goal; - reads stdin")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="reference date for relative times (default: today)")


def run(args: argparse.Namespace) -> int:
    today = parse_today(args.today)
    interactive = sys.stdin.isatty() and args.text != ["-"]
    text = statement_from_args(args.text)

    from smartlint.api import Linter

    linter = Linter()

    def score(goal: str):
        facts = linter.analyzer.analyze(goal, today)
        return facts, linter.judge(facts)

    if not interactive:
        print_plan(text, score)
        return 0
    return converse(text, score, ask=input, say=print)


def print_plan(text: str, score: Callable, say: Callable[[str], None] = print) -> None:
    """The non-interactive answer: score, questions and the rewrite with placeholders."""
    from smartlint.coach import coach

    facts, report = score(text)
    coaching = coach(facts, report)
    say(f"Goal: {text}")
    say(f"Score: {report.score}/100" + (" (SMART)" if report.smart else ""))
    if not coaching.questions:
        say("Nothing to ask: the goal is SMART.")
        return
    say("Questions:")
    for number, question in enumerate(coaching.questions, 1):
        say(f"  {number}. {question}")
    say(f"Rewrite: {coaching.rewrite}")


def converse(
    text: str,
    score: Callable[[str], tuple],
    ask: Callable[[str], str],
    say: Callable[[str], None],
) -> int:
    """Ask one question per weak letter, fold each accepted answer in and re-score after it.

    `ask` is input() on a terminal; EOFError (Ctrl-D) ends with exit 0, KeyboardInterrupt (Ctrl-C)
    with 130, both after printing the goal as built so far.
    """
    from smartlint.coach import AnswerRejected, ask as questions_for, fold_answer

    facts, report = score(text)
    say(f"Goal: {text}")
    say(f"Score: {report.score}/100")
    asked: set[str] = set()
    while True:
        pending = [(letter, q) for letter, q in questions_for(facts, report) if letter not in asked]
        if not pending:
            break
        letter, question = pending[0]
        while True:
            try:
                answer = ask(f"\n{question}\n> ")
            except EOFError:
                _finish(say, text, report, stopped=True)
                return 0
            except KeyboardInterrupt:
                _finish(say, text, report, stopped=True)
                return INTERRUPTED
            try:
                folded = fold_answer(text, letter, answer, facts, vague_aim=report.dimensions["S"].points == 0)
            except AnswerRejected as refusal:
                say(f"Not taken: {refusal.reason}.")
                continue
            break
        asked.add(letter)
        text = folded
        facts, report = score(text)
        say(f"Now: {text}  ({report.score}/100)")
    _finish(say, text, report, stopped=False)
    return 0


def _finish(say: Callable[[str], None], text: str, report, stopped: bool) -> None:
    say("")
    say(("Stopped. Goal so far: " if stopped else "Final goal: ") + text)
    verdict = " (SMART)" if report.smart else ""
    letters = " ".join(f"{k}{v.points}" for k, v in report.dimensions.items())
    say(f"Score: {report.score}/100{verdict}  [{letters}]")

