"""The KPI catalogue: packaged data that loads, is consistent, and matches goal wording fuzzily."""
from __future__ import annotations

import pytest

from smartlint.kpi.catalogue import load_catalogue, normalize_tokens, parse_catalogue

AREAS = {"sales", "finance", "marketing", "customer", "people", "operations"}


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def test_catalogue_loads_from_package_data(catalogue):
    assert len(catalogue) >= 60
    assert {kpi.area for kpi in catalogue.kpis} == AREAS


def test_every_related_id_exists_and_every_area_has_both_timings(catalogue):
    for kpi in catalogue.kpis:
        assert kpi.related, kpi.id
        for other in kpi.related:
            assert other in catalogue.by_id, (kpi.id, other)
    for area in AREAS:
        timings = {kpi.timing for kpi in catalogue.kpis if kpi.area == area}
        assert timings == {"leading", "lagging"}, area


def test_each_kpi_can_reach_the_opposite_timing_through_related(catalogue):
    for kpi in catalogue.kpis:
        near = catalogue.related(kpi)
        near += [k for r in near for k in catalogue.related(r)]
        assert any(k.timing != kpi.timing for k in near), kpi.id


@pytest.mark.parametrize("phrase, expected", [
    ("inbound leads for our legal advice", "marketing-qualified-leads"),
    ("webiste trafic", "website-visits"),  # misspelt
    ("the 90-day retention of new warehouse hires", "new-hire-retention"),
    ("customer churn", "customer-churn"),
    ("days sales outstanding", "days-sales-outstanding"),
    ("NPS", "net-promoter-score"),
    ("the employee net promoter score", "employee-engagement"),
])
def test_match_finds_the_most_complete_alias(catalogue, phrase, expected):
    found = catalogue.match(phrase)
    assert found is not None and found.kpi.id == expected, found


def test_short_abbreviations_do_not_match_fuzzily(catalogue):
    assert catalogue.match("NPV") is None  # one letter from NPS, but a different thing


def test_normalize_folds_plurals_and_drops_filler():
    assert normalize_tokens("The number of new Stories") == ("new", "story")


def test_a_broken_line_names_the_file_line():
    with pytest.raises(ValueError, match="kpis.jsonl:2"):
        parse_catalogue(['{"id": "a", "name": "A", "area": "sales", "unit": "x", "direction": "up", '
                         '"timing": "leading", "stage": "input"}', '{"id": "b"}'])
