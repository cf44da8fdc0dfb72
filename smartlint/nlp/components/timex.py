"""Dates, periods, durations and frequencies: normalizes the spans time_ruler marks.

time_ruler marks two kinds of token: TIME anchors (a month, a unit, "Q3", "3/31/2027", "weekly")
and TIME_JOIN tokens (numbers and the little words that hold a time phrase together: "by", "the",
"next", "of", ","). A maximal run of marked tokens that holds an anchor is one stretch; the
grammar in smartlint.nlp.time_grammar reads each stretch. Sentences without an anchor cost
nothing beyond the ruler.
"""
from __future__ import annotations

import re

from spacy.language import Language

from smartlint.nlp.doc_mentions import add_mention, fiscal_year_start, reference_date
from smartlint.nlp.numwords import parse_number
from smartlint.nlp.time_grammar import Context, Reading, find_times

SPANS_KEY = "sl_time"
ANCHOR, JOINER = "TIME", "TIME_JOIN"

_START_BEFORE = re.compile(r"(?:starting|beginning|commencing|effective|as\s+of|from)\s+(?:(?:in|on|from|at)\s+)?$")
_FROM_BEFORE = re.compile(r"(?<![a-z])from\s+$")
_ON_AFTER = re.compile(r"\s+on(?:wards?)?(?![a-z])")
_RATE_TEXT = re.compile(r"(?:an?|per|/)\s*(?:year|yr|month|week|day|quarter|fortnight|hour|hr)$")
_CURRENCY = frozenset("$€£¥")
_NOT_IN_COUNTED_NOUN = frozenset({"and", "or", "but", "of", "for", "in", "on", "at", "by", "to", "with", "the"})
CONTEXT_CHARS = 12


def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class TimeNormalizer:
    def __init__(self, default_fiscal_year_start: int):
        self.default_fiscal_year_start = default_fiscal_year_start

    def __call__(self, doc):
        spans = doc.spans.get(SPANS_KEY)
        if not spans:
            return doc
        marks = [0] * len(doc)  # 1 = joiner, 2 = anchor
        for span in spans:
            level = 2 if span.label_ == ANCHOR else 1
            for i in range(span.start, span.end):
                if marks[i] < level:
                    marks[i] = level
        if 2 not in marks:
            return doc
        ctx = Context(reference_date(doc), fiscal_year_start(doc, self.default_fiscal_year_start))
        i = 0
        while i < len(doc):
            if not marks[i]:
                i += 1
                continue
            j = i
            while j < len(doc) and marks[j]:
                j += 1
            if 2 in marks[i:j]:
                self._read_stretch(doc, doc[i:j], ctx)
            i = j
        return doc

    def _read_stretch(self, doc, stretch, ctx: Context) -> None:
        offset = stretch.start_char
        # a few characters past the stretch let the grammar see the word after it ("may be")
        text = _lower(doc.text[offset:stretch.end_char + CONTEXT_CHARS])
        for reading in find_times(text, ctx, limit=stretch.end_char - offset):
            start, end = offset + reading.start, offset + reading.end
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
                counted = self._counted_rate(doc, stretch.start, start, reading)
                if counted is not None:  # otherwise "for a month" stays a plain duration
                    start, reading = counted
            add_mention(doc, reading.label, start, end, value=reading.value, kind=reading.kind,
                        deadline=reading.deadline, resolved=reading.resolved)

    @staticmethod
    def _start_value(text: str, reading: Reading):
        """The start date when the reading only says when something begins; False otherwise."""
        if reading.label not in ("DATE", "DATE_RANGE"):
            return False
        before = text[: reading.start]
        starts = bool(_START_BEFORE.search(before)) and not _FROM_BEFORE.search(before)
        if _FROM_BEFORE.search(before):
            starts = bool(_ON_AFTER.match(text, reading.end))
        if not starts:
            return False
        if reading.value is None:
            return None
        return reading.value if reading.label == "DATE" else reading.value["start"]

    @staticmethod
    def _counted_rate(doc, stretch_start: int, start_char: int, reading: Reading):
        """ "15 people a month": a count a few words before a per-unit rate makes it a frequency."""
        token_index = stretch_start
        while token_index < len(doc) and doc[token_index].idx < start_char:
            token_index += 1
        words = 0
        k = token_index - 1
        while k >= 0 and words <= 3:
            token = doc[k]
            value = parse_number(token.text) if (token.like_num or token.text[:1].isdigit()) else None
            if value is not None and token.text.lower() not in ("a", "an", "one") or (
                    token.lower_ == "one" and words > 0):
                if k > 0 and doc[k - 1].text in _CURRENCY or (k + 1 < len(doc) and doc[k + 1].text == "%"):
                    return None
                per = reading.value["per"] if reading.label == "FREQUENCY" else reading.value
                return token.idx, Reading("FREQUENCY", reading.start, reading.end, {"count": float(value), "per": per})
            if not token.is_alpha or token.lower_ in _NOT_IN_COUNTED_NOUN:
                return None
            words += 1
            k -= 1
        return None


@Language.factory("smartlint_time")
def make_time(nlp: Language, name: str, default_fiscal_year_start: int) -> TimeNormalizer:
    return TimeNormalizer(default_fiscal_year_start)
