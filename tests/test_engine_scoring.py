"""The rubric on hand-built Facts: every level of every letter and the hard calls (no NLP)."""
from __future__ import annotations

import datetime as dt

import pytest

from smartlint.engine.judge import judge
from smartlint.engine.loader import load_pack
from smartlint.facts import Facts, Mention

TODAY = dt.date(2026, 1, 15)
RULES = load_pack().statement


class Goal:
    """Builds Facts for a text: mark("20%", "PERCENT", value=20) finds the words in the text."""

    def __init__(self, text: str, today: dt.date = TODAY):
        self.text, self.today, self.mentions = text, today, []

    def mark(self, words: str, label: str, occurrence: int = 0, **fields) -> Goal:
        start = -1
        for _ in range(occurrence + 1):
            start = self.text.index(words, start + 1)
        self.mentions.append(Mention(label=label, text=words, start=start, end=start + len(words), **fields))
        return self

    def owner(self, words: str = "We", kind: str = "pronoun") -> Goal:
        return self.mark(words, "OWNER", value=words.lower(), kind=kind)

    def deadline(self, words: str, last_day: dt.date, kind: str = "deadline", label: str = "DATE") -> Goal:
        return self.mark(words, label, value=last_day.isoformat(), kind=kind, deadline=last_day)

    def change(self, words: str, **value) -> Goal:
        return self.mark(words, "CHANGE", value=value, kind=value.get("kind"))

    def reason(self, words: str, marker: str) -> Goal:
        return self.mark(words, "RATIONALE", value=marker)

    def report(self):
        facts = Facts(text=self.text, reference_date=self.today, mentions=sorted(self.mentions, key=lambda m: m.start))
        return judge(facts, RULES)


def points(goal: Goal) -> dict[str, int]:
    return {d: s.points for d, s in goal.report().dimensions.items()}


def smart_goal() -> Goal:
    text = "We will increase website traffic by 20% by Q3 2026 through LinkedIn so that we win more clients."
    return (Goal(text).owner().change("by 20%", kind="by", percent=20.0, direction="up")
            .mark("20%", "PERCENT", value=20.0, role="target")
            .deadline("by Q3 2026", dt.date(2026, 9, 30), label="DATE_RANGE")
            .mark("LinkedIn", "PLATFORM", value="LinkedIn")
            .reason("so that we win more clients.", "so that"))


def test_a_smart_goal_scores_100_with_evidence_and_reasons():
    report = smart_goal().report()
    assert report.score == 100 and report.smart
    for dimension in report.dimensions.values():
        assert dimension.points == 2 and dimension.evidence and dimension.reason
    assert report.dimensions["T"].evidence[0].text == "by Q3 2026"
    assert report.facts["deadline"]["date"] == "2026-09-30"
    assert report.facts["owners"][0]["value"] == "we"
    assert report.findings == []


# -- S ----------------------------------------------------------------------------------------
def test_s0_only_vague_aims():
    goal = Goal("Do better at marketing.").mark("better", "VAGUE_TERM", value="better")
    assert points(goal)["S"] == 0
    assert "S001" in goal.report().dimensions["S"].findings


def test_s1_concrete_what_without_how_who_where():
    assert points(Goal("Increase trial sign-ups by 30%."))["S"] == 1


def test_s1_method_without_outcome():
    goal = Goal("Use LinkedIn more.").mark("LinkedIn", "PLATFORM", value="LinkedIn")
    assert points(goal)["S"] == 1


@pytest.mark.parametrize("goal", [
    Goal("We will increase trial sign-ups.").owner(),
    Goal("Increase trial sign-ups through a referral programme."),
    Goal("Increase trial sign-ups in the German market."),
])
def test_s2_what_plus_how_or_who_or_where(goal):
    assert points(goal)["S"] == 2


def test_possessive_is_not_an_owner_but_subject_we_is_the_who():
    assert points(Goal("Grow our trial sign-ups."))["A"] == 1
    assert points(Goal("We grow trial sign-ups.").owner())["A"] == 2


