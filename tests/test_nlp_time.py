"""Time expressions in the NLP pass: dates, periods, durations, frequencies, vague and start times."""
from __future__ import annotations

import datetime as dt

import pytest

from smartlint.nlp import time_resolve as cal
from smartlint.nlp.pipeline import Analyzer

REF = dt.date(2026, 1, 15)
TIME_LABELS = {"DATE", "DATE_RANGE", "DURATION", "FREQUENCY", "VAGUE_TIME", "START_TIME"}


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer()


@pytest.fixture(scope="module")
def fiscal_april():
    return Analyzer(fiscal_year_start=4)


def times(analyzer, text, ref=REF):
    facts = analyzer.analyze(text, ref)
    found = [m for m in facts.mentions if m.label in TIME_LABELS]
    for m in found:
        assert text[m.start:m.end] == m.text
    return found


def only(analyzer, text, ref=REF):
    found = times(analyzer, text, ref)
    assert len(found) == 1, [(m.label, m.text) for m in found]
    return found[0]


def rng(start, end):
    return {"start": start, "end": end}


def test_time_ruler_has_patterns_after_initialize(analyzer):
    assert len(analyzer.nlp.get_pipe("time_ruler").patterns) > 10


@pytest.mark.parametrize("text, label, value, kind, deadline", [
    ("Ship the beta by March 31, 2027.", "DATE", "2027-03-31", "deadline", "2027-03-31"),
    ("Close the books by 31/03/2027.", "DATE", "2027-03-31", "deadline", "2027-03-31"),
    ("Release on 3/31/2027", "DATE", "2027-03-31", "point", "2027-03-31"),
    ("Recruit mentors within the coming 4 months", "DATE_RANGE", rng("2026-01-15", "2026-05-14"), "deadline",
     "2026-05-15"),
    ("Sign partners in the next 90 days", "DATE_RANGE", rng("2026-01-16", "2026-04-15"), "deadline", "2026-04-15"),
    ("Double our reach over the next six months", "DATE_RANGE", rng("2026-01-16", "2026-07-15"), "period",
     "2026-07-15"),
    ("Open the office by Q3 2026", "DATE_RANGE", rng("2026-07-01", "2026-09-30"), "deadline", "2026-09-30"),
    ("Publish the guide by the end of the year", "DATE_RANGE", rng("2026-01-15", "2026-12-31"), "deadline",
     "2026-12-31"),
    ("Finish the audit by end of quarter", "DATE_RANGE", rng("2026-01-15", "2026-03-31"), "deadline", "2026-03-31"),
    ("Hit the goal by EOY", "DATE_RANGE", rng("2026-01-15", "2026-12-31"), "deadline", "2026-12-31"),
    ("Wrap up at EOQ", "DATE_RANGE", rng("2026-01-15", "2026-03-31"), "deadline", "2026-03-31"),
    ("Cut costs this quarter", "DATE_RANGE", rng("2026-01-01", "2026-03-31"), "period", "2026-03-31"),
    ("Hire a designer next month", "DATE_RANGE", rng("2026-02-01", "2026-02-28"), "period", "2026-02-28"),
    ("Expand to Spain in 2027", "DATE_RANGE", rng("2027-01-01", "2027-12-31"), "period", "2027-12-31"),
    ("Have the app translated by June", "DATE_RANGE", rng("2026-06-01", "2026-06-30"), "deadline", "2026-06-30"),
    ("Grow usage during H1 2026", "DATE_RANGE", rng("2026-01-01", "2026-06-30"), "period", "2026-06-30"),
    ("Reach profit in FY27", "DATE_RANGE", rng("2027-01-01", "2027-12-31"), "period", "2027-12-31"),
])
def test_goal_phrasings(analyzer, text, label, value, kind, deadline):
    m = only(analyzer, text)
    assert (m.label, m.value, m.kind) == (label, value, kind)
    assert m.deadline == dt.date.fromisoformat(deadline)


def test_bare_quarter_is_the_next_one_not_over(analyzer):
    assert only(analyzer, "Launch in Q3").value == rng("2026-07-01", "2026-09-30")
    assert only(analyzer, "Launch in Q1", dt.date(2026, 5, 2)).value == rng("2027-01-01", "2027-03-31")


