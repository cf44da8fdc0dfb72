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

# fact name -> the GoalView attribute that holds it
FACT_ATTRIBUTES: dict[str, str] = {
    "what": "what",  # a concrete outcome or deliverable
    "method": "methods",  # how: a method, channel or platform
    "owner": "owners",  # who answers for it (outside reason clauses)
    "scope": "scopes",  # where: a market, segment, region, product
    "platform": "platforms",
    "target": "targets",  # a number that is the target (amount, change, rate)
    "change": "changes",
    "baseline": "baselines",
    "rank": "ranks",
    "weak_number": "weak_numbers",  # baseline, rank or team size
    "deliverable": "deliverable_verbs",
    "comparative": "comparatives",
    "absolute": "absolutes",
    "deadline": "deadlines",  # a deadline, period, window or dated point
    "past_deadline": "past_deadlines",
    "vague_time": "vague_times",
    "start": "starts",
    "rate": "rates",
    "rationale": "rationale",
    "result": "results",  # a business or life result as the outcome
    "vague_term": "vague_terms",
}

# attrgetter rather than lambdas: a C-level read, and every rule reads these on every goal.
FACTS: dict[str, Callable[["GoalView"], list]] = {name: attrgetter(attribute)
                                                  for name, attribute in FACT_ATTRIBUTES.items()}

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

# Facts without which a value is None: a rule on the value cannot fire on a goal that lacks them.
VALUE_NEEDS: dict[str, tuple[str, ...]] = {
    "channel_count": (),
    "growth_percent": ("change",),
    "growth_factor": ("change",),
    "growth_per_month": ("change", "deadline"),
    "short_term_growth": ("change", "deadline"),
    "months_to_deadline": ("deadline",),
    "years_to_deadline": ("deadline",),
    "days_to_deadline": ("deadline",),
}

FactName = Literal[tuple(FACTS)]  # type: ignore[valid-type]
ValueName = Literal[tuple(VALUES)]  # type: ignore[valid-type]
