"""An events store: the events table as a Parquet dataset partitioned by the start's year and month.

The layout is hive style, `STORE/year=2023/month=07/part-<writer id>-<n>.parquet`, which DuckDB
(`read_parquet('STORE/**/*.parquet', hive_partitioning = true)`), Dask
(`dd.read_parquet(STORE, dataset={"partitioning": typed_partitioning()})`), Spark
(`spark.read.parquet(STORE)`) and `pyarrow.dataset` all read. Every writer names its files with its own random id, so many writers
(Dask tasks, repeated runs) can add to the same store at once without overwriting each other.
Events without a start date go to `year=__HIVE_DEFAULT_PARTITION__/month=__HIVE_DEFAULT_PARTITION__`
(hive's name for a null partition value; all four readers above read it back as null).

On disk only the contract columns are kept, with plain Arrow types any reader understands: text as
string, dates as timestamp[s], lists as list<string>, categories as string.

>>> import tempfile
>>> from events.schema import validate
>>> ev = validate(pd.DataFrame({"title": ["Summit", "Drill"], "start": ["2019-04-25", "2023-08"],
...                             "countries": ["PRK;RUS", "KOR;USA"]})).events
>>> d = tempfile.mkdtemp()
>>> len(write_store(ev, d))
2
>>> back = read_store(d, filters=[("year", "=", 2023)])
>>> back["title"].tolist(), back["countries"].tolist(), str(back["start"].dtype)
(['Drill'], [['KOR', 'USA']], 'datetime64[s]')
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds

from events.schema import CATEGORIES, COLUMNS, DATES, FLOATS, LISTS, dtypes, empty_events
from loaders.errors import UnreadableInput

PARTITIONS = ("year", "month")
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"
# Rows per Parquet row group: small enough that min/max statistics let readers skip most of a
# file on a date filter, large enough that per-group overhead stays negligible.
ROW_GROUP_ROWS = 64_000


def arrow_schema() -> pa.Schema:
    """The on-disk schema of the contract columns (the partition columns are in the paths)."""
    fields = []
    for c in COLUMNS:
        if c in DATES:
            t = pa.timestamp("s")
        elif c in FLOATS:
            t = pa.float64()
        elif c in LISTS:
            t = pa.list_(pa.string())
        else:  # text and categories
            t = pa.string()
        fields.append(pa.field(c, t))
    return pa.schema(fields)


def partitioning() -> ds.Partitioning:
    # Zero-padded text, so `month=07` sorts in listings; readers infer integers from it.
    return ds.partitioning(pa.schema([("year", pa.string()), ("month", pa.string())]), flavor="hive")


def _list_array(values: pd.Series) -> pa.Array:
    if isinstance(values.dtype, pd.ArrowDtype):
        return pa.array(values).cast(pa.list_(pa.string()))
    return pa.array(
        [v if isinstance(v, list) else (list(v) if v is not None and not _isna(v) else []) for v in values],
        type=pa.list_(pa.string()),
    )


def _isna(v: object) -> bool:
    return isinstance(v, float) and np.isnan(v)


def to_arrow(events: pd.DataFrame) -> pa.Table:
    """The contract columns of an events table as an Arrow table in the store's schema, plus the
    `year` and `month` partition values (zero-padded text) taken from `start`."""
    missing = [c for c in COLUMNS if c not in events]
    if missing:
        raise ValueError(
            f"not an events table: missing column(s) {', '.join(missing)} (validate it with events.schema.validate)"
        )
    schema = arrow_schema()
    arrays = []
    for f in schema:
        s = events[f.name]
        if f.name in LISTS:
            arrays.append(_list_array(s))
        elif f.name in DATES:
            arrays.append(pa.array(s.astype("datetime64[s]"), type=f.type))
        elif f.name in CATEGORIES:
            arrays.append(pa.array(s.astype("object"), type=pa.string(), from_pandas=True))
        else:
            arrays.append(pa.array(s, type=f.type, from_pandas=True))
    table = pa.Table.from_arrays(arrays, schema=schema)
    start = table.column("start")
    year = pc.year(start)
    month = pc.month(start)
    text = pc.cast(year, pa.string())
    # 0950, but -50 as it is (padding it would give "0-50")
    table = table.append_column("year", pc.if_else(pc.less(year, 0), text, pc.utf8_lpad(text, 4, "0")))
    table = table.append_column("month", pc.utf8_lpad(pc.cast(month, pa.string()), 2, "0"))
    return table


def write_store(
    events: pd.DataFrame | pa.Table,
    path: str | os.PathLike,
    *,
    writer_id: str | None = None,
    max_rows_per_file: int = 1_000_000,
) -> list[str]:
    """Add an events table to the store at `path` (created if needed); returns the files written.

    Files are named `part-<writer_id>-<n>.parquet`; `writer_id` defaults to a fresh random id, so
    writes never overwrite earlier ones. Pass the same id twice only to replace that writer's files.
    """
    table = events if isinstance(events, pa.Table) else to_arrow(events)
    if "year" not in table.column_names:
        raise ValueError("an Arrow table given to write_store must come from loaders.store.to_arrow")
    if table.num_rows == 0:
        return []
    os.makedirs(path, exist_ok=True)
    writer_id = writer_id or uuid.uuid4().hex[:16]
    written: list[str] = []
    ds.write_dataset(
        table,
        os.fspath(path),
        format="parquet",
        partitioning=partitioning(),
        basename_template=f"part-{writer_id}-{{i}}.parquet",
        existing_data_behavior="overwrite_or_ignore",
        max_rows_per_group=ROW_GROUP_ROWS,
        min_rows_per_group=min(ROW_GROUP_ROWS, table.num_rows),
        max_rows_per_file=max_rows_per_file,
        max_partitions=100_000,
        file_visitor=lambda f: written.append(f.path),
    )
    return sorted(written)


def files_of(path: str | os.PathLike) -> list[str]:
    """The Parquet files of a store."""
    return sorted(str(p) for p in Path(path).glob("**/*.parquet"))


def parquet_glob(path: str | os.PathLike) -> str:
    """The glob DuckDB reads a store with: `read_parquet(glob, hive_partitioning = true)`."""
    return os.path.join(os.fspath(path), "**", "*.parquet")


def typed_partitioning() -> ds.Partitioning:
    """How readers should type the folders: `year` and `month` as integers. Dask needs it given
    (`dd.read_parquet(store, dataset={"partitioning": typed_partitioning()})`), since it cannot
    infer a type from the undated events' null folder alone."""
    return ds.partitioning(pa.schema([("year", pa.int32()), ("month", pa.int8())]), flavor="hive")


