"""The names a rule file may use: facts (lists of spans) and values (numbers) read from a GoalView.

Rule files name these in `facts:`, `when:`, `unless:`, `fact:` and `value:`; the loader rejects
any other name, so a typo in a rule file is an error with the file and field, not a silent no-op.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from smartlint.engine.view import GoalView

FACTS: dict[str, Callable[["GoalView"], list]] = {
    "what": lambda v: v.what,  # a concrete outcome or deliverable
    "method": lambda v: v.methods,  # how: a method, channel or platform
    "owner": lambda v: v.owners,  # who answers for it (outside reason clauses)
    "scope": lambda v: v.scopes,  # where: a market, segment, region, product
    "platform": lambda v: v.platforms,
    "target": lambda v: v.targets,  # a number that is the target (amount, change, rate)
    "change": lambda v: v.changes,
    "baseline": lambda v: v.baselines,
    "rank": lambda v: v.ranks,
    "weak_number": lambda v: v.weak_numbers,  # baseline, rank or team size
    "deliverable": lambda v: v.deliverable_verbs,
    "comparative": lambda v: v.comparatives,
    "absolute": lambda v: v.absolutes,
    "deadline": lambda v: v.deadlines,  # a deadline, period, window or dated point
    "past_deadline": lambda v: v.past_deadlines,
    "vague_time": lambda v: v.vague_times,
    "start": lambda v: v.starts,
    "rate": lambda v: v.rates,
    "rationale": lambda v: v.rationale,
    "result": lambda v: v.results,  # a business or life result as the outcome
    "vague_term": lambda v: v.vague_terms,
}

VALUES: dict[str, Callable[["GoalView"], float | None]] = {
    "channel_count": lambda v: float(len(v.channels)),
    "growth_percent": lambda v: v.growth[0] if v.growth else None,
    "growth_factor": lambda v: v.growth_factor,
    "growth_per_month": lambda v: v.growth_per_month,
    "short_term_growth": lambda v: v.short_term_growth,  # growth when the deadline is <= 3 months out
    "months_to_deadline": lambda v: v.months_to_deadline,
    "years_to_deadline": lambda v: v.years_to_deadline,
    "days_to_deadline": lambda v: v.days_to_deadline,
}

FactName = Literal[tuple(FACTS)]  # type: ignore[valid-type]
ValueName = Literal[tuple(VALUES)]  # type: ignore[valid-type]
