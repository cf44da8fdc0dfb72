"""The five SMART letters and the finding levels: the words rules, reports and settings share.

Kept apart from smartlint.report so that reading rule files (`smartlint rules`) does not build
the Report and Facts models.
"""
from typing import Literal

Dimension = Literal["S", "M", "A", "R", "T"]
DIMENSIONS: tuple[Dimension, ...] = ("S", "M", "A", "R", "T")
Level = Literal["error", "warning", "info"]
