"""One colour per SMART letter, shared by the meters and the evidence highlights.

Mid-tone colours that keep their contrast on both the light and the dark theme.
"""
from __future__ import annotations

from rich.style import Style

LETTERS = ("S", "M", "A", "R", "T")
LETTER_NAMES = {"S": "Specific", "M": "Measurable", "A": "Achievable", "R": "Relevant", "T": "Time-bound"}
LETTER_COLORS = {"S": "#c0392b", "M": "#1e8449", "A": "#b9770e", "R": "#8e44ad", "T": "#2471a3"}


def evidence_style(letter: str) -> Style:
    return Style(color=LETTER_COLORS[letter], bold=True, underline=True)
