"""Filters and aggregates over large event tables with DuckDB (embedded, no server).

The dashboard's normal path filters a pandas table and draws one mark per event. Past a few
thousand matching events that stops being useful or fast, so this module asks DuckDB for small
answers instead: how many events match, counts per time bin and lane, counts per place, counts per
type, and the individual events only when few enough match. Filters and aggregation run inside
DuckDB, over a Parquet store (`loaders.store`, read where it lies, pruning year/month folders) or
over an in-memory table (a DataFrame or Arrow table, read without copying).

>>> import pandas as pd
>>> from events.schema import validate
>>> ev = validate(pd.DataFrame({"title": ["Summit", "Drill", "Launch"],
...     "start": ["2019-04-25", "2023-08-21", "2023-08"], "end": ["", "2023-08-31", ""],
...     "countries": ["PRK;RUS", "KOR;USA", "PRK"], "event_type": ["meeting", "military_exercise", "weapons_test"]})).events
>>> q = EventQuery(ev)
>>> q.count(Filters(countries=("PRK",))), q.count(Filters(start="2023-08-25", end="2023-09-30"))
(2, 2)
>>> q.by_type(Filters(countries=("USA", "RUS")))["event_type"].tolist()
['meeting', 'military_exercise']
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import NamedTuple

import duckdb
import pandas as pd
import pyarrow as pa

from events.schema import COLUMNS, MODALITIES
from loaders.store import compact, from_arrow, parquet_glob

__all__ = ["EventQuery", "Filters", "View", "compact", "time_bin", "LOD_THRESHOLD"]

# Above this many matching events the views draw density instead of one mark per event. See
# dashboard/scale_lod.py for the measurement behind the number.
LOD_THRESHOLD = 5_000
BIN_UNITS = ("day", "week", "month", "quarter", "year")
MAX_BINS = 800  # a heat strip or bar chart stays readable (and small) below this many columns
# Columns kept in memory when a store is materialised: all but the long texts, which stay on disk
# and are read only to search them or to show individual events.
LEAN = (
    "start",
    "end",
    "event_type",
    "modality",
    "source",
    "countries",
    "location",
    "latitude",
    "longitude",
)


class QueryError(ValueError):
    """A filter value the query cannot use; the message says what would be accepted."""


@dataclass(frozen=True)
class Filters:
    """What the user asked for. Empty means "no filter". Dates are whole days, both inclusive; an
    event counts when its [start, end] period overlaps the range (a July 2023 event is in a range
    ending 1 July 2023). Every word of the text must appear in the title, description or evidence,
    in any case. The same fields as `dashboard.filters.Filters`: EventQuery takes either."""

    countries: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    start: dt.date | str | None = None
    end: dt.date | str | None = None
    modalities: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    text: str = ""
    extra: dict = field(default_factory=dict, compare=False)  # room for the caller's own state

    def date_range(self) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
        """The range as timestamps: from the first second of `start` to the last second of `end`."""
        lo = _day(self.start, "start")
        hi = _day(self.end, "end")
        if lo is not None and hi is not None and hi < lo:
            raise QueryError(f"the date range ends ({self.end}) before it starts ({self.start})")
        return lo, (hi + pd.Timedelta(days=1) - pd.Timedelta(seconds=1) if hi is not None else None)


FILTER_FIELDS = ("countries", "types", "start", "end", "modalities", "sources", "text")


def _key(f: object) -> tuple:
    """The filters as a hashable tuple, from this module's Filters or any object with those fields."""
    return tuple(
        tuple(v) if isinstance(v, (list, tuple)) else v for v in (getattr(f, n, None) for n in FILTER_FIELDS)
    )


def _as_filters(f: object) -> Filters:
    if isinstance(f, Filters):
        return f
    c, t, s, e, m, src, text = _key(f)
    return Filters(c or (), t or (), s, e, m or (), src or (), text or "")


def _day(value: object, name: str) -> pd.Timestamp | None:
    if value is None or value == "":
        return None
    try:
        return pd.Timestamp(value).normalize().as_unit("s")
    except (ValueError, TypeError):
        raise QueryError(f"{name} date {value!r} is not a date; write YYYY-MM-DD") from None


