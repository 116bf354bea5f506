"""The dashboard's filters: plain pandas on the events table, and a sentence saying what they did.

>>> from events.default import default_timeline
>>> events = default_timeline()
>>> f = Filters(countries=("PRK", "RUS"), types=("meeting",), start=dt.date(2023, 7, 1), end=dt.date(2023, 9, 30))
>>> shown = apply(events, f)
>>> describe(f, shown=len(shown), total=len(events))
'Showing 2 of 14 events: countries North Korea or Russia; type Meeting; from 2023-07-01 to 2023-09-30'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from functools import cache

import numpy as np
import pandas as pd

from events.schema import MODALITIES
from events.taxonomy import label as type_label

TEXT_COLUMNS = ("title", "description", "evidence")


@dataclass(frozen=True)
class Filters:
    """What the user asked to see. Empty tuples and None mean "no filter on this"."""

    countries: tuple[str, ...] = ()  # ISO 3166-1 alpha-3; an event matches if any of its countries is here
    types: tuple[str, ...] = ()  # event type names (taxonomy keys)
    start: dt.date | None = None  # first day shown
    end: dt.date | None = None  # last day shown, inclusive
    modalities: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    text: str = ""  # words that must all appear in the title, description or evidence

    def is_empty(self) -> bool:
        return self == Filters()


@cache
def country_label(code: str) -> str:
    """A country's name for the UI; the code itself when the name is unknown."""
    try:
        from events.countries import country_name

        return country_name(code) or code
    except (ImportError, KeyError, LookupError, ValueError):
        return code


def _any_in(lists: pd.Series, wanted: tuple[str, ...]) -> np.ndarray:
    want = set(wanted)
    return np.fromiter(
        (bool(want.intersection(v)) if isinstance(v, (list, tuple, np.ndarray)) else False for v in lists),
        dtype=bool,
        count=len(lists),
    )


def date_mask(events: pd.DataFrame, start: dt.date | None, end: dt.date | None) -> np.ndarray:
    """Events whose period [start, end] overlaps the days from `start` to `end` (both whole days).

    An event known only to the month or year has a period from its first to its last second, so it
    counts when any part of that period falls in the range. Undated events never match a date filter.
    """
    n = len(events)
    if start is None and end is None:
        return np.ones(n, dtype=bool)
    ev_start, ev_end = events["start"], events["end"].fillna(events["start"])
    mask = ev_start.notna().to_numpy().copy()
    if end is not None:
        # the whole end day: anything starting before the next midnight
        mask &= (ev_start < pd.Timestamp(end) + pd.Timedelta(days=1)).to_numpy()
    if start is not None:
        mask &= (ev_end >= pd.Timestamp(start)).to_numpy()
    return mask


def text_mask(events: pd.DataFrame, text: str) -> np.ndarray:
    """Events whose title, description or evidence contain every word of `text` (any case)."""
    words = text.casefold().split()
    if not words:
        return np.ones(len(events), dtype=bool)
    haystack = events[TEXT_COLUMNS[0]].fillna("").astype("str")
    for c in TEXT_COLUMNS[1:]:
        if c in events:
            haystack = haystack + "\n" + events[c].fillna("").astype("str")
    haystack = haystack.str.casefold()
    mask = np.ones(len(events), dtype=bool)
    for w in words:
        mask &= haystack.str.contains(w, regex=False).to_numpy(dtype=bool)
    return mask


def mask(events: pd.DataFrame, filters: Filters) -> np.ndarray:
    """A boolean mask of the events that pass every filter."""
    m = np.ones(len(events), dtype=bool)
    if filters.countries:
        m &= _any_in(events["countries"], filters.countries)
    if filters.types:
        m &= events["event_type"].astype("object").isin(filters.types).to_numpy()
    if filters.modalities:
        m &= events["modality"].astype("object").isin(filters.modalities).to_numpy()
    if filters.sources:
        m &= events["source"].astype("object").isin(filters.sources).to_numpy()
    if filters.start is not None or filters.end is not None:
        m &= date_mask(events, filters.start, filters.end)
    if filters.text.strip():
        m &= text_mask(events, filters.text)
    return m


def apply(events: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The events that pass every filter, in their original order."""
    if filters.is_empty():
        return events
    return events[mask(events, filters)]


def _either(items: list[str], word: str = "or") -> str:
    if len(items) <= 2:
        return f" {word} ".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def describe(filters: Filters, *, shown: int, total: int) -> str:
    """One sentence: how many events are shown out of how many, and in words which filters are on."""
    head = f"Showing {shown:,} of {total:,} {_plural(total, 'event', 'events')}"
    parts = []
    if filters.countries:
        names = [country_label(c) for c in filters.countries]
        parts.append(f"{_plural(len(names), 'country', 'countries')} {_either(names)}")
    if filters.types:
        parts.append(
            f"{_plural(len(filters.types), 'type', 'types')} {_either([type_label(t) for t in filters.types])}"
        )
    if filters.start and filters.end:
        parts.append(f"from {filters.start.isoformat()} to {filters.end.isoformat()}")
    elif filters.start:
        parts.append(f"from {filters.start.isoformat()}")
    elif filters.end:
        parts.append(f"up to {filters.end.isoformat()}")
    if filters.modalities:
        parts.append(
            f"{_plural(len(filters.modalities), 'modality', 'modalities')} {_either(list(filters.modalities))}"
        )
    if filters.sources:
        parts.append(f"{_plural(len(filters.sources), 'source', 'sources')} {_either(list(filters.sources))}")
    if filters.text.strip():
        parts.append(f'text "{filters.text.strip()}"')
    return head + (": " + "; ".join(parts) if parts else " (no filters)")


def options(events: pd.DataFrame) -> dict[str, list[str]]:
    """The values each list filter can take, from the data: countries, types, modalities, sources."""
    countries = sorted(
        {c for v in events["countries"] if isinstance(v, (list, tuple, np.ndarray)) for c in v},
        key=country_label,
    )
    present_types = set(events["event_type"].dropna().astype("object"))
    cats = list(events["event_type"].cat.categories) if hasattr(events["event_type"], "cat") else []
    types = [t for t in cats if t in present_types] or sorted(present_types)
    modalities = [m for m in MODALITIES if m in set(events["modality"].dropna().astype("object"))]
    sources = sorted({s for s in events["source"].dropna().astype("object") if s})
    return {"countries": countries, "types": types, "modalities": modalities, "sources": sources}


def date_bounds(events: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """The first and last day any event touches; None when no event has a date."""
    starts = events["start"].dropna()
    if starts.empty:
        return None
    ends = events["end"].fillna(events["start"]).dropna()
    return starts.min().date(), max(ends.max(), starts.max()).date()


FILTER_FIELDS = tuple(f.name for f in fields(Filters))
