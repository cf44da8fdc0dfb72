"""The result cache of `smartlint check`: statement Reports kept on disk between runs, as ruff does.

    cache = ReportCache(Path(".smartlint_cache"))
    context = scoring_context(today, 1, False, pack.statement_fingerprint)
    known = cache.lookup(context, [(text, kind), ...])   # {(text, kind): Report}
    cache.store(context, text, kind, report)
    problem = cache.save()                                # None, or why it could not be written

A Report depends on its text and kind and on the scoring context: the reference date, the fiscal
year start, whether the coach ran, the statement rules in use and the smartlint code itself. Each
context has one JSON file under `<folder>/reports-v1/`, named `<digest of the context>-<entries>.json`,
whose entries map "kind:text" to [scored_at, used_at, Report JSON] (nanosecond stamps). Only the
files of the contexts a run uses are read, and a Report is parsed only when a statement asks for
it. The entry counts in the names bound the whole folder without reading the other files: a run
that writes keeps its own entries, then the most recently used others up to MAX_ENTRIES, dropping
the least recently used entries of its context and the least recently used other contexts whole.

The folder carries a `.gitignore` of `*` and a CACHEDIR.TAG, so it is neither committed nor backed
up. Files are replaced atomically (a temporary file, then os.replace): concurrent runs never leave
a torn file, the last one to finish wins. A file that cannot be read or parsed counts as empty.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import secrets
import time
from pathlib import Path
from typing import Any, NamedTuple

from smartlint import __version__

CACHE_FOLDER = ".smartlint_cache"
ENV_CACHE_DIR = "SMARTLINT_CACHE_DIR"
FORMAT = 1
REPORTS_FOLDER = f"reports-v{FORMAT}"
# Entries kept in a folder besides those the run itself used (a run without --today starts a new
# context every day: yesterday's make way first).
MAX_ENTRIES = 20_000
# A temporary file this old belongs to a run that was killed before its os.replace.
STALE_TEMP_SECONDS = 3600
CACHEDIR_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This file is a cache directory tag created by smartlint.\n"
                "# For information about cache directory tags see https://bford.info/cachedir/\n")


@functools.lru_cache(maxsize=1)  # the code does not change while the process runs
def _code_stamp() -> str:
    """Names, sizes and modification times of smartlint's modules and data files: a reinstall
    or an edit of the code (in a development checkout the version does not change) starts afresh."""
    from importlib.resources import files

    digest = hashlib.sha256(__version__.encode())
    roots = [Path(__file__).parent]
    models = files("smartlint.models")
    if isinstance(models, Path):
        roots.append(models)
    for root in roots:
        for folder, subfolders, names in os.walk(root):
            subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
            for name in sorted(names):
                try:
                    stat = os.stat(os.path.join(folder, name))
                except OSError:
                    continue
                digest.update(f"{folder}/{name}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def scoring_context(today: dt.date, fiscal_year_start: int, coach: bool, statement_rules: str) -> dict[str, Any]:
    """Everything besides the text and kind that decides a statement's Report.
    `statement_rules` is RulePack.statement_fingerprint of the pack in use."""
    return {"format": FORMAT, "smartlint": __version__, "code": _code_stamp(),
            "today": today.isoformat(), "fiscal_year_start": fiscal_year_start, "coach": coach,
            "statement_rules": statement_rules}


def context_name(context: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(context, sort_keys=True).encode()).hexdigest()[:32]


def entry_key(text: str, kind: str) -> str:
    return f"{kind}:{text}"


class _ContextFile:
    """The entries of one context: as read from disk, plus what this run used and scored."""

    def __init__(self, folder: Path, name: str, context: dict[str, Any]):
        self.folder = folder
        self.name = name
        self.context = context
        # concurrent runs may briefly leave two files of one context: the newest is the one
        mine = sorted(listed for listed in _listing(folder) if listed.name == name)
        self.entries = _read_entries(Path(mine[-1].path)) if mine else {}
        self.used: dict[str, list] = {}
        self.added = False


class _Listed(NamedTuple):
    modified: float
    name: str  # the context's digest
    entries: int
    path: str


def _listing(folder: Path) -> list[_Listed]:
    """The context files of a reports folder (none when it is missing or unreadable)."""
    found = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                name, dash, count = entry.name.removesuffix(".json").partition("-")
                if not (entry.name.endswith(".json") and dash and count.isdigit()):
                    continue
                try:
                    modified = entry.stat().st_mtime
                except OSError:
                    continue
                found.append(_Listed(modified, name, int(count), entry.path))
    except OSError:
        return []
    return found


def _read_entries(path: Path) -> dict[str, list]:
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):  # unreadable, truncated or not JSON: start empty
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("entries"), dict):
        return {}
    return data["entries"]


class ReportCache:
    """The cache folder of one project (or the one given with --cache-dir)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._files: dict[str, _ContextFile] = {}
        self._now = time.time_ns()

    def _file(self, context: dict[str, Any]) -> _ContextFile:
        name = context_name(context)
        if name not in self._files:
            self._files[name] = _ContextFile(self.folder / REPORTS_FOLDER, name, context)
        return self._files[name]

    def lookup(self, context: dict[str, Any], statements: list[tuple[str, str]]) -> dict[tuple[str, str], Any]:
        """The cached Reports of those (text, kind) pairs that have one; an entry that does not
        parse as a Report of that text is left out (and replaced when the statement is stored)."""
        from pydantic import ValidationError

        from smartlint.report import Report

        store = self._file(context)
        found = {}
        for text, kind in statements:
            key = entry_key(text, kind)
            entry = store.entries.get(key)
            if not (isinstance(entry, list) and len(entry) == 3 and isinstance(entry[2], str)):
                continue
            try:
                report = Report.model_validate_json(entry[2])
            except ValidationError:
                continue
            if report.text != text:
                continue
            scored_at = entry[0] if isinstance(entry[0], int) else self._now
            store.used[key] = [scored_at, self._now, entry[2]]
            found[(text, kind)] = report
        return found

    def store(self, context: dict[str, Any], text: str, kind: str, report) -> None:
        try:
            serialized = report.model_dump_json()
        except ValueError:  # a text JSON cannot carry (a lone surrogate): scored every time
            return
        file = self._file(context)
        file.used[entry_key(text, kind)] = [self._now, self._now, serialized]
        file.added = True

    def save(self) -> str | None:
        """Write the contexts that gained entries; None, or why the folder could not be written."""
        folder = self.folder / REPORTS_FOLDER
        listing = _listing(folder)
        for file in self._files.values():
            if file.added or not file.used:
                continue
            for listed in listing:
                if listed.name == file.name:
                    try:
                        os.utime(listed.path)  # recently used: among the last contexts to be dropped
                    except OSError:
                        pass  # a read-only cache still serves reads; the order of dropping is a detail
        changed = [file for file in self._files.values() if file.added]
        if not changed:
            return None
        # contexts this run read without adding to are kept whole, and take their room first
        read_only = {file.name for file in self._files.values() if file.used and not file.added}
        room = max(0, MAX_ENTRIES - sum(len(file.used) for file in changed)
                   - sum(listed.entries for listed in listing if listed.name in read_only))
        try:
            self._prepare_folder()
            for file in changed:
                kept = _kept_entries(file, room)
                room -= len(kept) - len(file.used)
                path = folder / f"{file.name}-{len(kept)}.json"
                _write_atomically(path, json.dumps({"format": FORMAT, "context": file.context, "entries": kept},
                                                   separators=(",", ":")).encode())
                for listed in listing:
                    if listed.name == file.name and listed.path != str(path):
                        _remove(listed.path)  # the same context under its former entry count
            _drop_old_contexts(folder, {file.name for file in self._files.values() if file.used}, room)
        except OSError as error:
            return f"{error.strerror or error}" if not error.filename else f"{error.filename}: {error.strerror}"
        return None

    def _prepare_folder(self) -> None:
        (self.folder / REPORTS_FOLDER).mkdir(parents=True, exist_ok=True)
        for name, text in ((".gitignore", "# created by smartlint: the cache is never committed\n*\n"),
                           ("CACHEDIR.TAG", CACHEDIR_TAG)):
            if not (self.folder / name).is_file():
                _write_atomically(self.folder / name, text.encode())


