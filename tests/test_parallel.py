"""smartlint.parallel: several processes give exactly what one process gives, in input order,
reading the input lazily."""
from __future__ import annotations

import datetime as dt
import pickle

import pytest

from smartlint import parallel
from smartlint.api import Linter, Settings
from smartlint.errors import SmartlintError
from smartlint.report import Report

TODAY = dt.date(2026, 1, 15)

# Own goals, varied on purpose: owners, rates, money, past and far deadlines, rationale, vague text.
GOAL_SHAPES = [
    "Our support team will cut first-reply time from 9 hours to {n} hours by June 30, 2026",
    "Grow the mailing list by {n}% this quarter so that launches reach more readers",
    "Maria will publish {n} case studies on LinkedIn every month until December",
    "Raise $ {n}0k in seed funding by the end of the year",
    "Improve things around the office soon",
    "Ship version {n}.2 of the mobile app by Q3 2026 because churn is rising",
    "Hire {n} engineers within 4 months",
    "Reduce defects to zero by 2020",
    "Post on Instagram {n} times a week",
    "Double weekly active users in 2031 to support the Series B",
    "Ensure 100% of customers renew by March 2027",
    "Answer every ticket ASAP — 📈 déjà vu, שלום, \u0301 combining",
]


def goals(count: int, first: int = 0) -> list[tuple[str, str, dt.date]]:
    items = []
    for i in range(first, first + count):
        text = GOAL_SHAPES[i % len(GOAL_SHAPES)].format(n=i % 97 + 2)
        reference = TODAY + dt.timedelta(days=(i * 37) % 700)  # the date matters to T and A
        items.append((f"g{i}", text, reference))
    return items


ITEMS = goals(240)
SETTINGS = Settings(fiscal_year_start=4)


@pytest.fixture(scope="module")
def single_process_json() -> list[str]:
    return [report.model_dump_json() for report in Linter(SETTINGS).score_many(ITEMS)]


def test_two_processes_score_exactly_as_one(single_process_json):
    reports = list(parallel.score_many(ITEMS, SETTINGS, jobs=2, chunk_size=16))
    assert [r.id for r in reports] == [item_id for item_id, _, _ in ITEMS]
    assert [r.model_dump_json() for r in reports] == single_process_json


@pytest.mark.parametrize("jobs", [1, 2])
def test_without_the_coach_reports_differ_only_in_coaching(single_process_json, jobs):
    coached = [Report.model_validate_json(line) for line in single_process_json]
    assert any(r.questions for r in coached) and any(r.suggestions for r in coached)
    bare = list(parallel.score_many(ITEMS, SETTINGS, jobs=jobs, chunk_size=16, coach=False))
    assert all(not r.questions and not r.suggestions and not r.rewrite for r in bare)
    uncoached = [r.model_copy(update={"questions": [], "suggestions": [], "rewrite": None})
                 for r in coached]
    assert [r.model_dump_json() for r in bare] == [r.model_dump_json() for r in uncoached]


def test_score_lines_are_the_reports_as_json(single_process_json):
    lines = list(parallel.score_lines(iter(ITEMS), SETTINGS, jobs=2, chunk_size=7))
    assert [line.json for line in lines] == single_process_json
    one = list(parallel.score_lines(ITEMS[:30], SETTINGS, jobs=1))
    assert [line.json for line in one] == single_process_json[:30]
    assert [line.score for line in one] == [int(line.json.split('"score":')[1].split(",")[0]) for line in one]


def test_extract_many_matches_in_and_out_of_process():
    items = ITEMS[:120]
    one = list(parallel.extract_many(items, fiscal_year_start=4, jobs=1, chunk_size=50))
    two = list(parallel.extract_many(items, fiscal_year_start=4, jobs=2, chunk_size=9))
    assert one == two
    assert [e.id for e in one] == [item_id for item_id, _, _ in items]
    assert any(e.predicted for e in one)
    for (_, text, _), extracted in zip(items, one):
        for found in extracted.predicted:
            assert text[found["start"]:found["end"]] == found["text"]


def test_input_is_read_lazily_and_memory_stays_bounded():
    """The pool never pulls more than its chunks in flight ahead of what has been yielded."""
    pulled = 0

    def endless():
        nonlocal pulled
        i = 0
        while True:
            pulled += 1
            yield (str(i), GOAL_SHAPES[i % len(GOAL_SHAPES)].format(n=3), TODAY)
            i += 1

    jobs, chunk = 2, 10
    ahead_limit = jobs * (1 + parallel.CHUNKS_IN_FLIGHT) * chunk + chunk
    stream = parallel.score_lines(endless(), jobs=jobs, chunk_size=chunk)
    for produced, _ in enumerate(stream, start=1):
        assert pulled - produced <= ahead_limit
        if produced == 150:
            break
    stream.close()  # shuts the pool down; an endless input must not keep it busy
    assert pulled < 150 + ahead_limit


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_input_error_comes_after_every_result_before_it(jobs):
    def items_then_bad_line():
        yield from goals(45)
        raise SmartlintError("batch.jsonl:46: not valid JSON")

    seen = []
    with pytest.raises(SmartlintError, match="batch.jsonl:46"):
        for line in parallel.score_lines(items_then_bad_line(), jobs=jobs, chunk_size=10):
            seen.append(line)
    assert len(seen) == 45  # the partial last chunk included


def test_empty_input_gives_nothing():
    assert list(parallel.score_many([], jobs=2)) == []
    assert list(parallel.extract_many([], jobs=1)) == []


def test_default_jobs_uses_every_core_only_for_large_inputs(monkeypatch):
    monkeypatch.setattr(parallel, "available_cores", lambda: 8)
    assert parallel.default_jobs(10) == 1
    assert parallel.default_jobs(1_999) == 1
    assert parallel.default_jobs(2_000) == 8
    assert parallel.default_jobs(None, size_bytes_hint=900_000) == 1
    assert parallel.default_jobs(None, size_bytes_hint=5_000_000) == 8
    assert parallel.default_jobs() == 1
    assert parallel.resolve_jobs(None, 5_000) == 8
    assert parallel.resolve_jobs(0, 10) == 1
    assert parallel.resolve_jobs(3, 10) == 3
    with pytest.raises(SmartlintError, match="--jobs -1"):
        parallel.resolve_jobs(-1)
    with pytest.raises(ValueError):
        list(parallel.score_many(ITEMS, jobs=0))


def test_file_size_hint(tmp_path):
    batch = tmp_path / "goals.jsonl"
    batch.write_text('{"text": "Ship it"}\n', encoding="utf-8")
    assert parallel.file_size_hint(str(batch)) == batch.stat().st_size
    assert parallel.file_size_hint("-") is None
    assert parallel.file_size_hint(str(tmp_path / "missing.jsonl")) is None


def test_partition_functions_pickle_and_reuse_one_pipeline_per_process():
    for function in (parallel.score_partition, parallel.score_partition_json, parallel.extract_partition):
        assert pickle.loads(pickle.dumps(function)) is function
    assert parallel.linter_for(SETTINGS) is parallel.linter_for(Settings(fiscal_year_start=4))
    reports = parallel.score_partition(ITEMS[:5], SETTINGS)
    assert [r.id for r in reports] == ["g0", "g1", "g2", "g3", "g4"]
    assert parallel.score_partition_json(ITEMS[:5], SETTINGS) == [r.model_dump_json() for r in reports]
