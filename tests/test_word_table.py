"""The packaged word table (models/word_classes.json) must agree with the installed lemminflect.

smartlint answers "which parts of speech can this word be" and "what is this verb's base form" from
that table instead of lemminflect's slow-loading lexicon, so an upgraded lemminflect would go
unnoticed without this check. scripts/build_word_table.py --check compares the two; rebuild the
table with the same script (without --check) when it fails.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
BUILD_SCRIPT = REPO_ROOT / "scripts" / "build_word_table.py"


@pytest.mark.skipif(not BUILD_SCRIPT.is_file(), reason="scripts/build_word_table.py is not in this checkout")
def test_the_packaged_word_table_matches_lemminflect():
    result = subprocess.run([sys.executable, str(BUILD_SCRIPT), "--check"], cwd=REPO_ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, (
        "models/word_classes.json is stale; run scripts/build_word_table.py to rebuild it\n"
        + result.stdout[-2000:] + result.stderr[-2000:])
