"""The coach: one question per missing letter, an answer box, and suggestions to accept.

The panel only reports what the user chose (AnswerGiven, SuggestionAccepted); the editor screen
folds the answer into the goal and re-scores it.
"""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from smartlint.tui.session import Scoring
from smartlint.tui.widgets.palette import LETTER_COLORS, LETTER_NAMES


def _separated(options) -> list[Option | None]:
    """Options with a rule between them (None), so wrapped entries read apart."""
    spaced: list[Option | None] = []
    for option in options:
        if spaced:
            spaced.append(None)
        spaced.append(option)
    return spaced


class CoachPanel(Vertical):
    class AnswerGiven(Message):
        def __init__(self, letter: str, answer: str):
            super().__init__()
            self.letter = letter
            self.answer = answer

    class SuggestionAccepted(Message):
        def __init__(self, goal: str):
            super().__init__()
            self.goal = goal

    def __init__(self, cursor_blink: bool = True, **kwargs):
        super().__init__(**kwargs)
        self.cursor_blink = cursor_blink
        self.questions: list[tuple[str, str]] = []
        self.offers: list[tuple[str, str]] = []  # (label, goal it leads to)
        # The question the user highlighted, kept across re-scoring; until they pick one, the
        # first question is highlighted, whatever an earlier scoring (say, of half a word
        # typed) put first.
        self.chosen_letter: str | None = None
        self._placed_index: int | None = None  # where show() last put the highlight

    def compose(self) -> ComposeResult:
        yield Label("Questions", classes="panel-title")
        yield OptionList(id="questions")
        answer = Input(placeholder="answer the highlighted question, Enter", id="answer")
        answer.cursor_blink = self.cursor_blink
        yield answer
        yield Static("", id="coach-status")
        yield Label("Suggestions (Enter or ctrl+r accepts)", classes="panel-title")
        yield OptionList(id="suggestions")

    @property
    def letter(self) -> str | None:
        """The letter of the highlighted question (the first one if none is highlighted)."""
        if not self.questions:
            return None
        index = self.query_one("#questions", OptionList).highlighted
        return self.questions[index if index is not None and index < len(self.questions) else 0][0]

    def show(self, scoring: Scoring | None) -> None:
        questions = list(scoring.questions) if scoring and scoring.report else []
        if questions != self.questions:
            keep = self.chosen_letter
            self.questions = questions
            options = self.query_one("#questions", OptionList)
            options.clear_options()
            options.add_options(_separated(Option(self._question_prompt(letter, q), id=f"q-{letter}")
                                           for letter, q in questions))
            letters = [letter for letter, _ in questions]
            if letters:
                options.highlighted = self._placed_index = letters.index(keep) if keep in letters else 0
            self._update_placeholder()
        if scoring is not None and scoring.report is not None and scoring.report.smart:
            self.say("SMART: nothing left to ask.", "good")
        self._show_offers(scoring)

    @staticmethod
    def _question_prompt(letter: str, question: str) -> Text:
        return Text.assemble((f"{letter} ", f"bold {LETTER_COLORS[letter]}"), question)

    def _show_offers(self, scoring: Scoring | None) -> None:
        offers: list[tuple[str, str]] = []
        if scoring is not None and scoring.report is not None:
            offers = [(s.text, s.replacement) for s in scoring.suggestions if s.replacement]
            if scoring.rewrite and scoring.rewrite != scoring.text:
                offers.append(("Full rewrite: " + scoring.rewrite, scoring.rewrite))
        if offers == self.offers:
            return
        self.offers = offers
        options = self.query_one("#suggestions", OptionList)
        options.clear_options()
        options.add_options(_separated(Option(label, id=f"s-{i}") for i, (label, _) in enumerate(offers)))

    def accept_highlighted(self) -> bool:
        """Post the highlighted suggestion (the first if none is highlighted); False if there is none."""
        if not self.offers:
            return False
        index = self.query_one("#suggestions", OptionList).highlighted
        _, goal = self.offers[index if index is not None and index < len(self.offers) else 0]
        self.post_message(self.SuggestionAccepted(goal))
        return True

    def say(self, message: str, kind: str = "info") -> None:
        status = self.query_one("#coach-status", Static)
        status.update(message)
        for name in ("info", "good", "rejected"):
            status.set_class(kind == name, name)

    def _update_placeholder(self) -> None:
        letter = self.letter
        answer = self.query_one("#answer", Input)
        answer.placeholder = (f"answer for {letter} ({LETTER_NAMES[letter]})" if letter
                              else "no question to answer")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "questions":
            event.stop()
            if event.option_index != self._placed_index:  # moved by the user, not by show()
                self.chosen_letter = self.letter
                self._placed_index = None
            self._update_placeholder()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "questions":
            self.query_one("#answer", Input).focus()
        elif event.option_list.id == "suggestions":
            self.accept_highlighted()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        letter = self.letter
        if letter is None:
            self.say("No question to answer: the goal is SMART.", "info")
            return
        if not event.value.strip():
            self.say("Type an answer first.", "rejected")
            return
        self.post_message(self.AnswerGiven(letter, event.value))

    def answer_folded(self) -> None:
        self.query_one("#answer", Input).value = ""
        self.say("Folded into the goal.", "good")
