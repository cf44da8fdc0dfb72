"""KPIs to track a goal: its own metric from the catalogue, plus related KPIs so that the set has
at least one leading KPI (moves first) and one lagging KPI (reports the result).

The goal's own metric gets the goal's target and time frame; the other KPIs share the time frame,
and their target is the placeholder `<target>` because only the team can say what it should be.
When nothing is known, the placeholder is `<period>`. No metric in the catalogue: the generic pair
"Progress to target" (lagging) and "Planned actions completed on schedule" (leading).
"""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel

from smartlint.facts import Facts
from smartlint.kpi.catalogue import Catalogue, Kpi, MetricMatch, load_catalogue
from smartlint.kpi.reading import GoalTarget, goal_target, goal_time, metric_phrases

TARGET_PLACEHOLDER = "<target>"
PERIOD_PLACEHOLDER = "<period>"
MAX_SUGGESTIONS = 3  # the rubric allows 2-4 KPIs; three leaves room for the team's own


class KpiSuggestion(BaseModel):
    id: str  # catalogue id
    name: str
    area: str
    timing: Literal["leading", "lagging"]
    measure: Literal["quantitative", "qualitative"]
    stage: Literal["input", "process", "outcome"]
    unit: str
    direction: Literal["up", "down"]
    target: str  # from the goal, or "<target>"
    period: str  # from the goal, or "<period>"
    due: dt.date | None = None
    from_goal: bool = False  # the goal's own metric
    text: str  # the KPI as one line: "Website visits at <target> by June 30, 2026"
    reason: str


def goal_metric(facts: Facts, catalogue: Catalogue | None = None) -> MetricMatch | None:
    """The catalogue KPI the goal measures itself by, if its words name one."""
    catalogue = catalogue or load_catalogue()
    telling, whole = metric_phrases(facts)
    return catalogue.match(*telling) or catalogue.match(whole)


def kpi_suggestions(facts: Facts, catalogue: Catalogue | None = None) -> list[KpiSuggestion]:
    """Two or three KPIs for the goal with at least one leading and one lagging among them."""
    catalogue = catalogue or load_catalogue()
    match = goal_metric(facts, catalogue)
    target = goal_target(facts)
    time = goal_time(facts)
    period = time.text if time else PERIOD_PLACEHOLDER
    due = time.due if time else None

    if match is not None:
        chosen = _with_both_timings(match.kpi, catalogue)
        reason_own = f"the goal's own metric (its words \"{match.phrase[:40]}\" match \"{match.alias}\")"
    else:
        chosen = [catalogue.generic("lagging"), catalogue.generic("leading")]
        reason_own = "no catalogue KPI matches the goal's words: track the goal's own target directly"

    suggestions = []
    for index, kpi in enumerate(chosen):
        own = index == 0
        kpi_target = _target_text(target) if own and target else TARGET_PLACEHOLDER
        if own:
            reason = reason_own
        elif kpi.timing == "leading":
            reason = f"leading: moves before {chosen[0].name.lower()} and warns early if the goal is off track"
        else:
            reason = f"lagging: reports the result that {chosen[0].name.lower()} is meant to produce"
        suggestions.append(KpiSuggestion(
            id=kpi.id, name=kpi.name, area=kpi.area, timing=kpi.timing, measure=kpi.measure, stage=kpi.stage,
            unit=kpi.unit, direction=kpi.direction, target=kpi_target, period=period, due=due, from_goal=own,
            text=kpi_line(kpi.name, kpi_target, period), reason=reason,
        ))
    return suggestions


def kpi_line(name: str, target: str, period: str) -> str:
    joiner = "" if target.split(" ", 1)[0].lower() in _TARGET_LEADS else "at "
    return f"{name} {joiner}{target} {period}"


_TARGET_LEADS = frozenset({"from", "to", "by", "below", "under", "above", "over", "at", "within", "less",
                           "more", "no", "up", "down", "double", "triple", "halve"})


def _target_text(target: GoalTarget) -> str:
    text = target.text
    if target.per and target.per not in text:
        text = f"{text} {target.per}"
    return text


def _with_both_timings(primary: Kpi, catalogue: Catalogue) -> list[Kpi]:
    """The primary KPI, then related ones in catalogue order, making sure both timings appear."""
    chosen = [primary]
    pool = catalogue.related(primary)
    pool += [k for r in list(pool) for k in catalogue.related(r) if k not in pool and k != primary]
    opposite = "lagging" if primary.timing == "leading" else "leading"
    first = next((k for k in pool if k.timing == opposite), None) or catalogue.generic(opposite)
    chosen.append(first)
    rest = next((k for k in pool if k not in chosen and k.timing != first.timing), None) or \
        next((k for k in pool if k not in chosen), None)
    if rest is not None and len(chosen) < MAX_SUGGESTIONS:
        chosen.append(rest)
    return chosen
