"""Configuration: discovery, keys, rule ids, per-file ignores."""
from __future__ import annotations

from pathlib import Path

import pytest

from smartlint.config import ConfigFinder, check_rule_ids, find_config, ignored_by_path, load_config
from smartlint.errors import SmartlintError

KNOWN = ["M001", "M002", "P001", "S001", "T001"]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_pyproject_table_found_walking_up(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.smartlint]\nmin-score = 60\nselect = ["M", "T001"]\n')
    plan = write(tmp_path / "plans" / "q3" / "goals.md", "- x\n")
    assert find_config(plan) == tmp_path / "pyproject.toml"
    config = ConfigFinder().for_path(str(plan))
    assert config.min_score == 60 and config.select == ["M", "T001"]
    assert config.root == tmp_path.resolve()


def test_pyproject_without_table_is_passed_over(tmp_path):
    write(tmp_path / ".smartlint.toml", "fiscal-year-start = 4\n")
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    plan = write(tmp_path / "sub" / "goals.txt", "x\n")
    assert find_config(plan) == tmp_path / ".smartlint.toml"
    assert ConfigFinder().for_path(str(plan)).fiscal_year_start == 4


def test_no_config_gives_defaults(tmp_path):
    plan = write(tmp_path / "goals.txt", "x\n")
    config = ConfigFinder().for_path(str(plan))
    assert config.select is None and config.ignore == [] and config.min_score is None


def test_unknown_key_suggests_the_closest(tmp_path):
    path = write(tmp_path / ".smartlint.toml", "select = []\nmin_score = 50\n")
    with pytest.raises(SmartlintError, match=r":2: unknown key 'min_score' \(did you mean 'min-score'\?\)"):
        load_config(path)


def test_bad_value_names_the_key(tmp_path):
    path = write(tmp_path / "pyproject.toml", "[tool.smartlint]\nfiscal-year-start = 13\n")
    with pytest.raises(SmartlintError, match=r"\[tool.smartlint\]:2: fiscal-year-start: .*12"):
        load_config(path)


def test_unknown_rule_id_suggests_the_closest(tmp_path):
    config = load_config(write(tmp_path / ".smartlint.toml", 'ignore = ["T0001"]\n'))
    with pytest.raises(SmartlintError, match=r"ignore: unknown rule 'T0001' \(did you mean 'T001'\?\)"):
        check_rule_ids(config, KNOWN)
    check_rule_ids(load_config(write(tmp_path / "b.toml", 'select = ["ALL", "M", "P001"]\n')), KNOWN)


def test_levels_and_per_file_ignores(tmp_path):
    config = load_config(write(tmp_path / ".smartlint.toml",
                               '[levels]\nT001 = "error"\n[per-file-ignores]\n"drafts/*.md" = ["M", "S001"]\n'))
    assert config.levels == {"T001": "error"}
    draft = str(tmp_path / "drafts" / "q3.md")
    assert ignored_by_path(config, draft, "M002") and ignored_by_path(config, draft, "S001")
    assert not ignored_by_path(config, draft, "T001")
    assert not ignored_by_path(config, str(tmp_path / "final" / "q3.md"), "M002")


def test_rule_dirs_are_relative_to_the_config_and_must_exist(tmp_path):
    (tmp_path / "style").mkdir()
    config = load_config(write(tmp_path / ".smartlint.toml", 'rule-dirs = ["style"]\n'))
    assert config.rule_dirs == [(tmp_path / "style").resolve()]
    with pytest.raises(SmartlintError, match="not a directory"):
        load_config(write(tmp_path / "other.toml", 'rule-dirs = ["nowhere"]\n'))


def test_broken_toml_is_one_line(tmp_path):
    with pytest.raises(SmartlintError, match="invalid TOML"):
        load_config(write(tmp_path / ".smartlint.toml", "select = [\n"))
    with pytest.raises(SmartlintError, match="not found"):
        load_config(tmp_path / "missing.toml")
