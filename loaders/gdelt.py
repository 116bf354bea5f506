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

The fast path reads the whole file with pyarrow's CSV reader (the needed columns only, typed; about
270 bytes a row in memory). When a few lines have the wrong width (a cut-off last line, junk), they
are found by counting tabs and read by pandas, the rest by pyarrow; any other problem (a number that
is not one) sends the file through pandas' C parser in chunks (Settings.chunk_rows). Each odd line
is reported with its line number, whichever reader met it; all show a progress bar when asked for.
Everything after reading is column-at-a-time, and Python runs once per distinct value (codes repeat
a lot), so a million rows load in about the time pandas.read_csv takes to read the file.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import warnings
import zipfile
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import IO

import numpy as np
import pandas as pd

from events.schema import DATETIME, Validated, validate
from events.taxonomy import from_cameo
from loaders import tabular
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
# text columns that titles, event types, countries and actors are made from
COMBINED = (
    "Actor1Name",
    "Actor2Name",
    "EventCode",
    "Actor1CountryCode",
    "Actor2CountryCode",
    "ActionGeo_CountryCode",
)
COUNTS = ("IsRootEvent", "QuadClass", "NumMentions", "NumSources", "NumArticles")
GEO_CATEGORIES = sorted(set(GEO_TYPES.values()))
_SKIPPED = re.compile(r"Skipping line (\d+): expected (\d+) fields, saw (\d+)")


@contextlib.contextmanager
def _open(path: str) -> Iterator[tuple[IO[bytes], int]]:
    """The file, or the one file inside its zip, as bytes, with its (unzipped) size for progress."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            member = zip_member(z, os.path.basename(path))
            with z.open(member) as f:
                yield f, z.getinfo(member).file_size
    else:
        with open(path, "rb") as f:
            yield f, os.path.getsize(path)


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


# What the readers yield: rows indexed by their line in the file, the lines skipped for having too
# many fields (line, reason), and whether the numbers are still text (the careful reader's).
Chunk = tuple[pd.DataFrame, list[tuple[int, str]], bool]


def _read_chunks(path: str, names: tuple[str, ...], header: bool, settings: Settings) -> Iterator[Chunk]:
    """The careful path: chunks of the needed columns as text, for files the fast path will not read."""
    with _open(path) as (f, size):
        bar = progress_bar(
            size, enabled=settings.progress and size > tabular.LARGE_BYTES, name=os.path.basename(path)
        )
        yield from _pandas_chunks(f, names, header, settings, bar=bar, line_of=lambda lines: lines)
        if bar is not None:
            bar.close()


def _pandas_chunks(
    f: IO[bytes],
    names: tuple[str, ...],
    header: bool,
    settings: Settings,
    *,
    bar: object,
    line_of: Callable[[np.ndarray], np.ndarray],
) -> Iterator[Chunk]:
    """pandas' C parser over `f`, every field as text; `line_of` maps its line numbers to the file's."""
    wanted = [c for c in (*TEXT, *NUMBERS) if c in names]
    reader = pd.read_csv(
        f,
        sep="\t",
        header=0 if header else None,
        names=None if header else list(names),
        # every column, so a line with too many fields is caught (usecols hides it); only the
        # needed ones become pandas text (the rest stay plain objects: converting them is slow)
        dtype={c: ("str" if c in wanted else object) for c in names} if not header else "str",
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
    done, skipped_lines = 0, []
    first_line = 2 if header else 1
    while True:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            chunk = next(reader, None)
        skipped = []
        for w in caught:
            for m in _SKIPPED.finditer(str(w.message)):
                skipped.append((int(m[1]), f"{m[3]} fields where GDELT has {m[2]}"))
        skipped_lines.extend(line for line, _ in skipped)
        found = [
            (int(line), reason)
            for line, reason in zip(
                line_of(np.array([s for s, _ in skipped], dtype="int64")),
                [r for _, r in skipped],
                strict=True,
            )
        ]
        if chunk is None:
            if found:
                yield pd.DataFrame(columns=wanted), found, True
            break
        if bar is not None:
            pos = f.tell()
            bar.update(max(0, pos - done))
            done = pos
        chunk = chunk[wanted]
        lines = _line_numbers(chunk.index.to_numpy().copy(), skipped_lines, first_line)
        chunk.index = pd.Index(line_of(lines))
        yield chunk, found, True


def _arrow_chunks(path: str, names: tuple[str, ...], header: bool, settings: Settings) -> Iterator[Chunk]:
    """The fast path: pyarrow's CSV reader with the needed columns typed, the whole file as one frame
    (Arrow holds its columns in about 270 bytes a row; one frame spares stacking chunks). Text stays
    in Arrow (pandas' `str`): `combine` numbers its distinct values through Arrow's hashing. It is
    strict (any row of the wrong width, a blank line or a number that is not one raises), and `load`
    then tries `_sifted_chunks`, then `_read_chunks`, which report each such line."""
    with _open(path) as (f, size):
        bar = progress_bar(
            size, enabled=settings.progress and size > tabular.LARGE_BYTES, name=os.path.basename(path)
        )
        frame = _arrow_frame(f, names, header, bar)
    yield frame.set_axis(pd.RangeIndex(2 if header else 1, (2 if header else 1) + len(frame))), [], False


def _arrow_frame(
    f: IO[bytes], names: tuple[str, ...], header: bool, bar: object, *, nan_is_text: bool = False
) -> pd.DataFrame:
    """The needed columns of a file that has no line of the wrong width, read by pyarrow. With
    `nan_is_text`, a number written "nan" raises ValueError: pyarrow reads it as a number, pandas'
    careful path as text that is not one, and the two paths must agree on a file."""
    import pyarrow as pa
    import pyarrow.csv as pc

    wanted = [c for c in (*TEXT, *NUMBERS) if c in names]
    # large_string: what pandas keeps text in, so handing the columns over copies nothing
    types = {c: pa.float64() if c in NUMBERS else pa.large_string() for c in wanted}
    reader = pc.open_csv(
        f,
        read_options=pc.ReadOptions(column_names=None if header else list(names), block_size=4 * 1024 * 1024),
        parse_options=pc.ParseOptions(delimiter="\t", quote_char=False, ignore_empty_lines=False),
        convert_options=pc.ConvertOptions(
            include_columns=wanted, column_types=types, null_values=[""], strings_can_be_null=False
        ),
    )
    batches, done = [], 0
    for batch in reader:
        batches.append(batch)
        if bar is not None:
            pos = f.tell()
            bar.update(max(0, pos - done))
            done = pos
    if bar is not None:
        bar.close()
    table = pa.Table.from_batches(batches, schema=reader.schema)
    if nan_is_text:
        import pyarrow.compute as pac

        for c in wanted:
            if c in NUMBERS and pac.any(pac.is_nan(table[c])).as_py():
                raise ValueError(f"{c}: a number written 'nan'")
    as_str = pd.StringDtype("pyarrow", na_value=np.nan)
    mapper = {pa.string(): as_str, pa.large_string(): as_str}.get
    return table.to_pandas(types_mapper=mapper, split_blocks=True)  # split: no copy into 2-d blocks


def _sifted_chunks(path: str, names: tuple[str, ...], header: bool, settings: Settings) -> Iterator[Chunk]:
    """For a file with a few lines of the wrong width (a cut-off last line, junk): those lines are
    found by counting tabs, pyarrow reads the others and pandas the few, each reported as the careful
    path would. Raises ValueError when the problem is something else (a number that is not one)."""
    with _open(path) as (f, size):
        bar = progress_bar(
            size, enabled=settings.progress and size > tabular.LARGE_BYTES, name=os.path.basename(path)
        )
        data = f.read()
    if b"\r" in data and data.count(b"\r") != data.count(b"\r\n"):
        raise ValueError("lines ended by a lone CR: counted by the careful reader")
    starts, ends = _line_spans(data)
    tabs = _tabs_per_line(data, ends)
    odd = np.flatnonzero(tabs != len(names) - 1)
    if header:
        odd = odd[odd > 0]  # the header line is not data
    if not len(odd):
        raise ValueError("no line of the wrong width")
    keep = np.ones(len(starts), dtype=bool)
    keep[odd] = False
    good = b"".join(_spans(data, starts, ends, keep))
    few = b"".join(_spans(data, starts, ends, ~keep))
    del data
    odd_lines = odd + 1  # line numbers
    frame = _arrow_frame(io.BytesIO(good), names, header, bar, nan_is_text=True)
    del good
    first_line = 2 if header else 1
    kept = np.flatnonzero(keep) + 1  # line numbers of the lines pyarrow read
    frame.index = pd.Index(kept[kept >= first_line])
    yield frame, [], False
    # pandas takes the shape of the first line (one with a field too many would make the first
    # column an index): the few lines follow an empty record of the right width, dropped as blank
    blank = b"\t" * (len(names) - 1) + b"\n"
    yield from _pandas_chunks(
        io.BytesIO(blank + few),
        names,
        False,
        settings,
        bar=None,
        line_of=lambda lines: np.where(lines >= 2, odd_lines[np.maximum(lines - 2, 0)], 0),
    )


def _line_spans(data: bytes) -> tuple[np.ndarray, np.ndarray]:
    """Where each line starts and ends (after its newline), found 16 MB at a time."""
    buf = np.frombuffer(data, dtype=np.uint8)
    step = 16 * 1024 * 1024
    newlines = [np.flatnonzero(buf[i : i + step] == 10) + i for i in range(0, len(buf), step)]
    ends = np.concatenate([*newlines, np.zeros(0, dtype="int64")]) + 1
    if len(buf) and buf[-1] != 10:  # a last line without a newline
        ends = np.append(ends, len(buf))
    starts = np.concatenate([[0], ends[:-1]]).astype("int64")
    return starts, ends


def _tabs_per_line(data: bytes, ends: np.ndarray) -> np.ndarray:
    """The number of tabs in each line, counted 16 MB at a time."""
    buf = np.frombuffer(data, dtype=np.uint8)
    step = 16 * 1024 * 1024
    before = np.zeros(len(ends), dtype="int64")  # tabs before each line's end
    total = 0
    for i in range(0, len(buf), step):
        tabs = np.flatnonzero(buf[i : i + step] == 9) + i
        lo, hi = np.searchsorted(ends, [i, i + step], side="right")  # lines ending in this block
        before[lo:hi] = total + np.searchsorted(tabs, ends[lo:hi])
        before[hi:] = total + len(tabs)
        total += len(tabs)
    return np.diff(np.concatenate([[0], before]))


def _spans(data: bytes, starts: np.ndarray, ends: np.ndarray, keep: np.ndarray) -> list[bytes]:
    """The kept lines, as runs of consecutive lines (few pieces when few lines are dropped)."""
    edges = np.flatnonzero(np.diff(np.concatenate([[0], keep.view(np.int8), [0]])))
    runs = edges.reshape(-1, 2)  # [first kept, first dropped) pairs
    pieces = [data[starts[a] : ends[b - 1]] for a, b in runs]
    if pieces and not pieces[-1].endswith(b"\n"):
        pieces[-1] += b"\n"
    return pieces


def _yyyymmdd(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Datetimes from YYYYMMDD or YYYYMMDDHHMMSS numbers, and a mask of the ones that are not dates.
    Worked out once per distinct number (a file holds a few hundred dates), then taken per row."""
    codes, uniques = pd.factorize(values.to_numpy(dtype="float64"), use_na_sentinel=True)
    stamps, ok = _stamps(np.asarray(uniques, dtype="float64"))
    codes = np.where(codes < 0, len(stamps), codes)  # missing: the NaT appended below
    out = np.append(stamps, np.array(["NaT"], dtype=DATETIME))[codes]
    bad = ~np.append(ok, False)[codes]
    return pd.Series(out, index=values.index, copy=False), pd.Series(bad, index=values.index, copy=False)


def _stamps(v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`_yyyymmdd` of distinct numbers: the datetimes (NaT where not a date) and which are dates."""
    ok = np.isfinite(v) & (v >= 0) & (v < 1e15)  # 14 digits at most; larger would overflow int64
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
    return np.where(ok, stamp, np.datetime64("NaT")).astype(DATETIME), ok


def _codes(values: pd.Series) -> tuple[np.ndarray, list[object]]:
    """Codes (-1 for missing) and the distinct values of a column; Arrow text is numbered by Arrow."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values.cat.codes.to_numpy(), list(values.cat.categories)
    if isinstance(values.array, pd.arrays.ArrowStringArray):
        import pyarrow.compute as pc

        if not len(values):
            return np.zeros(0, dtype="int32"), []
        encoded = pc.dictionary_encode(values.array.__arrow_array__()).combine_chunks()
        codes = pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False)
        return codes, encoded.dictionary.to_pylist()
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return codes, list(uniques)


def combine(columns: list[pd.Series], func: Callable[..., object]) -> pd.Series:
    """`func(*values)` for each row, called once per distinct combination of the columns' values
    (a million GDELT rows hold a few thousand): a categorical column of the results, so what
    follows (validation) also works once per distinct value."""
    if not columns:
        raise ValueError("combine needs at least one column")
    return _combine([_codes(c) for c in columns], columns, func)


def _combine(
    parts: list[tuple[np.ndarray, list[object]]], columns: list[pd.Series], func: Callable[..., object]
) -> pd.Series:
    """`combine` of columns already numbered by `_codes` (a column used in several is numbered once)."""
    index = columns[0].index
    sizes = [len(u) + 1 for _, u in parts]  # + 1: missing
    space = float(np.prod(sizes, dtype="float64"))
    if space >= 2**62:  # too many to number: row by row
        rows = zip(*(c.astype("object").where(c.notna(), None) for c in columns), strict=True)
        return pd.Series([func(*r) for r in rows], index=index, dtype="category")
    key = np.zeros(len(index), dtype="int64")
    for (codes, _), size in zip(parts, sizes, strict=True):
        key *= size  # in place: no million-row temporaries
        key += codes
        key += 1
    if space <= max(len(key), 1 << 16):  # few possible keys: a table instead of hashing
        seen = np.zeros(int(space), dtype=bool)
        seen[key] = True
        kuniques = np.flatnonzero(seen)
        lookup = np.zeros(int(space), dtype="int64")
        lookup[kuniques] = np.arange(len(kuniques))
        kcodes = lookup[key]
    else:
        kcodes, kuniques = pd.factorize(key)
    results = np.empty(len(kuniques), dtype=object)
    for i, k in enumerate(kuniques.tolist()):
        values = []
        for (_, uniques), size in zip(reversed(parts), reversed(sizes), strict=True):
            k, r = divmod(k, size)
            values.append(uniques[r - 1] if r else None)
        results[i] = func(*reversed(values))
    codes, categories = pd.factorize(results, use_na_sentinel=True)  # equal results share a category
    return pd.Series(pd.Categorical.from_codes(codes[kcodes], categories=categories), index=index, copy=False)


def _text(v: object) -> str:
    return "" if v is None or (isinstance(v, float) and v != v) else str(v).strip()


@lru_cache(maxsize=65536)
def _iso(code: str, scheme: str) -> str:
    from events.countries import to_iso3

    return (to_iso3(code, scheme=scheme) or "") if code else ""


def _countries(a1: object, a2: object, geo: object) -> str:
    codes = (_iso(_text(a1), "cameo"), _iso(_text(a2), "cameo"), _iso(_text(geo), "fips"))
    return ";".join(dict.fromkeys(c for c in codes if c))


def _title(a1: object, code: object, a2: object) -> str:
    c = _text(code)
    verb = CAMEO_ROOTS.get(c[:2]) or (f"Event {c}" if c else "Event")
    return " — ".join(p for p in (_text(a1), verb, _text(a2)) if p)


def _actors(a1: object, a2: object) -> str:
    return ";".join(p for p in (_text(a1), _text(a2)) if p)


def _to_numbers(texts: pd.Series) -> pd.Series:
    """`pd.to_numeric(texts, errors="coerce")` as floats, parsed once per distinct text (number
    columns repeat a lot, and parsing text is the slow part)."""
    codes, uniques = pd.factorize(texts, use_na_sentinel=True)
    parsed = pd.to_numeric(pd.Series(uniques, dtype=object), errors="coerce").astype("float64").to_numpy()
    values = np.append(parsed, np.nan)[np.where(codes < 0, len(parsed), codes)]
    return pd.Series(values, index=texts.index, copy=False)


def _numbers(chunk: pd.DataFrame, as_text: bool) -> tuple[dict[str, pd.Series], np.ndarray]:
    """The number columns as floats, and for each row the first column that is not a number ("")."""
    nums: dict[str, pd.Series] = {}
    why = np.full(len(chunk) if as_text else 0, "", dtype=object)  # Arrow typed the fast path's
    for c in NUMBERS:
        raw = chunk.get(c)
        if raw is None:
            nums[c] = pd.Series(np.nan, index=chunk.index)
        elif as_text:
            stripped = raw.str.strip()
            num = _to_numbers(stripped)
            bad = (raw.notna() & (stripped != "") & num.isna()).to_numpy()
            why[bad & (why == "")] = c
            nums[c] = num
        else:
            nums[c] = raw.astype("float64")
    return nums, why


def _counts(values: pd.Series) -> pd.Series:
    """Whole numbers as integers (10, not 10.0): int64, or nullable Int64 when some are missing (as
    pandas reads them from a CSV); left as floats if any is not whole."""
    v = values.to_numpy(dtype="float64")
    if np.isfinite(v).all():  # the usual case, with no temporary copies
        whole = v.astype("int64")
        return values if (whole != v).any() else pd.Series(whole, index=values.index, copy=False)
    finite = np.isfinite(v)
    if (v[finite] % 1 != 0).any() or np.isinf(v).any():  # "inf" reads as a number, but no count
        return values
    return values.astype("Int64")


def _events(chunk: pd.DataFrame, *, as_text: bool) -> tuple[pd.DataFrame, pd.DataFrame]:
    """GDELT columns to contract columns (+ extras), and the rows that are not events."""
    nums, not_number = _numbers(chunk, as_text)
    start, bad_date = _yyyymmdd(nums["SQLDATE"])
    published, _ = _yyyymmdd(nums["DATEADDED"])
    gid = chunk["GLOBALEVENTID"]
    nan_number = not_number != "" if len(not_number) else np.zeros(len(chunk), dtype=bool)
    incomplete = (gid.isna() | (gid == "")).to_numpy() | (nums["DATEADDED"].isna().to_numpy() & ~nan_number)
    bad = incomplete | nan_number | bad_date.to_numpy()
    if bad.any():  # the first reason a row is not an event, and the column it is about
        if not len(not_number):
            not_number = np.full(len(chunk), "", dtype=object)
        reason = np.select(
            [incomplete, nan_number],
            ["incomplete GDELT row (too few fields)", not_number + " is not a number"],
            "SQLDATE is not a date YYYYMMDD",
        )[bad]
        column = np.select([incomplete, nan_number], ["", not_number], "SQLDATE")[bad]
    else:
        reason = column = np.array([], dtype=object)

    missing = pd.Series(np.nan, index=chunk.index, dtype="object")
    text = {c: chunk[c] if c in chunk else missing for c in TEXT}
    coded = {c: _codes(text[c]) for c in COMBINED}  # numbered once, used by several combinations

    def combined(names: tuple[str, ...], func: Callable[..., object]) -> pd.Series:
        return _combine([coded[c] for c in names], [text[c] for c in names], func)

    event_type = combined(("EventCode",), lambda c: from_cameo(_text(c)) if c is not None else None)
    geo_type = nums["ActionGeo_Type"].to_numpy()
    geo_codes = np.full(len(geo_type), -1)
    for number, name in GEO_TYPES.items():
        geo_codes[geo_type == number] = GEO_CATEGORIES.index(name)
    sqldate = combine([nums["SQLDATE"]], lambda v: "" if v is None or v != v else str(int(v)))
    frame = pd.DataFrame(
        {
            "event_id": text["GLOBALEVENTID"],
            "title": combined(("Actor1Name", "EventCode", "Actor2Name"), _title),
            "start": start,
            "date_precision": pd.Categorical.from_codes(np.where(start.notna(), 0, -1), categories=["day"]),
            "date_text": sqldate,  # rows without a start are rejected below
            "event_type": event_type,
            "countries": combined(
                ("Actor1CountryCode", "Actor2CountryCode", "ActionGeo_CountryCode"), _countries
            ),
            "actors": combined(("Actor1Name", "Actor2Name"), _actors),
            "location": text["ActionGeo_FullName"],
            "latitude": nums["ActionGeo_Lat"],
            "longitude": nums["ActionGeo_Long"],
            "geo_precision": pd.Categorical.from_codes(geo_codes, categories=GEO_CATEGORIES),
            "source": text["SOURCEURL"],
            "source_published": published,
        },
        index=chunk.index,
        copy=False,  # the columns are new: no need to copy them again
    )
    for c in EXTRA:  # counts become integers in `_load`, once the good rows of every chunk are known
        frame[c] = nums[c] if c in nums else text[c].fillna("")  # codes: "" when missing, as all text
    rejects = pd.DataFrame(
        {
            "row": chunk.index[bad],
            "column": column,
            "value": chunk["GLOBALEVENTID"][bad].astype("object").fillna("").to_numpy(),
            "reason": reason,
        }
    )
    return frame[~bad], rejects


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Chunks stacked; a column that is categorical in each stays categorical (pandas would make
    chunks of different categories plain objects, and validation then work row by row)."""
    from pandas.api.types import union_categoricals

    out = pd.concat(frames)
    for c in frames[0].columns:
        parts = [f[c] for f in frames]
        if len(parts) > 1 and all(isinstance(p.dtype, pd.CategoricalDtype) for p in parts):
            if not isinstance(out[c].dtype, pd.CategoricalDtype):
                try:
                    out[c] = pd.Series(union_categoricals(parts), index=out.index)
                except TypeError:  # categories of different kinds (an all-empty chunk): leave as is
                    pass
    return out


def _line_numbers(positions: np.ndarray, skipped: list[int], first_line: int) -> np.ndarray:
    """Line numbers of parsed records, given the lines pandas skipped before them: a record that
    would be on line L without skips is on L + (the skipped lines at or before where it lands)."""
    lines = positions + first_line
    s = np.unique(np.asarray(skipped, dtype="int64"))
    return lines + np.searchsorted(s - np.arange(len(s)), lines, side="right")


def load(source: str | os.PathLike, *, settings: Settings | None = None) -> Validated:
    settings = settings or Settings()
    path = os.fspath(source)
    name = os.path.basename(path)
    names, header = layout(path)
    if not set(REQUIRED) <= set(names):
        raise MissingColumns(name, list(names), list(REQUIRED))
    for reader in (_arrow_chunks, _sifted_chunks):
        try:
            return _load(path, name, names, header, settings, reader)
        except (ValueError, OverflowError):  # pyarrow met a line it will not read: try the next reader
            pass
    return _load(path, name, names, header, settings, _read_chunks)  # reports every line it skips


def _load(
    path: str,
    name: str,
    names: tuple[str, ...],
    header: bool,
    settings: Settings,
    reader: Callable[[str, tuple[str, ...], bool, Settings], Iterator[Chunk]],
) -> Validated:
    frames, pending, skipped_all = [], [], []
    for chunk, skipped, as_text in reader(path, names, header, settings):
        skipped_all.extend(skipped)
        if not len(chunk):
            continue
        if as_text:
            chunk = chunk[~chunk.isna().all(axis=1)]  # blank lines are not records
        frame, rej = _events(chunk, as_text=as_text)
        frames.append(frame)
        pending.append(rej)
    events = (
        (frames[0] if len(frames) == 1 else _concat(frames))
        if frames
        else pd.DataFrame(columns=["event_id", "title"])
    )
    if not events.index.is_monotonic_increasing:  # the sifted reader's few lines go in their place
        events = events.sort_index(kind="stable")
    for c in COUNTS:  # integers when every loaded row has one: rejected rows and chunks do not matter
        if c in events:
            events[c] = _counts(events[c])
    events["_row"] = events.index.to_numpy()  # the readers index rows by line
    rejects = [rej.assign(file=name) for rej in pending if len(rej)]
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