def test_window_duration(analyzer):
    m = only(analyzer, "Run the pilot for three months")
    assert (m.label, m.value, m.kind) == ("DURATION", "P3M", "window")


@pytest.mark.parametrize("text, count, per, span", [
    ("Meet the mentors every other week", 1.0, "P2W", "every other week"),
    ("Send the digest twice a month", 2.0, "P1M", "twice a month"),
    ("Onboard 15 people a month", 15.0, "P1M", "15 people a month"),
    ("Write two blog posts per week", 2.0, "P1W", "two blog posts per week"),
    ("Review the numbers weekly", 1.0, "P1W", "weekly"),
    ("Report to the board each quarter", 1.0, "P3M", "each quarter"),
    ("Answer 40 tickets/day", 40.0, "P1D", "40 tickets/day"),
])
def test_frequencies(analyzer, text, count, per, span):
    m = only(analyzer, text)
    assert (m.label, m.value, m.text) == ("FREQUENCY", {"count": count, "per": per}, span)
    assert m.deadline is None


def test_money_per_month_is_not_a_counted_rate(analyzer):
    assert all(m.label != "FREQUENCY" or m.value["count"] == 1.0 for m in times(analyzer, "Spend $500 per month"))


@pytest.mark.parametrize("text", ["We will do it soon", "Fix this ASAP", "as soon as possible",
                                  "eventually", "someday", "at some point", "in due course", "in the future"])
def test_vague_times(analyzer, text):
    m = only(analyzer, text)
    assert (m.label, m.value) == ("VAGUE_TIME", None)


@pytest.mark.parametrize("text, value", [
    ("Post daily starting in May", "2026-05-01"),
    ("from next month on", "2026-02-01"),
    ("beginning in Q2", "2026-04-01"),
])
def test_start_times(analyzer, text, value):
    starts = [m for m in times(analyzer, text) if m.label == "START_TIME"]
    assert len(starts) == 1 and starts[0].value == value and starts[0].deadline is None


@pytest.mark.parametrize("text", [
    "We will grow revenue by 20%",
    "We may hire two engineers",
    "March forward with the plan",
    "Come second in the league",
    "Track COVID-19 cases on Windows 11",
    "Pick between 5 and 10 vendors",
    "Finish before the summer",
    "Cut the time to 1/2 of the old one",
    "This may be the year of growth",
])
def test_no_false_time(analyzer, text):
    assert [(m.label, m.text) for m in times(analyzer, text) if m.label != "VAGUE_TIME"] == []


def test_unresolved_relative_time_has_no_value(analyzer):
    m = only(analyzer, "Win three accounts in the next few months")
    assert m.resolved is False and m.value is None and m.deadline is None


def test_invalid_calendar_dates_are_dropped(analyzer):
    assert times(analyzer, "Launch on February 30, 2027") == [] or all(
        m.value != "2027-02-30" for m in times(analyzer, "Launch on February 30, 2027"))


def test_fiscal_year_with_april_start(fiscal_april):
    fy = only(fiscal_april, "Reach profit in FY27")
    assert fy.value == rng("2026-04-01", "2027-03-31")
    half = only(fiscal_april, "Grow usage during H1 2026")
    assert half.value == rng("2025-04-01", "2025-09-30")
    # calendar quarters stay calendar quarters
    assert only(fiscal_april, "by Q3 2026").deadline == dt.date(2026, 9, 30)
    assert only(fiscal_april, "Q3 FY27").value == rng("2026-10-01", "2026-12-31")


def test_end_of_month_and_year_forms(analyzer):
    assert only(analyzer, "by the end of the month").value == rng("2026-01-15", "2026-01-31")
    assert only(analyzer, "by end of next month").deadline == dt.date(2026, 2, 28)


@pytest.mark.parametrize("text, value", [
    ("Visit Oslo on the 3rd of June", "2026-06-03"),
    ("Demo on Jan 10", "2027-01-10"),  # already past this year: the next one
    ("Demo on Jan 20", "2026-01-20"),
    ("Call them the day after tomorrow", "2026-01-17"),
    ("Report 3 weeks from tomorrow", "2026-02-06"),
    ("Review in 6 weeks", "2026-02-26"),
    ("Start on 2026-02-03", "2026-02-03"),
])
def test_dates(analyzer, text, value):
    m = only(analyzer, text)
    assert (m.label, m.value) == ("DATE", value)


