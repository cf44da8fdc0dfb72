"""Dates, periods, durations and frequencies: normalizes the spans time_ruler marks.

time_ruler marks TIME anchors (a month, a unit, "Q3", "3/31/2027", "weekly"); this component adds
the joiners (numbers and the little words that hold a time phrase together: "by", "the", "next",
"of", ","), which are too common to mark with the ruler cheaply. A maximal run of anchors and
joiners that holds an anchor is one stretch; the grammar in smartlint.nlp.time_grammar reads each
stretch. Sentences without an anchor cost nothing beyond the ruler. Tokens are read from the doc's
TokenTable (plain lists), not as spaCy Token objects.
"""
from __future__ import annotations

import re
from operator import or_

from spacy.language import Language

from smartlint.nlp.doc_mentions import add_mention, fiscal_year_start, reference_date, ruler_matches
from smartlint.nlp.numwords import parse_number
from smartlint.nlp.time_grammar import Context, Reading, find_times
from smartlint.nlp.token_table import TokenTable, token_table

SPANS_KEY = "sl_time"
ANCHOR = "TIME"
MAYBE = "TIME_MAYBE"  # "may", "march", "mar": a month only next to a number or a time word
_MONTH_WORD_BEFORE = frozenset({
    "in", "during", "of", "by", "until", "till", "before", "since", "from", "through", "thru", "this",
    "next", "last", "the", "to", "between", "and", "on", "early", "late", "mid", "throughout",
    "coming", "following", "every", "each"})
_MONTH_WORD_AFTER = frozenset({"after", "next", "this", "last", "in", "of"})
_MONTH_NUMBER_GLUE = frozenset({",", "/", "-"})
YEAR_PREPOSITIONS = frozenset({
    "in", "during", "by", "before", "until", "till", "through", "throughout", "for", "since", "from",
    "between", "year"})
