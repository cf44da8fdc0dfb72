"""Dated checkpoints on the way from a goal's baseline to its target.

A goal that states where it starts, where it wants to be and by when (more than six weeks out) gets
checkpoints at month ends, spaced so that there are about four of them, the last one on the
deadline itself. Each interim target lies on the straight line from baseline to target at that
date's share of the time, so the path moves one way only and ends exactly at the target.
"""
from __future__ import annotations

import calendar
import datetime as dt
import math

from pydantic import BaseModel, Field

from smartlint.facts import Facts
from smartlint.kpi.catalogue import Catalogue, load_catalogue
from smartlint.kpi.reading import GoalTarget, goal_target, goal_time

MIN_SPAN = dt.timedelta(weeks=6)
MIN_GAP = dt.timedelta(days=14)  # no checkpoint a few days after the start or before the deadline
CHECKPOINTS = 4
CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


class Milestone(BaseModel):
    due: dt.date
    value: float  # the interim target on this date
    baseline: float
    target: float
    fraction: float = Field(ge=0, le=1)  # share of the way from baseline to target
    metric: str  # what is measured, in words
    text: str  # "Marketing-qualified leads at 47 by February 28, 2026"


def milestone_suggestions(facts: Facts, reference_date: dt.date,
                          catalogue: Catalogue | None = None) -> list[Milestone]:
    """Checkpoints for a goal with a baseline, a target and a deadline more than six weeks out."""
    target = goal_target(facts)
    time = goal_time(facts)
    if target is None or target.baseline is None or target.value is None or time is None or time.due is None:
        return []
    if time.due - reference_date <= MIN_SPAN or target.value == target.baseline:
        return []
    from smartlint.kpi.suggest import goal_metric  # here, not at import: suggest imports this module's peers

    match = goal_metric(facts, catalogue or load_catalogue())
    metric = match.kpi.name if match else "Progress"
    decimals = _decimals(target)
    total = (time.due - reference_date).days
    milestones = []
    for date in checkpoint_dates(reference_date, time.due):
        fraction = (date - reference_date).days / total
        value = float(round(target.baseline + (target.value - target.baseline) * fraction, decimals))
        if date == time.due:
            value = target.value
        milestones.append(Milestone(
            due=date, value=value, baseline=target.baseline, target=target.value, fraction=round(fraction, 4),
            metric=metric, text=f"{metric} at {format_value(value, target)} by {long_date(date)}",
        ))
    return milestones


def checkpoint_dates(start: dt.date, deadline: dt.date) -> list[dt.date]:
    """Month ends after `start`, about CHECKPOINTS of them, then the deadline itself; none within two
    weeks of either end."""
    months = (deadline.year - start.year) * 12 + deadline.month - start.month
    step = max(1, math.ceil(months / CHECKPOINTS))
    dates = []
    offset = step if step > 1 or month_end(start, 0) - start < MIN_GAP else 0
    while (date := month_end(start, offset)) <= deadline - MIN_GAP:
        dates.append(date)
        offset += step
    return [*dates, deadline]


def month_end(start: dt.date, months_later: int) -> dt.date:
    index = start.month - 1 + months_later
    year, month = start.year + index // 12, index % 12 + 1
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def long_date(date: dt.date) -> str:
    return f"{calendar.month_name[date.month]} {date.day}, {date.year}"


def format_value(value: float, target: GoalTarget) -> str:
    number = f"{value:,.{max(0, _decimals(target))}f}"
    if target.unit == "%":
        return f"{number}%"
    if target.unit in CURRENCY_SIGNS:
        return f"{CURRENCY_SIGNS[target.unit]}{number}"
    if target.unit and target.unit.isupper() and len(target.unit) == 3:
        return f"{number} {target.unit}"
    return number


def _decimals(target: GoalTarget) -> int:
    """Rounding for interim targets, as `round` takes it: a wide range keeps about three significant
    digits of its size ("€3,738,000"); a narrow one keeps the goal's own decimals, plus one for
    percentages and money ("3.4%"). Counts of things stay whole."""
    span = abs((target.value or 0) - (target.baseline or 0))
    if span >= 100:
        return min(0, 2 - math.floor(math.log10(span)))

    def places(number: float) -> int:
        text = f"{number:g}"
        return len(text.split(".")[1]) if "." in text and "e" not in text else 0

    stated = max(places(target.baseline or 0), places(target.value or 0))
    fractional_unit = target.unit == "%" or target.unit in CURRENCY_SIGNS or target.label in ("PERCENT", "MONEY")
    return stated + (1 if fractional_unit and span < CHECKPOINTS * 2 else 0)