def dataset(path: str | os.PathLike) -> ds.Dataset:
    """The store as a `pyarrow.dataset`, with `year` and `month` typed as integers."""
    if not os.path.isdir(path):
        raise UnreadableInput(f"{path}: no events store here (a directory written by write_store)")
    part = typed_partitioning()
    schema = arrow_schema().append(pa.field("year", pa.int32())).append(pa.field("month", pa.int8()))
    return ds.dataset(os.fspath(path), format="parquet", partitioning=part, schema=schema)


def read_store(
    path: str | os.PathLike,
    *,
    filters: list | ds.Expression | None = None,
    columns: list[str] | None = None,
    compact: bool = False,
) -> pd.DataFrame:
    """The events of a store (or those matching `filters`) with the contract's dtypes.

    `filters` is a pyarrow expression or a list of `(column, op, value)` tuples as in
    `pandas.read_parquet` (e.g. `[("year", ">=", 2020)]`; partition columns prune whole folders).
    With `compact=True` text and list columns stay Arrow-backed (see `compact`)
    instead of becoming Python lists, which takes far less memory for large tables.
    """
    d = dataset(path)
    expr = filters if isinstance(filters, ds.Expression) or filters is None else _expression(filters)
    cols = list(columns) if columns else list(COLUMNS)
    table = d.to_table(columns=cols, filter=expr)
    if table.num_rows == 0:
        return empty_events()[cols] if set(cols) <= set(COLUMNS) else table.to_pandas()
    return _compact(table) if compact else from_arrow(table)


LIST_DTYPE = pd.ArrowDtype(pa.list_(pa.string()))


def from_arrow(table: pa.Table) -> pd.DataFrame:
    """An Arrow table in the store's schema as an events DataFrame with the contract's dtypes
    (list columns as Python lists in object columns)."""
    df = compact(table)
    for c in LISTS:
        if c in df:
            df[c] = pd.Series(
                [[] if v is None else v for v in table.column(c).to_pylist()], index=df.index, dtype=object
            )
    return df


def compact(events: pd.DataFrame | pa.Table) -> pd.DataFrame:
    """An events table in compact, Arrow-backed dtypes: list columns become
    `pd.ArrowDtype(pa.list_(pa.string()))` (one Arrow buffer, not a Python list per row),
    text stays Arrow-backed `str`, categories stay categoricals, dates datetime64[s].

    DuckDB and pyarrow read such a frame without copying, and `countries` filters run in Arrow
    (`list_has_any` in DuckDB, `pc.list_value_length`/`pc.is_in` over `pc.list_flatten`), not a
    Python loop. At a million events it takes about a third of the memory of Python lists.
    """
    table = events if isinstance(events, pa.Table) else None
    if table is None:
        df = events.copy()
        for c in LISTS:
            if c in df and not isinstance(df[c].dtype, pd.ArrowDtype):
                df[c] = pd.Series(_list_array(df[c]), index=df.index, dtype=LIST_DTYPE)
        return df
    for c in LISTS:
        if c in table.column_names and table.column(c).null_count:
            i = table.column_names.index(c)
            col = table.column(c)
            table = table.set_column(i, c, pc.if_else(pc.is_null(col), pa.scalar([], col.type), col))
    mapper = {pa.string(): pd.StringDtype(na_value=np.nan), pa.list_(pa.string()): LIST_DTYPE}
    df = table.to_pandas(types_mapper=mapper.get)
    types = dtypes()
    for c in df.columns:
        if c in types and c not in LISTS and df[c].dtype != types[c]:
            df[c] = df[c].astype(types[c])
    return df


_compact = compact  # read_store's `compact` argument hides the function's name


def _expression(filters: list) -> ds.Expression:
    ops = {
        "=": lambda f, v: f == v,
        "==": lambda f, v: f == v,
        "!=": lambda f, v: f != v,
        "<": lambda f, v: f < v,
        "<=": lambda f, v: f <= v,
        ">": lambda f, v: f > v,
        ">=": lambda f, v: f >= v,
        "in": lambda f, v: f.isin(list(v)),
        "not in": lambda f, v: ~f.isin(list(v)),
    }
    expr = None
    for item in filters:
        try:
            column, op, value = item
        except (TypeError, ValueError):
            raise ValueError(
                f"filter {item!r}: write (column, op, value), e.g. ('year', '>=', 2020)"
            ) from None
        if op not in ops:
            raise ValueError(f"filter {item!r}: unknown operator {op!r}; use one of {', '.join(ops)}")
        if isinstance(value, (pd.Timestamp, np.datetime64)):
            value = pd.Timestamp(value).to_pydatetime()
        e = ops[op](ds.field(column), value)
        expr = e if expr is None else expr & e
    return expr