# -- M ----------------------------------------------------------------------------------------
def test_m2_numeric_target_and_rate_target():
    assert points(Goal("Sell 1,000 tickets.").mark("1,000", "QUANTITY", value=1000.0, role="target", unit="tickets"))["M"] == 2
    rate = Goal("Publish two blog posts a week.").mark("two blog posts a week", "FREQUENCY", value={"count": 2, "per": "P1W"})
    assert points(rate)["M"] == 2


def test_m1_deliverable_without_number():
    assert points(Goal("Launch the redesigned website."))["M"] == 1


@pytest.mark.parametrize("role", ["baseline", "rank", "team_size"])
def test_m1_number_that_is_not_the_target(role):
    assert points(Goal("Our 40 members want more.").mark("40", "QUANTITY", value=40.0, role=role))["M"] == 1


@pytest.mark.parametrize("role", ["version", "name", "year"])
def test_numbers_in_names_count_as_nothing(role):
    goal = Goal("Move the office to Windows 11.").mark("11", "QUANTITY", value=11.0, role=role)
    assert points(goal)["M"] in (0, 1)
    assert not goal.report().facts["targets"]


def test_m0_comparative_only():
    goal = Goal("Get more clients.")
    assert points(goal)["M"] == 0
    assert "M002" in goal.report().dimensions["M"].findings


def test_numbers_inside_a_reason_are_not_targets():
    goal = Goal("Get more clients so that we reach 10 offices.").reason("so that we reach 10 offices.", "so that")
    goal.mark("10", "QUANTITY", value=10.0, role="target", in_rationale=True)
    assert points(goal)["M"] == 0


# -- A ----------------------------------------------------------------------------------------
def test_a1_no_owner_a2_owner():
    assert points(Goal("Increase sales by 10%.").change("by 10%", kind="by", percent=10.0))["A"] == 1
    assert points(Goal("We will increase sales by 10%.").owner())["A"] == 2


def test_owner_inside_a_reason_is_not_the_goal_owner():
    goal = Goal("Increase sales so that we can hire.").reason("so that we can hire.", "so that")
    goal.owner("we")
    goal.mentions[-1] = goal.mentions[-1].model_copy(update={"in_rationale": True})
    assert points(goal)["A"] == 1


@pytest.mark.parametrize("text", ["We will reach every single customer.", "We will never miss a delivery.",
                                  "We will serve 100% of customers."])
def test_a0_absolutes_and_m1_without_number(text):
    goal = Goal(text).owner()
    if "100%" in text:
        goal.mark("100%", "PERCENT", value=100.0, role="target")
    result = points(goal)
    assert result["A"] == 0
    assert result["M"] == (2 if "100%" in text else 1)


def test_zero_is_a_number_and_an_absolute():
    goal = Goal("We will ship with zero defects.").owner().mark("zero", "QUANTITY", value=0.0, role="target", unit="defects")
    assert points(goal)["M"] == 2 and points(goal)["A"] == 0


def test_by_100_percent_is_doubling_not_an_absolute():
    goal = (Goal("We will grow sales by 100% by December 31, 2026.").owner()
            .change("by 100%", kind="by", percent=100.0, direction="up")
            .mark("100%", "PERCENT", value=100.0, role="target")
            .deadline("by December 31, 2026", dt.date(2026, 12, 31)))
    assert points(goal)["A"] == 2


def test_a0_tenfold_growth():
    goal = Goal("We will grow sales 10x by December 31, 2026.").owner().change("10x", kind="factor", factor=10.0)
    goal.deadline("by December 31, 2026", dt.date(2026, 12, 31))
    assert points(goal)["A"] == 0
    assert "A003" in goal.report().dimensions["A"].findings


def test_a0_200_percent_within_a_month():
    goal = Goal("We will grow sign-ups by 200% by February 10, 2026.").owner()
    goal.change("by 200%", kind="by", percent=200.0, direction="up").deadline("by February 10, 2026", dt.date(2026, 2, 10))
    assert points(goal)["A"] == 0


def test_a1_stretch_more_than_doubling_within_three_months():
    goal = Goal("We will grow sign-ups from 2,000 to 5,000 by March 31, 2026.").owner()
    goal.change("from 2,000 to 5,000", kind="from_to", **{"from": 2000.0, "to": 5000.0})
    goal.deadline("by March 31, 2026", dt.date(2026, 3, 31))
    assert points(goal)["A"] == 1
    assert "A005" in goal.report().dimensions["A"].findings


