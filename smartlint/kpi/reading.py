"""What a goal's Facts say about its metric, its target and its time frame, in the words of the goal.

Numbers and dates inside a rationale clause are not the goal's (rubric), so every reader here skips
them. Phrases are quoted from the goal's own text so suggestions read in the user's words.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from smartlint.facts import Facts, Mention

NUMBER_LABELS = ("QUANTITY", "PERCENT", "MONEY")
TIME_LABELS = ("DATE", "DATE_RANGE", "DURATION")
BOUNDING_KINDS = ("deadline", "period", "window")
# labels that end the words naming a metric ("grow inbound leads | from 40 to 60 | by June")
METRIC_STOPS = (*NUMBER_LABELS, "CHANGE", "FREQUENCY", *TIME_LABELS, "VAGUE_TIME", "START_TIME",
                "PLATFORM", "OWNER", "RATIONALE")
COMPARATOR = re.compile(r"(?:\b(?:at least|at most|less than|more than|no more than|below|under|above|over|"
                        r"to|within|down to|up to)\s+)$", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r"[;:.!?]|\b(?:through|by (?:introducing|moving|switching|doing|walking|"
                          r"putting|automating|rerouting|consolidating)|so that|because|in order)\b",
                          re.IGNORECASE)
WORD = re.compile(r"[A-Za-z]{3,}")
ISO_PART = re.compile(r"(\d+(?:\.\d+)?)([YMWDH])")
ISO_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour"}
ISO_PERIODS = {"P1D": "a day", "P1W": "a week", "P1M": "a month", "P3M": "a quarter", "P1Y": "a year"}


@dataclass(frozen=True)
class GoalTarget:
    """The number the goal aims at. `baseline` and `value` are set when the goal states them."""

    text: str  # "from 40 to 60", "by 25%", "below 3%", "300"
    value: float | None = None
    baseline: float | None = None
    label: str = "QUANTITY"  # QUANTITY | PERCENT | MONEY | CHANGE | FREQUENCY
    unit: str | None = None  # the counted noun, "%" or an ISO currency code
    per: str | None = None  # "a month" when the target is a rate


@dataclass(frozen=True)
class GoalTime:
    text: str  # "by June 30, 2026", "in H1 2026"
    due: dt.date | None


def own_mentions(facts: Facts, *labels: str) -> list[Mention]:
    """Mentions of the goal itself (not of its rationale), in text order."""
    return sorted((m for m in facts.of(*labels) if m.label == "RATIONALE" or not m.in_rationale),
                  key=lambda m: m.start)


def main_text(facts: Facts) -> str:
    """The goal's text with its rationale clauses blanked out (offsets stay valid)."""
    text = facts.text
    for clause in facts.of("RATIONALE"):
        text = text[:clause.start] + " " * (clause.end - clause.start) + text[clause.end:]
    return text


def goal_time(facts: Facts) -> GoalTime | None:
    """The goal's deadline or bounded period: the latest-ending one when there are several."""
    bounded = [m for m in own_mentions(facts, *TIME_LABELS) if m.kind in BOUNDING_KINDS and m.deadline]
    if not bounded:
        return None
    chosen = max(bounded, key=lambda m: m.deadline)
    return GoalTime(text=chosen.text, due=chosen.deadline)


def goal_rate(facts: Facts, near: Mention | None = None) -> str | None:
    """"a month" when the goal is a rate ("60 leads a month", "twice a week"); with `near`, only a
    rate that holds that mention or follows it closely ("from 200 to 2,500 units a month")."""
    for mention in own_mentions(facts, "FREQUENCY"):
        if near is not None and not (mention.start <= near.start < mention.end
                                     or 0 <= mention.start - near.end <= 12):
            continue
        per = mention.value.get("per") if isinstance(mention.value, dict) else None
        if per:
            return ISO_PERIODS.get(per) or _every(per)
    return None


def _every(iso: str) -> str:
    """"every 2 hours" for PT2H; minutes are the "M" after the T."""
    date_part, _, time_part = iso.removeprefix("P").partition("T")
    words = []
    for part, minutes in ((date_part, False), (time_part, True)):
        for number, unit in ISO_PART.findall(part):
            name = "minute" if minutes and unit == "M" else ISO_UNITS[unit]
            words.append(f"{number} {name}{'' if number == '1' else 's'}")
    return "every " + " ".join(words) if words else f"every {iso}"


