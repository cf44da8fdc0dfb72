"""A plan file's goals with their scores, worst first; Enter opens one in the goal editor."""
from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label, Static
from textual.worker import get_current_worker

from smartlint.tui.plan_document import PlanFile
from smartlint.tui.screens.editor import GoalEditorScreen
from smartlint.tui.session import score_goal
from smartlint.tui.widgets.palette import LETTERS

GOAL_COLUMN_WIDTH = 52


class PlanScreen(Screen):
    BINDINGS = [Binding("enter", "open_goal", "open goal", show=True)]

    def __init__(self):
        super().__init__()
        self.scores: dict[int, tuple[int | None, dict[str, int]]] = {}

    def compose(self) -> ComposeResult:
        yield Label(f"Goals in {self.app.plan.path}, worst first", id="plan-title", classes="panel-title")
        table = DataTable(id="plan-goals", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static("", id="plan-status")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("score", *LETTERS, "line", "goal")
        self._fill()
        table.focus()
        self.rescore()

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.rescore()

    def linter_ready(self) -> None:
        self.rescore()

    def rescore(self) -> None:
        plan = self.app.plan
        status = self.query_one("#plan-status", Static)
        if not plan.goals:
            status.update("No goals found in this file.")
            return
        if self.app.linter is None:
            status.update("Loading the language pipeline…")
            return
        status.update("Scoring…")
        self.score_in_background(plan)

    @work(thread=True, exclusive=True, group="plan")
    def score_in_background(self, plan: PlanFile) -> None:
        scores = {}
        for slot in plan.goals:
            with self.app.linter_lock:
                if get_current_worker().is_cancelled:
                    return
                report = score_goal(self.app.linter, slot.text, self.app.today).report
            points = {letter: report.dimensions[letter].points for letter in LETTERS} if report else {}
            scores[slot.index] = (report.score if report else None, points)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, plan, scores)

    def _show(self, plan: PlanFile, scores: dict) -> None:
        if plan is not self.app.plan:
            return
        self.scores = scores
        self._fill()
        count = len(plan.goals)
        self.query_one("#plan-status", Static).update(f"{count} goal{'s' * (count != 1)}; Enter opens one.")

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        worst_first = sorted(self.app.plan.goals,
                             key=lambda slot: (self.scores.get(slot.index, (101, {}))[0] or 0, slot.line))
        for slot in worst_first:
            score, points = self.scores.get(slot.index, (None, {}))
            text = slot.text if len(slot.text) <= GOAL_COLUMN_WIDTH else slot.text[: GOAL_COLUMN_WIDTH - 1] + "…"
            table.add_row("…" if score is None else str(score), *(str(points.get(letter, "·")) for letter in LETTERS),
                          str(slot.line), text, key=str(slot.index))

    def action_open_goal(self) -> None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        self._open(int(key.value))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._open(int(event.row_key.value))

    def _open(self, index: int) -> None:
        self.app.push_screen(GoalEditorScreen(self.app.plan.goals[index].text, slot_index=index))
