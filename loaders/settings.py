"""Loader settings: one flat table of defaults, each with its help, checked with errors that list what is allowed.

>>> Settings().dayfirst is None
True
>>> make_settings(dayfirst="yes")
Traceback (most recent call last):
...
loaders.errors.LoaderError: setting dayfirst: 'yes' is not one of true, false, auto
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

from loaders.errors import LoaderError

HELP: dict[str, str] = {
    "published": "publication date of articles (YYYY-MM-DD); wins over a date found in the text",
    "dayfirst": "read 01/02/2023 as 1 February (true), 2 January (false), or detect per column (auto)",
    "column_map": "target column -> column name in the file, for columns of unusual names (--map date=When)",
    "fmt": "force an input format instead of detecting it (one of the loader names)",
    "chunk_rows": "rows read at a time from large delimited files",
    "max_bytes": "largest input file read, in bytes",
    "progress": "show a progress bar on standard error for large files",
}


@dataclass(frozen=True)
class Settings:
    published: dt.date | None = None
    dayfirst: bool | None = None
    column_map: dict[str, str] = field(default_factory=dict)
    fmt: str | None = None
    chunk_rows: int = 250_000
    max_bytes: int = 2_000_000_000
    progress: bool = False


def _bool_or_auto(value: object) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    s = str(value).strip().lower()
    if s in ("true", "1", "dayfirst", "day"):
        return True
    if s in ("false", "0", "monthfirst", "month"):
        return False
    if s == "auto":
        return None
    raise LoaderError(f"setting dayfirst: {value!r} is not one of true, false, auto")


def make_settings(**given: object) -> Settings:
    """Settings from keyword values (as a command line or the app gives them), checked."""
    names = {f.name for f in fields(Settings)}
    unknown = sorted(set(given) - names)
    if unknown:
        raise LoaderError(f"unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(names))}")
    values = {k: v for k, v in given.items() if v is not None}
    if "published" in values and not isinstance(values["published"], dt.date):
        try:
            values["published"] = dt.date.fromisoformat(str(values["published"]).strip())
        except ValueError:
            raise LoaderError(
                f"setting published: {values['published']!r} is not a date YYYY-MM-DD"
            ) from None
    if "dayfirst" in values:
        values["dayfirst"] = _bool_or_auto(values["dayfirst"])
    if "column_map" in values:
        values["column_map"] = parse_column_map(values["column_map"])
    return Settings(**values)


def parse_column_map(value: object) -> dict[str, str]:
    """`{"date": "When"}`, or `["date=When", "title=Headline"]` as given on the command line."""
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items()}
    out: dict[str, str] = {}
    for item in value or []:  # type: ignore[union-attr]
        target, sep, column = str(item).partition("=")
        if not sep or not target.strip() or not column.strip():
            raise LoaderError(f"--map {item!r}: write TARGET=COLUMN, for example --map date=When")
        out[target.strip()] = column.strip()
    return out
