"""Agreement between smartlint's scores and a labelled corpus (JSONL lines with "text" and
"labels" {"S","M","A","R","T": 0|1|2}, optional "id" and "reference_date")."""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from smartlint.errors import SmartlintError
from smartlint.report import DIMENSIONS, Dimension

POINTS = (0, 1, 2)


class LabelledGoal(BaseModel):
    id: str | None = None
    text: str = Field(min_length=1)
    labels: dict[Dimension, int]
    reference_date: dt.date | None = None


class DimensionAgreement(BaseModel):
    agreement: float  # share of statements where predicted points == gold points
    confusion: list[list[int]]  # rows: gold 0/1/2, columns: predicted 0/1/2


class Disagreement(BaseModel):
    id: str | None
    text: str
    gold: dict[Dimension, int]
    predicted: dict[Dimension, int]


class EvalResult(BaseModel):
    count: int
    exact: float  # share of statements with all five letters right
    dimensions: dict[Dimension, DimensionAgreement]
    disagreements: list[Disagreement] = Field(default_factory=list)


def read_corpus(path: Path) -> list[LabelledGoal]:
    """Labelled goals from a JSONL file; a bad line is an error naming the file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise SmartlintError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SmartlintError(f"{path}: cannot be read ({error})") from None
    goals = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            goal = LabelledGoal.model_validate(json.loads(line))
        except json.JSONDecodeError as error:
            raise SmartlintError(f"{path}:{number}: not valid JSON ({error.msg})") from None
        except ValidationError as error:
            first = error.errors()[0]
            field = ".".join(str(p) for p in first["loc"])
            raise SmartlintError(f"{path}:{number}: field '{field}': {first['msg']}") from None
        missing = [d for d in DIMENSIONS if goal.labels.get(d) not in POINTS]
        if missing:
            raise SmartlintError(f"{path}:{number}: labels need S, M, A, R and T as 0, 1 or 2 (check {', '.join(missing)})")
        goals.append(goal)
    if not goals:
        raise SmartlintError(f"{path}: no labelled goals")
    return goals


def evaluate(goals: list[LabelledGoal], predictions: Iterable[dict[Dimension, int]]) -> EvalResult:
    """Per-letter exact agreement and 3x3 confusion matrices (gold rows x predicted columns)."""
    confusion = {d: [[0, 0, 0] for _ in POINTS] for d in DIMENSIONS}
    all_right = 0
    disagreements = []
    count = 0
    for goal, predicted in zip(goals, predictions, strict=True):
        count += 1
        for d in DIMENSIONS:
            confusion[d][goal.labels[d]][predicted[d]] += 1
        if all(goal.labels[d] == predicted[d] for d in DIMENSIONS):
            all_right += 1
        else:
            disagreements.append(Disagreement(id=goal.id, text=goal.text, gold=goal.labels, predicted=predicted))
    dimensions = {
        d: DimensionAgreement(agreement=sum(confusion[d][p][p] for p in POINTS) / count, confusion=confusion[d])
        for d in DIMENSIONS
    }
    return EvalResult(count=count, exact=all_right / count, dimensions=dimensions, disagreements=disagreements)


def evaluate_corpus(path: Path, today: dt.date, linter=None) -> EvalResult:
    """Score every goal of the corpus with a Linter (built here unless given) and compare."""
    goals = read_corpus(path)
    if linter is None:
        from smartlint.api import Linter

        linter = Linter()
    items = ((g.id, g.text, g.reference_date or today) for g in goals)
    predictions = ({d: r.dimensions[d].points for d in DIMENSIONS} for r in linter.score_many(items))
    return evaluate(goals, predictions)
