"""The events table to and from its own files: CSV, JSON (records) and Parquet.

A round trip gives back an equal table. CSV joins list columns with `;` and neutralises cells a
spreadsheet would run as a formula (a leading `=`, `+`, `-` or `@` gets a `'` in front); reading our
own CSV takes that `'` off again.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pandas as pd

from events.schema import COLUMNS, DATES, LIST_SEPARATOR, LISTS, Validated, validate

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("csv", "json", "parquet")


def format_of(path: str | os.PathLike) -> str:
    """The table format a file name asks for, from its extension."""
    ext = Path(path).suffix.lower().lstrip(".")
    ext = {"jsonl": "json", "pq": "parquet"}.get(ext, ext)
    if ext not in FORMATS:
        raise ValueError(f"{path}: unknown table format {ext!r}; use one of .{', .'.join(FORMATS)}")
    return ext


def neutralise_formula(value: object) -> object:
    """A text a spreadsheet would not run: `=1+1` becomes `'=1+1`. Numbers and empty text pass.

    >>> neutralise_formula("=HYPERLINK(\\"x\\")"), neutralise_formula("-5 dead"), neutralise_formula("ok")
    ('\\'=HYPERLINK("x")', "'-5 dead", 'ok')
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def restore_formula(value: object) -> object:
    if isinstance(value, str) and value.startswith("'") and value[1:2] and value[1] in "=+-@\t\r":
        return value[1:]
    return value


def restore_formulas(values: pd.Series) -> pd.Series:
    """`restore_formula` on a whole text column at once.

    >>> restore_formulas(pd.Series(["'=1+1", "'quoted", "-5", None])).tolist()
    ['=1+1', "'quoted", '-5', nan]
    """
    if not (isinstance(values.dtype, pd.StringDtype) or values.dtype == object):
        return values
    text = values.astype("str") if values.dtype == object else values
    hit = text.str.match(r"'[=+\-@\t\r]", na=False)
    if not hit.any():
        return values
    return values.where(~hit, text.str.slice(1))


def _iso(s: pd.Series) -> pd.Series:
    """Datetimes as ISO text, date only when every value is at midnight... per value, to stay exact."""
    return s.map(lambda t: "" if pd.isna(t) else t.isoformat(), na_action=None)


def list_columns(events: pd.DataFrame) -> list[str]:
    """The contract's list columns and any extra column holding lists (e.g. a merge's `sources`)."""
    out = [c for c in LISTS if c in events]
    for c in events.columns:
        if c not in out and events[c].dtype == object:
            first = events[c].dropna().head(1)
            if len(first) and isinstance(first.iloc[0], (list, np.ndarray)):
                out.append(c)
    return out


def to_flat(events: pd.DataFrame, *, neutralise: bool = True) -> pd.DataFrame:
    """A copy with lists joined by `;`, dates as ISO text and formula-like text neutralised (for CSV)."""
    flat = events.copy()
    for c in list_columns(flat):
        flat[c] = flat[c].map(
            lambda v: LIST_SEPARATOR.join(map(str, v)) if isinstance(v, (list, np.ndarray)) else ""
        )
    for c in flat.columns:
        if pd.api.types.is_datetime64_any_dtype(flat[c]):
            flat[c] = _iso(flat[c])
        elif neutralise and (flat[c].dtype == object or pd.api.types.is_string_dtype(flat[c])):
            flat[c] = flat[c].map(neutralise_formula)
    return flat


def write_events(events: pd.DataFrame, path: str | os.PathLike, *, fmt: str | None = None) -> None:
    """Write an events table as CSV, JSON (records) or Parquet, chosen by `fmt` or the extension."""
    fmt = fmt or format_of(path)
    if fmt == "csv":
        to_flat(events).to_csv(path, index=False, encoding="utf-8")
    elif fmt == "json":
        with open(path, "w", encoding="utf-8") as f:
            json.dump(to_records(events), f, ensure_ascii=False, indent=1)
    elif fmt == "parquet":
        events.to_parquet(path, index=False)
    else:
        raise ValueError(f"unknown table format {fmt!r}; use one of {', '.join(FORMATS)}")


def to_records(events: pd.DataFrame) -> list[dict]:
    """JSON-ready records: dates as ISO text, NaN as null, lists as arrays."""
    flat = events.copy()
    for c in flat.columns:
        if pd.api.types.is_datetime64_any_dtype(flat[c]):
            flat[c] = _iso(flat[c]).replace("", None)
    lists = list_columns(flat)
    records = flat.astype(object).where(flat.notna(), None).to_dict("records")
    for r in records:
        for c in lists:
            if isinstance(r.get(c), np.ndarray):
                r[c] = r[c].tolist()
    return records


def read_events(path: str | os.PathLike, *, fmt: str | None = None) -> Validated:
    """Read a table written by `write_events` (or by hand in the same columns) and validate it."""
    fmt = fmt or format_of(path)
    name = Path(path).name
    if fmt == "csv":
        raw = pd.read_csv(path, dtype={c: str for c in COLUMNS}, keep_default_na=False, encoding="utf-8-sig")
        raw = raw.map(restore_formula)
    elif fmt == "json":
        with open(path, encoding="utf-8-sig") as f:
            data = json.load(f)
        if isinstance(data, dict) and "events" in data:
            data = data["events"]
        if not isinstance(data, list):
            raise ValueError(f"{name}: expected a JSON list of event records")
        raw = pd.DataFrame.from_records(data)
    else:
        raw = pd.read_parquet(path)
    return validate(raw, source=name)


__all__ = ["COLUMNS", "DATES", "read_events", "write_events", "to_flat", "to_records", "format_of"]
