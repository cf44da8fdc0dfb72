"""A small grammar of English time expressions, as regular expressions over lower-cased text.

The time_ruler marks candidate stretches of a sentence (time words and the little words that join
them); `find_times` parses one such stretch and returns non-overlapping, normalized readings.
Each rule is a regex that locates a phrasing plus a resolver that turns the match into a value
with the calendar helpers of `time_resolve`. Resolvers return None when a reading does not hold
(an invalid date, a modal "may"), and the next-best overlapping reading is tried instead.
Rules sit in tiers: tier 0 readings (offsets such as "2 weeks after tomorrow") beat tier 1 ones
that overlap them; within a tier the longest reading wins.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from operator import itemgetter
from typing import NamedTuple

from smartlint.nlp import time_resolve as cal
from smartlint.nlp.numwords import parse_number, parse_ordinal
from smartlint.nlp.time_resolve import Span


# Context and Reading are named tuples, not frozen dataclasses: every find_times call hashes its
# Context, and every new stretch builds Readings; tuples do both in C.
class Context(NamedTuple):
    reference: dt.date
    fiscal_start: int = 1


class Reading(NamedTuple):
    """One normalized time expression; start/end are offsets in the parsed text. Readings are
    shared by every caller that parses the same stretch (see find_times): a caller that keeps a
    dict value must copy it."""

    label: str
    start: int
    end: int
    value: object = None
    kind: str | None = None
    deadline: dt.date | None = None
    resolved: bool = True
    lead: str | None = None


# ---------------------------------------------------------------- regex fragments
# The number words are spelled compactly: every rule repeats them (NUMW99 stands 65 times in all),
# and compiling the rules costs in proportion to their length. An alternation of words tries its
# words in order, and only words that are prefixes of one another can match at the same place, so
# any spelling that keeps such words in their order ("nineteen" before "nine") matches the same.
# tests/test_time_grammar_forms.py compares these spellings with the plain word lists (_PLAIN_*).
_PLAIN_UNITS = ("nineteen|eighteen|seventeen|sixteen|fifteen|fourteen|thirteen|twelve|eleven|ten|nine|eight|seven|six"
                "|five|four|three|two|one")
_PLAIN_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS_1_19 = "(?:nine|eigh|seven|six|fif|four|thir)teen|twelve|eleven|ten|nine|eight|seven|six|five|four|three|two|one"
_TENS = "(?:twen|thir|for|fif|six|seven|eigh|nine)ty"
# "(tens-)?unit|tens" holds the units once where "tens(-unit)?|unit" held them twice. It tries "six"
# before "sixty" where the other tried "sixty" first; both are followed by a non-letter or the
# end ("hundred" after a space, or (?![a-z])) wherever NUMW99 is used, so "six" of "sixty" fails.
_NUMW99 = rf"(?:(?:(?:{_TENS})[\s-])?(?:{_UNITS_1_19})|{_TENS})"
NUMW = rf"(?:{_NUMW99}(?:\s+hundred(?:\s+(?:and\s+)?{_NUMW99})?)?)(?![a-z])"
NUM = (rf"(?:(?<![\d.])\d+(?:\.\d+)?|(?<![a-z])(?:{NUMW}(?:\s+and\s+(?:a\s+)?(?:half|quarter))?|a\s+couple\s+of"
       r"|couple\s+of|a\s+couple|couple|half\s+an?|half|an?(?:\s+and\s+a\s+half)?)(?![a-z]))")
UNIT = (r"(?:years?|yrs?|months?|weeks?|wks?|days?|quarters?(?!\s+(?:of|million|billion|thousand|trillion|hundred)\b)"
        r"|fortnights?|hours?|hrs?|minutes?|mins?"
        r"|seconds|secs)(?![a-z])")
DUR1 = rf"(?:{NUM}\s*-?\s*{UNIT}(?:\s+and\s+(?:a\s+)?(?:half|quarter)(?![a-z]))?)"
# DUR1, then more DUR1s each after a separator, written with one copy of DUR1 (compiling a rule costs
# in proportion to its length). A DUR1 ends with a letter (its unit, "half", "quarter"), and every
# rule puts a DUR where a non-letter precedes it (a space, or the rule's start, which follows no
# letter), so a letter before a part marks a part after the first, which needs a separator. The
# paths are tried in the order "DUR1(?:SEP DUR1)*" tries them, so the matches are the same.
# "30 minutes a day" is a rate, not 30 minutes plus a day: "a"/"an" after a bare space opens no part.
DUR = rf"(?:(?:(?<![a-z])|(?<=[a-z])(?:\s*,\s*|\s+and\s+|\s+(?!an?\s))){DUR1})+"

_MONTH_NAMES = "january|february|march|april|may|june|july|august|september|october|november|december"
_MONTH_ABBRS = "sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec"
_MONTHS = f"{_MONTH_NAMES}|{_MONTH_ABBRS}"
# a dot only after an abbreviation ("Mar. 2027"); after a full name it ends the sentence
MON = rf"(?<![a-z])(?:(?:{_MONTH_NAMES})(?![a-z])|(?:{_MONTH_ABBRS})(?![a-z])\.?)"
_ORD_UNITS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
ORDW = (rf"(?:(?:(?:twenty|thirty)[\s-]?)?(?:{_ORD_UNITS})|tenth|eleventh|twelfth"
        r"|(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth|thirtieth)(?![a-z])")
CARDDAY = (r"(?:(?:twenty|thirty)[\s-](?:one|two|three|four|five|six|seven|eight|nine)|thirty|twenty|"
           rf"{_UNITS_1_19})(?![a-z])")
DAYNUM = r"(?<![\d.])(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?(?![\d])"
DAYSUF = r"(?<![\d.])(?:[0-2]?\d|3[01])(?:st|nd|rd|th)(?![\d])"
YEAR4 = r"(?<!\d)(?:19|20)\d{2}(?!\d)"
YEARW = rf"two\s+thousand(?:(?:\s+and)?\s+{_NUMW99})?(?![a-z])"
YEAR = rf"(?:{YEAR4}|{YEARW})"
YSEP = r"(?:\s*,\s*|\s+(?:of\s+|in\s+)?|\s*[-/]\s*)"
YEAR2 = r"'?\d{2}(?!\d)(?!\s*[a-z0-9%$])"

MDY = rf"(?:{MON}(?:\s*[,/-]\s*|\s*|\s+the\s+)(?:{DAYNUM}|{ORDW}|{CARDDAY})(?:{YSEP}{YEAR})?)"
DMY = (rf"(?:(?:the\s+)?(?:{DAYNUM}|{ORDW})(?:\s+day)?(?:\s+of\s+|\s*[-/.,]?\s*)(?:the\s+month\s+of\s+)?{MON}"
       rf"(?:{YSEP}(?:{YEAR}|{YEAR2}))?)")
YMD = rf"(?:{YEAR4}\s*[/.-]\s*(?:\d{{1,2}}|{MON})\s*[/.-]\s*\d{{1,2}}(?!\d))"
NUMDMY = r"(?:(?<![\d/.])\d{1,2}[/.-]\d{1,2}(?:[/.-](?:\d{4}|\d{2})|,\s?\d{4})(?![\d/]))"
MD = r"(?:(?<![\d/.])\d{1,2}/\d{1,2}(?![\d/]))"
RELDAY = (r"(?:(?:the\s+)?day\s+after\s+tomorrow|(?:the\s+)?day\s+before\s+yesterday|today|tomorrow|tmrw"
          r"|yesterday|now)(?![a-z])")
DATE = rf"(?:{YMD}|{NUMDMY}|{MDY}|{DMY}|{MD})"
LEAD = (r"(?:(?P<lead>by|before|until|till|through|thru|no\s+later\s+than|not\s+later\s+than|in|during|over"
        r"|for|throughout|on|within|at)\s+)?")
REL_YEAR = r"(?:this|next|last|current|the\s+following)\s+year"

# ---------------------------------------------------------------- small parsers
_MONTH_NUMBER = {name: i for i, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"), ("october", "oct"),
    ("november", "nov"), ("december", "dec")), start=1) for name in names}
_UNIT_FIELD = {"year": "years", "yr": "years", "month": "months", "week": "weeks", "wk": "weeks",
               "day": "days", "hour": "hours", "hr": "hours", "minute": "minutes", "min": "minutes",
               "second": "seconds", "sec": "seconds"}
_RE_MON = re.compile(MON)
# the small regexes the resolvers use on every new stretch: compiled here rather than looked up in
# re's cache on each call
_SPACES = re.compile(r"\s+")
_RE_YEAR4 = re.compile(YEAR4)
_FILLERS_AND_MARKS = re.compile(r"\b(the|of|day|in)\b|[,./-]")
_RE_YEAR = re.compile(YEAR)
_RE_DUR1 = re.compile(rf"(?P<n>{NUM})\s*-?\s*(?P<u>{UNIT})(?:\s+and\s+(?:a\s+)?(?P<frac>half|quarter))?")


def month_number(word: str) -> int | None:
    return _MONTH_NUMBER.get(word.strip().rstrip("."))


@lru_cache(maxsize=1024)  # a few spellings ("a", "two", "6") cover most counts
def count_value(text: str) -> float | None:
    """ "a" -> 1, "couple of" -> 2, "half an" -> 0.5, "two and a half" -> 2.5, "3.5" -> 3.5."""
    text = _SPACES.sub(" ", text.strip())
    if text in ("a", "an"):
        return 1.0
    if text.startswith(("a couple", "couple")):
        return 2.0
    if text.startswith("half") or text == "a half":
        return 0.5
    extra = 0.0
    for tail, amount in ((" and a half", 0.5), (" and half", 0.5), (" and a quarter", 0.25), (" and quarter", 0.25)):
        if text.endswith(tail):
            text, extra = text[: -len(tail)], amount
            break
    base = 1.0 if text in ("a", "an") else parse_number(text)
    return None if base is None else base + extra


def unit_span(unit: str, amount: float) -> Span | None:
    unit = unit.rstrip("s") if unit not in ("hrs",) else "hr"
    if unit == "quarter":
        return Span(months=3 * amount)
    if unit == "fortnight":
        return Span(weeks=2 * amount)
    field = _UNIT_FIELD.get(unit)
    return Span(**{field: amount}) if field else None


@lru_cache(maxsize=1024)  # durations repeat ("3 months"); a Span is immutable
def parse_duration(text: str) -> Span | None:
    total = Span()
    found = False
    for m in _RE_DUR1.finditer(text):
        amount = count_value(m["n"])
        if amount is None:
            return None
        if m["u"].startswith("sec") and m["n"].strip() in ("a", "an"):
            return None  # "a second" is an ordinal far more often than a duration
        if m["frac"]:
            amount += 0.5 if m["frac"] == "half" else 0.25
        part = unit_span(m["u"], amount)
        if part is None:
            return None
        total, found = total + part, True
    return total if found else None


def year_value(text: str) -> int | None:
    text = text.strip().lstrip("'")
    if text.isdigit():
        return int(text) if len(text) == 4 else cal.expand_year(int(text))
    value = parse_number(text)
    return int(value) if value is not None and 1900 <= value <= 2199 else None


def rel_year(text: str, ref: dt.date) -> int | None:
    """ "this year" / "next year" / "last year" / "2027" / "two thousand and five" -> a year."""
    text = _SPACES.sub(" ", text.strip())
    if text.endswith("year"):
        word = text.split(" ")[0]
        return {"this": 0, "current": 0, "next": 1, "last": -1, "the": 1 if text == "the following year" else 0,
                "year": 0}.get(word, 0) + ref.year
    return year_value(text)


@dataclass
class DateFields:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    modifier: str | None = None  # "this" | "next"
    absolute: dt.date | None = None  # today/tomorrow/now
    year_only: bool = False


_RE_YMD = re.compile(rf"({YEAR4})\s*[/.-]\s*(\d{{1,2}}|{MON})\s*[/.-]\s*(\d{{1,2}})$")
_RE_NUMERIC = re.compile(r"(\d{1,2})([/.-])(\d{1,2})(?:[/.-](\d{4}|\d{2})|,\s?(\d{4}))?$")


def parse_date_fields(text: str, ref: dt.date) -> DateFields | None:
    """Split a date phrase into year/month/day, whatever order it is written in."""
    text = _SPACES.sub(" ", text.strip())
    fields = DateFields()
    for mod in ("this ", "next "):
        if text.startswith(mod):
            fields.modifier, text = mod.strip(), text[len(mod):]
    if text.startswith("the "):
        text = text[4:]
    relative = {"today": 0, "now": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1, "day after tomorrow": 2,
                "day before yesterday": -2}
    if text in relative:
        fields.absolute = cal.plus_days(ref, relative[text])
        return fields if fields.absolute else None
    if _RE_YEAR4.fullmatch(text):
        fields.year, fields.year_only = int(text), True
        return fields
    m = _RE_YMD.match(text)
    if m:
        month = int(m[2]) if m[2].isdigit() else month_number(m[2])
        fields.year, fields.month, fields.day = int(m[1]), month, int(m[3])
        return fields
    m = _RE_NUMERIC.match(text)
    if m:
        first, second = int(m[1]), int(m[3])
        year = m[4] or m[5]
        if first > 12 and second <= 12:
            fields.day, fields.month = first, second  # 31/03: the day comes first
        else:
            fields.month, fields.day = first, second  # 03/31 and the ambiguous 03/04: US order
        if year:
            fields.year = int(year) if len(year) == 4 else cal.expand_year(int(year))
        return fields
    rest = text
    mon = _RE_MON.search(rest)
    if mon:
        fields.month = month_number(mon.group(0))
        before, after = rest[: mon.start()], rest[mon.end():]
        year = _RE_YEAR.search(after)
        if year:
            fields.year = year_value(year.group(0))
            after = after[: year.start()] + after[year.end():]
        elif before.strip() and re.search(r"\d", before):
            two = re.search(r"[\s,/-]'?(\d{2})\s*$", after)
            if two:  # "14th April 15"
                fields.year = cal.expand_year(int(two[1]))
                after = after[: two.start()]
        rest = before + " " + after
    else:
        year = _RE_YEAR.search(rest)
        if year:
            fields.year = year_value(year.group(0))
            rest = rest[: year.start()] + rest[year.end():]
    rest = _FILLERS_AND_MARKS.sub(" ", rest).strip()
    if rest:
        day = parse_ordinal(rest)
        if day is None:
            value = parse_number(rest.replace(" ", " "))
            day = int(value) if value is not None and float(value).is_integer() else None
        if day is None or not 1 <= day <= 31:
            return None
        fields.day = day
    if fields.month is None and fields.day is None:
        return None
    return fields


def resolve_single(fields: DateFields, ctx: Context) -> dt.date | None:
    ref = ctx.reference
    if fields.absolute:
        return fields.absolute
    if fields.month is None or fields.day is None:
        return None
    if fields.year is not None:
        return cal.safe_date(fields.year, fields.month, fields.day)
    if fields.modifier == "this":
        return cal.safe_date(ref.year, fields.month, fields.day)
    if fields.modifier == "next":
        year = ref.year if fields.month > ref.month else ref.year + 1
        return cal.safe_date(year, fields.month, fields.day)
    return cal.next_occurrence(ref, fields.month, fields.day)


# ---------------------------------------------------------------- resolvers
Result = tuple[str, object, dt.date | None, dt.date | None] | None  # label, value, first day, last day


def _range(start: dt.date, end: dt.date) -> Result:
    if end < start:
        return None
    return "DATE_RANGE", {"start": start.isoformat(), "end": end.isoformat()}, start, end


def _date(day: dt.date | None) -> Result:
    return None if day is None else ("DATE", day.isoformat(), day, day)


# A time that is clearly read but falls outside the calendar Python can represent (years 1-9999):
# a mention without a value, rather than an error or a wrong date.
UNRESOLVED_DATE: Result = ("DATE", None, None, None)
UNRESOLVED_RANGE: Result = ("DATE_RANGE", None, None, None)


def _period(bounds: cal.Bounds) -> Result:
    return UNRESOLVED_RANGE if bounds is None else _range(*bounds)


def r_date(m: re.Match, ctx: Context) -> Result:
    text = m["d"]
    if re.fullmatch(r"\d{1,2}/\d{1,2}", text):
        a, b = text.split("/")
        if len(a) == 1 and len(b) == 1 and not m["lead"] and not m["mod"]:
            return None  # "1/2" is a fraction far more often than January 2nd
    fields = parse_date_fields((m["mod"] or "") + text, ctx.reference)
    if fields is None:
        return None
    return _date(resolve_single(fields, ctx))


def r_dotted(m: re.Match, ctx: Context) -> Result:
    month, day = int(m["a"]), int(m["b"])
    return _date(cal.next_occurrence(ctx.reference, month, day)) if month <= 12 else None


def r_relday(m: re.Match, ctx: Context) -> Result:
    fields = parse_date_fields(m["d"], ctx.reference)
    return _date(fields.absolute) if fields else None


def r_range(m: re.Match, ctx: Context) -> Result:
    ref = ctx.reference
    conn = m["conn"].strip()
    if conn == "and" and m["pre"] != "between":
        return None
    a = parse_date_fields(m["a"], ref)
    b = parse_date_fields(m["b"], ref)
    if a is None or b is None:
        return None
    if conn in "-–—" and (a.year_only or b.year_only):
        return None
    around = m.string[m.start("conn") - 1: m.end("conn") + 1]
    if conn in "-–—" and re.fullmatch(r"[a-z]-[a-z]", around):
        return None  # "twenty-first" is one word, not a range
    trail = (m["trail"] or "").strip(" ,")
    if trail:
        rel_month = re.search(r"(this|next|following) month", trail)
        if rel_month:
            base = ref if rel_month[1] == "this" else cal.add_months(ref.replace(day=1), 1)
            if base is None:
                return UNRESOLVED_RANGE
            for side in (a, b):
                if side.month is None:
                    side.month, side.year = base.month, base.year
        mon = _RE_MON.search(trail)
        if mon:
            for side in (a, b):
                if side.month is None:
                    side.month = month_number(mon.group(0))
        year = _RE_YEAR.search(trail)
        if year:
            for side in (a, b):
                if side.year is None and not side.absolute:
                    side.year = year_value(year.group(0))
    # a year alone on one side stands for its first or last day
    if a.year_only:
        start = dt.date(a.year, 1, 1)
        end = dt.date(b.year, 12, 31) if b.year_only else resolve_single(b, ctx)
        return _range(start, end) if end else None
    if b.year_only:
        start = resolve_single(a, ctx)
        return _range(start, dt.date(b.year, 12, 31)) if start else None
    if a.month is None and not a.absolute:
        a.month = b.month
    day_only_end = b.month is None and not b.absolute
    if day_only_end:
        b.month = a.month
        if a.day and b.day and b.day < a.day and a.month:  # "April 27th to the third": into May
            b.month = a.month % 12 + 1
            if a.year and a.month == 12:
                b.year = a.year + 1
    if (a.month is None and not a.absolute) or (b.month is None and not b.absolute):
        return None
    if a.modifier or b.modifier:
        start, end = resolve_single(a, ctx), resolve_single(b, ctx)
    elif a.absolute or b.absolute:
        start = a.absolute or resolve_single(a, ctx)
        if b.absolute:
            end = b.absolute
        else:
            before_start = cal.plus_days(start, -1) if start else None
            end = cal.safe_date(b.year, b.month, b.day) if b.year else (
                cal.next_occurrence(before_start, b.month, b.day) if before_start else None)
    else:
        if a.year is None and b.year is not None:
            a.year = b.year
        if b.year is None and a.year is not None:
            b.year = a.year
        if a.year is None:
            end = cal.next_occurrence(ref, b.month, b.day)
            if end is None:
                return None
            b.year = end.year
            a.year = end.year if (a.month, a.day) <= (b.month, b.day) else end.year - 1
        start = cal.safe_date(a.year, a.month, a.day)
        end = cal.safe_date(b.year, b.month, b.day)
        if start and end and end < start:
            if not re.search(r"\d{4}|thousand", m["b"] + trail):
                end = cal.safe_date(b.year + 1, b.month, b.day) if cal.in_calendar(b.year + 1) else None
    if start is None or end is None:
        return None
    return _range(start, end)


def r_month_year(m: re.Match, ctx: Context) -> Result:
    text = m["d"]
    numeric = re.fullmatch(rf"({YEAR4})\s*[-/.]\s*(\d{{1,2}})|(\d{{1,2}})\s*[-/]\s*({YEAR4})", text)
    if numeric:
        year, month = (int(numeric[1]), int(numeric[2])) if numeric[1] else (int(numeric[4]), int(numeric[3]))
    else:
        mon = _RE_MON.search(text)
        year_match = _RE_YEAR.search(text[: mon.start()] + " " + text[mon.end():]) if mon else None
        if not mon or not year_match:
            return None
        month, year = month_number(mon.group(0)), year_value(year_match.group(0))
    if not year or not 1 <= month <= 12:
        return None
    return _period(cal.month_range(year, month))


_MODAL_FOLLOWERS = re.compile(
    r"\s+(?:not|be|have|also|still|well|need|want|take|get|help|seem|require|affect|cause|lead|result|vary"
    r"|change|include|apply|come|go|make|see|find|use|become|feel|give|keep|prove|offer|allow|benefit|want)\b")


def _modal(m, word: str) -> bool:
    """ "may" followed by a verb is the modal ("this may be", "we may need")."""
    return word.startswith("may") and bool(_MODAL_FOLLOWERS.match(m.string, m.end()))


def r_month_rel(m: re.Match, ctx: Context) -> Result:
    ref = ctx.reference
    if _modal(m, m["mon"]):
        return None
    month = month_number(m["mon"])
    text = m.group(0)
    if m["mod"]:
        mod = m["mod"]
        if mod == "this":
            year = ref.year
        elif mod == "last":
            year = ref.year - 1
        else:  # next / coming / following: the first such month after the current one
            year = ref.year if month > ref.month else ref.year + 1
    elif "after next" in text:
        year = (ref.year if month > ref.month else ref.year + 1) + 1
    elif re.search(r"\bin\s", text.split(m["mon"], 1)[1]):
        amount = count_value(m["n"] or "1") or 1
        year = ref.year + int(amount)
    else:
        year = rel_year(m["ry"], ref)
    return _period(cal.month_range(year, month)) if year is not None else None


def r_month(m: re.Match, ctx: Context) -> Result:
    word = m["mon"].rstrip(".")
    if word in ("may", "march", "mar") and not (m["lead"] or m["the"]) or _modal(m, word):
        return None  # "we may", "march forward"
    month = month_number(word)
    return _period(cal.month_range(cal.month_year_from(ctx.reference, month), month))


# seasons as the months they span (northern hemisphere); winter runs into the next year
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
SEASON = "|".join(_SEASON_MONTHS)
_SEASON_TERM = r"(?:\s+(?:semester|term))?"  # "the spring semester"
# a season, its term and its year, as the season rule and the end-of rule's resolver read them
SEASON_PHRASE = rf"(?P<season>{SEASON}){_SEASON_TERM}(?:\s+(?:of\s+)?(?P<y>{YEAR4}))?"
_RE_SEASON = re.compile(SEASON_PHRASE)


def _season_of(season: str, year: int) -> cal.Bounds:
    first, last = _SEASON_MONTHS[season]
    end_year = year + 1 if last < first else year
    return cal.month_range(year, first)[0], cal.month_range(end_year, last)[1]


def season_bounds(season: str, year: str | None, rel: str, ref: dt.date) -> cal.Bounds:
    """ "summer 2026" that year's; "this/the spring" the first not over by ref; "next" the first
    not begun; "last" the last one over."""
    if year:
        return _season_of(season, int(year))
    seasons = [_season_of(season, ref.year + shift) for shift in (-2, -1, 0, 1)]
    if rel == "last":
        return [bounds for bounds in seasons if bounds[1] < ref][-1]
    if rel == "next":
        return next(bounds for bounds in seasons if bounds[0] > ref)
    return next(bounds for bounds in seasons if bounds[1] >= ref)


def r_season(m: re.Match, ctx: Context) -> Result:
    if not (m["rel"] or m["y"]):
        return None  # "the fall in sales", "before the summer": which year's is left open
    return _range(*season_bounds(m["season"], m["y"], (m["rel"] or "").strip(), ctx.reference))


# early, mid and late thirds of a year (four months each) or of a month (days 1-10, 11-20, 21-end)
_YEAR_THIRDS = {"early": ((1, 1), (4, 30)), "mid": ((5, 1), (8, 31)), "late": ((9, 1), (12, 31))}
_MONTH_THIRDS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


def r_part_of(m: re.Match, ctx: Context) -> Result:
    """ "by mid-2026", "in early 2027", "by late May", "the middle of March 2026"."""
    part = "mid" if m["part"].startswith("middle") else m["part"]
    if m["mon"]:
        month = month_number(m["mon"].rstrip("."))
        year = int(m["y"]) if m["y"] else cal.month_year_from(ctx.reference, month)
        first, last = cal.month_range(year, month)
        start_day, end_day = _MONTH_THIRDS[part]
        return _range(first.replace(day=start_day), last.replace(day=min(end_day, last.day)))
    year = int(m["y2"])
    (start_month, start_day), (end_month, end_day) = _YEAR_THIRDS[part]
    return _range(dt.date(year, start_month, start_day), dt.date(year, end_month, end_day))


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def r_weekday(m: re.Match, ctx: Context) -> Result:
    """ "starting Monday", "by Friday": the next such day after the reference date. The ruler marks
    a weekday only after such a word: "Friday" alone is not read."""
    ahead = (_WEEKDAYS.index(m["wd"]) - ctx.reference.weekday()) % 7 or 7
    return _date(cal.plus_days(ctx.reference, ahead))


def r_year(m: re.Match, ctx: Context) -> Result:
    year = year_value(m["y"])
    if year is None:
        return None
    if m["fiscal"]:
        return _period(cal.fiscal_year_range(year, ctx.fiscal_start))
    return _period(cal.year_range(year))


def _period_of(unit: str, day: dt.date, ctx: Context, fiscal: bool = False) -> cal.Bounds:
    if unit == "week":
        return cal.week_range(day)
    if unit == "month":
        return cal.month_range(day.year, day.month)
    if unit == "quarter":
        return cal.quarter_range(day.year, (day.month - 1) // 3 + 1)
    if fiscal:
        return cal.fiscal_year_range(cal.fiscal_year_of(day, ctx.fiscal_start), ctx.fiscal_start)
    return cal.year_range(day.year)


_STEP = {"week": Span(weeks=1), "month": Span(months=1), "quarter": Span(months=3), "year": Span(years=1)}


def _unit_name(word: str) -> str:
    word = word.strip()
    return "year" if word in ("yr", "year") else word


def r_rel_period(m: re.Match, ctx: Context) -> Result:
    ref = ctx.reference
    unit = _unit_name(m["unit"])
    offset = {"this": 0, "current": 0, "next": 1, "coming": 1, "upcoming": 1, "following": 1, "last": -1,
              "past": -1, "previous": -1, "prior": -1}[m["rel"]]
    if m["after"]:
        offset = 2
    day = cal.shift(ref, _STEP[unit], 1) if offset == 1 else ref
    if offset == -1:
        day = cal.shift(ref, _STEP[unit], -1)
    elif offset == 2:
        once = cal.shift(ref, _STEP[unit])
        day = cal.shift(once, _STEP[unit]) if once else None
    return _period(_period_of(unit, day, ctx, fiscal=bool(m["fiscal"])) if day else None)


def r_rest_of(m: re.Match, ctx: Context) -> Result:
    ref = ctx.reference
    bounds = _period_of(_unit_name(m["unit"]), ref, ctx)
    return _range(ref, bounds[1]) if bounds else UNRESOLVED_RANGE


def r_end_of(m: re.Match, ctx: Context) -> Result:
    ref = ctx.reference
    what = _SPACES.sub(" ", m["what"]).strip()
    abbreviations = {"eoy": "year", "ye": "year", "year end": "year", "year-end": "year", "eoq": "quarter",
                     "quarter end": "quarter", "quarter-end": "quarter", "eom": "month", "month end": "month",
                     "month-end": "month", "eow": "week"}
    what = abbreviations.get(what, what)
    rel = (m["rel"] or "").strip()
    end = None
    if what in ("week", "month", "quarter", "year", "fiscal year"):
        unit = "year" if what == "fiscal year" else what
        day = cal.shift(ref, _STEP[unit]) if rel == "next" else ref
        bounds = _period_of(unit, day, ctx, fiscal=what == "fiscal year") if day else None
    elif _RE_SEASON.fullmatch(what):  # "by the end of the spring semester"
        season = _RE_SEASON.fullmatch(what)
        bounds = season_bounds(season["season"], season["y"], rel, ref)
    elif _RE_YEAR4.fullmatch(what):
        bounds = cal.year_range(int(what))  # "by the end of 2026": a bare year is no reading of its own
    elif month_number(what) is not None:
        # a bare month ("by the end of March"): its next occurrence, as for "by March"
        bounds = cal.month_range(cal.month_year_from(ref, month_number(what)), month_number(what))
    else:
        inner = _find_best(what, ctx)
        if inner is None or inner[0] not in ("DATE_RANGE", "DATE"):
            return None
        bounds = inner[2:] if inner[3] else None
    if bounds is None:
        return UNRESOLVED_RANGE
    end = bounds[1]
    return _range(min(ref, end), end)


def _find_best(text: str, ctx: Context):
    readings = [r for r in find_times(text, ctx) if r.start == 0 and r.end == len(text)]
    if not readings:
        return None
    r = readings[0]
    value = r.value
    if value is None and r.label in ("DATE", "DATE_RANGE"):
        return r.label, None, None, None  # read, but outside the calendar
    if r.label == "DATE":
        day = dt.date.fromisoformat(value)
        return r.label, value, day, day
    if r.label == "DATE_RANGE":
        return r.label, value, dt.date.fromisoformat(value["start"]), dt.date.fromisoformat(value["end"])
    return None


_ORDINAL_QUARTER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _future_or_given(ranges: Callable[[int], tuple[dt.date, dt.date]], year_text: str | None,
                     ctx: Context) -> Result:
    """A period in a given year, or (no year) the next one that is not over yet."""
    ref = ctx.reference
    if year_text and not re.fullmatch(r"(the\s+)?year", year_text.strip()):
        year = rel_year(year_text, ref)
        return _period(ranges(year)) if year is not None else None
    for year in (ref.year, ref.year + 1):
        bounds = ranges(year)
        if bounds is None:
            return UNRESOLVED_RANGE
        if bounds[1] >= ref:
            return _range(*bounds)
    return None


def r_quarter(m: re.Match, ctx: Context) -> Result:
    quarter = int(m["qn"][1]) if m["qn"] else _ORDINAL_QUARTER[m["qw"]]
    if m["fyr"]:
        fiscal_year = year_value(m["fyr"])
        return _period(cal.fiscal_quarter_range(fiscal_year, quarter, ctx.fiscal_start))
    return _future_or_given(lambda y: cal.quarter_range(y, quarter), m["yr"], ctx)


def r_year_quarter(m: re.Match, ctx: Context) -> Result:
    return _period(cal.quarter_range(int(m["yr"]), int(m["q"])))


def r_half(m: re.Match, ctx: Context) -> Result:
    half = int(m["hn"]) if m["hn"] else (1 if m["hw"] in ("first", "1st") else 2)
    if m["fyr"]:
        return _period(cal.half_range(year_value(m["fyr"]), half, ctx.fiscal_start))
    if m["yr"] and not re.fullmatch(r"(the\s+)?year", m["yr"].strip()):
        year = rel_year(m["yr"], ctx.reference)
        return _period(cal.half_range(year, half, ctx.fiscal_start)) if year is not None else None
    ref = ctx.reference
    first_fy = cal.fiscal_year_of(ref, ctx.fiscal_start)
    for year in (first_fy, first_fy + 1):
        bounds = cal.half_range(year, half, ctx.fiscal_start)
        if bounds is None:
            return UNRESOLVED_RANGE
        if bounds[1] >= ref:
            return _range(*bounds)
    return None


def r_year_half(m: re.Match, ctx: Context) -> Result:
    return _period(cal.half_range(int(m["yr"]), int(m["h"]), ctx.fiscal_start))


def r_fiscal_year(m: re.Match, ctx: Context) -> Result:
    year = year_value(m["fyr"])
    return _period(cal.fiscal_year_range(year, ctx.fiscal_start)) if year else None


_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}


def _nth(text: str) -> int | None:
    text = text.strip()
    return _ORDINAL_WORDS.get(text) or parse_ordinal(text)


def r_week_of(m: re.Match, ctx: Context) -> Result:
    year = rel_year(m["yr"], ctx.reference)
    if year is None:
        return None
    if not cal.in_calendar(year):
        return UNRESOLVED_RANGE
    week = cal.last_iso_week(year) if m["nth"] == "last" else _nth(m["nth"])
    found = cal.iso_week_range(year, week) if week else None
    return _range(*found) if found else None


def r_first_n_of(m: re.Match, ctx: Context) -> Result:
    year = rel_year(m["yr"], ctx.reference)
    amount = count_value(m["n"])
    if year is None or not amount or not float(amount).is_integer():
        return None
    amount = int(amount)
    unit = m["unit"].rstrip("s")
    week_one = cal.iso_week_range(year, 1) if cal.in_calendar(year) else None
    if week_one is None:
        return UNRESOLVED_RANGE
    if unit == "month":
        return _period(cal.months_from(dt.date(year, 1, 1), amount))
    first = week_one[0] if unit == "week" else dt.date(year, 1, 1)
    last = cal.plus_days(first, (7 if unit == "week" else 1) * amount - 1)
    return _range(first, last) if last else UNRESOLVED_RANGE


def r_nth_month_of(m: re.Match, ctx: Context) -> Result:
    year = rel_year(m["yr"], ctx.reference)
    month = _nth(m["nth"])
    if year is None or not month or month > 12:
        return None
    return _period(cal.month_range(year, month))


def r_day_of_rel_month(m: re.Match, ctx: Context) -> Result:
    day = _nth(re.sub(r"^the\s+", "", m["d"])) or (int(m["d"]) if m["d"].isdigit() else None)
    if not day:
        return None
    base = ctx.reference.replace(day=1)
    offset = {"this": 0, "next": 1, "following": 1, "last": -1}[m["rel"].split()[-1]]
    base = cal.add_months(base, offset)
    if base is None:
        return UNRESOLVED_DATE
    return _date(cal.safe_date(base.year, base.month, day))


def r_edge_day_of(m: re.Match, ctx: Context) -> Result:
    inner = _find_best(m["what"], ctx)
    if inner is None or inner[0] != "DATE_RANGE":
        return None
    if inner[1] is None:
        return UNRESOLVED_DATE
    return _date(inner[3] if m["which"] == "last" else inner[2])


def r_on_the_nth(m: re.Match, ctx: Context) -> Result:
    day = _nth(m["d"])
    if not day:
        return None
    ref = ctx.reference
    for offset in range(0, 3):
        base = cal.add_months(ref.replace(day=1), offset)
        if base is None:
            return UNRESOLVED_DATE
        candidate = cal.safe_date(base.year, base.month, day)
        if candidate and candidate >= ref:
            return _date(candidate)
    return None


def r_offset(m: re.Match, ctx: Context) -> Result:
    span = parse_duration(m["dur"])
    if span is None or not span.is_calendar:
        return None
    direction = m["dir"]
    if m["anchor"]:
        fields = parse_date_fields(m["anchor"], ctx.reference)
        base = (fields.absolute or resolve_single(fields, ctx)) if fields else None
    elif direction in ("hence", "later", "ago"):
        base = ctx.reference
    else:
        return None
    if base is None:
        return None
    # the span is whole calendar units, so no date means the calendar ran out
    return _date(cal.shift(base, span, -1 if direction in ("before", "ago") else 1)) or UNRESOLVED_DATE


def r_in_duration(m: re.Match, ctx: Context) -> Result:
    span = parse_duration(m["dur"])
    if span is None or not span.is_calendar:
        return None
    return _date(cal.shift(ctx.reference, span)) or UNRESOLVED_DATE


def _next_n(span: Span, ctx: Context) -> Result:
    start, end = cal.plus_days(ctx.reference, 1), cal.shift(ctx.reference, span)
    return _range(start, end) if start and end else UNRESOLVED_RANGE


def r_next_n(m: re.Match, ctx: Context) -> Result:
    text = m["dur"] if m["dur"] else f"{m['n2']} {m['u2']}"
    span = parse_duration(text)
    if span is None or not span.is_calendar:
        return None
    if re.search(r"quarter", text):
        ref = ctx.reference
        start = cal.add_months(dt.date(ref.year, 3 * ((ref.month - 1) // 3) + 1, 1), 3)
        return _period(cal.months_from(start, int(span.months)) if start else None)
    return _next_n(span, ctx)


def r_within(m: re.Match, ctx: Context) -> Result:
    span = parse_duration(m["dur"])
    if span is None or not span.is_calendar:
        return None
    end = cal.shift(ctx.reference, span)
    if end is None:
        return UNRESOLVED_RANGE
    last = cal.plus_days(end, -1)
    return _range(ctx.reference, last) if last else None


def r_vague_count(m: re.Match, ctx: Context) -> Result:
    return "DATE_RANGE", None, None, None


def r_for_from(m: re.Match, ctx: Context) -> Result:
    span = parse_duration(m["dur"])
    if span is None or not span.is_calendar:
        return None
    fields = parse_date_fields(m["a"], ctx.reference)
    if fields is None:
        return None
    start = fields.absolute or resolve_single(fields, ctx)
    if start is None:
        return None
    end = cal.shift(start, span)
    if end is None:
        return UNRESOLVED_RANGE
    last = cal.plus_days(end, -1)
    return _range(start, last) if last else None


def r_duration(m: re.Match, ctx: Context) -> Result:
    if re.match(r"an?\s", m["dur"]) and re.search(r"\band\s+$", m.string[: m.start("dur")]):
        return None  # "five and a quarter" is a number
    span = parse_duration(m["dur"])
    if span is None:
        return None
    return "DURATION", span.iso(), None, None


def r_for_the_unit(m: re.Match, ctx: Context) -> Result:
    return "DURATION", _STEP[_unit_name(m["unit"])].iso() if m["unit"] != "day" else "P1D", None, None


_ADVERB_PER = {"daily": "P1D", "everyday": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
               "quarterly": "P3M", "yearly": "P1Y", "annually": "P1Y", "hourly": "PT1H", "biweekly": "P2W",
               "bi-weekly": "P2W", "fortnightly": "P2W", "bimonthly": "P2M", "bi-monthly": "P2M",
               "semiannually": "P6M", "semi-annually": "P6M", "biannually": "P6M", "bi-annually": "P6M"}


def r_freq_adverb(m: re.Match, ctx: Context) -> Result:
    return "FREQUENCY", {"count": 1.0, "per": _ADVERB_PER[m["adv"]]}, None, None


def r_freq_every(m: re.Match, ctx: Context) -> Result:
    amount = count_value(m["n"]) if m["n"] else 1.0
    if m["other"]:
        amount = (amount or 1.0) * 2
    span = unit_span(m["unit"], amount or 1.0)
    return ("FREQUENCY", {"count": 1.0, "per": span.iso()}, None, None) if span else None


# how often "every <day>" comes round: weekdays and weekend once a week, parts of a day once a day
_DAY_PER = {"weekday": (5.0, "P1W"), "weeknight": (5.0, "P1W"), "weekend": (1.0, "P1W"), "morning": (1.0, "P1D"),
            "afternoon": (1.0, "P1D"), "evening": (1.0, "P1D"), "night": (1.0, "P1D")}


def r_freq_day(m: re.Match, ctx: Context) -> Result:
    count, per = _DAY_PER.get(m["day"], (1.0, "P1W"))
    return "FREQUENCY", {"count": count, "per": per}, None, None


def r_freq_times(m: re.Match, ctx: Context) -> Result:
    times = m["times"].strip()
    count = {"once": 1.0, "twice": 2.0, "thrice": 3.0}.get(times)
    if count is None:
        count = count_value(re.sub(r"\s*times?$", "", times))
    span = unit_span(m["unit"], count_value(m["n"]) if m["n"] else 1.0)
    if count is None or span is None:
        return None
    return "FREQUENCY", {"count": float(count), "per": span.iso()}, None, None


def r_rate_tail(m: re.Match, ctx: Context) -> Result:
    span = unit_span(m["unit"], 1.0)
    return ("FREQUENCY", {"count": 1.0, "per": span.iso()}, None, None) if span else None


def r_vague(m: re.Match, ctx: Context) -> Result:
    return "VAGUE_TIME", None, None, None


# ---------------------------------------------------------------- rules
# What a rule's regex cannot match without, as clauses of words: each clause ("a|b|c") needs one of
# its words somewhere in the text. Words are plain substrings, except two that stand for the \\d
# and \\d{4} of the rules (any Unicode decimal digit, as re reads \\d).
DIGIT = r"\d"
FOUR_DIGITS = r"\d{4}"
_FEATURES = {DIGIT: re.compile(r"\d"), FOUR_DIGITS: re.compile(r"\d{4}")}


def _clause(words: str) -> frozenset[str]:
    """A clause's words, without any that contains another one (the shorter occurs wherever the
    longer does: "mar" for "march")."""
    alternatives = set(words.split("|"))
    return frozenset(w for w in alternatives if w in _FEATURES or not any(
        o != w and o not in _FEATURES and o in w for o in alternatives))


@dataclass(frozen=True)
class Rule:
    """One phrasing. Its regex is compiled on first use: compiling all of them costs a quarter of a
    second, which every `smartlint score` run would pay at import even when no goal names a time."""

    name: str
    regex: str
    resolve: Callable[[re.Match, Context], Result]
    tier: int = 1
    needs: tuple[frozenset[str], ...] = ()  # a cheap test: the rule cannot match text without these
    hint: Callable[[str, int], bool] | None = None  # a cheaper test (text, limit) that every match passes

    @cached_property
    def pattern(self) -> re.Pattern:
        return re.compile(r"(?<![a-z])" + self.regex)  # never start inside a word


_UNIT_WORDS = "year|yr|month|week|wk|day|quarter|fortnight|hour|hr|min|sec"  # some word of UNIT (so of DUR)
# DUR1 is a number, maybe a hyphen, then a unit; this clause word stands for that test on the whole
# text (see _number_before_unit), which the rules with a DUR need besides a unit word
NUMBER_BEFORE_UNIT = "number before unit"
_DUR_WORDS = (_UNIT_WORDS, NUMBER_BEFORE_UNIT)
_YEAR_WORDS = rf"{FOUR_DIGITS}|thousand|year"  # some word of YEAR or REL_YEAR
_NEEDS = {
    "within_after_today": ("within", "after|from", "today|now", *_DUR_WORDS),
    "offset": ("after|from|before|hence|later|ago", *_DUR_WORDS),
    "for_from": ("from|starting|beginning", *_DUR_WORDS, rf"{DIGIT}|{_MONTHS}|today|tomorrow|tmrw|yesterday|now"),
    "from_for": ("for", "from|starting|beginning", *_DUR_WORDS),
    "range": (rf"{DIGIT}|{_MONTHS}", "to|through|thru|till|until|and|-|–|—"),
    # a date is a month name, or digits with a separator
    "date": (rf"{DIGIT}|{_MONTHS}", f"/|.|-|{_MONTHS}"),
    "dotted": ("on", ".", DIGIT),
    "relday": ("today|tomorrow|tmrw|yesterday",),
    "month_year": (f"{FOUR_DIGITS}|thousand", f"-|/|.|{_MONTHS}"),
    "month_rel": ("this|next|last|coming|following|after|year", _MONTHS),
    "month": (_MONTHS,),
    "year": (f"{FOUR_DIGITS}|thousand",),
    "season": (SEASON,),
    "part_of": ("early|mid|late|middle", f"{FOUR_DIGITS}|{_MONTHS}"),
    "weekday": ("|".join(_WEEKDAYS),),
    "rel_period": ("week|month|quarter|year|yr", "this|current|next|coming|following|last|past|previous|prior"),
    "after_next": ("after", "next", "week|month|quarter|year"),
    "rest_of": ("rest|remain|balance", "of"),
    "end_of": ("end|close", "of"),
    "fy_end": ("end", "fy|fiscal"),
    "end_abbr": ("eoy|eoq|eom|eow|year|quarter|month", "eoy|eoq|eom|eow|end"),
    "quarter": ("q1|q2|q3|q4|quarter",),
    "year_quarter": ("q1|q2|q3|q4", FOUR_DIGITS),
    "half": ("h1|h2|half",),
    "year_half": ("h1|h2", FOUR_DIGITS),
    "fiscal_year": ("fy|fiscal",),
    "week_of": ("week", _YEAR_WORDS),
    "first_n_of": ("first", "days|weeks|months", _YEAR_WORDS),
    "nth_month_of": ("month", _YEAR_WORDS),
    "day_of_rel_month": ("month", "this|next|last|following"),
    "edge_day_of": ("day", "last|first"),
    "on_the_nth": ("the", "on|by|before|until"),
    "in_duration": ("in", *_DUR_WORDS),
    "next_n": ("next|coming|following", *_DUR_WORDS),
    "n_next": ("next|coming|following", _UNIT_WORDS),
    "within": ("within", *_DUR_WORDS),
    "vague_count": ("next|coming|following", "days|weeks|months|years|quarters"),
    "duration": _DUR_WORDS,
    "for_the_unit": ("for", "the", "week|month|year|day|quarter"),
    "freq_adverb": ("ly|everyday",),
    "freq_every": ("every|each|per", _UNIT_WORDS),
    "freq_times": ("once|twice|thrice|time", _UNIT_WORDS),
    "freq_day": ("every|each", "|".join((*_WEEKDAYS, *_DAY_PER))),
    "rate_tail": ("per|/", _UNIT_WORDS),
    "vague": ("soon|asap|a.s.a.p|eventually|some|future|course|later|forward",),
}


# the words that lead the year rule's year ("in 2027", "no later than 2028"), and every word that
# can stand just before its year
YEAR_LEADS = ("in", "during", "by", "before", "until", "till", "through", "throughout", "for", "since",
              "no later than")
YEAR_WORDS_BEFORE = (*YEAR_LEADS, "the", "fiscal", "calendar", "year")
_YEAR_LEAD = "|".join(word.replace(" ", r"\s+") for word in YEAR_LEADS)
_LAST_LETTERS_BEFORE_YEAR = "|".join(sorted({word[-2:] for word in YEAR_WORDS_BEFORE}))
_MONTH_STARTS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"  # every spelling in MON starts so
_ORDINAL_STARTS = "fi|se|th|fo|si|ei|ni|te|el|tw"  # and every ordinal word in ORDW so
_DATE_NUMBER = r"(?<!\d)(?:\d{4}|\d\d?)(?!\d)"


class RegexHint:
    """A cheap test that a rule can match: a regex that every match of the rule's regex contains,
    compiled on first use."""

    def __init__(self, regex: str):
        self.regex = regex

    @cached_property
    def pattern(self) -> re.Pattern:
        return re.compile(self.regex)

    def __call__(self, text: str, limit: int) -> bool:
        return self.pattern.search(text, 0, limit) is not None


class RangeHint:
    """The range rule's test: how the first date part can end (a number of one, two or four digits
    -- a day, a month, a year; st/nd/rd/th of DAYNUM and ORDW; a number word of CARDDAY or YEARW; a
    month; a word of RELDAY), a connector, then how the second part can begin (this/next, "the", a
    number of one, two or four digits, a month, an ordinal word of ORDW, a word of RELDAY). "from 150
    to 1,800" is no range. One regex for all three parts would try the first part's many endings at
    every character; the connector and second part come first here (a regex that begins with a
    connector's first letter lets the engine skip ahead to those letters), then the few characters
    before each connector are tested for an ending."""

    CONNECTOR = r"(?:to|through|thru|till|until|and|-|–|—)"
    SECOND_PART = (rf"\s*(?:this\s|next\s|the\s|{_DATE_NUMBER}|{_MONTH_STARTS}|twent|thirt|first|second|third"
                   r"|four|fif|six|seven|eight|nin|tenth|eleventh|twelfth|day|today|tomorrow|tmrw|yesterday|now)")
    FIRST_PART_END = (rf"(?:{_DATE_NUMBER}|st|nd|rd|th|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
                      rf"|twelve|teen|ty|thousand|{_MONTHS}|tomorrow|yesterday|today|tmrw|now)\.?")
    LONGEST_END = len("september.")

    @cached_property
    def _connector(self) -> re.Pattern:
        return re.compile(self.CONNECTOR + self.SECOND_PART)

    @cached_property
    def _first_part_end(self) -> re.Pattern:
        return re.compile(self.FIRST_PART_END + r"\Z")

    def __call__(self, text: str, limit: int) -> bool:
        at = 0
        while (connector := self._connector.search(text, at, limit)) is not None:
            end = at = connector.start()
            while end and text[end - 1].isspace():
                end -= 1
            # an ending that stops where the spaces before the connector begin (the search sees
            # the text up to `end` only, and lookbehinds see before its start)
            if self._first_part_end.search(text, max(0, end - self.LONGEST_END), end):
                return True
            at += 1
        return False


_HINTS = {
    "range": RangeHint(),
    # year: a year (YEAR4 starts with 19 or 20, YEARW with "two") after the spaces that follow a lead
    # word, "the", "fiscal", "calendar" or "year": one of the last two letters of those words
    "year": RegexHint(rf"(?:{_LAST_LETTERS_BEFORE_YEAR})\s+(?:19|20|two\s)"),
    # month_year: its four spellings, with MON as a month start and any letters
    "month_year": RegexHint(rf"(?:{_MONTH_STARTS})[a-z]*\.?(?:\s*,\s*|\s+(?:of\s+|in\s+)?|\s*[-/]\s*)(?:\d{{4}}"
                            rf"|two\s+thousand)|\d{{4}}\s*,?\s*(?:{_MONTH_STARTS})|\d{{4}}\s*[-/.]\s*\d"
                            rf"|\d\s*[-/]\s*\d{{4}}"),
    # The hints below spare compiling the longest rules as well as running them: in a thousand goals
    # offset and for_from passed their needs in 30 stretches and matched in none.
    # offset, for_from: a DUR ends with a unit word, "half" or "quarter", then its direction word
    "offset": RegexHint(rf"(?:{_UNIT_WORDS}|half)[a-z]*\s+(?:after|from|before|hence|later|ago)"),
    # for_from: then a date's first letters (a digit, a month, an ordinal word, "the", RELDAY's words)
    "for_from": RegexHint(rf"(?:{_UNIT_WORDS}|half)[a-z]*\s*,?\s+(?:from|starting|beginning)(?:\s+(?:from|on))?"
                          rf"\s+(?:\d|{_MONTH_STARTS}|{_ORDINAL_STARTS}|day|to|tm|ye|now)"),
    # in_duration: "in", then how a number (NUM) begins: a digit, "a", "an" or a number word's first letters
    "in_duration": RegexHint(r"(?<![a-z])in\s+(?:\d|an?(?![a-z])|couple|half|one|two|thr|thi|fou|for|fiv|fif|six|sev|eig"
                             r"|nin|ten|ele|twe)"),
    # n_next: how a number (NUM) ends, then "next" and a unit
    "n_next": RegexHint(rf"(?:\d|(?<![a-z])(?:{_PLAIN_UNITS}|{_PLAIN_TENS}|hundred|half|quarter|of|couple|an|a))"
                        rf"\s+(?:next|coming|following)\s+(?:{_UNIT_WORDS})"),
    # nth_month_of: a year (YEAR4 starts with 19 or 20, YEARW with "two") or REL_YEAR's first word
    "nth_month_of": RegexHint(r"month\s+of\s+(?:the\s+)?(?:19|20|two\s|this|next|last|current|the\s)"),
    # week_of: first, second, third, fourth, fifth, last and 1st, 2nd, 3rd, 4th end so
    "week_of": RegexHint(r"(?:st|nd|rd|th)\s+week\s"),
    # year_quarter, year_half: YEAR4 starts with 19 or 20; on_the_nth: a digit or an ordinal word's first letters
    "year_quarter": RegexHint(r"(?:19|20)\d\d\s*q[1-4]"),
    "year_half": RegexHint(r"(?:19|20)\d\d\s*h[12]"),
    "on_the_nth": RegexHint(rf"(?:on|by|before|until)\s+the\s+(?:\d|{_ORDINAL_STARTS})"),
    "day_of_rel_month": RegexHint(r"of\s+(?:the\s+)?(?:this|next|last|following|the\s+following)\s+month"),
}


def _rule(name: str, regex: str, resolve, tier: int = 1) -> Rule:
    return Rule(name, regex, resolve, tier, tuple(_clause(words) for words in _NEEDS[name]), _HINTS.get(name))


_DPART = rf"(?:(?:this|next)\s+)?(?:{YMD}|{NUMDMY}|{MDY}|{DMY}|{MD}|(?:the\s+)?(?:{DAYNUM}|{ORDW})|{YEAR4}|{RELDAY})"
_TRAIL = (rf"(?:\s*,?\s*(?:(?:of|in)\s+)?(?:(?:this|next|the\s+following)\s+month|{MON})(?:{YSEP}{YEAR})?"
          rf"|{YSEP}{YEAR})")
# a weekday in front of a full date ("Friday, January 9, 2026") belongs to the date
WEEKDAY = rf"(?:{'|'.join(_WEEKDAYS)})"
_FY = rf"(?:fy\s*'?(?:{YEAR4}|\d{{2}}(?!\d))|fiscal\s+year\s+{YEAR4})"
_UNIT_SINGULAR = r"(?:year|yr|month|week|day|quarter|fortnight|hour|hr)(?![a-z])"
_FOR_FROM_DATE = rf"(?:{YMD}|{NUMDMY}|{MDY}|{DMY}|{MD}|{RELDAY})"

RULES: tuple[Rule, ...] = (
    _rule("within_after_today", rf"(?P<lead>within)\s+(?:the\s+)?(?:(?:next|coming|upcoming|following)\s+)?"
          rf"(?P<dur>{DUR})\s+(?:after|from)\s+(?:today|now)(?![a-z])", r_within, 0),
    _rule("offset", rf"(?:in\s+)?(?P<dur>{DUR})\s+(?P<dir>after|from|before|hence|later|ago)"
          rf"(?:\s+(?P<anchor>{_FOR_FROM_DATE}))?", r_offset, 0),
    _rule("for_from", rf"(?:for\s+)?(?P<dur>{DUR})\s*,?\s+(?P<starting>from|starting(?:\s+(?:from|on))?|beginning"
          rf"(?:\s+(?:from|on))?)\s+(?P<a>{_FOR_FROM_DATE})", r_for_from, 0),
    _rule("from_for", rf"(?P<starting>from|starting|beginning)\s+(?P<a>{DMY}|{MDY}|{NUMDMY}|{MD}|{RELDAY})"
          rf"\s*,?\s+for\s+(?P<dur>{DUR})", r_for_from, 0),
    _rule("range", rf"(?:(?P<pre>from|between|on|during|in)\s+)?(?P<a>{_DPART})\s*(?P<conn>to|through|thru|till|until|and|-|–|—)"
          rf"\s*(?P<b>{_DPART})(?P<trail>{_TRAIL})?(?![a-z\d])", r_range),
    _rule("date", rf"{LEAD}(?:{WEEKDAY}\s*,?\s+)?(?P<mod>(?:this|next)\s+)?(?:the\s+)?(?P<d>{DATE})(?![a-z\d])",
          r_date),
    _rule("dotted", r"(?P<lead>on)\s+(?P<a>\d{1,2})\.(?P<b>\d{1,2})(?![\d.])", r_dotted),
    _rule("relday", rf"{LEAD}(?P<d>(?:the\s+)?day\s+after\s+tomorrow|(?:the\s+)?day\s+before\s+yesterday|today"
          r"|tomorrow|tmrw|yesterday)(?![a-z])", r_relday),
    _rule("month_year", rf"{LEAD}(?P<d>{MON}{YSEP}{YEAR}|{YEAR4}\s*,?\s*{MON}|(?<![\d/.-]){YEAR4}\s*[-/.]\s*\d{{1,2}}"
          rf"(?![\d/.-])|(?<![\d/.-])\d{{1,2}}\s*[-/]\s*{YEAR4})(?![a-z\d])", r_month_year),
    _rule("month_rel", rf"{LEAD}(?:the\s+)?(?:(?P<mod>this|next|last|coming|following)\s+(?P<mon>{MON})"
          rf"|(?P<mon2>{MON})\s+(?:after\s+next|in\s+(?P<n>{NUM})\s+years?|(?:of\s+)?(?P<ry>{REL_YEAR})))(?![a-z])",
          lambda m, ctx: r_month_rel(_MonthRel(m), ctx)),
    _rule("month", rf"{LEAD}(?P<the>the\s+)?(?P<mon>{MON})(?![a-z\d])", r_month),
    _rule("part_of", rf"{LEAD}(?:the\s+)?(?P<part>early|mid|late|middle\s+of)(?:\s*-\s*|\s+)(?:the\s+month\s+of\s+)?"
          rf"(?:(?P<mon>{MON})(?:{YSEP}(?P<y>{YEAR4}))?|(?P<y2>{YEAR4}))(?![a-z\d])", r_part_of),
    _rule("weekday", rf"{LEAD}(?:(?:this|next)\s+)?(?P<wd>{WEEKDAY})(?![a-z\d])", r_weekday),
    _rule("season", rf"{LEAD}(?:the\s+)?(?:(?P<rel>this|next|last|coming)\s+)?{SEASON_PHRASE}(?![a-z\d])", r_season),
    _rule("year", rf"(?:(?P<lead>{_YEAR_LEAD})\s+"
          rf"(?:the\s+)?(?:(?P<fiscal>fiscal)\s+|calendar\s+)?(?:year\s+)?|(?:the\s+)?(?:calendar\s+)?year\s+)"
          rf"(?P<y>{YEAR})(?![a-z\d])", r_year),
    _rule("rel_period", rf"{LEAD}(?:the\s+)?(?:(?P<rel>this|current|next|coming|upcoming|following|last|past|previous"
          r"|prior)\s+(?:(?P<fiscal>fiscal)\s+|calendar\s+)?(?P<unit>week|month|quarter|year|yr)"
          r"(?P<after>)(?![a-z]))", r_rel_period),
    _rule("after_next", rf"{LEAD}(?:the\s+)?(?P<unit>week|month|quarter|year)\s+(?P<after>after)\s+(?:the\s+)?"
          r"(?P<rel>next)(?P<fiscal>)(?![a-z])", r_rel_period),
    _rule("rest_of", r"(?:the\s+)?(?:rest|remainder|remaining|balance)\s+of\s+(?:the\s+|this\s+)?"
          r"(?P<unit>week|month|quarter|year)(?![a-z])", r_rest_of),
    _rule("end_of", r"(?:(?P<lead>by|before|until|till|through|no\s+later\s+than|not\s+later\s+than|at)\s+)?"
          r"(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+)?(?P<rel>this\s+|next\s+|current\s+)?"
          rf"(?P<what>{_FY}|fiscal\s+year|week|month|quarter|year|q[1-4](?:\s+{YEAR4})?|h[12](?:\s+{YEAR4})?"
          rf"|{MON}(?:{YSEP}{YEAR})?|{YEAR4}|(?:{SEASON}){_SEASON_TERM}(?:\s+(?:of\s+)?{YEAR4})?)(?![a-z\d])",
          r_end_of),
    # "by FY25 end", "before FY2027 year-end": the last day of that fiscal year
    _rule("fy_end", rf"(?:(?P<lead>by|before|until|till|at)\s+)?(?:the\s+)?(?P<rel>)(?P<what>{_FY})"
          r"\s+(?:year[-\s]?)?end(?![a-z])", r_end_of),
    _rule("end_abbr", r"(?:(?P<lead>by|before|until|till|at)\s+)?(?P<rel>)(?P<what>eoy|eoq|eom|eow|year[-\s]end"
          r"|quarter[-\s]end|month[-\s]end)(?![a-z])", r_end_of),
    _rule("quarter", rf"{LEAD}(?:the\s+)?(?:(?P<qn>q[1-4])|(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)"
          r"\s+quarter)(?:\s*(?:of\s+|in\s+)?(?:the\s+)?(?:(?:fy\s*'?|fiscal\s+(?:year\s+)?)"
          rf"(?P<fyr>{YEAR4}|\d{{2}}(?!\d))|(?P<yr>{YEAR4}|{REL_YEAR}|year)))?(?![a-z\d])", r_quarter),
    _rule("year_quarter", rf"{LEAD}(?P<yr>{YEAR4})\s*q(?P<q>[1-4])(?![a-z\d])", r_year_quarter),
    _rule("half", rf"{LEAD}(?:the\s+)?(?:h(?P<hn>[12])|(?P<hw>first|second|1st|2nd)\s+half)(?:\s*(?:of\s+)?"
          rf"(?:the\s+)?(?:(?:fy\s*'?|fiscal\s+(?:year\s+)?)(?P<fyr>{YEAR4}|\d{{2}}(?!\d))"
          rf"|(?P<yr>{YEAR4}|{REL_YEAR}|year)))?(?![a-z\d])", r_half),
    _rule("year_half", rf"{LEAD}(?P<yr>{YEAR4})\s*h(?P<h>[12])(?![a-z\d])", r_year_half),
    _rule("fiscal_year", rf"{LEAD}(?:the\s+)?(?:fy\s*'?(?P<fyr>{YEAR4}|\d{{2}}(?!\d))|fiscal\s+(?:year\s+)?"
          rf"(?P<fyr2>{YEAR4}))(?![a-z\d])", lambda m, ctx: r_fiscal_year(_FiscalYear(m), ctx)),
    _rule("week_of", rf"{LEAD}(?:the\s+)?(?P<nth>first|second|third|fourth|fifth|last|\d{{1,2}}(?:st|nd|rd|th))"
          rf"\s+week\s+(?:of\s+)?(?:the\s+)?(?P<yr>{YEAR}|{REL_YEAR})(?![a-z\d])", r_week_of),
    _rule("first_n_of", rf"{LEAD}(?:the\s+)?first\s+(?P<n>{NUM})\s+(?P<unit>days|weeks|months)\s+of\s+(?:the\s+)?"
          rf"(?P<yr>{YEAR}|{REL_YEAR})(?![a-z\d])", r_first_n_of),
    _rule("nth_month_of", rf"{LEAD}(?:the\s+)?(?P<nth>{ORDW}|\d{{1,2}}(?:st|nd|rd|th))\s+month\s+of\s+(?:the\s+)?"
          rf"(?P<yr>{YEAR}|{REL_YEAR})(?![a-z\d])", r_nth_month_of),
    _rule("day_of_rel_month", rf"{LEAD}(?P<d>(?:the\s+)?(?:{DAYNUM}|{ORDW}))(?:\s+day)?\s+of\s+(?:the\s+)?"
          r"(?P<rel>this|next|last|the\s+following|following)\s+month(?![a-z])", r_day_of_rel_month),
    _rule("edge_day_of", rf"{LEAD}(?:the\s+)?(?P<which>last|first)\s+day\s+(?:of|in)\s+(?:the\s+)?"
          rf"(?P<what>{MON}(?:{YSEP}{YEAR})?|(?:this|next)\s+(?:month|year|quarter))(?![a-z\d])", r_edge_day_of),
    _rule("on_the_nth", rf"(?P<lead>on|by|before|until)\s+the\s+(?P<d>{DAYSUF}|{ORDW})(?!\s*(?:of|day|week|month"
          r"|quarter|year|half|time|place|[a-z]))", r_on_the_nth),
    _rule("in_duration", rf"(?P<lead>in)\s+(?P<dur>{DUR})(?![a-z])", r_in_duration),
    _rule("next_n", rf"(?:(?P<lead>in|over|during|for|throughout)\s+)?(?:the\s+)?(?:next|coming|upcoming|following)"
          rf"\s+(?P<dur>{DUR})(?P<n2>)(?P<u2>)(?![a-z])", r_next_n),
    _rule("n_next", rf"(?:(?P<lead>in|over|during|for|throughout)\s+)?(?:the\s+)?(?P<n2>{NUM})\s+(?:next|coming"
          rf"|following)\s+(?P<u2>{UNIT})(?P<dur>)", r_next_n),
    _rule("within", rf"(?P<lead>within)\s+(?:the\s+)?(?:(?:next|coming|upcoming|following)\s+)?(?P<dur>{DUR})"
          r"(?![a-z])", r_within),
    _rule("vague_count", r"(?:(?P<lead>in|within|over|during|for)\s+)?(?:the\s+)?(?:next|coming|following|upcoming)"
          r"\s+(?:few\s+|several\s+)?(?:days|weeks|months|years|quarters)(?![a-z])", r_vague_count),
    _rule("duration", rf"(?:(?P<lead>for|over|during|throughout|within)\s+)?(?:the\s+)?(?P<dur>{DUR})(?![a-z])",
          r_duration),
    _rule("for_the_unit", r"(?P<lead>for)\s+the\s+(?P<unit>week|month|year|day|quarter)(?![a-z])", r_for_the_unit),
    _rule("freq_adverb", r"(?<![a-z-])(?P<adv>daily|everyday|nightly|weekly|monthly|quarterly|yearly|annually|hourly"
          r"|bi-?weekly|fortnightly|bi-?monthly|semi-?annually|bi-?annually)(?![a-z])", r_freq_adverb),
    _rule("freq_every", rf"(?:every|each|per)\s+(?:(?P<other>other|second)\s+)?(?:(?P<n>{NUM})\s+)?(?P<unit>{UNIT})",
          r_freq_every),
    _rule("freq_times", rf"(?P<times>once|twice|thrice|{NUM}\s+times?)\s+(?:a|an|per|each|every|in\s+a)\s+"
          rf"(?:(?P<n>{NUM})\s+)?(?P<unit>{UNIT})", r_freq_times),
    # "every Sunday", "each morning": once a week or once a day, like "every week"
    _rule("freq_day", rf"(?:every|each)\s+(?P<day>{WEEKDAY}|weekday|weekend|weeknight|morning|afternoon|evening|night)"
          r"s?(?![a-z])", r_freq_day),
    _rule("rate_tail", rf"(?:per|/)\s*(?P<unit>{_UNIT_SINGULAR})", r_rate_tail),
    _rule("vague", r"(?<![a-z])(?:as\s+soon\s+as\s+possible|a\.s\.a\.p\.?|asap|soon|eventually|someday|some\s+day"
          r"|in\s+the\s+(?:near\s+)?future|at\s+some\s+point|in\s+due\s+course|sooner\s+or\s+later|going\s+forward)"
          r"(?![a-z])",
          r_vague),
)


class _MonthRel:
    """Adapter: the month_rel rule has two spellings of the month group."""

    def __init__(self, m: re.Match):
        self._m = m

    def __getitem__(self, key):
        if key == "mon":
            return self._m["mon"] or self._m["mon2"]
        return self._m[key]

    def __getattr__(self, name):
        return getattr(self._m, name)


class _FiscalYear(_MonthRel):
    def __getitem__(self, key):
        if key == "fyr":
            return self._m["fyr"] or self._m["fyr2"]
        return self._m[key]


# ---------------------------------------------------------------- search
_DEADLINE_LEADS = {"by", "before", "until", "till", "no later than", "not later than", "within"}
_PERIOD_LEADS = {"in", "during", "over", "throughout", "through", "thru"}
_END_RULES = {"end_of", "end_abbr", "fy_end"}
_DEADLINE_RULES = {"in_duration", *_END_RULES, "within", "within_after_today"}


def _kind(rule: str, label: str, lead: str | None) -> str | None:
    if label in ("FREQUENCY", "VAGUE_TIME"):
        return None
    if lead in _DEADLINE_LEADS or rule in _DEADLINE_RULES:
        return "deadline"
    if rule in ("next_n", "n_next") and lead == "in":
        return "deadline"
    if label == "DURATION":
        return "window" if lead in ("for", "over", "during", "throughout") else None
    if lead == "for" and label == "DATE_RANGE":
        return "period"
    if label == "DATE" and lead not in _PERIOD_LEADS:
        return "point"
    return "period"


def _deadline(rule: str, label: str, lead: str | None, first, last, m: re.Match, ctx: Context):
    if label == "DURATION":
        if lead in ("for", "over", "during", "throughout", "within"):
            span = parse_duration(m["dur"]) if "dur" in m.re.groupindex and m["dur"] else None
            return cal.shift(ctx.reference, span) if span else None
        return None
    if last is None:
        return None
    if lead == "before" and rule not in _END_RULES:  # "before the end of June" leaves June to work in
        return cal.plus_days(first, -1)
    if rule in ("within", "within_after_today"):
        return cal.plus_days(last, 1)  # rubric: "within the next 4 months" from 01-15 allows 05-15
    return last


def _needs_as_bits() -> tuple[dict[str, tuple[tuple[str, int], ...]], tuple[tuple[re.Pattern, int], ...],
                              tuple[int, ...]]:
    """The rules' needs as bit masks, one bit per distinct clause: for each word (grouped by its
    first character), the bits of the clauses it satisfies; the same for the digit features; for
    each rule, the bits of its clauses (a rule can match only where all of them are set)."""
    bit_of_clause: dict[frozenset[str], int] = {}
    for rule in RULES:
        for clause in rule.needs:
            bit_of_clause.setdefault(clause, 1 << len(bit_of_clause))
    bits_of_word: dict[str, int] = {}
    for clause, bit in bit_of_clause.items():
        for word in clause:
            bits_of_word[word] = bits_of_word.get(word, 0) | bit
    by_first: dict[str, list[tuple[str, int]]] = {}
    for word, bits in sorted(bits_of_word.items()):
        if word not in _FEATURES and word != NUMBER_BEFORE_UNIT:
            by_first.setdefault(word[0], []).append((word, bits))
    features = tuple((regex, bits_of_word.get(name, 0)) for name, regex in _FEATURES.items())
    rules = tuple(sum(bit_of_clause[clause] for clause in set(rule.needs)) for rule in RULES)
    return {first: tuple(words) for first, words in by_first.items()}, features, rules, \
        bits_of_word[NUMBER_BEFORE_UNIT], bit_of_clause[_clause(_UNIT_WORDS)]


_WORDS_BY_FIRST, _FEATURE_BITS, _RULE_NEEDS, _NUMBER_BEFORE_UNIT_BITS, _UNIT_BIT = _needs_as_bits()
# How a number (NUM) can end: a digit, or one of these words after a non-letter ("a couple of",
# "two and a half", "one hundred", "twenty-five")
_NUMBER_LAST_WORDS = (*_PLAIN_UNITS.split("|"), *_PLAIN_TENS.split("|"), "hundred", "half", "quarter", "of",
                      "couple", "an", "a")
_NUMBER_END = re.compile(rf"(?:\d|(?<![a-z])(?:{'|'.join(_NUMBER_LAST_WORDS)}))\Z")
_NUMBER_END_CHARS = max(map(len, _NUMBER_LAST_WORDS))
_UNIT_START = re.compile(_UNIT_WORDS)


def _number_before_unit(text: str) -> bool:
    """Whether a unit word starts where a number, spaces and at most one hyphen end (as in DUR1).
    The unit words are found first (a regex the engine skips ahead in), then the few characters
    before each are tested for the end of a number."""
    for unit in _UNIT_START.finditer(text):
        end = unit.start()
        while end and text[end - 1].isspace():
            end -= 1
        if end and text[end - 1] == "-":
            end -= 1
            while end and text[end - 1].isspace():
                end -= 1
        if _NUMBER_END.search(text, max(0, end - _NUMBER_END_CHARS), end):
            return True
    return False


def _satisfied(text: str) -> int:
    """The bits of the clauses that text satisfies. No word of the needs holds a space, so each
    occurs inside one whitespace-separated chunk of the text, and the chunks (words mostly, a
    small vocabulary) are tested once each."""
    satisfied = 0
    for chunk in text.split():
        satisfied |= _chunk_satisfied(chunk)
    if satisfied & _UNIT_BIT and _number_before_unit(text):
        satisfied |= _NUMBER_BEFORE_UNIT_BITS
    return satisfied


@lru_cache(maxsize=8192)
def _chunk_satisfied(chunk: str) -> int:
    """_satisfied for text without whitespace: a substring test for each word of the needs that
    starts with a character of the text, instead of a regex search per rule."""
    satisfied = 0
    for first in set(chunk):
        for word, bits in _WORDS_BY_FIRST.get(first, ()):
            if word in chunk:
                satisfied |= bits
    for regex, bits in _FEATURE_BITS:
        if regex.search(chunk):
            satisfied |= bits
    return satisfied


_RANK = itemgetter(0, 1, 2, 3)  # tier, longest first, start, rule order


@lru_cache(maxsize=1024)  # stretches satisfy a few hundred combinations of clauses
def _rules_needing(satisfied: int) -> tuple[tuple[int, Rule], ...]:
    """The rules (with their order) whose needs are all among the satisfied clauses."""
    return tuple((order, rule) for order, (rule, needs) in enumerate(zip(RULES, _RULE_NEEDS))
                 if satisfied & needs == needs)


def find_times(text: str, ctx: Context, limit: int | None = None) -> tuple[Reading, ...]:
    """All time readings in text (already lower-cased), in order, without overlaps.

    With limit, readings must end by text[limit]: what follows is only context (the verb after
    a modal "may")."""
    if limit is None:
        limit = len(text)
    elif "may" not in text[:limit]:
        text = text[:limit]  # only the modal test (_modal) reads past limit: a shorter text repeats more
    return _find_times(text, ctx, limit)


# Goals repeat their time phrases ("by the end of Q3.", "every month"); a stretch read once is
# not parsed again for the same reference date.
@lru_cache(maxsize=4096)
def _find_times(text: str, ctx: Context, limit: int) -> tuple[Reading, ...]:
    candidates = []
    for order, rule in _rules_needing(_satisfied(text[:limit])):
        if rule.hint is not None and not rule.hint(text, limit):
            continue  # the rule cannot match here
        for m in rule.pattern.finditer(text, 0, limit):
            if m.end() > m.start():
                candidates.append((rule.tier, m.start() - m.end(), m.start(), order, rule, m))
    candidates.sort(key=_RANK)
    taken: list[tuple[int, int]] = []
    readings: list[Reading] = []
    for _, _, start, _, rule, m in candidates:
        end = m.end()
        if any(start < e and s < end for s, e in taken):
            continue
        result = rule.resolve(m, ctx)
        if result is None:
            continue
        label, value, first, last = result
        lead = m["lead"] if "lead" in m.re.groupindex else None
        lead = _SPACES.sub(" ", lead) if lead else None
        reading = Reading(label, start, end, value, _kind(rule.name, label, lead),
                          _deadline(rule.name, label, lead, first, last, m, ctx),
                          resolved=value is not None or label == "VAGUE_TIME", lead=lead)
        taken.append((start, end))
        readings.append(reading)
    readings.sort(key=lambda r: r.start)
    return tuple(readings)
