"""`smartlint plan new "GOAL" [-o FILE] [--today]`: a YAML plan scaffold for one goal.

The scaffold holds the goal (rewritten with <placeholders> where it is not yet SMART), its owner,
due date, baseline and target, two or three KPIs from the catalogue (leading and lagging) and
milestones (interim targets when the goal states a baseline, a target and a far enough deadline).
Every KPI and milestone is written as a full sentence with an owner, a number and a date, so that
once the placeholders are filled the plan passes `smartlint check`. An existing file is never
overwritten.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from dataclasses import dataclass

from smartlint.errors import SmartlintError
from smartlint.inputs import check_statement, parse_today

OWNER_PLACEHOLDER = "<owner>"
DATE_PLACEHOLDER = "<YYYY-MM-DD>"
PRONOUN_OWNERS = frozenset({"we", "i", "us", "our team", "my team", "the team", "our goal", "my goal"})
TARGET_LEADS = frozenset({"from", "to", "by", "below", "under", "above", "over", "within", "at"})


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("new",), help="new: write a plan scaffold for GOAL")
    parser.add_argument("goal", nargs="+", metavar="GOAL", help="the goal statement (several words form one goal)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the plan here (never overwrites); default: stdout")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="reference date for relative times (default: today)")


def run(args: argparse.Namespace) -> int:
    today = parse_today(args.today)
    goal = check_statement(" ".join(args.goal))
    if args.output and os.path.exists(args.output):
        raise SmartlintError(f"{args.output} already exists; smartlint plan new never overwrites a file "
                             "(choose another name with -o)")
    text = scaffold(goal, today)
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        with open(args.output, "x", encoding="utf-8") as out:  # "x": fails if created meanwhile
            out.write(text)
    except FileExistsError:
        raise SmartlintError(f"{args.output} already exists; smartlint plan new never overwrites a file") from None
    except OSError as error:
        raise SmartlintError(f"cannot write {args.output}: {error.strerror}") from None
    print(f"wrote {args.output}: fill every placeholder in angle brackets, then run: smartlint check {args.output}",
          file=sys.stderr)
    return 0


def plain_dumper():
    import yaml

    class PlainDumper(yaml.SafeDumper):
        """Writes a repeated date twice instead of as a YAML anchor and alias."""

        def ignore_aliases(self, data) -> bool:
            return True

    return PlainDumper


@dataclass(frozen=True)
class _GoalView:
    text: str
    owner: str
    subject: str  # the owner as the goal words it ("Our marketing team")
    due: dt.date | None
    baseline: float | None
    target: float | None
    unit: str | None
    metric_words: str  # how the goal names what it measures, for the KPI and milestone sentences


def scaffold(goal: str, today: dt.date) -> str:
    """The YAML text of a plan for `goal`."""
    import yaml

    from smartlint.api import Linter
    from smartlint.kpi.milestones import milestone_suggestions
    from smartlint.kpi.suggest import kpi_suggestions

    linter = Linter()
    facts = linter.analyzer.analyze(goal, today)
    report = linter.judge(facts)
    view = goal_view(goal, facts, report)
    kpis = [{"text": kpi_sentence(view, s.name, s.direction, s.target, s.period), "type": s.timing}
            for s in kpi_suggestions(facts)]
    milestones = [{"text": f"{view.subject} will bring {m.metric.lower()} to {m.text.split(' at ', 1)[1]}",
                   "due": m.due} for m in milestone_suggestions(facts, today)]
    if not milestones:
        milestones = [{"text": f"{view.subject} will <deliver the first step> by <date>", "due": DATE_PLACEHOLDER},
                      {"text": f"{view.subject} will <deliver the next step> by <date>", "due": DATE_PLACEHOLDER}]
    entry = {
        "text": view.text,
        "owner": view.owner,
        "due": view.due or DATE_PLACEHOLDER,
        "baseline": view.baseline if view.baseline is not None else "<baseline>",
        "target": view.target if view.target is not None else "<target>",
        "unit": view.unit or "<unit>",
        "kpis": kpis,
        "milestones": milestones,
    }
    header = (f"# Plan scaffold from smartlint plan new ({today.isoformat()}).\n"
              "# Fill every placeholder in angle brackets, then run: smartlint check THIS_FILE\n"
              "# KPIs: leading ones move first and warn early; lagging ones report the result.\n")
    body = yaml.dump({"goals": [entry]}, Dumper=plain_dumper(), sort_keys=False, allow_unicode=True, width=100)
    return header + body


def goal_view(goal: str, facts, report) -> _GoalView:
    from smartlint.kpi.reading import goal_target, goal_time, metric_phrases
    from smartlint.kpi.suggest import goal_metric

    owners = [m for m in facts.of("OWNER") if not m.in_rationale and isinstance(m.value, str)
              and m.value.strip().lower() not in PRONOUN_OWNERS and m.kind != "pronoun"]
    owner = owners[0].value if owners else OWNER_PLACEHOLDER
    subject = owners[0].text[:1].upper() + owners[0].text[1:] if owners else OWNER_PLACEHOLDER
    text = goal.strip() if report.smart or not report.rewrite else report.rewrite
    if owner != OWNER_PLACEHOLDER:
        text = text.replace(OWNER_PLACEHOLDER, owner)
    target = goal_target(facts)
    time = goal_time(facts)
    match = goal_metric(facts)
    telling, _ = metric_phrases(facts)
    metric_words = match.phrase if match and len(match.phrase) <= 40 else (telling[0] if telling else "the goal")
    unit = target.unit if target else None
    if unit is None and match is not None:
        unit = match.kpi.unit
    absolute = target is not None and (target.label != "CHANGE" or target.baseline is not None)
    return _GoalView(text=text, owner=owner, subject=subject, due=time.due if time else None,
                     baseline=_plain_number(target.baseline) if target else None,
                     target=_plain_number(target.value) if absolute else None,
                     unit=unit, metric_words=metric_words)


def _plain_number(value: float | None) -> float | int | None:
    """40.0 -> 40, so the YAML reads as the user wrote it."""
    return int(value) if value is not None and float(value).is_integer() else value


def kpi_sentence(view: _GoalView, name: str, direction: str, target: str, period: str) -> str:
    """A KPI as a sentence with an owner, a number and a date, tied to the goal by its reason."""
    verb = "cut" if direction == "down" else "raise"
    lead = target.split(" ", 1)[0].lower()
    amount = target if lead in TARGET_LEADS else f"to {target}"
    if period.startswith("<"):
        period = "by <date>"
    return f"{view.subject} will {verb} {name[0].lower() + name[1:]} {amount} {period}, " \
           f"so that progress on {view.metric_words} shows early"