@pytest.mark.parametrize("text, value", [
    ("Away from June 3 to June 9", rng("2026-06-03", "2026-06-09")),
    ("Booked 12-14 March 2027", rng("2027-03-12", "2027-03-14")),
    ("Sprint between 4 and 8 of this month", rng("2026-01-04", "2026-01-08")),
    ("Stock up in December", rng("2026-12-01", "2026-12-31")),
    ("the second week of 2026", rng("2026-01-05", "2026-01-11")),
    ("the rest of the month", rng("2026-01-15", "2026-01-31")),
    ("the third quarter of next year", rng("2027-07-01", "2027-09-30")),
    ("2026-11", rng("2026-11-01", "2026-11-30")),
])
def test_ranges(analyzer, text, value):
    m = only(analyzer, text)
    assert (m.label, m.value) == ("DATE_RANGE", value)


@pytest.mark.parametrize("text, value", [
    ("It takes 2 years and 6 months", "P2Y6M"),
    ("a break of an hour and a half", "PT1.5H"),
    ("two quarters", "P6M"),
    ("a couple of days", "P2D"),
])
def test_durations(analyzer, text, value):
    m = only(analyzer, text)
    assert (m.label, m.value) == ("DURATION", value)


def test_calendar_helpers():
    assert cal.add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert cal.fiscal_year_range(2027, 1) == (dt.date(2027, 1, 1), dt.date(2027, 12, 31))
    assert cal.next_occurrence(dt.date(2026, 5, 2), 5, 2) == dt.date(2027, 5, 2)
    assert cal.Span(years=1, months=2, days=3).iso() == "P1Y2M3D"


# -- comparisons and baselines are not the goal's time --------------------------------------------

@pytest.mark.parametrize("text", [
    "Our churn must be lower than last quarter.",
    "Bookings should come in 15% above what we had, higher than last month.",
    "Grow repeat orders 10% compared with Q4 2025.",
    "Beat last year's donations.",
])
def test_a_comparison_baseline_is_not_a_time_mention(analyzer, text):
    assert times(analyzer, text) == []


def test_a_comparison_leaves_the_real_deadline_alone(analyzer):
    found = only(analyzer, "Ship more fixes than last sprint did, and than last month, by April 30, 2026.")
    assert (found.text, found.kind, found.deadline) == ("by April 30, 2026", "deadline", dt.date(2026, 4, 30))


def test_no_later_than_is_still_a_deadline(analyzer):
    found = only(analyzer, "Hand in the report no later than March 31, 2026.")
    assert (found.kind, found.deadline) == ("deadline", dt.date(2026, 3, 31))


def test_a_future_possessive_keeps_its_period(analyzer):
    found = only(analyzer, "Hit this year's quota of 40 renewals.")
    assert found.value == rng("2026-01-01", "2026-12-31")


# -- "by the end of <month|quarter|FY>" ---------------------------------------------------------------

@pytest.mark.parametrize("text, said, last_day", [
    ("We will open the second store by the end of March.", "by the end of March", "2026-03-31"),
    ("Finish the migration by end of March 2027.", "by end of March 2027", "2027-03-31"),
    ("Sign the lease by the end of Q3.", "by the end of Q3", "2026-09-30"),
    ("Close the hiring round by the end of next month.", "by the end of next month", "2026-02-28"),
    ("Repay the loan by the end of FY2027.", "by the end of FY2027", "2027-12-31"),
    ("Repay the loan by the end of fiscal year 2027.", "by the end of fiscal year 2027", "2027-12-31"),
    ("Repay the loan by FY27 end.", "by FY27 end", "2027-12-31"),
    ("Repay the loan by FY2027 year-end.", "by FY2027 year-end", "2027-12-31"),
    ("Cut bank fees by the end of 2026.", "by the end of 2026", "2026-12-31"),
    ("Ship the app by end of 2027.", "by end of 2027", "2027-12-31"),
    # "before the end of June" leaves June to work in: not the day before the reference date
    ("Write six case studies before the end of June 2026.", "before the end of June 2026", "2026-06-30"),
    ("I will raise my grade by the end of the spring semester.", "by the end of the spring", "2026-05-31"),
])
def test_the_end_of_a_named_period_is_a_deadline_on_its_last_day(analyzer, text, said, last_day):
    found = only(analyzer, text)
    assert (found.label, found.text, found.kind) == ("DATE_RANGE", said, "deadline")
    assert found.deadline == dt.date.fromisoformat(last_day)


