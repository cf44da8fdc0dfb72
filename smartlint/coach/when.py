"""Read a deadline answer ("June 30, 2026", "within 3 months", "Q3", "end of the year") well enough
to refuse what cannot be one: nothing time-like at all, a vague time, or a date already past."""
from __future__ import annotations

import calendar
import datetime as dt
import re

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 31, "quarter": 92, "year": 366}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")
_SLASHED = re.compile(r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})\b")
_MONTH_DAY = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{4}))?", re.I)
_DAY_MONTH = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(?P<year>\d{4}))?", re.I)
_MONTH_YEAR = re.compile(r"\b" + _MONTH + r"(?:\s+(?P<year>\d{4}))?\b", re.I)
_QUARTER = re.compile(r"\b(?:q(?P<q>[1-4])|(?P<h>h[12]))(?:\s*(?:fy\s*)?(?P<year>\d{4}|'\d{2}))?\b", re.I)
_YEAR = re.compile(r"\b(?:fy\s*)?(?P<year>(?:19|20|21)\d{2})\b", re.I)
_WITHIN = re.compile(r"\b(?P<n>\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"eighteen|twenty-four)\s+(?P<unit>day|week|fortnight|month|quarter|year)s?\b", re.I)
_RELATIVE = re.compile(r"\b(?P<which>this|next|the end of the|end of the|end of|the coming|coming)\s+"
                       r"(?P<unit>week|month|quarter|year|semester|term|summer|winter|spring|autumn|fall)\b", re.I)
_PAST = re.compile(r"\b(?:yesterday|last\s+(?:week|month|quarter|year|monday|tuesday|wednesday|thursday|friday)|ago|"
                   r"previous\s+(?:week|month|quarter|year)|already)\b", re.I)
_VAGUE = re.compile(r"^\s*(?:as\s+soon\s+as\s+possible|asap|soon|eventually|later|someday|some\s+day|"
                    r"in\s+the\s+future|at\s+some\s+point|whenever|when\s+possible|tbd|n/?a)\s*[.!]?\s*$", re.I)
_TODAY = re.compile(r"\b(?:today|tonight|tomorrow|end of (?:the )?day|eod)\b", re.I)
_WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                 "eighteen": 18, "twenty-four": 24}


class NotADeadline(ValueError):
    """The answer cannot serve as a deadline; str() is the reason, one line."""


def _year(raw: str | None, today: dt.date) -> int | None:
    if raw is None:
        return None
    raw = raw.strip("'")
    return 2000 + int(raw) if len(raw) == 2 else int(raw)


def _end_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def latest_day(answer: str, today: dt.date) -> dt.date:
    """The last day the answer allows; raises NotADeadline when it is no deadline."""
    text = answer.strip()
    if not text:
        raise NotADeadline("the answer is empty: give a date or a period")
    if _VAGUE.match(text):
        raise NotADeadline(f'"{text}" is not a date: give a day, a month or a period such as "within 3 months"')
    if _PAST.search(text):
        raise NotADeadline(f'"{text}" is in the past: the deadline must come after {today.isoformat()}')
    day = _explicit_day(text, today)
    if day is not None:
        if day < today:
            raise NotADeadline(f'"{text}" ({day.isoformat()}) has already passed on {today.isoformat()}')
        return day
    raise NotADeadline(f'"{text}" is not a date or a period (try "June 30, 2026" or "within 3 months")')


def _explicit_day(text: str, today: dt.date) -> dt.date | None:
    if _TODAY.search(text):
        return today + dt.timedelta(days=1 if "tomorrow" in text.lower() else 0)
    for pattern in (_ISO, _SLASHED):
        found = pattern.search(text)
        if found:
            try:
                return dt.date(int(found["y"]), int(found["m"]), int(found["d"]))
            except ValueError:
                raise NotADeadline(f'"{found.group()}" is not a real date') from None
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        found = pattern.search(text)
        if found:
            month = MONTHS[found["month"].lower()]
            year = _year(found["year"], today) or today.year
            try:
                day = dt.date(year, month, int(found["day"]))
            except ValueError:
                raise NotADeadline(f'"{found.group()}" is not a real date') from None
            if found["year"] is None and day < today:
                day = day.replace(year=year + 1)
            return day
    found = _QUARTER.search(text)
    if found:
        year = _year(found["year"], today) or today.year
        last_month = int(found["q"]) * 3 if found["q"] else (6 if found["h"].lower() == "h1" else 12)
        day = _end_of_month(year, last_month)
        return day if found["year"] or day >= today else _end_of_month(year + 1, last_month)
    found = _MONTH_YEAR.search(text)
    if found and (found["year"] or len(found["month"]) > 3 or found["month"].lower() in ("may",)):
        month = MONTHS[found["month"].lower()]
        year = _year(found["year"], today) or today.year
        day = _end_of_month(year, month)
        return day if found["year"] or day >= today else _end_of_month(year + 1, month)
    found = _WITHIN.search(text)
    if found:
        raw = found["n"].lower()
        count = float(raw) if raw[0].isdigit() else _WORD_NUMBERS[raw]
        return today + dt.timedelta(days=round(count * UNIT_DAYS[found["unit"].lower()]))
    found = _RELATIVE.search(text)
    if found:
        unit = found["unit"].lower()
        days = UNIT_DAYS.get(unit, 183)
        return today + dt.timedelta(days=days if found["which"].lower().startswith(("next", "the coming", "coming")) else 1)
    found = _YEAR.search(text)
    if found:
        return dt.date(int(found["year"]), 12, 31)
    return None
