"""Rubric calls the corpus work settled, on hand-built Facts (no NLP): durations as measures,
recurring days, enumerations, clause splits, result words and reason clauses."""
from __future__ import annotations

import datetime as dt

from smartlint.engine.judge import judge
from smartlint.engine.loader import load_pack
from smartlint.facts import Facts, Mention

TODAY = dt.date(2026, 1, 15)
RULES = load_pack().statement


def scored(text: str, *marks: tuple) -> dict[str, int]:
    """marks: (words, label, fields) with the words found in the text (first occurrence)."""
    mentions = []
    for words, label, fields in marks:
        start = text.index(words)
        mentions.append(Mention(label=label, text=words, start=start, end=start + len(words), **fields))
    facts = Facts(text=text, reference_date=TODAY, mentions=sorted(mentions, key=lambda m: m.start))
    return {d: s.points for d, s in judge(facts, RULES).dimensions.items()}


WE = ("We", "OWNER", {"value": "we", "kind": "pronoun"})


def test_a_duration_after_to_is_the_target_and_a_bare_one_is_the_present_figure():
    target = scored("We will shorten onboarding from 9 days to 5 days.", WE,
                    ("9 days", "DURATION", {"value": "P9D"}), ("5 days", "DURATION", {"value": "P5D"}))
    assert target["M"] == 2 and target["T"] == 0
    present = scored("Our desk takes four days to answer a claim; we want that shorter.", ("we", "OWNER", {"value": "we", "kind": "pronoun"}),
                     ("four days", "DURATION", {"value": "P4D"}))
    assert present["M"] == 1


def test_a_day_in_every_month_is_a_rate_not_a_deadline():
    got = scored("We will send the invoices by the third day of every month.", WE,
                 ("by the third", "DATE", {"value": "2026-02-03", "kind": "deadline",
                                           "deadline": dt.date(2026, 2, 3)}),
                 ("every month", "FREQUENCY", {"value": {"count": 1.0, "per": "P1M"}}))
    assert got["T"] == 1 and got["M"] == 2


def test_a_comparative_on_a_deliverable_still_asks_how_many_more():
    assert scored("We will host more webinars.", WE)["M"] == 0


def test_four_initiatives_at_once_are_a_soft_flag_even_with_an_owner():
    got = scored("We will digitise intake forms, patient reminders, lab orders and staff rotas.", WE)
    assert got["A"] == 1
    assert scored("We will digitise intake forms and patient reminders.", WE)["A"] == 2


def test_two_gerunds_of_one_method_are_not_two_goals():
    text = "We will cut churn from 8% to 5% by calling at-risk accounts and offering annual plans."
    got = scored(text, WE, ("from 8% to 5%", "CHANGE", {"value": {"kind": "from_to", "from": 8.0, "to": 5.0},
                                                        "kind": "from_to"}))
    assert got["M"] == 2


def test_a_part_that_points_back_is_not_a_goal_of_its_own():
    text = "We currently close 30% of trials; we would like that number to be higher."
    got = scored(text, WE, ("30%", "PERCENT", {"value": 30.0, "role": "baseline"}))
    assert got["M"] == 1  # a baseline with a comparative, read as one goal


def test_a_result_word_that_only_modifies_another_noun_is_no_result():
    assert scored("Rebuild the customer portal.")["R"] == 0
    assert scored("Grow customer retention.")["R"] == 1


def test_purpose_clauses_state_an_aim_and_complaints_state_a_need():
    aim = "so that the students who are behind catch up"
    assert scored(f"We will run a reading club {aim}.", WE, (aim, "RATIONALE", {"value": "so that"}))["R"] == 2
    need = "because the sales reps keep complaining about slow quotes"
    assert scored(f"We will rewrite the quote tool {need}.", WE, (need, "RATIONALE", {"value": "because"}))["R"] == 1


def test_a_vague_quality_the_nlp_pass_left_unmarked_still_leaves_no_outcome():
    got = scored("Make our clients feel good.")
    assert got["S"] == 0 and got["R"] == 0


def test_a_deliverable_noun_and_a_goal_to_end_something():
    assert scored("Get the building permit.")["M"] == 1
    ended = scored("We want to end food waste in our canteen.", WE)
    assert ended["A"] == 0 and ended["M"] == 1


def test_a_programme_or_study_is_a_scope():
    assert scored("Raise attendance at the reading program.")["S"] == 2
    assert scored("Raise attendance.")["S"] == 1
