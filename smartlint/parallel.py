"""Scoring and extraction over many goals on several cores, with results in input order.

    from smartlint.parallel import score_many, default_jobs
    for report in score_many(items, settings, jobs=default_jobs(len(items))):
        ...

`items` are (id, text, reference_date) triples, read lazily: at most `jobs * CHUNKS_IN_FLIGHT`
chunks of `chunk_size` items are held at once, so memory stays flat on inputs of any length.
Each worker process builds ONE Linter (or Analyzer) in its initializer and keeps it for its
lifetime; results are identical to a single process because every goal is scored independently.

`score_partition` / `extract_partition` are the per-partition functions for Dask
(`bag.map_partitions`) or Spark (`rdd.mapPartitions`): see docs/distributed.md.

Importing this module does not import spaCy.
"""
from __future__ import annotations

import datetime as dt
import itertools
import json
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, NamedTuple

from smartlint.api import Linter, Settings
from smartlint.errors import SmartlintError
from smartlint.report import Report

Item = tuple[str | None, str, dt.date]

# Below these sizes a second process costs more (its own pipeline build) than it saves.
PARALLEL_MIN_ITEMS = 2_000
PARALLEL_MIN_BYTES = 1_000_000
# Chunks queued per worker beyond the one it is working on: keeps every core busy while the
# parent writes results, and bounds memory to a few chunks per worker.
CHUNKS_IN_FLIGHT = 2


class ScoredLine(NamedTuple):
    """A Report already serialized by the worker: the parent only writes it (and reads the score)."""

    score: int
    json: str


class Extracted(NamedTuple):
    id: str | None
    predicted: list[dict[str, Any]]


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_jobs(n_items_hint: int | None = None, size_bytes_hint: int | None = None) -> int:
    """All cores for a large input, 1 otherwise.

    Large means at least PARALLEL_MIN_ITEMS items, or (when the count is unknown, as for a file
    read as a stream) more than PARALLEL_MIN_BYTES bytes.
    """
    if n_items_hint is not None:
        large = n_items_hint >= PARALLEL_MIN_ITEMS
    else:
        large = size_bytes_hint is not None and size_bytes_hint > PARALLEL_MIN_BYTES
    return available_cores() if large else 1


def file_size_hint(path: str | None) -> int | None:
    """The size of a --batch file, for default_jobs; None for stdin ('-') or a file not there
    (reading it reports that, with the clear message)."""
    if not path or path == "-":
        return None
    try:
        return os.path.getsize(path)
    except OSError:
        return None


def resolve_jobs(jobs: int | None, n_items_hint: int | None = None, size_bytes_hint: int | None = None) -> int:
    """--jobs as the user gave it: None or 0 means automatic (default_jobs), negative is an error."""
    if jobs is None or jobs == 0:
        return default_jobs(n_items_hint, size_bytes_hint)
    if jobs < 0:
        raise SmartlintError(f"--jobs {jobs}: give a positive number of processes (0 = automatic)")
    return jobs


# --- the per-process state of a worker --------------------------------------------------------
# One (key, pipeline) pair per process, set by the pool initializer or by the first partition a
# Dask/Spark worker runs. It is never shared between processes and never holds more than one
# pipeline, so a long-lived worker does not grow.
_cached: tuple[tuple[str, str], Any] | None = None
_cache_lock = threading.Lock()  # Dask runs partitions of one worker process on several threads


def _settings_key(settings: Settings | None) -> str:
    return (settings or Settings()).model_dump_json()


def _process_local(kind: str, key: str, build: Callable[[], Any]) -> Any:
    global _cached
    with _cache_lock:
        if _cached is None or _cached[0] != (kind, key):
            _cached = ((kind, key), build())
        return _cached[1]


def linter_for(settings: Settings | None = None) -> Linter:
    """This process's Linter for these settings, built on first use."""
    return _linter_by_key(_settings_key(settings))


def _linter_by_key(key: str) -> Linter:
    return _process_local("linter", key, lambda: Linter(Settings.model_validate_json(key)))


def analyzer_for(fiscal_year_start: int = 1):
    """This process's Analyzer (the NLP pass alone) for this fiscal year start."""
    from smartlint.nlp.pipeline import Analyzer

    return _process_local("analyzer", str(fiscal_year_start), lambda: Analyzer(fiscal_year_start=fiscal_year_start))


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group; the parent alone handles it and shuts the pool
    # down, instead of every worker printing its own KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _init_linter(settings_json: str) -> None:
    _ignore_interrupts()
    _linter_by_key(settings_json)


def _init_analyzer(fiscal_year_start: int) -> None:
    _ignore_interrupts()
    analyzer_for(fiscal_year_start)


# --- what one worker does with one chunk (module-level functions: they must pickle) ----------

def score_partition(items: Iterable[Item], settings: Settings | None = None) -> list[Report]:
    """Score a partition with this process's Linter (built once per process, then reused)."""
    return list(linter_for(settings).score_many(items))


def score_partition_json(items: Iterable[Item], settings: Settings | None = None) -> list[str]:
    """Like score_partition, as JSON lines: cheaper to send between processes than Reports."""
    return [report.model_dump_json() for report in linter_for(settings).score_many(items)]


def extract_partition(items: Iterable[Item], fiscal_year_start: int = 1) -> list[Extracted]:
    """The `extract` items of every text of a partition, with the Analyzer built once per process."""
    return _extract_with(analyzer_for(fiscal_year_start), list(items))


