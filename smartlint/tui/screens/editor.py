"""The goal editor: type a goal, watch the SMART meters follow, answer the coach, accept suggestions.

Scoring and folding run in worker threads (`exclusive`, so only the newest result counts); the
screen only shows results whose text is still the text in the editor.
"""
from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Label, TextArea
from textual.worker import get_current_worker

from smartlint.coach import AnswerRejected
from smartlint.tui.plan_document import PlanFileError, one_line
from smartlint.tui.screens.dialogs import ConfirmDialog, ErrorDialog
from smartlint.tui.session import MAX_LIVE_CHARS, GoalHistory, Scoring, fold, score_goal
from smartlint.tui.widgets.coach_panel import CoachPanel
from smartlint.tui.widgets.evidence import EvidenceView
from smartlint.tui.widgets.findings import FindingsPanel
from smartlint.tui.widgets.meters import SmartMeters

DEBOUNCE_SECONDS = 0.3
PLAN_ONLY_ACTIONS = ("save", "back")


class GoalEditorScreen(Screen):
    BINDINGS = [
        Binding("ctrl+z", "undo_version", "undo", priority=True),
        Binding("ctrl+y", "redo_version", "redo", priority=True),
        Binding("ctrl+r", "accept_suggestion", "accept"),
        Binding("ctrl+l", "milestones", "milestones"),
        Binding("ctrl+s", "save", "save"),
        Binding("escape", "back", "back"),
    ]

    def __init__(self, goal: str = "", slot_index: int | None = None):
        super().__init__()
        self.initial_goal = goal
        self.slot_index = slot_index  # the goal's index in app.plan, when editing a plan goal
        self.saved_text = one_line(goal)
        self.history = GoalHistory()
        self.scoring: Scoring | None = None
        self._debounce = None

    # -- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        blink = self.app.cursor_blink
        with Horizontal(id="workspace"):
            with Vertical(id="goal-column"):
                yield Label(self._title(), id="goal-title", classes="panel-title")
                area = TextArea(self.initial_goal, id="goal", soft_wrap=True, tab_behavior="focus")
                area.cursor_blink = blink
                yield area
                yield SmartMeters(id="meters")
                yield EvidenceView(id="evidence")
                yield Label("Findings", classes="panel-title")
                yield FindingsPanel(self._rules(), id="findings")
            yield CoachPanel(cursor_blink=blink, id="coach")
        yield Footer()

    def _title(self) -> str:
        if self.slot_index is None:
            return "Goal"
        return f"Goal {self.slot_index + 1} of {self.app.plan.path}"

    def _rules(self):
        return self.app.linter.rules if self.app.linter is not None else None

    def on_mount(self) -> None:
        area = self.goal_area
        area.focus()
        area.move_cursor(area.document.end)
        self.query_one(EvidenceView).show(None)
        self.query_one(SmartMeters).show(None, pending=bool(self.initial_goal.strip()))
        self.score_now()

    @property
    def goal_area(self) -> TextArea:
        return self.query_one("#goal", TextArea)

    @property
    def goal_text(self) -> str:
        return self.goal_area.text

    @property
    def coach_panel(self) -> CoachPanel:
        return self.query_one(CoachPanel)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in PLAN_ONLY_ACTIONS:
            return self.slot_index is not None
        return True

    # -- scoring ------------------------------------------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.app.final_goal = event.text_area.text
        self.query_one(SmartMeters).show(self.scoring, pending=True)
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE_SECONDS, self.score_now)

    def linter_ready(self) -> None:
        self.query_one(FindingsPanel).rules = self._rules()
        self.coach_panel.say("")
        self.score_now()

    @property
    def settled(self) -> bool:
        """No keystroke waits for its debounce, and the score shown is the one of the text held."""
        return self._debounce is None and self.scoring is not None and self.scoring.text == self.goal_text

    def score_now(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
        self.app.final_goal = self.goal_text
        if self.app.linter is None:
            self.coach_panel.say("Loading the language pipeline…")
            return
        self.score_in_background(self.goal_text)

    @work(thread=True, exclusive=True, group="score")
    def score_in_background(self, text: str) -> None:
        try:
            with self.app.linter_lock:
                if get_current_worker().is_cancelled:
                    return
                scoring = score_goal(self.app.linter, text, self.app.today)
        except Exception as error:  # noqa: BLE001 - a scoring bug must not cost the user the goal they typed
            self.app.call_from_thread(self.coach_panel.say, f"Could not score this text: {error}", "rejected")
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, scoring)

    def _show(self, scoring: Scoring) -> None:
        if scoring.text != self.goal_text:
            return  # the user typed on: a newer scoring is on its way
        self.scoring = scoring
        self.history.record(scoring.text)
        self.query_one(SmartMeters).show(scoring)
        self.query_one(EvidenceView).show(scoring)
        self.query_one(FindingsPanel).show(scoring.report.findings if scoring.report else [])
        self.coach_panel.show(scoring)

    # -- changing the goal --------------------------------------------------------------------

    def _load(self, text: str) -> None:
        area = self.goal_area
        area.load_text(text)
        area.move_cursor(area.document.end)
        self.score_now()

    def set_goal(self, text: str) -> None:
        """Replace the goal with a new version (undo brings the old one back)."""
        self.history.record(self.goal_text)
        self.history.record(text)
        self._load(text)

    def action_undo_version(self) -> None:
        self.history.record(self.goal_text)
        previous = self.history.undo()
        if previous is None:
            self.notify("No earlier version.", severity="warning", timeout=2)
        else:
            self._load(previous)

    def action_redo_version(self) -> None:
        following = self.history.redo()
        if following is None:
            self.notify("No later version.", severity="warning", timeout=2)
        else:
            self._load(following)

    def action_accept_suggestion(self) -> None:
        if not self.coach_panel.accept_highlighted():
            self.notify("No suggestion to accept.", severity="warning", timeout=2)

    def action_milestones(self) -> None:
        from smartlint.tui.screens.milestones import MilestonesScreen

        if self.app.linter is None:
            self.notify("Still loading the language pipeline…", severity="warning", timeout=2)
        elif not self.goal_text.strip():
            self.notify("Type a goal first.", severity="warning", timeout=2)
        else:
            self.app.push_screen(MilestonesScreen(self.goal_text))

    def on_coach_panel_suggestion_accepted(self, message: CoachPanel.SuggestionAccepted) -> None:
        self.set_goal(message.goal)
        self.coach_panel.say("Suggestion accepted: fill in any <placeholder>.", "good")

    def on_coach_panel_answer_given(self, message: CoachPanel.AnswerGiven) -> None:
        if self.app.linter is None:
            self.coach_panel.say("Still loading the language pipeline…", "rejected")
            return
        if len(self.goal_text) > MAX_LIVE_CHARS:
            self.coach_panel.say(f"The goal is over {MAX_LIVE_CHARS:,} characters: shorten it first.", "rejected")
            return
        self.coach_panel.say("Folding your answer in…")
        self.fold_in_background(self.goal_text, message.letter, message.answer)

    @work(thread=True, exclusive=True, group="fold")
    def fold_in_background(self, text: str, letter: str, answer: str) -> None:
        try:
            with self.app.linter_lock:
                folded = fold(self.app.linter, text, letter, answer, self.app.today)
        except AnswerRejected as rejection:
            self.app.call_from_thread(self.coach_panel.say, rejection.reason, "rejected")
            return
        except Exception as error:  # noqa: BLE001 - a folding bug must not close the editor and lose the goal
            self.app.call_from_thread(self.coach_panel.say, f"Could not fold the answer in: {error}", "rejected")
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._apply_fold, text, folded)

    def _apply_fold(self, before: str, folded: str) -> None:
        if self.goal_text != before:
            self.coach_panel.say("The goal changed while your answer was folded in: answer again.", "rejected")
            return
        self.set_goal(folded)
        self.coach_panel.answer_folded()

    # -- plan goals: save and leave -----------------------------------------------------------

    @property
    def has_unsaved_changes(self) -> bool:
        return self.slot_index is not None and one_line(self.goal_text) != self.saved_text

    def action_save(self) -> None:
        plan = self.app.plan
        slot = plan.goals[self.slot_index]
        text = self.goal_text
        if one_line(text) == slot.text:
            self.notify("Nothing to save: the goal is as in the file.", timeout=3)
            return
        try:
            diff = plan.diff(slot, text)
        except PlanFileError as error:
            self.app.push_screen(ErrorDialog(str(error), "Cannot save"))
            return

        def decided(save: bool | None) -> None:
            if save:
                self._save(text)

        self.app.push_screen(ConfirmDialog(f"Save this change to {plan.path}?", diff=diff, yes="Save",
                                           no="Cancel"), decided)

    def _save(self, text: str) -> None:
        plan = self.app.plan
        try:
            self.app.plan = plan.save(plan.goals[self.slot_index], text)
        except PlanFileError as error:
            self.app.push_screen(ErrorDialog(str(error), "Cannot save"))
            return
        self.saved_text = one_line(text)
        self.notify(f"Saved to {plan.path}", timeout=3)

    def action_back(self) -> None:
        if not self.has_unsaved_changes:
            self.dismiss(None)
            return

        def decided(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmDialog("This goal has unsaved changes. Discard them?", yes="Discard",
                                           no="Keep editing"), decided)
