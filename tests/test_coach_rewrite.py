"""coach(): questions, suggestions and the placeholder rewrite, from hand-built Facts and Reports."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from smartlint.coach import PLACEHOLDERS, Coaching, coach, fill
from smartlint.facts import Facts, Mention
from smartlint.report import DimensionScore, Report

TODAY = dt.date(2026, 1, 15)


def facts(text: str, *found: tuple, today: dt.date = TODAY) -> Facts:
    """Facts by hand: each item is (label, substring[, {fields}]), found at its first occurrence."""
    mentions = []
    for item in found:
        label, part, fields = item if len(item) == 3 else (*item, {})
        start = text.index(part)
        mentions.append(Mention(label=label, text=part, start=start, end=start + len(part), **fields))
    mentions.sort(key=lambda m: (m.start, -m.end))
    _mark_rationale(mentions)
    return Facts(text=text, reference_date=today, mentions=mentions)


def _mark_rationale(mentions: list[Mention]) -> None:
    reasons = [m for m in mentions if m.label == "RATIONALE"]
    for i, m in enumerate(mentions):
        if m.label != "RATIONALE" and any(r.start <= m.start and m.end <= r.end for r in reasons):
            mentions[i] = m.model_copy(update={"in_rationale": True})


def report(the_facts: Facts, S=2, M=2, A=2, R=2, T=2) -> Report:
    points = {"S": S, "M": M, "A": A, "R": R, "T": T}
    return Report(
        text=the_facts.text,
        reference_date=the_facts.reference_date,
        score=sum(points.values()) * 10,
        smart=all(p == 2 for p in points.values()),
        dimensions={k: DimensionScore(points=v) for k, v in points.items()},
    )


RATE = {"value": {"count": 15, "per": "P1M"}}


def more_visitors():
    return facts("Get more visitors", ("ACTION", "Get", {"value": "get"}),
                 ("VAGUE_TERM", "more", {"value": "more", "kind": "comparative"}))


def test_a_vague_wish_gets_every_placeholder_in_order():
    found = facts("Improve things", ("VAGUE_TERM", "Improve", {"value": "improve", "kind": "verb"}),
                  ("VAGUE_TERM", "things", {"value": "things", "kind": "filler"}))
    coaching = coach(found, report(found, S=0, M=0, A=1, R=0, T=0))
    assert coaching.rewrite == ("<owner> will increase <metric> by <target> through <method> by <deadline>, "
                                "so that <reason>.")


def test_more_gets_a_number_in_front_and_the_owner_goes_first():
    found = more_visitors()
    coaching = coach(found, report(found, S=1, M=0, A=1, R=0, T=0))
    assert coaching.rewrite == ("<owner> will get <target> more visitors through <method> by <deadline>, "
                                "so that <reason>.")


def test_a_smart_goal_comes_back_unchanged_with_nothing_to_ask():
    found = more_visitors()
    coaching = coach(found, report(found))
    assert coaching == Coaching(questions=[], suggestions=[], rewrite="Get more visitors")


def test_only_the_weak_letters_are_touched():
    text = "We will launch the redesigned website soon"
    found = facts(text, ("OWNER", "We", {"value": "we", "kind": "pronoun"}), ("ACTION", "launch"),
                  ("VAGUE_TIME", "soon"))
    coaching = coach(found, report(found, T=1))
    assert coaching.rewrite == "We will launch the redesigned website by <deadline>."
    assert coaching.questions == ['"soon" — by which date exactly?']
    assert [s.dimension for s in coaching.suggestions] == ["T"]


def test_a_rate_is_asked_by_when_in_its_own_words():
    text = "Get 15 more people a month to ask for our legal guidance"
    found = facts(text, ("ACTION", "Get"), ("FREQUENCY", "15 more people a month", RATE))
    coaching = coach(found, report(found, A=1, R=0, T=1))
    assert "15 more people a month — by when?" in coaching.questions
    assert coaching.rewrite == ("<owner> will get 15 more people a month to ask for our legal guidance by "
                                "<deadline>, so that <reason>.")


def test_the_deadline_goes_after_the_method_and_before_the_reason():
    text = "Increase sales by 10% by Q3 2026 because revenue matters"
    found = facts(text, ("ACTION", "Increase"), ("CHANGE", "by 10%", {"value": {"kind": "by", "percent": 10}}),
                  ("DATE_RANGE", "by Q3 2026", {"kind": "deadline", "deadline": "2026-09-30"}),
                  ("RATIONALE", "because revenue matters", {"value": "because"}))
    coaching = coach(found, report(found, S=1, A=1))
    assert coaching.rewrite == "<owner> will increase sales by 10% through <method> by Q3 2026 because revenue matters."


def test_improve_a_time_becomes_reduce_it():
    text = "To improve customer response time"
    found = facts(text, ("VAGUE_TERM", "improve", {"value": "improve", "kind": "verb"}))
    coaching = coach(found, report(found, S=1, M=0, A=1, R=0, T=0))
    assert coaching.rewrite.startswith("<owner> will reduce customer response time by <target>")


def test_a_leading_deadline_stays_in_front():
    text = "By Q3 2026, grow newsletter sign-ups"
    found = facts(text, ("DATE_RANGE", "By Q3 2026", {"kind": "deadline", "deadline": "2026-09-30"}),
                  ("ACTION", "grow"))
    coaching = coach(found, report(found, S=1, M=0, A=1, R=0))
    assert coaching.rewrite == "By Q3 2026, <owner> will grow newsletter sign-ups by <target> through <method>, so that <reason>."


def test_a_deliverable_gains_a_measured_outcome_without_a_second_goal():
    text = "We will launch the redesigned website by June 30, 2026"
    found = facts(text, ("OWNER", "We", {"value": "we"}), ("ACTION", "launch"),
                  ("DATE", "by June 30, 2026", {"kind": "deadline", "deadline": "2026-06-30"}))
    rewrite = coach(found, report(found, M=1)).rewrite
    assert rewrite == "We will launch the redesigned website, raising <metric> by <target> by June 30, 2026."
    assert " and " not in rewrite


def test_a_past_deadline_is_moved_and_the_old_one_kept_in_a_note():
    text = "The sales team will increase revenue by 20% by December 31, 2025"
    found = facts(text, ("OWNER", "The sales team", {"value": "sales team", "kind": "team"}),
                  ("CHANGE", "by 20%", {"value": {"kind": "by", "percent": 20}}),
                  ("DATE", "by December 31, 2025", {"kind": "deadline", "deadline": "2025-12-31"}))
    rewrite = coach(found, report(found, A=0)).rewrite
    assert rewrite == ("The sales team will increase revenue by 20% by <deadline>, since the original "
                       "deadline (by December 31, 2025) has passed.")


def test_every_single_becomes_a_share():
    text = "HR will make sure every single employee completes security training by June 30, 2026"
    found = facts(text, ("OWNER", "HR", {"value": "HR", "kind": "team"}),
                  ("DATE", "by June 30, 2026", {"kind": "deadline", "deadline": "2026-06-30"}))
    rewrite = coach(found, report(found, A=0)).rewrite
    assert "<target> of employees complete security training" in rewrite


def test_a_noun_phrase_goal_gets_an_owner_that_achieves_it():
    text = "Website traffic up 20% by Q3"
    found = facts(text, ("PERCENT", "20%", {"value": 20, "role": "target"}),
                  ("DATE_RANGE", "by Q3", {"kind": "deadline", "deadline": "2026-09-30"}))
    rewrite = coach(found, report(found, A=1)).rewrite
    assert rewrite == "<owner> will achieve website traffic up 20% by Q3."


def test_list_markup_stays_in_front_of_the_owner():
    text = "- **Goal:** Get 500 webinar registrations"
    found = facts(text, ("QUANTITY", "500", {"value": 500, "role": "target"}))
    rewrite = coach(found, report(found, A=1)).rewrite
    assert rewrite == "- **Goal:** <owner> will get 500 webinar registrations."


def test_suggestions_are_concrete_and_at_most_three_per_letter():
    found = more_visitors()
    coaching = coach(found, report(found, S=1, M=0, A=1, R=0, T=0))
    by_letter = {}
    for suggestion in coaching.suggestions:
        by_letter.setdefault(suggestion.dimension, []).append(suggestion)
    assert set(by_letter) == {"S", "M", "A", "R", "T"}
    assert all(1 <= len(items) <= 3 for items in by_letter.values())
    assert by_letter["M"][0].replacement == "Get <target> more visitors."
    assert by_letter["T"][0].replacement == "Get more visitors by <deadline>."
    assert by_letter["A"][0].replacement == "<owner> will get more visitors."


def test_more_than_three_channels_get_pick_two_or_three():
    text = "We will post on Instagram, LinkedIn, Facebook and TikTok every week by June 30, 2026"
    channels = [("PLATFORM", name, {"value": name}) for name in ("Instagram", "LinkedIn", "Facebook", "TikTok")]
    found = facts(text, ("OWNER", "We", {"value": "we"}), *channels,
                  ("DATE", "by June 30, 2026", {"kind": "deadline", "deadline": "2026-06-30"}))
    coaching = coach(found, report(found, A=1))
    assert any("two or three" in s.text for s in coaching.suggestions)
    assert coaching.questions == ["4 channels at once (Instagram, LinkedIn, Facebook, TikTok): which two or three matter most?"]


def test_placeholders_are_the_fixed_set_and_fill_replaces_them_all():
    found = more_visitors()
    rewrite = coach(found, report(found, S=0, M=0, A=1, R=0, T=0)).rewrite
    assert set(re.findall(r"<[a-z]+>", rewrite)) <= set(PLACEHOLDERS)
    filled = fill(rewrite, dict.fromkeys(PLACEHOLDERS, "X"))
    assert "<" not in filled


def test_coaching_needs_no_nlp_pipeline_or_lexicon_load():
    """coach() runs on every goal of a batch: it must work from the Facts alone, without importing
    spaCy or decoding lemminflect's lexicon (either would cost a second per process). Timing is
    left to scripts/bench_speed.py: machines here are too noisy for timed tests."""
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys, importlib\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "mod = importlib.import_module('test_coach_rewrite')\n"
        "goals = [mod.more_visitors(), mod.facts('Get 15 more people a month to ask for our legal guidance',"
        " ('ACTION', 'Get'), ('FREQUENCY', '15 more people a month', mod.RATE))]\n"
        "reports = [mod.report(goals[0], S=1, M=0, A=1, R=0, T=0), mod.report(goals[1], A=1, R=0, T=1)]\n"
        "for found, scored in zip(goals, reports):\n"
        "    mod.coach(found, scored)\n"
        "spacy_loaded = 'spacy' in sys.modules\n"  # before importing lemminflect, which imports spaCy
        "from lemminflect import Lemmatizer, Inflections\n"
        "print(spacy_loaded, 'lemma_dict' in vars(Lemmatizer()), hasattr(Inflections(), 'infl_dict'))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split()[-3:] == ["False", "False", "False"]


@pytest.mark.parametrize("text", [
    "Grow sign-ups by 1,200.5x, by Q3 2026.", "  a\tb\n c,, done!  ", "", " ", "İstanbul ΣΑΣ x’y - – e\u0301t ﬁx.",
    "Cut costs; ship v2.0 (beta) by 24.04.2026?", "team's goal: x_y _ ok,",
])
def test_split_words_finds_what_the_word_pattern_finds(text):
    from smartlint.coach.anatomy import WORD, split_words

    words, starts, ends = split_words(text)
    assert [(w.text, w.start, w.end, w.lower) for w in words] == [
        (m[0], m.start(), m.end(), m[0].lower()) for m in WORD.finditer(text)]
    assert starts == [w.start for w in words] and ends == [w.end for w in words]


PIECE_SCAN_TEXTS = [
    "Grow sign-ups by 1,200.5x, by Q3 2026.", "  a\tb\n c,, done!  ", "", " ", "İstanbul ΣΑΣ x’y - – e\u0301t ﬁx.",
    "Cut costs; ship v2.0 (beta) by 24.04.2026?", "team's goal: x_y _ ok,",
    "The sales team  will also want to grow  revenue, by Friday, January 9, 2026 because growth,matters",
]


@pytest.mark.parametrize("text", PIECE_SCAN_TEXTS)
def test_piece_by_piece_word_scans_agree_with_the_whole_split(text):
    """words_from and last_word_before read a few pieces of the goal; what they find must be what
    the whole split finds, from every offset."""
    from bisect import bisect_right

    from smartlint.coach.anatomy import last_word_before, split_words, words_from

    words, _, ends = split_words(text)
    for offset in range(len(text) + 1):
        assert [w for w in words_from(text, offset) if w.start >= offset] == [w for w in words if w.start >= offset]
        count = bisect_right(ends, offset)
        assert last_word_before(text, offset) == (words[count - 1] if count else None)


@pytest.mark.parametrize("text", PIECE_SCAN_TEXTS)
def test_the_predicate_after_an_owner_is_the_first_word_past_the_auxiliaries(text):
    from smartlint.coach.anatomy import ADVERBS_BEFORE_VERB, AUXILIARIES, _predicate_after_owner, split_words

    words = split_words(text)[0]
    for after in range(len(text) + 1):
        for main_end in (len(text), len(text) // 2):
            verb = next((w for w in words if w.start >= after and w.lower not in AUXILIARIES
                         and w.lower not in ADVERBS_BEFORE_VERB and w.text not in "'’"), None)
            expected = (verb, verb.start, None) if verb is not None and verb.start < main_end else (None, after, None)
            assert _predicate_after_owner(text, after, main_end) == expected


def test_weak_letters_are_the_letters_under_two_points_in_the_order_asked():
    from smartlint.coach.edits import weak_letters

    points = {"S": 2, "M": 1, "A": 0, "T": 1}  # R unscored: counts as 2
    assert weak_letters(points, "SMART") == ["M", "A", "T"]
    assert weak_letters(points, ("A", "M", "T", "R", "S")) == ["A", "M", "T"]
    assert weak_letters(points, ("T", "S", "M")) == ["T", "M"]
    assert weak_letters({letter: 2 for letter in "SMART"}, "SMART") == [] == weak_letters({}, "SMART")
    assert weak_letters({letter: 0 for letter in "SMART"}, "TRAMS") == list("TRAMS")
