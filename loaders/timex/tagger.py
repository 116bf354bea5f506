"""tag(): the grammar's candidates, resolved in text order, as Timex records."""

from __future__ import annotations

import datetime as dt

from loaders.timex.grammar import candidates
from loaders.timex.model import Timex
from loaders.timex.resolve import RESOLVERS, Context, Piece


def pieces(text: str, published: dt.date | None = None) -> list[Piece]:
    """Resolved pieces, leftmost-longest, none overlapping."""
    ctx = Context(text, published)
    kept: list[Piece] = []
    reach = 0
    for c in candidates(text):
        if c.start < reach:
            continue
        found = RESOLVERS[c.kind](c, ctx)
        if not found:
            continue
        kept.extend(found)
        reach = c.end
    return kept


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


def tag(text: str, published: dt.date | None = None) -> list[Timex]:
    """Temporal expressions as TempEval-3 annotates them, each normalised against ``published``.

    >>> [(t.text, t.value) for t in tag("The 11-day drill ended Thursday.", dt.date(2023, 9, 4))]
    [('11-day', 'P11D'), ('Thursday', '2023-08-31')]
    """
    return [to_timex(text, p) for p in pieces(text, published)]
