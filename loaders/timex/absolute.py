"""Resolvers for dates named on the calendar: "July 27, 2023", "Sept. 1", "Thursday", "1990s",
"9 a.m.", "Christmas". Each returns the pieces of its candidate, or None to reject it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from loaders.timex import model
from loaders.timex.anchoring import (
    nth_weekday,
    pick_by_tense,
    season_of,
    two_digit_year,
    weekday_date,
    year_of_day,
    year_of_month,
)
from loaders.timex.context import sentence_start, word_after, word_before
from loaders.timex.grammar import MONTH, WEEKDAY, Candidate
from loaders.timex.lexicon import (
    DECADE_WORDS,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    WEEKDAYS,
    number_value,
)
from loaders.timex.model import Period
from loaders.timex.state import Context, Piece, lower_words, month_number, part_of, unresolved

# --- resolvers, one per kind ------------------------------------------------------------------------


def _day_piece(c: Candidate, ctx: Context, y: int | None, m: int, d: int, typ: str = "DATE") -> Piece | None:
    if y is None:
        if ctx.dct is None:
            if not 1 <= d <= 31:
                return None
            return Piece(c.start, c.end, typ, unresolved(f"XXXX-{m:02d}-{d:02d}", "day"), resolved=False)
        y = year_of_day(m, d, ctx.dct, ctx.tense(c))
        if y is None:
            return None
    try:
        date = dt.date(y, m, d)
    except ValueError:
        return None
    ctx.ref_day, ctx.ref_year = date, date.year
    return Piece(c.start, c.end, typ, model.day(date))


def r_iso(c: Candidate, ctx: Context) -> list[Piece] | None:
    y, m, d = int(c.group("y")), int(c.group("m")), int(c.group("d"))
    p = _day_piece(c, ctx, y, m, d)
    if p and c.group("h"):
        p.type = "TIME"
        p.period = Period(
            f"{p.period.value}T{c.group('h')}:{c.group('min')}", p.period.first, p.period.last, "time"
        )
    return [p] if p else None


def r_numeric(c: Candidate, ctx: Context) -> list[Piece] | None:
    y = int(c.group("y"))
    if len(c.group("y")) == 2:
        y = two_digit_year(y, ctx.dct)
    p = _day_piece(c, ctx, y, int(c.group("m")), int(c.group("d")))
    return [p] if p else None


def _day_number(s: str) -> int:
    return int(re.match(r"\d+", s).group(0))


def r_mdy(c: Candidate, ctx: Context) -> list[Piece] | None:
    month = c.group("month")
    if month.rstrip(".").lower() in ("may", "mar") and not c.group("y"):
        # "May 5" is a date, but not in "may 5" (lowercase never matches) nor "Theresa May 5"
        before = word_before(ctx.text, c.start)
        if before[:1].isupper() and not sentence_start(ctx.text, c.start) and before.lower() not in _PREPS:
            return None
    y = int(c.group("y")) if c.group("y") else None
    year_named = _YEAR_AFTER.match(ctx.text, c.end) if y is None and ctx.dct is not None else None
    if year_named:
        # "February 27 next year", "March 3 last year": the year is named after the day
        y = ctx.dct.year + {"last": -1, "next": 1, "this": 0}[year_named.group(1).lower()]
    p = _day_piece(c, ctx, y, month_number(month), _day_number(c.group("d")))
    if p is None:
        return None
    if year_named:
        return [Piece(p.start, year_named.end(), p.type, p.period, p.resolved)]
    second = _SECOND_DAY.match(ctx.text, c.end) if c.kind == "mdy" and not c.group("y") else None
    if second and p.period.first is not None and int(second.group("d2")) > p.period.first.day:
        # "on April 24 and 25": the second day is a date of its own, in the same month
        try:
            day2 = p.period.first.replace(day=int(second.group("d2")))
        except ValueError:
            return [p]
        return [p, Piece(second.start("d2"), second.end("d2"), "DATE", model.day(day2))]
    return [p]


_YEAR_AFTER = re.compile(r"\s+(last|next|this)\s+year\b", re.I)
_SECOND_DAY = re.compile(
    r"\s+(?:and|or|&)\s+(?P<d2>[12]?\d|3[01])(?!\d)(?=\s*(?:[.,;:)\n]|$|(?:in|at|on|to|for|with|when|as|and)\b))"
)

r_dmy = r_mdy

_PREPS = {
    "in", "since", "until", "till", "by", "from", "through", "to", "of", "during", "before", "after",
    "early", "late", "mid", "last", "next", "this", "between", "and", "or", "each", "every", "on",
    "for", "throughout", "as", "around", "about", "past", "coming", "that", "that's", "into",
    "than", "circa", "fiscal", "year", "spring", "summer", "fall", "autumn", "winter", "beginning", "end",
    "start", "middle", "the", "march", "mid-", "latest", "within", "at",
}  # fmt: skip


def r_my(c: Candidate, ctx: Context) -> list[Piece] | None:
    y, m = int(c.group("y")), month_number(c.group("month"))
    ctx.ref_year = y
    return [Piece(c.start, c.end, "DATE", model.narrow(model.month(y, m), part_of(c.group("part"))))]


def r_month(c: Candidate, ctx: Context) -> list[Piece] | None:
    name = c.group("month")
    key = name.rstrip(".").lower()
    rel, part, yrel = lower_words(c.group("rel")), c.group("part"), lower_words(c.group("yrel"))
    if not (rel or part or yrel):
        before = word_before(ctx.text, c.start).lower()
        after = word_after(ctx.text, c.end)
        strong = before in _PREPS or before.endswith("-")
        if len(key) <= 4 and not name.endswith(".") and after[:1].isupper():
            return None  # "and Jan Kavan": a first name
        if not strong:
            if key in ("may", "march", "mar") or len(key) <= 4 and key not in ("june", "july"):
                return None
            if after[:1].isupper() or (before[:1].isupper() and not sentence_start(ctx.text, c.start)):
                return None  # a name: "June Carter", "Augusta" style neighbours
            if before.lower() in ("a", "an"):
                return None
        if key == "may" and after.lower() in ("be", "have", "not", "also", "well"):
            return None
        if before == "the" and after.lower() in (
            "on",
            "to",
            "of",
            "for",
            "against",
            "through",
            "across",
            "from",
        ):
            return None  # "the March on Washington": a noun, not the month
    m = month_number(name)
    start = c.start
    if ctx.dct is None:
        return [Piece(start, c.end, "DATE", unresolved(f"XXXX-{m:02d}", "month"), resolved=False)]
    if yrel:
        y = ctx.dct.year + {"this year": 0, "last year": -1, "next year": 1}[yrel]
    elif rel in ("last", "past", "previous", "this past"):
        y = ctx.dct.year if m < ctx.dct.month else ctx.dct.year - 1
    elif rel in ("next", "coming", "the coming"):
        y = ctx.dct.year if m > ctx.dct.month else ctx.dct.year + 1
    elif rel == "this":
        y = ctx.dct.year
    else:
        y = year_of_month(m, ctx.dct, ctx.tense(c))
    return [Piece(start, c.end, "DATE", model.narrow(model.month(y, m), part_of(part)))]


_NOT_WEEKDAY_BEFORE = {"black", "good", "cyber", "super", "ash", "palm", "holy", "easter", "shrove", "fat", "bloody",
                       "maundy", "girl", "man"}  # fmt: skip


_WEEKDAY_DATE = re.compile(rf",?\s+(?P<month>{MONTH})\s*(?P<d>\d{{1,2}})\b(?:,?\s*(?P<y>\d{{4}})\b)?")


def r_weekday(c: Candidate, ctx: Context) -> list[Piece] | None:
    if word_before(ctx.text, c.start).lower() in _NOT_WEEKDAY_BEFORE:
        return None
    wd = WEEKDAYS[c.group("wd").lower()]
    rel = lower_words(c.group("rel"))
    pod = c.group("pod")
    end = c.end
    if c.group("pos"):
        end = c.match.start("pos")  # "Wednesday's ruling": TimeML leaves the 's out
        pod = None
    suffix = "T" + PARTS_OF_DAY[pod.lower()] if pod else ""
    typ = "DATE"
    if ctx.dct is None:
        return [Piece(c.start, end, typ, unresolved(f"XXXX-WXX-{wd + 1}{suffix}", "day"), resolved=False)]
    if rel in ("the previous", "the preceding", "the following"):
        # "down 4.5% from the previous Friday": the one before the day just named
        base = ctx.ref_day or weekday_date(wd, ctx.dct, ctx.tense(c), "")
        date = weekday_date(wd, base, None, rel)
    else:
        date = weekday_date(wd, ctx.dct, ctx.tense(c), rel)
    week = _WEEK_AFTER.match(ctx.text, end) if not rel and not pod else None
    if week:
        # "Monday last week", "Friday next week": that weekday in the week named
        monday = ctx.dct - dt.timedelta(days=ctx.dct.weekday())
        step = {"last": -7, "next": 7, "this": 0}[week.group(1).lower()]
        date = monday + dt.timedelta(days=step + wd)
        end = week.end()
    explicit = _WEEKDAY_DATE.match(ctx.text, c.end)
    if explicit and not pod:
        # "Thursday, Jan. 6": TimeML marks the two apart; the date says which Thursday
        m, d = month_number(explicit.group("month")), int(explicit.group("d"))
        y = int(explicit.group("y")) if explicit.group("y") else year_of_day(m, d, ctx.dct, ctx.tense(c))
        try:
            if y and dt.date(y, m, d).weekday() == wd:
                date = dt.date(y, m, d)
        except ValueError:
            pass
    ctx.ref_day, ctx.ref_year = date, date.year
    p = model.day(date)
    return [Piece(c.start, end, typ, Period(p.value + suffix, p.first, p.last, "day"))]


_WEEK_AFTER = re.compile(r"\s+(last|next|this)\s+week\b", re.I)
_LATER_WEEKDAY = re.compile(
    rf"(?:\s*(?:local\s+time|[A-Z]{{2,4}}|\([^()\n]{{0,25}}\)|,))*\s+on\s+({WEEKDAY})"
)


def r_time(c: Candidate, ctx: Context) -> list[Piece] | None:
    if c.group("word"):
        if word_before(ctx.text, c.start).lower() == "high":
            return None  # "high noon": the decisive moment, not a clock time
        h, mi = (12, 0) if c.group("word").lower() in ("noon", "midday") else (0, 0)
        if c.group("word").lower() == "midnight":
            h = 24
    else:
        h, mi = int(c.group("h")), int(c.group("min") or 0)
        ampm = c.group("ampm").lower()
        if ampm.startswith("p") and h < 12:
            h += 12
        elif ampm.startswith("a") and h == 12:
            h = 0
        if h > 24 or (ampm == "o'clock" and h > 12):
            return None
    day_word = c.group("wd")
    date: dt.date | None = None
    if c.group("month"):
        m, d = month_number(c.group("month")), _day_number(c.group("d"))
        y = year_of_day(m, d, ctx.dct, ctx.tense(c)) if ctx.dct else None
        try:
            date = dt.date(y, m, d) if y else None
        except ValueError:
            return None
    elif ctx.dct is not None:
        if day_word:
            w = day_word.lower()
            offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
            date = (ctx.dct + dt.timedelta(days=offsets[w]) if w in offsets
                    else weekday_date(WEEKDAYS[w], ctx.dct, ctx.tense(c), ""))  # fmt: skip
        else:
            later = _LATER_WEEKDAY.match(ctx.text, c.end, min(len(ctx.text), c.end + 45))
            if later:
                # "at 6 a.m. local time (0300 GMT) on Saturday": the day named just after the clock
                date = weekday_date(WEEKDAYS[later.group(1).lower()], ctx.dct, ctx.tense(c), "")
            else:
                date = ctx.ref_day if ctx.ref_day and abs((ctx.ref_day - ctx.dct).days) < 3 else ctx.dct
    clock = f"T{h:02d}:{mi:02d}"
    if date is None:
        return [Piece(c.start, c.end, "TIME", unresolved("XXXX-XX-XX" + clock, "time"), resolved=False)]
    return [Piece(c.start, c.end, "TIME", Period(date.isoformat() + clock, date, date, "time"))]


_UNIT_NOUNS = re.compile(
    r"\s*(?:troops|soldiers|people|persons|men|women|children|civilians|dollars|euros|pounds|yen|miles|kilometers|"
    r"kilometres|km|feet|ft|meters|metres|tons|tonnes|barrels|shares|points|votes|seats|units|cars|vehicles|jobs|"
    r"workers|employees|members|delegates|rounds|missiles|rockets|homes|houses|acres|hectares|cases|deaths|"
    r"patients|pages|words|calories|students|officers|police|fighters|refugees|prisoners|tanks|aircraft|planes|"
    r"ships|boats|killed|dead|wounded|injured|percent|per\s+cent|sq|square|cubic|mm|cm|kg|lb|lbs|mph|kph|mw|gw|"
    r"AD|BC|BCE|CE|hours|minutes|seconds)\b",
    re.IGNORECASE,
)
_QUANTIFIERS = {"about", "some", "nearly", "almost", "over", "than", "around", "roughly", "approximately", "least",
                "only", "just", "up", "to", "total", "totaling", "of", "all", "those", "these", "with", "by", "from"}  # fmt: skip
_STRONG_YEAR = {"in", "since", "until", "till", "by", "of", "from", "through", "before", "after", "during", "year",
                "fiscal", "early", "late", "mid", "between", "circa", "for", "and", "or", "to", "spring", "summer",
                "fall", "autumn", "winter", "christmas", "the", "around", "end", "beginning", "start", "middle"}  # fmt: skip


def _plausible_year(ctx: Context, c: Candidate, y: int, start: int, end: int) -> bool:
    text = ctx.text
    before = word_before(text, start).lower()
    if re.match(r"\s*[-–]\s*\d", text[end : end + 4]) or text[start - 1 : start] in "$£€#":
        return False
    follows_unit = bool(_UNIT_NOUNS.match(text, end))
    if before in _STRONG_YEAR and not follows_unit:
        return True
    if y < 1900 or follows_unit:
        return False
    if before in _QUANTIFIERS or before in ("no.", "number", "nos.", "page", "room", "flight", "route", "highway",
                                            "model", "version", "article", "section", "resolution", "rule", "code"):  # fmt: skip
        return False
    name = word_before(text, start)
    name_at = start - 1 - len(name)
    if (
        name[:1].isupper()
        and text[name_at:start] == name + " "
        and not sentence_start(text, name_at)
        and not name.endswith("'s")
        and name.lower() not in _PREPS
        and name.rstrip(".").lower() not in MONTHS
    ):
        return False  # "a venture called Orion 1980", "Windows 2000": a name that ends in a number
    after = word_after(text, end)
    # "1,500 people" never reaches here; "2000 protesters" (a plural right after) is a count
    if (
        after.islower()
        and after.endswith("s")
        and not after.endswith("'s")
        and after not in ("was", "is", "has", "as", "saw", "plus", "this", "yes")
    ):
        return False
    return True


def r_year(c: Candidate, ctx: Context) -> list[Piece] | None:
    y = int(c.group("y"))
    # "fiscal 1989", "FY2024", "the year 2000" and "mid-1996" are years whatever follows them
    marked = c.group("fy") or c.group("fy2") or c.group("part")
    if not marked and not _plausible_year(ctx, c, y, c.match.start("y"), c.end):
        return None
    ctx.ref_year = y
    return [Piece(c.start, c.end, "DATE", model.narrow(model.year(y), part_of(c.group("part"))))]


_SPOKEN = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
           "seventeen": 17, "eighteen": 18, "nineteen": 19}  # fmt: skip


def r_spoken_year(c: Candidate, ctx: Context) -> list[Piece] | None:
    """Years read out in broadcast transcripts: "nineteen ninety-six", "January two thousand"."""
    if c.group("k"):
        y = 2000 + int(number_value(c.group("ky")) or 0) if c.group("ky") else 2000
        if not (c.group("the") or c.group("month") or c.group("season")):
            return None  # "two thousand" alone is a number
    else:
        century = 1900 if c.group("c").lower() == "nineteen" else 2000
        n = _SPOKEN.get(c.group("y").lower()) or number_value(c.group("y"))
        if n is None or n < 10:
            return None
        y = century + int(n)
    if c.group("month"):
        return [Piece(c.start, c.end, "DATE", model.month(y, month_number(c.group("month"))))]
    if c.group("season"):
        name = c.group("season").lower().split()[-2]
        return [Piece(c.start, c.end, "DATE", model.season(y, SEASONS[name]))]
    return [Piece(c.start, c.end, "DATE", model.year(y))]


def r_season(c: Candidate, ctx: Context) -> list[Piece] | None:
    name = c.group("s").lower()
    det = lower_words(c.group("det"))
    start = c.start
    if det == "in":
        start = c.match.start("part") if c.group("part") else c.match.start("s")
    if c.group("y"):
        return [Piece(start, c.end, "DATE", model.season(int(c.group("y")), SEASONS[name]))]
    if not det or (name == "fall" and det != "the"):
        return None
    if ctx.dct is None:
        return [Piece(start, c.end, "DATE", unresolved(f"XXXX-{SEASONS[name]}", "month"), resolved=False)]
    when = ctx.tense(c)
    p = season_of(SEASONS[name], ctx.dct, -1 if when == "past" else 1 if when == "future" else 0)
    return [Piece(start, c.end, "DATE", model.narrow(p, part_of(c.group("part"))))]


def r_year_range(c: Candidate, ctx: Context) -> list[Piece] | None:
    y1, s2 = int(c.group("y1")), c.group("y2")
    y2 = int(s2) if len(s2) == 4 else y1 // 100 * 100 + int(s2)
    if not y1 < y2 <= y1 + 100:
        return None
    before = word_before(ctx.text, c.start).lower()
    if before in _QUANTIFIERS - {"from", "of", "to"} or _UNIT_NOUNS.match(ctx.text, c.end):
        return None
    return [
        Piece(c.start, c.match.end("y1"), "DATE", model.year(y1)),
        Piece(c.match.start("y2"), c.end, "DATE", model.year(y2)),
    ]


def r_decade(c: Candidate, ctx: Context) -> list[Piece] | None:
    first = int(c.group("d")) * 10
    return [Piece(c.start, c.end, "DATE", model.narrow(model.decade(first), part_of(c.group("part"))))]


def r_decade2(c: Candidate, ctx: Context) -> list[Piece] | None:
    if c.group("w"):
        first = 1900 + 10 * DECADE_WORDS[c.group("w").lower()]
    else:
        d = int(c.group("d")) * 10
        this = ctx.dct.year if ctx.dct else 2000
        first = 2000 + d if 2000 + d <= this else 1900 + d
    return [Piece(c.start, c.end, "DATE", model.narrow(model.decade(first), part_of(c.group("part"))))]


def r_century(c: Candidate, ctx: Context) -> list[Piece] | None:
    n = c.group("n").lower()
    k = (
        int(re.match(r"\d+", n).group(0))
        if n[0].isdigit()
        else ORDINALS.get(n, 21 if n == "twenty-first" else 0)
    )
    if not 1 <= k <= 30:
        return None
    return [Piece(c.start, c.end, "DATE", model.century(k))]


_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas": lambda y: dt.date(y, 12, 25),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "new year's": lambda y: dt.date(y, 1, 1),
    "new year's day": lambda y: dt.date(y, 1, 1),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "thanksgiving": lambda y: nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: nth_weekday(y, 11, 3, 4),
    "halloween": lambda y: dt.date(y, 10, 31),
    "independence day": lambda y: dt.date(y, 7, 4),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "boxing day": lambda y: dt.date(y, 12, 26),
    "labor day": lambda y: nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: nth_weekday(y, 5, 0, -1),
}


def r_holiday(c: Candidate, ctx: Context) -> list[Piece] | None:
    name = lower_words(c.group("w"))
    rule = _HOLIDAYS[name]
    y_match = re.match(r",?\s+(\d{4})\b", ctx.text[c.end : c.end + 7])
    if ctx.dct is None:
        return None
    options = [(rule(y), y) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
    y = int(y_match.group(1)) if y_match else pick_by_tense(options, ctx.dct, ctx.tense(c))
    return [Piece(c.start, c.end, "DATE", model.day(rule(y)))]
