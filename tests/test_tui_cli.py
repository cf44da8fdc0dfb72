"""`smartlint tui` on the command line: its arguments, and what it does without a terminal."""
from __future__ import annotations

import subprocess
import sys


def _smartlint(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "smartlint", *args], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=60)


def test_without_a_terminal_it_says_so_and_exits_2():
    result = _smartlint("tui", "--today", "2026-01-15")
    assert result.returncode == 2
    assert "needs a terminal" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_bad_today_is_a_usage_error():
    result = _smartlint("tui", "--today", "15/01/2026")
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr and "Traceback" not in result.stderr


def test_help_lists_file_and_today():
    result = _smartlint("tui", "--help")
    assert result.returncode == 0
    assert "FILE" in result.stdout and "--today" in result.stdout


def test_command_module_does_not_import_textual():
    code = "import sys, smartlint.commands.tui; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False"
