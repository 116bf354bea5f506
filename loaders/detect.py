"""Format detection: which loader reads an input, from its extension and a peek at its content."""

from __future__ import annotations

import os
from pathlib import Path

from loaders.errors import UnsupportedFormat

ARTICLE_EXTENSIONS = {".txt", ".text", ".html", ".htm", ".xhtml", ".md", ""}


def detect_format(source: str | os.PathLike) -> str:
    """The name of the loader (a key of `loaders.LOADERS`) that reads `source`."""
    path = Path(source)
    ext = path.suffix.lower()
    if ext in ARTICLE_EXTENSIONS:
        return "article"
    if ext in {".csv", ".json", ".parquet", ".pq"}:
        return "events"
    raise UnsupportedFormat(
        f"{path.name}: cannot tell the format from the extension {ext!r}; "
        "articles are .txt or .html, event files .csv, .tsv, .json, .parquet, .xlsx or GDELT .CSV.zip"
    )
