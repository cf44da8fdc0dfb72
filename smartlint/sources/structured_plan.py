"""Structured plans (.yaml .yml .json .toml) read into the pydantic Plan and then into statements.

Positions: YAML (and JSON, which YAML's composer also reads) give every value a mark, so a
statement maps back to its exact line and column and a schema error points at the offending field.
TOML's parser gives no positions, so a text is found by searching the source in document order.
"""
from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from typing import Any

import yaml
from pydantic import ValidationError

from smartlint.sources.linking import parent_texts
from smartlint.sources.model import PlanDocument, PlanItem, PlanProblem, Segment, Statement, StatementKind
from smartlint.sources.plan_schema import KPI, Goal, Milestone, Plan

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

TOML_ERROR_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
FieldPath = tuple[Any, ...]


class _Positions:
    """Line/column lookups into one source text, and the YAML nodes of its values (if known)."""

    def __init__(self, source: str, root: yaml.Node | None):
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.root = root
        self.search_cursor = 0

    def line_col(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, index) - 1
        return line + 1, index - self.line_starts[line] + 1

    def node_at(self, path: FieldPath) -> tuple[yaml.Node | None, bool]:
        """The deepest node along `path`, and whether the whole path was found."""
        node = self.root
        if isinstance(node, yaml.SequenceNode) and path[:1] == ("goals",):
            path = path[1:]  # a bare list of goals at the top
        for key in path:
            child = None
            if isinstance(node, yaml.MappingNode):
                child = next((v for k, v in node.value if getattr(k, "value", None) == key), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                child = node.value[key]
            if child is None:
                return node, False
            node = child
        return node, node is not None

    def problem_position(self, path: FieldPath) -> tuple[int, int]:
        node, _ = self.node_at(path)
        if node is None:
            return 1, 1
        return node.start_mark.line + 1, node.start_mark.column + 1

    def segments_for(self, path: FieldPath, text: str) -> tuple[Segment, ...]:
        node, exact = self.node_at(path)
        if exact and isinstance(node, yaml.ScalarNode):
            return self._align(text, node.start_mark.index, node.end_mark.index, node.style)
        found = self._search(text)
        if found is not None:
            return self._align(text, found, min(len(self.source), found + len(text) + 200))
        line, col = self.problem_position(path)
        return (Segment(0, line, col),)

    def _search(self, text: str) -> int | None:
        first_line = text.split("\n", 1)[0]
        for probe in (text, first_line[:40], first_line[:15]):
            if not probe:
                continue
            index = self.source.find(probe, self.search_cursor)
            if index < 0:
                index = self.source.find(probe)
            if index >= 0:
                self.search_cursor = index + len(probe)
                return index
        return None

    def _align(self, text: str, start: int, end: int, style: str | None = None) -> tuple[Segment, ...]:
        """Match each source line of a (possibly folded, quoted or block) value to where it lands
        in the text; `start` is where the node starts (at its quote or block indicator, if any)."""
        segments: list[Segment] = []
        cursor = 0
        index = start
        for number, raw_line in enumerate(self.source[start:end].split("\n")):
            lead = len(raw_line) - len(raw_line.lstrip())
            piece = raw_line[lead:]
            if number == 0 and style in ("|", ">"):
                piece = ""  # the indicator line holds no text
            elif number == 0 and style in ("'", '"'):
                lead, piece = lead + 1, piece[1:]
            if style in ("'", '"'):
                piece = piece.rstrip().removesuffix(style)
            probe = piece.rstrip()[:20]
            found = text.find(probe, cursor) if probe else -1
            if found >= 0:
                segments.append(Segment(found, *self.line_col(index + lead)))
                cursor = found + len(probe)
            index += len(raw_line) + 1
        if not segments or segments[0].offset > 0:
            segments.insert(0, Segment(0, *self.line_col(start)))
        return tuple(segments)


def _parse(path: str, source: str, fmt: str) -> tuple[Any, yaml.Node | None]:
    """Returns the data and the YAML node tree (None where there is none); raises PlanProblem."""
    if fmt == "toml":
        try:
            return tomllib.loads(source), None
        except tomllib.TOMLDecodeError as error:
            where = TOML_ERROR_POSITION.search(str(error))
            line, col = (int(where.group(1)), int(where.group(2))) if where else (1, 1)
            message = TOML_ERROR_POSITION.sub("", str(error)).strip()
            raise _problem(path, line, col, f"invalid TOML: {message}") from None
    if fmt == "json":
        try:
            data = json.loads(source)
        except json.JSONDecodeError as error:
            raise _problem(path, error.lineno, error.colno, f"invalid JSON: {error.msg}") from None
        try:
            return data, yaml.compose(source, Loader=yaml.SafeLoader)
        except yaml.YAMLError:
            return data, None  # valid JSON that YAML reads differently: positions by search
    try:
        loader = yaml.SafeLoader(source)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise _problem(path, line, col, f"invalid YAML: {error.problem or error.context}") from None
    except yaml.YAMLError as error:
        raise _problem(path, 1, 1, f"invalid YAML: {error}") from None
    return data, node


class _ProblemError(Exception):
    def __init__(self, problem: PlanProblem):
        super().__init__(problem.message)
        self.problem = problem


def _problem(path: str, line: int, col: int, message: str) -> _ProblemError:
    return _ProblemError(PlanProblem(path=path, line=line, col=col, message=message))


def _field_name(loc: FieldPath) -> str:
    name = ""
    for key in loc:
        name += f"[{key}]" if isinstance(key, int) else (f".{key}" if name else str(key))
    return name or "(top level)"


def read_structured_plan(path: str, source: str, fmt: str) -> PlanDocument:
    document = PlanDocument(path=path, source=source, comment_style="none" if fmt == "json" else "hash",
                            has_kpi_structure=True)
    try:
        data, root = _parse(path, source, fmt)
    except _ProblemError as error:
        document.problems.append(error.problem)
        return document
    positions = _Positions(source, root)
    if data is None:
        data = {}
    try:
        plan = Plan.model_validate(data)
    except ValidationError as error:
        for detail in error.errors():
            loc = tuple(detail["loc"])
            line, col = positions.problem_position(loc)
            message = f"invalid plan: {_field_name(loc)}: {detail['msg']}"
            document.problems.append(PlanProblem(path=path, line=line, col=col, message=message))
        return document
    document.goals = list(_plan_items(plan, positions, path))
    return document


def _plan_items(plan: Plan, positions: _Positions, path: str) -> Iterator[PlanItem]:
    def statement(loc: FieldPath, value: Any, text: str, kind: StatementKind) -> Statement:
        node, _ = positions.node_at(loc)
        text_loc = loc if isinstance(node, yaml.ScalarNode) else (*loc, "text")
        return Statement(text=text, kind=kind, path=path, segments=positions.segments_for(text_loc, text))

    def goal_item(loc: FieldPath, goal: Goal, objective_text: str | None) -> PlanItem:
        item = PlanItem(
            statement=statement(loc, goal, goal.text, "goal"),
            owner=goal.owner,
            due=goal.due,
            parent=parent_texts(goal.parent, known) or objective_text,
            item_id=goal.id,
        )
        item.kpis = [_kpi_item(statement((*loc, "kpis", i), k, k.text, "kpi"), k) for i, k in enumerate(goal.kpis)]
        item.milestones = [
            _milestone_item(statement((*loc, "milestones", i), m, m.text, "milestone"), m)
            for i, m in enumerate(goal.milestones)
        ]
        return item

    every_goal = [*(g for o in plan.objectives for g in o.goals), *plan.goals]
    known = [*((o.id, o.text) for o in plan.objectives), *((g.id, g.text) for g in every_goal)]
    for o_index, objective in enumerate(plan.objectives):
        for g_index, goal in enumerate(objective.goals):
            yield goal_item(("objectives", o_index, "goals", g_index), goal, objective.text)
    for g_index, goal in enumerate(plan.goals):
        yield goal_item(("goals", g_index), goal, None)


def _kpi_item(statement: Statement, kpi: KPI) -> PlanItem:
    return PlanItem(statement=statement, owner=kpi.owner, due=kpi.due, kpi_type=kpi.type)


def _milestone_item(statement: Statement, milestone: Milestone) -> PlanItem:
    return PlanItem(statement=statement, owner=milestone.owner, due=milestone.due)
