"""Calendar arithmetic for time expressions: periods, offsets and future resolution.

Pure standard library (no dateutil). Conventions, chosen once and used everywhere:
- Weeks run Monday to Sunday; "week N of YEAR" is ISO week N.
- Ranges are inclusive: a month is its first to its last day.
- A month or day named without a year is its next occurrence: a day already reached (today
  included) moves to next year, a month already over moves to next year.
- Fiscal years are named after the calendar year they end in. With a fiscal year starting in
  month S (1-12), FY2027 runs from S/2026 to (S-1)/2027; with S = 1 it is calendar 2027.
  H1/H2 with a fiscal start are the halves of that fiscal year. Quarters Q1-Q4 stay calendar
  quarters unless written with a fiscal year ("Q3 FY27").
- Python dates stop at years 1 and 9999. Every function that builds a date returns None (or a
  None bound pair) when the answer would fall outside them, so a caller can leave such a time
  unresolved instead of raising or guessing.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Span:
    """An amount of calendar time: whole months plus whole days plus seconds (for ISO output)."""

    years: float = 0
    months: float = 0
    weeks: float = 0
    days: float = 0
    hours: float = 0
    minutes: float = 0
    seconds: float = 0

    def iso(self) -> str:
        def fmt(x: float) -> str:
            return str(int(x)) if float(x).is_integer() else repr(round(float(x), 6))

        date_part = "".join(f"{fmt(v)}{u}" for v, u in (
            (self.years, "Y"), (self.months, "M"), (self.weeks, "W"), (self.days, "D")) if v)
        time_part = "".join(f"{fmt(v)}{u}" for v, u in (
            (self.hours, "H"), (self.minutes, "M"), (self.seconds, "S")) if v)
        return "P" + date_part + ("T" + time_part if time_part else "") if (date_part or time_part) else "P0D"

    def __add__(self, other: Span) -> Span:
        return Span(*(a + b for a, b in zip(self.astuple(), other.astuple())))

    def astuple(self) -> tuple:
        return (self.years, self.months, self.weeks, self.days, self.hours, self.minutes, self.seconds)

    @property
    def is_calendar(self) -> bool:
        """True when it has whole calendar units (days or longer) and nothing smaller."""
        if self.hours or self.minutes or self.seconds:
            return False
        return float(self.years * 12 + self.months).is_integer() and float(self.weeks * 7 + self.days).is_integer() \
            and any((self.years, self.months, self.weeks, self.days))


def in_calendar(year: int) -> bool:
    return dt.MINYEAR <= year <= dt.MAXYEAR


def plus_days(day: dt.date, days: int) -> dt.date | None:
    """day + days, or None past the ends of the calendar."""
    try:
        return day + days * DAY
    except OverflowError:
        return None


def add_months(day: dt.date, months: int) -> dt.date | None:
    """day moved by whole months (clamped to the month's last day); None outside the calendar."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    if not in_calendar(year):
        return None
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def shift(day: dt.date, span: Span, sign: int = 1) -> dt.date | None:
    """day moved by span (calendar units only); None if the span has parts smaller than a day
    or the result is outside the calendar."""
    if not span.is_calendar:
        return None
    months = int(span.years * 12 + span.months)
    days = int(span.weeks * 7 + span.days)
    try:
        moved = add_months(day, sign * months)
        return None if moved is None else plus_days(moved, sign * days)
    except (OverflowError, ValueError):
        return None


Bounds = tuple[dt.date, dt.date] | None  # first and last day of a period, or None if not representable


def months_from(start: dt.date, count: int) -> Bounds:
    """From start to the last day of the count-th month that starts there (start is a 1st)."""
    last_month = add_months(start, count - 1)
    if last_month is None or not in_calendar(start.year):
        return None
    return start, month_range(last_month.year, last_month.month)[1]


def month_range(year: int, month: int) -> Bounds:
    if not in_calendar(year):
        return None
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def quarter_range(year: int, quarter: int) -> Bounds:
    if not in_calendar(year):
        return None
    return months_from(dt.date(year, 3 * (quarter - 1) + 1, 1), 3)


def year_range(year: int) -> Bounds:
    if not in_calendar(year):
        return None
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def week_range(day: dt.date) -> Bounds:
    monday = plus_days(day, -day.weekday())
    sunday = plus_days(monday, 6) if monday else None
    return (monday, sunday) if sunday else None


def iso_week_range(year: int, week: int) -> tuple[dt.date, dt.date] | None:
    try:
        monday = dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    sunday = plus_days(monday, 6)
    return (monday, sunday) if sunday else None


def last_iso_week(year: int) -> int | None:
    return dt.date(year, 12, 28).isocalendar()[1] if in_calendar(year) else None


def fiscal_year_range(fiscal_year: int, start_month: int) -> Bounds:
    """FY named by the calendar year it ends in (see the module docstring)."""
    if start_month == 1:
        return year_range(fiscal_year)
    if not in_calendar(fiscal_year - 1):
        return None
    return months_from(dt.date(fiscal_year - 1, start_month, 1), 12)


def half_range(year: int, half: int, start_month: int) -> Bounds:
    fiscal = fiscal_year_range(year, start_month)
    start = add_months(fiscal[0], 6 * (half - 1)) if fiscal else None
    return months_from(start, 6) if start else None


def fiscal_quarter_range(fiscal_year: int, quarter: int, start_month: int) -> Bounds:
    fiscal = fiscal_year_range(fiscal_year, start_month)
    start = add_months(fiscal[0], 3 * (quarter - 1)) if fiscal else None
    return months_from(start, 3) if start else None


def fiscal_year_of(day: dt.date, start_month: int) -> int:
    """The fiscal year (named by its ending calendar year) that contains day."""
    if start_month == 1 or day.month < start_month:
        return day.year
    return day.year + 1


def safe_date(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def next_occurrence(ref: dt.date, month: int, day: int) -> dt.date | None:
    """The first month/day strictly after ref (a day equal to ref moves to next year)."""
    for year in (ref.year, ref.year + 1, ref.year + 2, ref.year + 3, ref.year + 4):
        candidate = safe_date(year, month, day)
        if candidate is not None and candidate > ref:
            return candidate
    return None


def month_year_from(ref: dt.date, month: int) -> int:
    """The year of the next occurrence of a month: this year unless the month is already over."""
    return ref.year if month >= ref.month else ref.year + 1


def expand_year(two_digits: int) -> int:
    return 2000 + two_digits if two_digits < 70 else 1900 + two_digits
