"""What resolving a candidate works with: the Piece it yields and the Context it reads and updates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from loaders.timex.context import tense
from loaders.timex.grammar import Candidate
from loaders.timex.lexicon import (
    MONTHS,
    PART_WORDS,
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
    shift: int = 0  # "three days later" (+1) / "a week before" (-1): an offset from another date


@dataclass
class Context:
    """What resolution needs beyond the candidate: the text, its date, what was said before."""

    text: str
    dct: dt.date | None
    ref_day: dt.date | None = None  # the last day-precise date mentioned (for "the next day")
    ref_year: int | None = None  # the year of the last date mentioned (for "that year")
    ref_quarter: Period | None = None  # the last quarter mentioned (for "the quarter", "a year earlier")
    ref_quarter_at: int = -(10**9)  # where it was mentioned
    ref_longer_at: int = -(10**9)  # where a span of several quarters was last named ("the nine months")

    def tense(self, c: Candidate) -> str | None:
        return tense(self.text, c.start, c.end)


def lower_words(s: str | None) -> str:
    """Lower case, single spaces ("The  Next" -> "the next")."""
    return " ".join((s or "").lower().split())


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def unresolved(value: str, precision: str | None) -> Period:
    """A period that needs the publication date to be placed ("XXXX-07-29")."""
    return Period(value, None, None, precision)


def part_of(word: str | None) -> str | None:
    """ "early", "mid", "late", "start" or "end" for a modifier such as "the end of" or "mid-"."""
    if not word:
        return None
    w = lower_words(word)
    for key, part in PART_WORDS.items():
        if key in w.split() or w.startswith(key):
            return part
    return None


def year_month(d: dt.date) -> tuple[int, int]:
    return d.year, d.month


def note_quarter(ctx: Context, p: Period, at: int) -> None:
    """Remember the quarter just mentioned, for "the quarter" and "a year earlier" after it."""
    ctx.ref_quarter, ctx.ref_quarter_at = p, at


def note_longer_period(ctx: Context) -> None:
    """A span of several quarters was just named ("the first nine months", "the first half"): a
    "year earlier" after it compares that span, not the quarter named before it."""
    ctx.ref_quarter_at = -(10**9)
