"""The docs/distributed.md recipe on Dask: partitions scored by smartlint.parallel's per-partition
function give exactly the single-process output, in order, with one pipeline per worker process.

Skipped when dask is not installed (`pip install "dask[bag,distributed]"`).
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import os

import pytest

db = pytest.importorskip("dask.bag")

from smartlint import parallel  # noqa: E402
from smartlint.api import Linter, Settings  # noqa: E402

TODAY = dt.date(2026, 1, 15)
CLUSTER_TIMEOUT = 300
SETTINGS = Settings(fiscal_year_start=7)
LINES = [
    json.dumps({"id": f"g{i}", "text": text, **({"reference_date": "2025-11-03"} if i % 5 == 0 else {})})
    for i, text in enumerate(
        f"{owner} {goal} {when}"
        for owner in ("Our team will", "Dana will", "")
        for goal in ("grow trial sign-ups from 300 to 450", "publish two guides a month", "improve onboarding")
        for when in ("by the end of FY2026", "within 5 months", "soon so that churn falls", "")
    )
]


# functools.partial of a library function: plain pickle (which dask.distributed tries first)
# sends it by reference, and every worker can import smartlint.
to_item = functools.partial(parallel.item_from_json, default_date=TODAY)

# (process id, identity of that process's Linter), once per partition. A lambda, because
# dask.distributed falls back to cloudpickle for it and sends it by value: workers cannot import
# this test module by name.
which_linter = lambda partition: [(os.getpid(), id(parallel.linter_for(SETTINGS)))]  # noqa: E731


@pytest.fixture(scope="module")
def expected() -> list[str]:
    return [r.model_dump_json() for r in Linter(SETTINGS).score_many(map(to_item, LINES))]


def test_bag_map_partitions_on_the_multiprocessing_scheduler(expected):
    bag = db.from_sequence(LINES, npartitions=6).map(to_item)
    lines = bag.map_partitions(parallel.score_partition_json, SETTINGS).compute(scheduler="processes", num_workers=2)
    assert list(lines) == expected


def test_item_from_json_reads_score_batch_lines():
    assert to_item('{"id": 7, "text": "Ship it by May", "reference_date": "2025-02-01"}') == \
        ("7", "Ship it by May", dt.date(2025, 2, 1))
    assert to_item('{"text": "Ship it"}') == (None, "Ship it", TODAY)
    for bad in ('{"id": 1}', "[1, 2]", "{nope", '{"text": "x", "reference_date": "May"}'):
        with pytest.raises(parallel.SmartlintError):
            to_item(bad)


def test_recipe_on_a_local_cluster_builds_one_pipeline_per_worker(expected, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    source = tmp_path / "goals.jsonl"
    source.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster, distributed.Client(cluster) as client:
        goals = db.read_text(str(source), blocksize=600).map(to_item)
        assert goals.npartitions > 2
        writes = goals.map_partitions(parallel.score_partition_json, SETTINGS).to_textfiles(
            str(tmp_path / "out" / "*.jsonl"), compute=False)
        # a timeout, because a task a worker cannot unpickle makes the cluster wait forever
        distributed.wait(client.compute(writes), timeout=CLUSTER_TIMEOUT)
        seen = client.compute(goals.map_partitions(which_linter)).result(timeout=CLUSTER_TIMEOUT)
    written = []
    for part in sorted((tmp_path / "out").iterdir(), key=lambda p: int(p.stem)):
        written += part.read_text(encoding="utf-8").splitlines()
    assert written == expected
    pipelines_by_process: dict[int, set[int]] = {}
    for pid, linter_id in seen:
        pipelines_by_process.setdefault(pid, set()).add(linter_id)
    assert os.getpid() not in pipelines_by_process  # the work ran in the workers
    assert all(len(ids) == 1 for ids in pipelines_by_process.values())
    assert len(seen) > len(pipelines_by_process)  # several partitions reused one pipeline
