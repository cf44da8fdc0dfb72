"""The names a rule file may use: facts (lists of spans) and values (numbers) read from a GoalView.

Rule files name these in `facts:`, `when:`, `unless:`, `fact:` and `value:`; the loader rejects
any other name, so a typo in a rule file is an error with the file and field, not a silent no-op.
"""
from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from smartlint.engine.view import GoalView

# attrgetter rather than lambdas: a C-level read, and every rule reads these on every goal.
FACTS: dict[str, Callable[["GoalView"], list]] = {
    "what": attrgetter("what"),  # a concrete outcome or deliverable
    "method": attrgetter("methods"),  # how: a method, channel or platform
    "owner": attrgetter("owners"),  # who answers for it (outside reason clauses)
    "scope": attrgetter("scopes"),  # where: a market, segment, region, product
    "platform": attrgetter("platforms"),
    "target": attrgetter("targets"),  # a number that is the target (amount, change, rate)
    "change": attrgetter("changes"),
    "baseline": attrgetter("baselines"),
    "rank": attrgetter("ranks"),
    "weak_number": attrgetter("weak_numbers"),  # baseline, rank or team size
    "deliverable": attrgetter("deliverable_verbs"),
    "comparative": attrgetter("comparatives"),
    "absolute": attrgetter("absolutes"),
    "deadline": attrgetter("deadlines"),  # a deadline, period, window or dated point
    "past_deadline": attrgetter("past_deadlines"),
    "vague_time": attrgetter("vague_times"),
    "start": attrgetter("starts"),
    "rate": attrgetter("rates"),
    "rationale": attrgetter("rationale"),
    "result": attrgetter("results"),  # a business or life result as the outcome
    "vague_term": attrgetter("vague_terms"),
}

VALUES: dict[str, Callable[["GoalView"], float | None]] = {
    "channel_count": lambda v: float(len(v.channels)),
    "growth_percent": lambda v: v.growth[0] if v.growth else None,
    "growth_factor": attrgetter("growth_factor"),
    "growth_per_month": attrgetter("growth_per_month"),
    "short_term_growth": attrgetter("short_term_growth"),  # growth when the deadline is <= 3 months out
    "months_to_deadline": attrgetter("months_to_deadline"),
    "years_to_deadline": attrgetter("years_to_deadline"),
    "days_to_deadline": attrgetter("days_to_deadline"),
}

FactName = Literal[tuple(FACTS)]  # type: ignore[valid-type]
ValueName = Literal[tuple(VALUES)]  # type: ignore[valid-type]
