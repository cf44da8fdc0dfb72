"""What `smartlint check` reports: findings placed in files, and the statements it scored.

The renderers (text, JSON, SARIF, GitHub) read only these.
"""
from __future__ import annotations

from pydantic import BaseModel, Field

from smartlint.report import Dimension, Level, Report


class LocatedFinding(BaseModel):
    path: str
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    end_line: int = Field(ge=1)
    end_column: int = Field(ge=1)
    rule: str
    name: str = ""
    dimension: Dimension | None = None
    level: Level
    message: str
    suggestion: str | None = None
    statement_kind: str | None = None
    points: int | None = None  # the statement's points on the finding's dimension, 0-2
    # the lines the statement spans (an inline suppression anywhere on them applies)
    first_line: int = Field(default=1, exclude=True)
    last_line: int = Field(default=1, exclude=True)

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule)


class ScoredStatement(BaseModel):
    path: str
    line: int
    column: int
    kind: str
    text: str
    score: int
    smart: bool
    report: Report


class RuleInfo(BaseModel):
    """What a renderer needs to describe a rule (SARIF's tool.driver.rules, help links)."""

    id: str
    name: str
    dimension: Dimension | None
    level: Level
    why: str
    example: str
    better: str


class CheckResult(BaseModel):
    findings: list[LocatedFinding] = Field(default_factory=list)
    statements: list[ScoredStatement] = Field(default_factory=list)
    files: list[str] = Field(default_factory=list)
    unreadable: list[str] = Field(default_factory=list)  # one line each, already printed on stderr
    rules: list[RuleInfo] = Field(default_factory=list)
    min_score: int | None = None

    @property
    def failing(self) -> list[LocatedFinding]:
        """Findings that fail the run: errors and warnings (info is advice)."""
        return [f for f in self.findings if f.level in ("error", "warning")]
