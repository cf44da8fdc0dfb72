"""The S/M/A/R/T meters (0, 1 or 2 points each) and the 0-100 score."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from smartlint.tui.session import Scoring
from smartlint.tui.widgets.palette import LETTER_COLORS, LETTER_NAMES, LETTERS

FULL, EMPTY = "■", "□"


class LetterMeter(Static):
    """One letter: its name in its colour and two boxes filled by its points."""

    def __init__(self, letter: str):
        super().__init__(id=f"meter-{letter}", classes="meter")
        self.letter = letter
        self.points: int | None = None
        self.tooltip = LETTER_NAMES[letter]

    def show(self, points: int | None, reason: str = "") -> None:
        self.points = points
        self.set_class(points == 0, "points-0")
        self.set_class(points == 1, "points-1")
        self.set_class(points == 2, "points-2")
        boxes = "··" if points is None else FULL * points + EMPTY * (2 - points)
        self.update(Text.assemble((self.letter, f"bold {LETTER_COLORS[self.letter]}"), " ", boxes))
        self.tooltip = f"{LETTER_NAMES[self.letter]}: {reason}" if reason else LETTER_NAMES[self.letter]


class SmartMeters(Horizontal):
    """Five letter meters and the score, updated from a Scoring."""

    def compose(self) -> ComposeResult:
        for letter in LETTERS:
            yield LetterMeter(letter)
        yield Static("score --", id="score", classes="score")

    def show(self, scoring: Scoring | None, pending: bool = False) -> None:
        report = scoring.report if scoring else None
        for letter in LETTERS:
            meter = self.query_one(f"#meter-{letter}", LetterMeter)
            dimension = report.dimensions[letter] if report else None
            meter.show(dimension.points if dimension else None, dimension.reason if dimension else "")
        score = self.query_one("#score", Static)
        if report is None:
            label = "too long" if scoring is not None and scoring.too_long else "score --"
        else:
            label = f"{report.score:>3}/100" + (" SMART" if report.smart else "")
        score.update(label + (" …" if pending else ""))
        score.set_class(bool(report and report.smart), "smart")
