"""Which kind of statement a text is: a goal, a KPI or a milestone."""
from __future__ import annotations

import re
import string
from typing import Literal

from smartlint.facts import Facts
from smartlint.kpi.catalogue import load_catalogue, normalize_tokens
from smartlint.kpi.reading import NUMBER_LABELS, TIME_LABELS

StatementKind = Literal["goal", "kpi", "milestone"]

LABEL_PREFIX = re.compile(r"^[\s>*\-+\d.)\[\]x#]*(?:\*\*)?\s*(?P<label>kpis?|key performance indicator|metric|"
                          r"milestones?|checkpoint|goals?|objectives?|okrs?)\s*(?:\*\*)?\s*[:\-–]",
                          re.IGNORECASE)
# A text that opens with one of these letters has no label in front: LABEL_PREFIX can only match
# where a label word (kpi, metric, milestone, checkpoint, goal, objective, okr) or a leading "x"
# of a checkbox starts it, so most texts need no regex run.
_UNLABELLED_OPENINGS = frozenset(string.ascii_letters) - frozenset("kmcgoxKMCGOX")
PREFIX_KINDS: dict[str, StatementKind] = {
    "kpi": "kpi", "kpis": "kpi", "key performance indicator": "kpi", "metric": "kpi",
    "milestone": "milestone", "milestones": "milestone", "checkpoint": "milestone",
}
# one-off deliverables: done once, on a date, and then they are done
DELIVERABLE_VERBS = frozenset("""
    launch publish ship release complete finish open sign submit file deploy migrate roll introduce
    set deliver present hold go hire onboard install upgrade finalize finalise approve kick start
    announce unveil send run host close begin implement sign-off
""".split())


# words a KPI may open with before its metric ("Weekly website visits", "Average deal size")
MEASURE_OPENERS = frozenset("""
    weekly monthly daily quarterly annual yearly average median mean total net gross percentage
    percent share ratio rate number count
""".split())
MILESTONE_TIME_KINDS = ("deadline", "point")
_TARGET_LABELS = ("CHANGE", "FREQUENCY")  # a change or a rate is a target whatever its role


def _opens_with_metric(text: str) -> bool:
    """A KPI names its metric first; a goal opens with a verb or its owner."""
    words = normalize_tokens(LABEL_PREFIX.sub("", text)[:60])
    if not words:
        return False
    return words[0] in MEASURE_OPENERS or load_catalogue().knows_word(words[0])


def statement_kind(facts: Facts) -> StatementKind:
    """Cues, in order:
    - a label in front ("KPI:", "Milestone:", "Goal:") decides;
    - a KPI is a metric with a target and no doer: it opens with the metric (a catalogue word or
      "weekly", "average"...), has a number to reach, no action verb, no owner and no reason
      ("Weekly website visits, target 5,000 by June");
    - a milestone is a one-off deliverable with a date and nothing to count: a deliverable verb
      (launch, publish, ship...), a date it is due by (not a period such as "in Q2"), no numeric
      target, no rate, no owner and no reason
      ("Launch the referral programme by February 15");
    - everything else is a goal.
    """
    prefix = LABEL_PREFIX.match(facts.text) if facts.text[:1] not in _UNLABELLED_OPENINGS else None
    if prefix:
        return PREFIX_KINDS.get(prefix.group("label").lower(), "goal")
    # One pass over the goal's own mentions (not its rationale's): this runs for every goal.
    has_target = dated = False
    first_action = None
    for m in facts.mentions:
        label = m.label
        if label == "RATIONALE":
            return "goal"  # a reason: a goal
        if m.in_rationale:
            continue
        if label == "OWNER":
            return "goal"  # a doer: a goal
        if label in _TARGET_LABELS or (label in NUMBER_LABELS and m.role == "target"):
            has_target = True
        elif label == "ACTION":
            if first_action is None or m.start < first_action.start:
                first_action = m
        elif label in TIME_LABELS and not dated:
            dated = m.kind in MILESTONE_TIME_KINDS and bool(m.deadline)
    if has_target and first_action is None and _opens_with_metric(facts.text):
        return "kpi"
    if not has_target and first_action is not None and dated \
            and str(first_action.value).lower() in DELIVERABLE_VERBS:
        return "milestone"
    return "goal"
