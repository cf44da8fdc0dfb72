"""A plan file opened for editing: its goals, the exact span of each in the file, and a safe save.

The readers in smartlint.sources give each statement's text and where its pieces came from (line,
column). Editing needs more: the character span of the goal in the file, so that a save replaces
those characters and leaves every other byte of the file alone. A replacement is checked by reading
the new file back: the goal at the same place must read as the new text, and the file must hold as
many goals as before; otherwise nothing is written.
"""
from __future__ import annotations

import difflib
import json
import os
import tempfile
from dataclasses import dataclass

import yaml

from smartlint.errors import SmartlintError
from smartlint.inputs import read_file_bytes
from smartlint.sources.model import PlanDocument, Statement
from smartlint.sources.reader import FORMATS, decode_plan, parse_plan

EDITABLE_FORMATS = ("text", "markdown", "yaml")
UTF8_BOM = b"\xef\xbb\xbf"
MARKDOWN_EMPHASIS = "*_~`"


class PlanFileError(SmartlintError):
    """The plan cannot be opened, or a goal cannot be written back; the message is one line."""


@dataclass(frozen=True)
class GoalSlot:
    """One goal of the plan and the characters [start, end) of the decoded source that hold it."""

    index: int  # position among the plan's goals, in file order
    text: str  # the goal as the reader reads it
    line: int
    start: int
    end: int
    yaml_style: str | None = None  # the scalar style of a YAML goal ("" for plain), None otherwise


@dataclass(frozen=True)
class PlanFile:
    path: str
    source: str  # decoded text, without a byte-order mark
    fmt: str
    has_bom: bool
    original_bytes: bytes  # the file exactly as read, to prove a save changed nothing else
    goals: tuple[GoalSlot, ...]

    def replaced(self, slot: GoalSlot, new_text: str) -> str:
        """The whole source with `slot` rewritten as `new_text`; raises PlanFileError if the result
        would not read back as the same plan with that one goal changed."""
        goal = one_line(new_text)
        if not goal:
            raise PlanFileError("the goal is empty: write a goal before saving")
        for form in _forms(self.fmt, slot, goal):
            candidate = self.source[: slot.start] + form + self.source[slot.end:]
            if _reads_back(self, candidate, slot.index, goal):
                return candidate
        raise PlanFileError(f"{self.path}: the new goal would not read back as one goal in this file; "
                            "remove markup characters from it and try again")

    def diff(self, slot: GoalSlot, new_text: str) -> str:
        """A unified diff between the file now and the file with the goal rewritten."""
        after = self.replaced(slot, new_text)
        name = os.path.basename(self.path)
        return "".join(difflib.unified_diff(
            self.source.splitlines(keepends=True), after.splitlines(keepends=True),
            fromfile=f"a/{name}", tofile=f"b/{name}",
        ))

    def save(self, slot: GoalSlot, new_text: str) -> PlanFile:
        """Write the file with the goal rewritten (atomically) and return the plan as now on disk."""
        after = self.replaced(slot, new_text)
        current = _read_bytes(self.path)
        if current != self.original_bytes:
            raise PlanFileError(f"{self.path}: the file changed on disk since it was opened; reopen it first")
        data = (UTF8_BOM if self.has_bom else b"") + after.encode("utf-8")
        write_atomically(self.path, data)
        return open_plan(self.path)


def one_line(text: str) -> str:
    """A goal as one line: runs of whitespace (line breaks included) become one space."""
    return " ".join(text.split())


