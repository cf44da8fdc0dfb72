"""The findings of the current goal, and for the one selected: the rule's why and a better example."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from smartlint.report import Finding
from smartlint.tui.widgets.palette import LETTER_COLORS


class FindingsPanel(Vertical):
    def __init__(self, rules, **kwargs):
        super().__init__(**kwargs)
        self.rules = rules  # a RulePack, or None until the linter is built
        self.findings: list[Finding] = []

    def compose(self) -> ComposeResult:
        yield OptionList(id="findings-list")
        with VerticalScroll(id="finding-detail-scroll"):
            yield Static(id="finding-detail")

    def show(self, findings: list[Finding]) -> None:
        if [(f.rule, f.start, f.end, f.message) for f in findings] == \
                [(f.rule, f.start, f.end, f.message) for f in self.findings]:
            return  # same findings: keep the selection where the user left it
        self.findings = list(findings)
        options = self.query_one("#findings-list", OptionList)
        options.clear_options()
        options.add_options([Option(self._prompt(f), id=f"finding-{i}") for i, f in enumerate(findings)])
        if findings:
            options.highlighted = 0
        self._describe(findings[0] if findings else None)

    @staticmethod
    def _prompt(finding: Finding) -> Text:
        return Text.assemble((f"{finding.rule} ", f"bold {LETTER_COLORS[finding.dimension]}"), finding.message)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        index = event.option_index
        self._describe(self.findings[index] if 0 <= index < len(self.findings) else None)

    def _describe(self, finding: Finding | None) -> None:
        detail = self.query_one("#finding-detail", Static)
        if finding is None:
            detail.update(Text("No findings.", style="italic"))
            return
        rule = self.rules.get(finding.rule) if self.rules is not None else None
        parts: list[Text | str] = [Text(f"{finding.rule} {rule.name if rule else ''}\n", style="bold")]
        if finding.suggestion:
            parts.append(Text.assemble(("Try: ", "bold"), finding.suggestion, "\n"))
        if rule is not None:
            parts.append(Text.assemble(("Why: ", "bold"), " ".join(rule.why.split()), "\n"))
            parts.append(Text.assemble(("Weak: ", "bold"), rule.example.strip(), "\n"))
            parts.append(Text.assemble(("Better: ", "bold"), rule.better.strip()))
        detail.update(Text.assemble(*parts))
