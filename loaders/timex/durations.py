"""Resolvers for durations and sets: "11-day", "the past two months", "for years", "daily", "every
Friday"."""

from __future__ import annotations

import re

from loaders.timex.context import a_title, word_after, word_before
from loaders.timex.grammar import Candidate
from loaders.timex.lexicon import (
    MONTHS,
    PARTS_OF_DAY,
    SEASONS,
    UNITS,
    WEEKDAYS,
    number_value,
)
from loaders.timex.model import Period
from loaders.timex.state import Context, Piece, lower_words


def unit_letter(unit: str) -> str:
    u = unit.lower()
    u = u[:-3] + "y" if u.endswith("ies") else u.rstrip("s") if u not in ("hours",) else "hour"
    return UNITS.get(u.rstrip("s"), UNITS.get(u, "D"))


def duration_value(n: float | None, letter: str) -> str:
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


_SET_BEFORE = {"once", "twice", "thrice", "times", "percent", "cent", "%", "per"}


def r_duration(c: Candidate, ctx: Context) -> list[Piece] | None:
    raw_n = lower_words(c.group("n"))
    unit = c.group("unit").lower()
    letter = unit_letter(unit)
    n = number_value(raw_n)
    if a_title(ctx.text, c.start, c.match.start("unit")):
        return None
    if letter == "S" and (raw_n in ("a", "an", "one") or unit == "second"):
        return None  # "a second term" is an ordinal, not one second
    if raw_n in ("a", "an") and not c.group("lim") and not c.group("mod"):
        before = word_before(ctx.text, c.start).lower()
        if before in _SET_BEFORE or re.search(
            r"(?:\d|illion|%)\s*$", ctx.text[max(0, c.start - 12) : c.start]
        ):
            value = duration_value(1, letter)
            return [Piece(c.start, c.end, "SET", Period(value, None, None, None))]
    digits = raw_n.replace(",", "")
    if re.fullmatch(r"[0-9]+", digits) and (
        int(digits) > 5000 or len(raw_n) == 4 and raw_n[:2] in ("19", "20")
    ):
        return None  # "the 1988 quarter" is a date; counts that large are not durations
    if n is None and re.fullmatch(r"\d+\s+1/2", raw_n):
        n = int(raw_n.split()[0]) + 0.5
    if re.search(r"and[\s-]+a[\s-]+half", c.match.group(0), re.I) and n is not None:
        n = n + 0.5
    adj = lower_words(c.group("adj"))
    if adj.endswith("old") or word_after(ctx.text, c.end).lower() == "old":
        return None  # ages ("a 6-year-old boy", "52 years old") are not temporal expressions in TimeML
    if letter == "Q" and n is not None and word_after(ctx.text, c.end).lower() == "of":
        return None  # "three-quarters of" is a fraction ("several quarters of losses" is not)
    start = c.start
    adjective = re.match(r"\S+[-\s]", ctx.text[c.match.start("n") : c.match.end("unit")])
    if (
        adjective
        and not c.group("lim")
        and (lower_words(c.group("det")) in ("a", "an") or "-" in adjective.group(0))
    ):
        # "an 11-day exercise": the adjective is the expression, the article belongs to the noun
        start = c.match.start("mod") if c.group("mod") else c.match.start("n")
    value = duration_value(n, letter)
    if letter == "M" and n in (6, 9) and lower_words(c.group("det")) == "the":
        ctx.ref_longer_at = c.start  # "in the first nine months ... in the 1988 period"
    return [Piece(start, c.end, "DURATION", Period(value, None, None, None), unit=letter, count=n)]


def r_vague_duration(c: Candidate, ctx: Context) -> list[Piece] | None:
    unit = c.group("unit").lower()
    if not unit.endswith("s") or unit.endswith("ss"):
        return None
    lim = lower_words(c.group("lim"))
    det = lower_words(c.group("det"))
    start = c.start if det not in ("for", "over", "in") else c.match.start("lim")
    letter = unit_letter(unit)
    if lim == "recent" and letter == "Y":
        return [Piece(start, c.end, "DATE", Period("PAST_REF", None, ctx.dct, None))]
    return [
        Piece(start, c.end, "DURATION", Period(duration_value(None, letter), None, None, None), unit=letter)
    ]


def r_ahead(c: Candidate, ctx: Context) -> list[Piece] | None:
    """ "in the weeks ahead": a vague stretch of time from now on."""
    letter = unit_letter(c.group("unit"))
    return [
        Piece(c.start, c.end, "DURATION", Period(duration_value(None, letter), None, None, None), unit=letter)
    ]


def r_for_units(c: Candidate, ctx: Context) -> list[Piece] | None:
    letter = unit_letter(c.group("unit"))
    return [
        Piece(c.start, c.end, "DURATION", Period(duration_value(None, letter), None, None, None), unit=letter)
    ]


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
    return [Piece(c.start, c.end, "SET", Period(duration_value(n, unit_letter(unit)), None, None, None))]