def test_the_end_of_a_month_already_over_is_next_years(analyzer):
    found = only(analyzer, "Publish the catalogue by the end of January.", ref=dt.date(2026, 2, 10))
    assert found.deadline == dt.date(2027, 1, 31)


def test_a_fiscal_year_end_follows_the_configured_start(fiscal_april):
    found = only(fiscal_april, "Repay the loan by the end of FY2027.")
    assert found.deadline == dt.date(2027, 3, 31)  # FY2027 runs from April 2026 to March 2027


def test_a_fiscal_year_already_over_is_a_past_deadline(analyzer):
    found = only(analyzer, "Repay the loan by FY25 end.")
    assert found.deadline == dt.date(2025, 12, 31) and found.deadline < REF


# -- periods reported missing ---------------------------------------------------------------------------

def test_this_year_is_the_reference_year(analyzer):
    found = only(analyzer, "Train every new hire on the safety rules this year.")
    assert (found.label, found.value, found.kind) == ("DATE_RANGE", rng("2026-01-01", "2026-12-31"), "period")


def test_in_a_quarter_of_a_year_is_a_period(analyzer):
    found = only(analyzer, "Run the pilot in Q2 2026.")
    assert (found.label, found.value, found.kind) == ("DATE_RANGE", rng("2026-04-01", "2026-06-30"), "period")


def test_a_weekday_before_a_full_date_is_part_of_it(analyzer):
    found = only(analyzer, "Send the invoices by Tuesday, March 3, 2026.")
    assert (found.text, found.value, found.kind) == ("by Tuesday, March 3, 2026", "2026-03-03", "deadline")


def test_a_sentence_full_stop_is_not_part_of_a_month(analyzer):
    assert only(analyzer, "Launch the shop by June.").text == "by June"
    assert only(analyzer, "Launch the shop by Jun. 2027").text == "by Jun. 2027"


# Python's calendar holds years 1 to 9999. A time that lands outside it is still a time the goal
# names, so it stays a mention, but without a value: never an exception, never a made-up date.
LAST_DAY = dt.date(9999, 12, 31)
FIRST_DAY = dt.date(1, 1, 1)


@pytest.mark.parametrize("text, ref, said", [
    ("Ship it by June in 20000 years.", REF, "by June in 20000 years"),
    ("Ship it in 9000 years.", dt.date(2026, 6, 1), "in 9000 years"),
    ("Close the books by next year.", LAST_DAY, "by next year"),
    ("Launch next June.", LAST_DAY, "next June"),
    ("Hire two people by Q2.", LAST_DAY, "by Q2"),
    ("Repeat what worked last year.", FIRST_DAY, "last year"),
    ("Finish by the end of next month.", LAST_DAY, "by the end of next month"),
    ("Plan for the next 3 months.", LAST_DAY, "for the next 3 months"),
    ("Do it by the first half.", dt.date(9999, 11, 2), "by the first half"),
])
def test_a_time_past_the_calendar_is_unresolved(analyzer, text, ref, said):
    found = times(analyzer, text, ref)
    assert [m.text for m in found] == [said]
    assert found[0].resolved is False and found[0].value is None


def test_the_calendar_edges_still_resolve_what_fits(analyzer):
    assert only(analyzer, "Close the books this year.", LAST_DAY).value == rng("9999-01-01", "9999-12-31")
    assert only(analyzer, "Open a shop next year.", FIRST_DAY).value == rng("0002-01-01", "0002-12-31")
    assert only(analyzer, "Open it in 7973 years.", REF).value == "9999-01-15"


