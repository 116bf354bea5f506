"""tag(): the grammar's candidates, resolved in text order, as Timex records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from loaders.timex.grammar import candidates
from loaders.timex.model import Timex
from loaders.timex.resolve import RESOLVERS
from loaders.timex.state import Context, Piece

CHUNK = 100_000  # characters tagged at a time: memory stays flat on a 50 MB text


def chunks(text: str, size: int = CHUNK) -> Iterator[tuple[int, int]]:
    """(start, stop) of consecutive stretches of about ``size`` characters, cut at a line end (else
    a space) so that no expression is split."""
    start = 0
    while start < len(text):
        stop = start + size
        if stop >= len(text):
            yield start, len(text)
            return
        cut = text.find("\n", stop, stop + 10_000)
        if cut < 0:
            cut = text.find(" ", stop, stop + 10_000)
        stop = cut + 1 if cut >= 0 else stop
        yield start, stop
        start = stop


def iter_pieces(text: str, published: dt.date | None = None) -> Iterator[Piece]:
    """Resolved pieces in text order, leftmost-longest, none overlapping."""
    ctx = Context(text, published)
    for start, stop in chunks(text):
        reach = start
        for c in candidates(text, start, stop):
            if c.start < reach:
                continue
            try:
                found = RESOLVERS[c.kind](c, ctx)
            except (ValueError, OverflowError):
                continue  # the date would fall outside the calendar (years 1 to 9999)
            if not found:
                continue
            yield from found
            reach = max([c.end] + [p.end for p in found])  # a resolver may take in more ("Monday last week")


def pieces(text: str, published: dt.date | None = None) -> list[Piece]:
    return list(iter_pieces(text, published))


def to_timex(text: str, p: Piece) -> Timex:
    return Timex(
        start=p.start,
        end=p.end,
        text=text[p.start : p.end],
        type=p.type,
        value=p.period.value,
        first=p.period.first,
        last=p.period.last,
        precision=p.period.precision,
        resolved=p.resolved,
    )


def iter_tag(text: str, published: dt.date | None = None) -> Iterator[Timex]:
    """tag(), one Timex at a time (for long texts)."""
    for p in iter_pieces(text, published):
        yield to_timex(text, p)


def tag(text: str, published: dt.date | None = None) -> list[Timex]:
    """Temporal expressions as TempEval-3 annotates them, each normalised against ``published``.

    >>> [(t.text, t.value) for t in tag("The 11-day drill ended Thursday.", dt.date(2023, 9, 4))]
    [('11-day', 'P11D'), ('Thursday', '2023-08-31')]
    """
    return [to_timex(text, p) for p in pieces(text, published)]
