"""Writers: the events table out to the formats other tools read, chosen by the output's extension."""

from __future__ import annotations

import io
import os
import sys
from typing import IO

import pandas as pd

from events.io import to_flat, write_events


def write(events: pd.DataFrame, target: str | os.PathLike | IO[str]) -> None:
    """Write `events` to a path (format from its extension) or, as CSV, to an open text stream."""
    if not isinstance(target, (str, os.PathLike)):
        buf = io.StringIO()
        to_flat(events).to_csv(buf, index=False)
        target.write(buf.getvalue())
        if target is sys.stdout:
            target.flush()
        return
    write_events(events, target)