class View(NamedTuple):
    """Everything the dashboard draws after a filter change, all of it small."""

    matched: int  # events matching the filters
    total: int  # events in the table
    unit: str  # time bin of `timeline`
    timeline: pd.DataFrame  # bin, lane, count
    places: pd.DataFrame  # location, latitude, longitude, count, event_type (the most common), types
    by_type: pd.DataFrame  # event_type, count
    undated: int  # matching events without a start
    unplaced: int  # matching events without coordinates
    events: pd.DataFrame | None  # the matching events themselves when at most `threshold` match


def time_bin(lo: pd.Timestamp, hi: pd.Timestamp, *, max_bins: int = MAX_BINS) -> str:
    """The finest of day, week, month, quarter, year that cuts [lo, hi] into at most `max_bins` bins.

    >>> time_bin(pd.Timestamp("2023-01-01"), pd.Timestamp("2023-08-01")), time_bin(pd.Timestamp("1979-01-01"), pd.Timestamp("2026-01-01"))
    ('day', 'month')
    """
    days = max((hi - lo).days, 1)
    for unit, length in (("day", 1), ("week", 7), ("month", 30.44), ("quarter", 91.3), ("year", 365.25)):
        if days / length <= max_bins:
            return unit
    return "year"


class EventQuery:
    """DuckDB over one events table: a store folder (Parquet), a DataFrame or an Arrow table.

    A store is copied once into DuckDB's compressed in-memory storage (`materialize="full"`, the
    default: about 400 bytes an event, 1 s per million events to load), after which no filter
    change reads Parquet. `"lean"` copies only the columns filters and counts need (dates, type,
    modality, source, countries, place; the long texts stay on disk, read to search them or to show
    individual events); `"none"` queries the Parquet files where they lie, for stores larger than
    memory (slower per filter change). A DataFrame or Arrow table is read in place, not copied.
    """

    def __init__(
        self,
        source: str | os.PathLike | pd.DataFrame | pa.Table,
        *,
        materialize: bool | str = "full",
        threads: int | None = None,
        memory_limit: str | None = None,
    ) -> None:
        self.con = duckdb.connect(":memory:")
        if threads:
            self.con.execute(f"SET threads = {int(threads)}")
        if memory_limit:
            self.con.execute(f"SET memory_limit = {_literal(memory_limit)}")
        self.path: str | None = None
        if isinstance(source, (str, os.PathLike)):
            if not os.path.isdir(source) or not any(True for _ in _parquet_files(source)):
                raise QueryError(
                    f"{source}: no events store here (a folder of Parquet files written by loaders.store)"
                )
            self.path = os.fspath(source)
            self.con.execute(
                "CREATE VIEW full_events AS SELECT * FROM read_parquet("
                + _literal(parquet_glob(self.path))
                + ", hive_partitioning = true, hive_types = {'year': INTEGER, 'month': INTEGER}, "
                "union_by_name = true)"
            )
        else:
            table = source if isinstance(source, pa.Table) else _to_arrow(source)
            self._arrow = table  # DuckDB reads it in place; keep it alive
            self.con.register("full_events", table)
        self.has_year = self.path is not None
        mode = {True: "full", False: "none"}.get(materialize, materialize)
        if mode not in ("full", "lean", "none"):
            raise QueryError(f"materialize={materialize!r}: use 'full', 'lean' or 'none'")
        self.full = self.lean = "full_events"
        if mode != "none" and self.path is not None:
            # compressed in-memory storage: about a quarter of the uncompressed size
            self.con.execute("ATTACH ':memory:' AS mem (COMPRESS)")
            cols = "*" if mode == "full" else ", ".join(f'"{c}"' for c in LEAN) + ", year"
            # sorted by start: DuckDB's per-block min/max then skip most blocks on a date filter
            self.con.execute(f"CREATE TABLE mem.events AS SELECT {cols} FROM full_events ORDER BY start")
            self.lean = "mem.events"
            if mode == "full":
                self.full = "mem.events"
            # country -> row, sorted by country: a country filter becomes a quick semi-join instead
            # of a list search in every row (10-30x faster at a million events)
            self.con.execute(
                "CREATE TABLE mem.event_countries AS SELECT rowid AS rid, unnest(countries) AS country "
                "FROM mem.events ORDER BY country"
            )
        self.materialized = mode != "none" and self.path is not None
        total, lo, hi, longest = self.con.execute(
            f'SELECT count(*), min(start), max("end"), max("end" - start) FROM {self.lean}'
        ).fetchall()[0]
        self.total = int(total)
        self.span = (
            pd.Timestamp(lo) if lo is not None else None,
            pd.Timestamp(hi) if hi is not None else None,
        )
        # the longest event, to prune year folders on the range's lower bound as well
        self.longest = pd.Timedelta(longest) if longest is not None else pd.Timedelta(0)
        self._cache: dict = {}

    def close(self) -> None:
        self.con.close()

    # -- the WHERE clause ---------------------------------------------------------------------
    def where(self, f: Filters, *, text: bool = True, table: str | None = None) -> tuple[str, list]:
        """SQL condition and parameters for the filters on `table` (text search only when `text`)."""
        f = _as_filters(f)
        parts: list[str] = []
        params: list = []
        if f.countries:
            codes = sorted({str(c).strip().upper() for c in f.countries})
            if (table or self.lean) == "mem.events":  # row ids of the country index are this table's
                parts.append(
                    "rowid IN (SELECT rid FROM mem.event_countries WHERE country IN (SELECT unnest(?::VARCHAR[])))"
                )
            else:
                parts.append("list_has_any(countries, ?::VARCHAR[])")
            params.append(codes)
        if f.types:
            parts.append("event_type IN (SELECT unnest(?::VARCHAR[]))")
            params.append(list(f.types))
        if f.modalities:
            bad = [m for m in f.modalities if m not in MODALITIES]
            if bad:
                raise QueryError(f"unknown modality {bad[0]!r}; use some of {', '.join(MODALITIES)}")
            parts.append("modality IN (SELECT unnest(?::VARCHAR[]))")
            params.append(list(f.modalities))
        if f.sources:
            parts.append("source IN (SELECT unnest(?::VARCHAR[]))")
            params.append(list(f.sources))
        lo, hi = f.date_range()
        if hi is not None:
            parts.append("start <= ?")
            params.append(hi.to_pydatetime())
            if self.has_year:  # prune later year folders
                parts.append("year <= ?")
                params.append(hi.year)
        if lo is not None:
            parts.append('"end" >= ?')
            params.append(lo.to_pydatetime())
            if self.has_year:  # no event lasts longer than the longest one seen
                parts.append("year >= ?")
                params.append((lo - self.longest).year)
        for word in (f.text or "").split() if text else ():
            # every word somewhere in the title, description or evidence, as the pandas filters do
            parts.append(
                "(title ILIKE ? ESCAPE '\\' OR description ILIKE ? ESCAPE '\\' OR evidence ILIKE ? ESCAPE '\\')"
            )
            params += ["%" + _escape_like(word) + "%"] * 3
        return (" AND ".join(parts) or "TRUE"), params

    def _source(self, f: Filters) -> str:
        # the long texts may live only in the full table: a text search reads them there
        return self.full if (getattr(f, "text", "") or "").strip() else self.lean

    def _sql(self, sql: str, params: list | None = None) -> pd.DataFrame:
        return self.con.execute(sql, params or []).df()

    def _matches(self, f: Filters, columns: tuple[str, ...]) -> str:
        """A table of the matching events' `columns`: filtered once, then aggregated several ways."""
        if _key(f) == _key(Filters()) and self.lean.startswith("mem."):
            return self.lean
        src = self._source(f)
        w, p = self.where(f, table=src)
        cols = ", ".join(f'"{c}"' for c in columns) + (", rowid AS rid" if src == "mem.events" else "")
        self.con.execute(f"CREATE OR REPLACE TEMP TABLE matches AS SELECT {cols} FROM {src} WHERE {w}", p)
        return "matches"

    # -- answers --------------------------------------------------------------------------------
    def count(self, f: Filters) -> int:
        src = self._source(f)
        w, p = self.where(f, table=src)
        return int(self.con.execute(f"SELECT count(*) FROM {src} WHERE {w}", p).fetchall()[0][0])

    def by_type(self, f: Filters) -> pd.DataFrame:
        return _by_type(self.con, self._matches(f, ("event_type",)))

    def timeline(
        self, f: Filters, *, lane: str = "event_type", unit: str | None = None
    ) -> tuple[str, pd.DataFrame]:
        """(unit, DataFrame[bin, lane, count]): events per time bin (by start) and lane.

        `lane` is "event_type" or "countries" (an event with two countries counts in both lanes).
        """
        unit = unit or self._unit(f)
        return unit, _timeline(self.con, self._matches(f, ("start", "event_type", "countries")), lane, unit)

    def places(self, f: Filters, *, grid: float | None = None) -> pd.DataFrame:
        """Events per place (or per `grid`-degree cell): location, latitude, longitude, count,
        the most common event type, and how many types and places it gathers."""
        return _places(self.con, self._matches(f, ("event_type", "location", "latitude", "longitude")), grid)

    def options(self) -> dict[str, list[str]]:
        """The values the filter widgets offer: countries, types, modalities, sources (sorted)."""
        if "options" not in self._cache:
            one = self.con.execute
            self._cache["options"] = {
                "countries": [
                    r[0]
                    for r in one(
                        f"SELECT DISTINCT unnest(countries) AS c FROM {self.lean} ORDER BY c"
                    ).fetchall()
                    if r[0]
                ],
                "types": [
                    r[0] for r in one(f"SELECT DISTINCT event_type FROM {self.lean} ORDER BY 1").fetchall()
                ],
                "modalities": [
                    r[0] for r in one(f"SELECT DISTINCT modality FROM {self.lean} ORDER BY 1").fetchall()
                ],
                "sources": [
                    r[0]
                    for r in one(f"SELECT DISTINCT source FROM {self.lean} ORDER BY 1").fetchall()
                    if r[0]
                ],
            }
        return self._cache["options"]

    def date_bounds(self) -> tuple[dt.date, dt.date] | None:
        """The first start and last end in the table, as dates (None when nothing is dated)."""
        lo, hi = self.span
        return None if lo is None or hi is None else (lo.date(), hi.date())

    def events(
        self,
        f: Filters,
        *,
        limit: int | None = None,
        columns: tuple[str, ...] = COLUMNS,
        _matched: bool = False,
    ) -> pd.DataFrame:
        """The matching events themselves, by start, with the contract's dtypes (lists as Python
        lists, as the normal figures expect); `compact(...)` them for a large fetch."""
        if _matched and self.full == "mem.events" and self._source(f) == "mem.events":
            w, p = "rowid IN (SELECT rid FROM matches)", []  # the rows `view` just found
        else:
            w, p = self.where(f, table=self.full)
        cols = ", ".join(f'"{c}"' for c in columns)
        sql = f"SELECT {cols} FROM {self.full} WHERE {w} ORDER BY start NULLS LAST, event_id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return from_arrow(self.con.sql(sql, params=p).to_arrow_table())

    def view(
        self,
        f: Filters,
        *,
        threshold: int = LOD_THRESHOLD,
        lane: str = "event_type",
        grid: float | None = None,
        unit: str | None = None,
    ) -> View:
        """One round trip's worth of answers for the dashboard after a filter change.

        The filters run once (into a temporary table of the matching events' lean columns), then
        the counts come from that small table. Views are cached per filters (the table does not
        change under an EventQuery), so going back to an earlier view costs nothing.
        """
        key = (_key(f), threshold, lane, grid, unit)
        if key in self._cache:
            return self._cache[key]
        unit = unit or self._unit(f)
        if unit not in BIN_UNITS:
            raise QueryError(f"unknown time bin {unit!r}; use one of {', '.join(BIN_UNITS)}")
        _lane_sql(lane)  # check it before doing any work
        cols = ("start", "event_type", "location", "latitude", "longitude")
        m = self._matches(f, cols + (("countries",) if lane != "event_type" else ()))
        matched, undated, unplaced = self.con.execute(
            "SELECT count(*), count(*) FILTER (start IS NULL), "
            f"count(*) FILTER (latitude IS NULL OR longitude IS NULL) FROM {m}"
        ).fetchall()[0]
        v = View(
            matched=int(matched),
            total=self.total,
            unit=unit,
            timeline=_timeline(self.con, m, lane, unit),
            places=_places(self.con, m, grid),
            by_type=_by_type(self.con, m),
            undated=int(undated),
            unplaced=int(unplaced),
            events=self.events(f, _matched=m == "matches") if matched <= threshold else None,
        )
        if len(self._cache) > 64:
            self._cache.clear()
        self._cache[key] = v
        return v

    def _unit(self, f: Filters) -> str:
        """The time bin: from the date filter, else from the whole table's span (so the bins do not
        jump as other filters change)."""
        lo, hi = _as_filters(f).date_range()
        lo = lo if lo is not None else self.span[0]
        hi = hi if hi is not None else self.span[1]
        if lo is None or hi is None:
            return "month"
        return time_bin(lo, hi)


