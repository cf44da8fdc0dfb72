"""The rule loader: good files load, bad files fail with the file and the field named."""
from __future__ import annotations

import textwrap

import pytest

from smartlint.api import Settings, load_rules
from smartlint.engine.loader import load_pack, parse_rules
from smartlint.errors import SmartlintError

GOOD = textwrap.dedent("""\
    id: X001
    name: needs-owner
    dimension: A
    kind: requires
    facts: [owner]
    level: warning
    message: "No owner for {text}"
    why: "Someone must answer for it."
    example: "Increase sales."
    better: "We will increase sales."
""")


def write(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_packaged_pack_loads_with_unique_ids_and_docs():
    pack = load_pack()
    assert len(pack.statement) >= 15
    assert len(set(pack.ids)) == len(pack.ids)
    for rule in pack.statement:
        assert rule.why and rule.example and rule.better and rule.describe()


def test_bad_level_names_file_and_field(tmp_path):
    write(tmp_path, "T901.yaml", GOOD.replace("level: warning", "level: loud"))
    with pytest.raises(SmartlintError) as caught:
        load_pack([tmp_path], include_packaged=False)
    message = str(caught.value)
    assert "T901.yaml" in message and "field 'level'" in message and "'error', 'warning' or 'info'" in message
    assert "\n" not in message


def test_unknown_kind_and_missing_kind(tmp_path):
    with pytest.raises(SmartlintError, match=r"bad\.yaml: field 'kind': unknown kind 'regex'"):
        parse_rules(GOOD.replace("kind: requires", "kind: regex"), "bad.yaml")
    with pytest.raises(SmartlintError, match=r"field 'kind': missing"):
        parse_rules(GOOD.replace("kind: requires\n", ""), "bad.yaml")


def test_unknown_fact_name_and_template_field():
    with pytest.raises(SmartlintError, match=r"field 'facts\.0'"):
        parse_rules(GOOD.replace("facts: [owner]", "facts: [ownr]"), "f.yaml")
    with pytest.raises(SmartlintError, match=r"field 'message': unknown template field \{who\}"):
        parse_rules(GOOD.replace("{text}", "{who}"), "f.yaml")


def test_extra_field_bad_pattern_and_bad_yaml():
    with pytest.raises(SmartlintError, match="field 'severity'"):
        parse_rules(GOOD + "severity: high\n", "f.yaml")
    existence = GOOD.replace("kind: requires\nfacts: [owner]", "kind: existence\ntokens: ['(unclosed']")
    with pytest.raises(SmartlintError, match="not a valid pattern"):
        parse_rules(existence, "f.yaml")
    with pytest.raises(SmartlintError, match="f.yaml: not valid YAML"):
        parse_rules("id: [unclosed", "f.yaml")


def test_duplicate_ids_are_an_error(tmp_path):
    write(tmp_path, "a.yaml", GOOD)
    write(tmp_path, "b.yaml", GOOD)
    with pytest.raises(SmartlintError, match=r"b\.yaml: duplicate rule id 'X001' \(also in .*a\.yaml\)"):
        load_pack([tmp_path], include_packaged=False)
    dup_of_packaged = GOOD.replace("X001", "T001")
    other = tmp_path / "other"
    other.mkdir()
    write(other, "t.yaml", dup_of_packaged)
    with pytest.raises(SmartlintError, match="duplicate rule id 'T001'"):
        load_pack([other])


def test_a_file_may_hold_several_rules():
    rules = parse_rules(f"- {GOOD.replace(chr(10), chr(10) + '  ')}\n- {GOOD.replace('X001', 'X002').replace(chr(10), chr(10) + '  ')}", "two.yaml")
    assert [r.id for r in rules] == ["X001", "X002"]


def test_settings_select_ignore_levels_and_extra_dirs(tmp_path):
    write(tmp_path, "x.yaml", GOOD)
    pack = load_rules(Settings(rule_dirs=[tmp_path], select=["T", "X001"], ignore=["T002"], levels={"T001": "error"}))
    assert "X001" in pack.ids and "T001" in pack.ids and "T002" not in pack.ids and "A001" not in pack.ids
    assert pack.get("T001").level == "error"
    with pytest.raises(SmartlintError, match="rule folder not found"):
        load_rules(Settings(rule_dirs=[tmp_path / "missing"]))


def test_loader_does_not_import_spacy():
    import subprocess
    import sys

    code = "import sys; from smartlint.api import load_rules; load_rules(); print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_loading_rules_builds_no_report_models_and_imports_no_plan_machinery():
    """`smartlint rules` reads only rule files: the Report and Facts models, plan sources and
    rapidfuzz load with the commands that need them."""
    import subprocess
    import sys

    code = ("import sys; from smartlint.engine.loader import load_pack; load_pack(); "
            "print(sorted(m for m in ('smartlint.report', 'smartlint.facts', 'smartlint.sources.model', "
            "'rapidfuzz') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
