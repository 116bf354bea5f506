"""Resolvers for dates said relative to another: "yesterday", "last week", "two years ago", "the
next day", "the third quarter", "a year earlier"."""

from __future__ import annotations

import datetime as dt
import re

from loaders.timex import model
from loaders.timex.anchoring import (
    REL_OFFSETS,
    quarter_of,
    season_of,
    shift_period,
    shift_quarter,
    two_digit_year,
    weekday_date,
    year_of_day,
)
from loaders.timex.context import a_title, sentence_begin, sentence_start, word_after
from loaders.timex.durations import duration_value, unit_letter
from loaders.timex.grammar import MONTH, Candidate
from loaders.timex.lexicon import (
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    WEEKDAYS,
    number_value,
)
from loaders.timex.model import Period
from loaders.timex.state import (
    ONE_DAY,
    Context,
    Piece,
    lower_words,
    month_number,
    note_longer_period,
    note_quarter,
    part_of,
    unresolved,
    year_month,
)

# words that may follow "the near term" used as a noun ("in the short term, the plan...")
_AFTER_TERM = {"and", "or", "but", "is", "was", "will", "would", "as", "than", "to", "for", "in", "at", "on",
               "because", "if", "when", "while", "the", "a", "an", "it", "we", "they", "he", "she", "there"}  # fmt: skip
_PRESENT = {"current", "now", "currently", "nowadays", "the present", "at present", "right now", "these days"}
_PAST_WORDS = {"recently", "lately", "formerly", "the past", "previously", "recent"}
_NOT_CURRENT = {"account", "accounts", "affairs", "events", "event", "issue", "issues", "and", "or", "flowing", "flows",
                "flow", "of", "is", "was", "in", "through", "study", "research", "data", "report"}  # fmt: skip


def r_deictic(c: Candidate, ctx: Context) -> list[Piece] | None:
    w = lower_words(c.group("w"))
    pod = c.group("pod")
    if w == "now":
        # "Sign Up Now", "Subscribe Now": title-case interface text, not prose
        if c.group("w") == "Now" and not sentence_start(ctx.text, c.start):
            return None
    if w == "current":
        after = word_after(ctx.text, c.end).lower()
        if ctx.text[c.start].isupper() or after in _NOT_CURRENT or not after or after.endswith("ly"):
            return None
    if w.startswith("then"):
        # "at 50% of the then current price": the present of a past time
        return [Piece(c.start, c.end, "DATE", Period("PAST_REF", None, ctx.dct, None))]
    if w in _PRESENT:
        p = Period("PRESENT_REF", ctx.dct, ctx.dct, "day" if ctx.dct else None)
        return [
            Piece(c.start, c.end if not pod else c.match.end("w"), "DATE", p, resolved=ctx.dct is not None)
        ]
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
    if w.endswith("future") and word_after(ctx.text, c.end).lower() == "of":
        return None  # "the future of NATO": its fate, not a time
    if w.endswith("term"):
        after = word_after(ctx.text, c.end)
        if after.islower() and after not in _AFTER_TERM:
            return None  # "the long term debt": an adjective
    if w.endswith(("future", "term", "later date")):
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
        return [Piece(c.start, c.end, typ, unresolved("XXXX-XX-XX" + suffix, "day"), resolved=False)]
    date = ctx.dct + dt.timedelta(days=offset)
    return [Piece(c.start, c.end, typ, Period(date.isoformat() + suffix, date, date, "day"))]


def r_tod(c: Candidate, ctx: Context) -> list[Piece] | None:
    if c.group("w"):
        if ctx.dct is None:
            return [Piece(c.start, c.end, "TIME", unresolved("XXXX-XX-XXTNI", "day"), resolved=False)]
        date = ctx.dct - ONE_DAY if ctx.tense(c) == "past" else ctx.dct
        return [Piece(c.start, c.end, "TIME", Period(date.isoformat() + "TNI", date, date, "day"))]
    if c.group("mid"):
        # "by mid-afternoon", "at mid-morning yesterday": that part of the day named (or of today)
        offset = {"yesterday": -1, "tomorrow": 1}.get(lower_words(c.group("dw")), 0)
        suffix = "T" + PARTS_OF_DAY[c.group("mid").lower()]
        if ctx.dct is None:
            return [Piece(c.start, c.end, "TIME", unresolved("XXXX-XX-XX" + suffix, "day"), resolved=False)]
        date = ctx.dct + dt.timedelta(days=offset)
        return [Piece(c.start, c.end, "TIME", Period(date.isoformat() + suffix, date, date, "day"))]
    rel, pod = c.group("rel").lower(), c.group("pod").lower()
    offset = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    if rel == "last" and pod != "night":
        offset = -1
    suffix = "T" + PARTS_OF_DAY[pod]
    if ctx.dct is None:
        return [Piece(c.start, c.end, "TIME", unresolved("XXXX-XX-XX" + suffix, "day"), resolved=False)]
    date = ctx.dct + dt.timedelta(days=offset)
    return [Piece(c.start, c.end, "TIME", Period(date.isoformat() + suffix, date, date, "day"))]