def test_double_over_a_year_is_not_a_stretch():
    goal = Goal("We will double sign-ups by December 31, 2026.").owner().change("double", kind="factor", factor=2.0)
    goal.deadline("by December 31, 2026", dt.date(2026, 12, 31))
    assert points(goal)["A"] == 2


def test_a1_more_than_three_channels():
    goal = Goal("We will post on LinkedIn, Instagram, TikTok and YouTube.").owner()
    for name in ("LinkedIn", "Instagram", "TikTok", "YouTube"):
        goal.mark(name, "PLATFORM", value=name)
    assert points(goal)["A"] == 1


def test_past_deadline_keeps_t2_and_costs_a():
    goal = Goal("We will publish the report by March 31, 2025.").owner().deadline("by March 31, 2025", dt.date(2025, 3, 31))
    result = points(goal)
    assert result["T"] == 2 and result["A"] == 0


def test_a1_deadline_more_than_five_years_out():
    goal = Goal("We will open 20 stores by 2035.").owner().deadline("by 2035", dt.date(2035, 12, 31), label="DATE_RANGE")
    assert points(goal)["A"] == 1


# -- R ----------------------------------------------------------------------------------------
def test_r2_reason_with_an_outcome():
    assert points(smart_goal())["R"] == 2


def test_r1_reason_that_states_only_a_need():
    goal = Goal("Tutor Sam in maths because she is two grades behind.").reason("because she is two grades behind.", "because")
    assert points(goal)["R"] == 1


def test_r1_result_without_reason_r0_activity():
    assert points(Goal("Increase revenue by 15%."))["R"] == 1
    assert points(Goal("Increase website traffic by 15%."))["R"] == 0


def test_vague_wish_in_a_result_domain_is_r0():
    assert points(Goal("Get in shape."))["R"] == 0


# -- T ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["deadline", "period", "window"])
def test_t2_deadline_period_window(kind):
    goal = Goal("Run the campaign in 2027.").deadline("in 2027", dt.date(2027, 12, 31), kind=kind, label="DATE_RANGE")
    assert points(goal)["T"] == 2


@pytest.mark.parametrize(("words", "label", "value"), [
    ("soon", "VAGUE_TIME", None), ("starting in May", "START_TIME", "2026-05-01"),
    ("twice a week", "FREQUENCY", {"count": 2, "per": "P1W"}),
])
def test_t1_vague_time_start_or_rate(words, label, value):
    assert points(Goal(f"Publish a newsletter {words}.").mark(words, label, value=value))["T"] == 1


def test_t0_no_time_and_service_window_is_a_target_not_a_deadline():
    assert points(Goal("Publish a newsletter."))["T"] == 0
    goal = Goal("Reply to customer emails within 48 hours.").mark("within 48 hours", "DURATION", value="PT48H", kind="deadline")
    result = points(goal)
    assert result["T"] == 0 and result["M"] == 2


# -- several goals ------------------------------------------------------------------------------
def test_several_goals_score_on_the_weakest_part():
    text = "We will sell 500 tickets by June 30, 2026 and improve things."
    goal = Goal(text).owner().mark("500", "QUANTITY", value=500.0, role="target", unit="tickets")
    goal.deadline("by June 30, 2026", dt.date(2026, 6, 30)).mark("improve", "ACTION", value="improve")
    goal.mark("sell", "ACTION", value="sell")
    result = points(goal)
    assert result["S"] == 0 and result["M"] == 0
    whole = points(Goal("We will sell 500 tickets by June 30, 2026.").owner()
                   .mark("500", "QUANTITY", value=500.0, role="target", unit="tickets")
                   .deadline("by June 30, 2026", dt.date(2026, 6, 30)))
    assert whole["M"] == 2


def test_score_is_sum_times_ten():
    report = Goal("Increase revenue by 15%.").change("by 15%", kind="by", percent=15.0).report()
    assert report.score == 10 * sum(d.points for d in report.dimensions.values())
    assert not report.smart
