"""Milestones for the goal in the editor: dated checkpoints from its baseline to its target, edited
here and written, with the goal and its KPIs, into a new YAML plan file.

The checkpoints come from `smartlint.kpi.milestones`; the goal's owner, due date, numbers and KPI
sentences are worded as `smartlint plan new` words them, so the written file reads the same and
passes `smartlint check` the same way. An existing file is never overwritten.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Static

from smartlint.tui.plan_document import one_line

SLUG_WORDS = 5
# words that say nothing about which goal a file holds ("our-team-will-..." names every plan alike)
SLUG_SKIP = frozenset({"a", "an", "the", "our", "my", "we", "i", "will", "to", "by", "from", "of", "in", "on"})


@dataclass(frozen=True)
class MilestonePlan:
    """What the screen shows and writes: the goal's plan entry without its milestones, and the
    proposed milestones as (due date, sentence)."""

    goal: str
    entry: dict  # text, owner, due, baseline, target, unit, kpis: only the fields the goal states
    milestones: tuple[tuple[dt.date, str], ...]


def propose(linter, goal: str, today: dt.date) -> MilestonePlan:
    """Analyse `goal` and propose its plan entry and milestones (runs in a worker thread)."""
    from smartlint.commands.plan import OWNER_PLACEHOLDER, goal_view, kpi_sentence
    from smartlint.kpi.milestones import milestone_suggestions
    from smartlint.kpi.suggest import kpi_suggestions

    goal = one_line(goal)
    facts = linter.analyzer.analyze(goal, today)
    report = linter.judge(facts)
    view = goal_view(goal, facts, report)
    entry: dict = {"text": goal}
    known_owner = view.owner != OWNER_PLACEHOLDER
    if known_owner:
        entry["owner"] = view.owner
    for field in ("due", "baseline", "target", "unit"):
        if getattr(view, field) is not None:
            entry[field] = getattr(view, field)
    entry["kpis"] = [{"text": kpi_sentence(view, s.name, s.direction, s.target, s.period), "type": s.timing}
                     for s in kpi_suggestions(facts)]
    milestones = []
    for milestone in milestone_suggestions(facts, today):
        if known_owner:  # a sentence with an owner, as `plan new` writes it, passes `smartlint check`
            amount = milestone.text.split(" at ", 1)[1]
            text = f"{view.subject} will bring {milestone.metric.lower()} to {amount}"
        else:
            text = milestone.text
        milestones.append((milestone.due, text))
    return MilestonePlan(goal=goal, entry=entry, milestones=tuple(milestones))


def goal_slug(goal: str) -> str:
    words = [w for w in re.findall(r"[a-z0-9]+", goal.lower()) if w not in SLUG_SKIP][:SLUG_WORDS]
    return "-".join(words) or "goal"


def plan_yaml(plan: MilestonePlan, milestones: list[tuple[dt.date, str]]) -> str:
    """The YAML text of a one-goal plan with these milestones, checked against the plan schema."""
    import yaml

    from smartlint.commands.plan import plain_dumper
    from smartlint.sources.plan_schema import Plan

    entry = {**plan.entry, "milestones": [{"text": text, "due": due} for due, text in milestones]}
    document = {"goals": [entry]}
    Plan.model_validate(document)  # a bug here must show before a file exists, not in `smartlint check`
    return yaml.dump(document, Dumper=plain_dumper(), sort_keys=False, allow_unicode=True, width=100)


class MilestoneRowError(ValueError):
    """A milestone row the plan cannot hold; the message names the row."""


def read_rows(rows: list[tuple[str, str]]) -> list[tuple[dt.date, str]]:
    """(due, text) pairs as typed -> dated milestones in date order."""
    milestones = []
    for number, (due_text, text) in enumerate(rows, start=1):
        try:
            due = dt.date.fromisoformat(due_text.strip())
        except ValueError:
            raise MilestoneRowError(f"milestone {number}: {due_text.strip() or 'an empty date'!r} "
                                    "is not a date as YYYY-MM-DD") from None
        if not text.strip():
            raise MilestoneRowError(f"milestone {number} has no text")
        milestones.append((due, one_line(text)))
    return sorted(milestones, key=lambda pair: pair[0])


class MilestonesScreen(Screen):
    BINDINGS = [
        Binding("ctrl+s", "write_plan", "write plan"),
        Binding("escape", "back", "back"),
    ]

    def __init__(self, goal: str):
        super().__init__()
        self.goal = goal
        self.plan: MilestonePlan | None = None
        self.written: str | None = None  # the path of the plan written from this screen

    def compose(self) -> ComposeResult:
        with Vertical(id="milestones-column"):
            yield Label("Milestones", classes="panel-title")
            yield Static(one_line(self.goal), id="milestones-goal")
            yield VerticalScroll(id="milestone-rows")
            yield Label("Write the plan to", classes="panel-title")
            yield Input(f"{goal_slug(self.goal)}-plan.yaml", id="plan-path")
            yield Static("Working out the milestones…", id="milestones-status")
        yield Footer()

    def on_mount(self) -> None:
        self.propose_in_background()

    @work(thread=True, exclusive=True, group="milestones")
    def propose_in_background(self) -> None:
        try:
            with self.app.linter_lock:
                plan = propose(self.app.linter, self.goal, self.app.today)
        except Exception as error:  # noqa: BLE001 - a bug here must not close the coach and lose the goal
            self.app.call_from_thread(self.say, f"Could not work out milestones: {error}", "rejected")
            return
        self.app.call_from_thread(self._show, plan)

    async def _show(self, plan: MilestonePlan) -> None:
        await self.query_one("#milestone-rows", VerticalScroll).mount_all(
            Horizontal(
                Input(due.isoformat(), id=f"due-{index}", classes="milestone-due"),
                Input(text, id=f"text-{index}", classes="milestone-text"),
                classes="milestone-row",
            )
            for index, (due, text) in enumerate(plan.milestones)
        )
        self.plan = plan  # only now: the rows to read it back from exist
        if plan.milestones:
            self.say(f"{len(plan.milestones)} checkpoints on the way to the target: edit them, then ctrl+s.")
            self.query_one("#text-0", Input).focus()
        else:
            self.say("No milestones: the goal needs a baseline, a target and a deadline more than six weeks "
                     "out (\"from 40 to 60 leads a month by June 30\").", "rejected")

    def say(self, message: str, mood: str = "") -> None:
        status = self.query_one("#milestones-status", Static)
        status.update(message)
        status.set_classes(mood)

    def rows(self) -> list[tuple[str, str]]:
        count = len(self.plan.milestones) if self.plan else 0
        return [(self.query_one(f"#due-{i}", Input).value, self.query_one(f"#text-{i}", Input).value)
                for i in range(count)]

    def action_write_plan(self) -> None:
        if self.plan is None or not self.plan.milestones:
            self.say("Nothing to write: there are no milestones for this goal.", "rejected")
            return
        typed = self.query_one("#plan-path", Input).value.strip()
        if not typed:
            self.say("Type a file name for the plan first.", "rejected")
            return
        path = os.path.abspath(os.path.expanduser(typed))
        if os.path.exists(path):
            self.say(f"{typed} already exists: the plan is not written over it. Type another name.", "rejected")
            return
        try:
            text = plan_yaml(self.plan, read_rows(self.rows()))
        except MilestoneRowError as error:
            self.say(str(error), "rejected")
            return
        try:
            with open(path, "x", encoding="utf-8") as out:  # "x": fails if it was created meanwhile
                out.write(f"# Plan from smartlint tui ({self.app.today.isoformat()}).\n{text}")
        except FileExistsError:
            self.say(f"{typed} already exists: the plan is not written over it. Type another name.", "rejected")
            return
        except OSError as error:
            self.say(f"Cannot write {typed}: {error.strerror}", "rejected")
            return
        self.written = path
        self.say(f"Wrote {typed}. Check it with: smartlint check {typed}", "good")

    def action_back(self) -> None:
        self.dismiss(None)
