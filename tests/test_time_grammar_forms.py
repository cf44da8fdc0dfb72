"""The time grammar spells its number words compactly (see smartlint.nlp.time_grammar); every rule
must match exactly as it does with the plain word lists, on phrases that use each number word."""
from __future__ import annotations

import itertools
import re

import pytest

from smartlint.nlp import time_grammar as grammar

_PLAIN_UNITS = grammar._PLAIN_UNITS
_PLAIN_TENS = grammar._PLAIN_TENS
_PLAIN_NUMW99 = rf"(?:(?:{_PLAIN_TENS})(?:[\s-](?:{_PLAIN_UNITS}))?|{_PLAIN_UNITS})"
_PLAIN_ORDW = (rf"(?:(?:twenty|thirty)[\s-]?(?:{grammar._ORD_UNITS})|{grammar._ORD_UNITS}|tenth|eleventh|twelfth"
               r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)"
               r"(?![a-z])")


def _plain(regex: str) -> str:
    """The rule's regex with the plain word lists in place of the compact spellings."""
    regex = regex.replace(grammar._NUMW99, _PLAIN_NUMW99).replace(grammar.ORDW, _PLAIN_ORDW)
    return regex.replace(grammar._UNITS_1_19, _PLAIN_UNITS)


_UNITS = _PLAIN_UNITS.split("|")[::-1]
_TENS = _PLAIN_TENS.split("|")
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
             "eighteenth", "nineteenth", "twentieth", "thirtieth"]


def _numbers() -> list[str]:
    """Spelled numbers below 1,000 with each joint ("-", " ", none), and cut-off ones."""
    below_100 = list(_UNITS) + list(_TENS)
    below_100 += [f"{tens}{joint}{unit}" for tens in _TENS for unit in _UNITS[:9] for joint in ("-", " ", "")]
    below_100 += [f"{tens}-{unit}" for tens in ("twenty", "sixty", "ninety") for unit in _UNITS[9:]]
    spelled = below_100 + [f"{unit} hundred" for unit in _UNITS[:9]]
    spelled += [f"{head} hundred{joint}{tail}" for head, tail in itertools.product(("one", "sixty", "twenty-two"),
                ("five", "sixty", "seventy-seven", "nineteen")) for joint in (" and ", " ")]
    return spelled + ["sixtyish", "fourty", "seventeen-", "twenty-", "nineteenth", "ninety nine hundred"]


def _phrases() -> list[str]:
    numbers = _numbers()
    ordinals = _ORDINALS + [f"{tens}{joint}{unit}" for tens in ("twenty", "thirty")
                            for unit in _ORDINALS[:9] for joint in ("-", " ", "")]
    phrases = []
    for n in numbers:
        phrases += [f"in {n} weeks", f"within the next {n} months and {n} days", f"{n} times a year",
                    f"every {n} days", f"by march {n}, two thousand and {n}", f"for {n} years from may 5",
                    f"from {n} to {n} june 2027", f"{n} hours after today", f"the first {n} days of 2027"]
    for o in ordinals:
        phrases += [f"by the {o} of march", f"on the {o}", f"the {o} week of 2027", f"may {o} to june {o}",
                    f"the {o} month of next year", f"{o} day of next month", f"from the {o} to the {o} of may"]
    return phrases


@pytest.fixture(scope="module")
def rule_pairs():
    pairs = []
    for rule in grammar.RULES:
        plain = _plain(rule.regex)
        pairs.append((rule.name, rule.pattern, re.compile(r"(?<![a-z])" + plain)))
    return pairs


def test_the_compact_spellings_stand_in_the_rules(rule_pairs):
    changed = [name for name, pattern, plain in rule_pairs if pattern.pattern != plain.pattern]
    assert {"duration", "range", "date", "offset", "year"} <= set(changed)


def test_the_compact_spellings_match_as_the_plain_word_lists(rule_pairs):
    for phrase in _phrases():
        for name, pattern, plain in rule_pairs:
            found = [(m.span(), m.groupdict()) for m in pattern.finditer(phrase)]
            expected = [(m.span(), m.groupdict()) for m in plain.finditer(phrase)]
            assert found == expected, (name, phrase)


def test_the_range_hint_holds_where_its_one_regex_form_finds_a_match():
    one_regex = re.compile(grammar.RangeHint.FIRST_PART_END + r"\s*" + grammar.RangeHint.CONNECTOR
                           + grammar.RangeHint.SECOND_PART)
    hint = grammar.RangeHint()
    endings = ["2027", "5", "31", "150", "1st", "march", "sept.", "twenty", "fifteen", "today", "thousand", "%", "a"]
    starts = ["2028", "6", "150", "the 5th", "this june", "next may", "april", "tomorrow", "twentieth", "a", "zero"]
    phrases = _phrases()[::7]
    for before, after in itertools.product(endings, starts):
        for connector in ("to", "through", "thru", "till", "until", "and", "-", "–", "—"):
            for space in ("", " ", "  ", "\n "):
                phrases.append(f"from {before}{space}{connector}{space}{after} by q3")
    for phrase in phrases:
        for limit in (len(phrase), len(phrase) - 4, 9):
            assert hint(phrase, limit) == bool(one_regex.search(phrase, 0, limit)), (phrase, limit)


