"""What the page draws for a filter change, from a pandas table or an events store, at any size.

Small tables (at most `LOD_THRESHOLD` events) take the plain pandas path (`dashboard.filters`), as
they always did. Larger ones, and Parquet stores (`loaders.store`), are asked through
`dashboard.scale_query.EventQuery` (DuckDB, filters pushed down): when more than the threshold
match, the timeline and the map are drawn as density (`dashboard.scale_lod`), each mark saying how
many events it stands for; at or below it the normal figures draw the events one by one.

>>> from events.default import default_timeline
>>> from dashboard.filters import Filters
>>> r = draw(default_timeline(), Filters(countries=("RUS",)), lanes="type")
>>> r.matched, r.total, r.aggregated, sorted(r.charts)
(9, 14, False, ['counts', 'map', 'timeline'])
"""

from __future__ import annotations

import os
import threading
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from dashboard import figures
from dashboard import filters as flt
from dashboard.scale_lod import density_timeline, lod_figures
from dashboard.scale_query import LOD_THRESHOLD, EventQuery, QueryError
from events.schema import concat

__all__ = ["LOD_THRESHOLD", "Result", "density_note", "draw", "needs_query", "source_args"]

Source = EventQuery | pd.DataFrame
# One EventQuery serves every session of the server, and a DuckDB connection (with its temporary
# tables and the query's own cache) takes one query at a time: sessions take turns.
_LOCKS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_LOCKS_LOCK = threading.Lock()


def _lock(q: EventQuery) -> threading.Lock:
    with _LOCKS_LOCK:
        return _LOCKS.setdefault(q, threading.Lock())


def _events(q: EventQuery, filters: flt.Filters) -> pd.DataFrame:
    with _lock(q):
        return q.events(filters)


@dataclass(frozen=True)
class Result:
    """One filter change's answer: counts, the three charts, and the events when few enough match."""

    matched: int
    total: int
    charts: dict[str, go.Figure]  # timeline, map, counts
    events: pd.DataFrame | None  # the matching events one by one; None when drawn as density
    fetch: Callable[[], pd.DataFrame]  # every matching event (for the data exports), read when called

    @property
    def aggregated(self) -> bool:
        return self.events is None


def source_args(args: Sequence[str], environ: os._Environ | dict) -> tuple[str | None, list[str]]:
    """(events store folder or None, event files) from the command line and EVENTS_STORE.

    A directory after `--` is a store; EVENTS_STORE names one when no directory is given.
    """
    stores = [a for a in args if os.path.isdir(a)]
    files = [a for a in args if not os.path.isdir(a)]
    if len(stores) > 1:
        raise QueryError(f"give one events store folder, not {len(stores)}: {', '.join(stores)}")
    store = stores[0] if stores else (environ.get("EVENTS_STORE") or None)
    if store is not None and not os.path.isdir(store):
        raise QueryError(f"EVENTS_STORE={store}: no such folder (an events store written by loaders.store)")
    return store, files


def needs_query(events: pd.DataFrame) -> bool:
    """Whether a table is large enough to be asked through DuckDB rather than filtered in pandas."""
    return len(events) > LOD_THRESHOLD


def options(source: Source) -> dict[str, list[str]]:
    if isinstance(source, EventQuery):
        with _lock(source):
            return source.options()
    return flt.options(source)


def date_bounds(source: Source):
    return source.date_bounds() if isinstance(source, EventQuery) else flt.date_bounds(source)


def total(source: Source) -> int:
    return source.total if isinstance(source, EventQuery) else len(source)


def _lane(lanes: str) -> str:
    return "countries" if lanes == "country" else "event_type"


def _normal(events: pd.DataFrame, lanes: str) -> dict[str, go.Figure]:
    return {
        "timeline": figures.timeline(events, lanes=lanes),
        "map": figures.event_map(events),
        "counts": figures.counts(events),
    }


def density_note(matched: int, threshold: int = LOD_THRESHOLD) -> str:
    """The line that says the view is aggregated, and how to see the events themselves."""
    return f"Drawn as density: {matched:,} events; filter to {threshold:,} or fewer to see them one by one."


def draw(source: Source, filters: flt.Filters, *, lanes: str = "country") -> Result:
    """The view of `source` through `filters`: a DataFrame is filtered in pandas, an EventQuery in
    DuckDB, with density figures when more than `LOD_THRESHOLD` events match."""
    if isinstance(source, pd.DataFrame):
        shown = flt.apply(source, filters)
        return Result(len(shown), len(source), _normal(shown, lanes), shown, lambda: shown)
    lane = _lane(lanes)
    try:
        with _lock(source):
            view = source.view(filters, lane=lane)
    except QueryError:  # a range that ends before it starts: nothing matches (the page says why)
        empty = concat([])
        return Result(0, source.total, _normal(empty, lanes), empty, lambda: empty)
    figs = lod_figures(view, lane=lane)
    if figs is None:
        events = view.events
        return Result(view.matched, view.total, _normal(events, lanes), events, lambda: events)
    # the counts chart as the normal one draws it: stacked by type, some 10 to 80 bars per type
    lo, hi = filters.start or source.span[0], filters.end or source.span[1]
    unit = (
        figures.pick_freq(pd.Timestamp(lo), pd.Timestamp(hi)) if lo is not None and hi is not None else "year"
    )
    with _lock(source):
        per_type = source.view(filters, lane="event_type", unit=unit)
    counts = density_timeline(per_type.timeline, unit=unit, style="bars", matched=view.matched)
    charts = {"timeline": figs[0], "map": figs[1], "counts": counts}
    return Result(view.matched, view.total, charts, None, lambda: _events(source, filters))


def store_label(path: str) -> str:
    return f"the events store {Path(path).name or path}"
