"""Format detection: which loader reads an input, from a peek at its content and its extension.

Like sqlite-utils' `rows_from_file`, the first bytes decide where they can (a Parquet or zip
signature, JSON, a header row, GDELT's 61 tab-separated fields) and the extension breaks ties; the
choice comes back with the reason for it, so the command line can report it.

>>> detect("events.csv", b"event_id,title,start,end,date_precision,event_type\\n").fmt
'events'
>>> detect("notes.txt", b"Seoul, July 27 (Yonhap) -- North Korea held a parade.\\n").fmt
'article'
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import zipfile
from pathlib import Path
from typing import NamedTuple

from loaders.errors import UnreadableInput, UnsupportedFormat
from loaders.tabular import PEEK_BYTES, decode, detect_encoding, looks_binary, sniff_delimiter, unique_header

ARTICLE_EXTENSIONS = {".txt", ".text", ".html", ".htm", ".xhtml", ".md", ""}
TABLE_EXTENSIONS = {".csv", ".tsv", ".tab", ".psv"}
_GDELT_WIDTHS = (57, 58, 61)


class Detection(NamedTuple):
    fmt: str  # a key of loaders.LOADERS
    reason: str  # what decided it, for the user


def detect_format(source: str | os.PathLike) -> str:
    """The name of the loader (a key of `loaders.LOADERS`) that reads `source`."""
    return detect_file(source).fmt


def detect_file(source: str | os.PathLike) -> Detection:
    path = Path(source)
    try:
        with open(path, "rb") as f:
            head = f.read(PEEK_BYTES)
    except OSError as e:
        raise UnreadableInput(f"{path.name}: cannot be read ({e})") from e
    if zipfile.is_zipfile(path):
        return _zip(path)
    return detect(path.name, head)


def _zip(path: Path) -> Detection:
    try:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            if "[Content_Types].xml" in names:
                if any(n.startswith("xl/") for n in names):
                    return _xlsx(path)
                raise UnsupportedFormat(
                    f"{path.name}: an Office file that is not a workbook; save it as .xlsx or CSV"
                )
            members = [n for n in names if not n.endswith("/") and not n.startswith("__MACOSX")]
            if len(members) != 1:
                raise UnsupportedFormat(
                    f"{path.name}: a zip of {len(members)} files; give one zipped file (as GDELT publishes) "
                    "or unzip it and give the files"
                )
            with z.open(members[0]) as f:
                head = f.read(PEEK_BYTES)
    except zipfile.BadZipFile as e:
        raise UnreadableInput(f"{path.name}: a damaged zip file ({e})") from e
    got = detect(members[0], head)
    if got.fmt not in ("gdelt",):
        raise UnsupportedFormat(
            f"{path.name}: zipped {got.fmt} files are not read; only GDELT's zipped .CSV files are (unzip it first)"
        )
    return Detection(got.fmt, f"zipped {got.reason}")


def _xlsx(path: Path) -> Detection:
    """A workbook is a TimelineJS sheet when its header says so, else a hand-made spreadsheet."""
    from loaders.acled import is_acled_header
    from loaders.timelinejs import is_timelinejs_header

    try:
        import openpyxl

        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            header: list[str] = []
            for ws in wb.worksheets:
                for row in ws.iter_rows(values_only=True, max_row=50):
                    cells = ["" if v is None else str(v) for v in row]
                    if any(c.strip() for c in cells):
                        header = cells
                        break
                if header:
                    break
        finally:
            wb.close()
    except Exception as e:  # openpyxl raises many types for a damaged workbook
        raise UnreadableInput(f"{path.name}: not a readable .xlsx workbook ({e})") from e
    if is_timelinejs_header(header):
        return Detection("timelinejs", "an .xlsx whose header is TimelineJS's (Year, Headline, ...)")
    if is_acled_header(header):
        return Detection("acled", "an .xlsx with ACLED's columns")
    return Detection("spreadsheet", "an .xlsx workbook")


def detect(name: str, head: bytes) -> Detection:
    """The format of an input named `name` whose first bytes are `head`."""
    ext = Path(name).suffix.lower()
    if head.startswith(b"PAR1"):
        return Detection("events", "Parquet signature")
    if ext in (".parquet", ".pq"):
        raise UnreadableInput(
            f"{name}: has a Parquet extension but not Parquet's signature; the file is damaged"
        )
    if ext in (".xlsx", ".xlsm", ".xls"):
        raise UnreadableInput(
            f"{name}: not a readable workbook (an .xlsx is a zip); .xls files are not read, save as .xlsx or CSV"
        )
    if not head.strip():
        if ext in ARTICLE_EXTENSIONS:
            return Detection("article", "an empty text file")
        raise UnreadableInput(f"{name}: the file is empty")
    text = head.decode(detect_encoding(head), errors="replace").removeprefix("\ufeff").rstrip("\x00\x1a")
    if not text.strip() and ext not in ARTICLE_EXTENSIONS:
        raise UnreadableInput(f"{name}: the file is empty (only padding bytes)")
    if looks_binary(text):
        decode(head, name)  # raises the binary-data error
    stripped = text.lstrip()
    looks_json = re.match(r'(\[\s*)?\{\s*"', stripped) is not None  # not "[Reuters] Seoul, ..."
    if ext in (".json", ".jsonl", ".ndjson", ".geojson") or looks_json:
        got = _json(stripped, ext, name)
        if got:
            return got
    table = _table(text)
    if table:
        return table
    if ext in ARTICLE_EXTENSIONS:
        if re.search(r"<table\b", text, re.I) and ext in (".html", ".htm", ".xhtml") and _mostly_table(text):
            raise UnsupportedFormat(
                f"{name}: an HTML page that is a table; save the table as CSV or .xlsx and give that"
            )
        return Detection("article", f"text ({ext or 'no extension'}) that is not a table")
    if ext in TABLE_EXTENSIONS:
        return Detection("spreadsheet", f"a {ext} table without a known header")
    raise UnsupportedFormat(
        f"{name}: cannot tell the format of a {ext!r} file; articles are .txt or .html, event files .csv, "
        ".tsv, .json, .parquet, .xlsx, GDELT .CSV or .CSV.zip"
    )


def _mostly_table(html: str) -> bool:
    """More of the page's text inside <table> than outside it."""
    inside = sum(len(m) for m in re.findall(r"<table\b.*?</table>", html, re.I | re.S))
    return inside > len(html) / 2