def _with_comparator(facts: Facts, mention: Mention) -> str:
    before = COMPARATOR.search(facts.text[max(0, mention.start - 14):mention.start])
    return (before.group(0) if before else "") + mention.text


def _number(mention: Mention) -> float | None:
    if isinstance(mention.value, (int, float)):
        return float(mention.value)
    if isinstance(mention.value, dict) and isinstance(mention.value.get("amount"), (int, float)):
        return float(mention.value["amount"])
    return None


def _unit(mention: Mention) -> str | None:
    if mention.label == "PERCENT":
        return "%"
    if mention.label == "MONEY" and isinstance(mention.value, dict):
        return mention.value.get("currency")
    return mention.unit


def goal_target(facts: Facts) -> GoalTarget | None:
    """The goal's target: a change ("from 40 to 60", "by 25%"), else a target number, else a rate."""
    numbers = own_mentions(facts, *NUMBER_LABELS)
    targets = [m for m in numbers if m.role == "target"]
    baselines = [m for m in numbers if m.role == "baseline"]
    for change in own_mentions(facts, "CHANGE"):
        value = change.value if isinstance(change.value, dict) else {}
        inside = [m for m in targets if change.start <= m.start and m.end <= change.end]
        unit = _unit(inside[0]) if inside else None
        per = goal_rate(facts, near=inside[-1] if inside else change)
        if value.get("kind") == "from_to":
            return GoalTarget(text=change.text, value=value.get("to"), baseline=value.get("from"),
                              label="CHANGE", unit=unit, per=per)
        return GoalTarget(text=change.text, label="CHANGE", unit=unit, per=per)
    if targets:
        target = targets[0]
        baseline = next((_number(b) for b in baselines if b.end <= target.start), None)
        per = goal_rate(facts, near=target)
        words = _with_comparator(facts, target)
        if not any(c.isdigit() for c in words) and _number(target) not in (None, 0.0):
            words = words.removesuffix(target.text) + f"{_number(target):,g}"  # "a dozen" -> "12"
        return GoalTarget(text=words, value=_number(target), baseline=baseline,
                          label=target.label, unit=_unit(target), per=per)
    rates = own_mentions(facts, "FREQUENCY")
    if rates and isinstance(rates[0].value, dict) and isinstance(rates[0].value.get("count"), (int, float)):
        count = float(rates[0].value["count"])
        per = goal_rate(facts, near=rates[0])
        return GoalTarget(text=f"{count:,g} {per}" if per else rates[0].text, value=count, label="FREQUENCY",
                          per=per)
    return None


def metric_phrases(facts: Facts) -> tuple[list[str], str]:
    """Stretches of the goal that may name its metric: first the telling ones (the counted noun of
    the target, the words between the action verb and what follows it), then the goal's whole text
    (which also covers a KPI written as "Weekly website visits, target 5,000")."""
    text = main_text(facts)
    mentions = own_mentions(facts, *METRIC_STOPS, "ACTION")
    phrases: list[str] = []
    numbers = own_mentions(facts, *NUMBER_LABELS, "CHANGE", "FREQUENCY")
    for number in numbers:
        if number.unit and number.role == "target":
            phrases.append(number.unit)
        elif number.label == "FREQUENCY":
            phrases.append(number.text)
    first_target = numbers[0].start if numbers else len(text)
    actions = [m for m in mentions if m.label == "ACTION" and m.start < first_target] or \
        [m for m in mentions if m.label == "ACTION"]
    if actions:
        action = actions[-1]
        # the first stop with words before it: "cut 30-day readmissions from ..." reads past "30-day"
        stop = next((m.start for m in mentions if m.start >= action.end and m.label != "ACTION"
                     and WORD.search(text, action.end, m.start)), len(text))
        window = text[action.end:stop]
        cut = CLAUSE_BREAK.search(window)
        phrases.append(window[:cut.start()] if cut else window)
    return [p.strip(" ,") for p in phrases if p.strip(" ,")], text.strip()
