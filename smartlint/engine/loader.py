"""Load rule files: the packaged pack (smartlint.rules) plus folders named in the settings.

A file holds one rule (a mapping) or several (a list of mappings). Each is validated against the
discriminated union of every rule kind; a bad file raises SmartlintError naming the file and field.
No spaCy here: `smartlint rules` must start fast.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
import hashlib
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Union

import yaml
from pydantic import Field, TypeAdapter, ValidationError

from smartlint.engine import plan_kinds
from smartlint.engine.kinds import STATEMENT_KINDS, StatementRule
from smartlint.engine.rule_base import RuleBase
from smartlint.errors import SmartlintError

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ALL_KINDS = STATEMENT_KINDS + tuple(plan_kinds.PLAN_KINDS)
_RULE = TypeAdapter(Annotated[Union[_ALL_KINDS], Field(discriminator="kind")]) if len(_ALL_KINDS) > 1 \
    else TypeAdapter(_ALL_KINDS[0])
_KIND_TAGS = frozenset(kind.model_fields["kind"].annotation.__args__[0] for kind in _ALL_KINDS)


@dataclass(frozen=True)
class RulePack:
    """The loaded rules in id order; `statement` rules judge one goal, `plan` rules a whole plan.

    `statement_fingerprint` is a digest of the files that hold statement rules (their names and
    contents): what a cached Report depends on among the rules. Empty for a pack built by hand."""

    rules: tuple[RuleBase, ...]
    statement_fingerprint: str = ""

    @property
    def statement(self) -> tuple[StatementRule, ...]:
        return tuple(r for r in self.rules if isinstance(r, StatementRule))

    @property
    def plan(self) -> tuple[RuleBase, ...]:
        return tuple(r for r in self.rules if not isinstance(r, StatementRule))

    def get(self, rule_id: str) -> RuleBase | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    @property
    def ids(self) -> list[str]:
        return [r.id for r in self.rules]

    def __iter__(self) -> Iterator[RuleBase]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)


def _describe_error(error: ValidationError) -> str:
    first = error.errors()[0]
    loc = list(first["loc"])
    if loc and loc[0] in _KIND_TAGS:
        loc = loc[1:]  # the union tag is not a field of the file
    if first["type"] in ("union_tag_not_found", "union_tag_invalid"):
        loc = ["kind"]
    message = first["msg"]
    if first["type"] == "union_tag_invalid":
        message = f"unknown kind {first['input'].get('kind')!r} (known: {', '.join(sorted(_KIND_TAGS))})"
    elif first["type"] == "union_tag_not_found":
        message = "missing (one of: " + ", ".join(sorted(_KIND_TAGS)) + ")"
    message = message.removeprefix("Value error, ")
    if not loc:
        return message
    return "field '" + ".".join(str(part) for part in loc) + "': " + message


def parse_rules(text: str, source: str) -> list[RuleBase]:
    """Rules from the YAML text of one file; `source` names the file in error messages."""
    try:
        data = yaml.load(text, Loader=_YAML_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise SmartlintError(f"{source}: not valid YAML{where}") from error
    entries = data if isinstance(data, list) else [data]
    rules = []
    for number, entry in enumerate(entries, start=1):
        prefix = f"{source}: " if len(entries) == 1 else f"{source}: rule {number}: "
        if not isinstance(entry, dict):
            raise SmartlintError(f"{prefix}a rule must be a mapping of fields")
        try:
            rules.append(_RULE.validate_python(entry))
        except ValidationError as error:
            raise SmartlintError(prefix + _describe_error(error)) from error
    return rules


def _packaged_files() -> Iterable[tuple[str, str]]:
    folder = files("smartlint.rules")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            yield f"rules/{entry.name}", entry.read_text(encoding="utf-8")


def _folder_files(folder: Path) -> Iterable[tuple[str, str]]:
    if not folder.is_dir():
        raise SmartlintError(f"{folder}: rule folder not found")
    for path in sorted(folder.glob("*.yaml")):
        try:
            yield str(path), path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise SmartlintError(f"{path}: cannot read ({error})") from error


def load_pack(rule_dirs: Iterable[Path] = (), include_packaged: bool = True) -> RulePack:
    """Every rule of the packaged pack and of `rule_dirs`; duplicate ids are an error."""
    sources: list[Iterable[tuple[str, str]]] = [_packaged_files()] if include_packaged else []
    sources += [_folder_files(Path(folder)) for folder in rule_dirs]
    seen: dict[str, str] = {}
    rules: list[RuleBase] = []
    statement_files = hashlib.sha256()
    for source in sources:
        for name, text in source:
            parsed = parse_rules(text, name)
            if any(isinstance(rule, StatementRule) for rule in parsed):
                statement_files.update(f"{len(name)}:{name}{len(text)}:{text}".encode())
            for rule in parsed:
                if rule.id in seen:
                    raise SmartlintError(f"{name}: duplicate rule id '{rule.id}' (also in {seen[rule.id]})")
                seen[rule.id] = name
                rules.append(rule)
    return RulePack(tuple(sorted(rules, key=lambda r: r.id)), statement_files.hexdigest())