def _json(text: str, ext: str, name: str) -> Detection | None:
    first = text.lstrip()[:1]
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = None  # a peek cut mid-file, or JSON Lines: look at the text
    if isinstance(data, dict) and ("events" in data or "title" in data) and _is_tljs(data):
        return Detection("timelinejs", 'TimelineJS JSON ("events" with "start_date" and "text")')
    if data is None and re.search(r'"start_date"\s*:\s*\{', text) and re.search(r'"headline"\s*:', text):
        return Detection("timelinejs", 'TimelineJS JSON ("start_date" and "headline")')
    if ext == ".geojson" or re.match(r'\{\s*"type"\s*:\s*"FeatureCollection"', text):
        raise UnsupportedFormat(
            f"{name}: GeoJSON is written, not read; give the events as CSV, JSON or Parquet"
        )
    if first in "[{" or ext in (".json", ".jsonl", ".ndjson"):
        return Detection("events", "JSON records")
    return None


def _is_tljs(data: dict) -> bool:
    slides = [data.get("title")] + list(data.get("events") or [])[:5]
    return any(isinstance(s, dict) and ("start_date" in s or "text" in s) for s in slides)


def _table(text: str) -> Detection | None:
    """A delimited table, told apart by its header (or by GDELT's headerless width)."""
    from loaders.acled import is_acled_header
    from loaders.native import is_events_header
    from loaders.spreadsheet import ALIASES, normalise
    from loaders.timelinejs import is_timelinejs_header

    lines = [ln for ln in text.splitlines() if ln.strip()]
    if not lines:
        return None
    first = lines[0]
    tabs = first.split("\t")
    if (
        len(tabs) in _GDELT_WIDTHS
        and re.fullmatch(r"\d+", tabs[0].strip())
        and re.fullmatch(r"\d{8}", tabs[1].strip())
    ):
        return Detection("gdelt", f"{len(tabs)} tab-separated fields with an id and a YYYYMMDD date (GDELT)")
    if "GLOBALEVENTID" in tabs and "SQLDATE" in tabs:
        return Detection("gdelt", "a GDELT header (GLOBALEVENTID, SQLDATE)")
    delimiter = sniff_delimiter("\n".join(lines[:50]))
    try:
        header = unique_header(next(csv.reader(io.StringIO(first), delimiter=delimiter)))
    except (csv.Error, StopIteration):
        return None
    if len(header) < 2:
        return None
    if is_acled_header(header):
        return Detection("acled", "ACLED's columns (event_id_cnty / event_date, event_type)")
    if is_timelinejs_header(header):
        return Detection("timelinejs", "TimelineJS's columns (Year, Headline, ...)")
    if is_events_header(header):
        return Detection("events", "the events table's own columns")
    known = {ALIASES[normalise(h)] for h in header if normalise(h) in ALIASES}
    if "start" in known and known & {"title", "description"}:
        return Detection("spreadsheet", f"a table with a date and a title column ({', '.join(header[:6])})")
    return None