def write_atomically(path: str, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename it over `path` (keeping its mode)."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        mode = os.stat(path).st_mode & 0o7777
    except OSError:
        mode = None
    try:
        handle, temp_path = tempfile.mkstemp(prefix=".smartlint-", suffix=".tmp", dir=folder)
    except OSError as error:
        raise PlanFileError(f"{path}: cannot write in {folder} ({error.strerror or error})") from None
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        if mode is not None:
            os.chmod(temp_path, mode)
        os.replace(temp_path, path)
    except OSError as error:
        try:
            os.unlink(temp_path)
        except OSError:
            pass
        raise PlanFileError(f"{path}: cannot save ({error.strerror or error})") from None


def _read_bytes(path: str) -> bytes:
    return read_file_bytes(path, PlanFileError, "plan file")


def open_plan(path: str) -> PlanFile:
    """Read a .md, .txt or .yaml plan and locate its goals; any problem is one PlanFileError line."""
    fmt = FORMATS.get(os.path.splitext(path)[1].lower())
    if fmt not in EDITABLE_FORMATS:
        raise PlanFileError(f"{path}: the interactive coach edits .md, .txt and .yaml plans")
    data = _read_bytes(path)
    try:
        source = decode_plan(path, data)
    except SmartlintError as error:
        raise PlanFileError(str(error)) from None
    document = _parse(path, source, fmt)
    slots = tuple(_locate(source, fmt, index, item.statement) for index, item in enumerate(document.goals))
    return PlanFile(path=path, source=source, fmt=fmt, has_bom=data.startswith(UTF8_BOM),
                    original_bytes=data, goals=slots)


def _parse(path: str, source: str, fmt: str) -> PlanDocument:
    try:
        document = parse_plan(path, source, fmt)
    except SmartlintError as error:
        raise PlanFileError(str(error)) from None
    if document.problems:
        problem = document.problems[0]
        raise PlanFileError(f"{problem.path}:{problem.line}:{problem.col}: {problem.message}")
    return document


class _LineIndex:
    def __init__(self, source: str):
        self.starts = [0]
        for line in source.splitlines(keepends=True):
            self.starts.append(self.starts[-1] + len(line))

    def offset(self, line: int, col: int) -> int:
        return self.starts[min(line, len(self.starts)) - 1] + col - 1


def _locate(source: str, fmt: str, index: int, statement: Statement) -> GoalSlot:
    lines = _LineIndex(source)
    first, last = statement.segments[0], statement.segments[-1]
    start = lines.offset(first.line, first.col)
    end = lines.offset(last.line, last.col) + len(statement.text) - last.offset
    if fmt == "yaml":
        node = _yaml_scalar_at(source, start, statement.text)
        if node is not None:
            start = node.start_mark.index
            # a block scalar's span runs over its closing line breaks: those stay in the file
            end = start + len(source[start:node.end_mark.index].rstrip())
            return GoalSlot(index, statement.text, statement.line, start, end, yaml_style=node.style or "")
    if fmt == "markdown":
        # emphasis around the goal's ends goes with it, so a rewrite leaves no dangling "**"
        while start > 0 and source[start - 1] in MARKDOWN_EMPHASIS:
            start -= 1
        while end < len(source) and source[end] in MARKDOWN_EMPHASIS:
            end += 1
    return GoalSlot(index, statement.text, statement.line, start, end)


def _yaml_scalar_at(source: str, offset: int, text: str) -> yaml.ScalarNode | None:
    """The scalar node whose span holds `offset` and whose value is the goal's text."""
    try:
        root = yaml.compose(source, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            if node.start_mark.index <= offset <= node.end_mark.index and one_line(node.value) == one_line(text):
                return node
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(value for _, value in node.value)
    return None


def _forms(fmt: str, slot: GoalSlot, goal: str) -> list[str]:
    """The ways to write `goal` in place, most faithful to the original first."""
    if slot.yaml_style is None:
        return [goal]
    quoted = json.dumps(goal, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar
    if slot.yaml_style == "":
        return [goal, quoted]
    if slot.yaml_style == "'":
        return ["'" + goal.replace("'", "''") + "'", quoted]
    return [quoted]


def _reads_back(plan: PlanFile, candidate: str, index: int, goal: str) -> bool:
    try:
        document = parse_plan(plan.path, candidate, plan.fmt)
    except SmartlintError:
        return False
    if document.problems or len(document.goals) != len(plan.goals):
        return False
    return one_line(document.goals[index].statement.text) == goal
