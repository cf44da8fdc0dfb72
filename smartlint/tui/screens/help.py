"""The help screen: what the coach does and its keys."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from smartlint.tui.keys import KEYS

ABOUT = (
    "Type a goal: the S/M/A/R/T meters and the score follow as you type, and each letter's evidence "
    "is underlined in its colour. Answer a question to fold the missing part into the goal, or accept "
    "a suggestion. With a plan file, pick a goal, refine it and save it back."
)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q,question_mark", "close", "close")]

    def __init__(self):
        super().__init__(classes="dialog-screen")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help-dialog"):
            yield Label("smartlint tui: keys", classes="dialog-title")
            with VerticalScroll():
                yield Static(ABOUT, id="help-about")
                with Grid(id="help-keys"):
                    for heading in ("key", "where", "does"):
                        yield Static(heading, classes="help-heading")
                    for key, where, does in KEYS:
                        yield Static(key, classes="help-key")
                        yield Static(where, classes="help-where")
                        yield Static(does, classes="help-does")

    def action_close(self) -> None:
        self.dismiss(None)
