"""Normalise candidates against the publication date (TIMEX3 values, first and last day, precision).

Each ``kind`` of grammar.py has one function here, picked from the RESOLVERS table. A function
returns the Timex pieces for its candidate, or None to reject it (a "May" that is a verb, a
"1990" that counts troops). Relative expressions need the publication date: without one they get
X-ed values ("XXXX-07-29", "XXXX-WXX-4") and resolved=False.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from loaders.timex import model
from loaders.timex.context import sentence_start, tense, word_after, word_before
from loaders.timex.grammar import MONTH, Candidate
from loaders.timex.lexicon import (
    DECADE_WORDS,
    MONTHS,
    ORDINALS,
    PART_WORDS,
    PARTS_OF_DAY,
    SEASONS,
    UNITS,
    WEEKDAYS,
    number_value,
)
from loaders.timex.model import Period

ONE_DAY = dt.timedelta(days=1)


@dataclass
class Piece:
    """One resolved expression before it becomes a Timex."""

    start: int
    end: int
    type: str
    period: Period
    resolved: bool = True
    unit: str | None = None  # for durations: the unit letter and count, for periods()
    count: float | None = None


@dataclass
class Context:
    """What resolution needs beyond the candidate: the text, its date, what was said before."""

    text: str
    dct: dt.date | None
    ref_day: dt.date | None = None  # the last day-precise date mentioned (for "the next day")
    ref_quarter: Period | None = None  # the last quarter mentioned (for "the quarter", "a year earlier")
    ref_quarter_at: int = -(10**9)
    notes: dict = field(default_factory=dict)

    def tense(self, c: Candidate) -> str | None:
        return tense(self.text, c.start, c.end)


def _lower(s: str | None) -> str:
    return " ".join((s or "").lower().split())


def _month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _unresolved(value: str, precision: str | None) -> Period:
    return Period(value, None, None, precision)


# --- choosing the year or week of a partial date --------------------------------------------------


def _pick(options: list[tuple[dt.date, object]], dct: dt.date, when: str | None) -> object:
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


def _year_of_day(m: int, d: int, dct: dt.date, when: str | None) -> int | None:
    options = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        try:
            options.append((dt.date(y, m, d), y))
        except ValueError:
            continue
    return _pick(options, dct, when) if options else None


def _year_of_month(m: int, dct: dt.date, when: str | None) -> int:
    # compare months by their first day, with the current month counting as both past and future
    here = dt.date(dct.year, dct.month, 1)
    options = [(dt.date(y, m, 1), y) for y in (dct.year - 1, dct.year, dct.year + 1)]
    return _pick(options, here, when)


def _weekday_date(wd: int, dct: dt.date, when: str | None, rel: str) -> dt.date:
    back = (dct.weekday() - wd) % 7
    ahead = (wd - dct.weekday()) % 7
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


# --- resolvers, one per kind ------------------------------------------------------------------------


def _day_piece(c: Candidate, ctx: Context, y: int | None, m: int, d: int, typ: str = "DATE") -> Piece | None:
    if y is None:
        if ctx.dct is None:
            if not 1 <= d <= 31:
                return None
            return Piece(c.start, c.end, typ, _unresolved(f"XXXX-{m:02d}-{d:02d}", "day"), resolved=False)
        y = _year_of_day(m, d, ctx.dct, ctx.tense(c))
        if y is None:
            return None
    try:
        date = dt.date(y, m, d)
    except ValueError:
        return None
    ctx.ref_day = date
    return Piece(c.start, c.end, typ, model.day(date))


def _two_digit_year(yy: int, dct: dt.date | None) -> int:
    pivot = (dct.year % 100 + 10) if dct else 30
    return 2000 + yy if yy <= pivot else 1900 + yy


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
        y = _two_digit_year(y, ctx.dct)
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
    p = _day_piece(c, ctx, y, _month_number(month), _day_number(c.group("d")))
    return [p] if p else None


r_dmy = r_mdy

_PREPS = {
    "in", "since", "until", "till", "by", "from", "through", "to", "of", "during", "before", "after",
    "early", "late", "mid", "last", "next", "this", "between", "and", "or", "each", "every", "on",
    "for", "throughout", "as", "around", "about", "past", "coming", "that", "that's", "into",
    "than", "circa", "fiscal", "year", "spring", "summer", "fall", "autumn", "winter", "beginning", "end",
    "start", "middle", "the", "march", "mid-", "latest", "within", "at",
}  # fmt: skip


def _part(word: str | None) -> str | None:
    if not word:
        return None
    w = _lower(word)
    for key, part in PART_WORDS.items():
        if key in w.split() or w.startswith(key):
            return part
    return None


def r_my(c: Candidate, ctx: Context) -> list[Piece] | None:
    y, m = int(c.group("y")), _month_number(c.group("month"))
    return [Piece(c.start, c.end, "DATE", model.narrow(model.month(y, m), _part(c.group("part"))))]


def r_month(c: Candidate, ctx: Context) -> list[Piece] | None:
    name = c.group("month")
    key = name.rstrip(".").lower()
    rel, part, yrel = _lower(c.group("rel")), c.group("part"), _lower(c.group("yrel"))
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
    m = _month_number(name)
    start = c.start
    if ctx.dct is None:
        return [Piece(start, c.end, "DATE", _unresolved(f"XXXX-{m:02d}", "month"), resolved=False)]
    if yrel:
        y = ctx.dct.year + {"this year": 0, "last year": -1, "next year": 1}[yrel]
    elif rel in ("last", "past", "previous", "this past"):
        y = ctx.dct.year if m < ctx.dct.month else ctx.dct.year - 1
    elif rel in ("next", "coming", "the coming"):
        y = ctx.dct.year if m > ctx.dct.month else ctx.dct.year + 1
    elif rel == "this":
        y = ctx.dct.year
    else:
        y = _year_of_month(m, ctx.dct, ctx.tense(c))
    return [Piece(start, c.end, "DATE", model.narrow(model.month(y, m), _part(part)))]


_NOT_WEEKDAY_BEFORE = {"black", "good", "cyber", "super", "ash", "palm", "holy", "easter", "shrove", "fat", "bloody",
                       "maundy", "girl", "man"}  # fmt: skip


_WEEKDAY_DATE = re.compile(rf",?\s+(?P<month>{MONTH})\s*(?P<d>\d{{1,2}})\b(?:,?\s*(?P<y>\d{{4}})\b)?")


def r_weekday(c: Candidate, ctx: Context) -> list[Piece] | None:
    if word_before(ctx.text, c.start).lower() in _NOT_WEEKDAY_BEFORE:
        return None
    wd = WEEKDAYS[c.group("wd").lower()]
    rel = _lower(c.group("rel"))
    pod = c.group("pod")
    end = c.end
    if c.group("pos"):
        end = c.match.start("pos")  # "Wednesday's ruling": TimeML leaves the 's out
        pod = None
    suffix = "T" + PARTS_OF_DAY[pod.lower()] if pod else ""
    typ = "DATE"
    if ctx.dct is None:
        return [Piece(c.start, end, typ, _unresolved(f"XXXX-WXX-{wd + 1}{suffix}", "day"), resolved=False)]
    date = _weekday_date(wd, ctx.dct, ctx.tense(c), rel)
    explicit = _WEEKDAY_DATE.match(ctx.text, c.end)
    if explicit and not pod:
        # "Thursday, Jan. 6": TimeML marks the two apart; the date says which Thursday
        m, d = _month_number(explicit.group("month")), int(explicit.group("d"))
        y = int(explicit.group("y")) if explicit.group("y") else _year_of_day(m, d, ctx.dct, ctx.tense(c))
        try:
            if y and dt.date(y, m, d).weekday() == wd:
                date = dt.date(y, m, d)
        except ValueError:
            pass
    ctx.ref_day = date
    p = model.day(date)
    return [Piece(c.start, end, typ, Period(p.value + suffix, p.first, p.last, "day"))]


def r_time(c: Candidate, ctx: Context) -> list[Piece] | None:
    if c.group("word"):
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
        m, d = _month_number(c.group("month")), _day_number(c.group("d"))
        y = _year_of_day(m, d, ctx.dct, ctx.tense(c)) if ctx.dct else None
        try:
            date = dt.date(y, m, d) if y else None
        except ValueError:
            return None
    elif ctx.dct is not None:
        if day_word:
            w = day_word.lower()
            offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
            date = (ctx.dct + dt.timedelta(days=offsets[w]) if w in offsets
                    else _weekday_date(WEEKDAYS[w], ctx.dct, ctx.tense(c), ""))  # fmt: skip
        else:
            date = ctx.ref_day if ctx.ref_day and abs((ctx.ref_day - ctx.dct).days) < 3 else ctx.dct
    clock = f"T{h:02d}:{mi:02d}"
    if date is None:
        return [Piece(c.start, c.end, "TIME", _unresolved("XXXX-XX-XX" + clock, "time"), resolved=False)]
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
    start = c.start
    if c.group("fy") and c.group("fy").lower().startswith("the"):
        start = c.start  # "the year 2000" is one expression
    elif (
        not c.group("fy")
        and not c.group("part")
        and not _plausible_year(ctx, c, y, c.match.start("y"), c.end)
    ):
        return None
    return [Piece(start, c.end, "DATE", model.narrow(model.year(y), _part(c.group("part"))))]


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
        return [Piece(c.start, c.end, "DATE", model.month(y, _month_number(c.group("month"))))]
    if c.group("season"):
        name = c.group("season").lower().split()[-2]
        return [Piece(c.start, c.end, "DATE", model.season(y, SEASONS[name]))]
    return [Piece(c.start, c.end, "DATE", model.year(y))]


def r_season(c: Candidate, ctx: Context) -> list[Piece] | None:
    name = c.group("s").lower()
    det = _lower(c.group("det"))
    start = c.start
    if det == "in":
        start = c.match.start("part") if c.group("part") else c.match.start("s")
    if c.group("y"):
        return [Piece(start, c.end, "DATE", model.season(int(c.group("y")), SEASONS[name]))]
    if not det or (name == "fall" and det != "the"):
        return None
    if ctx.dct is None:
        return [Piece(start, c.end, "DATE", _unresolved(f"XXXX-{SEASONS[name]}", "month"), resolved=False)]
    when = ctx.tense(c)
    p = _season(SEASONS[name], ctx.dct, -1 if when == "past" else 1 if when == "future" else 0)
    return [Piece(start, c.end, "DATE", model.narrow(p, _part(c.group("part"))))]


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
    return [Piece(c.start, c.end, "DATE", model.narrow(model.decade(first), _part(c.group("part"))))]


def r_decade2(c: Candidate, ctx: Context) -> list[Piece] | None:
    if c.group("w"):
        first = 1900 + 10 * DECADE_WORDS[c.group("w").lower()]
    else:
        d = int(c.group("d")) * 10
        this = ctx.dct.year if ctx.dct else 2000
        first = 2000 + d if 2000 + d <= this else 1900 + d
    return [Piece(c.start, c.end, "DATE", model.narrow(model.decade(first), _part(c.group("part"))))]


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


_PRESENT = {"current", "now", "currently", "nowadays", "the present", "at present", "right now", "these days"}
_PAST_WORDS = {"recently", "lately", "formerly", "the past", "previously", "recent"}
_NOT_CURRENT = {"account", "accounts", "affairs", "events", "event", "issue", "issues", "and", "or", "flowing", "flows",
                "flow", "of", "is", "was", "in", "through", "study", "research", "data", "report"}  # fmt: skip


def r_deictic(c: Candidate, ctx: Context) -> list[Piece] | None:
    w = _lower(c.group("w"))
    pod = c.group("pod")
    if w == "now":
        # "Sign Up Now", "Subscribe Now": title-case interface text, not prose
        if c.group("w") == "Now" and not sentence_start(ctx.text, c.start):
            return None
        if ctx.text[c.end : c.end + 1] == "-" or word_after(ctx.text, c.end).lower() in ("that", "on"):
            if word_after(ctx.text, c.end).lower() == "that":
                return None
    if w in _PRESENT:
        p = Period("PRESENT_REF", ctx.dct, ctx.dct, "day" if ctx.dct else None)
        return [Piece(c.start, c.end if not pod else c.match.end("w"), "DATE", p)]
    if w == "current":
        after = word_after(ctx.text, c.end).lower()
        if ctx.text[c.start].isupper() or after in _NOT_CURRENT or not after or after.endswith("ly"):
            return None
    if w == "recent" and (
        word_after(ctx.text, c.end).lower() in _NOT_CURRENT or not word_after(ctx.text, c.end)
    ):
        return None
    if w == "soon":
        if word_after(ctx.text, c.end).lower() in ("after", "as", "afterwards", "thereafter"):
            return None
        return [Piece(c.start, c.end, "DATE", Period("FUTURE_REF", ctx.dct, None, None))]
    if w in _PAST_WORDS:
        return [Piece(c.start, c.match.end("w"), "DATE", Period("PAST_REF", None, ctx.dct, None))]
    if w.endswith("future"):
        return [Piece(c.start, c.match.end("w"), "DATE", Period("FUTURE_REF", ctx.dct, None, None))]
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[w]
    suffix = ""
    typ = "DATE"
    if pod:
        suffix = "T" + PARTS_OF_DAY[pod.lower()]
        typ = "TIME"
    elif w == "tonight":
        suffix, typ = "TNI", "TIME"
    if ctx.dct is None:
        return [Piece(c.start, c.end, typ, _unresolved("XXXX-XX-XX" + suffix, "day"), resolved=False)]
    date = ctx.dct + dt.timedelta(days=offset)
    return [Piece(c.start, c.end, typ, Period(date.isoformat() + suffix, date, date, "day"))]


def r_tod(c: Candidate, ctx: Context) -> list[Piece] | None:
    if c.group("w"):
        if ctx.dct is None:
            return [Piece(c.start, c.end, "TIME", _unresolved("XXXX-XX-XXTNI", "day"), resolved=False)]
        date = ctx.dct - ONE_DAY if ctx.tense(c) == "past" else ctx.dct
        return [Piece(c.start, c.end, "TIME", Period(date.isoformat() + "TNI", date, date, "day"))]
    rel, pod = c.group("rel").lower(), c.group("pod").lower()
    offset = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    if rel == "last" and pod != "night":
        offset = -1
    suffix = "T" + PARTS_OF_DAY[pod]
    if ctx.dct is None:
        return [Piece(c.start, c.end, "TIME", _unresolved("XXXX-XX-XX" + suffix, "day"), resolved=False)]
    date = ctx.dct + dt.timedelta(days=offset)
    return [Piece(c.start, c.end, "TIME", Period(date.isoformat() + suffix, date, date, "day"))]


_OFFSETS = {
    "this": 0, "current": 0, "the current": 0, "last": -1, "past": -1, "previous": -1, "the previous": -1,
    "the past": -1, "the last": -1, "latest": -1, "the latest": -1, "this past": -1, "next": 1, "coming": 1,
    "the coming": 1, "the next": 1,
}  # fmt: skip


def _shift_quarter(p: Period, quarters: int) -> Period:
    y, q = int(p.value[:4]), int(p.value[-1])
    n = y * 4 + (q - 1) + quarters
    return model.quarter(n // 4, n % 4 + 1)


def _dct_quarter(dct: dt.date) -> Period:
    return model.quarter(dct.year, (dct.month - 1) // 3 + 1)


def _season(code: str, dct: dt.date, offset: int) -> Period:
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


def r_relative(c: Candidate, ctx: Context) -> list[Piece] | None:
    rel = _lower(c.group("rel"))
    unit = _lower(c.group("unit"))
    part = _part(c.group("part"))
    offset = _OFFSETS[rel]
    start = c.start
    if ctx.dct is None:
        return [Piece(start, c.end, "DATE", _unresolved("XXXX", None), resolved=False)]
    dct = ctx.dct
    if unit == "week":
        p = model.week(dct + dt.timedelta(days=7 * offset))
    elif unit == "weekend":
        p = model.weekend(dct + dt.timedelta(days=7 * offset))
    elif unit == "month":
        p = model.month(*_ym(model.add_months(dct, offset)))
    elif unit in ("year", "fiscal year"):
        p = model.year(dct.year + offset)
        if offset == -1 and _comparison(ctx, c):
            p = _shift_quarter(ctx.ref_quarter, -4)
    elif unit == "quarter":
        if rel in ("latest", "the latest") and ctx.ref_quarter is not None:
            p = ctx.ref_quarter
        else:
            p = _shift_quarter(_dct_quarter(dct), offset)
        _note_quarter(ctx, p, c.start)
    elif unit == "decade":
        p = model.decade(dct.year + 10 * offset)
    elif unit == "century":
        p = model.century(dct.year // 100 + 1 + offset)
    elif unit == "season":
        return None
    else:
        p = _season(SEASONS[unit], dct, offset)
    return [Piece(start, c.end, "DATE", model.narrow(p, part))]


_COMPARED = re.compile(r"compar|\bfrom\b|\bversus\b|\bvs\b|\bagainst\b|\bwith\b", re.IGNORECASE)


def _comparison(ctx: Context, c: Candidate) -> bool:
    """ "compared with $3 million last year" beside quarterly figures: the same quarter a year before."""
    if ctx.ref_quarter is None or c.start - ctx.ref_quarter_at > 400:
        return False
    return (
        bool(_COMPARED.search(ctx.text, max(0, c.start - 50), c.start)) or ctx.text[c.end : c.end + 2] == "'s"
    )


def _ym(d: dt.date) -> tuple[int, int]:
    return d.year, d.month


def _note_quarter(ctx: Context, p: Period, at: int) -> None:
    ctx.ref_quarter, ctx.ref_quarter_at = p, at


def _unit_letter(unit: str) -> str:
    u = unit.lower()
    u = u[:-3] + "y" if u.endswith("ies") else u.rstrip("s") if u not in ("hours",) else "hour"
    return UNITS.get(u.rstrip("s"), UNITS.get(u, "D"))


def _duration_value(n: float | None, letter: str) -> str:
    if n is None:
        return {
            "S": "PTXS",
            "MIN": "PTXM",
            "H": "PTXH",
            "E": "PXE",
            "C": "PXC",
            "Q": "PXQ",
            "WE": "PXWE",
            "2W": "PXW",
        }.get(letter, f"PX{letter}")
    if letter == "E":
        n, letter = n * 10, "Y"
    elif letter == "C":
        n, letter = n * 100, "Y"
    elif letter == "Q":
        n, letter = n * 3, "M"
    elif letter == "2W":
        n, letter = n * 2, "W"
    elif letter == "WE":
        n, letter = n * 2, "D"
    if not float(n).is_integer() and float(n * 2).is_integer():
        # halves in the next smaller unit: "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M
        whole = int(n)
        smaller = {"Y": ("Y", "6M"), "M": ("M", "15D"), "D": ("D", "T12H"), "W": ("W", "3DT12H"),
                   "H": ("H", "30M"), "MIN": ("M", "30S")}.get(letter)  # fmt: skip
        if smaller:
            head = "PT" if letter in ("H", "MIN") else "P"
            return f"{head}{whole}{smaller[0]}{smaller[1]}" if whole else f"{head}{smaller[1]}"
    num = f"{int(n)}" if float(n).is_integer() else f"{n:g}"
    if letter in ("S", "H"):
        return f"PT{num}{letter}"
    if letter == "MIN":
        return f"PT{num}M"
    return f"P{num}{letter}"


def _shift(dct: dt.date, n: int, letter: str) -> Period | None:
    if letter == "Y":
        return model.year(dct.year + n)
    if letter == "M":
        return model.month(*_ym(model.add_months(dct, n)))
    if letter in ("W", "2W"):
        return model.week(dct + dt.timedelta(weeks=n * (2 if letter == "2W" else 1)))
    if letter in ("D",):
        return model.day(dct + dt.timedelta(days=n))
    if letter == "E":
        return model.decade(dct.year + 10 * n)
    if letter == "C":
        return model.century(dct.year // 100 + 1 + n)
    if letter == "Q":
        return _shift_quarter(_dct_quarter(dct), n)
    if letter in ("H", "MIN", "S"):
        return model.day(dct)
    return None


def r_ago(c: Candidate, ctx: Context) -> list[Piece] | None:
    n = number_value(c.group("n"))
    letter = _unit_letter(c.group("unit"))
    direction = _lower(c.group("dir"))
    if direction in ("after", "later", "before"):
        # TimeML marks the duration in "three days later" / "a month after the vote"
        end = c.match.end("unit")
        value = _duration_value(n, letter)
        return [Piece(c.start, end, "DURATION", Period(value, None, None, None), unit=letter, count=n)]
    sign = -1 if direction in ("ago", "earlier", "before", "back", "previously") else 1
    if n is None:
        return [
            Piece(c.start, c.end, "DATE", Period("PAST_REF" if sign < 0 else "FUTURE_REF", None, None, None))
        ]
    if ctx.dct is None:
        return [Piece(c.start, c.end, "DATE", _unresolved("XXXX", None), resolved=False)]
    n = int(n) if float(n).is_integer() else n
    if not isinstance(n, int):
        return None
    anchor = ctx.dct
    if direction in ("earlier", "later", "before", "after") and letter in ("D", "W") and ctx.ref_day:
        anchor = ctx.ref_day
    if letter == "Y" and n == 1 and direction in ("earlier", "ago") and ctx.ref_quarter is not None \
            and c.start - ctx.ref_quarter_at < 400:  # fmt: skip
        # "a year earlier" beside quarterly figures is the same quarter a year before
        return [Piece(c.start, c.end, "DATE", _shift_quarter(ctx.ref_quarter, -4))]
    p = _shift(anchor, sign * n, letter)
    if p is None:
        return None
    if p.precision == "day":
        ctx.ref_day = p.first
    return [Piece(c.start, c.end, "DATE", p)]


_SET_BEFORE = {"once", "twice", "thrice", "times", "percent", "cent", "%", "per"}


def r_duration(c: Candidate, ctx: Context) -> list[Piece] | None:
    raw_n = _lower(c.group("n"))
    unit = c.group("unit").lower()
    letter = _unit_letter(unit)
    n = number_value(raw_n)
    if letter == "S" and (raw_n in ("a", "an", "one") or unit == "second"):
        return None  # "a second term" is an ordinal, not one second
    if raw_n in ("a", "an") and not c.group("lim") and not c.group("mod"):
        before = word_before(ctx.text, c.start).lower()
        if before in _SET_BEFORE or re.search(
            r"(?:\d|illion|%)\s*$", ctx.text[max(0, c.start - 12) : c.start]
        ):
            value = _duration_value(1, letter)
            return [Piece(c.start, c.end, "SET", Period(value, None, None, None))]
    if raw_n.replace(",", "").isdigit() and (
        int(raw_n.replace(",", "")) > 5000 or len(raw_n) == 4 and raw_n[:2] in ("19", "20")
    ):
        return None  # "the 1988 quarter" is a date; counts that large are not durations
    if n is None and re.fullmatch(r"\d+\s+1/2", raw_n):
        n = int(raw_n.split()[0]) + 0.5
    if re.search(r"and[\s-]+a[\s-]+half", c.match.group(0), re.I) and n is not None:
        n = n + 0.5
    adj = _lower(c.group("adj"))
    if adj.endswith("old") or word_after(ctx.text, c.end).lower() == "old":
        return None  # ages ("a 6-year-old boy", "52 years old") are not temporal expressions in TimeML
    if letter == "Q" and word_after(ctx.text, c.end).lower() == "of":
        return None  # "three-quarters of" is a fraction
    start = c.start
    if re.match(r"\S+-", ctx.text[c.match.start("n") : c.match.end("unit")]) and not c.group("lim"):
        # "an 11-day exercise": the adjective is the expression, the article belongs to the noun
        start = c.match.start("mod") if c.group("mod") else c.match.start("n")
    value = _duration_value(n, letter)
    return [Piece(start, c.end, "DURATION", Period(value, None, None, None), unit=letter, count=n)]


def r_vague_duration(c: Candidate, ctx: Context) -> list[Piece] | None:
    unit = c.group("unit").lower()
    if not unit.endswith("s") or unit.endswith("ss"):
        return None
    lim = _lower(c.group("lim"))
    det = _lower(c.group("det"))
    start = c.start if det not in ("for", "over", "in") else c.match.start("lim")
    letter = _unit_letter(unit)
    if lim == "recent" and letter == "Y":
        return [Piece(start, c.end, "DATE", Period("PAST_REF", None, ctx.dct, None))]
    return [
        Piece(start, c.end, "DURATION", Period(_duration_value(None, letter), None, None, None), unit=letter)
    ]


def r_for_units(c: Candidate, ctx: Context) -> list[Piece] | None:
    letter = _unit_letter(c.group("unit"))
    return [
        Piece(
            c.start, c.end, "DURATION", Period(_duration_value(None, letter), None, None, None), unit=letter
        )
    ]


def r_quarter(c: Candidate, ctx: Context) -> list[Piece] | None:
    k = ORDINALS[c.group("ord").lower()]
    is_half = c.group("unit").lower() == "half"
    if is_half and k > 2 or k > 4:
        return None
    det, rel = _lower(c.group("det")), _lower(c.group("rel"))
    y_text = c.group("y0") or c.group("y") or c.group("y2")
    if y_text:
        y = int(y_text)
    elif ctx.dct is None:
        value = f"XXXX-H{k}" if is_half else f"XXXX-Q{k}"
        return [Piece(c.start, c.end, "DATE", _unresolved(value, "quarter"), resolved=False)]
    else:
        y = ctx.dct.year
        if det.startswith("last year") or rel in ("year-earlier", "year-ago", "comparable"):
            y -= 1
        elif det.startswith("next year"):
            y += 1
        elif rel in ("last", "previous") or (
            not rel and ctx.tense(c) == "past" and not is_half and k - (ctx.dct.month - 1) // 3 > 1
        ):
            # "last fourth quarter" in a March article; a quarter still ahead spoken of in the past
            y -= 1
    p = model.half(y, k) if is_half else model.quarter(y, k)
    if not is_half:
        _note_quarter(ctx, p, c.start)
    return [Piece(c.start, c.end, "DATE", p)]


def r_qnum(c: Candidate, ctx: Context) -> list[Piece] | None:
    q = c.group("q")
    y_text = c.group("y")
    if y_text:
        y = int(y_text) if len(y_text) == 4 else _two_digit_year(int(y_text[1:]), ctx.dct)
    elif ctx.dct is not None:
        y = ctx.dct.year
    else:
        return [Piece(c.start, c.end, "DATE", _unresolved(f"XXXX-{q}", "quarter"), resolved=False)]
    p = model.half(y, int(q[1])) if q[0] == "H" else model.quarter(y, int(q[1]))
    return [Piece(c.start, c.end, "DATE", p)]


_ENDED = re.compile(
    rf"\s+(?:ended|ending|that\s+ended|which\s+ended)\s+(?P<month>{MONTH})\s*\d{{1,2}}(?:,\s*(?P<y>\d{{4}}))?"
)


def r_anaphor(c: Candidate, ctx: Context) -> list[Piece] | None:
    det, unit = _lower(c.group("det")), c.group("unit").lower()
    if ctx.dct is None:
        return None
    dct = ctx.dct
    ref = ctx.ref_day or dct
    step = {"the next": 1, "the following": 1, "the previous": -1, "the preceding": -1, "the prior": -1}.get(
        det, 0
    )
    if det == "the" and unit == "year" and _ENDED.match(ctx.text, c.end):
        # "the year ended March 31": a fiscal year, named by its last day, which TimeML marks apart
        return [Piece(c.start, c.end, "DURATION", Period("P1Y", None, None, None), unit="Y", count=1)]
    if unit == "day":
        if det in ("the", "the same") and step == 0 and det == "the":
            if word_after(ctx.text, c.end).lower() not in ("", "before", "after", "earlier", "later"):
                return None
            return [Piece(c.start, c.end, "DATE", model.day(dct))]
        date = ref + dt.timedelta(days=step)
        ctx.ref_day = date
        return [Piece(c.start, c.end, "DATE", model.day(date))]
    if unit == "week":
        base = ref if step else dct
        return [Piece(c.start, c.end, "DATE", model.week(base + dt.timedelta(weeks=step)))]
    if unit == "weekend":
        d = dct - dt.timedelta(days=7) if ctx.tense(c) == "past" and dct.weekday() < 5 else dct
        return [Piece(c.start, c.end, "DATE", model.weekend(d + dt.timedelta(weeks=step)))]
    if unit == "month":
        base = ref if step else dct
        return [Piece(c.start, c.end, "DATE", model.month(*_ym(model.add_months(base, step))))]
    if unit == "year":
        base = ref if step else dct
        if det == "the" and word_after(ctx.text, c.end).lower() in ("and", "or"):
            return None
        return [Piece(c.start, c.end, "DATE", model.year(base.year + step))]
    if unit == "quarter":
        p = ctx.ref_quarter if ctx.ref_quarter is not None else _shift_quarter(_dct_quarter(dct), -1)
        p = _shift_quarter(p, step) if step else p
        _note_quarter(ctx, p, c.start)
        return [Piece(c.start, c.end, "DATE", p)]
    if unit == "period" and ctx.ref_quarter is not None and c.start - ctx.ref_quarter_at < 600:
        return [Piece(c.start, c.end, "DATE", ctx.ref_quarter)]
    return None


def r_day_rel(c: Candidate, ctx: Context) -> list[Piece] | None:
    if ctx.dct is None:
        return None
    unit, direction = c.group("unit").lower(), c.group("dir").lower()
    sign = -1 if direction == "before" else 1
    ref = ctx.ref_day or ctx.dct
    if unit == "day":
        p = model.day(ref + dt.timedelta(days=sign))
    elif unit == "week":
        p = model.week(ref + dt.timedelta(weeks=sign))
    elif unit == "month":
        p = model.month(*_ym(model.add_months(ref, sign)))
    else:
        p = model.year(ref.year + sign)
    return [Piece(c.start, c.end, "DATE", p)]


def r_year_adj(c: Candidate, ctx: Context) -> list[Piece] | None:
    w = _lower(c.group("w"))
    if ctx.dct is None:
        return None
    if "end" in w:
        return [Piece(c.start, c.end, "DATE", model.narrow(model.year(ctx.dct.year), "end"))]
    unit = _lower(c.group("unit"))
    if ctx.ref_quarter is not None and (unit in ("quarter", "period") or c.start - ctx.ref_quarter_at < 400):
        return [Piece(c.start, c.end, "DATE", _shift_quarter(ctx.ref_quarter, -4))]
    return [Piece(c.start, c.end, "DATE", model.year(ctx.dct.year - 1))]


def _nth_weekday(y: int, m: int, wd: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(y, m, 1)
        return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = model.month(y, m).last
    return last - dt.timedelta(days=(last.weekday() - wd) % 7)


_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas": lambda y: dt.date(y, 12, 25),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "new year's": lambda y: dt.date(y, 1, 1),
    "new year's day": lambda y: dt.date(y, 1, 1),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "halloween": lambda y: dt.date(y, 10, 31),
    "independence day": lambda y: dt.date(y, 7, 4),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "boxing day": lambda y: dt.date(y, 12, 26),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
}


def r_holiday(c: Candidate, ctx: Context) -> list[Piece] | None:
    name = _lower(c.group("w"))
    rule = _HOLIDAYS[name]
    y_match = re.match(r",?\s+(\d{4})\b", ctx.text[c.end : c.end + 7])
    if ctx.dct is None:
        return None
    options = [(rule(y), y) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
    y = int(y_match.group(1)) if y_match else _pick(options, ctx.dct, ctx.tense(c))
    return [Piece(c.start, c.end, "DATE", model.day(rule(y)))]


_SET_WORDS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
              "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "semiannually": "P6M", "hourly": "PT1H"}  # fmt: skip


def r_set(c: Candidate, ctx: Context) -> list[Piece] | None:
    if c.group("w"):
        return [Piece(c.start, c.end, "SET", Period(_SET_WORDS[c.group("w")], None, None, None))]
    unit = c.group("unit").lower().rstrip("s") if c.group("unit").lower() not in ("hours",) else "hour"
    n = 2 if c.group("other") else 1
    if unit in WEEKDAYS:
        return [Piece(c.start, c.end, "SET", Period(f"XXXX-WXX-{WEEKDAYS[unit] + 1}", None, None, None))]
    if unit in MONTHS:
        return [Piece(c.start, c.end, "SET", Period(f"XXXX-{MONTHS[unit]:02d}", None, None, None))]
    if unit in SEASONS:
        return [Piece(c.start, c.end, "SET", Period(f"XXXX-{SEASONS[unit]}", None, None, None))]
    if unit in PARTS_OF_DAY:
        return [Piece(c.start, c.end, "SET", Period(f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}", None, None, None))]
    return [Piece(c.start, c.end, "SET", Period(_duration_value(n, _unit_letter(unit)), None, None, None))]


RESOLVERS: dict[str, Callable[[Candidate, Context], list[Piece] | None]] = {
    "iso": r_iso, "numeric": r_numeric, "mdy": r_mdy, "dmy": r_dmy, "my": r_my, "month": r_month,
    "weekday": r_weekday, "time": r_time, "year_range": r_year_range, "year": r_year, "decade": r_decade,
    "decade2": r_decade2, "century": r_century, "deictic": r_deictic, "tod": r_tod, "relative": r_relative,
    "ago": r_ago, "duration": r_duration, "vague_duration": r_vague_duration, "for_units": r_for_units,
    "quarter": r_quarter, "qnum": r_qnum, "anaphor": r_anaphor, "day_rel": r_day_rel, "year_adj": r_year_adj,
    "holiday": r_holiday, "set": r_set, "spoken_year": r_spoken_year, "season": r_season,
}  # fmt: skip
