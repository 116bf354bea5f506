"""Our own events table as CSV, JSON (records) or Parquet: read back exactly as written."""

from __future__ import annotations

import os

from events.io import read_events
from events.schema import Validated
from loaders.settings import Settings


def load(source: str | os.PathLike, *, settings: Settings | None = None) -> Validated:
    return read_events(source)