@pytest.mark.parametrize("year, month", [(0, 1), (10000, 1), (9999, 12), (1, 1)])
def test_calendar_helpers_return_none_outside_the_calendar(year, month):
    inside = 1 <= year <= 9999
    assert (cal.month_range(year, month) is not None) == inside
    assert (cal.year_range(year) is not None) == inside
    assert (cal.quarter_range(year, 4) is not None) == inside


def test_calendar_helpers_stop_at_the_last_day():
    assert cal.add_months(dt.date(9999, 12, 1), 1) is None
    assert cal.add_months(dt.date(1, 1, 31), -1) is None
    assert cal.week_range(LAST_DAY) is None  # its Sunday is in year 10000
    assert cal.fiscal_year_range(1, start_month=4) is None  # would start in year 0
    assert cal.fiscal_year_range(2027, start_month=4) == (dt.date(2026, 4, 1), dt.date(2027, 3, 31))
    assert cal.half_range(9999, 2, start_month=1) == (dt.date(9999, 7, 1), LAST_DAY)
    assert cal.shift(LAST_DAY, cal.Span(days=1)) is None


@pytest.mark.parametrize("text, said, value", [
    ("Accounts payable will pay invoices on time in the second half of 2026.", "in the second half of 2026",
     rng("2026-07-01", "2026-12-31")),  # a half year inside a sentence
    # a season with this/next/last or a year; "before the summer" alone says no year
    ("Recruit 40 volunteers this spring.", "this spring", rng("2026-03-01", "2026-05-31")),
    ("Get 90% of students through by summer 2026.", "by summer 2026", rng("2026-06-01", "2026-08-31")),
    ("Hold the gala next winter.", "next winter", rng("2026-12-01", "2027-02-28")),
    ("Cut heating costs this winter.", "this winter", rng("2025-12-01", "2026-02-28")),
    # early, mid and late thirds of a year or a month
    ("Open the clinic by mid-2026.", "by mid-2026", rng("2026-05-01", "2026-08-31")),
    ("Hire a CFO in early 2027.", "in early 2027", rng("2027-01-01", "2027-04-30")),
    ("File the claim by mid-March.", "by mid-March", rng("2026-03-11", "2026-03-20")),
    ("Ship the beta by late February 2026.", "by late February 2026", rng("2026-02-21", "2026-02-28")),
    ("Sign the lease by the middle of 2026.", "by the middle of 2026", rng("2026-05-01", "2026-08-31")),
])
def test_half_years_seasons_and_thirds_are_periods(analyzer, text, said, value):
    found = only(analyzer, text)
    assert (found.label, found.text, found.value) == ("DATE_RANGE", said, value)


@pytest.mark.parametrize("text, per, count", [
    ("Call my grandmother every Sunday.", "P1W", 1.0),
    ("Meditate each morning.", "P1D", 1.0),
    ("Do two past papers every weekend.", "P1W", 1.0),
    ("Run a stand-up every weekday.", "P1W", 5.0),
    ("Practise piano 30 minutes a day.", "P1D", 30.0),  # a rate, not 30 minutes plus a day
])
def test_every_named_day_and_an_amount_a_day_are_rates(analyzer, text, per, count):
    found = only(analyzer, text)
    assert found.label == "FREQUENCY" and found.value == {"count": count, "per": per}


def test_a_weekday_after_starting_is_a_start(analyzer):
    found = only(analyzer, "Practise piano starting Monday.")
    assert (found.label, found.value) == ("START_TIME", "2026-01-19")  # the Monday after Thursday 15th


def test_a_weekday_after_by_is_the_next_one(analyzer):
    found = only(analyzer, "Send the draft by Friday.")
    assert (found.kind, found.deadline) == ("deadline", dt.date(2026, 1, 16))


@pytest.mark.parametrize("text", ["Meet on Friday.", "Friday is our busiest day.", "Reverse the fall in sales."])
def test_a_weekday_or_season_alone_is_not_read(analyzer, text):
    assert times(analyzer, text) == []


def test_going_forward_is_a_vague_time(analyzer):
    m = only(analyzer, "Handle contracts better going forward.")
    assert (m.label, m.text) == ("VAGUE_TIME", "going forward")