JOINERS = frozenset(["'", ',', '-', '.', '/', 'a', 'after', 'ago', 'an', 'and', 'as', 'at', 'balance', 'before', 'beginning', 'between', 'bi', 'by', 'calendar', 'close', 'coming', 'commencing', 'couple', 'current', 'during', 'each', 'effective', 'end', 'every', 'few', 'following', 'for', 'from', 'half', 'hence', 'in', 'last', 'later', 'next', 'no', 'not', 'now', 'of', 'on', 'once', 'onward', 'onwards', 'other', 'over', 'past', 'per', 'previous', 'prior', 'remainder', 'remaining', 'rest', 'semi', 'several', 'since', 'starting', 'than', 'the', 'this', 'thrice', 'through', 'throughout', 'thru', 'till', 'times', 'to', 'twice', 'until', 'upcoming', 'within', '–', '—',
                      # weekdays only join: "Friday, January 9" is a date, "Friday" alone is not read
                      'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])

_START_BEFORE = re.compile(r"(?:starting|beginning|commencing|effective|as\s+of|from)\s+(?:(?:in|on|from|at)\s+)?$")
_FROM_BEFORE = re.compile(r"(?<![a-z])from\s+$")
_ON_AFTER = re.compile(r"\s+on(?:wards?)?(?![a-z])")
_RATE_TEXT = re.compile(r"(?:an?|per|/)\s*(?:year|yr|month|week|day|quarter|fortnight|hour|hr)$")
_CURRENCY = frozenset("$€£¥")
# "higher than last year", "compared with Q3 2025": the period is the baseline of a comparison,
# not the goal's time ("no later than" and "earlier than" do set a deadline)
_COMPARED_BEFORE = re.compile(r"(?:(?<!later )(?<!earlier )(?<!sooner )\bthan|\bcompared\s+(?:to|with)|\bversus"
                              r"|\bvs\.?|\brelative\s+to)\s+(?:(?:in|during|at|over|for)\s+)?$")
# a word every match of _COMPARED_BEFORE holds; a regex that begins with a literal is searched fast
_COMPARISON_WORD = re.compile("than|compared|versus|vs|relative")
_POSSESSIVE_AFTER = re.compile(r"['’]s?(?![a-z])")
_FOUR_ASCII_DIGITS = re.compile(r"[0-9]{4}")
ANCHOR_MARK = b"\x02"
_MARKED_RUN = re.compile(rb"[\x01\x02]+")  # a maximal run of joiners and anchors in the marks
LOOK_BEHIND_CHARS = 24
_NOT_IN_COUNTED_NOUN = frozenset({"and", "or", "but", "of", "for", "in", "on", "at", "by", "to", "with", "the"})
CONTEXT_CHARS = 12


def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _is_month(tokens: TokenTable, i: int) -> bool:
    """ "by May", "May 5", "5 of May", "March, 2027": a month; "we may", "march forward": not."""
    lower, like_num = tokens.lower, tokens.like_num
    if i and (lower[i - 1] in _MONTH_WORD_BEFORE or like_num[i - 1]):
        return True
    if i > 1 and lower[i - 1] == "of" and like_num[i - 2]:
        return True
    if i + 1 >= tokens.n:
        return False
    if like_num[i + 1] or lower[i + 1] in _MONTH_WORD_AFTER:
        return True
    return tokens.text[i + 1] in _MONTH_NUMBER_GLUE and i + 2 < tokens.n and bool(like_num[i + 2])


class TimeNormalizer:
    def __init__(self, default_fiscal_year_start: int):
        self.default_fiscal_year_start = default_fiscal_year_start

    def __call__(self, doc):
        anchors = ruler_matches(doc, SPANS_KEY)
        tokens = token_table(doc)
        lower, text = tokens.lower, tokens.text
        # a four-digit number after a year preposition ("in 2027") is an anchor with that word;
        # an ASCII text without four digits in a row has none (str.isdigit takes more than 0-9)
        source = tokens.source
        years = [] if source.isascii() and not _FOUR_ASCII_DIGITS.search(source) else [
            i for i, word in enumerate(text)
            if len(word) == 4 and word.isdigit() and i and lower[i - 1] in YEAR_PREPOSITIONS]
        if not anchors and not years:
            return doc
        # 1 = joiner, 2 = anchor (a token of one to four digits is like_num, so joins)
        marks = bytearray(map(or_, map(JOINERS.__contains__, lower), tokens.like_num))
        for start, end, label, _id in anchors:
            if label == MAYBE and not _is_month(tokens, start):
                continue
            marks[start:end] = ANCHOR_MARK * (end - start)
        for i in years:
            if marks[i] != 2:
                marks[i] = marks[i - 1] = 2
        if 2 not in marks:
            return doc
        ctx = Context(reference_date(doc), fiscal_year_start(doc, self.default_fiscal_year_start))
        for stretch in _MARKED_RUN.finditer(marks):
            start, stop = stretch.span()
            if marks.find(2, start, stop) >= 0:
                self._read_stretch(doc, tokens, start, stop, ctx)
        return doc

    def _read_stretch(self, doc, tokens: TokenTable, first: int, stop: int, ctx: Context) -> None:
        """Read the tokens first..stop-1."""
        source = tokens.source
        offset = tokens.idx[first]
        end_char = tokens.end_char(stop - 1)
        # a few characters past the stretch let the grammar see the word after it ("may be")
        text = _lower(source[offset:end_char + CONTEXT_CHARS])
        for reading in find_times(text, ctx, limit=end_char - offset):
            start, end = offset + reading.start, offset + reading.end
            if self._is_baseline(source, start, end, reading, ctx):
                continue
            start_value = self._start_value(text, reading)
            if start_value is not False:
                prefix = _START_BEFORE.search(text[: reading.start])
                start = offset + prefix.start() if prefix else start
                suffix = _ON_AFTER.match(text, reading.end)
                end = offset + suffix.end() if suffix else end
                add_mention(doc, "START_TIME", start, end, value=start_value, kind="start",
                            resolved=start_value is not None)
                continue
            if _RATE_TEXT.fullmatch(text[reading.start:reading.end].strip()):
                counted = self._counted_rate(tokens, first, start, reading)
                if counted is not None:  # otherwise "for a month" stays a plain duration
                    start, reading = counted
            value = reading.value
            if isinstance(value, dict):
                value = dict(value)  # the reading is shared (find_times caches); the mention is the doc's
            add_mention(doc, reading.label, start, end, value=value, kind=reading.kind,
                        deadline=reading.deadline, resolved=reading.resolved)

    @staticmethod
    def _is_baseline(text: str, start: int, end: int, reading: Reading, ctx: Context) -> bool:
        """A date or period that a comparison measures against ("25% more than last year") or a
        past period named as the owner of a figure ("last year's revenue"): no time for the goal."""
        if reading.label not in ("DATE", "DATE_RANGE"):
            return False
        before = _lower(text[max(0, start - LOOK_BEHIND_CHARS):start])
        if _COMPARISON_WORD.search(before) and _COMPARED_BEFORE.search(before):
            return True
        past = reading.deadline is not None and reading.deadline < ctx.reference
        return past and bool(_POSSESSIVE_AFTER.match(text, end))

    @staticmethod
    def _start_value(text: str, reading: Reading):
        """The start date when the reading only says when something begins; False otherwise."""
        if reading.label not in ("DATE", "DATE_RANGE"):
            return False
        before = text[: reading.start]
        if "from" in before and _FROM_BEFORE.search(before):
            starts = bool(_ON_AFTER.match(text, reading.end))
        else:
            starts = bool(_START_BEFORE.search(before))
        if not starts:
            return False
        if reading.value is None:
            return None
        return reading.value if reading.label == "DATE" else reading.value["start"]

    @staticmethod
    def _counted_rate(tokens: TokenTable, stretch_start: int, start_char: int, reading: Reading):
        """ "15 people a month": a count a few words before a per-unit rate makes it a frequency."""
        text, lower, idx = tokens.text, tokens.lower, tokens.idx
        token_index = stretch_start
        while token_index < tokens.n and idx[token_index] < start_char:
            token_index += 1
        words = 0
        k = token_index - 1
        while k >= 0 and words <= 3:
            word = text[k]
            value = parse_number(word) if (tokens.like_num[k] or word[:1].isdigit()) else None
            if value is not None and lower[k] not in ("a", "an", "one") or (lower[k] == "one" and words > 0):
                if k > 0 and text[k - 1] in _CURRENCY or (k + 1 < tokens.n and text[k + 1] == "%"):
                    return None
                per = reading.value["per"] if reading.label == "FREQUENCY" else reading.value
                return idx[k], Reading("FREQUENCY", reading.start, reading.end, {"count": float(value), "per": per})
            if not word.isalpha() or lower[k] in _NOT_IN_COUNTED_NOUN:
                return None
            words += 1
            k -= 1
        return None


@Language.factory("smartlint_time")
def make_time(nlp: Language, name: str, default_fiscal_year_start: int) -> TimeNormalizer:
    return TimeNormalizer(default_fiscal_year_start)
