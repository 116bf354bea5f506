"""Writers: the events table out to the formats other tools read, chosen by the output's name.

| name ends with                  | format                                                        |
|---------------------------------|---------------------------------------------------------------|
| .csv / .json / .jsonl / .parquet | our own table (reads back equal, see `events.io`)            |
| .geojson                        | points for events with coordinates; the others listed in a top-level "skipped" member |
| .timeline.csv / .timeline.json  | a TimelineJS story (sheet template columns / JSON)           |
| .acled.csv                      | ACLED's export columns                                        |

In every CSV a cell a spreadsheet would run as a formula (starting with =, +, -, @) gets a `'` in
front; our readers take it off again.
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path
from typing import IO

import numpy as np
import pandas as pd

from events.io import neutralise_formula, to_flat, to_records, write_events
from loaders.errors import UnsupportedFormat

FORMATS: dict[str, str] = {
    ".timeline.csv": "timeline-csv",
    ".timeline.json": "timeline-json",
    ".acled.csv": "acled-csv",
    ".geojson": "geojson",
    ".csv": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}


def format_for(target: str | os.PathLike) -> str:
    """The output format a file name asks for (the longest matching ending wins)."""
    name = Path(target).name.lower()
    for ending, fmt in sorted(FORMATS.items(), key=lambda kv: -len(kv[0])):
        if name.endswith(ending):
            return fmt
    raise UnsupportedFormat(
        f"{Path(target).name}: cannot tell the output format; end the name with one of {', '.join(FORMATS)}"
    )


def neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot run as spreadsheet formulas."""
    out = frame.copy()
    for c in out.columns:
        if out[c].dtype == object or pd.api.types.is_string_dtype(out[c]):
            out[c] = out[c].map(neutralise_formula)
    return out


def to_geojson(events: pd.DataFrame) -> dict[str, object]:
    """A FeatureCollection of the events with coordinates; the ids (and titles) of the others under
    "skipped", so nothing disappears silently."""
    records = to_records(events)
    features, skipped = [], []
    for r in records:
        lat, lon = r.get("latitude"), r.get("longitude")
        if lat is None or lon is None:
            skipped.append(
                {"event_id": r.get("event_id"), "title": r.get("title"), "reason": "no coordinates"}
            )
            continue
        props = {k: v for k, v in r.items() if k not in ("latitude", "longitude")}
        features.append(
            {
                "type": "Feature",
                "id": r.get("event_id"),
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": props,
            }
        )
    return {"type": "FeatureCollection", "features": features, "skipped": skipped}


def _json_default(value: object) -> object:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, (pd.Timestamp,)):
        return value.isoformat()
    return str(value)


def _dump(data: object, path: str | os.PathLike) -> None:
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1, default=_json_default)


def write(events: pd.DataFrame, target: str | os.PathLike | IO[str]) -> str:
    """Write `events` to a path (format from its name) or, as our CSV, to an open text stream.

    Returns the format written. Extra columns travel along where the format has room for them.
    """
    if not isinstance(target, (str, os.PathLike)):
        buf = io.StringIO()
        to_flat(events).to_csv(buf, index=False)
        target.write(buf.getvalue())
        if target is sys.stdout:
            target.flush()
        return "csv"
    fmt = format_for(target)
    if fmt in ("csv", "json", "parquet"):
        write_events(events, target, fmt=fmt)
    elif fmt == "jsonl":
        with open(target, "w", encoding="utf-8") as f:
            for r in to_records(events):
                f.write(json.dumps(r, ensure_ascii=False, default=_json_default) + "\n")
    elif fmt == "geojson":
        _dump(to_geojson(events), target)
    elif fmt == "timeline-csv":
        from loaders.timelinejs import to_sheet

        neutralised(to_sheet(events)).to_csv(target, index=False, encoding="utf-8")
    elif fmt == "timeline-json":
        from loaders.timelinejs import to_json

        _dump(to_json(events), target)
    elif fmt == "acled-csv":
        from loaders.acled import to_acled

        neutralised(to_acled(events)).to_csv(target, index=False, encoding="utf-8")
    return fmt
