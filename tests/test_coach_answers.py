"""fold_answer: each accepted answer lifts its letter; empty, nonsense and contradicting answers are
refused with a one-line reason. Uses the real NLP pass and scoring."""
from __future__ import annotations

import datetime as dt

import pytest

from smartlint.coach import AnswerRejected, fold_answer
from smartlint.errors import SmartlintError

TODAY = dt.date(2026, 1, 15)


@pytest.fixture(scope="module")
def linter():
    from smartlint.api import Linter

    return Linter()


def folded(linter, text, letter, answer, **hints):
    facts = linter.analyzer.analyze(text, TODAY)
    new_text = fold_answer(text, letter, answer, facts, **hints)
    return new_text, linter.score(new_text, TODAY)


@pytest.mark.parametrize(
    ("text", "letter", "answer", "expected"),
    [
        ("Get more visitors", "A", "the marketing team", "The marketing team will get more visitors."),
        ("Get more visitors", "A", "me", "I will get more visitors."),
        ("Get more visitors", "M", "500", "Get 500 more visitors."),
        ("Increase sales", "M", "15%", "Increase sales by 15%."),
        ("Get more visitors", "T", "June 30, 2026", "Get more visitors by June 30, 2026."),
        ("Get more visitors", "T", "within 3 months", "Get more visitors within 3 months."),
        ("Get more visitors", "R", "grow revenue", "Get more visitors, in order to grow revenue."),
        ("Get more visitors", "S", "SEO blog posts", "Get more visitors through SEO blog posts."),
    ],
)
def test_an_answer_lands_where_it_reads_well_and_earns_its_letter(linter, text, letter, answer, expected):
    new_text, report = folded(linter, text, letter, answer)
    assert new_text == expected
    assert report.dimensions[letter].points == 2, report.dimensions[letter].reason


def test_a_vague_time_is_replaced_not_kept(linter):
    new_text, report = folded(linter, "We will launch the website soon", "T", "June 30, 2026")
    assert new_text == "We will launch the website by June 30, 2026."
    assert report.dimensions["T"].points == 2


def test_a_new_deadline_replaces_one_already_past(linter):
    text = "The sales team will increase revenue by 20% by December 31, 2025"
    new_text, report = folded(linter, text, "A", "June 30, 2026")
    assert new_text == "The sales team will increase revenue by 20% by June 30, 2026."
    assert report.dimensions["A"].points == 2


def test_a_vague_aim_is_replaced_by_what_will_change(linter):
    new_text, _ = folded(linter, "Improve things", "S", "customer satisfaction scores", vague_aim=True)
    assert new_text == "Increase customer satisfaction scores."


@pytest.mark.parametrize(
    ("letter", "answer", "why"),
    [
        ("T", "", "empty"),
        ("T", "   ", "empty"),
        ("T", "yesterday", "past"),
        ("T", "2020", "passed"),
        ("T", "last month", "past"),
        ("T", "soon", "not a date"),
        ("T", "blue", "not a date"),
        ("M", "a lot", "not a number"),
        ("M", "many more", "not a number"),
        ("A", "nobody", "not one owner"),
        ("A", "everyone", "not one owner"),
        ("A", "asdfgh qwrtz", "does not look like words"),
        ("R", "x", "does not look like words"),
        ("R", "idk", "does not answer"),
        ("S", "zxcvb", "does not look like words"),
    ],
)
def test_bad_answers_are_refused_with_a_reason(linter, letter, answer, why):
    facts = linter.analyzer.analyze("Get more visitors", TODAY)
    with pytest.raises(AnswerRejected) as refused:
        fold_answer("Get more visitors", letter, answer, facts)
    assert why in refused.value.reason
    assert "\n" not in refused.value.reason
    assert isinstance(refused.value, SmartlintError)


def test_an_unknown_letter_is_refused(linter):
    facts = linter.analyzer.analyze("Get more visitors", TODAY)
    with pytest.raises(AnswerRejected):
        fold_answer("Get more visitors", "X", "anything", facts)
