"""Calendar reckoning for partial and relative dates: which year a "July 29" means, which week a
"Thursday", the quarter or season before or after another."""

from __future__ import annotations

import datetime as dt

from loaders.timex import model
from loaders.timex.model import Period
from loaders.timex.state import year_month

# --- choosing the year or week of a partial date --------------------------------------------------


def pick_by_tense(options: list[tuple[dt.date, object]], dct: dt.date, when: str | None) -> object:
    """The option whose date suits the tense: the latest not after dct for the past, the earliest
    not before it for the future, else the nearest; a tense that would move the date by more than
    about ten months falls back to the nearest (news rarely means a date that far)."""
    nearest = min(options, key=lambda o: (abs((o[0] - dct).days), o[0] < dct))
    chosen = nearest
    if when is None:
        # no tense cue: news mostly reports what happened, so lean to the past (within half a year)
        before = [o for o in options if o[0] <= dct]
        if before and (dct - max(before, key=lambda o: o[0])[0]).days <= 183:
            chosen = max(before, key=lambda o: o[0])
    elif when == "past":
        before = [o for o in options if o[0] <= dct]
        chosen = max(before, key=lambda o: o[0]) if before else nearest
    elif when == "future":
        after = [o for o in options if o[0] >= dct]
        chosen = min(after, key=lambda o: o[0]) if after else nearest
    if abs((chosen[0] - dct).days) > 300:
        return nearest[1]
    return chosen[1]


def year_of_day(m: int, d: int, dct: dt.date, when: str | None) -> int | None:
    options = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        try:
            options.append((dt.date(y, m, d), y))
        except ValueError:
            continue
    return pick_by_tense(options, dct, when) if options else None


def year_of_month(m: int, dct: dt.date, when: str | None) -> int:
    # compare months by their first day, with the current month counting as both past and future
    here = dt.date(dct.year, dct.month, 1)
    options = [(dt.date(y, m, 1), y) for y in (dct.year - 1, dct.year, dct.year + 1)]
    return pick_by_tense(options, here, when)


def weekday_date(wd: int, dct: dt.date, when: str | None, rel: str) -> dt.date:
    """The date of weekday wd (0 = Monday) that rel ("last", "next"...) or the tense picks,
    around dct (for "the previous" and "the following": around the day named before)."""
    back = (dct.weekday() - wd) % 7
    ahead = (wd - dct.weekday()) % 7
    if rel in ("the previous", "the preceding"):
        return dct - dt.timedelta(days=back or 7)
    if rel == "the following":
        return dct + dt.timedelta(days=ahead or 7)
    if rel == "last":
        return dct - dt.timedelta(days=back or 7)
    if rel in ("next", "coming", "this coming"):
        return dct + dt.timedelta(days=ahead or 7)
    if rel == "this past":
        return dct - dt.timedelta(days=back or 7)
    if rel == "this":
        return dct - dt.timedelta(days=dct.weekday()) + dt.timedelta(days=wd)
    if when == "future":
        return dct + dt.timedelta(days=ahead)
    return dct - dt.timedelta(days=back)


def two_digit_year(yy: int, dct: dt.date | None) -> int:
    pivot = (dct.year % 100 + 10) if dct else 30
    return 2000 + yy if yy <= pivot else 1900 + yy


REL_OFFSETS = {
    "this": 0, "current": 0, "the current": 0, "last": -1, "past": -1, "previous": -1, "the previous": -1,
    "the past": -1, "the last": -1, "latest": -1, "the latest": -1, "this past": -1, "next": 1, "coming": 1,
    "the coming": 1, "the next": 1,
}  # fmt: skip


def shift_quarter(p: Period, quarters: int) -> Period:
    y, q = int(p.value[:4]), int(p.value[-1])
    n = y * 4 + (q - 1) + quarters
    return model.quarter(n // 4, n % 4 + 1)


def quarter_of(dct: dt.date) -> Period:
    return model.quarter(dct.year, (dct.month - 1) // 3 + 1)


def season_of(code: str, dct: dt.date, offset: int) -> Period:
    """This (0), last (-1) or next (+1) season of that name relative to dct."""
    current = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(
        dct.month, "FA"
    )
    order = ["SP", "SU", "FA", "WI"]
    # winter belongs to the year it starts in
    base_year = dct.year - 1 if dct.month <= 2 else dct.year
    here = base_year * 4 + order.index(current)
    target_this = base_year * 4 + order.index(code)
    if offset == 0:
        n = target_this
    elif offset < 0:
        n = target_this if target_this < here else target_this - 4
    else:
        n = target_this if target_this > here else target_this + 4
    return model.season(n // 4, order[n % 4])


def shift_period(dct: dt.date, n: int, letter: str) -> Period | None:
    if letter == "Y":
        return model.year(dct.year + n)
    if letter == "M":
        return model.month(*year_month(model.add_months(dct, n)))
    if letter in ("W", "2W"):
        return model.week(dct + dt.timedelta(weeks=n * (2 if letter == "2W" else 1)))
    if letter in ("D",):
        return model.day(dct + dt.timedelta(days=n))
    if letter == "E":
        return model.decade(dct.year + 10 * n)
    if letter == "C":
        return model.century(dct.year // 100 + 1 + n)
    if letter == "Q":
        return shift_quarter(quarter_of(dct), n)
    if letter in ("H", "MIN", "S"):
        return model.day(dct)
    return None


def nth_weekday(y: int, m: int, wd: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(y, m, 1)
        return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = model.month(y, m).last
    return last - dt.timedelta(days=(last.weekday() - wd) % 7)
