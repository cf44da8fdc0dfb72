"""Inline suppressions in plan files.

    <!-- smartlint: disable=M001,T002 -->   ...   <!-- smartlint: enable=M001,T002 -->   (Markdown)
    # smartlint: disable=M001                ...   # smartlint: enable=M001               (YAML, TOML, text)
    Grow the blog <!-- smartlint: ignore[M001] -->       one line (or the statement on it) only
    - text: Grow the blog  # smartlint: ignore[M001]
    # smartlint: ignore                                   every rule, on that line only

`disable` without `enable` lasts to the end of the file; `disable`/`enable` with no `=` mean all
rules. JSON has no comments, so it takes no suppressions (use per-file-ignores). A directive that
suppresses nothing, names an unknown rule or cannot be parsed is itself reported, so stale
suppressions do not pile up.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from smartlint.config import did_you_mean
from smartlint.sources.model import CommentStyle

COMMENT_PATTERNS: dict[CommentStyle, re.Pattern[str] | None] = {
    "html": re.compile(r"<!--\s*smartlint:\s*(?P<body>.*?)\s*-->"),
    "hash": re.compile(r"#\s*smartlint:\s*(?P<body>[^#\n]*?)\s*(?=#|$)", re.MULTILINE),
    "none": None,
}
BODY = re.compile(r"^(?P<verb>disable|enable|ignore)\s*(?:=\s*(?P<eq>[\w ,]+)|\[(?P<br>[\w ,]*)\])?$")
ALL = "ALL"


@dataclass
class Directive:
    verb: Literal["disable", "enable", "ignore"] | None  # None: could not be parsed
    ids: tuple[str, ...]  # ("ALL",) for every rule
    line: int
    col: int
    text: str
    used: set[str] = field(default_factory=set)
    end_lines: dict[str, int] = field(default_factory=dict)  # for disable: id -> line of its enable

    def covers(self, rule_id: str) -> str | None:
        """The id of this directive that names rule_id, if any."""
        if ALL in self.ids:
            return ALL
        return rule_id if rule_id in self.ids else None


@dataclass(frozen=True)
class UnusedSuppression:
    line: int
    col: int
    message: str


def parse_directives(source: str, style: CommentStyle) -> list[Directive]:
    pattern = COMMENT_PATTERNS.get(style)
    if pattern is None or "smartlint:" not in source:
        return []
    directives: list[Directive] = []
    for number, line in enumerate(source.splitlines(), start=1):
        if "smartlint:" not in line:
            continue
        for match in pattern.finditer(line):
            body = BODY.match(match.group("body"))
            if body is None:
                directives.append(Directive(None, (), number, match.start() + 1, match.group(0)))
                continue
            listed = body.group("eq") or body.group("br") or ""
            ids = tuple(part.strip() for part in listed.split(",") if part.strip()) or (ALL,)
            directives.append(Directive(body.group("verb"), ids, number, match.start() + 1, match.group(0)))
    return directives


class Suppressions:
    """The directives of one file; asks whether a finding is suppressed and remembers which were."""

    def __init__(self, source: str, style: CommentStyle):
        self.directives = parse_directives(source, style)
        self._stray_enables: list[tuple[Directive, str]] = []
        open_ranges: dict[str, Directive] = {}
        for directive in self.directives:
            if directive.verb == "disable":
                for rule_id in directive.ids:
                    open_ranges[rule_id] = directive
            elif directive.verb == "enable":
                for rule_id in directive.ids:
                    names = list(open_ranges) if rule_id == ALL else [rule_id] if rule_id in open_ranges else []
                    if not names:
                        self._stray_enables.append((directive, rule_id))
                    for name in names:
                        open_ranges.pop(name).end_lines[name] = directive.line
        self._ranges = [d for d in self.directives if d.verb == "disable"]
        self._ignores = [d for d in self.directives if d.verb == "ignore"]

    def suppresses(self, rule_id: str, line: int, first_line: int | None = None, last_line: int | None = None) -> bool:
        """Is a finding of rule_id reported at `line` (for a statement spanning first..last) suppressed?"""
        first_line = line if first_line is None else first_line
        last_line = line if last_line is None else max(last_line, line)
        for directive in self._ignores:
            if first_line <= directive.line <= last_line or directive.line == line:
                named = directive.covers(rule_id)
                if named:
                    directive.used.add(named)
                    return True
        for directive in self._ranges:
            named = directive.covers(rule_id)
            if named and directive.line <= line <= directive.end_lines.get(named, line):
                directive.used.add(named)
                return True
        return False

    def unused(self, known_ids: Iterable[str], enabled_ids: Iterable[str] | None = None) -> list[UnusedSuppression]:
        """Directives to report: unreadable, naming unknown rules, or suppressing nothing. A rule
        that is known but not enabled here cannot have fired, so its directive is not called unused."""
        known = set(known_ids)
        enabled = known if enabled_ids is None else set(enabled_ids)
        problems: list[UnusedSuppression] = []
        for directive in self.directives:
            if directive.verb is None:
                problems.append(UnusedSuppression(directive.line, directive.col,
                                                  f"cannot read suppression {directive.text.strip()!r}"))
                continue
            if directive.verb == "enable":
                continue
            for rule_id in directive.ids:
                if rule_id != ALL and rule_id not in known:
                    hint = did_you_mean(rule_id, known)
                    problems.append(UnusedSuppression(directive.line, directive.col,
                                                      f"suppression names unknown rule {rule_id!r}{hint}"))
                elif rule_id not in directive.used and (rule_id == ALL or rule_id in enabled):
                    what = "any rule" if rule_id == ALL else rule_id
                    problems.append(UnusedSuppression(directive.line, directive.col,
                                                      f"unused suppression: {directive.verb} {what} suppresses nothing"))
        for directive, rule_id in self._stray_enables:
            problems.append(UnusedSuppression(directive.line, directive.col,
                                              f"enable={rule_id} has no earlier disable to end"))
        return problems
