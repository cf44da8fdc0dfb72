"""What each kind of statement is expected to meet (rubric: "Beyond single statements").

A goal is judged on all five letters. A KPI is a measure of a goal: it needs a metric, a target
and a period (S, M, T) and takes its owner and its purpose from the goal it tracks. A milestone is
a step towards a goal: it needs a deliverable and a date; the deliverable is its measure, and it
too takes owner and purpose from its goal.
"""
from __future__ import annotations

from smartlint.report import DimensionScore, Report

# letter -> why it is not asked of this kind of statement
INHERITED: dict[str, dict[str, str]] = {
    "goal": {},
    "kpi": {
        "A": "not asked of a KPI: it answers to the owner of its goal",
        "R": "not asked of a KPI: its goal gives the reason",
    },
    "milestone": {
        "A": "not asked of a milestone: it answers to the owner of its goal",
        "R": "not asked of a milestone: its goal gives the reason",
    },
}
# rules that ask for what the kind takes from its goal
RELAXED_RULES = {"A001", "R001", "R002"}
# a concrete metric or deliverable is all the S a KPI or milestone needs: the how is its goal's
SPECIFIC_ENOUGH_RULES = {"S003"}
MILESTONE_MEASURE_RULES = {"M001", "M002", "M003"}
CONCRETE = {"kpi": "a concrete metric: how and by whom come from its goal",
            "milestone": "a concrete deliverable: how and by whom come from its goal"}


def expect_for_kind(report: Report, kind: str) -> Report:
    """The report re-scored for the expectations of `kind` ("goal" leaves it as it is)."""
    if kind == "goal":
        return report if report.kind == "goal" else report.model_copy(update={"kind": "goal"})
    inherited = INHERITED[kind]
    dropped = set(RELAXED_RULES)
    dimensions = dict(report.dimensions)
    for letter, why in inherited.items():
        score = dimensions[letter]
        # a realism red flag (an absolute, a past deadline) still counts against a KPI or milestone
        red_flags = [rule for rule in score.findings if rule not in RELAXED_RULES]
        if letter == "A" and red_flags:
            continue
        dimensions[letter] = DimensionScore(points=2, evidence=[], findings=[], reason=why)
    specific = dimensions["S"]
    if specific.points == 1:
        dimensions["S"] = DimensionScore(points=2, evidence=specific.evidence, findings=[],
                                         reason=CONCRETE[kind])
        dropped |= SPECIFIC_ENOUGH_RULES
    if kind == "milestone" and dimensions["S"].points == 2 and dimensions["M"].points < 2:
        dimensions["M"] = DimensionScore(
            points=2, evidence=dimensions["S"].evidence, findings=[],
            reason="a verifiable deliverable: what a milestone measures")
        dropped |= MILESTONE_MEASURE_RULES
    findings = [f for f in report.findings if f.rule not in dropped]
    for letter, score in dimensions.items():
        kept = [rule for rule in score.findings if rule not in dropped]
        if kept != score.findings:
            dimensions[letter] = score.model_copy(update={"findings": kept})
    total = sum(score.points for score in dimensions.values())
    return report.model_copy(update={
        "kind": kind, "dimensions": dimensions, "findings": findings, "score": total * 10,
        "smart": all(score.points == 2 for score in dimensions.values()),
    })
