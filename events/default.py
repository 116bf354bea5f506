"""The embedded default timeline: the seed article's events, curated by hand (events/data/)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from events.io import read_events

DEFAULT_TIMELINE = Path(__file__).parent / "data" / "default_timeline.json"


def default_timeline() -> pd.DataFrame:
    """The default events table; raises ValueError if the curated file does not validate."""
    events, rejects = read_events(DEFAULT_TIMELINE)
    if len(rejects):
        raise ValueError(f"{DEFAULT_TIMELINE.name} has invalid rows:\n{rejects.to_string()}")
    return events
