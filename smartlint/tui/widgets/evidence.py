"""The goal as scored, read-only, with each letter's evidence in that letter's colour."""
from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from smartlint.tui.session import MAX_LIVE_CHARS, Scoring
from smartlint.tui.widgets.palette import LETTERS, evidence_style

SHOWN_CHARS = 400  # the view sits under the editor: a preview, not a second copy of a long text


def highlighted(scoring: Scoring) -> Text:
    """The scored text with the evidence spans styled, cut to SHOWN_CHARS."""
    text = Text(scoring.text[:SHOWN_CHARS], no_wrap=False)
    if scoring.report is not None:
        for letter in LETTERS:
            for span in scoring.report.dimensions[letter].evidence:
                if span.start < SHOWN_CHARS:
                    text.stylize(evidence_style(letter), span.start, min(span.end, SHOWN_CHARS))
    if len(scoring.text) > SHOWN_CHARS:
        text.append(" …", style="dim")
    return text


class EvidenceView(Static):
    def show(self, scoring: Scoring | None) -> None:
        if scoring is None or not scoring.text.strip():
            self.update(Text("Type a goal above: who will achieve what, how much, by when, and why.", style="dim"))
        elif scoring.too_long:
            self.update(Text(
                f"{len(scoring.text):,} characters: a goal is a sentence or two, so it is scored live only "
                f"up to {MAX_LIVE_CHARS:,}. Trim it, or check a long document with `smartlint check`.",
                style="italic",
            ))
        else:
            self.update(highlighted(scoring))
