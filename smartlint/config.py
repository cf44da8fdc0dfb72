"""Project configuration for `smartlint check`: `[tool.smartlint]` in pyproject.toml, or the top
level of `.smartlint.toml`, found by walking up from the checked file (or the working directory).

    [tool.smartlint]
    select = ["S", "M", "T001"]        # rule ids or prefixes; "ALL" for everything (default: all)
    ignore = ["R002"]
    levels = { P003 = "info" }         # per-rule level: error | warning | info
    per-file-ignores = { "drafts/*.md" = ["S", "M"] }
    min-score = 60
    fiscal-year-start = 4              # April
    rule-dirs = ["style/rules"]        # more rule packs, same YAML format as the built-in ones
    near-duplicate-threshold = 90      # 0-100, rapidfuzz token-sort similarity (P007)
    max-goals-per-owner = 5            # (P008)

Unknown keys and unknown rule ids are errors that suggest the closest known name.
"""
from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from rapidfuzz import process

from smartlint.errors import SmartlintError
from smartlint.report import Level

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

CONFIG_FILES = (".smartlint.toml", "pyproject.toml")


class CheckConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    select: list[str] | None = None
    ignore: list[str] = Field(default_factory=list)
    levels: dict[str, Level] = Field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict, alias="per-file-ignores")
    min_score: int | None = Field(default=None, ge=0, le=100, alias="min-score")
    fiscal_year_start: int = Field(default=1, ge=1, le=12, alias="fiscal-year-start")
    rule_dirs: list[Path] = Field(default_factory=list, alias="rule-dirs")
    near_duplicate_threshold: float | None = Field(default=None, ge=0, le=100, alias="near-duplicate-threshold")
    max_goals_per_owner: int | None = Field(default=None, ge=1, alias="max-goals-per-owner")
    # where it came from: per-file-ignores globs and rule-dirs are relative to this folder
    source: Path | None = Field(default=None, exclude=True)
    root: Path = Field(default_factory=Path.cwd, exclude=True)

    @property
    def label(self) -> str:
        if self.source is None:
            return "configuration"
        return f"{self.source}: [tool.smartlint]" if self.source.name == "pyproject.toml" else str(self.source)


KNOWN_KEYS = tuple(field.alias or name for name, field in CheckConfig.model_fields.items()
                   if name not in ("source", "root"))


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    best = process.extractOne(word, list(choices), score_cutoff=60)
    return f" (did you mean {best[0]!r}?)" if best else ""


def _table_of(path: Path) -> dict[str, Any] | None:
    """The smartlint table of a config file, or None when the file holds none."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise SmartlintError(f"{path}: invalid TOML: {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SmartlintError(f"{path}: cannot read configuration ({error})") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("smartlint")
        if table is not None and not isinstance(table, dict):
            raise SmartlintError(f"{path}: [tool.smartlint] must be a table")
        return table
    return data


def _line_of_key(path: Path, key: str) -> str:
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip().startswith((f"{key} ", f"{key}=", f'"{key}"')):
                return f":{number}"
    except (OSError, UnicodeDecodeError):
        pass
    return ""


def load_config(path: Path) -> CheckConfig:
    """Read one configuration file (an explicit --config, or a discovered one)."""
    path = Path(path)
    if not path.is_file():
        raise SmartlintError(f"{path}: configuration file not found")
    table = _table_of(path)
    if table is None:
        table = {}
    where = f"{path}: [tool.smartlint]" if path.name == "pyproject.toml" else str(path)
    for key in table:
        if key not in KNOWN_KEYS:
            raise SmartlintError(
                f"{path}{_line_of_key(path, key)}: unknown key {key!r}{did_you_mean(key, KNOWN_KEYS)}"
            )
    try:
        config = CheckConfig.model_validate({**table, "source": path.resolve(), "root": path.resolve().parent})
    except ValidationError as error:
        detail = error.errors()[0]
        field = ".".join(str(part) for part in detail["loc"])
        key = str(detail["loc"][0]) if detail["loc"] else ""
        raise SmartlintError(f"{where}{_line_of_key(path, key)}: {field}: {detail['msg']}") from None
    resolved_dirs = [d if d.is_absolute() else config.root / d for d in config.rule_dirs]
    for directory in resolved_dirs:
        if not directory.is_dir():
            raise SmartlintError(f"{where}: rule-dirs: {directory} is not a directory")
    return config.model_copy(update={"rule_dirs": resolved_dirs})


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above `start` (a file or a folder)."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = candidate_dir / name
            if candidate.is_file() and (name != "pyproject.toml" or _table_of(candidate) is not None):
                return candidate
    return None


class ConfigFinder:
    """Finds (and caches, per folder) the configuration that applies to each checked file."""

    def __init__(self, explicit: Path | None = None):
        self._explicit = load_config(explicit) if explicit is not None else None
        self._by_folder: dict[Path, CheckConfig] = {}
        self._by_file: dict[Path, CheckConfig] = {}

    def for_path(self, path: str | None) -> CheckConfig:
        if self._explicit is not None:
            return self._explicit
        folder = Path(os.getcwd()) if path is None or path == "-" else Path(path).resolve().parent
        if folder not in self._by_folder:
            found = find_config(folder)
            if found is None:
                config = CheckConfig(root=Path.cwd())
            else:
                found = found.resolve()
                if found not in self._by_file:
                    self._by_file[found] = load_config(found)
                config = self._by_file[found]
            self._by_folder[folder] = config
        return self._by_folder[folder]

    def loaded(self) -> list[CheckConfig]:
        configs = [self._explicit] if self._explicit is not None else list(self._by_file.values())
        return configs


def selector_matches(selector: str, rule_id: str) -> bool:
    return selector == "ALL" or rule_id.startswith(selector)


def check_selectors(selectors: Iterable[str], known_ids: Iterable[str], where: str) -> None:
    """Every selector must be ALL, a known rule id or the prefix of one."""
    known = sorted(set(known_ids))
    for selector in selectors:
        if selector == "ALL" or any(rule_id.startswith(selector) for rule_id in known):
            continue
        raise SmartlintError(f"{where}: unknown rule {selector!r}{did_you_mean(selector, known)}")


def check_rule_ids(config: CheckConfig, known_ids: Iterable[str]) -> None:
    known = list(known_ids)
    where = config.label
    check_selectors(config.select or [], known, f"{where} select")
    check_selectors(config.ignore, known, f"{where} ignore")
    check_selectors(config.levels, known, f"{where} levels")
    for pattern, selectors in config.per_file_ignores.items():
        check_selectors(selectors, known, f"{where} per-file-ignores {pattern!r}")


def ignored_by_path(config: CheckConfig, path: str, rule_id: str) -> bool:
    if not config.per_file_ignores or path == "-":
        return False
    absolute = Path(path).resolve()
    try:
        relative = PurePosixPath(absolute.relative_to(config.root).as_posix())
    except ValueError:
        relative = PurePosixPath(absolute.as_posix())
    for pattern, selectors in config.per_file_ignores.items():
        if fnmatch.fnmatch(str(relative), pattern) or fnmatch.fnmatch(relative.name, pattern):
            if any(selector_matches(s, rule_id) for s in selectors):
                return True
    return False
