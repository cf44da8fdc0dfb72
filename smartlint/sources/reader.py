"""Read a plan file of any supported kind; find plan files under directories."""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator

from smartlint.errors import SmartlintError
from smartlint.inputs import read_file_bytes
from smartlint.sources.markdown_plan import read_markdown_plan
from smartlint.sources.model import PlanDocument
from smartlint.sources.structured_plan import read_structured_plan
from smartlint.sources.text_plan import read_text_plan

FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".toml": "toml",
}
# When a directory is walked, Markdown files are always read (only goal sections count), while
# other kinds are read only when the path looks like a plan, so requirements.txt, package.json or
# pyproject.toml are left alone. Files named on the command line are always read.
PLAN_LIKE_NAME = re.compile(r"(?i)(goal|okr|kpi|objective|plan|milestone|roadmap|target)")
SKIPPED_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache"}
BINARY_PROBE = 8192


class UnreadablePlan(SmartlintError):
    """The file cannot be read at all (missing, a directory of nothing, permissions, binary)."""


def plan_format(path: str) -> str:
    return FORMATS.get(os.path.splitext(path)[1].lower(), "text")


def parse_plan(path: str, source: str, fmt: str | None = None) -> PlanDocument:
    fmt = fmt or plan_format(path)
    if fmt == "markdown":
        return read_markdown_plan(path, source)
    if fmt in ("yaml", "json", "toml"):
        return read_structured_plan(path, source, fmt)
    return read_text_plan(path, source)


def decode_plan(path: str, data: bytes) -> str:
    if b"\x00" in data[:BINARY_PROBE]:
        raise UnreadablePlan(f"{path}: not a text file (binary content)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadablePlan(f"{path}: not UTF-8 text (byte {error.start})") from None


def read_plan(path: str) -> PlanDocument:
    data = read_file_bytes(path, UnreadablePlan, "plan file")
    return parse_plan(path, decode_plan(path, data))


def discover(paths: Iterable[str]) -> Iterator[str]:
    """Files to check: named files as given; directories walked (sorted) for plan files."""
    for path in paths:
        if not os.path.isdir(path):
            yield path
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
            for name in sorted(files):
                full = os.path.join(root, name)
                if _is_plan_candidate(os.path.relpath(full, path), name):
                    yield full


def _is_plan_candidate(relative: str, name: str) -> bool:
    extension = os.path.splitext(name)[1].lower()
    if extension not in FORMATS:
        return False
    return FORMATS[extension] == "markdown" or bool(PLAN_LIKE_NAME.search(relative))
