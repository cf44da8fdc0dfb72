"""Facts -> Report: run the statement rules, grade the five letters, summarize the facts.

This is the hot path of every batch (>= 2,000 goals/s end to end). Findings and letter scores are
built as plain dicts and the Report is validated once: pydantic-core builds the nested models in
one call, which costs less than a constructor call per model (and is several times faster than the
Python-level model_construct); model instances passed in (Mentions as evidence) are not validated
again.
"""
from __future__ import annotations

import string
from collections.abc import Callable, Sequence
from itertools import compress
from operator import attrgetter, itemgetter
from typing import Any, NamedTuple

from smartlint.engine.kinds import DESCRIBED, StatementRule
from smartlint.engine.rubric import RUBRIC, Grade
from smartlint.engine.split import split_goals
from smartlint.engine.view import GoalView
from smartlint.engine.vocabulary import FACT_ATTRIBUTES
from smartlint.facts import Facts, Mention
from smartlint.report import DIMENSIONS, Report


class _Fields(dict):
    """Template fields; a field with no value reads as an empty string rather than failing."""

    def __missing__(self, key: str) -> str:
        return ""


class Template:
    """A message or suggestion template made ready once per rule: the fields it reads from the
    goal (see kinds.DESCRIBED), and its text when it reads no field at all (most rules' suggestions
    and many messages), which then costs nothing per finding."""

    __slots__ = ("template", "described", "constant")

    def __init__(self, template: str):
        self.template = template
        names = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
        self.described = tuple(sorted(names & DESCRIBED.keys()))
        self.constant = None if names else template.format_map(_Fields()).strip()

    def render(self, view: GoalView, hit_fields) -> str:
        if self.constant is not None:
            return self.constant
        if not self.described:
            return self.template.format_map(_Fields(hit_fields)).strip()
        fields = _Fields({name: DESCRIBED[name](view) for name in self.described})
        fields.update(hit_fields)
        return self.template.format_map(fields).strip()


# Facts the rubric reads only on some goals (a comparative only when there is no target, a
# result only when there is no reason...): a gate reads them only for the rules the other facts
# leave open, so that most goals never compute them.
DEFERRED_FACTS = frozenset({"comparative", "weak_number", "baseline", "result", "scope"})


class ReadyRule(NamedTuple):
    """What the judge reads of a rule on every goal it may fire on, looked up once."""

    id: str
    dimension: str
    level: str
    hits: Callable[[GoalView], list]
    message: Template
    suggestion: Template | None

    @classmethod
    def of(cls, rule: StatementRule) -> ReadyRule:
        return cls(rule.id, rule.dimension, rule.level, rule.hits, Template(rule.message),
                   Template(rule.suggestion) if rule.suggestion else None)


class RuleBook:
    """Statement rules made ready for every goal: each rule's gate (see StatementRule.gate), and
    one C-level read of every fact a gate names (but the deferred ones). The rules whose gates the
    read facts let through depend only on which of them a goal has, and goals share few such
    combinations: the rules for a combination are picked once, and most rules on most goals are
    never called."""

    def __init__(self, rules: Sequence[StatementRule]):
        self.rules = tuple(rules)
        # each rule's gate split once: the read facts it needs and excludes, and the deferred ones
        # as the view attributes to test (None when it names none)
        self._gates = [(ReadyRule.of(rule), *_split_gate(*rule.gate)) for rule in self.rules]
        # facts present -> the rules that may fire (with their hits), and those that may fire if
        # the deferred facts their gates still need and exclude allow; one entry per combination
        # of the read facts
        self._open: dict[frozenset[str], tuple[list[ReadyRule], list[tuple[ReadyRule, tuple, tuple]]]] = {}
        gated = {name for rule in self.rules for gate in rule.gate for name in gate}
        self._names = tuple(sorted(gated - DEFERRED_FACTS))
        attributes = [FACT_ATTRIBUTES[name] for name in self._names]
        if len(attributes) > 1:
            self._read = attrgetter(*attributes)
        else:  # attrgetter of one name gives the value, not a tuple
            self._read = lambda view: tuple(getattr(view, a) for a in attributes)

    @classmethod
    def of(cls, rules: Sequence[StatementRule] | RuleBook) -> RuleBook:
        return rules if isinstance(rules, RuleBook) else cls(rules)

    def open_for(self, view: GoalView) -> list[ReadyRule]:
        """The rules that may fire on this goal (in no set order: run_rules sorts the findings)."""
        present = frozenset(compress(self._names, self._read(view)))
        entry = self._open.get(present)
        if entry is None:
            entry = self._open[present] = self._pick(present)
        open_rules, deferred = entry
        if not deferred:
            return open_rules
        return open_rules + [rule for rule, needs, excludes in deferred
                             if all(getattr(view, a) for a in needs)
                             and not any(getattr(view, a) for a in excludes)]

    def _pick(self, present: frozenset[str]) -> tuple[list, list]:
        open_rules, deferred = [], []
        for rule, needs, excludes, deferred_gate in self._gates:
            if needs <= present and excludes.isdisjoint(present):
                if deferred_gate is None:
                    open_rules.append(rule)
                else:
                    deferred.append((rule, *deferred_gate))
        return open_rules, deferred


