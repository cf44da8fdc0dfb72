"""The SMART rubric (shared/spec/rubric.md): for each letter, its levels in order, each a
condition on the GoalView with the evidence behind it and a one-line reason.

The first level whose condition holds gives the points. The thresholds of the rubric's hard
calls are the constants below.
"""
from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter

from smartlint.engine.view import GoalView
from smartlint.facts import Span
from smartlint.report import Dimension

STRETCH_GROWTH_PERCENT = 100.0  # more than this within STRETCH_MONTHS: a soft flag (A1)
STRETCH_MONTHS = 3.0
EXTREME_FACTOR = 10.0  # 10x or more: a hard flag (A0)
EXTREME_GROWTH_PER_MONTH = 200.0  # 200% or more within a month: a hard flag (A0)
MAX_CHANNELS = 3  # more than three channels at once: a soft flag (A1)
MAX_YEARS = 5.0  # a deadline more than five years out: a soft flag (A1)

_TEXT = attrgetter("text")
_QUOTES_APART = '", "'  # between two quoted texts


def spans(items) -> list[Span | dict]:
    """Evidence once each, in text order: Mentions (Spans already) as they are, the engine's own
    Pieces as Span fields, which the Report validates with everything else in one call."""
    if not items:
        return []  # most levels cite nothing: skip the dict and the sort
    if len(items) > 1:
        unique = {(i.start, i.end): i for i in items if i is not None}
        items = [i for _, i in sorted(unique.items())]
    elif items[0] is None:
        return []
    return [i if isinstance(i, Span) else {"text": i.text, "start": i.start, "end": i.end} for i in items]


def quote(items, limit: int = 3) -> str:
    """The first `limit` items' texts, each in double quotes, comma-separated (joined in C)."""
    return f'"{_QUOTES_APART.join(map(_TEXT, items[:limit]))}"' if items else ""


Grade = tuple[int, list[Span | dict], str]  # points, evidence (as `spans` gives it), reason


# Each letter is one function whose branches are the rubric's levels in order: the first that
# applies gives the points. (Plain branches rather than a table of level tests: every goal grades
# every letter, and a table costs a call per condition, evidence and reason.)

# -- S ---------------------------------------------------------------------------------------
def _s_reason(view: GoalView) -> str:
    parts = [("how", view.methods), ("who", view.owners), ("where", view.scopes)]
    said = "; ".join([f"{name}: {quote(found, 2)}" for name, found in parts if found])
    return f"a concrete outcome ({quote(view.what, 3)}) and {said}"


def grade_specific(v: GoalView) -> Grade:
    what = v.what
    if what:
        who_how_where = [*v.owners, *v.methods, *v.scopes]
        if who_how_where:
            return 2, spans(what[:3] + who_how_where), _s_reason(v)
        return 1, spans(what[:3]), f"a concrete outcome ({quote(what)}) but no how, who or where"
    if v.methods:
        return 1, spans(v.methods), f"a method ({quote(v.methods)}) with no clear outcome"
    if v.vague_terms:
        return 0, spans(v.vague_terms), f"only vague aims ({quote(v.vague_terms)})"
    return 0, [], "no concrete outcome, method, owner or scope"


# -- M ---------------------------------------------------------------------------------------
def _non_numeric_absolutes(view: GoalView) -> list:
    return [a for a in view.absolutes if not any(ch.isdigit() for ch in a.text) and a.text.lower() != "zero"]


def grade_measurable(v: GoalView) -> Grade:
    if v.targets:
        return 2, spans(v.targets), f"a numeric target: {quote(v.targets)}"
    weak = v.weak_numbers
    if weak:
        roles = ", ".join(sorted({m.role or "baseline" for m in weak}))
        return 1, spans(weak), f"a number that is not the target ({quote(weak)}: {roles})"
    if v.comparatives:
        return 0, spans(v.comparatives), f"only a comparative ({quote(v.comparatives)}): how many more?"
    if v.deliverable_verbs and v.what:
        return (1, spans(v.deliverable_verbs[:1] + v.what[:2]),
                f"a verifiable deliverable without a number ({quote(v.deliverable_verbs, 1)})")
    absolutes = _non_numeric_absolutes(v)
    if absolutes:
        return 1, spans(absolutes), f"an absolute with no number ({quote(absolutes)})"
    return 0, [], "no target at all"


