"""The terminal scorecard for one Report: colour on a terminal, plain text when piped."""
from __future__ import annotations

from smartlint.report import DIMENSIONS, Report

DIMENSION_NAMES = {
    "S": "Specific",
    "M": "Measurable",
    "A": "Achievable",
    "R": "Relevant",
    "T": "Time-bound",
}
POINT_STYLES = {0: "bold red", 1: "yellow", 2: "green"}
LEVEL_STYLES = {"error": "red", "warning": "yellow", "info": "cyan"}


def scorecard_lines(report: Report):
    """The scorecard as rich Text lines (rich renders them plain when output is not a terminal)."""
    from rich.text import Text

    verdict = "SMART" if report.smart else "not SMART yet"
    head = Text()
    head.append(f"{report.score}/100", style="bold " + ("green" if report.smart else "yellow"))
    head.append(f"  {verdict}", style="bold")
    head.append(f"  ({report.kind}, reference date {report.reference_date.isoformat()})", style="dim")
    yield head
    yield Text(f"  {report.text.strip()}", style="italic")
    yield Text("")
    for letter in DIMENSIONS:
        dimension = report.dimensions[letter]
        line = Text("  ")
        line.append(f"{letter} {DIMENSION_NAMES[letter]:<11}", style="bold")
        line.append(f"{'●' * dimension.points}{'○' * (2 - dimension.points)} {dimension.points}/2",
                    style=POINT_STYLES[dimension.points])
        if dimension.reason:
            line.append(f"  {dimension.reason}")
        yield line
        if dimension.evidence:
            quoted = ", ".join(f'"{span.text}"' for span in dimension.evidence)
            yield Text(f"      evidence: {quoted}", style="dim")
    if report.findings:
        yield Text("")
        yield Text("Findings", style="bold")
        order = {letter: i for i, letter in enumerate(DIMENSIONS)}
        for finding in sorted(report.findings, key=lambda f: (order.get(f.dimension, 9), f.start)):
            line = Text("  ")
            line.append(f"{finding.rule}", style="bold " + LEVEL_STYLES[finding.level])
            line.append(f" [{finding.dimension}] {finding.message}")
            yield line
            if finding.suggestion:
                yield Text(f"      try: {finding.suggestion}", style="dim")
    if report.questions:
        yield Text("")
        yield Text("Questions", style="bold")
        for question in report.questions:
            yield Text(f"  ? {question}")
    if report.suggestions:
        yield Text("")
        yield Text("Suggestions", style="bold")
        for suggestion in report.suggestions:
            yield Text(f"  [{suggestion.dimension}] {suggestion.text}")
    if report.kpis:
        yield Text("")
        yield Text("KPIs to track", style="bold")
        for kpi in report.kpis:
            yield Text(f"  {kpi['timing']:<8} {kpi['text']}")
    if report.milestones:
        yield Text("")
        yield Text("Milestones", style="bold")
        for step in report.milestones:
            yield Text(f"  {step['due']}  {step['text']}")
    if report.rewrite and report.rewrite.strip() != report.text.strip():
        yield Text("")
        yield Text("Rewrite", style="bold")
        yield Text(f"  {report.rewrite}", style="green")


def print_scorecard(report: Report, file=None) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(file=file, highlight=False, soft_wrap=True)
    width = console.width  # rich measures the terminal again on every read of console.width
    pieces = []
    for line in scorecard_lines(report):
        # a long line wraps under its own first character, not at the left margin
        indent = len(line.plain) - len(line.plain.lstrip(" "))
        body = line[indent:] if indent else line
        for piece in body.wrap(console, max(20, width - indent)):
            piece.rstrip()
            pieces.append(Text(" " * indent) + piece)
    # one print: each console.print renders and flushes on its own, which costs more than the text
    console.print(Text("\n").join(pieces))
