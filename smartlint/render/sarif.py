"""`smartlint check --format sarif`: SARIF 2.1.0, the format code-scanning dashboards read.

Every rule of the pack is listed in tool.driver.rules with its why, example and better version
as help; each result points at its rule by id and index. Columns count Unicode code points.
"""
from __future__ import annotations

import json
from pathlib import PurePath
from urllib.parse import quote

from smartlint import __version__
from smartlint.sources.located import CheckResult, LocatedFinding, RuleInfo

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    if path == "-":
        return "stdin"
    return quote(PurePath(path).as_posix(), safe="/:")


def _rule(rule: RuleInfo) -> dict:
    help_text = f"{rule.why.strip()}\n\nExample:\n{rule.example.strip()}\n\nBetter:\n{rule.better.strip()}"
    help_markdown = (f"{rule.why.strip()}\n\n**Example**\n\n```\n{rule.example.strip()}\n```\n\n"
                     f"**Better**\n\n```\n{rule.better.strip()}\n```")
    described = {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.name.replace("-", " ")},
        "fullDescription": {"text": rule.why.strip()},
        "help": {"text": help_text, "markdown": help_markdown},
        "defaultConfiguration": {"level": LEVELS[rule.level]},
    }
    if rule.dimension is not None:
        described["properties"] = {"tags": [f"SMART-{rule.dimension}"], "dimension": rule.dimension}
    return described


def _result(finding: LocatedFinding, index: dict[str, int]) -> dict:
    result = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.level],
        "message": {"text": finding.message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": _uri(finding.path)},
                "region": {
                    "startLine": finding.line,
                    "startColumn": finding.column,
                    "endLine": finding.end_line,
                    "endColumn": finding.end_column,
                },
            },
        }],
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    if finding.suggestion:
        result["properties"] = {"suggestion": finding.suggestion}
    return result


def to_sarif(result: CheckResult) -> dict:
    rules = sorted(result.rules, key=lambda r: r.id)
    index = {rule.id: number for number, rule in enumerate(rules)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "smartlint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_rule(rule) for rule in rules],
            }},
            "columnKind": "unicodeCodePoints",
            "results": [_result(finding, index) for finding in result.findings],
        }],
    }


def render_sarif(result: CheckResult) -> str:
    return json.dumps(to_sarif(result), indent=2) + "\n"
