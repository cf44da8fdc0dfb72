"""smartlint coach: the question loop driven with an injected input function, and the
non-interactive path through a real subprocess."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from smartlint.commands.coach import converse

TODAY = dt.date(2026, 1, 15)


@pytest.fixture(scope="module")
def score():
    from smartlint.api import Linter

    linter = Linter()

    def run(goal):
        facts = linter.analyzer.analyze(goal, TODAY)
        return facts, linter.judge(facts)

    return run


def scripted(*answers):
    """An input() stand-in that replays answers, then behaves like Ctrl-D; it records the prompts."""
    pending = list(answers)
    prompts = []

    def ask(prompt):
        prompts.append(prompt)
        if not pending:
            raise EOFError
        answer = pending.pop(0)
        if isinstance(answer, BaseException):
            raise answer
        return answer

    ask.prompts = prompts
    return ask


def test_answering_every_question_ends_smart(score):
    said = []
    ask = scripted("the marketing team", "500", "June 30, 2026", "we need more qualified leads for sales",
                   "through LinkedIn ads")
    code = converse("Get more visitors", score, ask=ask, say=said.append)
    assert code == 0
    final = [line for line in said if line.startswith("Final goal: ")]
    assert final, said
    assert "Score: 100/100 (SMART)" in said[-1]
    assert "Who owns this" in ask.prompts[0]


def test_a_bad_answer_is_refused_and_the_question_asked_again(score):
    said = []
    ask = scripted("the marketing team", "500", "yesterday", "")
    code = converse("Get more visitors", score, ask=ask, say=said.append)
    assert code == 0
    assert any(line.startswith("Not taken:") and "past" in line for line in said)
    assert any(line.startswith("Not taken:") and "empty" in line for line in said)
    by_when = [p for p in ask.prompts if "By when" in p]
    assert len(by_when) == 3  # asked, refused twice, then Ctrl-D
    assert said[-2] == "Stopped. Goal so far: The marketing team will get 500 more visitors."


def test_ctrl_c_leaves_with_130_and_prints_the_goal_so_far(score):
    said = []
    code = converse("Get more visitors", score, ask=scripted("Priya", KeyboardInterrupt()), say=said.append)
    assert code == 130
    assert said[-2] == "Stopped. Goal so far: Priya will get more visitors."


def test_a_smart_goal_asks_nothing(score):
    said = []
    ask = scripted()
    goal = ("Within the coming 4 months, we will get 15 more people a month to ask for our legal guidance "
            "through an inbound marketing strategy, because every enquiry is a chance to win a new client")
    assert converse(goal, score, ask=ask, say=said.append) == 0
    assert ask.prompts == []
    assert "(SMART)" in said[-1]


def test_piped_stdin_prints_the_questions_and_the_rewrite():
    result = subprocess.run(
        [sys.executable, "-m", "smartlint", "coach", "Get", "more", "visitors", "--today", "2026-01-15"],
        input="", capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Questions:" in out
    assert "Who owns this" in out
    assert "Rewrite: <owner> will get <target> more visitors through <method> by <deadline>, so that <reason>." in out


def test_a_bad_date_is_one_line_and_exit_2():
    result = subprocess.run(
        [sys.executable, "-m", "smartlint", "coach", "Get more visitors", "--today", "someday"],
        input="", capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "--today" in result.stderr
