"""What a plan reader hands on: statements with their place in the original file, grouped into goals.

A statement's text may differ from the file (markup stripped, lines joined, YAML folding), so each
statement keeps a short list of segments: "text from offset o on was copied from line l, column c".
That is enough to turn a finding's offset inside the statement back into line:col of the file.
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

StatementKind = Literal["goal", "kpi", "milestone"]
CommentStyle = Literal["html", "hash", "none"]


class Segment(NamedTuple):
    offset: int  # first character of the statement text copied from here
    line: int  # 1-based line in the original file
    col: int  # 1-based column (in characters) in the original file


@dataclass(frozen=True, slots=True)
class Statement:
    text: str
    kind: StatementKind
    path: str
    segments: tuple[Segment, ...]

    @property
    def line(self) -> int:
        return self.segments[0].line

    @property
    def col(self) -> int:
        return self.segments[0].col

    @property
    def last_line(self) -> int:
        return max(segment.line for segment in self.segments)

    def position(self, offset: int) -> tuple[int, int]:
        """line, col in the original file of the character at `offset` of the statement text."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right([s.offset for s in self.segments], offset) - 1
        segment = self.segments[max(index, 0)]
        return segment.line, segment.col + max(0, offset - segment.offset)


@dataclass(slots=True)
class PlanItem:
    """A goal, KPI or milestone with what the plan says about it beside its words."""

    statement: Statement
    owner: str | None = None
    due: dt.date | None = None
    kpi_type: Literal["leading", "lagging"] | None = None  # declared in the plan, if at all
    parent: str | None = None  # the text (or id) of the objective or goal this one serves
    item_id: str | None = None
    kpis: list[PlanItem] = field(default_factory=list)
    milestones: list[PlanItem] = field(default_factory=list)

    def statements(self) -> list[Statement]:
        return [self.statement, *(k.statement for k in self.kpis), *(m.statement for m in self.milestones)]


@dataclass(frozen=True, slots=True)
class PlanProblem:
    """The file could be read but is not a valid plan (bad syntax, schema violation)."""

    path: str
    line: int
    col: int
    message: str


@dataclass(slots=True)
class PlanDocument:
    path: str
    source: str
    comment_style: CommentStyle
    goals: list[PlanItem] = field(default_factory=list)
    # KPIs or milestones that appear before any goal: scored on their own, in no goal-level rule
    loose: list[PlanItem] = field(default_factory=list)
    problems: list[PlanProblem] = field(default_factory=list)
    # True when the format can say which KPIs belong to a goal (structured plans, Markdown that
    # uses KPI lists): only then is a goal without KPIs a finding.
    has_kpi_structure: bool = False

    def statements(self) -> list[Statement]:
        return [s for item in (*self.goals, *self.loose) for s in item.statements()]


class TextBuilder:
    """Builds a statement text from pieces of the file while recording where each piece came from."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._segments: list[Segment] = []
        self._length = 0

    def add(self, text: str, line: int, col: int) -> None:
        if not text:
            return
        self._segments.append(Segment(self._length, line, col))
        self._parts.append(text)
        self._length += len(text)

    def add_space(self) -> None:
        """A joining space that stands for a line break; it maps to the end of the previous piece."""
        if self._length and not self._parts[-1].endswith(" "):
            self._parts.append(" ")
            self._length += 1

    def build(self, kind: StatementKind, path: str) -> Statement | None:
        raw = "".join(self._parts)
        text = raw.rstrip()
        lead = len(text) - len(text.lstrip())
        if not text.strip():
            return None
        segments = [Segment(s.offset - lead, s.line, s.col) for s in self._segments]
        # drop leading whitespace while keeping the map right
        fixed: list[Segment] = []
        for s in segments:
            if s.offset < 0:
                s = Segment(0, s.line, s.col - s.offset)
            fixed.append(s)
        return Statement(text=text[lead:], kind=kind, path=path, segments=tuple(_dedupe(fixed)))


def _dedupe(segments: list[Segment]) -> list[Segment]:
    """Keep the last segment for any offset (a piece wholly cut away leaves no trace)."""
    kept: list[Segment] = []
    for segment in segments:
        while kept and kept[-1].offset >= segment.offset:
            kept.pop()
        kept.append(segment)
    return kept or [Segment(0, 1, 1)]


def single_segment_statement(text: str, kind: StatementKind, path: str, line: int, col: int) -> Statement | None:
    builder = TextBuilder()
    builder.add(text, line, col)
    return builder.build(kind, path)
