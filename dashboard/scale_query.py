"""Filters and aggregates over large event tables with DuckDB (embedded, no server).

The dashboard's normal path filters a pandas table and draws one mark per event. Past a few
thousand matching events that stops being useful or fast, so this module asks DuckDB for small
answers instead: how many events match, counts per time bin and lane, counts per place, counts per
type, and the individual events only when few enough match. Filters and aggregation run inside
DuckDB, over a Parquet store (`loaders.store`) or a DataFrame or Arrow table, copied once into
DuckDB's compressed memory with country bit masks and place numbers (see `EventQuery`), or read
where it lies (`materialize="none"`: Parquet files pruned by year folder, a DataFrame in place).

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
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa

from events.schema import CATEGORIES, COLUMNS, MODALITIES
from loaders.store import arrow_schema, compact, from_arrow, parquet_glob

if TYPE_CHECKING:  # DuckDB is imported when a query is opened: a page on a small table never needs it
    import duckdb

__all__ = ["EventQuery", "Filters", "View", "compact", "time_bin", "LOD_THRESHOLD"]

# Above this many matching events the views draw density instead of one mark per event. See
# dashboard/scale_lod.py for the measurement behind the number.
LOD_THRESHOLD = 5_000
BIN_UNITS = ("day", "week", "month", "quarter", "year")
MAX_BINS = 800
FULL_UP_TO = 2_000_000  # "auto" keeps the long texts in memory up to this many events
MASK_BITS = 62
ENUM_COLUMNS = ("event_type", "modality", "date_precision")
# pandas names of the time bins, to spread a period over its bins as DuckDB's date_trunc cuts them
PERIODS = {"day": "D", "week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}
VAGUE = (
    "week",
    "month",
    "quarter",
    "year",
    "decade",
)  # the day is not known  # countries per BIGINT mask (the sign bit stays clear)  # a heat strip or bar chart stays readable (and small) below this many columns
# Columns kept in memory when a store is materialised: all but the long texts, which stay on disk
# and are read only to search them or to show individual events.
LEAN = (
    "start",
    "end",
    "date_precision",
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

    The table is copied once into DuckDB's compressed in-memory storage with two helpers a
    filter change then needs instead of scanning text or lists: country bit masks (`cm0`, `cm1`,
    ...: one bit per country, so "any of these countries" is an integer AND) and a place number
    (`place_id`, into a small table of distinct coordinates). `materialize` says what is copied:

    - `"full"`: every column (about 400 bytes an event in memory);
    - `"lean"`: all but the long texts (about 160 bytes an event); a text search and the fetch of
      individual events read the Parquet files;
    - `"auto"` (the default): full up to 2M events, lean above;
    - `"none"`: nothing is copied; every filter change reads the Parquet files where they lie
      (for stores larger than memory; slower).
    """

    def __init__(
        self,
        source: str | os.PathLike | pd.DataFrame | pa.Table,
        *,
        materialize: bool | str = "auto",
        threads: int | None = None,
        memory_limit: str | None = None,
    ) -> None:
        import duckdb

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
        mode = {True: "full", False: "none"}.get(materialize, materialize)
        if mode not in ("auto", "full", "lean", "none"):
            raise QueryError(f"materialize={materialize!r}: use 'auto', 'full', 'lean' or 'none'")
        if mode == "auto":
            n = self.con.execute("SELECT count(*) FROM full_events").fetchall()[0][0]
            mode = "full" if n <= FULL_UP_TO or self.path is None else "lean"
        self.mode = mode
        self.full = self.lean = "full_events"
        self.codes: dict[str, int] = {}
        if mode != "none":
            self._materialize(full=mode == "full")
            self.lean = "mem.events"
            self.full = "mem.events" if mode == "full" else "full_events"
        # as seconds since 1970: Python's datetime cannot hold a year before 1, ours can
        total, lo, hi, longest = self.con.execute(
            f'SELECT count(*), epoch(min(start))::BIGINT, epoch(max("end"))::BIGINT, max("end" - start) '
            f"FROM {self.lean}"
        ).fetchall()[0]
        self.total = int(total)
        self.span = (
            pd.Timestamp(np.datetime64(lo, "s")) if lo is not None else None,
            pd.Timestamp(np.datetime64(hi, "s")) if hi is not None else None,
        )
        # the longest event, to prune year folders on the range's lower bound as well
        self.longest = pd.Timedelta(longest) if longest is not None else pd.Timedelta(0)
        self._cache: dict = {}

    def _materialize(self, *, full: bool) -> None:
        con = self.con
        # compressed in-memory storage: about a quarter of the uncompressed size
        con.execute("ATTACH ':memory:' AS mem (COMPRESS)")
        con.execute(
            "CREATE TABLE mem.codes AS SELECT country, "
            "(row_number() OVER (ORDER BY count(*) DESC, country) - 1)::INTEGER AS idx "
            "FROM (SELECT unnest(countries) AS country FROM full_events) WHERE country IS NOT NULL GROUP BY country"
        )
        self.codes = dict(con.execute("SELECT country, idx FROM mem.codes").fetchall())
        con.execute(
            "CREATE TABLE mem.places AS SELECT "
            "(row_number() OVER (ORDER BY latitude, longitude) - 1)::INTEGER AS place_id, latitude, longitude, "
            "mode(location) AS location FROM full_events WHERE latitude IS NOT NULL AND longitude IS NOT NULL "
            "GROUP BY latitude, longitude"
        )
        # a bit per country, 62 to a BIGINT: the most frequent countries share the first mask
        lookup = "MAP {" + ", ".join(f"{_literal(c)}: {i}" for c, i in self.codes.items()) + "}"
        masks = [
            f"coalesce(list_sum(list_transform(list_distinct(e.countries), lambda c: "
            f"CASE WHEN {lookup}[c] // {MASK_BITS} = {k} THEN (1::BIGINT << ({lookup}[c] % {MASK_BITS})) "
            f"ELSE 0::BIGINT END)), 0)::BIGINT AS cm{k}"
            for k in range(max(1, -(-len(self.codes) // MASK_BITS)))
        ]
        # the categories as ENUMs: a type or modality filter compares small integers, 10x faster
        enums = {c: "ENUM(" + ", ".join(map(_literal, CATEGORIES[c])) + ")" for c in ENUM_COLUMNS}
        cast = ", ".join(f'CAST(e."{c}" AS {t}) AS "{c}"' for c, t in enums.items())
        if full:
            cols = f"e.* REPLACE ({cast})"
        else:
            cols = ", ".join(f'e."{c}"' for c in LEAN if c not in enums) + ", " + cast
        # sorted by start: DuckDB's per-block min/max then skip most blocks on a date filter
        con.execute(
            f"CREATE TABLE mem.events AS SELECT {cols}, p.place_id, {', '.join(masks)} FROM full_events e "
            "LEFT JOIN mem.places p ON p.latitude = e.latitude AND p.longitude = e.longitude ORDER BY e.start"
        )

    def close(self) -> None:
        self.con.close()

    # -- the WHERE clause ---------------------------------------------------------------------
    def where(self, f: Filters, *, text: bool = True, table: str | None = None) -> tuple[str, list]:
        """SQL condition and parameters for the filters on `table` (text search only when `text`)."""
        f = _as_filters(f)
        table = table or self.lean
        parts: list[str] = []
        params: list = []
        if f.countries:
            codes = sorted({str(c).strip().upper() for c in f.countries})
            if table == "mem.events":  # the bit masks: integer ANDs, no list in any row is read
                bits: dict[int, int] = {}
                for c in codes:
                    if c in self.codes:
                        i = self.codes[c]
                        bits[i // MASK_BITS] = bits.get(i // MASK_BITS, 0) | (1 << (i % MASK_BITS))
                parts.append(
                    "(" + (" OR ".join(f"(cm{k} & {v}) <> 0" for k, v in bits.items()) or "FALSE") + ")"
                )
            else:
                parts.append("list_has_any(countries, ?::VARCHAR[])")
                params.append(codes)
        if f.types:
            parts.append("list_contains(?::VARCHAR[], event_type::VARCHAR)")
            params.append(list(f.types))
        if f.modalities:
            bad = [m for m in f.modalities if m not in MODALITIES]
            if bad:
                raise QueryError(f"unknown modality {bad[0]!r}; use some of {', '.join(MODALITIES)}")
            parts.append("list_contains(?::VARCHAR[], modality::VARCHAR)")
            params.append(list(f.modalities))
        if f.sources:
            parts.append("list_contains(?::VARCHAR[], source)")
            params.append(list(f.sources))
        lo, hi = f.date_range()
        folders = table == "full_events" and self.path is not None
        if hi is not None:
            parts.append("start <= ?")
            params.append(hi.to_pydatetime())
            if folders:  # prune later year folders
                parts.append("year <= ?")
                params.append(hi.year)
        if lo is not None:
            parts.append('"end" >= ?')
            params.append(lo.to_pydatetime())
            if folders:  # no event lasts longer than the longest one seen
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
        # the long texts may live only in the Parquet files: a text search reads them there
        return self.full if (getattr(f, "text", "") or "").strip() else self.lean

    # -- answers --------------------------------------------------------------------------------
    def count(self, f: Filters) -> int:
        """How many events match (the bare cost of the filter)."""
        src = self._source(f)
        w, p = self.where(f, table=src)
        return int(self.con.execute(f"SELECT count(*) FROM {src} WHERE {w}", p).fetchall()[0][0])

    def by_type(self, f: Filters) -> pd.DataFrame:
        """DataFrame[event_type, count], most frequent first."""
        return self.view(f, threshold=-1).by_type

    def timeline(
        self, f: Filters, *, lane: str = "event_type", unit: str | None = None
    ) -> tuple[str, pd.DataFrame]:
        """(unit, DataFrame[bin, lane, count]): events per time bin (by start) and lane.

        `lane` is "event_type" or "countries" (an event with two countries counts in both lanes).
        """
        v = self.view(f, threshold=-1, lane=lane, unit=unit)
        return v.unit, v.timeline

    def places(self, f: Filters, *, grid: float | None = None) -> pd.DataFrame:
        """Events per place (or per `grid`-degree cell): location, latitude, longitude, count,
        the most common event type, and how many types and places it gathers."""
        return self.view(f, threshold=-1, grid=grid).places

    def options(self) -> dict[str, list[str]]:
        """The values the filter widgets offer, in the order `dashboard.filters.options` gives them:
        countries by name, types and modalities in the taxonomy's order, sources sorted."""
        if "options" not in self._cache:
            from dashboard.filters import country_label

            def values(column: str, unnest: bool = False) -> list[str]:
                expr = f"unnest({column})" if unnest else f"{column}::VARCHAR"
                return [
                    r[0]
                    for r in self.con.execute(f"SELECT DISTINCT {expr} FROM {self.lean}").fetchall()
                    if r[0]
                ]

            def in_order(found: list[str], order: tuple[str, ...]) -> list[str]:
                return [v for v in order if v in set(found)]

            self._cache["options"] = {
                "countries": sorted(values("countries", unnest=True), key=country_label),
                "types": in_order(values("event_type"), CATEGORIES["event_type"]),
                "modalities": in_order(values("modality"), MODALITIES),
                "sources": sorted(values("source")),
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
    ) -> pd.DataFrame:
        """The matching events themselves, by start, with the contract's dtypes (lists as Python
        lists, as the normal figures expect); `compact(...)` them for a large fetch."""
        w, p = self.where(f, table=self.full)
        if (
            self.full == "full_events"
            and self.lean == "mem.events"
            and not (getattr(f, "text", "") or "").strip()
        ):
            # lean mode: the table in memory says which year folders hold the matches; read only those
            wl, pl = self.where(f, table=self.lean)
            years = [
                r[0]
                for r in self.con.execute(
                    f"SELECT DISTINCT year(start) FROM mem.events WHERE {wl}", pl
                ).fetchall()
            ]
            if not years:
                return from_arrow(pa.table({c: pa.array([], arrow_schema().field(c).type) for c in columns}))
            known = [y for y in years if y is not None]
            w += " AND (" + (f"year IN ({', '.join(str(int(y)) for y in known)})" if known else "FALSE")
            w += " OR year IS NULL)" if None in years else ")"
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
        """One round trip's worth of answers for the dashboard after a filter change: two or
        three aggregate queries over the in-memory table (or, for a text search in lean mode and
        for `materialize="none"`, one pass over the Parquet files into a temporary table), and the
        events themselves when at most `threshold` match. Views are cached per filters (the table
        does not change under an EventQuery), so going back to an earlier view costs nothing.
        """
        key = (_key(f), threshold, lane, grid, unit)
        if key in self._cache:
            return self._cache[key]
        unit = unit or self._unit(f)
        if unit not in BIN_UNITS:
            raise QueryError(f"unknown time bin {unit!r}; use one of {', '.join(BIN_UNITS)}")
        lane_sql = _lane_sql(lane)
        src = self._source(f)
        w, p = self.where(f, table=src)
        if src != "mem.events" or (getattr(f, "text", "") or "").strip():
            # a text search, or the Parquet files: one pass to find the matches, then the counts
            cols = '"start", "end", date_precision, event_type, location, latitude, longitude' + (
                ", countries" if lane != "event_type" else ""
            )
            self.con.execute(f"CREATE OR REPLACE TEMP TABLE matches AS SELECT {cols} FROM {src} WHERE {w}", p)
            src, w, p = "matches", "TRUE", []
        counts = self.con.execute(
            "SELECT event_type, count(*) AS count, count(*) FILTER (start IS NULL) AS undated "
            f"FROM {src} WHERE {w} GROUP BY ALL",
            p,
        ).df()
        by_type = (
            counts[["event_type", "count"]]
            .sort_values(["count", "event_type"], ascending=[False, True], kind="stable")
            .reset_index(drop=True)
        )
        matched = int(counts["count"].sum())
        timeline = _timeline(self.con, src, w, p, lane_sql, unit, *_as_filters(f).date_range())
        if src == "mem.events":
            places = _places_by_id(self.con, w, p, grid)
        else:
            places = _places(self.con, src, grid)
        v = View(
            matched=matched,
            total=self.total,
            unit=unit,
            timeline=timeline,
            places=places,
            by_type=by_type,
            undated=int(counts["undated"].sum()),
            unplaced=matched - int(places["count"].sum()),
            events=self.events(f) if matched <= threshold else None,
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


def _timeline(
    con: duckdb.DuckDBPyConnection,
    src: str,
    where: str,
    params: list,
    lane_sql: str,
    unit: str,
    lo: pd.Timestamp | None = None,
    hi: pd.Timestamp | None = None,
) -> pd.DataFrame:
    """Events per time bin and lane. An event known only to a period longer than the bin (a month
    on a weekly timeline, a year on a monthly one) is spread evenly over the bins of its period, as
    the timeline draws it as a faint bar over that period: counted on the period's first bin it
    would make false peaks every January. Each event still counts once in all (counts can be
    fractional); ranges (an exercise of eleven days) count on their first bin. With a date range
    [lo, hi], only the bins inside it are kept (a war that began before the range counts on the
    range's first bin), so the counts are what falls in the range."""
    if unit not in BIN_UNITS:  # checked here too: it goes into the SQL text
        raise QueryError(f"unknown time bin {unit!r}; use one of {', '.join(BIN_UNITS)}")
    first = f"date_trunc('{unit}', start)::TIMESTAMP"
    vague = f"date_precision IN ({', '.join(map(_literal, VAGUE))})"
    last = f"CASE WHEN {vague} THEN date_trunc('{unit}', \"end\")::TIMESTAMP END"
    # one grouping pass by (first bin, last bin of a vague period, lane); the few groups whose
    # period spans several bins are then spread here, not row by row in SQL
    groups = con.execute(
        f"""
        SELECT b0, b1, lane, count(*) AS n FROM (
            SELECT {first} AS b0, {last} AS b1, {lane_sql} AS lane
            FROM {src} WHERE {where} AND start IS NOT NULL
        ) GROUP BY ALL
        """,
        params,
    ).df()
    if groups.empty:
        return pd.DataFrame({"bin": pd.Series([], dtype="datetime64[us]"), "lane": [], "count": []})
    b0 = groups["b0"]
    if lo is not None:  # a war that began before the range counts on the range's first bin
        low = pd.Timestamp(pd.Series([lo]).dt.to_period(PERIODS[unit]).dt.start_time.iloc[0])
        b0 = b0.where(b0 >= low, low).where(groups["b1"].isna() | (groups["b1"] <= b0), groups["b0"])
    spans = (groups["b1"].notna() & (groups["b1"] > groups["b0"])).to_numpy()
    parts = [
        pd.DataFrame(
            {"bin": b0[~spans], "lane": groups["lane"][~spans], "count": groups["n"][~spans].astype(float)}
        )
    ]
    if spans.any():  # each group of events repeated once per bin of its period, with its share
        sp = groups[spans]
        o0, o1 = _ordinal(sp["b0"], unit), _ordinal(sp["b1"], unit)
        k = (o1 - o0 + 1).to_numpy()
        starts = np.repeat(np.cumsum(k) - k, k)
        ords = np.repeat(o0.to_numpy(), k) + (np.arange(k.sum()) - starts)
        parts.append(
            pd.DataFrame(
                {
                    "bin": _from_ordinal(ords, unit),
                    "lane": np.repeat(sp["lane"].to_numpy(), k),
                    "count": np.repeat(sp["n"].to_numpy() / k, k),
                }
            )
        )
    out = pd.concat(parts, ignore_index=True)
    if lo is not None:
        out = out[out["bin"] >= low]
    if hi is not None:
        out = out[out["bin"] <= hi]
    out = out.groupby(["bin", "lane"], as_index=False, sort=True)["count"].sum()
    return out


def _ordinal(ts: pd.Series, unit: str) -> pd.Series:
    """Bins as consecutive integers: days, Monday weeks, months, quarters or years since 1970."""
    ts = ts.astype("datetime64[s]")
    if unit in ("day", "week"):
        days = (ts - pd.Timestamp("1970-01-01")).dt.days
        return days if unit == "day" else (days + 3) // 7  # 1969-12-29 was a Monday
    months = ts.dt.year * 12 + ts.dt.month - 1
    return {"month": months, "quarter": months // 3, "year": ts.dt.year}[unit]


def _from_ordinal(ords: np.ndarray, unit: str) -> np.ndarray:
    """The first instant of each bin numbered by `_ordinal`."""
    ords = np.asarray(ords, dtype=np.int64)
    if unit == "day":
        return np.datetime64("1970-01-01", "D") + ords
    if unit == "week":
        return np.datetime64("1970-01-01", "D") + (ords * 7 - 3)
    months = {"month": ords, "quarter": ords * 3, "year": ords * 12}[unit]
    return (np.datetime64("0000-01", "M") + months).astype("datetime64[D]")


def _places_by_id(
    con: duckdb.DuckDBPyConnection, where: str, params: list, grid: float | None
) -> pd.DataFrame:
    """Events per place through the place numbers: two small integers grouped, then the names."""
    if grid:
        g = float(grid)
        key = (
            f"floor(p.latitude / {g}) * {g} + {g / 2} AS lat, floor(p.longitude / {g}) * {g} + {g / 2} AS lon"
        )
    else:
        key = "p.latitude AS lat, p.longitude AS lon"
    return con.execute(
        f"""
        WITH per_type AS (
            SELECT place_id, event_type, count(*) AS n FROM mem.events
            WHERE {where} AND place_id IS NOT NULL GROUP BY ALL
        ), cells AS (
            SELECT {key}, t.event_type, p.location, t.n
            FROM per_type t JOIN mem.places p USING (place_id)
        ), per_cell_type AS (
            SELECT lat, lon, event_type, sum(n) AS n FROM cells GROUP BY ALL
        ), names AS (
            SELECT lat, lon, arg_max(location, n) AS location, count(DISTINCT location) AS places
            FROM (SELECT lat, lon, location, sum(n) AS n FROM cells GROUP BY ALL) GROUP BY lat, lon
        )
        SELECT n.location, c.lat AS latitude, c.lon AS longitude, sum(c.n)::BIGINT AS count,
               arg_max(c.event_type, c.n) AS event_type, count(*) AS types, any_value(n.places) AS places
        FROM per_cell_type c JOIN names n USING (lat, lon)
        GROUP BY c.lat, c.lon, n.location ORDER BY count DESC, location
        """,
        params,
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
