"""`smartlint check` as text, like a compiler or ruff: one line a finding, then a summary line.

    plans/q3.md:12:5: T001 no deadline: add a date or period (by June 30, 2026) [T 0/2]
"""
from __future__ import annotations

from smartlint.sources.located import CheckResult, LocatedFinding


def finding_line(finding: LocatedFinding) -> str:
    tag = ""
    if finding.dimension is not None:
        tag = f" [{finding.dimension} {finding.points}/2]" if finding.points is not None else f" [{finding.dimension}]"
    level = "" if finding.level == "warning" else f"({finding.level}) "
    return f"{finding.path}:{finding.line}:{finding.column}: {finding.rule} {level}{finding.message}{tag}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(result: CheckResult) -> str:
    statements = result.statements
    smart = sum(1 for s in statements if s.smart)
    average = round(sum(s.score for s in statements) / len(statements)) if statements else None
    scored = (f"{_plural(len(statements), 'statement')} in {_plural(len(result.files), 'file')}, "
              f"{smart} SMART" + (f", average score {average}" if average is not None else ""))
    if not result.findings:
        return f"All checks passed: {scored}."
    counts = {level: sum(1 for f in result.findings if f.level == level) for level in ("error", "warning", "info")}
    parts = ", ".join(_plural(n, level) for level, n in counts.items() if n)
    return f"Found {_plural(len(result.findings), 'finding')} ({parts}): {scored}."


def render_text(result: CheckResult) -> str:
    lines = [finding_line(f) for f in result.findings]
    if result.unreadable:
        lines.append(f"{_plural(len(result.unreadable), 'file')} could not be read (see above).")
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"
