"""The extraction benchmark (../shared/benchmarks/extraction) as a ratchet: scores may rise, never fall."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
CASES = REPO_ROOT.parent / "shared" / "benchmarks" / "extraction" / "cases.jsonl"

# Set just under the figures measured when this test was last tightened (micro-F1 0.990).
MICRO_F1_FLOOR = 0.97
TYPE_F1_FLOORS = {"date_range": 0.96, "date": 0.97, "duration": 0.97, "frequency": 0.95}

pytestmark = pytest.mark.skipif(not CASES.is_file(), reason=f"extraction benchmark not found at {CASES}")


def _bench_module():
    spec = importlib.util.spec_from_file_location("bench_extraction", REPO_ROOT / "scripts" / "bench_extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def counts():
    bench = _bench_module()
    _, counts = bench.score(CASES, bench.predict(CASES))
    return bench, counts


def test_micro_f1_stays_above_floor(counts):
    bench, found = counts
    assert bench.f1(*found["micro"]) >= MICRO_F1_FLOOR


@pytest.mark.parametrize("kind", sorted(TYPE_F1_FLOORS))
def test_time_types_stay_above_floor(counts, kind):
    bench, found = counts
    assert bench.f1(*found[kind]) >= TYPE_F1_FLOORS[kind]