def test_a_number_stands_before_a_unit_wherever_a_duration_matches():
    duration = re.compile(grammar.DUR1)
    number_then_unit = re.compile(rf"(?:{grammar.NUM})\s*-?\s*(?:{grammar._UNIT_WORDS})")
    needing = [rule.pattern for rule in grammar.RULES if grammar.NUMBER_BEFORE_UNIT in set().union(*rule.needs)]
    assert len(needing) == 8
    phrases = _phrases()[::3]
    phrases += [f"{n}{space}{unit}" for n in ("5", "5.5", "a", "an", "half", "half an", "a couple of", "two and a half",
                                              "one hundred", "twenty-five", "sixty", "of", "x", "day", "150%")
                for space in ("", " ", "-", " - ", "--", "  -\n") for unit in ("days", "minutes", "sec", "wk", "quarter")]
    for phrase in phrases:
        for limit in (len(phrase), len(phrase) // 2):
            text = phrase[:limit]
            expected = bool(number_then_unit.search(text))
            assert grammar._number_before_unit(text) or not expected, text
            assert expected or not duration.search(text), text
            assert expected or not any(pattern.search(text) for pattern in needing), text


def test_the_year_hint_holds_wherever_the_year_rule_matches():
    year = next(rule for rule in grammar.RULES if rule.name == "year")
    leads = ["in", "during", "by", "before", "until", "till", "through", "throughout", "for", "since",
             "no later than", "the", "the fiscal", "calendar", "in the calendar year", "year", "by fiscal year", "q3"]
    years = ["2027", "1999", "two thousand", "two thousand and five", "2027s", "12027", "twenty twenty"]
    phrases = [f"{lead}{space}{when}" for lead in leads for space in (" ", "  ", "\n") for when in years]
    assert sum(1 for phrase in phrases if year.pattern.search(phrase)) > 50
    for phrase in phrases + _phrases()[::5]:
        assert year.hint(phrase, len(phrase)) or not year.pattern.search(phrase), phrase


def _duration_phrases() -> list[str]:
    """Durations in the places the rules put them, glued and spaced, with and without a direction
    word, a start date or a second part."""
    counts = ["3", "5.5", "a", "an", "half an", "a couple of", "two and a half", "twenty-five", "one hundred", "x"]
    units = ["weeks", "month", "days", "quarter", "hrs", "year and a half"]
    joints = ["", " ", "  ", "-", ", ", " and ", ","]
    phrases = []
    for count, unit, joint in itertools.product(counts, units, joints):
        duration = f"{count} {unit}{joint}{count}{joint}{unit}"
        phrases += [f"in {duration}", f"within the next {duration} from today", f"for {duration}, starting june 1",
                    f"{duration} after launch", f"from may 5 for {duration}", f"the{joint}{duration}"]
    return phrases


def test_a_duration_written_with_one_copy_of_its_part_matches_as_the_repeated_form():
    repeated = rf"(?:{grammar.DUR1}(?:(?:\s*,\s*|\s+and\s+|\s+(?!an?\s)){grammar.DUR1})*)"
    pairs = [(rule.name, rule.pattern, re.compile(r"(?<![a-z])" + rule.regex.replace(grammar.DUR, repeated)))
             for rule in grammar.RULES if grammar.DUR in rule.regex]
    assert len(pairs) == 8
    rates = ["30 minutes a day", "for 2 hours an evening", "3 weeks a year and 2 days"]
    for phrase in _duration_phrases() + _phrases()[::2] + rates:
        for name, pattern, plain in pairs:
            found = [(m.span(), m.groupdict()) for m in pattern.finditer(phrase)]
            expected = [(m.span(), m.groupdict()) for m in plain.finditer(phrase)]
            assert found == expected, (name, phrase)


def test_every_hint_holds_wherever_its_rule_matches():
    hinted = [rule for rule in grammar.RULES if rule.hint is not None]
    assert {"offset", "for_from", "in_duration", "n_next", "nth_month_of", "week_of", "day_of_rel_month", "year_quarter",
            "year_half", "on_the_nth"} <= {
        rule.name for rule in hinted}
    phrases = _duration_phrases() + _phrases()
    for nth in ("first", "third", "fifth", "last", "12th", "2nd", "twenty-first"):
        for year in ("2027", "next year", "the following year", "two thousand and five", "this year"):
            phrases += [f"the {nth} month of {year}", f"{nth} week of {year}", f"by the {nth} week {year}"]
        for month in ("this month", "next month", "the following month", "following month"):
            phrases += [f"the {nth} of {month}", f"{nth} day of the {month}"]
    phrases += [f"{n} {rel} {unit}" for n in ("3", "the", "two", "twenty", "a couple of", "starting")
                for rel in ("next", "coming", "following") for unit in ("weeks", "months", "quarter")]
    phrases += ["in 2027", "during the fiscal year 2026", "by calendar year two thousand and nine", "by 2027 q3",
                "in 2026h2", "the 1999 Q1", "on the 5th", "by the thirty-first", "until the twelfth day", "on the 3rd."]
    matched = set()
    for phrase in phrases:
        for limit in (len(phrase), len(phrase) - 3):
            for rule in hinted:
                if rule.pattern.search(phrase, 0, limit):
                    matched.add(rule.name)
                    assert rule.hint(phrase, limit), (rule.name, phrase, limit)
    assert matched == {rule.name for rule in hinted}
