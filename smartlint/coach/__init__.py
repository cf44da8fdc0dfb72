"""The coach: the questions, suggestions and full rewrite that make a goal SMART.

`coach(facts, report)` is rule based and cheap (it runs for every goal in a batch); `fold_answer`
puts a user's answer to one question back into the goal's text for the interactive coach.
"""
from __future__ import annotations

from pydantic import BaseModel, Field

from smartlint.coach.anatomy import analyze
from smartlint.coach.answers import AnswerRejected, fold_answer
from smartlint.coach.questions import questions as _questions
from smartlint.coach.rewrite import PLACEHOLDERS, Rewriter, plan_edits
from smartlint.coach.suggestions import suggestions as _suggestions
from smartlint.engine.view import GoalView
from smartlint.facts import Facts
from smartlint.report import Report, Suggestion

__all__ = ["PLACEHOLDERS", "AnswerRejected", "Coaching", "coach", "coaching", "fold_answer", "ask", "fill"]


class Coaching(BaseModel):
    questions: list[str] = Field(default_factory=list)
    suggestions: list[Suggestion] = Field(default_factory=list)
    rewrite: str


def _points(report: Report) -> dict[str, int]:
    return {letter: score.points for letter, score in report.dimensions.items()}


def coach(facts: Facts, report: Report) -> Coaching:
    """Questions, suggestions and a placeholder rewrite for every letter under 2 points."""
    questions, suggestions, rewrite = coaching(facts, _points(report))
    return Coaching(questions=questions, suggestions=suggestions, rewrite=rewrite)


def coaching(facts: Facts, points: dict[str, int], view: GoalView | None = None
             ) -> tuple[list[str], list[Suggestion], str]:
    """(questions, suggestions, rewrite) as coach() gives them, without the Coaching model: the
    batch path puts them straight into the Report. `view` is the judge's GoalView of the whole
    goal, when the caller has it."""
    if min(points.values(), default=2) >= 2:
        return [], [], facts.text
    anatomy = analyze(facts, view)
    rewriter = Rewriter(anatomy, plan_edits(anatomy, points))
    return ([q for _, q in _questions(anatomy, points)], _suggestions(anatomy, points, rewriter),
            rewriter.whole())


def ask(facts: Facts, report: Report) -> list[tuple[str, str]]:
    """(letter, question) pairs, for a coach that folds each answer back with fold_answer."""
    points = _points(report)
    if all(p >= 2 for p in points.values()):
        return []
    return _questions(analyze(facts), points)


def fill(rewrite: str, values: dict[str, str]) -> str:
    """The rewrite with placeholders replaced by values ({"<owner>": "The sales team", ...})."""
    for placeholder, value in values.items():
        rewrite = rewrite.replace(placeholder, value)
    return rewrite
