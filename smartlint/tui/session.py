"""What the interactive coach computes, kept apart from any widget: scoring a goal (with its
questions and suggestions), folding an answer in, and the history of goal versions.

Everything here runs in worker threads; nothing touches the screen.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from smartlint.coach import ask, coach, fold_answer
from smartlint.facts import Facts
from smartlint.report import Report, Suggestion

# The NLP pass grows faster than linearly with the text, and a goal is a sentence or two: past this
# the coach stops scoring live and asks for a shorter goal instead of keeping a core busy for minutes.
MAX_LIVE_CHARS = 2_000


@dataclass(frozen=True)
class Scoring:
    """One goal text scored: the Report plus the coach's questions and suggestions for it."""

    text: str
    report: Report | None
    questions: tuple[tuple[str, str], ...] = ()  # (letter, question)
    suggestions: tuple[Suggestion, ...] = ()
    rewrite: str | None = None
    too_long: bool = False

    @property
    def score(self) -> int | None:
        return None if self.report is None else self.report.score


def score_goal(linter, text: str, today: dt.date) -> Scoring:
    """Score `text` and coach it; an empty or over-long text gets no report."""
    if not text.strip():
        return Scoring(text=text, report=None)
    if len(text) > MAX_LIVE_CHARS:
        return Scoring(text=text, report=None, too_long=True)
    facts = linter.analyzer.analyze(text, today)
    report = linter.judge(facts)
    coaching = coach(facts, report)
    return Scoring(
        text=text, report=report, questions=tuple(ask(facts, report)),
        suggestions=tuple(coaching.suggestions), rewrite=coaching.rewrite,
    )


def fold(linter, text: str, letter: str, answer: str, today: dt.date) -> str:
    """The goal with the answer to `letter`'s question folded in (raises AnswerRejected)."""
    facts: Facts = linter.analyzer.analyze(text, today)
    return fold_answer(text, letter, answer, facts)


@dataclass
class GoalHistory:
    """Versions of the goal, oldest first, with a cursor for undo and redo."""

    versions: list[str] = field(default_factory=list)
    cursor: int = -1

    @property
    def current(self) -> str | None:
        return self.versions[self.cursor] if self.versions else None

    def record(self, text: str) -> bool:
        """Add `text` as the newest version (dropping any redo tail); False if it is the current one."""
        if text == self.current:
            return False
        del self.versions[self.cursor + 1:]
        self.versions.append(text)
        self.cursor = len(self.versions) - 1
        return True

    def undo(self) -> str | None:
        if self.cursor <= 0:
            return None
        self.cursor -= 1
        return self.versions[self.cursor]

    def redo(self) -> str | None:
        if self.cursor >= len(self.versions) - 1:
            return None
        self.cursor += 1
        return self.versions[self.cursor]
