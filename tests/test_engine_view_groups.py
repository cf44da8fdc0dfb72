"""GoalView's facts computed together (deadline and growth chains) equal their one-by-one
definitions, whichever of them a caller reads first."""
from __future__ import annotations

import datetime as dt
import random

import pytest

from smartlint.engine.view import DAYS_PER_MONTH, GoalView, growth_percent
from smartlint.facts import Facts, Mention

TODAY = dt.date(2026, 1, 15)
DEADLINE_FACTS = ("deadlines", "deadline", "past_deadlines", "months_to_deadline", "years_to_deadline",
                  "days_to_deadline")
GROWTH_FACTS = ("growth", "growth_factor", "growth_per_month", "short_term_growth")


def _random_facts(rng: random.Random) -> Facts:
    words = [f"w{i}" for i in range(12)]
    text = " ".join(words)
    mentions = []
    for index, word in enumerate(words):
        start = text.index(word)
        roll = rng.random()
        if roll < 0.35:
            days = rng.randint(-200, 4000) if rng.random() < 0.5 else rng.randint(-30, 120)  # some within 3 months
            last_day = TODAY + dt.timedelta(days=days) if rng.random() < 0.9 else None
            mentions.append(Mention(text=word, start=start, end=start + len(word), label=rng.choice(("DATE", "DATE_RANGE")),
                                    kind=rng.choice(("deadline", "period", "window", "point", None)),
                                    deadline=last_day, resolved=rng.random() < 0.85))
        elif roll < 0.6:
            kind = rng.choice(("by", "from_to", "factor"))
            value = {"by": {"kind": "by", "percent": rng.choice((5.0, 50.0, 150.0, 900.0)),
                            "direction": rng.choice(("up", "down"))},
                     "from_to": {"kind": "from_to", "from": float(rng.randint(0, 50)), "to": float(rng.randint(0, 500))},
                     "factor": {"kind": "factor", "factor": rng.choice((0.5, 2.0, 10.0, 30.0))}}[kind]
            mentions.append(Mention(text=word, start=start, end=start + len(word), label="CHANGE", kind=kind, value=value))
    return Facts(text=text, reference_date=TODAY, mentions=mentions)


def _expected(view: GoalView) -> dict:
    """The facts as each was defined on its own (one property per fact)."""
    today = view.facts.reference_date
    deadlines = view.deadlines
    dated = [m for m in deadlines if m.deadline is not None and m.resolved]
    deadline = max(dated, key=lambda m: m.deadline) if dated else (deadlines[0] if deadlines else None)
    past = [m for m in deadlines if m.deadline is not None and m.resolved and m.deadline < today]
    months = None
    if deadline is not None and deadline.deadline is not None and deadline.resolved:
        months = (deadline.deadline - today).days / DAYS_PER_MONTH
    if past:
        days = float(min((m.deadline - today).days for m in past))
    else:
        days = None if months is None else (deadline.deadline - today).days
    found = [(g, m) for m in view.changes if (g := growth_percent(m)) is not None]
    growth = max(found, key=lambda pair: pair[0]) if found else None
    return {
        "deadline": deadline, "past_deadlines": past, "months_to_deadline": months,
        "years_to_deadline": None if months is None else months / 12, "days_to_deadline": days,
        "growth": growth, "growth_factor": None if growth is None else 1 + growth[0] / 100,
        "growth_per_month": None if growth is None or months is None or months <= 0 else growth[0] / max(months, 1.0),
        "short_term_growth": None if growth is None or months is None or months <= 0 or months > 3 else growth[0],
    }


@pytest.mark.parametrize("seed", range(40))
def test_facts_computed_together_equal_their_definitions(seed):
    rng = random.Random(seed)
    for _ in range(25):
        facts = _random_facts(rng)
        expected = _expected(GoalView(facts))
        for first in DEADLINE_FACTS + GROWTH_FACTS:
            view = GoalView(facts)
            getattr(view, first)  # read one first: the group fills the others
            for name, value in expected.items():
                assert getattr(view, name) == value, (seed, first, name)
