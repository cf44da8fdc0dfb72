"""The library API: settings, the rule pack, and a Linter that turns goal text into Reports.

    linter = Linter(Settings(select=["T", "A003"]))
    report = linter.score("Increase sales by 10% by Q3 2026", date(2026, 1, 15))

Importing this module does not import spaCy; the NLP pipeline is built when a Linter is created.
"""
from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from smartlint.engine.judge import RuleBook
from smartlint.engine.judge import judge as judge_facts
from smartlint.engine.loader import RulePack, load_pack
from smartlint.engine.statement_kinds import expect_for_kind
from smartlint.engine.view import GoalView
from smartlint.facts import Facts
from smartlint.report import Report


class Settings(BaseModel):
    fiscal_year_start: int = Field(default=1, ge=1, le=12)
    rule_dirs: list[Path] = Field(default_factory=list)
    select: list[str] | None = None  # rule ids or prefixes ("T", "A003"); None = all
    ignore: list[str] = Field(default_factory=list)
    levels: dict[str, Literal["error", "warning", "info"]] = Field(default_factory=dict)


def _matches(rule_id: str, patterns: Iterable[str]) -> bool:
    return any(rule_id.startswith(p.strip().upper()) for p in patterns if p.strip())


def load_rules(settings: Settings | None = None) -> RulePack:
    """The packaged rules plus `settings.rule_dirs`, filtered by select/ignore, levels applied."""
    settings = settings or Settings()
    pack = load_pack(settings.rule_dirs)
    chosen = []
    for rule in pack:
        if settings.select is not None and not _matches(rule.id, settings.select):
            continue
        if _matches(rule.id, settings.ignore):
            continue
        level = settings.levels.get(rule.id)
        chosen.append(rule.model_copy(update={"level": level}) if level else rule)
    return RulePack(tuple(chosen))


class Linter:
    """Builds the NLP pipeline and the rule pack once; scores one goal or many."""

    def __init__(self, settings: Settings | None = None):
        from smartlint.nlp.pipeline import Analyzer  # lazy: spaCy loads here, not at import

        self.settings = settings or Settings()
        self.rules = load_rules(self.settings)
        self._statement_rules = RuleBook(self.rules.statement)
        self.analyzer = Analyzer(fiscal_year_start=self.settings.fiscal_year_start)

    def judge(self, facts: Facts, id: str | None = None, kind: str | None = None) -> Report:
        """Rules, scoring and the coach over Facts already extracted. `kind` ("goal", "kpi",
        "milestone") is what the statement is known to be, e.g. from a plan file's structure;
        without it, the text itself decides."""
        from smartlint.coach import coaching
        from smartlint.kpi.kinds import statement_kind

        view = GoalView(facts)  # judged and coached: the coach reuses what the rules worked out
        report = judge_facts(facts, self._statement_rules, id=id, whole=view)
        report = expect_for_kind(report, kind or statement_kind(facts))
        points = {letter: score.points for letter, score in report.dimensions.items()}
        report.questions, report.suggestions, report.rewrite = coaching(facts, points, view)
        return report

    def score(self, text: str, reference_date: dt.date, id: str | None = None,
              plan: bool = False) -> Report:
        """One statement; with `plan`, a goal also gets KPI and milestone suggestions."""
        facts = self.analyzer.analyze(text, reference_date)
        report = self.judge(facts, id=id)
        if plan and report.kind == "goal":
            from smartlint.kpi.milestones import milestone_suggestions
            from smartlint.kpi.suggest import kpi_suggestions

            report.kpis = [kpi.model_dump(mode="json") for kpi in kpi_suggestions(facts)]
            report.milestones = [step.model_dump(mode="json")
                                 for step in milestone_suggestions(facts, reference_date)]
        return report

    def score_many(self, items: Iterable[tuple], kinds: Iterable[str] | None = None) -> Iterator[Report]:
        """Score (id, text, reference_date) triples in order, batched through the NLP pipeline.
        What each statement is (see judge) comes from `kinds`, or from a fourth item element."""
        pending: deque[tuple[str | None, str | None]] = deque()  # filled as nlp.pipe reads ahead
        known_kinds = iter(kinds) if kinds is not None else None

        def texts():
            for item in items:
                kind = next(known_kinds) if known_kinds is not None else (item[3] if len(item) > 3 else None)
                pending.append((item[0], kind))
                yield item[1], item[2]

        for facts in self.analyzer.analyze_many(texts()):
            item_id, kind = pending.popleft()
            yield self.judge(facts, id=item_id, kind=kind)
