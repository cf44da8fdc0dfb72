"""The cue tests of smartlint.engine.lexicon are necessary conditions of the METHOD and SCOPE patterns."""
from __future__ import annotations

import datetime as dt
import random

from smartlint.engine import lexicon


def goal_like_texts(count: int) -> list[str]:
    """Texts mixing the patterns' own words, cased and not, with other words, numbers and punctuation."""
    rng = random.Random(5)
    words = (list(lexicon.METHOD_OPENERS) + ["by", "with", "By", "WITH", "means", "of", "running", "ing",
             "sing", "throughput", "viable", "Using", "usinG"] + list(lexicon.METHOD_WITH_DETERMINERS)
             + list(lexicon.METHOD_NOUNS) + list(lexicon.SCOPE_PREPOSITIONS) + ["In", "ON", "For", "At"]
             + list(lexicon.SCOPE_DETERMINERS) + list(lexicon.SCOPE_NOUNS) + ["Market", "Europe", "EMEA", "X",
             "Q3", "3", "20%", "2026", "increase", "sales", "the", "team-based", "a1b", "1a", "HbA1c", "_in",
             "in_", "for2", "new", "brand", "email", "pilot", "s", "ing", "Ab", "aB"])
    gaps = [" ", " ", " ", "  ", ", ", ". ", "\n", "\t", "(", ")", "/", ":", ";", "_", "-", "'", "’", "ı", "K"]
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 12)):
            parts += [rng.choice(words), rng.choice(gaps)]
        texts.append("".join(parts[:-1] if rng.random() < 0.5 else parts))
    return texts


def test_method_and_scope_match_only_where_the_cues_pass():
    skipped = {"method": 0, "scope": 0}
    plain = 0
    for text in goal_like_texts(60000):
        if not lexicon.words_start_matches(text):
            continue
        plain += 1
        words = lexicon.WORD.findall(text)
        lowers = [word.lower() for word in words]
        if lexicon.METHOD.search(text):
            assert lexicon.method_may_match(lowers), text
        elif not lexicon.method_may_match(lowers):
            skipped["method"] += 1
        if lexicon.SCOPE.search(text):
            assert lexicon.scope_may_match(lowers, words), text
        elif not lexicon.scope_may_match(lowers, words):
            skipped["scope"] += 1
    # the texts exercise both outcomes of every cue test
    assert plain > 10000 and min(skipped.values()) > 1000


def test_texts_where_a_match_may_start_inside_a_word_are_not_plain():
    assert not lexicon.words_start_matches("non-profit via partners")
    assert not lexicon.words_start_matches("the team's plan")
    assert not lexicon.words_start_matches("usıng webinars")  # dotless i: "using" under IGNORECASE
    assert lexicon.words_start_matches("Grow sales in Europe by running webinars")


def test_absolute_matches_only_where_its_cue_words_are():
    """GoalView.absolutes runs ABSOLUTE only on texts whose words include a cue (or "100"), when
    words stand alone; the cue words must then be a necessary condition of a match."""
    from smartlint.engine.view import _ABSOLUTE_CUES

    rng = random.Random(11)
    words = sorted(_ABSOLUTE_CUES) + ["single", "and", "all", "waste", "of", "up", "later", "100", "%",
                                      "per", "cent", "hundred", "to", "Zero", "NEVER", "defects", "nothing",
                                      "noone", "everyday", "ending", "zeros", "1", "team"]
    gaps = [" ", "  ", ", ", ". ", "\n", "(", ")", "/", ":", "_"]
    matched = 0
    for _ in range(20000):
        parts = []
        for _ in range(rng.randint(1, 10)):
            parts += [rng.choice(words), rng.choice(gaps)]
        text = "".join(parts)
        if not lexicon.words_start_matches(text) or not lexicon.ABSOLUTE.search(text):
            continue
        matched += 1
        lowers = [word.lower() for word in lexicon.WORD.findall(text)]
        assert "100" in text or not _ABSOLUTE_CUES.isdisjoint(lowers), text
    assert matched > 1000


def test_an_absolute_inside_a_hyphenated_word_is_found(linter):
    today = dt.date(2026, 1, 15)
    for goal in ("We will ship zero downtime deploys for billing by June 30, 2026",
                 "We will ship zero-downtime deploys for billing by June 30, 2026"):
        report = linter.score(goal, today)
        assert report.dimensions["A"].points == 0 and "A002" in {f.rule for f in report.findings}, goal


def test_a_word_that_only_begins_like_an_absolute_is_not_one(linter):
    today = dt.date(2026, 1, 15)
    report = linter.score("Nevertheless, we will grow sales by 10% by June 30, 2026 with partner webinars "
                          "and the same deadline, nevertheless", today)
    assert "A002" not in {f.rule for f in report.findings}
    assert "absolute" not in report.dimensions["A"].reason
