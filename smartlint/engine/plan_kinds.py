"""Rule kinds that judge a whole plan (several goals, their KPIs and milestones) rather than one
statement. Each is a subclass of smartlint.engine.rule_base.RuleBase with its own `kind` literal;
the rule loader accepts these kinds beside the statement kinds.

A plan rule reads ScoredPlans (each goal with its KPIs and milestones, every statement with its
Report) and yields PlanHits: the statement the finding is about and the named fields its message
template uses. Three kinds carry no logic of their own (`unused_suppression`, `invalid_plan`,
`min_score`): `smartlint check` raises their findings, and the rule file gives id, level and docs.
"""
from __future__ import annotations

import datetime as dt
import re
import string
import struct
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import Field, field_validator

from smartlint.dimensions import DIMENSIONS, Dimension
from smartlint.engine.rule_base import RuleBase

if TYPE_CHECKING:  # plans and reports load with `smartlint check`, not with `smartlint rules`
    from smartlint.report import Report
    from smartlint.sources.model import PlanDocument, PlanItem, Statement

PRONOUN_OWNERS = frozenset({"we", "i", "us", "our team", "my team", "the team", "our", "my"})


@dataclass(frozen=True)
class PlanOptions:
    """Settings from the configuration that override a rule file's parameter when given."""

    near_duplicate_threshold: float | None = None
    max_goals_per_owner: int | None = None


@dataclass
class ScoredPlan:
    document: PlanDocument
    reports: Mapping[Statement, Report]

    def report(self, item: PlanItem) -> Report | None:
        return self.reports.get(item.statement)


@dataclass(frozen=True)
class PlanHit:
    statement: Statement
    fields: dict[str, Any] = field(default_factory=dict)


def report_deadline(report: Report | None) -> dt.date | None:
    """The goal's deadline as the scorer resolved it, read defensively from report.facts."""
    if report is None:
        return None
    deadline = report.facts.get("deadline")
    if isinstance(deadline, Mapping):
        for key in ("date", "deadline", "end", "value"):
            value = deadline.get(key)
            if isinstance(value, Mapping):
                value = value.get("end")
            parsed = _as_date(value)
            if parsed is not None:
                return parsed
    return _as_date(deadline)


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def report_owners(report: Report | None) -> list[str]:
    """Named owners (people, roles, teams) the scorer found; pronouns name no one in particular."""
    if report is None:
        return []
    names = []
    for owner in report.facts.get("owners") or []:
        if isinstance(owner, Mapping):
            if owner.get("kind") == "pronoun":
                continue
            name = owner.get("value") or owner.get("text")
        else:
            name = owner
        if isinstance(name, str) and name.strip().lower() not in PRONOUN_OWNERS:
            names.append(name.strip())
    return names


class PlanRule(RuleBase):
    """A rule over whole plans. `template_fields` names what its message template may use."""

    template_fields: ClassVar[frozenset[str]] = frozenset()

    @field_validator("message", "suggestion")
    @classmethod
    def _known_fields(cls, template: str | None) -> str | None:
        if template is None:
            return None
        for _, name, _, _ in string.Formatter().parse(template):
            if name is not None and name not in cls.template_fields | {"text"}:
                known = ", ".join(sorted(cls.template_fields | {"text"}))
                raise ValueError(f"unknown template field {{{name}}} (known: {known})")
        return template

    def evaluate(self, plans: Sequence[ScoredPlan], options: PlanOptions) -> Iterator[PlanHit]:
        return iter(())

    def render(self, hit: PlanHit) -> str:
        return self.message.format(text=hit.statement.text, **hit.fields)


class KpiCount(PlanRule):
    """A goal has between `min` and `max` KPIs (only where the plan can say which are its KPIs)."""

    kind: Literal["kpi_count"]
    min: int = Field(default=2, ge=0)
    max: int = Field(default=4, ge=1)
    template_fields: ClassVar[frozenset[str]] = frozenset({"count", "min", "max"})

    def evaluate(self, plans, options):
        for plan in plans:
            if not plan.document.has_kpi_structure:
                continue
            for goal in plan.document.goals:
                count = len(goal.kpis)
                if not self.min <= count <= self.max:
                    yield PlanHit(goal.statement, {"count": count, "min": self.min, "max": self.max})


class KpiQuality(PlanRule):
    """Each KPI earns at least `points` on each of `dimensions` in its own Report."""

    kind: Literal["kpi_quality"]
    dimensions: list[Dimension] = Field(default_factory=lambda: ["S", "M", "T"], min_length=1)
    points: int = Field(default=2, ge=1, le=2)
    template_fields: ClassVar[frozenset[str]] = frozenset({"missing", "score"})

    def evaluate(self, plans, options):
        for plan in plans:
            for goal in plan.document.goals:
                for kpi in goal.kpis:
                    report = plan.report(kpi)
                    if report is None:
                        continue
                    short = [f"{d} {report.dimensions[d].points}/2" for d in DIMENSIONS
                             if d in self.dimensions and report.dimensions[d].points < self.points]
                    if short:
                        yield PlanHit(kpi.statement, {"missing": ", ".join(short), "score": report.score})


