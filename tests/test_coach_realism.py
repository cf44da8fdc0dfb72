"""The coach keeps an over-ambitious goal's ambition: the flagged fact moves into the reason clause
and a placeholder target or deadline takes its place, so the filled rewrite scores 100."""
from __future__ import annotations

import datetime as dt

import pytest

from smartlint.coach import coach, fill

TODAY = dt.date(2026, 1, 15)
VALUES = {
    "<owner>": "The platform team",
    "<metric>": "the number of paying accounts",
    "<target>": "15%",
    "<deadline>": "September 30, 2026",
    "<method>": "monthly design reviews",
    "<reason>": "our renewal rate goes up",
}


@pytest.fixture(scope="module")
def linter():
    from smartlint.api import Linter

    return Linter()


def coached(linter, text: str):
    facts = linter.analyzer.analyze(text, TODAY)
    before = linter.judge(facts)
    rewrite = coach(facts, before).rewrite
    filled = fill(rewrite, VALUES)
    after_facts = linter.analyzer.analyze(filled, TODAY)
    return before, rewrite, filled, after_facts, linter.judge(after_facts)


def in_reason(the_facts, label: str, text: str) -> bool:
    return any(m.label == label and m.text == text and m.in_rationale for m in the_facts.mentions)


@pytest.mark.parametrize("text, label, moved", [
    ("Our plant will cut scrapped castings to zero by August 31, 2026.", "QUANTITY", "zero"),
    ("The service desk will have zero open escalations at month end by July 31, 2026.", "QUANTITY", "zero"),
    ("Our account managers will renew 100% of the enterprise contracts by November 30, 2026.", "PERCENT", "100%"),
])
def test_an_absolute_becomes_a_placeholder_target_on_the_way_to_it(linter, text, label, moved):
    before, rewrite, filled, after_facts, after = coached(linter, text)
    assert before.dimensions["A"].points == 0
    assert "<target>" in rewrite and "on the way to" in rewrite
    assert in_reason(after_facts, label, moved), filled
    assert after.score == 100, (filled, {k: v.reason for k, v in after.dimensions.items() if v.points < 2})


def test_never_becomes_a_measured_habit_with_the_owner_first(linter):
    before, rewrite, filled, _, after = coached(linter, "Never deploy on a Friday afternoon.")
    assert before.dimensions["A"].points == 0
    assert rewrite.startswith("<owner> will deploy")
    assert "never" not in rewrite.lower().split(",")[0]
    assert after.score == 100, filled


def test_no_one_ever_becomes_fewer_of_them(linter):
    _, rewrite, filled, _, after = coached(
        linter, "Our clinic will make sure that no patient ever waits longer than 20 minutes by May 31, 2026.")
    assert "<target> fewer patients wait" in rewrite
    assert after.score == 100, filled


def test_tenfold_growth_moves_to_the_reason_and_the_target_is_a_placeholder(linter):
    text = "The partnerships team will grow reseller revenue 12x by December 31, 2026."
    before, rewrite, filled, after_facts, after = coached(linter, text)
    assert before.dimensions["A"].points == 0
    assert "grow reseller revenue by <target> by December 31, 2026" in rewrite
    assert "12x" in rewrite.split("so that", 1)[1]
    assert after.score == 100, filled


def test_a_from_to_jump_moves_whole_with_its_unit(linter):
    text = "We will grow the volunteer base from 20 to 400 volunteers by October 31, 2026."
    _, rewrite, filled, after_facts, after = coached(linter, text)
    assert "grow the volunteer base by <target> by October 31, 2026" in rewrite
    assert "from 20 to 400 volunteers" in rewrite.split("so that", 1)[1]
    assert in_reason(after_facts, "QUANTITY", "400")
    assert after.score == 100, filled


def test_too_fast_growth_keeps_the_target_and_gets_more_time(linter):
    text = "We will triple weekly demo bookings by February 20, 2026."
    before, rewrite, filled, after_facts, after = coached(linter, text)
    assert before.dimensions["A"].points < 2
    assert rewrite.startswith("We will triple weekly demo bookings by <deadline>")
    assert in_reason(after_facts, "DATE", "by February 20, 2026"), filled
    assert after.score == 100, filled


def test_a_far_deadline_becomes_a_milestone_toward_it(linter):
    text = "Our lab will sequence 10,000 soil samples by 2038 so that farmers get better fertiliser advice."
    before, rewrite, filled, after_facts, after = coached(linter, text)
    assert before.dimensions["A"].points == 1
    assert "by <deadline>" in rewrite and "toward the goal by 2038" in rewrite
    assert any(m.in_rationale and m.text == "by 2038" for m in after_facts.mentions)
    assert after.score == 100, filled


def test_five_channels_keep_two_now_and_the_rest_later(linter):
    text = ("We will post 3 product clips a week on YouTube, Instagram, TikTok, Pinterest and Threads "
            "by June 30, 2026 so that trial sign-ups grow.")
    before, rewrite, filled, after_facts, after = coached(linter, text)
    assert before.dimensions["A"].points == 1
    assert "on YouTube and Instagram first" in rewrite
    active = {m.text for m in after_facts.mentions if m.label == "PLATFORM" and not m.in_rationale}
    assert active == {"YouTube", "Instagram"}
    assert {"TikTok", "Pinterest"} <= {m.text for m in after_facts.mentions if m.label == "PLATFORM"}
    assert after.score == 100, filled


def test_a_realistic_goal_gets_no_ambition_note(linter):
    _, rewrite, _, _, _ = coached(linter, "Grow newsletter sign-ups by 20% by June 30, 2026.")
    assert "on the way" not in rewrite and "first step" not in rewrite and "milestone" not in rewrite
