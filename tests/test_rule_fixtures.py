"""Every rule of the pack, run on its own pass/fail statements through the real pipeline."""
from __future__ import annotations

import datetime as dt
from importlib.resources import files
from pathlib import Path

import pytest
import yaml

from smartlint.api import Linter, load_rules

FIXTURES = Path(__file__).parent / "fixtures" / "rules"


def _cases():
    for path in sorted(FIXTURES.glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        reference = spec["reference_date"]
        reference = reference if isinstance(reference, dt.date) else dt.date.fromisoformat(reference)
        for expected, key in ((True, "fail"), (False, "pass")):
            for number, text in enumerate(spec.get(key, []), start=1):
                yield pytest.param(spec["rule"], text, reference, expected, id=f"{spec['rule']}-{key}-{number}")


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


@pytest.mark.parametrize(("rule", "text", "reference_date", "fires"), list(_cases()))
def test_rule_fires_as_the_fixture_says(linter, rule, text, reference_date, fires):
    report = linter.score(text, reference_date)
    fired = [f.rule for f in report.findings]
    assert (rule in fired) == fires, f"{rule} {'should' if fires else 'should not'} fire on {text!r}; fired: {fired}"


def test_every_statement_rule_has_a_fixture_with_both_sides():
    missing = []
    for rule in load_rules().statement:
        path = FIXTURES / f"{rule.id}.yaml"
        if not path.exists():
            missing.append(rule.id)
            continue
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert spec["rule"] == rule.id, path
        assert spec.get("fail") and spec.get("pass"), f"{path.name} needs pass and fail statements"
    assert not missing, f"rules without a fixture file in tests/fixtures/rules: {missing}"


def test_rule_files_ship_in_the_package():
    names = [entry.name for entry in files("smartlint.rules").iterdir()]
    assert any(name.startswith("T004") for name in names)
