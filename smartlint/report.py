"""The Report: the one thing every renderer reads (JSON field names are a public contract)."""
from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field

# Dimension, DIMENSIONS and Level live in smartlint.dimensions; most modules import them from here.
from smartlint.dimensions import DIMENSIONS, Dimension, Level  # noqa: F401
from smartlint.facts import Span


class DimensionScore(BaseModel):
    points: int = Field(ge=0, le=2)
    evidence: list[Span] = Field(default_factory=list)
    findings: list[str] = Field(default_factory=list)  # rule ids
    reason: str = ""  # one line: why these points ("a deadline: by Q3 2026 (2026-09-30)")


class Finding(BaseModel):
    rule: str
    dimension: Dimension
    level: Level
    message: str
    start: int
    end: int
    suggestion: str | None = None


class Suggestion(BaseModel):
    dimension: Dimension
    text: str  # one concrete edit, in words
    replacement: str | None = None  # the goal with this edit applied, where it can be applied


class Report(BaseModel):
    id: str | None = None
    text: str
    reference_date: dt.date
    kind: Literal["goal", "kpi", "milestone"] = "goal"
    score: int = Field(ge=0, le=100)
    smart: bool
    dimensions: dict[Dimension, DimensionScore]
    facts: dict[str, Any] = Field(default_factory=dict)
    findings: list[Finding] = Field(default_factory=list)
    questions: list[str] = Field(default_factory=list)
    suggestions: list[Suggestion] = Field(default_factory=list)
    rewrite: str | None = None
    # filled for a single goal by `smartlint score` and the TUI (too slow for every batch line):
    kpis: list[dict[str, Any]] = Field(default_factory=list)  # smartlint.kpi.suggest.KpiSuggestion
    milestones: list[dict[str, Any]] = Field(default_factory=list)  # smartlint.kpi.milestones.Milestone
