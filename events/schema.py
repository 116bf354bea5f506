"""The events table: its columns and dtypes (the contract in DESIGN.md) and the one validation entry point.

`validate(df)` takes any DataFrame, coerces what can be coerced and returns the valid events and a
rejects table listing every problem found (row, column, value, reason), not only the first.

>>> v = validate(pd.DataFrame({"title": ["Summit", "Bad"], "start": ["2019-04-25", "2019-04-25"],
...                            "end": ["2019-04-25", "2019-04-01"], "countries": ["prk;RUS", "PRK"]}))
>>> v.events["countries"].tolist(), v.events["end"].tolist()
([['PRK', 'RUS']], [Timestamp('2019-04-25 23:59:59')])
>>> v.rejects[["row", "column", "reason"]].values.tolist()
[[2, 'end', 'end is before start']]
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd

from events.taxonomy import EVENT_TYPES

DATETIME = "datetime64[s]"  # seconds, not nanoseconds: the years 1200 and 3000 must load
PRECISIONS = ("time", "day", "week", "month", "quarter", "year", "decade")
GEO_PRECISIONS = ("point", "city", "region", "sea", "country", "unknown")
MODALITIES = ("occurred", "planned", "proposed", "claimed")
PRECISION_DTYPE = pd.CategoricalDtype(PRECISIONS)
EVENT_TYPE_NAMES = tuple(EVENT_TYPES)

CATEGORIES: dict[str, tuple[str, ...]] = {
    "date_precision": PRECISIONS,
    "event_type": EVENT_TYPE_NAMES,
    "geo_precision": GEO_PRECISIONS,
    "modality": MODALITIES,
}
STRINGS = ("event_id", "title", "description", "date_text", "location", "source", "evidence")
LISTS = ("countries", "actors")
DATES = ("start", "end", "source_published")
FLOATS = ("latitude", "longitude", "confidence")

COLUMNS: tuple[str, ...] = (
    "event_id",
    "title",
    "description",
    "start",
    "end",
    "date_precision",
    "date_text",
    "event_type",
    "countries",
    "actors",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "modality",
    "source",
    "source_published",
    "evidence",
    "confidence",
)
REJECT_COLUMNS = ("file", "row", "column", "value", "reason")
# Loaders may pass these to say where a row came from; they never reach the events table.
ROW, FILE = "_row", "_file"
LIST_SEPARATOR = ";"


class Validated(NamedTuple):
    events: pd.DataFrame
    rejects: pd.DataFrame


def dtypes() -> dict[str, object]:
    """The dtype of every contract column."""
    out: dict[str, object] = {}
    for c in COLUMNS:
        if c in CATEGORIES:
            out[c] = pd.CategoricalDtype(CATEGORIES[c])
        elif c in DATES:
            out[c] = np.dtype(DATETIME)
        elif c in FLOATS:
            out[c] = np.dtype("float64")
        elif c in LISTS:
            out[c] = np.dtype(object)
        else:
            out[c] = pd.StringDtype(na_value=np.nan)
    return out


def empty_events() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype=t) for c, t in dtypes().items()})


def empty_rejects() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "file": pd.Series([], dtype="str"),
            "row": pd.Series([], dtype="int64"),
            "column": pd.Series([], dtype="str"),
            "value": pd.Series([], dtype="str"),
            "reason": pd.Series([], dtype="str"),
        }
    )


def make_event_id(*parts: object) -> str:
    """A stable id from the parts that identify an event (source, evidence span, ...)."""
    h = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:16]


def period_end(start: pd.Series, precision: pd.Series) -> pd.Series:
    """The last second of the period that starts at `start` with the given precision."""
    start = start.astype(DATETIME)
    if precision.dtype == PRECISION_DTYPE:  # compared by code below
        prec = precision.array
    else:
        prec = pd.Categorical(precision.astype("object"), categories=PRECISIONS)
    out = pd.Series(pd.NaT, index=start.index, dtype=DATETIME)
    days = start.dt.normalize()
    steps = {
        "time": None,
        "day": lambda s: s + pd.Timedelta(days=1),
        "week": lambda s: s + pd.Timedelta(days=7),
        "month": lambda s: s + pd.offsets.MonthBegin(1),
        "quarter": lambda s: s + pd.offsets.QuarterBegin(1, startingMonth=1),
        "year": lambda s: s + pd.offsets.YearBegin(1),
        "decade": None,
    }
    for name, step in steps.items():
        m = (prec == name) & start.notna()
        if not m.any():
            continue
        if name == "time":
            out[m] = start[m]
        elif name == "decade":
            out[m] = [
                pd.Timestamp(year=int(y) - int(y) % 10 + 9, month=12, day=31, hour=23, minute=59, second=59)
                for y in start[m].dt.year
            ]
        else:
            out[m] = (step(days[m]) - pd.Timedelta(seconds=1)).astype(DATETIME)
    return out


# --------------------------------------------------------------------------------------------
# coercion helpers: each returns the coerced column and a boolean mask of values it could not read


def _parse_dates(values: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Dates from datetimes or text; returns (datetimes, precision implied by the text, bad mask).

    Text like "2023" or "2023-07" implies year or month precision; a full date implies day, a time
    implies time. Anything pandas cannot read is bad.
    """
    idx = values.index
    if pd.api.types.is_datetime64_any_dtype(values):
        dt = values.dt.tz_localize(None) if getattr(values.dt, "tz", None) is not None else values
        dt = dt.astype(DATETIME)
        known = dt.notna().to_numpy()
        has_time = known & (dt != dt.dt.normalize()).to_numpy()
        codes = np.where(has_time, PRECISIONS.index("time"), np.where(known, PRECISIONS.index("day"), -1))
        return dt, _precisions(codes, idx), pd.Series(False, index=idx)
    prec = pd.Series(None, index=idx, dtype="object")
    blank = values.isna() | values.astype("str").str.strip().isin(["", "nan", "NaT", "None"])
    text = values.astype("str").str.strip().where(~blank, None)
    out = pd.Series(pd.NaT, index=idx, dtype=DATETIME)
    bad = pd.Series(False, index=idx)
    todo = text.notna()
    if not todo.any():
        return out, prec.astype(PRECISION_DTYPE), bad
    t = text[todo]
    year = t.str.fullmatch(r"-?\d{1,4}")
    month = t.str.fullmatch(r"\d{4}-\d{1,2}")
    day = t.str.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}")
    has_time = ~(year | month | day)
    prec[t.index[year]] = "year"
    prec[t.index[month]] = "month"
    prec[t.index[day]] = "day"
    padded = t.where(~year, t.str.zfill(4) + "-01-01").where(~month, t + "-01")
    parsed = pd.to_datetime(padded, errors="coerce", format="ISO8601", utc=True)
    retry = parsed.isna()
    if retry.any():
        parsed[retry] = pd.to_datetime(padded[retry], errors="coerce", format="mixed", utc=True)
    parsed = parsed.dt.tz_localize(None)
    ok = parsed.notna()
    time_mask = has_time & ok & (parsed != parsed.dt.normalize())
    prec[t.index[has_time & ok]] = "day"
    prec[t.index[time_mask]] = "time"
    out[t.index[ok]] = parsed[ok].astype(DATETIME)
    bad[t.index[~ok]] = True
    return out, prec.astype(PRECISION_DTYPE), bad