def item_from_json(line: str, default_date: dt.date) -> Item:
    """One `score --batch` line {"id", "text", "reference_date"?} as an item, for engines that
    read JSONL themselves (Dask's read_text, Spark's textFile). Bind default_date with
    functools.partial: a partial of this function pickles by reference, a lambda may not."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise SmartlintError(f"not a JSON line ({error.msg}): {line[:80]!r}") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise SmartlintError(f'expected a JSON object with a "text" string: {line[:80]!r}')
    raw_id, raw_date = record.get("id"), record.get("reference_date")
    try:
        reference_date = dt.date.fromisoformat(str(raw_date)) if raw_date is not None else default_date
    except ValueError:
        raise SmartlintError(f'"reference_date" {raw_date!r} is not YYYY-MM-DD') from None
    return (None if raw_id is None else str(raw_id), record["text"], reference_date)


def _score_chunk(chunk: list[Item], settings_and_coach: tuple[str, bool]) -> list[Report]:
    settings_json, coach = settings_and_coach
    return list(_linter_by_key(settings_json).score_many(chunk, coach=coach))


def _score_lines_chunk(chunk: list[Item], settings_json: str) -> list[ScoredLine]:
    reports = _linter_by_key(settings_json).score_many(chunk)
    return [ScoredLine(report.score, report.model_dump_json()) for report in reports]


def _extract_chunk(chunk: list[Item], fiscal_year_start: int) -> list[Extracted]:
    return extract_partition(chunk, fiscal_year_start)


# --- the pool ---------------------------------------------------------------------------------

def _pool_context():
    """fork where it is safe (no threads to copy mid-lock): workers start without re-importing
    spaCy. Otherwise forkserver or spawn, which start clean processes."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Lists of `size` items; if reading fails part-way, the items read so far come out first."""
    iterator = iter(items)
    while True:
        chunk: list[Item] = []
        try:
            for item in iterator:
                chunk.append(item)
                if len(chunk) == size:
                    break
        except Exception:
            if chunk:
                yield chunk
            raise
        if not chunk:
            return
        yield chunk


def _ordered_map(function: Callable[..., list], extra: Any, items: Iterable[Item], jobs: int,
                 chunk_size: int, initializer: Callable, initargs: tuple) -> Iterator:
    """function(chunk, extra) over chunks in worker processes; results flattened in input order.

    If reading the input fails part-way (a bad line), everything read before it is finished and
    yielded first, then the error is raised: the output stops exactly where the input went wrong.
    """
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=_pool_context(),
                                   initializer=initializer, initargs=initargs)
    pending: deque[Future] = deque()
    chunks = _chunks(items, chunk_size)
    try:
        input_error: Exception | None = None
        exhausted = False
        while True:
            while not exhausted and input_error is None and len(pending) < jobs * (1 + CHUNKS_IN_FLIGHT):
                try:
                    chunk = next(chunks)
                except StopIteration:
                    exhausted = True
                    break
                except Exception as error:  # raised again below, once earlier results are out
                    input_error = error
                    break
                pending.append(executor.submit(function, chunk, extra))
            if not pending:
                break
            yield from pending.popleft().result()
        if input_error is not None:
            raise input_error
    except BrokenProcessPool:
        raise SmartlintError("a worker process died (out of memory?); try again with --jobs 1") from None
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _check(jobs: int, chunk_size: int) -> None:
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, not {chunk_size}")


def score_many(items: Iterable[Item], settings: Settings | None = None, jobs: int = 1,
               chunk_size: int = 256, coach: bool = True) -> Iterator[Report]:
    """Reports for (id, text, reference_date) items, in input order; jobs > 1 uses that many
    processes. Without `coach` the Reports carry no questions, suggestions or rewrite."""
    _check(jobs, chunk_size)
    if jobs == 1:
        linter = Linter(settings)
        for chunk in _chunks(items, chunk_size):
            yield from linter.score_many(chunk, coach=coach)
        return
    key = _settings_key(settings)
    yield from _ordered_map(_score_chunk, (key, coach), items, jobs, chunk_size, _init_linter, (key,))


def score_lines(items: Iterable[Item], settings: Settings | None = None, jobs: int = 1,
                chunk_size: int = 256) -> Iterator[ScoredLine]:
    """(score, report JSON) for each item in input order: what `score --batch` writes.

    Workers serialize the Reports themselves, so the parent process does no per-report work
    beyond writing a string; with Report objects the parent's unpickling would cap throughput.
    """
    _check(jobs, chunk_size)
    if jobs == 1:
        linter = Linter(settings)
        for chunk in _chunks(items, chunk_size):
            for report in linter.score_many(chunk):
                yield ScoredLine(report.score, report.model_dump_json())
        return
    key = _settings_key(settings)
    yield from _ordered_map(_score_lines_chunk, key, items, jobs, chunk_size, _init_linter, (key,))


def extract_many(items: Iterable[Item], fiscal_year_start: int = 1, jobs: int = 1,
                 chunk_size: int = 256) -> Iterator[Extracted]:
    """(id, extract items) for each (id, text, reference_date) in input order."""
    _check(jobs, chunk_size)
    if jobs == 1:
        from smartlint.nlp.pipeline import Analyzer

        analyzer = Analyzer(fiscal_year_start=fiscal_year_start)
        for chunk in _chunks(items, chunk_size):
            yield from _extract_with(analyzer, chunk)
        return
    yield from _ordered_map(_extract_chunk, fiscal_year_start, items, jobs, chunk_size,
                            _init_analyzer, (fiscal_year_start,))


def _extract_with(analyzer, chunk: list[Item]) -> list[Extracted]:
    from smartlint.extract import extract_items

    facts = analyzer.analyze_many((text, reference_date) for _, text, reference_date in chunk)
    return [Extracted(item_id, extract_items(f)) for (item_id, _, _), f in zip(chunk, facts)]
