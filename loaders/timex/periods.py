"""periods(): the event-oriented view of a text's dates, for the article extractor.

Where tag() follows TimeML and marks "Sept. 1" and "Sept. 7" apart, periods() joins a range into
one Timex ("Sept. 1 through Sept. 7", "between May and June", "1950-53", "Sept. 1-7"), and turns a
duration anchored by a date into the days it covers: "an 11-day exercise that ended Thursday" is
the 11 days ending that Thursday, "a four-day exercise in July" is July, and a "19-month-long war"
still being fought ends at publication. Durations with no anchor and sets are left out: they are
not periods. A range's value is an ISO 8601 interval ("2023-09-01/2023-09-07").
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from loaders.timex import model
from loaders.timex.anchoring import shift_period
from loaders.timex.context import FUTURE_WORDS, tense
from loaders.timex.model import Period, Timex
from loaders.timex.state import Piece
from loaders.timex.tagger import pieces, to_timex

_CONNECTOR = re.compile(r"\s*(?:through|thru|to|until|till|and|[-–—]|to\s+the\s+end\s+of)\s*$", re.IGNORECASE)
_OPENER = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
# "Sept. 1-7", "Aug. 21 to 31": the second day of a range within one month
_DAY_TAIL = re.compile(
    r"\s*(?:[-–]|to|through|thru|until|till)\s*(\d{1,2})\b(?![-/\d]|\s*(?:%|percent|per\s+cent|times)\b)",
    re.IGNORECASE,
)
_END_CUES = re.compile(
    r"\b(?:ended|ending|ends|end|wrapped\s+up|wraps\s+up|wrapping\s+up|concluded|concludes|finished|closed|"
    r"culminated|completed|through|until|till|wound\s+down)\b",
    re.IGNORECASE,
)
_START_CUES = re.compile(
    r"\b(?:began|begins|beginning|begin|started|starts|starting|start|launched|launches|kicked\s+off|"
    r"opened|opens|opening|commenced|from|since)\b",
    re.IGNORECASE,
)
_CLAUSE_MARK = re.compile(r"[,;:()\u2014\u2013]|\s-\s")
_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"'\u201c]?[A-Z])|\n\s*\n")
ANCHORABLE = ("day", "week", "month", "quarter", "year", "time")
# how far (in characters) from a duration its anchor may be: the rough sentence split finds no end
# in text without punctuation, and a window bounded only by sentences made the search quadratic
REACH = 400


def _sentences(text: str) -> list[int]:
    """Start offsets of sentences (a rough split is enough to keep anchors near their durations)."""
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def _sentence_of(starts: list[int], pos: int) -> int:
    return bisect.bisect_right(starts, pos) - 1


def _span_days(first: dt.date, n: float, unit: str) -> dt.date | None:
    """The day n units after first, minus one (the last day of a period of that length)."""
    if n is None or n != int(n) or n <= 0:
        return None
    n = int(n)
    if unit == "D":
        return first + dt.timedelta(days=n - 1)
    if unit == "W":
        return first + dt.timedelta(weeks=n) - dt.timedelta(days=1)
    if unit == "M":
        return model.add_months(first, n) - dt.timedelta(days=1)
    if unit == "Y":
        return model.add_months(first, 12 * n) - dt.timedelta(days=1)
    return None


def _back_days(last: dt.date, n: float, unit: str) -> dt.date | None:
    if n is None or n != int(n) or n <= 0:
        return None
    n = int(n)
    if unit == "D":
        return last - dt.timedelta(days=n - 1)
    if unit == "W":
        return last - dt.timedelta(weeks=n) + dt.timedelta(days=1)
    if unit == "M":
        return model.add_months(last, -n) + dt.timedelta(days=1)
    if unit == "Y":
        return model.add_months(last, -12 * n) + dt.timedelta(days=1)
    return None


def _merge_ranges(text: str, ps: list[Piece]) -> list[Piece]:
    out: list[Piece] = []
    i = 0
    while i < len(ps):
        a = ps[i]
        b = ps[i + 1] if i + 1 < len(ps) else None
        if a.type == "DATE" and a.period.first is not None:
            tail = _DAY_TAIL.match(text, a.end)
            if a.period.precision == "day" and tail and (b is None or b.start >= tail.end()):
                day = int(tail.group(1))
                try:
                    end_day = a.period.first.replace(day=day)
                except ValueError:
                    end_day = None
                if end_day and end_day > a.period.first:
                    opener = _OPENER.search(text, max(0, a.start - 12), a.start)
                    if opener:
                        a = Piece(opener.start(), a.end, a.type, a.period, a.resolved)
                    out.append(_range(text, a, model.day(end_day), tail.end(), a.resolved))
                    i += 1
                    continue
            if b is not None and b.type == "DATE" and b.period.first is not None:
                between = text[a.end : b.start]
                opener = _OPENER.search(text, max(0, a.start - 12), a.start)
                connector = _CONNECTOR.match(between)
                if connector and (not between.strip().lower() == "and" or opener):
                    period = b.period
                    if period.precision == "day" and 0 < (a.period.first - period.last).days < 7:
                        # "Monday to Wednesday": the Wednesday after that Monday
                        period = model.day(period.first + dt.timedelta(days=7))
                    elif (
                        period.last < a.period.first
                        and a.period.first.year == period.last.year
                        and period.precision == "day"
                        and period.first.year < model.MAX_YEAR
                    ):
                        period = model.day(period.first.replace(year=period.first.year + 1))
                    if period.last >= a.period.first:
                        start = opener.start() if opener else a.start
                        out.append(
                            _range(
                                text,
                                Piece(start, a.end, a.type, a.period, a.resolved),
                                period,
                                b.end,
                                a.resolved and b.resolved,
                            )
                        )
                        i += 2
                        continue
        out.append(a)
        i += 1
    return out


def _range(text: str, a: Piece, b: Period, end: int, resolved: bool) -> Piece:
    value = f"{a.period.value}/{b.value}"
    precision = a.period.precision if a.period.precision == b.precision else b.precision
    return Piece(a.start, end, "DATE", Period(value, a.period.first, b.last, precision), resolved)


def _anchor(
    text: str, ps: list[Piece], k: int, starts: list[int], offsets: list[int]
) -> tuple[int, str] | None:
    """(index of the date anchoring duration ps[k], "end"|"start"|"within"), or None.

    Only dates in the duration's sentence or the one before count, and none more than REACH
    characters away (found by bisection, so long texts stay linear)."""
    d = ps[k]
    here = _sentence_of(starts, d.start)
    first = bisect.bisect_left(offsets, max(starts[max(here - 1, 0)], d.start - REACH))
    stop = starts[here + 1] if here + 1 < len(starts) else len(text)
    last = bisect.bisect_left(offsets, min(stop, d.end + REACH))
    best = None
    for j in range(first, last):
        p = ps[j]
        if (
            j == k
            or p.type not in ("DATE", "TIME")
            or p.period.first is None
            or p.period.precision not in ANCHORABLE
        ):
            continue
        if "/" in p.period.value:
            continue
        s = _sentence_of(starts, p.start)
        if s not in (here, here - 1):
            continue
        lo = max(starts[s], p.start - 40)
        hi = min(starts[s + 1] if s + 1 < len(starts) else len(text), p.end + 25)
        # the cue must be in the date's own clause: in "said on Monday, a step toward ending a
        # four-year standoff" the ending is the standoff's, not Monday's
        cut = _CLAUSE_MARK.search(text, p.end, hi)
        hi = cut.start() if cut else hi
        lo = max([lo] + [m.end() for m in _CLAUSE_MARK.finditer(text, lo, p.start)])
        window = text[lo:hi]
        role = "end" if _END_CUES.search(window) else "start" if _START_CUES.search(window) else None
        if s != here and role is None:
            continue
        if role is None:
            if p.period.precision in ("day", "time", "week"):
                continue
            role = "within"
        score = (s != here, abs(p.start - d.start))
        if best is None or score < best[0]:
            best = (score, j, role)
    return (best[1], best[2]) if best else None


def _previous_day(ps: list[Piece], k: int, starts: list[int], offsets: list[int]) -> Piece | None:
    """The last day-precise date before ps[k], in its sentence or the one before."""
    here = _sentence_of(starts, ps[k].start)
    first = bisect.bisect_left(offsets, max(starts[max(here - 1, 0)], ps[k].start - REACH))
    for j in range(k - 1, first - 1, -1):
        p = ps[j]
        if (
            p.type in ("DATE", "TIME")
            and p.period.precision in ("day", "time")
            and p.period.first
            and "/" not in p.period.value
        ):
            return p
    return None


# "N days after <what>" (not "N days later"): dates <what> from the date of its main clause
TRAILING_RELATION = re.compile(r"\s+(?:after|before)\s+(?!that\b|this\b|then\b)", re.IGNORECASE)
_IN_FUTURE = re.compile(r"\bin\s+$", re.IGNORECASE)
# "the largest exercises in five years", "the first visit in a decade": a superlative (or "first",
# "only") at most six words before "in" makes the span a look back, not a date ahead
_SUPERLATIVE = re.compile(
    r"\b(?:(?P<est>[a-z]{2,}est)|most|least|first|only|fewest|worst|best)\b(?P<gap>(?:\s+[\w'-]+){0,6}?)\s+in\s+$",
    re.IGNORECASE,
)
# words ending in -est that are not superlatives
NOT_SUPERLATIVE = {"interest", "protest", "request", "suggest", "forest", "arrest", "honest", "contest", "harvest",
                    "modest", "manifest", "invest", "digest", "conquest", "quest", "unrest", "midwest", "southwest",
                    "northwest", "attest", "detest", "behest", "inquest", "bequest", "earnest", "priest", "rest",
                    "test", "west", "nest", "guest", "chest", "vest", "pest", "crest", "zest", "jest"}  # fmt: skip
_FUTURE_VERB = re.compile(r"\b(?:will|would|shall|could|may|might|to|be)\b|'ll\b", re.IGNORECASE)


def _looks_back(text: str, start: int, starts: list[int]) -> bool:
    """True when "in" before text[start:] follows a superlative of its own phrase."""
    lo = max(starts[_sentence_of(starts, start)], start - 120)
    m = _SUPERLATIVE.search(text, lo, start)
    if m is None or (m.group("est") and m.group("est").lower() in NOT_SUPERLATIVE):
        return False
    gap = m.group("gap")
    # "the first plant will open in two years", "the largest bank opens a branch in two years"
    return not _FUTURE_VERB.search(gap) and not set(gap.lower().split()) & FUTURE_WORDS


_AHEAD = {
    "D": lambda d, n: model.day(d + dt.timedelta(days=n)),
    "W": lambda d, n: model.week(d + dt.timedelta(weeks=n)),
    "M": lambda d, n: model.month(model.add_months(d, n).year, model.add_months(d, n).month),
    "Y": lambda d, n: model.year(d.year + n),
}


def _anchor_durations(text: str, ps: list[Piece], published: dt.date | None) -> list[Piece]:
    starts = _sentences(text)
    offsets = [p.start for p in ps]
    consumed: set[int] = set()
    replaced: dict[int, Piece] = {}
    for k, d in enumerate(ps):
        if d.type != "DURATION" or d.count is None or d.unit not in ("D", "W", "M", "Y"):
            continue
        if d.shift:
            # "resumed three days later": that far from the last date named before it
            anchor = _previous_day(ps, k, starts, offsets)
            if anchor is not None and d.count == int(d.count):
                shift = d.shift
                if (
                    TRAILING_RELATION.match(text, d.end)
                    and _sentence_of(starts, anchor.start) == _sentence_of(starts, d.start)
                    and "," in text[anchor.end : d.start]
                ):
                    # "said on Saturday, a day after warplanes struck": the strike is the day before
                    shift = -shift
                base = anchor.period.last if shift > 0 else anchor.period.first
                p = shift_period(base, shift * int(d.count), d.unit)
                if p is not None:
                    replaced[k] = Piece(d.start, d.end, "DATE", p, anchor.resolved)
            continue
        in_units = _IN_FUTURE.search(text, max(0, d.start - 8), d.start)
        if in_units and _looks_back(text, d.start, starts):
            continue  # a span to compare with, which dates nothing
        if published and in_units and d.count == int(d.count):
            # "Kim will visit in four years": the time that far after publication
            p = _AHEAD[d.unit](published, int(d.count))
            replaced[k] = Piece(d.start, d.end, "DATE", p)
            continue
        found = _anchor(text, ps, k, starts, offsets)
        if found is None:
            long_adjective = re.search(r"-long\b|\blong\b", text[d.start : d.end + 5])
            if long_adjective and published and tense(text, d.start, d.end) != "past":
                first = _back_days(published, d.count, d.unit)
                if first:
                    replaced[k] = Piece(
                        d.start, d.end, "DATE", Period(f"{first}/{published}", first, published, "day")
                    )
            continue
        j, role = found
        a = ps[j]
        if role == "within":
            first, last = a.period.first, a.period.last
            period = Period(a.period.value, first, last, a.period.precision)
        elif role == "end":
            last = a.period.last
            first = _back_days(last, d.count, d.unit)
            period = Period(f"{first}/{last}", first, last, "day") if first else None
        else:
            first = a.period.first
            last = _span_days(first, d.count, d.unit)
            period = Period(f"{first}/{last}", first, last, "day") if last else None
        if period is None:
            continue
        same_sentence = _sentence_of(starts, a.start) == _sentence_of(starts, d.start)
        if same_sentence:
            replaced[k] = Piece(min(a.start, d.start), max(a.end, d.end), "DATE", period, a.resolved)
            consumed.add(j)
        else:
            replaced[k] = Piece(d.start, d.end, "DATE", period, a.resolved)
    out = []
    for k, p in enumerate(ps):
        if k in consumed and k not in replaced:
            continue
        p = replaced.get(k, p)
        if p.type in ("DURATION", "SET"):
            continue
        out.append(p)
    return out


def periods(text: str, published: dt.date | None = None) -> list[Timex]:
    """Ranges and anchored durations as single Timexes (see the module docstring).

    >>> [(t.text, t.value) for t in periods("Drills ran Sept. 1 through Sept. 7.", dt.date(2023, 9, 4))]
    [('Sept. 1 through Sept. 7', '2023-09-01/2023-09-07')]
    """
    ps = _merge_ranges(text, pieces(text, published))
    try:
        ps = _anchor_durations(text, ps, published)
    except (ValueError, OverflowError):  # an anchored range beyond the calendar (years 1 to 9999)
        ps = [p for p in ps if p.type not in ("DURATION", "SET")]
    return [to_timex(text, p) for p in sorted(ps, key=lambda p: (p.start, p.end))]
