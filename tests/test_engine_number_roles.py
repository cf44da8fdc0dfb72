"""Numbers that are not targets, read by the NLP pass and scored: team sizes, designations,
list markers, phone numbers and figures said to be current."""
from __future__ import annotations

import datetime as dt

import pytest

TODAY = dt.date(2026, 1, 15)


@pytest.fixture(scope="module")
def linter():
    from smartlint.api import Linter

    return Linter()


def roles(linter, text: str) -> dict[str, str | None]:
    facts = linter.analyzer.analyze(text, TODAY)
    return {m.text: m.role for m in facts.mentions if m.label in ("QUANTITY", "PERCENT", "MONEY")}


def test_a_hyphenated_head_count_before_a_named_team_is_the_team_size(linter):
    assert roles(linter, "Our 8-person data team will tidy the warehouse tables.") == {"8": "team_size"}


def test_a_number_after_a_capitalized_name_inside_the_sentence_names_a_thing(linter):
    assert roles(linter, "Cut falls on Ward 4 by June 2026.").get("4") is None
    assert roles(linter, "Recruit 40 mentors by June 2026.")["40"] == "target"


def test_a_list_marker_and_a_phone_number_count_nothing(linter):
    assert "3" not in roles(linter, "3. Open a help line by May 2026.")
    assert roles(linter, "Staff the line at 1-800-555-0199 by May 2026.") == {}


def test_a_figure_said_to_be_current_is_a_baseline(linter):
    found = roles(linter, "The shop currently sells around 70 bikes; we want more of them.")
    assert found["70"] == "baseline"
    report = linter.score("The shop currently sells around 70 bikes; we want more of them.", TODAY)
    assert report.dimensions["M"].points == 1