def _by_type(con: duckdb.DuckDBPyConnection, table: str) -> pd.DataFrame:
    return con.execute(
        f"SELECT event_type, count(*) AS count FROM {table} GROUP BY ALL ORDER BY count DESC, event_type"
    ).df()


def _timeline(con: duckdb.DuckDBPyConnection, table: str, lane: str, unit: str) -> pd.DataFrame:
    if unit not in BIN_UNITS:  # checked here too: it goes into the SQL text
        raise QueryError(f"unknown time bin {unit!r}; use one of {', '.join(BIN_UNITS)}")
    lane_sql = _lane_sql(lane)
    return con.execute(
        f"SELECT bin, lane, count(*) AS count FROM (SELECT date_trunc('{unit}', start)::TIMESTAMP AS bin, "
        f"{lane_sql} AS lane FROM {table} WHERE start IS NOT NULL) GROUP BY ALL ORDER BY bin, lane"
    ).df()


def _places(con: duckdb.DuckDBPyConnection, table: str, grid: float | None) -> pd.DataFrame:
    if grid:
        g = float(grid)
        key = f"floor(latitude / {g}) * {g} + {g / 2} AS lat, floor(longitude / {g}) * {g} + {g / 2} AS lon"
    else:
        key = "latitude AS lat, longitude AS lon"
    # per place and type first, so the most common type and the biggest place name come cheaply
    return con.execute(
        f"""
        WITH per_type AS (
            SELECT {key}, event_type, location, count(*) AS n
            FROM {table} WHERE latitude IS NOT NULL AND longitude IS NOT NULL
            GROUP BY ALL
        )
        SELECT arg_max(location, n) AS location, lat AS latitude, lon AS longitude,
               sum(n)::BIGINT AS count, arg_max(event_type, n) AS event_type,
               count(DISTINCT event_type) AS types, count(DISTINCT location) AS places
        FROM per_type GROUP BY lat, lon ORDER BY count DESC, location
        """
    ).df()


def _parquet_files(path: str | os.PathLike):
    from pathlib import Path

    return Path(path).glob("**/*.parquet")


def _lane_sql(lane: str) -> str:
    if lane == "event_type":
        return "event_type"
    if lane in ("countries", "country"):
        return "unnest(countries)"
    raise QueryError(f"unknown lane {lane!r}; use event_type or countries")


def _literal(text: str) -> str:
    """A SQL string literal (for the few statements DuckDB cannot take parameters in)."""
    return "'" + str(text).replace("'", "''") + "'"


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _to_arrow(events: pd.DataFrame) -> pa.Table:
    """A DataFrame as Arrow for DuckDB: categoricals as plain text, lists as list<string>."""
    df = compact(events)
    for c in df.columns:
        if isinstance(df[c].dtype, pd.CategoricalDtype):
            df[c] = df[c].astype("str")
    return pa.Table.from_pandas(df, preserve_index=False)
