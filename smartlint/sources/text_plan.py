"""Plain-text plans: one goal a line.

The reading chosen (the contract allows two): every non-empty line starts a goal, and a line that
begins with whitespace continues the goal above it (a hard-wrapped goal), as long as no blank line
comes between. So a list of one-line goals reads naturally, and a wrapped paragraph stays whole.
A line whose first character is `#` followed by a space (or nothing) is a comment; a trailing
`# smartlint: ...` comment is cut from the goal. Bullets (`-`, `*`, `+`) and numbering (`1.`, `2)`)
in front of a goal are stripped.
"""
from __future__ import annotations

import re

from smartlint.sources.model import PlanDocument, PlanItem, TextBuilder

COMMENT_LINE = re.compile(r"^\s*#(\s|$)")
TRAILING_DIRECTIVE = re.compile(r"\s+#\s*smartlint:.*$")
BULLET = re.compile(r"^(\s*)(?:[-*+•]|\d{1,3}[.)])\s+")


def read_text_plan(path: str, source: str) -> PlanDocument:
    document = PlanDocument(path=path, source=source, comment_style="hash")
    builder: TextBuilder | None = None

    def finish() -> None:
        nonlocal builder
        if builder is not None:
            statement = builder.build("goal", path)
            if statement is not None:
                document.goals.append(PlanItem(statement=statement))
        builder = None

    for line_no, line in enumerate(source.splitlines(), start=1):
        if not line.strip() or COMMENT_LINE.match(line):
            finish()
            continue
        content = TRAILING_DIRECTIVE.sub("", line)
        continues = builder is not None and line[:1].isspace() and not BULLET.match(line)
        if not continues:
            finish()
            builder = TextBuilder()
            bullet = BULLET.match(content)
            start = bullet.end() if bullet else len(content) - len(content.lstrip())
        else:
            builder.add_space()
            start = len(content) - len(content.lstrip())
        builder.add(content[start:].rstrip(), line_no, start + 1)
    finish()
    return document