def _split_gate(needs: frozenset[str], excludes: frozenset[str]) -> tuple[frozenset, frozenset, tuple | None]:
    """(read facts needed, read facts excluded, (deferred attributes needed, deferred attributes
    excluded) or None)."""
    deferred = None
    if (needs | excludes) & DEFERRED_FACTS:
        deferred = (_attributes(needs & DEFERRED_FACTS), _attributes(excludes & DEFERRED_FACTS))
    return needs - DEFERRED_FACTS, excludes - DEFERRED_FACTS, deferred


def _attributes(names: frozenset[str]) -> tuple[str, ...]:
    return tuple(FACT_ATTRIBUTES[name] for name in sorted(names))


def run_rules(views: Sequence[GoalView], rules: Sequence[StatementRule] | RuleBook) -> list[dict[str, Any]]:
    """Findings (as Finding fields) of every rule over every goal part, without repeats, in text order."""
    findings, seen = [], set()
    open_for = RuleBook.of(rules).open_for
    # Part by part, then rule by rule: the first part a hit comes from gives its fields, and the
    # stable sort below keeps one rule's hits in that order, as rule by rule, part by part would.
    for view in views:
        for rule in open_for(view):
            for start, end, hit_fields in rule.hits(view):
                key = (rule.id, start, end)
                if key in seen:
                    continue
                seen.add(key)
                findings.append({
                    "rule": rule.id, "dimension": rule.dimension, "level": rule.level,
                    "message": rule.message.render(view, hit_fields), "start": start, "end": end,
                    "suggestion": rule.suggestion.render(view, hit_fields) if rule.suggestion else None,
                })
    findings.sort(key=_finding_order)
    return findings


def _finding_order(finding: dict[str, Any]) -> tuple[int, str]:
    return finding["start"], finding["rule"]


def _mention_summary(m: Mention) -> dict[str, Any]:
    summary: dict[str, Any] = {"text": m.text, "start": m.start, "end": m.end, "label": m.label, "value": m.value}
    if m.kind is not None:
        summary["kind"] = m.kind
    if m.role is not None:
        summary["role"] = m.role
    if m.unit is not None:
        summary["unit"] = m.unit
    if m.deadline is not None:
        summary["deadline"] = m.deadline.isoformat()
    return summary


def summarize(view: GoalView) -> dict[str, Any]:
    """The JSON-able facts of a Report."""
    deadline = view.deadline
    return {
        "targets": [_mention_summary(m) for m in view.targets],
        "deadline": None if deadline is None else {
            "text": deadline.text, "start": deadline.start, "end": deadline.end,
            "kind": deadline.kind or "point",
            "date": deadline.deadline.isoformat() if deadline.deadline and deadline.resolved else None,
        },
        "owners": [{"text": m.text, "value": m.value, "kind": m.kind, "start": m.start, "end": m.end}
                   for m in view.owners],
        "platforms": list(dict.fromkeys([str(m.value or m.text) for m in view.platforms])) if view.platforms else [],
        "rates": [_mention_summary(m) for m in view.rates],
        "rationale": view.rationale[0].text if view.rationale else None,
        "vague_terms": [m.text for m in view.vague_terms],
    }


def _total_points(grades: list[Grade]) -> int:
    return sum(map(itemgetter(0), grades))


def judge(facts: Facts, rules: Sequence[StatementRule] | RuleBook, id: str | None = None,
          whole: GoalView | None = None) -> Report:
    """Score one statement; with several goals in it, the weakest part gives the points. `whole`
    is the statement's GoalView when the caller keeps it (the coach reuses it)."""
    rules = RuleBook.of(rules)
    parts = split_goals(facts)
    whole = GoalView(facts) if whole is None else whole
    views = [whole] if len(parts) == 1 else [GoalView(facts, start, end) for start, end in parts]
    graded = [[RUBRIC[d](view) for d in DIMENSIONS] for view in views]
    weakest = graded[0] if len(graded) == 1 else min(graded, key=_total_points)
    findings = run_rules(views, rules)
    dimensions = {d: {"points": points, "evidence": evidence, "findings": [], "reason": reason}
                  for d, (points, evidence, reason) in zip(DIMENSIONS, weakest)}
    for finding in findings:  # each letter's rule ids once, in finding order
        ids = dimensions[finding["dimension"]]["findings"]
        if finding["rule"] not in ids:
            ids.append(finding["rule"])
    total = _total_points(weakest)
    return Report(
        id=id, text=facts.text, reference_date=facts.reference_date, kind="goal",
        score=total * 10, smart=total == 2 * len(DIMENSIONS),  # two points on every letter
        dimensions=dimensions, facts=summarize(whole), findings=findings,
        questions=[], suggestions=[], rewrite=None,
    )
