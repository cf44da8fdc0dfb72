"""Modal dialogs: an error message, and a yes/no question with an optional diff to read first."""
from __future__ import annotations

from rich.syntax import Syntax
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static


class ErrorDialog(ModalScreen[None]):
    """A problem the user must see (a plan that cannot be read, a save that failed)."""

    BINDINGS = [Binding("escape,enter", "close", "close")]

    def __init__(self, message: str, title: str = "Error"):
        super().__init__(classes="dialog-screen")
        self.message = message
        self.heading = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog error-dialog"):
            yield Label(self.heading, classes="dialog-title")
            yield Static(self.message, id="error-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button("OK", id="ok", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#ok", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question; with `diff`, the unified diff is shown above the buttons."""

    BINDINGS = [
        Binding("y", "answer(True)", "yes"),
        Binding("n,escape", "answer(False)", "no"),
    ]

    def __init__(self, question: str, diff: str | None = None, yes: str = "Yes", no: str = "No"):
        super().__init__(classes="dialog-screen")
        self.question = question
        self.diff = diff
        self.yes_label = yes
        self.no_label = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm-dialog" + (" with-diff" if self.diff else "")):
            yield Label(self.question, classes="dialog-title")
            if self.diff is not None:
                with VerticalScroll(id="diff-scroll"):
                    yield Static(Syntax(self.diff, "diff", theme="ansi_dark", word_wrap=True), id="diff")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.yes_label} (y)", id="yes", variant="primary")
                yield Button(f"{self.no_label} (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
