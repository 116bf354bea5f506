"""Dates as people type them in spreadsheets, read with the precision they were written at.

`parse_date_column` reads a whole column: whether "03/04/2023" is day-first is decided once per
column, from the values that can only be read one way (a first number above 12 means day-first),
unless the caller says. Each value gives (start, end, precision) as ISO text that
`events.schema.validate` reads: a year is written "1950", a month "2023-07", so the end covers its
whole period.

>>> parse_date("27/07/2023", dayfirst=True)
Span(start='2023-07-27', end='', precision='day')
>>> parse_date("July 2023"), parse_date("c. 1950"), parse_date("1950-1953")
(Span(start='2023-07', end='', precision='month'), Span(start='1950', end='', precision='year'), Span(start='1950', end='1953', precision='year'))
>>> parse_date("2023-07-27T14:00Z")
Span(start='2023-07-27T14:00:00', end='', precision='time')
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

import pandas as pd

MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for m in names
}
_MONTH = r"(?P<{}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_APPROX = r"(?:c\.|ca\.?|circa|about|around|approx\.?|~)\s*"
_YEAR = r"(?P<{}>-?\d{{1,4}})"
_DASH = r"\s*(?:-|–|—|to|until|till)\s*"


class Span(NamedTuple):
    start: str  # ISO text at the written precision ("1950", "2023-07", "2023-07-27", "...T14:00:00")
    end: str  # "" when the value is a single period
    precision: str  # day, month, year, decade, quarter, time; "" when unreadable


NO_DATE = Span("", "", "")


def _y(s: str) -> str:
    year = int(s)
    return f"-{abs(year):04d}" if year < 0 else f"{year:04d}"


def _ymd(y: int, m: int, d: int) -> str | None:
    try:
        dt.date(y, m, d) if 1 <= y <= 9999 else dt.date(2000, m, d)
    except ValueError:
        return None
    return f"{_y(str(y))}-{m:02d}-{d:02d}"


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


_PATTERN_TEXT: list[tuple[str, str]] = [
    (
        "iso",
        r"(?P<y>-?\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?P<t>[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?",
    ),
    ("iso_month", r"(?P<y>-?\d{4})-(?P<m>\d{1,2})"),
    ("numeric", r"(?P<a>\d{1,2})[/.\-](?P<b>\d{1,2})[/.\-](?P<y>\d{4}|\d{2})"),
    ("ymd_slash", r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})"),
    (  # 27 July 2023, 27-Jul-2023, 27/Jul/2023
        "d_month_y",
        r"(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:\s+|[-/])"
        + _MONTH.format("mo")
        + r"(?:,?\s+|[-/])"
        + _YEAR.format("y"),
    ),
    ("month_d_y", _MONTH.format("mo") + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR.format("y")),
    ("month_y", _MONTH.format("mo") + r"(?:,?\s+|[-/])" + _YEAR.format("y")),  # July 2023, Jul-2023
    (
        "days_month_y",
        r"(?P<d>\d{1,2})"
        + _DASH
        + r"(?P<d2>\d{1,2})\s+"
        + _MONTH.format("mo")
        + r",?\s+"
        + _YEAR.format("y"),
    ),
    ("quarter", r"Q(?P<q>[1-4])\s*(?P<y>\d{4})|(?P<y2>\d{4})\s*-?\s*Q(?P<q2>[1-4])"),
    ("decade", r"(?P<y>\d{3}0)'?s"),
    ("years", _YEAR.format("y") + _DASH + r"(?P<y2>-?\d{1,4})"),
    ("year", _YEAR.format("y") + r"(?:\s*(?:AD|CE))?"),
    ("bce", r"(?P<y>\d{1,4})\s*(?:BC|BCE)"),
]


_PATTERNS = [(kind, re.compile(p, re.I)) for kind, p in _PATTERN_TEXT]


def _clean(text: str) -> str:
    t = " ".join(text.split())
    t = re.sub(r"^" + _APPROX, "", t, flags=re.I)
    return t.rstrip("?").strip()


def numeric_order(text: str) -> bool | None:
    """True when "a/b/yyyy" can only be day-first, False when only month-first, None when either."""
    m = _PATTERNS[2][1].fullmatch(_clean(text))
    if not m:
        return None
    a, b = int(m["a"]), int(m["b"])
    if a > 12 >= b:
        return True
    if b > 12 >= a:
        return False
    return None


def parse_date(text: object, *, dayfirst: bool = True) -> Span:
    """The span a date cell names; `NO_DATE` for an empty cell, precision "" when unreadable."""
    if text is None or (isinstance(text, float) and text != text):
        return NO_DATE
    if isinstance(text, (dt.datetime, pd.Timestamp)):
        has_time = (text.hour, text.minute, text.second) != (0, 0, 0)
        return Span(
            text.isoformat() if has_time else text.date().isoformat(), "", "time" if has_time else "day"
        )
    if isinstance(text, dt.date):
        return Span(text.isoformat(), "", "day")
    raw = str(text).strip()
    if not raw:
        return NO_DATE
    t = _clean(raw)
    for kind, pattern in _PATTERNS:
        m = pattern.fullmatch(t)
        if m is None:
            continue
        got = _span(kind, m, dayfirst)
        if got is not None:
            return got
    return Span(raw, "", "")


def _span(kind: str, m: re.Match[str], dayfirst: bool) -> Span | None:
    if kind == "iso":
        day = _ymd(int(m["y"]), int(m["m"]), int(m["d"]))
        if day is None:
            return None
        if m["t"]:
            stamp = pd.Timestamp(m.group(0).replace(" ", "T", 1))
            if stamp.tzinfo is not None:
                stamp = stamp.tz_convert("UTC").tz_localize(None)
            return Span(stamp.isoformat(), "", "time")
        return Span(day, "", "day")
    if kind == "iso_month":
        month = int(m["m"])
        return Span(f"{_y(m['y'])}-{month:02d}", "", "month") if 1 <= month <= 12 else None
    if kind == "numeric":
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        if len(m["y"]) == 2:
            y += 2000 if y < 50 else 1900
        d, mo = (a, b) if dayfirst else (b, a)
        day = _ymd(y, mo, d) or _ymd(y, d, mo)  # 13/01 read month-first is still only day-first
        return Span(day, "", "day") if day else None
    if kind == "ymd_slash":
        day = _ymd(int(m["y"]), int(m["m"]), int(m["d"]))
        return Span(day, "", "day") if day else None
    if kind in ("d_month_y", "month_d_y"):
        day = _ymd(int(m["y"]), _month(m["mo"]), int(m["d"]))
        return Span(day, "", "day") if day else None
    if kind == "days_month_y":
        first = _ymd(int(m["y"]), _month(m["mo"]), int(m["d"]))
        last = _ymd(int(m["y"]), _month(m["mo"]), int(m["d2"]))
        return Span(first, last, "day") if first and last and last >= first else None
    if kind == "month_y":
        return Span(f"{_y(m['y'])}-{_month(m['mo']):02d}", "", "month")
    if kind == "quarter":
        q, y = (m["q"], m["y"]) if m["q"] else (m["q2"], m["y2"])
        return Span(f"{y}-{(int(q) - 1) * 3 + 1:02d}-01", "", "quarter")
    if kind == "decade":
        return Span(m["y"], "", "decade")
    if kind == "years":
        a, b = int(m["y"]), int(m["y2"])
        if len(m["y2"]) < len(m["y"].lstrip("-")) and b >= 0:  # "1950-53"
            b = int(m["y"][: len(m["y"]) - len(m["y2"])] + m["y2"])
        return Span(_y(str(a)), _y(str(b)), "year") if b >= a else None
    if kind == "year":
        return Span(_y(m["y"]), "", "year")
    if kind == "bce":
        return Span(_y(str(-int(m["y"]) + 1)), "", "year")  # astronomical: 1 BC is year 0
    return None


def column_dayfirst(values: pd.Series, default: bool | None = None) -> bool:
    """Whether a column's numeric dates are day-first: `default` when given, else what the values that
    can only be read one way say (the majority), else day-first."""
    if default is not None:
        return default
    votes = [numeric_order(v) for v in values.dropna().astype("str").unique()[:5000]]
    day, month = votes.count(True), votes.count(False)
    return not month > day


def parse_date_column(values: pd.Series, *, dayfirst: bool | None = None) -> pd.DataFrame:
    """start, end, date_precision and date_text columns for a column of date cells."""
    first = column_dayfirst(values, dayfirst)
    cache: dict[object, Span] = {}
    spans = []
    for v in values.tolist():
        key = v if isinstance(v, (str, int, float, dt.date)) else repr(v)
        if key not in cache:
            cache[key] = parse_date(v, dayfirst=first)
        spans.append(cache[key])
    text = values.map(lambda v: "" if v is None or v != v else str(v).strip(), na_action=None)
    return pd.DataFrame(
        {
            "start": [s.start for s in spans],
            "end": [s.end for s in spans],
            "date_precision": [s.precision or None for s in spans],
            "date_text": text.tolist(),
        },
        index=values.index,
    )