def r_relative(c: Candidate, ctx: Context) -> list[Piece] | None:
    rel = lower_words(c.group("rel"))
    unit = lower_words(c.group("unit"))
    part = part_of(c.group("part"))
    offset = REL_OFFSETS[rel]
    start = c.start
    if a_title(ctx.text, c.start, c.match.start("unit")):
        return None
    if ctx.dct is None:
        return [Piece(start, c.end, "DATE", unresolved("XXXX", None), resolved=False)]
    dct = ctx.dct
    if unit == "week":
        p = model.week(dct + dt.timedelta(days=7 * offset))
    elif unit == "weekend":
        p = model.weekend(dct + dt.timedelta(days=7 * offset))
    elif unit == "month":
        p = model.month(*year_month(model.add_months(dct, offset)))
    elif unit in ("year", "fiscal year"):
        p = model.year(dct.year + offset)
        if offset == -1 and _comparison(ctx, c):
            p = shift_quarter(ctx.ref_quarter, -4)
    elif unit == "quarter":
        if rel in ("latest", "the latest") and ctx.ref_quarter is not None:
            p = ctx.ref_quarter
        else:
            p = shift_quarter(quarter_of(dct), offset)
        note_quarter(ctx, p, c.start)
    elif unit == "decade":
        p = model.decade(dct.year + 10 * offset)
    elif unit == "century":
        p = model.century(dct.year // 100 + 1 + offset)
    elif unit == "season":
        return None
    else:
        p = season_of(SEASONS[unit], dct, offset)
    return [Piece(start, c.end, "DATE", model.narrow(p, part))]


_COMPARED = re.compile(r"compar|\bfrom\b|\bversus\b|\bvs\b|\bagainst\b|\bwith\b", re.IGNORECASE)


def _comparison(ctx: Context, c: Candidate) -> bool:
    """ "compared with $3 million last year" beside quarterly figures: the same quarter a year before."""
    if ctx.ref_quarter is None or c.start - ctx.ref_quarter_at > 400:
        return False
    return (
        bool(_COMPARED.search(ctx.text, max(0, c.start - 50, sentence_begin(ctx.text, c.start)), c.start))
        or ctx.text[c.end : c.end + 2] == "'s"
    )


_KEPT_MODS = {
    "nearly",
    "more than",
    "less than",
    "at least",
    "up to",
    "some",
    "around",
    "roughly",
    "approximately",
}


def r_ago(c: Candidate, ctx: Context) -> list[Piece] | None:
    n = number_value(c.group("n"))
    letter = unit_letter(c.group("unit"))
    direction = lower_words(c.group("dir"))
    if direction in ("after", "later", "before"):
        # TimeML marks the duration in "three days later" / "a month after the vote"; periods()
        # turns it into the date that far from the date before it
        end = c.match.end("unit")
        start = c.start if lower_words(c.group("mod")) in _KEPT_MODS else c.match.start("n")
        value = duration_value(n, letter)
        shift = -1 if direction == "before" else 1
        return [
            Piece(start, end, "DURATION", Period(value, None, None, None), unit=letter, count=n, shift=shift)
        ]
    sign = -1 if direction in ("ago", "earlier", "before", "back", "previously") else 1
    if n is None:
        return [
            Piece(c.start, c.end, "DATE", Period("PAST_REF" if sign < 0 else "FUTURE_REF", None, None, None))
        ]
    if ctx.dct is None:
        return [Piece(c.start, c.end, "DATE", unresolved("XXXX", None), resolved=False)]
    n = int(n) if float(n).is_integer() else n
    if not isinstance(n, int):
        return None
    anchor = ctx.dct
    if direction in ("earlier", "later", "before", "after") and letter in ("D", "W") and ctx.ref_day:
        anchor = ctx.ref_day
    if letter == "Y" and n == 1 and direction in ("earlier", "ago") and ctx.ref_quarter is not None \
            and c.start - ctx.ref_quarter_at < 400:  # fmt: skip
        # "a year earlier" beside quarterly figures is the same quarter a year before
        return [Piece(c.start, c.end, "DATE", shift_quarter(ctx.ref_quarter, -4))]
    p = shift_period(anchor, sign * n, letter)
    if p is None:
        return None
    if p.precision == "day":
        ctx.ref_day = p.first
    return [Piece(c.start, c.end, "DATE", p)]


def r_quarter(c: Candidate, ctx: Context) -> list[Piece] | None:
    is_half = c.group("unit").lower() == "half"
    ordinal = c.group("ord").lower()
    if ordinal in ("last", "latter", "final"):
        if not (c.group("y0") or c.group("y") or c.group("y2")):
            return None  # "the last quarter" alone is the one before this (a relative date)
        k = 2 if is_half else 4  # "the last half of 1989"
    else:
        k = ORDINALS[ordinal]
    if is_half and k > 2 or k > 4:
        return None
    det, rel = lower_words(c.group("det")), lower_words(c.group("rel"))
    y_text = c.group("y0") or c.group("y") or c.group("y2")
    if y_text:
        y = int(y_text)
    elif ctx.dct is None:
        value = f"XXXX-H{k}" if is_half else f"XXXX-Q{k}"
        return [Piece(c.start, c.end, "DATE", unresolved(value, "quarter"), resolved=False)]
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
    if is_half:
        note_longer_period(ctx)
    elif ctx.dct is None or p.first is None or p.last < ctx.dct or ctx.tense(c) == "past":
        # a quarter not over yet ("a fourth-quarter charge" in October) has no results to compare
        # with a year before; the one being reported on stays the reference
        note_quarter(ctx, p, c.start)
    start = c.start
    if det in ("the", "its", "their") and not rel and ctx.text[c.match.end("ord")] == "-":
        start = c.match.start("ord")  # "its third-quarter profit": the adjective alone
    return [Piece(start, c.end, "DATE", p)]


def r_year_period(c: Candidate, ctx: Context) -> list[Piece] | None:
    """ "the 1988 quarter", "the 1989 period": beside quarterly figures, the quarter reported on in
    that year; a period after "the first nine months" is that span, named by its year."""
    y = int(c.group("y"))
    quarter = ctx.ref_quarter if ctx.ref_quarter_at > ctx.ref_longer_at else None
    if c.group("unit").lower() == "quarter":
        if ctx.ref_quarter is None:
            return None
        quarter = ctx.ref_quarter
    elif quarter is not None and c.start - ctx.ref_quarter_at > 600:
        quarter = None
    if quarter is None:
        return [Piece(c.start, c.end, "DATE", model.year(y))]
    return [Piece(c.start, c.end, "DATE", model.quarter(y, int(quarter.value[-1])))]


def r_week_of(c: Candidate, ctx: Context) -> list[Piece] | None:
    """ "the week of March 6": the (ISO) week holding that day."""
    m, d = month_number(c.group("month")), int(re.match(r"\d+", c.group("d")).group(0))
    if c.group("y"):
        y = int(c.group("y"))
    elif ctx.dct is None:
        return None
    else:
        y = year_of_day(m, d, ctx.dct, ctx.tense(c))
    try:
        day = dt.date(y, m, d) if y else None
    except ValueError:
        return None
    return [Piece(c.start, c.end, "DATE", model.week(day))] if day else None


def r_qnum(c: Candidate, ctx: Context) -> list[Piece] | None:
    q = c.group("q")
    y_text = c.group("y")
    if y_text:
        y = int(y_text) if len(y_text) == 4 else two_digit_year(int(y_text[1:]), ctx.dct)
    elif ctx.dct is not None:
        y = ctx.dct.year
    else:
        return [Piece(c.start, c.end, "DATE", unresolved(f"XXXX-{q}", "quarter"), resolved=False)]
    p = model.half(y, int(q[1])) if q[0] == "H" else model.quarter(y, int(q[1]))
    return [Piece(c.start, c.end, "DATE", p)]


_ENDED = re.compile(
    rf"\s+(?:ended|ending|that\s+ended|which\s+ended)\s+(?P<month>{MONTH})\s*\d{{1,2}}(?:,\s*(?P<y>\d{{4}}))?"
)


def r_anaphor(c: Candidate, ctx: Context) -> list[Piece] | None:
    found = _anaphor(c, ctx)
    part = part_of(c.group("part"))
    if found and part:
        # "since the beginning of the year": the part of the period, its value unchanged
        found = [Piece(p.start, p.end, p.type, model.narrow(p.period, part), p.resolved) for p in found]
    return found


def r_anaphor_pod(c: Candidate, ctx: Context) -> list[Piece] | None:
    """ "late that night", "the following morning": a part of the day last named (or the day after it)."""
    det, pod = lower_words(c.group("det")), c.group("pod").lower()
    step = (
        1 if det in ("the next", "the following") else -1 if det in ("the previous", "the preceding") else 0
    )
    suffix = "T" + PARTS_OF_DAY[pod]
    if ctx.dct is None and ctx.ref_day is None:
        return [Piece(c.start, c.end, "TIME", unresolved("XXXX-XX-XX" + suffix, "day"), resolved=False)]
    date = (ctx.ref_day or ctx.dct) + dt.timedelta(days=step)
    ctx.ref_day = date
    return [Piece(c.start, c.end, "TIME", Period(date.isoformat() + suffix, date, date, "day"))]


def _anaphor(c: Candidate, ctx: Context) -> list[Piece] | None:
    det, unit = lower_words(c.group("det")), lower_words(c.group("unit")).removeprefix("fiscal ")
    if ctx.dct is None:
        return None
    if det in ("the latest", "the most recent") and unit not in ("quarter", "period"):
        return None  # "the latest week" says nothing sure
    if det == "the full" and unit not in ("year", "quarter"):
        return None  # "the full day" is a length of time
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
        return [Piece(c.start, c.end, "DATE", model.month(*year_month(model.add_months(base, step))))]
    if unit == "year":
        base = ref if step else dct
        if det == "the" and word_after(ctx.text, c.end).lower() in ("and", "or"):
            return None
        if det in ("that", "that same", "the same") and ctx.ref_year:
            return [
                Piece(c.start, c.end, "DATE", model.year(ctx.ref_year))
            ]  # "that year": the one just named
        return [Piece(c.start, c.end, "DATE", model.year(base.year + step))]
    if unit == "quarter":
        p = ctx.ref_quarter if ctx.ref_quarter is not None else shift_quarter(quarter_of(dct), -1)
        p = shift_quarter(p, step) if step else p
        note_quarter(ctx, p, c.start)
        return [Piece(c.start, c.end, "DATE", p)]
    if unit == "period" and det in ("the latest", "the most recent"):
        # "sales in the latest period": the quarter being reported, else the last one ended
        return [Piece(c.start, c.end, "DATE", ctx.ref_quarter or shift_quarter(quarter_of(dct), -1))]
    if unit == "period" and ctx.ref_quarter is not None and c.start - ctx.ref_quarter_at < 600:
        return [Piece(c.start, c.end, "DATE", ctx.ref_quarter)]
    return None


def r_day_rel(c: Candidate, ctx: Context) -> list[Piece] | None:
    if ctx.dct is None:
        return None
    unit, direction = c.group("unit").lower(), c.group("dir").lower()
    sign = -1 if direction == "before" else 1
    ref = ctx.ref_day or ctx.dct
    if c.group("wd"):
        # "the day before last Tuesday's hearing": counted from that Tuesday
        rel = lower_words(c.group("wrel"))
        ref = weekday_date(WEEKDAYS[c.group("wd").lower()], ctx.dct, None if rel else ctx.tense(c), rel)
    if unit == "day":
        p = model.day(ref + dt.timedelta(days=sign))
    elif unit == "week":
        p = model.week(ref + dt.timedelta(weeks=sign))
    elif unit == "month":
        p = model.month(*year_month(model.add_months(ref, sign)))
    else:
        p = model.year(ref.year + sign)
    return [Piece(c.start, c.end, "DATE", p)]


def r_year_adj(c: Candidate, ctx: Context) -> list[Piece] | None:
    if ctx.dct is None:
        return None
    if c.group("w2"):
        # "the corresponding period last year": the quarter reported on, a year before
        if ctx.ref_quarter is not None and c.start - ctx.ref_quarter_at < 600:
            return [Piece(c.start, c.end, "DATE", shift_quarter(ctx.ref_quarter, -4))]
        return None
    w = lower_words(c.group("w"))
    if "end" in w:
        return [Piece(c.start, c.end, "DATE", model.narrow(model.year(ctx.dct.year), "end"))]
    unit = lower_words(c.group("unit"))
    # "the year-ago results": the adjective alone is the expression
    start = c.match.start("w") if not unit and "-" in w else c.start
    if ctx.ref_quarter is not None and (unit in ("quarter", "period") or c.start - ctx.ref_quarter_at < 400):
        return [Piece(start, c.end, "DATE", shift_quarter(ctx.ref_quarter, -4))]
    return [Piece(start, c.end, "DATE", model.year(ctx.dct.year - 1))]