# -- A ---------------------------------------------------------------------------------------
def _extreme(view: GoalView) -> bool:
    factor, per_month = view.growth_factor, view.growth_per_month
    return (factor is not None and factor >= EXTREME_FACTOR) or \
        (per_month is not None and per_month >= EXTREME_GROWTH_PER_MONTH)


def _growth_mention(view: GoalView) -> list:
    return [view.growth[1]] if view.growth else []


def _owner_reason(view: GoalView, flag: str = "") -> str:
    return f"owner {quote(view.owners, 2)}" + (f", but {flag}" if flag else " and no realism red flag")


def grade_achievable(v: GoalView) -> Grade:
    if v.absolutes:
        return 0, spans(v.absolutes), f"an absolute target ({quote(v.absolutes)})"
    if _extreme(v):
        return 0, spans(_growth_mention(v)), f"extreme growth ({quote(_growth_mention(v))})"
    past = v.past_deadlines
    if past:
        return 0, spans(past), f"the deadline is already past ({past[0].text}: {past[0].deadline.isoformat()})"
    owners = v.owners
    if not owners:
        return 1, [], "no owner: who answers for it?"
    if v.effort_count > MAX_CHANNELS:
        return (1, spans(owners + v.platforms),
                _owner_reason(v, f"{v.effort_count} channels or initiatives at once"))
    stretch = v.short_term_growth
    if stretch is not None and stretch > STRETCH_GROWTH_PERCENT:
        return (1, spans(owners + _growth_mention(v)),
                _owner_reason(v, f"a stretch target ({quote(_growth_mention(v))} "
                                 f"within {v.months_to_deadline:.1f} months)"))
    years = v.years_to_deadline
    if years is not None and years > MAX_YEARS:
        return 1, spans(owners + [v.deadline]), _owner_reason(v, f"the deadline is {years:.1f} years out")
    return 2, spans(owners), _owner_reason(v)


# -- R ---------------------------------------------------------------------------------------
def grade_relevant(v: GoalView) -> Grade:
    reasons = v.reasons_with_outcome
    if reasons:
        return 2, spans(reasons), f"a stated reason: {quote(reasons, 1)}"
    if v.rationale:
        return 1, spans(v.rationale), f"a reason with no outcome in it ({quote(v.rationale, 1)})"
    if v.results and v.what:
        return 1, spans(v.results), f"the outcome is a result ({quote(v.results, 2)}) but no reason is stated"
    return 0, [], "no stated purpose: why does this matter?"


# -- T ---------------------------------------------------------------------------------------
def _deadline_reason(view: GoalView) -> str:
    d = view.deadline
    when = f" ({d.deadline.isoformat()})" if d.deadline is not None and d.resolved else ""
    return f"a {d.kind or 'date'}: {d.text}{when}"


def grade_time_bound(v: GoalView) -> Grade:
    if v.deadlines:
        return 2, spans(v.deadlines), _deadline_reason(v)
    vague, starts, rates = v.vague_times, v.starts, v.rates
    if vague:
        reason = f"only a vague time ({quote(vague)})"
    elif starts:
        reason = f"only a start ({quote(starts)}), no end"
    elif rates:
        reason = f"only a rate ({quote(rates)}): how often, not by when"
    else:
        return 0, [], "no time expression"
    return 1, spans(vague + starts + rates), reason


RUBRIC: dict[Dimension, Callable[[GoalView], Grade]] = {
    "S": grade_specific, "M": grade_measurable, "A": grade_achievable, "R": grade_relevant, "T": grade_time_bound,
}


def grade(view: GoalView, dimension: Dimension) -> Grade:
    """(points, evidence, reason) of one letter for one goal; evidence as `spans` gives it."""
    return RUBRIC[dimension](view)
