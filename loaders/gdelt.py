"""GDELT event files (2.0: 61 columns; 1.0: 58, or 57 in the backfile) to the events table.

Tab-separated, no header (a header row naming the codebook's columns is also accepted), plain or
zipped (`.CSV.zip`, one file inside). What each GDELT column becomes:

- GLOBALEVENTID -> event_id; SQLDATE -> start, precision "day"; DATEADDED -> source_published
- EventCode -> event_type through the CAMEO crosswalk (the codes are kept as extra columns)
- Actor1Name, Actor2Name -> actors and the title ("Actor1 — CAMEO root verb — Actor2")
- Actor1/2CountryCode (CAMEO) and ActionGeo_CountryCode (FIPS 10-4) -> countries (ISO alpha-3;
  CAMEO region codes such as AFR name no country and are left out of `countries`, kept as extras)
- ActionGeo_FullName, _Lat, _Long -> location and coordinates; ActionGeo_Type -> geo_precision
  (1 country, 2 and 5 region, 3 and 4 city)
- SOURCEURL -> source; GoldsteinScale, NumMentions, NumSources, NumArticles, AvgTone, QuadClass,
  IsRootEvent and the codes are kept after the contract columns.

The file is read in chunks (Settings.chunk_rows) through pandas' C parser, with a progress bar
when asked for; everything after that is column-at-a-time, so a million rows load in seconds.
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
import warnings
import zipfile
from collections.abc import Iterator

import numpy as np
import pandas as pd

from events.schema import DATETIME, Validated, validate
from events.taxonomy import from_cameo
from loaders.errors import MissingColumns, UnreadableInput, UnsupportedFormat
from loaders.gdelt_columns import BY_WIDTH, CAMEO_ROOTS, GEO_TYPES, V2
from loaders.settings import Settings
from loaders.tabular import combine_rejects, peek_text, progress_bar, zip_member

TEXT = (
    "GLOBALEVENTID",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_FeatureID",
    "SOURCEURL",
)
NUMBERS = (
    "SQLDATE",
    "IsRootEvent",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "ActionGeo_Type",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "DATEADDED",
)
# Kept after the contract columns, as GDELT names them.
EXTRA = (
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "IsRootEvent",
    "Actor1Code",
    "Actor1CountryCode",
    "Actor2Code",
    "Actor2CountryCode",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_FeatureID",
)
REQUIRED = ("GLOBALEVENTID", "SQLDATE", "EventCode")
_SKIPPED = re.compile(r"Skipping line (\d+): expected (\d+) fields, saw (\d+)")


def _open(path: str) -> contextlib.AbstractContextManager:
    if zipfile.is_zipfile(path):
        z = zipfile.ZipFile(path)
        stack = contextlib.ExitStack()
        stack.enter_context(z)
        f = stack.enter_context(z.open(zip_member(z, os.path.basename(path))))
        f.size = z.getinfo(f.name).file_size  # type: ignore[attr-defined]
        return _Managed(stack, f)
    f = open(path, "rb")  # noqa: SIM115 - closed by the context manager
    f.size = os.path.getsize(path)  # type: ignore[attr-defined]
    return _Managed(contextlib.ExitStack(), f)


class _Managed:
    def __init__(self, stack: contextlib.ExitStack, f):
        self.stack, self.f = stack, f
        stack.callback(f.close)

    def __enter__(self):
        return self.f

    def __exit__(self, *exc) -> None:
        self.stack.close()


def layout(path: str | os.PathLike) -> tuple[tuple[str, ...], bool]:
    """The column names of a GDELT file and whether its first line is a header."""
    name = os.path.basename(os.fspath(path))
    head = peek_text(path, size=16 * 1024)
    first = next((ln for ln in head.splitlines() if ln.strip()), None)
    if first is None:
        raise UnreadableInput(f"{name}: the file is empty; a GDELT event file has one event per line")
    fields = first.split("\t")
    if "GLOBALEVENTID" in fields:
        found = [f.strip() for f in fields]
        missing = [c for c in REQUIRED if c not in found]
        if missing:
            raise MissingColumns(name, found, list(REQUIRED))
        return tuple(found), True
    if len(fields) not in BY_WIDTH:
        raise UnsupportedFormat(
            f"{name}: the first line has {len(fields)} tab-separated fields; GDELT event files have "
            f"61 (GDELT 2.0), 58 or 57 (GDELT 1.0)"
        )
    return BY_WIDTH[len(fields)], False


def _read_chunks(
    path: str, names: tuple[str, ...], header: bool, settings: Settings
) -> Iterator[tuple[pd.DataFrame, list[tuple[int, str]]]]:
    """The careful path: chunks of the needed columns as text, each with the lines pandas skipped in
    it (line, reason), for files the fast path will not read."""
    wanted = [c for c in (*TEXT, *NUMBERS) if c in names]
    with _open(path) as f:
        bar = progress_bar(
            f.size, enabled=settings.progress and f.size > 32 * 1024 * 1024, name=os.path.basename(path)
        )
        reader = pd.read_csv(
            f,
            sep="\t",
            header=0 if header else None,
            names=None if header else list(names),
            dtype="str",  # every column, so a line with too many fields is caught (usecols hides it)
            quoting=csv.QUOTE_NONE,
            keep_default_na=False,
            na_values=[""],
            skip_blank_lines=False,
            on_bad_lines="warn",
            encoding="utf-8",
            encoding_errors="replace",
            chunksize=settings.chunk_rows,
            engine="c",
        )
        done = 0
        while True:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                chunk = next(reader, None)
            skipped = []
            for w in caught:
                for m in _SKIPPED.finditer(str(w.message)):
                    skipped.append((int(m[1]), f"{m[3]} fields where GDELT has {m[2]}"))
            if chunk is None:
                if skipped:
                    yield pd.DataFrame(columns=wanted), skipped
                break
            if bar is not None:
                pos = f.tell() if hasattr(f, "tell") else done
                bar.update(max(0, pos - done))
                done = pos
            yield chunk[wanted], skipped
        if bar is not None:
            bar.close()


def _arrow_chunks(
    path: str, names: tuple[str, ...], header: bool, settings: Settings
) -> Iterator[tuple[pd.DataFrame, list[tuple[int, str]]]]:
    """The fast path: pyarrow's CSV reader with the needed columns typed. It is strict (any row of
    the wrong width, a blank line or a number that is not one raises), and `load` then reads the
    file again with `_read_chunks`, which reports each such line."""
    import pyarrow as pa
    import pyarrow.csv as pc

    wanted = [c for c in (*TEXT, *NUMBERS) if c in names]
    types = {c: (pa.string() if c in TEXT else pa.float64()) for c in wanted}
    with _open(path) as f:
        bar = progress_bar(
            f.size, enabled=settings.progress and f.size > 32 * 1024 * 1024, name=os.path.basename(path)
        )
        reader = pc.open_csv(
            f,
            read_options=pc.ReadOptions(
                column_names=None if header else list(names), block_size=8 * 1024 * 1024
            ),
            parse_options=pc.ParseOptions(delimiter="\t", quote_char=False, ignore_empty_lines=False),
            convert_options=pc.ConvertOptions(
                include_columns=wanted, column_types=types, null_values=[""], strings_can_be_null=True
            ),
        )
        offset, done = 0, 0
        as_str = {
            pa.string(): pd.StringDtype("pyarrow", na_value=np.nan),
            pa.large_string(): pd.StringDtype("pyarrow", na_value=np.nan),
        }
        for batch in reader:
            frame = batch.to_pandas(types_mapper=as_str.get)
            frame.index = pd.RangeIndex(offset, offset + len(frame))
            offset += len(frame)
            if bar is not None:
                pos = f.tell()
                bar.update(max(0, pos - done))
                done = pos
            yield frame, []
        if bar is not None:
            bar.close()


def _iso_by_unique(codes: pd.Series, scheme: str) -> pd.Series:
    """ISO alpha-3 for a column of codes, converting each distinct code once ("" when none)."""
    from events.countries import to_iso3

    values, uniques = pd.factorize(codes, use_na_sentinel=True)
    table = np.array([to_iso3(u, scheme=scheme) or "" for u in uniques] + [""], dtype=object)
    return pd.Series(table[values], index=codes.index, dtype="str")


def _yyyymmdd(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Datetimes from YYYYMMDD or YYYYMMDDHHMMSS numbers, and a mask of the ones that are not dates."""
    v = values.to_numpy(dtype="float64")
    ok = np.isfinite(v) & (v >= 0)
    v = np.where(ok, v, 0).astype("int64")
    long = v >= 10**11  # YYYYMMDDHHMMSS
    day = np.where(long, v // 1_000_000, v)
    clock = np.where(long, v % 1_000_000, 0)
    y, m, d = day // 10_000, day // 100 % 100, day % 100
    hh, mm, ss = clock // 10_000, clock // 100 % 100, clock % 100
    ok &= (y >= 1) & (y <= 9999) & (m >= 1) & (m <= 12) & (d >= 1) & (d <= 31)
    ok &= (hh < 24) & (mm < 60) & (ss < 60)
    months = (np.where(ok, y, 1970) - 1970) * 12 + np.where(ok, m, 1) - 1
    dates = months.astype("datetime64[M]").astype("datetime64[D]") + (np.where(ok, d, 1) - 1)
    ok &= dates.astype("datetime64[M]") == months.astype("datetime64[M]")  # 31 February is not a date
    stamp = dates.astype(DATETIME) + (hh * 3600 + mm * 60 + ss).astype("timedelta64[s]")
    out = pd.Series(np.where(ok, stamp, np.datetime64("NaT")), index=values.index).astype(DATETIME)
    return out, pd.Series(~ok, index=values.index)


def _join(*parts: pd.Series, sep: str) -> pd.Series:
    """Text columns joined with `sep`, leaving out the empty ones."""
    out = None
    for p in parts:
        p = p.fillna("").astype("str")
        if out is None:
            out = p
            continue
        both = (out != "") & (p != "")
        out = out + np.where(both, sep, "") + p
    return out


def _events(chunk: pd.DataFrame, *, as_text: bool) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A chunk of GDELT columns to contract columns (+ extras), and the rows that are not events."""
    n = len(chunk)
    get = chunk.get
    nums: dict[str, pd.Series] = {}
    bad_number = pd.Series(False, index=chunk.index)
    why = pd.Series("", index=chunk.index, dtype="object")
    for c in NUMBERS:
        raw = get(c)
        if raw is None:
            nums[c] = pd.Series(np.nan, index=chunk.index)
            continue
        if as_text:
            num = pd.to_numeric(raw.str.strip(), errors="coerce")
            bad = raw.notna() & (raw.str.strip() != "") & num.isna()
            why = why.where(~bad | (why != ""), f"{c} is not a number")
            bad_number |= bad
            nums[c] = num.astype("float64")
        else:
            nums[c] = raw
    start, bad_date = _yyyymmdd(nums["SQLDATE"])
    published, _ = _yyyymmdd(nums["DATEADDED"])
    why = why.where(~bad_date | (why != ""), "SQLDATE is not a date YYYYMMDD")
    incomplete = chunk["GLOBALEVENTID"].isna() | (nums["DATEADDED"].isna() & ~bad_number)
    why = why.where(~incomplete, "incomplete GDELT row (too few fields)")
    bad = bad_date | bad_number | incomplete

    text = {c: (get(c) if c in chunk else pd.Series(pd.NA, index=chunk.index, dtype="str")) for c in TEXT}
    code = text["EventCode"]
    codes, uniques = pd.factorize(code, use_na_sentinel=True)
    types = np.array([from_cameo(u) for u in uniques] + [None], dtype=object)[codes]
    root = text["EventRootCode"].fillna(code.str.slice(0, 2)).str.zfill(2)
    verb = root.map(CAMEO_ROOTS, na_action="ignore").fillna("Event " + code.fillna("?"))
    title = _join(text["Actor1Name"], verb, text["Actor2Name"], sep=" — ")
    countries = _join(
        _iso_by_unique(text["Actor1CountryCode"], "cameo"),
        _iso_by_unique(text["Actor2CountryCode"], "cameo"),
        _iso_by_unique(text["ActionGeo_CountryCode"], "fips"),
        sep=";",
    )
    geo_type = nums["ActionGeo_Type"]
    geo = pd.Series(pd.Categorical(geo_type.map(GEO_TYPES), categories=sorted(set(GEO_TYPES.values()))))
    sqldate = nums["SQLDATE"]
    date_text = pd.Series(np.where(np.isfinite(sqldate), sqldate.fillna(0).astype("int64"), 0), dtype="str")
    frame = pd.DataFrame(
        {
            "event_id": text["GLOBALEVENTID"].str.strip(),
            "title": title,
            "start": start,
            "date_precision": np.where(start.notna(), "day", None),
            "date_text": date_text.where(start.notna(), ""),
            "event_type": types,
            "countries": countries,
            "actors": _join(text["Actor1Name"], text["Actor2Name"], sep=";"),
            "location": text["ActionGeo_FullName"],
            "latitude": nums["ActionGeo_Lat"],
            "longitude": nums["ActionGeo_Long"],
            "geo_precision": geo.to_numpy(),
            "source": text["SOURCEURL"],
            "source_published": published,
        },
        index=chunk.index,
    )
    for c in EXTRA:
        frame[c] = nums[c] if c in nums else text[c]
    if n and bad.any():
        rejects = pd.DataFrame({"row": chunk.index[bad], "column": "", "value": "", "reason": why[bad]})
        for c in ("GLOBALEVENTID", "SQLDATE"):
            pick = bad & (why.str.startswith(c) | (c == "GLOBALEVENTID"))
            rejects.loc[pick[bad].to_numpy(), "column"] = c
        rejects["value"] = chunk.loc[bad, "GLOBALEVENTID"].fillna("").astype("str").to_numpy()
        frame = frame[~bad]
    else:
        rejects = pd.DataFrame(columns=["row", "column", "value", "reason"])
    return frame, rejects


def _line_numbers(positions: np.ndarray, skipped: list[int], first_line: int) -> np.ndarray:
    """Line numbers of parsed records, given the lines pandas skipped before them."""
    lines = positions + first_line
    for s in sorted(skipped):
        lines[lines >= s] += 1
    return lines


def load(source: str | os.PathLike, *, settings: Settings | None = None) -> Validated:
    settings = settings or Settings()
    path = os.fspath(source)
    name = os.path.basename(path)
    names, header = layout(path)
    if not set(REQUIRED) <= set(names):
        raise MissingColumns(name, list(names), list(REQUIRED))
    try:
        return _load(path, name, names, header, settings, fast=True)
    except (ValueError, OverflowError):  # pyarrow met a line it will not read: read again, reporting it
        return _load(path, name, names, header, settings, fast=False)


def _load(
    path: str, name: str, names: tuple[str, ...], header: bool, settings: Settings, *, fast: bool
) -> Validated:
    frames, rejects, skipped_all = [], [], []
    pending: list[pd.DataFrame] = []
    first_line = 2 if header else 1
    chunks = (
        _arrow_chunks(path, names, header, settings) if fast else _read_chunks(path, names, header, settings)
    )
    for chunk, skipped in chunks:
        skipped_all.extend(skipped)
        if not len(chunk):
            continue
        if not fast:
            chunk = chunk[~chunk.isna().all(axis=1)]  # blank lines are not records
        frame, rej = _events(chunk, as_text=not fast)
        frames.append(frame)
        pending.append(rej)
    skipped_lines = [s for s, _ in skipped_all]
    events = pd.concat(frames) if frames else pd.DataFrame(columns=["event_id", "title"])
    events["_row"] = _line_numbers(events.index.to_numpy().copy(), skipped_lines, first_line)
    for rej in pending:
        if len(rej):
            rej = rej.copy()
            rej["row"] = _line_numbers(rej["row"].to_numpy(dtype="int64").copy(), skipped_lines, first_line)
            rej["file"] = name
            rejects.append(rej)
    if skipped_all:
        rejects.append(
            pd.DataFrame(
                {
                    "file": name,
                    "row": [s for s, _ in skipped_all],
                    "column": "",
                    "value": "",
                    "reason": [r for _, r in skipped_all],
                }
            )
        )
    checked = validate(events.reset_index(drop=True), source=name)
    own = [
        r.astype({"file": "str", "row": "int64", "column": "str", "value": "str", "reason": "str"})
        for r in rejects
    ]
    return Validated(checked.events, combine_rejects(checked.rejects, *own))


__all__ = ["load", "layout", "V2"]
