"""The SMART rubric (shared/spec/rubric.md) as data: for each letter, its levels in order, each a
condition on the GoalView that yields the evidence behind it and a one-line reason.

The first level whose condition yields evidence (or is met with none) gives the points. The
thresholds of the rubric's hard calls are the constants below.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from smartlint.engine.view import GoalView
from smartlint.facts import Span
from smartlint.report import Dimension

STRETCH_GROWTH_PERCENT = 100.0  # more than this within STRETCH_MONTHS: a soft flag (A1)
STRETCH_MONTHS = 3.0
EXTREME_FACTOR = 10.0  # 10x or more: a hard flag (A0)
EXTREME_GROWTH_PER_MONTH = 200.0  # 200% or more within a month: a hard flag (A0)
MAX_CHANNELS = 3  # more than three channels at once: a soft flag (A1)
MAX_YEARS = 5.0  # a deadline more than five years out: a soft flag (A1)


def spans(items) -> list[Span | dict]:
    """Evidence once each, in text order: Mentions (Spans already) as they are, the engine's own
    Pieces as Span fields, which the Report validates with everything else in one call."""
    if not items:
        return []  # most levels cite nothing: skip the dict and the sort
    unique = {(i.start, i.end): i for i in items if i is not None}
    return [i if isinstance(i, Span) else {"text": i.text, "start": i.start, "end": i.end}
            for _, i in sorted(unique.items())]


def quote(items, limit: int = 3) -> str:
    return ", ".join(f'"{i.text}"' for i in items[:limit])


@dataclass(frozen=True)
class Level:
    points: int
    # returns (evidence, reason) when this level applies, else None
    test: Callable[[GoalView], tuple[list[Span], str] | None]


def _when(condition, reason: Callable[[GoalView], str], evidence=lambda v: []):
    def test(view: GoalView):
        return (spans(evidence(view)), reason(view)) if condition(view) else None
    return test


# -- S ---------------------------------------------------------------------------------------
def _who_how_where(view: GoalView) -> list:
    return list(view.owners) + view.methods + view.scopes


def _s_reason(view: GoalView) -> str:
    parts = [("how", view.methods), ("who", view.owners), ("where", view.scopes)]
    said = "; ".join(f"{name}: {quote(found, 2)}" for name, found in parts if found)
    return f"a concrete outcome ({quote(view.what, 3)}) and {said}"


S_LEVELS = (
    Level(2, _when(lambda v: v.what and _who_how_where(v), _s_reason,
                   lambda v: v.what[:3] + _who_how_where(v))),
    Level(1, _when(lambda v: v.what, lambda v: f"a concrete outcome ({quote(v.what)}) but no how, who or where",
                   lambda v: v.what[:3])),
    Level(1, _when(lambda v: v.methods, lambda v: f"a method ({quote(v.methods)}) with no clear outcome",
                   lambda v: v.methods)),
    Level(0, _when(lambda v: v.vague_terms, lambda v: f"only vague aims ({quote(v.vague_terms)})",
                   lambda v: v.vague_terms)),
    Level(0, _when(lambda v: True, lambda v: "no concrete outcome, method, owner or scope")),
)


# -- M ---------------------------------------------------------------------------------------
def _non_numeric_absolutes(view: GoalView) -> list:
    return [a for a in view.absolutes if not any(ch.isdigit() for ch in a.text) and a.text.lower() != "zero"]


M_LEVELS = (
    Level(2, _when(lambda v: v.targets, lambda v: f"a numeric target: {quote(v.targets)}", lambda v: v.targets)),
    Level(1, _when(lambda v: v.weak_numbers,
                   lambda v: f"a number that is not the target ({quote(v.weak_numbers)}: "
                             f"{', '.join(sorted({m.role or 'baseline' for m in v.weak_numbers}))})",
                   lambda v: v.weak_numbers)),
    Level(0, _when(lambda v: v.comparatives, lambda v: f"only a comparative ({quote(v.comparatives)}): how many more?",
                   lambda v: v.comparatives)),
    Level(1, _when(lambda v: v.deliverable_verbs and v.what,
                   lambda v: f"a verifiable deliverable without a number ({quote(v.deliverable_verbs, 1)})",
                   lambda v: v.deliverable_verbs[:1] + v.what[:2])),
    Level(1, _when(_non_numeric_absolutes, lambda v: f"an absolute with no number ({quote(_non_numeric_absolutes(v))})",
                   _non_numeric_absolutes)),
    Level(0, _when(lambda v: True, lambda v: "no target at all")),
)


# -- A ---------------------------------------------------------------------------------------
def _extreme(view: GoalView) -> bool:
    factor, per_month = view.growth_factor, view.growth_per_month
    return (factor is not None and factor >= EXTREME_FACTOR) or \
        (per_month is not None and per_month >= EXTREME_GROWTH_PER_MONTH)


def _growth_mention(view: GoalView) -> list:
    return [view.growth[1]] if view.growth else []


def _far_deadline(view: GoalView) -> bool:
    return view.years_to_deadline is not None and view.years_to_deadline > MAX_YEARS


def _stretch(view: GoalView) -> bool:
    return view.short_term_growth is not None and view.short_term_growth > STRETCH_GROWTH_PERCENT


def _owner_reason(view: GoalView, flag: str = "") -> str:
    return f"owner {quote(view.owners, 2)}" + (f", but {flag}" if flag else " and no realism red flag")


A_LEVELS = (
    Level(0, _when(lambda v: v.absolutes, lambda v: f"an absolute target ({quote(v.absolutes)})", lambda v: v.absolutes)),
    Level(0, _when(_extreme, lambda v: f"extreme growth ({quote(_growth_mention(v))})", _growth_mention)),
    Level(0, _when(lambda v: v.past_deadlines,
                   lambda v: f"the deadline is already past ({v.past_deadlines[0].text}: "
                             f"{v.past_deadlines[0].deadline.isoformat()})",
                   lambda v: v.past_deadlines)),
    Level(1, _when(lambda v: not v.owners, lambda v: "no owner: who answers for it?")),
    Level(1, _when(lambda v: v.effort_count > MAX_CHANNELS,
                   lambda v: _owner_reason(v, f"{v.effort_count} channels or initiatives at once"),
                   lambda v: list(v.owners) + v.platforms)),
    Level(1, _when(_stretch, lambda v: _owner_reason(v, f"a stretch target ({quote(_growth_mention(v))} "
                                                        f"within {v.months_to_deadline:.1f} months)"),
                   lambda v: list(v.owners) + _growth_mention(v))),
    Level(1, _when(_far_deadline, lambda v: _owner_reason(v, f"the deadline is {v.years_to_deadline:.1f} years out"),
                   lambda v: list(v.owners) + [v.deadline])),
    Level(2, _when(lambda v: True, _owner_reason, lambda v: v.owners)),
)


# -- R ---------------------------------------------------------------------------------------
def _reasons_with_outcome(view: GoalView) -> list:
    return view.reasons_with_outcome


R_LEVELS = (
    Level(2, _when(_reasons_with_outcome, lambda v: f"a stated reason: {quote(_reasons_with_outcome(v), 1)}",
                   _reasons_with_outcome)),
    Level(1, _when(lambda v: v.rationale, lambda v: f"a reason with no outcome in it ({quote(v.rationale, 1)})",
                   lambda v: v.rationale)),
    Level(1, _when(lambda v: v.results and v.what,
                   lambda v: f"the outcome is a result ({quote(v.results, 2)}) but no reason is stated",
                   lambda v: v.results)),
    Level(0, _when(lambda v: True, lambda v: "no stated purpose: why does this matter?")),
)


# -- T ---------------------------------------------------------------------------------------
def _deadline_reason(view: GoalView) -> str:
    d = view.deadline
    when = f" ({d.deadline.isoformat()})" if d.deadline is not None and d.resolved else ""
    return f"a {d.kind or 'date'}: {d.text}{when}"


def _loose_time(view: GoalView) -> list:
    return view.vague_times + view.starts + view.rates


T_LEVELS = (
    Level(2, _when(lambda v: v.deadlines, _deadline_reason, lambda v: v.deadlines)),
    Level(1, _when(lambda v: v.vague_times, lambda v: f"only a vague time ({quote(v.vague_times)})", _loose_time)),
    Level(1, _when(lambda v: v.starts, lambda v: f"only a start ({quote(v.starts)}), no end", _loose_time)),
    Level(1, _when(lambda v: v.rates, lambda v: f"only a rate ({quote(v.rates)}): how often, not by when", _loose_time)),
    Level(0, _when(lambda v: True, lambda v: "no time expression")),
)

RUBRIC: dict[Dimension, tuple[Level, ...]] = {"S": S_LEVELS, "M": M_LEVELS, "A": A_LEVELS, "R": R_LEVELS, "T": T_LEVELS}


def grade(view: GoalView, dimension: Dimension) -> tuple[int, list[Span | dict], str]:
    """(points, evidence, reason) of one letter for one goal; evidence as `spans` gives it."""
    for level in RUBRIC[dimension]:
        outcome = level.test(view)
        if outcome is not None:
            evidence, reason = outcome
            return level.points, evidence, reason
    return 0, [], ""  # unreachable: every letter's last level always applies