class KpiBalance(PlanRule):
    """Sorts KPIs into leading and lagging by keywords (or the plan's own `type:`); fires when a
    goal's KPIs are all lagging."""

    kind: Literal["kpi_balance"]
    leading: list[str] = Field(min_length=1)
    lagging: list[str] = Field(min_length=1)
    template_fields: ClassVar[frozenset[str]] = frozenset({"count"})

    @cached_property
    def _patterns(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        def compile_words(words: list[str]) -> re.Pattern[str]:
            alternatives = "|".join(re.escape(w.lower()).replace(r"\-", "[- ]?") for w in words)
            return re.compile(rf"\b(?:{alternatives})(?:e?s)?\b", re.IGNORECASE)

        return compile_words(self.leading), compile_words(self.lagging)

    def classify(self, kpi: PlanItem) -> Literal["leading", "lagging"] | None:
        if kpi.kpi_type is not None:
            return kpi.kpi_type
        leading, lagging = self._patterns
        if leading.search(kpi.statement.text):
            return "leading"
        if lagging.search(kpi.statement.text):
            return "lagging"
        return None

    def evaluate(self, plans, options):
        for plan in plans:
            for goal in plan.document.goals:
                if goal.kpis and all(self.classify(k) == "lagging" for k in goal.kpis):
                    yield PlanHit(goal.statement, {"count": len(goal.kpis)})


class MilestoneSequence(PlanRule):
    """Milestones: `dated` (each has a date), `ordered` (dates never go back), `before_deadline`
    (none after the goal's deadline). A date comes from the plan's `due:` or from the text."""

    kind: Literal["milestone_sequence"]
    check: Literal["dated", "ordered", "before_deadline"]
    template_fields: ClassVar[frozenset[str]] = frozenset({"date", "previous", "deadline"})

    def evaluate(self, plans, options):
        for plan in plans:
            for goal in plan.document.goals:
                goal_deadline = goal.due or report_deadline(plan.report(goal))
                previous: dt.date | None = None
                for milestone in goal.milestones:
                    date = milestone.due or report_deadline(plan.report(milestone))
                    fields = {"date": date, "previous": previous, "deadline": goal_deadline}
                    if date is None:
                        if self.check == "dated":
                            yield PlanHit(milestone.statement, fields)
                        continue
                    if self.check == "ordered" and previous is not None and date < previous:
                        yield PlanHit(milestone.statement, fields)
                    if self.check == "before_deadline" and goal_deadline is not None and date > goal_deadline:
                        yield PlanHit(milestone.statement, fields)
                    previous = date if previous is None else max(previous, date)


def _as_float32(value: float) -> float:
    return struct.unpack("f", struct.pack("f", value))[0]


class NearDuplicate(PlanRule):
    """Two goals of one plan whose words are nearly the same (rapidfuzz token-sort ratio)."""

    kind: Literal["near_duplicate"]
    threshold: float = Field(default=90, ge=0, le=100)
    template_fields: ClassVar[frozenset[str]] = frozenset({"other", "other_line", "similarity"})

    def evaluate(self, plans, options):
        from rapidfuzz import fuzz, process, utils  # only plans with goals to compare need it

        threshold = options.near_duplicate_threshold if options.near_duplicate_threshold is not None \
            else self.threshold
        for plan in plans:
            goals = plan.document.goals
            if len(goals) < 2:
                continue
            # extract_iter rather than cdist: cdist imports numpy, which would be most of the
            # time of a `check` whose statements all come from the cache
            texts = [utils.default_process(g.statement.text) for g in goals]
            for later in range(1, len(goals)):
                for _, similarity, earlier in process.extract_iter(texts[later], texts[:later],
                                                                   scorer=fuzz.token_sort_ratio,
                                                                   processor=None, score_cutoff=threshold):
                    similarity = _as_float32(similarity)  # what cdist's default float32 matrix held
                    if similarity >= threshold:
                        other = goals[earlier].statement
                        yield PlanHit(goals[later].statement, {"other": other.text, "other_line": other.line,
                                                               "similarity": round(similarity)})
                        break


class OwnerLoad(PlanRule):
    """One owner answers for more than `max` goals across everything checked. The owner is the
    plan's `owner:` field, else a named person, role or team in the goal's text."""

    kind: Literal["owner_load"]
    max: int = Field(default=5, ge=1)
    template_fields: ClassVar[frozenset[str]] = frozenset({"owner", "count", "max"})

    def evaluate(self, plans, options):
        limit = options.max_goals_per_owner if options.max_goals_per_owner is not None else self.max
        held: dict[str, list[Statement]] = {}
        names: dict[str, str] = {}
        for plan in plans:
            for goal in plan.document.goals:
                owners = [goal.owner] if goal.owner else report_owners(plan.report(goal))
                for owner in dict.fromkeys(o.casefold() for o in owners):
                    held.setdefault(owner, []).append(goal.statement)
                    names.setdefault(owner, next(o for o in owners if o.casefold() == owner))
        for owner, statements in held.items():
            if len(statements) > limit:
                yield PlanHit(statements[limit], {"owner": names[owner], "count": len(statements), "max": limit})


class _RaisedByCheck(PlanRule):
    """A rule whose findings `smartlint check` raises itself; it judges no dimension of SMART."""

    dimension: Dimension | None = None  # type: ignore[assignment]


class UnusedSuppression(_RaisedByCheck):
    kind: Literal["unused_suppression"]
    template_fields: ClassVar[frozenset[str]] = frozenset({"problem"})


class InvalidPlan(_RaisedByCheck):
    kind: Literal["invalid_plan"]
    template_fields: ClassVar[frozenset[str]] = frozenset({"problem"})


class MinScore(_RaisedByCheck):
    kind: Literal["min_score"]
    template_fields: ClassVar[frozenset[str]] = frozenset({"score", "min", "statement_kind"})


PLAN_KINDS: tuple[type[PlanRule], ...] = (
    KpiCount, KpiQuality, KpiBalance, MilestoneSequence, NearDuplicate, OwnerLoad,
    UnusedSuppression, InvalidPlan, MinScore,
)
