"""The wheel carries the rule pack and the pipeline definition, so a plain `pip install .` works."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from importlib.resources import files
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contains_rules_and_models(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    wheel = next(tmp_path.glob("smartlint-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped_rules = {Path(n).name for n in names if n.startswith("smartlint/rules/") and n.endswith(".yaml")}
    source_rules = {p.name for p in (ROOT / "rules").glob("*.yaml")}
    assert source_rules and shipped_rules == source_rules
    assert "smartlint/models/config.cfg" in names
    source_modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "smartlint").rglob("*.py")}
    assert source_modules <= names, f"modules missing from the wheel: {sorted(source_modules - names)}"
    source_styles = {p.relative_to(ROOT).as_posix() for p in (ROOT / "smartlint").rglob("*.tcss")}
    assert source_styles <= names
    shipped_patterns = {Path(n).name for n in names if n.startswith("smartlint/models/patterns/")}
    assert {p.name for p in (ROOT / "models" / "patterns").glob("*.jsonl")} <= shipped_patterns


def test_installed_package_finds_its_data_through_importlib_resources():
    assert (files("smartlint.models") / "config.cfg").is_file()
    assert any(entry.name.endswith(".yaml") for entry in files("smartlint.rules").iterdir())
