"""Markdown plans: goals, KPIs and milestones found by headings, list structure and line prefixes.

What is read:
- list items and paragraphs under a heading named like Goals / Objectives / OKRs / Targets (goals),
  Key results / KPIs / Metrics (KPIs) or Milestones (milestones); a sub-heading stays in its
  parent's section unless it names a section itself; any other heading at the same or a higher
  level ends the section;
- inside a goal section, a list item nested under a goal is one of its KPIs (or a milestone when it
  starts with `Milestone:`); KPIs and milestones in their own sections belong to the goal above;
- anywhere, a line or list item that starts with `Goal:`, `Objective:`, `KR…:`, `Key result:`,
  `KPI:` or `Milestone:` (the label is cut from the statement);
- a document with no heading at all is read as if it were one Goals section.
Skipped: front matter, fenced code blocks, HTML comments. Stripped, with columns kept right:
list markers, numbering, task boxes `[ ]`/`[x]`, emphasis, inline code ticks, link targets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from smartlint.sources.model import PlanDocument, PlanItem, StatementKind, TextBuilder

ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$")
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)\s*$")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
LIST_ITEM = re.compile(r"^(\s*)([-*+]|\d{1,9}[.)])(\s+(?:\[[ xX]\]\s+)?)")
THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(\s*\1){2,}\s*$")
# markup inside a line: dropped, except a link, whose text (group "linktext") is kept
INLINE_MARKUP = re.compile(
    r"<!--.*?-->"
    r"|!\[[^\]]*\]\([^)]*\)"
    r"|\[(?P<linktext>[^\]]+)\]\([^)]*\)"
    r"|\*\*|__|~~|`"
    r"|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])"
    r"|(?<![\w])_(?=\S)|(?<=\S)_(?!\w)"
)
PREFIX = re.compile(
    r"^(?P<label>goal|objective|kr\s*[\d.]*|key\s+result\s*[\d.]*|kpi\s*[\d.]*|milestone\s*[\d.]*)\s*[:.)-]\s+",
    re.IGNORECASE,
)
SECTION_WORDS: tuple[tuple[re.Pattern[str], StatementKind], ...] = (
    (re.compile(r"\b(key\s+results?|kpis?|metrics|measures)\b", re.I), "kpi"),
    (re.compile(r"\bmilestones?\b", re.I), "milestone"),
    (re.compile(r"\b(goals?|objectives?|okrs?|targets?|aims)\b", re.I), "goal"),
)


def _prefix_kind(label: str) -> StatementKind:
    label = label.lower()
    if label.startswith(("goal", "objective")):
        return "goal"
    if label.startswith("milestone"):
        return "milestone"
    return "kpi"


@dataclass
class _Section:
    kind: StatementKind | None  # None: not a plan section
    level: int


class _MarkdownReader:
    def __init__(self, path: str, source: str):
        self.path = path
        self.lines = source.splitlines()
        self.document = PlanDocument(path=path, source=source, comment_style="html")
        self.section = _Section(kind=None, level=0)
        self.builder: TextBuilder | None = None
        self.pending_kind: StatementKind | None = None
        self.in_list_item = False
        self.list_indent: int | None = None  # indent of the top-level items of the current list
        self.current_goal: PlanItem | None = None

    # -- statements -------------------------------------------------------------------------
    def finish(self) -> None:
        if self.builder is None:
            return
        statement = self.builder.build(self.pending_kind or "goal", self.path)
        self.builder = None
        if statement is None:
            return
        item = PlanItem(statement=statement)
        if statement.kind == "goal":
            self.document.goals.append(item)
            self.current_goal = item
        else:
            self.document.has_kpi_structure |= statement.kind == "kpi"
            if self.current_goal is None:
                self.document.loose.append(item)
            elif statement.kind == "kpi":
                self.current_goal.kpis.append(item)
            else:
                self.current_goal.milestones.append(item)

    def start(self, kind: StatementKind, line_no: int, text: str, col0: int) -> None:
        """Begin a statement from `text` (which starts at 0-based column col0)."""
        self.finish()
        cleaned_probe = INLINE_MARKUP.sub(lambda m: m.group("linktext") or "", text)
        prefix = PREFIX.match(cleaned_probe)
        if prefix:
            kind = _prefix_kind(prefix.group("label"))
            # cut the label in the raw text: skip as many raw characters as it takes to pass it
            text, col0 = _skip_cleaned_chars(text, col0, prefix.end())
        self.pending_kind = kind
        self.builder = TextBuilder()
        self.add_inline(line_no, text, col0)

    def add_inline(self, line_no: int, text: str, col0: int) -> None:
        assert self.builder is not None
        pos = 0
        for match in INLINE_MARKUP.finditer(text):
            self.builder.add(text[pos : match.start()], line_no, col0 + pos + 1)
            if match.group("linktext"):
                self.builder.add(match.group("linktext"), line_no, col0 + match.start("linktext") + 1)
            pos = match.end()
        self.builder.add(text[pos:].rstrip(), line_no, col0 + pos + 1)

    # -- structure --------------------------------------------------------------------------
    def enter_heading(self, level: int, title: str, line_no: int, col0: int) -> None:
        self.finish()
        self.list_indent = None
        kind = next((k for pattern, k in SECTION_WORDS if pattern.search(title)), None)
        probe = INLINE_MARKUP.sub(lambda m: m.group("linktext") or "", title)
        if PREFIX.match(probe):
            self.start("goal", line_no, title, col0)
            self.finish()
            return
        if kind is not None:
            self.section = _Section(kind=kind, level=level)
        elif self.section.kind is None or level <= self.section.level:
            self.section = _Section(kind=None, level=level)
        if kind == "goal":
            self.current_goal = None

    def read(self) -> PlanDocument:
        lines = self.lines
        has_heading = any(ATX_HEADING.match(line) for line in lines)
        if not has_heading:
            self.section = _Section(kind="goal", level=0)
        index = self._skip_front_matter()
        fence: str | None = None
        in_comment = False
        while index < len(lines):
            line = lines[index]
            line_no = index + 1
            index += 1
            if fence is not None:
                if line.strip().startswith(fence):
                    fence = None
                continue
            if in_comment:
                in_comment = "-->" not in line
                continue
            fence_match = FENCE.match(line)
            if fence_match:
                self.finish()
                fence = fence_match.group(1)[0] * 3
                continue
            if line.lstrip().startswith("<!--") and "-->" not in line:
                self.finish()
                in_comment = True
                continue
            heading = ATX_HEADING.match(line)
            if heading:
                title = heading.group(2) or ""
                self.enter_heading(len(heading.group(1)), title, line_no, line.find(title) if title else 0)
                continue
            if index < len(lines) and SETEXT_UNDERLINE.match(lines[index]) and line.strip() and self.builder is None \
                    and not LIST_ITEM.match(line):
                has_heading = True
                level = 1 if lines[index].strip().startswith("=") else 2
                stripped = line.strip()
                self.enter_heading(level, stripped, line_no, line.find(stripped))
                index += 1
                continue
            if not line.strip() or THEMATIC_BREAK.match(line):
                self.finish()
                self.in_list_item = False
                continue
            self.read_content_line(line, line_no)
        self.finish()
        return self.document

    def read_content_line(self, line: str, line_no: int) -> None:
        item = LIST_ITEM.match(line)
        stripped = line.strip()
        probe = INLINE_MARKUP.sub(lambda m: m.group("linktext") or "", stripped)
        prefixed = PREFIX.match(probe) is not None
        if item:
            indent = len(item.group(1).expandtabs(4))
            body_col = item.end()
            if self.list_indent is None or indent < self.list_indent:
                self.list_indent = indent
            nested = indent >= self.list_indent + 2
            if self.section.kind is None and not PREFIX.match(line[body_col:]):
                self.finish()
                return
            kind: StatementKind = self.section.kind or "goal"
            if nested and kind == "goal":
                kind = "kpi"
            self.in_list_item = True
            self.start(kind, line_no, line[body_col:], body_col)
            return
        if self.builder is not None and not prefixed:
            # a continuation line of a list item or of a paragraph
            self.builder.add_space()
            start = len(line) - len(line.lstrip())
            self.add_inline(line_no, line[start:], start)
            return
        if self.section.kind is None and not prefixed:
            self.finish()
            return
        self.list_indent = None
        self.in_list_item = False
        start = len(line) - len(line.lstrip())
        self.start(self.section.kind or "goal", line_no, line[start:], start)

    def _skip_front_matter(self) -> int:
        if not self.lines or self.lines[0].strip() not in ("---", "+++"):
            return 0
        closing = ("---", "...") if self.lines[0].strip() == "---" else ("+++",)
        for index in range(1, len(self.lines)):
            if self.lines[index].strip() in closing:
                return index + 1
        return 0


def _skip_cleaned_chars(text: str, col0: int, count: int) -> tuple[str, int]:
    """Advance through raw `text` until `count` characters of its cleaned form are passed."""
    seen = 0
    pos = 0
    for match in INLINE_MARKUP.finditer(text):
        plain = match.start() - pos
        if seen + plain >= count:
            break
        seen += plain + len(match.group("linktext") or "")
        pos = match.end()
    pos += max(0, count - seen)
    # the label may be wrapped in emphasis ("**Goal:** ..."): drop closing markers and spaces too
    while pos < len(text):
        match = INLINE_MARKUP.match(text, pos)
        if match and not match.group("linktext") and match.end() > pos:
            pos = match.end()
        elif text[pos].isspace():
            pos += 1
        else:
            break
    return text[pos:], col0 + pos


def read_markdown_plan(path: str, source: str) -> PlanDocument:
    return _MarkdownReader(path, source).read()
