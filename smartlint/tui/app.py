"""The interactive coach: a Textual app around the goal editor and, with a plan file, its goal list.

The spaCy pipeline takes a second or two to build, so it is built in a worker after the first frame
(or handed in ready-made, as the tests do); screens score once it is there.
"""
from __future__ import annotations

import datetime as dt
import threading

from textual import work
from textual.app import App
from textual.binding import Binding

from smartlint.tui.plan_document import PlanFile, PlanFileError, open_plan
from smartlint.tui.screens.dialogs import ConfirmDialog, ErrorDialog
from smartlint.tui.screens.editor import GoalEditorScreen
from smartlint.tui.screens.help import HelpScreen
from smartlint.tui.screens.plan import PlanScreen

LIGHT_THEME, DARK_THEME = "textual-light", "textual-dark"


class SmartlintApp(App[str | None]):
    """Returns the final goal (also copied to the clipboard), or None if there is none."""

    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = False  # every action has its own key; the footer needs the room at 80 columns
    TITLE = "smartlint"
    BINDINGS = [
        Binding("ctrl+q", "quit", "quit", priority=True),
        Binding("f1", "help", "help"),
        Binding("question_mark", "help", "help", show=False),  # typed as text in the goal and answer boxes
        Binding("ctrl+t", "toggle_theme", "theme"),
    ]

    def __init__(self, goal: str = "", plan_path: str | None = None, today: dt.date | None = None,
                 linter=None, cursor_blink: bool = True, dark: bool = True):
        super().__init__()
        self.initial_goal = goal
        self.plan_path = plan_path
        self.today = today or dt.date.today()
        self.linter = linter
        # one spaCy pipeline, used by several workers (editor, fold, plan list): one at a time
        self.linter_lock = threading.Lock()
        self.cursor_blink = cursor_blink
        self.plan: PlanFile | None = None
        self.final_goal = goal
        self.theme = DARK_THEME if dark else LIGHT_THEME

    def on_mount(self) -> None:
        problem = None
        if self.plan_path is not None:
            try:
                self.plan = open_plan(self.plan_path)
            except PlanFileError as error:
                problem = str(error)
        self.push_screen(PlanScreen() if self.plan is not None else GoalEditorScreen(self.initial_goal))
        if problem is not None:
            self.push_screen(ErrorDialog(problem, "Cannot open the plan"))
        if self.linter is None:
            self.build_linter()

    @work(thread=True, exclusive=True, group="linter")
    def build_linter(self) -> None:
        from smartlint.api import Linter
        from smartlint.errors import SmartlintError

        try:
            linter = Linter()
        except SmartlintError as error:  # a broken rule folder or pipeline config: say so, keep the editor
            self.call_from_thread(self.push_screen, ErrorDialog(str(error), "Cannot load smartlint"))
            return
        self.call_from_thread(self._linter_built, linter)

    def _linter_built(self, linter) -> None:
        self.linter = linter
        for screen in self.screen_stack:
            if isinstance(screen, (GoalEditorScreen, PlanScreen)):
                screen.linter_ready()

    # -- actions ------------------------------------------------------------------------------

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.theme == DARK_THEME else DARK_THEME

    def unsaved_editors(self) -> list[GoalEditorScreen]:
        return [s for s in self.screen_stack if isinstance(s, GoalEditorScreen) and s.has_unsaved_changes]

    async def action_quit(self) -> None:
        if not self.unsaved_editors():
            self.finish()
            return

        def decided(leave: bool | None) -> None:
            if leave:
                self.finish()

        if not isinstance(self.screen, ConfirmDialog):
            self.push_screen(ConfirmDialog("A goal has unsaved changes. Quit without saving?", yes="Quit",
                                           no="Stay"), decided)

    def finish(self) -> None:
        """Leave, handing back the final goal (printed by the command) and copying it."""
        goal = self.final_goal.strip()
        if goal:
            self.copy_to_clipboard(goal)
        self.exit(goal or None)


