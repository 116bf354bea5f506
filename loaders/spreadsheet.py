"""Spreadsheets people make by hand (CSV, TSV or Excel .xlsx) to the events table.

Columns are recognised by their common names (`VARIANTS`: "Date", "start_date", "When", "Lat",
"Headline", ...), or named with `Settings.column_map` (`--map date=When`). Dates of mixed forms in
one column keep the precision they were written at (see `loaders.partial_dates`); day-first or
month-first is decided per column unless `Settings.dayfirst` says. Free-text types ("Summit",
"Missile test") map to the taxonomy by keyword; the original column is kept. Every other column is
kept after the contract columns.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from functools import lru_cache

import pandas as pd

from events.io import restore_formulas
from events.schema import COLUMNS, FILE, ROW, Validated, make_event_id, validate
from events.taxonomy import EVENT_TYPES
from loaders.errors import MissingColumns, UnreadableInput
from loaders.partial_dates import parse_date_column
from loaders.settings import Settings
from loaders.tabular import Table, combine_rejects, read_table, unique_header

# target column -> the header names (normalised: lower case, words joined by "_") that mean it
VARIANTS: dict[str, tuple[str, ...]] = {
    "event_id": ("event_id", "id", "uid", "event_no", "reference_id"),
    "start": (
        "start",
        "date",
        "start_date",
        "startdate",
        "date_start",
        "begin",
        "from",
        "when",
        "event_date",
        "day",
        "date_from",
        "start_time",
        "datetime",
        "timestamp",
    ),
    "end": ("end", "end_date", "enddate", "date_end", "until", "to", "date_to", "finish", "end_time"),
    "title": ("title", "headline", "event", "name", "event_name", "what", "summary", "label"),
    "description": ("description", "notes", "note", "details", "text", "comments", "comment", "desc"),
    "countries": (
        "countries",
        "country",
        "iso3",
        "iso",
        "iso_3",
        "country_code",
        "country_codes",
        "nation",
        "nations",
        "states",
    ),
    "actors": ("actors", "actor", "who", "parties", "participants", "people"),
    "location": ("location", "place", "city", "site", "where", "town", "area"),
    "latitude": ("latitude", "lat", "y"),
    "longitude": ("longitude", "lon", "lng", "long", "x"),
    "event_type": ("event_type", "type", "category", "kind", "event_category"),
    "source": ("source", "url", "link", "sources", "reference", "ref", "source_url"),
    "date_precision": ("date_precision", "precision"),
    "geo_precision": ("geo_precision",),
    "modality": ("modality", "status"),
    "evidence": ("evidence", "quote", "excerpt"),
    "confidence": ("confidence", "certainty"),
    "source_published": ("source_published", "published", "publication_date", "date_published"),
    "date_text": ("date_text",),
}
ALIASES: dict[str, str] = {v: target for target, names in VARIANTS.items() for v in names}
REQUIRED = ("start", "title")

# keyword -> event type, for the free text of a type column (first match wins)
TYPE_WORDS: tuple[tuple[str, str], ...] = (
    (r"arms|weapons? (sale|deal|deliver|transfer)|military aid", "arms_transfer"),
    (r"missile|launch|nuclear test|weapons? test|icbm|rocket test|test[- ]fir", "weapons_test"),
    (r"exercise|drill|manoeuvre|maneuver|patrol|war ?game|parade|show of force", "military_exercise"),
    (r"summit|meeting|talks|visit|consult|negotiat|conference|dialogue", "meeting"),
    (r"treaty|agreement|accord|deal|pact|signed|memorandum", "agreement"),
    (r"sanction|embargo|expel|expulsion|blacklist|tariff", "sanction"),
    (r"protest|riot|demonstrat|rally|strike action", "protest"),
    (
        r"attack|strike|battle|war|clash|shelling|bomb|assault|invasion|fighting|airstrike|conflict",
        "armed_conflict",
    ),
    (r"proposal|propos|offer|intent", "proposal"),
    (r"statement|warning|warn|speech|condemn|announce|declar|briefing|report", "statement"),
)
_LABELS = {t.label.lower(): name for name, t in EVENT_TYPES.items()} | {n: n for n in EVENT_TYPES}


def normalise(name: str) -> str:
    """A header name as looked up in VARIANTS: "Start Date" -> "start_date"."""
    return re.sub(r"[^0-9a-z]+", "_", str(name).strip().lower()).strip("_")


def type_from_text(text: object) -> str | None:
    """A taxonomy type for a free-text type ("Missile test" -> weapons_test); None when blank.

    >>> type_from_text("Summit"), type_from_text("Military Exercise"), type_from_text("Misc")
    ('meeting', 'military_exercise', 'other')
    """
    if not isinstance(text, str) or not text.strip():
        return None
    t = " ".join(text.lower().replace("_", " ").split())
    if t in _LABELS:
        return _LABELS[t]
    for pattern, name in TYPE_WORDS:
        if re.search(pattern, t):
            return name
    return "other"


@lru_cache(maxsize=8192)
def countries_cell(text: str) -> str:
    """A countries cell as `;`-joined ISO alpha-3 codes: "South Korea, Japan" -> "KOR;JPN".

    Pieces that name no country are passed on as written, so validation rejects the row and says so.
    """
    from events.countries import to_iso3

    t = text.strip()
    if not t:
        return ""
    whole = to_iso3(t)
    pieces = [p.strip() for p in re.split(r"\s*(?:[;,/|&+]|\band\b)\s*", t) if p.strip()]
    codes = [to_iso3(p) for p in pieces]
    if all(codes):
        return ";".join(dict.fromkeys(codes))  # type: ignore[arg-type]
    if whole:
        return whole
    return ";".join(c or p for c, p in zip(codes, pieces, strict=True))


def match_columns(header: list[str], column_map: dict[str, str], name: str) -> dict[str, str]:
    """Contract column -> file column: the explicit map first, then the first recognised variant."""
    found: dict[str, str] = {}
    for target, column in column_map.items():
        key = ALIASES.get(normalise(target), normalise(target))
        if key not in COLUMNS:
            raise UnreadableInput(
                f"--map {target}={column}: {target!r} is not a column of the events table; "
                f"use one of: date, end, {', '.join(c for c in COLUMNS if c != 'start')}"
            )
        match = (
            column
            if column in header
            else next((h for h in header if normalise(h) == normalise(column)), None)
        )
        if match is None:
            raise MissingColumns(name, header, [column])
        found[key] = match
    used = set(found.values())
    for h in header:
        target = ALIASES.get(normalise(h))
        if target and target not in found and h not in used:
            found[target] = h
            used.add(h)
    return found


# --------------------------------------------------------------------------------------------
# reading


def _cell(value: object) -> str:
    """An Excel cell as the text a CSV of it would hold."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx(path: str | os.PathLike, name: str) -> Table:
    """The first non-empty sheet of an .xlsx: its first non-empty row is the header."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as e:
        raise UnreadableInput(
            f"{name}: not a readable .xlsx workbook ({e}); save it again as .xlsx or CSV"
        ) from e
    try:
        for ws in wb.worksheets:
            header: list[str] | None = None
            rows: list[int] = []
            cells: list[list[str]] = []
            for i, values in enumerate(ws.iter_rows(values_only=True), 1):
                texts = [_cell(v) for v in values]
                if not any(t.strip() for t in texts):
                    continue
                if header is None:
                    while texts and not texts[-1].strip():
                        texts.pop()
                    header = unique_header(texts)
                    continue
                texts = (texts + [""] * len(header))[: len(header)]
                rows.append(i)
                cells.append(texts)
            if header is None:
                continue
            frame = (
                pd.DataFrame(cells, columns=header, dtype="str")
                if cells
                else pd.DataFrame({h: pd.Series([], dtype="str") for h in header})
            )
            frame[ROW] = pd.Series(rows, dtype="int64")
            frame[FILE] = name
            return Table(frame, combine_rejects(), header)
    finally:
        wb.close()
    raise UnreadableInput(f"{name}: the workbook has no data; put a header row and one event per row")


def read_sheet(path: str | os.PathLike, settings: Settings) -> Table:
    name = os.path.basename(os.fspath(path))
    if str(path).lower().endswith((".xlsx", ".xlsm")):
        return read_xlsx(path, name)
    return read_table(path, max_bytes=settings.max_bytes, progress=settings.progress)


# --------------------------------------------------------------------------------------------
# to the events table


DATE_HELP = "write it as 2023-07-27, 27/07/2023, July 2023, 2023, c. 1950, 1950-1953 or 2023-07-27T14:00Z"


def read_dates(out: pd.DataFrame, columns: dict[str, str], settings: Settings) -> dict[str, pd.Series]:
    """Replace the start/end columns of `out` by ISO text at their precision. Returns, for "start"
    and "end", the mask of rows whose date cannot be read: they are rejected before validation, so
    no parser guesses (pandas would read "Monday" against today's date)."""
    if "start" not in out:
        return {}
    d = parse_date_column(out["start"], dayfirst=settings.dayfirst)
    problems = {"start": d["date_precision"].isna() & (d["date_text"] != "")}
    end = d["end"]  # the end of a range written in the date column ("1950-1953")
    if "end" in out:
        e = parse_date_column(out["end"], dayfirst=settings.dayfirst)
        given = e["date_text"] != ""
        problems["end"] = given & e["date_precision"].isna()
        end = e["end"].where(e["end"] != "", e["start"]).where(given, end)
    out["start"] = d["start"]
    out["end"] = end.where(end != "", None)
    if "date_precision" not in columns:
        out["date_precision"] = d["date_precision"]
    if "date_text" not in columns:
        out["date_text"] = d["date_text"]
    return problems


def to_events(table: Table, columns: dict[str, str], settings: Settings) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The columns of a sheet renamed to the contract's, dates and types read, other columns kept;
    and the rejects of rows whose dates cannot be read."""
    src = table.frame
    out = pd.DataFrame(index=src.index)
    for target, column in columns.items():
        out[target] = restore_formulas(src[column])
    problems = read_dates(out, columns, settings)
    bad = pd.Series(False, index=out.index)
    rejects = []
    for which, flag in problems.items():
        bad |= flag
        if flag.any():
            rejects.append(
                pd.DataFrame(
                    {
                        "file": src.loc[flag, FILE],
                        "row": src.loc[flag, ROW],
                        "column": columns[which],
                        "value": src.loc[flag, columns[which]].str.slice(0, 200),
                        "reason": f"{which} is not a date ({DATE_HELP})",
                    }
                )
            )
    if "event_type" in out:
        out["event_type"] = out["event_type"].map(type_from_text, na_action="ignore")
    if "countries" in out:
        out["countries"] = out["countries"].fillna("").map(countries_cell)
    used = set(columns.values())
    for c in table.header:
        if c in used and ALIASES.get(normalise(c)) != "event_type":
            continue
        kept = c if c not in COLUMNS and c not in out else f"{c}_original"
        out[kept] = restore_formulas(src[c])
    if "event_id" not in columns:
        out["event_id"] = _row_ids(out[[c for c in IDENTITY if c in out]])
    out[ROW] = src[ROW]
    out[FILE] = src[FILE]
    return out[~bad.to_numpy()], combine_rejects(*rejects)


# what makes two rows of a sheet the same event: only a row repeated in full is a duplicate
IDENTITY = (
    "title",
    "description",
    "start",
    "end",
    "countries",
    "actors",
    "location",
    "latitude",
    "longitude",
    "event_type",
    "source",
)


def _row_ids(values: pd.DataFrame) -> pd.Series:
    rows = values.astype("object").where(values.notna(), "").itertuples(index=False, name=None)
    return pd.Series([make_event_id("sheet", *r) for r in rows], index=values.index, dtype="str")


def load(source: str | os.PathLike, *, settings: Settings | None = None) -> Validated:
    settings = settings or Settings()
    name = os.path.basename(os.fspath(source))
    table = read_sheet(source, settings)
    columns = match_columns(table.header, settings.column_map, name)
    has_title = any(c in columns for c in ("title", "description", "evidence"))
    if "start" not in columns or not has_title:
        raise MissingColumns(name, table.header, ["date", "title"])
    events, bad_dates = to_events(table, columns, settings)
    checked = validate(events, source=name)
    return Validated(checked.events, combine_rejects(checked.rejects, bad_dates, table.rejects))