def _precisions(codes: np.ndarray, index: pd.Index) -> pd.Series:
    """A precision column from indexes into PRECISIONS (-1: none)."""
    return pd.Series(pd.Categorical.from_codes(codes, dtype=PRECISION_DTYPE), index=index)


def _as_list(value: object) -> list[str] | None:
    """A list of non-empty strings from a list, array, tuple or `;`-joined string; None if unusable."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return []
    if isinstance(value, str):
        items: Iterable[object] = value.split(LIST_SEPARATOR)
    elif isinstance(value, (list, tuple, np.ndarray, pd.Series)):
        items = list(value)
    elif value is pd.NA:
        return []
    else:
        return None
    out = []
    for item in items:
        if item is None or (isinstance(item, float) and np.isnan(item)):
            continue
        s = str(item).strip()
        if s:
            out.append(s)
    return out


def _unique_apply(values: pd.Series, func: Callable[[object], object]) -> tuple[np.ndarray, list[object]]:
    """`func` of each distinct value, and each row's index into those results (the last one is
    `func(None)`, for missing values). A million rows rarely hold more than a few thousand distinct
    texts, so this is the fast way to run Python per value. Only text is grouped: in an object column
    1 and 1.0 hash alike but read differently, so mixed columns go value by value."""
    if isinstance(values.dtype, pd.CategoricalDtype):  # already grouped: one call per category
        codes = values.cat.codes.to_numpy()
        results = [func(c) for c in values.cat.categories]
        results.append(func(None))
        return np.where(codes < 0, len(results) - 1, codes), results
    kind = pd.api.types.infer_dtype(values, skipna=True)
    if kind not in ("string", "empty"):
        results = [func(v) for v in values.to_numpy(dtype=object)]
        return np.arange(len(results)), results
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    results = [func(u) for u in uniques]
    results.append(func(None))
    return np.where(codes < 0, len(results) - 1, codes), results


def _map_unique(values: pd.Series, func: Callable[[object], object]) -> pd.Series:
    """`values.map(func)`, calling `func` once per distinct text (see `_unique_apply`)."""
    codes, results = _unique_apply(values, func)
    table = np.empty(len(results), dtype=object)
    for i, r in enumerate(results):  # one by one: numpy would make a list of lists 2-d
        table[i] = r
    return pd.Series(table[codes], index=values.index, dtype=object, copy=False)


@lru_cache(maxsize=4096)
def _coerce_country(code: str) -> str | None:
    try:
        from events.countries import ALPHA3, to_iso3  # late import: countries loads pycountry's tables
    except ImportError:  # pragma: no cover - until events.countries lands
        import pycountry

        ALPHA3 = {c.alpha_3 for c in pycountry.countries}

        def to_iso3(v):
            return None

    up = code.upper()
    if up in ALPHA3:
        return up
    return to_iso3(code)


def _category_codes(raw: pd.Series, allowed: tuple[str, ...]) -> tuple[np.ndarray, pd.Series]:
    """Each row's index into `allowed` (-1 when blank or not allowed: lower-cased, stripped text is
    looked up once per distinct value), and a mask of the rows whose value is not allowed."""
    lookup = {a: i for i, a in enumerate(allowed)}

    def code(x: object) -> int:
        v = x.strip().lower() if isinstance(x, str) else ""
        return lookup.get(v, -2) if v else -1

    codes, results = _unique_apply(raw, code)
    per_row = np.asarray(results, dtype="int64")[codes]
    return np.where(per_row < 0, -1, per_row), pd.Series(per_row == -2)


def _clean_text(values: pd.Series) -> pd.Series:
    """A text column, stripped, with missing values and the text "nan" (one written out) as "".

    Strings are handled by Arrow; anything else goes through `_text` once per distinct value."""
    if isinstance(values.array, pd.arrays.ArrowStringArray):  # in Arrow: one copy, not four
        import pyarrow.compute as pc

        a = values.array.__arrow_array__()
        trimmed = pc.utf8_trim_whitespace(pc.fill_null(a, "") if a.null_count else a)
        nan = pc.equal(trimmed, "nan")
        if pc.any(nan).as_py():
            trimmed = pc.if_else(nan, "", trimmed)
        return pd.Series(pd.array(trimmed, dtype="str"), index=values.index)
    if isinstance(values.dtype, pd.StringDtype):
        return values.fillna("").astype("str").str.strip().replace("nan", "")
    codes, results = _unique_apply(values, lambda v: "" if (t := _text(v).strip()) == "nan" else t)
    return _take_texts(results, codes, values.index)


def _take_texts(texts: list[str], codes: np.ndarray, index: pd.Index | None = None) -> pd.Series:
    """A text column of `texts[code]` for each code, built by Arrow: the distinct texts are made
    once and copied per row, a million str objects never exist."""
    import pyarrow as pa

    taken = pa.array(texts, type=pa.large_string()).take(pa.array(codes))  # pandas' own text type
    return pd.Series(taken, index=index, dtype="str")


def _blank_texts(n: int) -> pd.Series:
    return _take_texts([""], np.zeros(n, dtype="int64"))


def _country_codes(value: object) -> tuple[list[str], list[str]] | None:
    """(ISO alpha-3 codes without repeats, the codes that are no country) of a list cell; None if unusable."""
    items = _as_list(value)
    if items is None:
        return None
    fixed: list[str] = []
    bad: list[str] = []
    for code in items:
        iso = _coerce_country(code)
        if iso is None:
            bad.append(code)
        elif iso not in fixed:
            fixed.append(iso)
    return fixed, bad


class _Problems:
    """Collects (position, column, value, reason) for every problem, to report them all at once."""

    def __init__(self) -> None:
        self.items: list[tuple[int, str, object, str]] = []

    def add(self, positions: Iterable[int], column: str, values: Iterable[object], reason: str) -> None:
        for p, v in zip(positions, values, strict=True):
            self.items.append((int(p), column, v, reason))

    def add_mask(self, mask: pd.Series, column: str, values: pd.Series, reason: str) -> None:
        mask = mask.to_numpy(dtype=bool)
        if mask.any():
            self.add(np.flatnonzero(mask), column, values.to_numpy(dtype=object)[mask], reason)


def _text(v: object) -> str:
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return ""
    if isinstance(v, (list, tuple, np.ndarray)):
        return LIST_SEPARATOR.join(map(str, v))
    return str(v)


def validate(df: pd.DataFrame, *, source: str | None = None) -> Validated:
    """Valid events (contract columns first, extra columns after) and the rejects of `df`.

    Missing optional columns get defaults (event type "other", modality "occurred", confidence 1);
    a row needs a title, a description or evidence. Rows are numbered from 1, or by the `_row`
    column a loader gives (the line in its file), and `_file` names the file (else `source`).
    """
    n = len(df)
    df = df.reset_index(drop=True)
    rows = (
        pd.to_numeric(df[ROW], errors="coerce").fillna(-1).astype("int64")
        if ROW in df
        else pd.Series(np.arange(1, n + 1), dtype="int64")
    )
    files = df[FILE].astype("str") if FILE in df else None  # None: every row is from `source`

    def files_at(positions: np.ndarray | pd.Series) -> np.ndarray:
        if files is None:
            return np.full(len(positions), source or "", dtype=object)
        return files.to_numpy()[positions]

    problems = _Problems()
    out: dict[str, pd.Series] = {}

    def col(name: str) -> pd.Series | None:
        return df[name] if name in df else None

    # text columns
    blank = None
    for c in STRINGS:
        s = col(c)
        if s is None:
            blank = _blank_texts(n) if blank is None else blank  # one for every missing column
            out[c] = blank
        else:
            out[c] = _clean_text(s)
    empty = (out["title"] == "") & (out["description"] == "") & (out["evidence"] == "")
    problems.add_mask(empty, "title", out["title"], "no title, description or evidence")
    fill_title = (out["title"] == "") & ~empty
    if fill_title.any():
        fallback = out["description"].where(out["description"] != "", out["evidence"])
        out["title"] = out["title"].where(~fill_title, fallback.str.slice(0, 80))

    # dates
    start, start_prec, bad = _parse_dates(col("start") if col("start") is not None else pd.Series([None] * n))
    problems.add_mask(
        bad, "start", col("start") if col("start") is not None else start, "start is not a date"
    )
    end_raw = col("end")
    if end_raw is not None:
        end, end_prec, bad_end = _parse_dates(end_raw)
        problems.add_mask(bad_end, "end", end_raw, "end is not a date")
    else:
        end = pd.Series(pd.NaT, index=start.index, dtype=DATETIME)
        end_prec = pd.Series(None, index=start.index, dtype="object")
    prec_raw = col("date_precision")
    prec_codes = start_prec.cat.codes.to_numpy()
    if prec_raw is not None:
        given, bad_prec = _category_codes(prec_raw, PRECISIONS)
        problems.add_mask(
            bad_prec, "date_precision", prec_raw, f"unknown date precision (allowed: {', '.join(PRECISIONS)})"
        )
        prec_codes = np.where(given >= 0, given, prec_codes)
    prec = _precisions(np.where(start.notna().to_numpy(), prec_codes, -1), start.index)
    # an end without a time is its whole period: "2023-08-31" is that day inclusive, "1953" the whole year
    whole = end.notna() & end_prec.isin(["day", "month", "year"])
    if whole.any():
        end = end.where(~whole, period_end(end, end_prec.where(whole, "day")))
    if end.isna().any():
        end = end.where(end.notna(), period_end(start, prec.fillna("day")))
    before = start.notna() & end.notna() & (end < start)
    problems.add_mask(before, "end", end_raw if end_raw is not None else end, "end is before start")
    end_only = start.isna() & end.notna()
    problems.add_mask(end_only, "start", start, "an end date without a start date")
    out["start"], out["end"] = start, end
    out["date_precision"] = prec
    pub_raw = col("source_published")
    if pub_raw is not None:
        pub, _, bad_pub = _parse_dates(pub_raw)
        problems.add_mask(bad_pub, "source_published", pub_raw, "source_published is not a date")
        out["source_published"] = pub
    else:
        out["source_published"] = pd.Series(pd.NaT, index=start.index, dtype=DATETIME)

    # categories
    for c, allowed, default in (
        ("event_type", EVENT_TYPE_NAMES, "other"),
        ("modality", MODALITIES, "occurred"),
    ):
        raw = col(c)
        codes = np.full(n, allowed.index(default), dtype="int64")
        if raw is not None:
            given, bad_v = _category_codes(raw, allowed)
            problems.add_mask(bad_v, c, raw, f"unknown {c.replace('_', ' ')} (allowed: {', '.join(allowed)})")
            codes = np.where(given >= 0, given, codes)
        out[c] = pd.Series(pd.Categorical.from_codes(codes, dtype=dtypes()[c]))

    # lists
    # each distinct cell is split (and its countries coerced) once; rows with equal cells share
    # one list object, so treat the lists as read-only (copy before changing one in place)
    for c in LISTS:
        raw = col(c)
        if raw is None:
            out[c] = pd.Series([[] for _ in range(n)], dtype="object")
            continue
        codes, results = _unique_apply(raw, _country_codes if c == "countries" else _as_list)
        unusable = np.array([r is None for r in results])[codes]
        problems.add_mask(
            pd.Series(unusable), c, raw, f"{c} is not a list or a '{LIST_SEPARATOR}'-joined text"
        )
        if c == "countries":
            with_bad = [i for i, r in enumerate(results) if r is not None and r[1]]
            bad_pos, bad_vals = [], []
            for i in np.flatnonzero(np.isin(codes, with_bad)):
                for code in results[codes[i]][1]:
                    bad_pos.append(i)
                    bad_vals.append(code)
            problems.add(
                bad_pos, "countries", bad_vals, "not a country (give an ISO 3166-1 code or a country name)"
            )
            results = [None if r is None else r[0] for r in results]
        table = np.empty(len(results), dtype=object)
        for i, r in enumerate(results):
            table[i] = [] if r is None else r
        out[c] = pd.Series(table[codes], dtype="object", copy=False)

    # coordinates and confidence
    for c, lo, hi in (("latitude", -90, 90), ("longitude", -180, 180), ("confidence", 0, 1)):
        raw = col(c)
        if raw is None:
            out[c] = pd.Series(np.nan if c != "confidence" else 1.0, index=start.index, dtype="float64")
            continue
        if pd.api.types.is_numeric_dtype(raw) and not pd.api.types.is_bool_dtype(raw):
            blank = raw.isna()
        else:
            blank = raw.isna() | raw.astype("str").str.strip().isin(["", "nan", "None"])
        num = pd.to_numeric(raw.where(~blank, None), errors="coerce").astype("float64")
        problems.add_mask(~blank & num.isna(), c, raw, f"{c} is not a number")
        problems.add_mask(num.notna() & ((num < lo) | (num > hi)), c, raw, f"{c} is outside {lo}..{hi}")
        out[c] = num if c != "confidence" else num.fillna(1.0)
    one_coord = out["latitude"].isna() != out["longitude"].isna()
    problems.add_mask(one_coord, "latitude", out["latitude"], "latitude and longitude must be given together")
    geo_raw = col("geo_precision")
    has_xy = out["latitude"].notna() & out["longitude"].notna()
    given = np.full(n, -1, dtype="int64")
    if geo_raw is not None:
        given, bad_geo = _category_codes(geo_raw, GEO_PRECISIONS)
        problems.add_mask(
            bad_geo, "geo_precision", geo_raw, f"unknown geo precision (allowed: {', '.join(GEO_PRECISIONS)})"
        )
    # with coordinates: the given precision, else "point"; without: "unknown"
    xy = has_xy.to_numpy(dtype=bool)
    point, unknown = GEO_PRECISIONS.index("point"), GEO_PRECISIONS.index("unknown")
    out["geo_precision"] = pd.Series(
        pd.Categorical.from_codes(
            np.where(xy, np.where(given < 0, point, given), unknown), dtype=dtypes()["geo_precision"]
        )
    )

    # ids: keep the source's own, else a hash of what identifies the event; duplicates are rejected
    missing_id = out["event_id"] == ""
    if missing_id.any():
        src = out["source"].where(
            out["source"] != "",
            files if files is not None else pd.Series(source or "", index=out["source"].index),
        )
        ids = [
            make_event_id(s, t, st, e)
            for s, t, st, e in zip(
                src[missing_id],
                out["title"][missing_id],
                start[missing_id],
                out["evidence"][missing_id],
                strict=True,
            )
        ]
        out["event_id"] = out["event_id"].where(
            ~missing_id, pd.Series(ids, index=out["event_id"].index[missing_id])
        )

    bad_rows = np.zeros(n, dtype=bool)
    for p, *_ in problems.items:
        bad_rows[p] = True
    # a duplicate id only counts among rows that are otherwise good
    ids = out["event_id"].where(~pd.Series(bad_rows)) if bad_rows.any() else out["event_id"]
    if _strictly_increasing(out["event_id"]):  # then none repeats, and no hashing is needed
        dup = pd.Series(np.zeros(n, dtype=bool))
    else:
        dup = pd.Series(ids.duplicated(keep="first")) & ~pd.Series(bad_rows)
    problems.add_mask(dup, "event_id", out["event_id"], "duplicate event_id (an earlier row has it)")
    bad_rows |= dup.to_numpy()

    events = pd.DataFrame({c: out[c] for c in COLUMNS}, copy=False)  # copy-on-write: copied if changed
    extra = [c for c in df.columns if c not in COLUMNS and c not in (ROW, FILE)]
    for c in extra:
        events[c] = df[c]
    if bad_rows.any():  # else no copy of a million rows
        events = events[~bad_rows].reset_index(drop=True)
    events = _cast(events)

    if problems.items:
        p = np.array([i for i, *_ in problems.items])
        rejects = pd.DataFrame(
            {
                "file": files_at(p),
                "row": rows.to_numpy()[p],
                "column": [c for _, c, _, _ in problems.items],
                "value": [_text(v)[:200] for _, _, v, _ in problems.items],
                "reason": [r for *_, r in problems.items],
            }
        ).astype({"file": "str", "column": "str", "value": "str", "reason": "str"})
        rejects = rejects.sort_values(["row", "column"], kind="stable").reset_index(drop=True)
    else:
        rejects = empty_rejects()
    return Validated(events, rejects)


def _strictly_increasing(texts: pd.Series) -> bool:
    """Whether each text sorts (byte by byte) after the one before, which rules out repeats at a
    fraction of the cost of hashing a million ids: GDELT and many exports number rows in order."""
    if len(texts) < 2 or not isinstance(texts.array, pd.arrays.ArrowStringArray) or texts.hasnans:
        return False
    import pyarrow.compute as pc

    a = texts.array.__arrow_array__()
    return bool(pc.all(pc.greater(a[1:], a[:-1])).as_py())


def _cast(events: pd.DataFrame) -> pd.DataFrame:
    for c, t in dtypes().items():
        if c in LISTS:
            continue
        if isinstance(t, pd.CategoricalDtype) and events[c].dtype == object:
            events[c] = _to_category(events[c], t)
        else:
            events[c] = events[c].astype(t)
    return events


def _to_category(values: pd.Series, dtype: pd.CategoricalDtype) -> pd.Series:
    """`values.astype(dtype)` by way of the distinct values (faster on a million rows of text)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    where = dtype.categories.get_indexer(pd.Index(uniques, dtype=object))
    codes = np.where(codes < 0, -1, np.append(where, -1)[codes])
    return pd.Series(pd.Categorical.from_codes(codes, dtype=dtype), index=values.index)


def concat(tables: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Events tables stacked into one, keeping the contract's dtypes (categoricals stay categoricals)."""
    tables = [t for t in tables if len(t)]
    if not tables:
        return empty_events()
    return _cast(pd.concat(tables, ignore_index=True))
