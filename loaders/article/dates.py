"""Date expressions of an article as the extractor uses them: resolved periods, with ranges joined.

Built on `loaders.timex.periods`; adds what event extraction needs on top: "1950-53" and "9 to 20
June" are one range, "since January 12" runs until publication, a month stands for the whole month,
and expressions that are no event's date are left out (clock times, years inside names, "the largest
drills in five years").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from loaders.timex import Timex, model, periods
from loaders.timex.periods import NOT_SUPERLATIVE as _NOT_SUPERLATIVE

PRECISION_RANK = {"time": 0, "day": 1, "week": 2, "month": 3, "quarter": 4, "year": 5, "decade": 6}


@dataclass
class When:
    first: dt.date
    last: dt.date
    precision: str
    text: str
    start: int  # offsets of the expression in the text
    end: int


_SINCE_SUPERLATIVE = re.compile(
    r"\b(\w+est|first|most|biggest|worst|best)\b[^.,;]{0,40}\b(?:in|for)\s+(?:more\s+than\s+|nearly\s+|almost\s+|over\s+)?$",
    re.I,
)
_CLOCK = re.compile(
    r"(?:at\s+)?(?:around\s+|about\s+)?\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?|GMT|UTC|local\s+time|hours?)?(?:\s*\([^)]*\))?",
    re.I,
)
_SINCE = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?)?$", re.I)
UNTIL = re.compile(r"\b(?:until|till|through|to|ending|ends?\s+on)\s+(?:early\s+|late\s+|mid-?)?$", re.I)
_IN_NAME = re.compile(r"[A-Z][\w/]*[\s-]$")
_RANGE_GLUE = re.compile(r"^\s*(?:-|–|—|to|through|thru|until|till|and)\s*$", re.I)


def find_dates(text: str, published: dt.date | None) -> tuple[list[When], list[tuple[int, int, int]]]:
    """Resolved date expressions (ranges such as "1950-53" joined) and durations (start, end, days)."""
    whens: list[When] = []
    durations: list[tuple[int, int, int]] = []
    moved: set[int] = set()  # dates put in the year their sentence named: they name it too
    for t in periods(text, published):
        if t.type == "DURATION":
            days = _duration_days(t.value)
            if days:
                durations.append((t.start, t.end, days))
            continue
        if t.type not in ("DATE", "TIME") or t.first is None or t.last is None or not t.resolved:
            continue
        sup = _SINCE_SUPERLATIVE.search(text, max(0, t.start - 60), t.start)
        if (
            sup
            and sup.group(1).lower() not in _NOT_SUPERLATIVE
            and not _MONTH_NAME.search(t.text)
            and not re.search(r"\d{4}", t.text)
        ):
            continue  # "the largest drills in five years": a span looking back, not a date ahead
        if _IN_NAME.search(text, max(0, t.start - 40), t.start) and re.fullmatch(r"\d{4}\w?", t.text):
            continue  # a year that is part of a name: "exercise Baltic Guardian 2025", "Joint Sword-2024A"
        if t.precision == "time" and _CLOCK.fullmatch(t.text):
            continue  # "at 7:23 a.m.": the hour of an event whose day is told elsewhere
        w = _when(t)
        since = _SINCE.search(text, max(0, t.start - 12), t.start)
        if since and published is not None and w.first <= published:
            # "since January 12": from then until the article was written
            w = When(w.first, published, w.precision, text[since.start() : t.end], since.start(), t.end)
        prev = whens[-1] if whens else None
        if prev is not None and _THAT_YEAR.fullmatch(text, prev.end, w.end):
            continue  # "Sept. 18 of that year": the year is already Sept. 18's
        told = w
        w = _in_year_of_story(text, w, whens, moved)
        if w.first.year != told.first.year:
            moved.add(w.start)
        if prev and _RANGE_GLUE.match(text[prev.end : w.start]) and prev.first <= w.first:
            whens[-1] = When(prev.first, w.last, prev.precision, text[prev.start : w.end], prev.start, w.end)
            continue
        whens.append(w)
    return whens, durations


_MONTH_NAME = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b",
    re.I,
)
_THAT_YEAR = re.compile(r"\s*(?:,\s*)?of\s+(?:that|the\s+same)\s+year\b", re.I)
_ASIDE_YEAR = re.compile(
    r"\b(?:which|who|that|following|follow|follows|after|since|like|than|similar|previous|earlier|last|unlike)\b"
    r"[^.;]*$",
    re.I,
)
_SENTENCE_END = re.compile(r"(?<=[a-z0-9]{2})[.!?][\"”’)]?\s+[A-Z\"“]|\n")  # not "U.S. House", "Mr. Li"


def _in_year_of_story(text: str, w: When, earlier: list[When], moved: set[int]) -> When:
    """A date without a year in a sentence that has just named one ("In April 2023, the drills ran
    from April 8 to 10, after ... met on April 5"; "on Sept. 18 of that year") is in that year, not
    in the year the publication date suggests."""
    if (
        re.search(r"\d{4}|'\d\d", w.text)
        or not _MONTH_NAME.search(w.text)
        or w.precision not in ("day", "month")
    ):
        return w
    if re.search(r"\b(?:last|this|next|previous|past|coming|following|same)\b", w.text, re.I):
        return w  # "December last year" says its own year
    that_year = _THAT_YEAR.match(text, w.end)
    for prev in reversed(earlier):
        if not re.search(r"\d{4}", prev.text) and prev.start not in moved:
            continue
        if not that_year and _SENTENCE_END.search(text, prev.end, w.start):
            return w  # only the year of its own sentence, unless it says "of that year"
        if (
            not that_year
            and prev.start not in moved
            and _ASIDE_YEAR.search(text, max(0, prev.start - 60), prev.start)
        ):
            return w  # "drills that follow a similar exercise in 2023 began on May 3": a comparison
        year = (
            prev.last.year
            if prev.precision in ("year", "decade") or prev.first.year == prev.last.year
            else None
        )
        if year is None or year == w.first.year:
            return w
        try:
            first, last = w.first.replace(year=year), w.last.replace(year=year)
        except ValueError:  # February 29
            return w
        if w.precision == "month":
            last = model.month(year, first.month).last
        return When(first, last, w.precision, w.text, w.start, w.end)
    return w


def _when(t: Timex) -> When:
    first, last, precision = t.first, t.last, t.precision or "day"
    if precision == "month" and first is not None:  # "later this month" is the month
        month = model.month(first.year, first.month)
        first, last = month.first, month.last
    return When(first, last, precision, t.text, t.start, t.end)  # type: ignore[arg-type]


def _duration_days(value: str) -> int | None:
    m = re.fullmatch(r"P(\d+)([DW])", value or "")
    if not m:
        return None
    n = int(m.group(1)) * (7 if m.group(2) == "W" else 1)
    return n if 1 < n <= 400 else None


def overlap(a: When, b: When) -> bool:
    return a.first <= b.last and b.first <= a.last
