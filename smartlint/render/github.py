"""`smartlint check --format github`: GitHub Actions workflow commands, which show as annotations
on the pull request's changed lines.

    ::warning file=plans/q3.md,line=12,col=5,endLine=12,endColumn=40,title=T001 missing-deadline::no deadline ...
"""
from __future__ import annotations

from smartlint.sources.located import CheckResult, LocatedFinding

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: LocatedFinding) -> str:
    properties = {
        "file": finding.path,
        "line": finding.line,
        "col": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "title": f"{finding.rule} {finding.name}".strip(),
    }
    joined = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items())
    return f"::{COMMANDS[finding.level]} {joined}::{_escape_data(finding.message)}"


def render_github(result: CheckResult) -> str:
    return "".join(annotation(f) + "\n" for f in result.findings)
