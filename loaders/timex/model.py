"""The Timex record and the calendar periods its values stand for."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Timex:
    """One temporal expression: where it is, its TIMEX3 type and value, and the days it covers."""

    start: int  # character offsets into the text (end exclusive)
    end: int
    text: str  # == text[start:end]
    type: str  # "DATE" | "TIME" | "DURATION" | "SET"
    value: str  # TIMEX3 value ("2023-07-27", "2023-W35", "P11D", "PRESENT_REF", "XXXX-07-27"...)
    first: dt.date | None  # first day of the period (None for durations, sets, unresolvable)
    last: dt.date | None  # last day, inclusive
    precision: str | None  # "time","day","week","month","quarter","year","decade" (None: durations/sets)
    resolved: bool  # False when it needed a reference date and none was known


@dataclass(frozen=True)
class Period:
    """A resolved calendar period: its TIMEX3 value, first and last day and precision."""

    value: str
    first: dt.date | None
    last: dt.date | None
    precision: str | None


MIN_YEAR, MAX_YEAR = 1, 9999
SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def day(d: dt.date) -> Period:
    return Period(d.isoformat(), d, d, "day")


def month(year: int, m: int) -> Period:
    last = calendar.monthrange(year, m)[1]
    return Period(f"{year:04d}-{m:02d}", dt.date(year, m, 1), dt.date(year, m, last), "month")


def year(y: int) -> Period:
    return Period(f"{y:04d}", dt.date(y, 1, 1), dt.date(y, 12, 31), "year")


def week(d: dt.date) -> Period:
    """The ISO week (Monday to Sunday) holding d."""
    y, w, _ = d.isocalendar()
    monday = d - dt.timedelta(days=d.weekday())
    return Period(f"{y:04d}-W{w:02d}", monday, monday + dt.timedelta(days=6), "week")


def weekend(d: dt.date) -> Period:
    """Saturday and Sunday of the ISO week holding d."""
    y, w, _ = d.isocalendar()
    saturday = d - dt.timedelta(days=d.weekday()) + dt.timedelta(days=5)
    return Period(f"{y:04d}-W{w:02d}-WE", saturday, saturday + dt.timedelta(days=1), "day")


def quarter(y: int, q: int) -> Period:
    first = dt.date(y, 3 * q - 2, 1)
    last_month = 3 * q
    last = dt.date(y, last_month, calendar.monthrange(y, last_month)[1])
    return Period(f"{y:04d}-Q{q}", first, last, "quarter")


def half(y: int, h: int) -> Period:
    if h == 1:
        return Period(f"{y:04d}-H1", dt.date(y, 1, 1), dt.date(y, 6, 30), "quarter")
    return Period(f"{y:04d}-H2", dt.date(y, 7, 1), dt.date(y, 12, 31), "quarter")


def season(y: int, code: str) -> Period:
    a, b = SEASONS[code]
    first = dt.date(y, a, 1)
    end_year = y + 1 if b < a else y
    last = dt.date(end_year, b, calendar.monthrange(end_year, b)[1])
    return Period(f"{y:04d}-{code}", first, last, "month")


def decade(start_year: int) -> Period:
    d = start_year - start_year % 10
    return Period(f"{d // 10:03d}", dt.date(max(d, 1), 1, 1), dt.date(d + 9, 12, 31), "decade")


def century(c: int) -> Period:
    """The c-th century (c=20 is 1901..2000; TIMEX3 writes it "19")."""
    first = max((c - 1) * 100, 1)
    return Period(f"{c - 1:02d}", dt.date(first, 1, 1), dt.date(c * 100 - 1, 12, 31), "decade")


def narrow(p: Period, part: str | None) -> Period:
    """The early, middle or late third of a period ("early 2024", "mid-September"); value unchanged,
    as TimeML keeps such parts in the MOD attribute."""
    if not part or p.first is None or p.last is None:
        return p
    span = (p.last - p.first).days + 1
    third = max(span // 3, 1)
    if part == "early":
        return Period(p.value, p.first, p.first + dt.timedelta(days=third - 1), p.precision)
    if part == "mid":
        return Period(
            p.value, p.first + dt.timedelta(days=third), p.last - dt.timedelta(days=third), p.precision
        )
    if part == "late":
        return Period(p.value, p.last - dt.timedelta(days=third - 1), p.last, p.precision)
    if part == "end":
        return Period(p.value, p.last - dt.timedelta(days=max(span // 10, 1) - 1), p.last, p.precision)
    if part == "start":
        return Period(p.value, p.first, p.first + dt.timedelta(days=max(span // 10, 1) - 1), p.precision)
    return p


def add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def valid_year(y: int) -> bool:
    return MIN_YEAR <= y <= MAX_YEAR