def _kept_entries(file: _ContextFile, room: int) -> dict[str, list]:
    """This run's entries, then up to `room` of the others, the most recently used first."""
    older = [(entry[1], key) for key, entry in file.entries.items()
             if key not in file.used and isinstance(entry, list) and len(entry) == 3
             and isinstance(entry[1], int)]
    kept = dict(file.used)
    for _, key in sorted(older, reverse=True)[:room]:
        kept[key] = file.entries[key]
    return kept


def _drop_old_contexts(folder: Path, in_use: set[str], room: int) -> None:
    """Keep the contexts of this run, then the others, the most recently used first, as long as
    their entries fit in `room`; remove temporary files left by runs that were killed."""
    now = time.time()
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith(".tmp-"):
                try:
                    if now - entry.stat().st_mtime > STALE_TEMP_SECONDS:
                        _remove(entry.path)
                except OSError:
                    continue
    for listed in sorted(_listing(folder), reverse=True):
        if listed.name in in_use:
            continue
        if listed.entries <= room:
            room -= listed.entries
        else:
            room = 0  # an older context would outlive a newer one that did not fit
            _remove(listed.path)


def _write_atomically(path: Path, data: bytes) -> None:
    # os.open rather than mkstemp: the file gets the usual permissions (0666 less the umask)
    temporary = str(path.parent / f".tmp-{os.getpid()}-{secrets.token_hex(6)}.part")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        _remove(temporary)
        raise


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass
