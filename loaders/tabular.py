"""Delimited text as people and programs really write it: any common encoding, a BOM, blank lines,
short or long rows, trailing junk, an unknown delimiter, and files too large to read at once.

Every reader of delimited files goes through here, so each gets the same guarantees: the bytes are
decoded or refused with a clear error, every record keeps the line it started on (`_row`), and a
record that does not fit the header is reported, never dropped.

>>> decode(b"\\xef\\xbb\\xbfdate,title\\r\\n", "x.csv")
('date,title\\r\\n', 'utf-8-sig')
>>> decode("Caf\\u00e9 \\u201cquoted\\u201d".encode("cp1252"), "x.csv")
('Café “quoted”', 'cp1252')
>>> sniff_delimiter("a;b;c\\n1;2;3\\n")
';'
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import sys
import zipfile
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import numpy as np
import pandas as pd

from events.schema import FILE, ROW, empty_rejects
from loaders.errors import UnreadableInput

PEEK_BYTES = 64 * 1024
DELIMITERS = (",", "\t", ";", "|")
# A file this large is read in chunks, with a progress bar when asked for.
LARGE_BYTES = 32 * 1024 * 1024

csv.field_size_limit(10 * 1024 * 1024)  # long notes fields are real; a 10 MB cell is not


class Table(NamedTuple):
    """Records of a delimited file as text columns, with `_row` (line) and `_file`, and the records
    that could not be placed under the header (as rejects)."""

    frame: pd.DataFrame
    rejects: pd.DataFrame
    header: list[str]


# --------------------------------------------------------------------------------------------
# bytes to text


def read_bytes(path: str | os.PathLike, *, max_bytes: int, peek: int | None = None) -> bytes:
    """The bytes of a file (its first `peek` bytes only, when given); a zip gives its single member."""
    name = os.path.basename(os.fspath(path))
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise UnreadableInput(
                f"{name}: {size:,} bytes is more than the limit of {max_bytes:,} (raise max_bytes to read it)"
            )
        if zipfile.is_zipfile(path) and not _is_office(path):
            with zipfile.ZipFile(path) as z, z.open(zip_member(z, name)) as f:
                return f.read(peek) if peek else f.read(max_bytes + 1)
        with open(path, "rb") as f:
            return f.read(peek) if peek else f.read()
    except (OSError, zipfile.BadZipFile) as e:
        raise UnreadableInput(f"{name}: cannot be read ({e})") from e


def _is_office(path: str | os.PathLike) -> bool:
    try:
        with zipfile.ZipFile(path) as z:
            return "[Content_Types].xml" in z.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def zip_member(z: zipfile.ZipFile, name: str) -> str:
    """The one data file inside a zip (GDELT publishes each file zipped alone)."""
    members = [i.filename for i in z.infolist() if not i.is_dir() and not i.filename.startswith("__MACOSX")]
    if len(members) != 1:
        raise UnreadableInput(
            f"{name}: a zip must hold exactly one data file, this one holds {len(members)} "
            f"({', '.join(members[:5]) or 'none'}); unzip it and give the files one by one"
        )
    return members[0]


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows as NULs in every other byte of ASCII text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def detect_encoding(data: bytes) -> str:
    """The encoding of some bytes: a BOM decides; else UTF-8 if it decodes, else UTF-16 by its NULs,
    else Windows-1252 (which reads Latin-1 text the same, and its curly quotes right), else Latin-1."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    for enc in ("utf-8", "cp1252"):
        try:
            codecs.getincrementaldecoder(enc)().decode(data, final=False)
            return enc
        except UnicodeDecodeError:
            continue
    return "latin-1"


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Text and the encoding it was read with; binary content is refused."""
    enc = detect_encoding(data)
    try:
        text = data.decode(enc)
    except UnicodeDecodeError:  # the peek decoded, a later byte does not: fall back to Latin-1
        enc = "cp1252" if enc == "utf-8" else "latin-1"
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            enc, text = "latin-1", data.decode("latin-1")
    if enc.startswith("utf-8") and text.startswith("\ufeff"):
        text = text[1:]
    text = text.rstrip("\x00\x1a")  # NUL padding or a DOS end-of-file mark after the data
    if looks_binary(text):
        raise UnreadableInput(
            f"{name}: looks like binary data, not text; give a CSV, TSV, JSON, Parquet or .xlsx file"
        )
    return text, enc


def looks_binary(text: str) -> bool:
    sample = text[:PEEK_BYTES]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return "\x00" in sample or controls > 0.01 * len(sample)


def read_text(path: str | os.PathLike, *, max_bytes: int) -> tuple[str, str]:
    return decode(read_bytes(path, max_bytes=max_bytes), os.path.basename(os.fspath(path)))


def peek_text(path: str | os.PathLike, *, size: int = PEEK_BYTES) -> str:
    """The start of a file as text (a few bad bytes at the cut are replaced), for detection."""
    data = read_bytes(path, max_bytes=sys.maxsize, peek=size)
    enc = detect_encoding(data)
    text = data.decode(enc, errors="replace")
    return text.removeprefix("\ufeff").rstrip("\x00\x1a")


# --------------------------------------------------------------------------------------------
# text to records


def sniff_delimiter(sample: str) -> str:
    """The delimiter that splits the header into several fields and the most records (read as CSV,
    so quoted line breaks stay inside their cell) into as many fields as the header."""
    best, best_score = ",", (0, 0)
    for d in DELIMITERS:
        try:
            rows = []
            for r in csv.reader(io.StringIO(sample, newline=""), delimiter=d):
                if any(c.strip() for c in r):
                    rows.append(len(r))
                if len(rows) > 50:
                    break
        except csv.Error:
            continue
        if len(rows) > 2:
            rows = rows[:-1]  # the last record of a peek may be cut
        if not rows or rows[0] < 2:
            continue
        score = (sum(1 for n in rows if n == rows[0]), rows[0])
        if score > best_score:
            best, best_score = d, score
    return best


def progress_bar(total: int, *, enabled: bool, name: str, unit: str = "line"):
    """A tqdm bar on standard error, or None when not asked for."""
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit=unit, unit_scale=True, desc=name, file=sys.stderr, leave=False)


def iter_records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(line the record starts on, its fields) for every non-blank record."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 1
    try:
        for fields in reader:
            start, line = line, reader.line_num + 1
            if not fields or all(not f.strip() for f in fields):
                continue
            yield start, fields
    except csv.Error as e:  # only a NUL or an over-long field gets here
        raise UnreadableInput(f"line {line}: {e}") from e


def unique_header(names: list[str]) -> list[str]:
    """Header names stripped, blanks named `column_N`, repeats numbered (`date`, `date_2`)."""
    out: list[str] = []
    seen: dict[str, int] = {}
    for i, n in enumerate(names, 1):
        n = n.strip() or f"column_{i}"
        if n in seen:
            seen[n] += 1
            n = f"{n}_{seen[n]}"
        else:
            seen[n] = 1
        out.append(n)
    return out


def read_table(
    path: str | os.PathLike,
    *,
    max_bytes: int,
    delimiter: str | None = None,
    header: list[str] | None = None,
    progress: bool = False,
) -> Table:
    """Read a delimited file with a header row (or the given `header`) into text columns.

    A record with more fields than the header is rejected (unless the extra fields are empty); a
    shorter one is padded with empty fields. Blank lines are not records.
    """
    name = os.path.basename(os.fspath(path))
    text, _ = read_text(path, max_bytes=max_bytes)
    return parse_table(text, name, delimiter=delimiter, header=header, progress=progress)


def parse_table(
    text: str,
    name: str,
    *,
    delimiter: str | None = None,
    header: list[str] | None = None,
    progress: bool = False,
) -> Table:
    delimiter = delimiter or sniff_delimiter(text[:PEEK_BYTES])
    records = iter_records(text, delimiter)
    if header is None:
        first = next(records, None)
        if first is None:
            return Table(_frame({}, [], name), empty_rejects(), [])
        header = unique_header(first[1])
    width = len(header)
    kept: list[list[str]] = []
    rows: list[int] = []
    bad: list[tuple[int, str, str]] = []
    large = len(text) > LARGE_BYTES
    bar = progress_bar(text.count("\n") + 1, enabled=progress and large, name=name)
    done = 0
    for line, fields in records:
        if len(fields) != width:
            if len(fields) > width and any(f.strip() for f in fields[width:]):
                bad.append(
                    (line, delimiter.join(fields), f"{len(fields)} fields where the header has {width}")
                )
                continue
            fields = (fields + [""] * width)[:width]
        rows.append(line)
        kept.append(fields)
        if bar is not None and len(rows) % 10_000 == 0:
            bar.update(line - done)
            done = line
    if bar is not None:
        bar.close()
    columns = list(zip(*kept, strict=True)) if kept else [() for _ in header]  # rows to columns, in C
    frame = _frame(dict(zip(header, columns, strict=True)), rows, name)
    rejects = empty_rejects()
    if bad:
        rejects = pd.DataFrame(
            {
                "file": name,
                "row": [b[0] for b in bad],
                "column": "",
                "value": [b[1][:200] for b in bad],
                "reason": [b[2] for b in bad],
            }
        ).astype({"file": "str", "row": "int64", "column": "str", "value": "str", "reason": "str"})
    return Table(frame, rejects, header)


def _frame(columns: dict[str, Sequence[str]], rows: list[int], name: str) -> pd.DataFrame:
    import pyarrow as pa  # builds text columns from Python strings three times faster than pandas

    frame = pd.DataFrame(
        {k: pd.Series(pa.array(v, type=pa.string()), dtype="str") for k, v in columns.items()}
    )
    frame[ROW] = np.asarray(rows, dtype="int64")
    frame[FILE] = name
    return frame


def combine_rejects(*tables: pd.DataFrame) -> pd.DataFrame:
    """Rejects tables stacked, sorted by file and row."""
    parts = [t for t in tables if len(t)]
    if not parts:
        return empty_rejects()
    out = pd.concat(parts, ignore_index=True)
    return out.sort_values(["file", "row"], kind="stable").reset_index(drop=True)
