"""Our own events table as CSV (or TSV), JSON (records, or JSON Lines) and Parquet.

A table written by `loaders.writers` (or `events.io.write_events`) reads back equal. CSV cells are
read as text whatever their encoding (see `loaders.tabular`), the `'` that neutralised a formula is
taken off again, and extra columns that hold only numbers (or only true/false) are read as such.
"""

from __future__ import annotations

import json
import os

import numpy as np
import pandas as pd

from events.io import restore_formulas
from events.schema import COLUMNS, FILE, ROW, Validated, validate
from loaders.errors import UnreadableInput
from loaders.settings import Settings
from loaders.tabular import combine_rejects, read_bytes, read_table, read_text

# columns only our own table has; a hand-made sheet with "title, start, type" is read as a spreadsheet
OWN_COLUMNS = ("date_precision", "geo_precision", "modality", "confidence", "source_published")


def is_events_header(header: list[str]) -> bool:
    """A header of our own table: event_id, title and start, and one of the columns only it has."""
    names = set(header)
    return {"event_id", "title", "start"} <= names and bool(names & set(OWN_COLUMNS))


def _typed(values: pd.Series) -> pd.Series:
    """An extra column of text as numbers or booleans when every non-blank cell is one."""
    text = values.fillna("").astype("str").str.strip()
    filled = text != ""
    if not filled.any():
        return values
    low = text[filled].str.lower()
    if low.isin(["true", "false"]).all() and filled.all():
        return low.eq("true").reindex(values.index).astype(bool)
    if text[filled].str.match(r"^[+]|^-?0\d").any():  # "042", "+1": codes, not numbers
        return values
    num = pd.to_numeric(text.where(filled, None), errors="coerce")
    if num[filled].isna().any():
        return values
    if filled.all() and (num % 1 == 0).all() and not text.str.contains(r"[.eE]").any():
        return num.astype("int64")
    return num.astype("float64")


def _csv(source: str | os.PathLike, settings: Settings) -> tuple[pd.DataFrame, pd.DataFrame]:
    table = read_table(source, max_bytes=settings.max_bytes, progress=settings.progress)
    frame = table.frame
    for c in table.header:
        frame[c] = restore_formulas(frame[c])
        if c not in COLUMNS:
            frame[c] = _typed(frame[c])
    return frame, table.rejects


def _json(source: str | os.PathLike, settings: Settings, name: str) -> pd.DataFrame:
    text, _ = read_text(source, max_bytes=settings.max_bytes)
    stripped = text.lstrip()
    if not stripped:
        raise UnreadableInput(f"{name}: the file is empty; expected a JSON list of event records")
    try:
        data = json.loads(text)
        lines = None
    except json.JSONDecodeError as e:
        if stripped.startswith("["):
            raise UnreadableInput(f"{name}: not valid JSON (line {e.lineno}: {e.msg})") from e
        data, lines = _json_lines(text, name)
    if isinstance(data, dict) and isinstance(data.get("events"), list):
        data = data["events"]
    if not isinstance(data, list):
        raise UnreadableInput(f'{name}: expected a JSON list of event records (or {{"events": [...]}})')
    records = [
        r if isinstance(r, dict) else {"title": None, "_not_a_record": json.dumps(r)[:200]} for r in data
    ]
    # an index, so a list of empty records still has its rows (they are then rejected, not lost)
    frame = pd.DataFrame(records, index=range(len(records))) if records else pd.DataFrame({"title": []})
    frame[ROW] = lines if lines is not None else np.arange(1, len(frame) + 1)
    frame[FILE] = name
    return frame


def _json_lines(text: str, name: str) -> tuple[list[object], list[int]]:
    """JSON Lines: one record a line; a line that is not JSON becomes a record that fails validation."""
    data, lines = [], []
    for i, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            data.append(json.loads(line))
        except json.JSONDecodeError:
            data.append(line)
        lines.append(i)
    return data, lines


def _parquet(source: str | os.PathLike, settings: Settings, name: str) -> pd.DataFrame:
    read_bytes(source, max_bytes=settings.max_bytes, peek=4)  # the size check
    try:
        frame = pd.read_parquet(source)
    except (OSError, ValueError) as e:
        raise UnreadableInput(f"{name}: not a readable Parquet file ({e})") from e
    frame = frame.reset_index(drop=True)
    frame[ROW] = np.arange(1, len(frame) + 1)
    frame[FILE] = name
    return frame


def load(source: str | os.PathLike, *, settings: Settings | None = None) -> Validated:
    settings = settings or Settings()
    name = os.path.basename(os.fspath(source))
    ext = os.path.splitext(name)[1].lower()
    rejects = combine_rejects()
    if ext in (".parquet", ".pq") or read_bytes(source, max_bytes=settings.max_bytes, peek=4) == b"PAR1":
        frame = _parquet(source, settings, name)
    elif ext in (".json", ".jsonl", ".ndjson"):
        frame = _json(source, settings, name)
    else:
        frame, rejects = _csv(source, settings)
    checked = validate(frame, source=name)
    if "_not_a_record" in checked.events:
        checked = checked._replace(events=checked.events.drop(columns="_not_a_record"))
    return Validated(checked.events, combine_rejects(checked.rejects, rejects))
