"""KPI suggestions over the corpus and on hand-written goals."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from smartlint.kpi.catalogue import load_catalogue
from smartlint.kpi.reading import goal_target
from smartlint.kpi.suggest import PERIOD_PLACEHOLDER, TARGET_PLACEHOLDER, kpi_suggestions

TODAY = dt.date(2026, 1, 15)
CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "goals.jsonl"


@pytest.fixture(scope="module")
def analyzer():
    from smartlint.api import Linter

    return Linter().analyzer


@pytest.fixture(scope="module")
def corpus_facts(analyzer):
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(row["id"], analyzer.analyze(row["text"], TODAY)) for row in rows]


def test_every_corpus_goal_with_a_metric_gets_catalogue_kpis_leading_and_lagging(corpus_facts):
    catalogue = load_catalogue()
    with_metric = 0
    for goal_id, facts in corpus_facts:
        if goal_target(facts) is None:
            continue
        with_metric += 1
        suggestions = kpi_suggestions(facts)
        assert 2 <= len(suggestions) <= 4, goal_id
        assert all(s.id in catalogue.by_id for s in suggestions), goal_id
        assert len({s.id for s in suggestions}) == len(suggestions), goal_id
        assert {"leading", "lagging"} <= {s.timing for s in suggestions}, goal_id
    assert with_metric >= 100  # the test must see most of the corpus, not an empty slice


def test_most_corpus_metrics_are_found_in_the_catalogue(corpus_facts):
    targeted = [(goal_id, kpi_suggestions(facts)) for goal_id, facts in corpus_facts if goal_target(facts)]
    generic = [goal_id for goal_id, s in targeted if load_catalogue().by_id[s[0].id].generic]
    assert len(generic) <= len(targeted) // 10, generic


def test_the_goals_own_metric_carries_its_target_and_period(analyzer):
    facts = analyzer.analyze("Cut customer churn from 5% to 3% by September 30, 2026", TODAY)
    first, *others = kpi_suggestions(facts)
    assert first.id == "customer-churn" and first.from_goal and first.timing == "lagging"
    assert first.target == "from 5% to 3%" and first.period == "by September 30, 2026"
    assert first.due == dt.date(2026, 9, 30)
    assert first.text == "Customer churn rate from 5% to 3% by September 30, 2026"
    assert any(s.timing == "leading" for s in others)
    assert all(s.target == TARGET_PLACEHOLDER and s.period == "by September 30, 2026" for s in others)


def test_a_kpi_written_as_a_metric_phrase(analyzer):
    facts = analyzer.analyze("Weekly website visits, target 5,000 by June", TODAY)
    first = kpi_suggestions(facts)[0]
    assert first.id == "website-visits" and first.timing == "leading"
    assert "5,000" in first.target and first.due == dt.date(2026, 6, 30)


def test_placeholders_where_the_goal_says_nothing(analyzer):
    suggestions = kpi_suggestions(analyzer.analyze("Increase website traffic", TODAY))
    assert suggestions[0].id == "website-visits"
    assert all(s.target == TARGET_PLACEHOLDER and s.period == PERIOD_PLACEHOLDER for s in suggestions)


def test_a_rate_target_keeps_its_rate(analyzer):
    first = kpi_suggestions(analyzer.analyze("Sign 15 new clients a month", TODAY))[0]
    assert first.id == "new-customers" and first.target == "15 a month" and first.period == PERIOD_PLACEHOLDER


def test_numbers_in_the_rationale_are_not_the_target(analyzer):
    facts = analyzer.analyze("Priya will book 40 discovery calls by March 31, 2026 so that revenue grows by $1M",
                             TODAY)
    first = kpi_suggestions(facts)[0]
    assert first.id == "discovery-calls" and "40" in first.target and "1M" not in first.target


def test_no_metric_falls_back_to_the_generic_pair(analyzer):
    suggestions = kpi_suggestions(analyzer.analyze("Make this a better place to work.", TODAY))
    assert [s.timing for s in suggestions] == ["lagging", "leading"]
    assert all(load_catalogue().by_id[s.id].generic for s in suggestions)


def test_suggestions_serialise_to_json(analyzer):
    facts = analyzer.analyze("Raise CSAT from 82% to 90% by September 30, 2026.", TODAY)
    data = json.loads(json.dumps([s.model_dump(mode="json") for s in kpi_suggestions(facts)]))
    assert data[0]["id"] == "customer-satisfaction" and data[0]["measure"] == "qualitative"
    assert data[0]["due"] == "2026-09-30"
