"""Shared helpers for the dashboard tests: small events tables built through the real validation."""

from __future__ import annotations

import pandas as pd
import pytest

from events.schema import validate


def make_events(*rows: dict) -> pd.DataFrame:
    """An events table from a few hand-written rows; fails loudly if a row does not validate."""
    got = validate(pd.DataFrame(list(rows)))
    assert got.rejects.empty, got.rejects.to_string()
    return got.events


@pytest.fixture
def sample() -> pd.DataFrame:
    return make_events(
        {
            "event_id": "a",
            "title": "Foreign ministers meet in Beijing",
            "start": "2024-03-05",
            "event_type": "meeting",
            "countries": "CHN;RUS",
            "location": "Beijing",
            "latitude": 39.9042,
            "longitude": 116.4074,
            "source": "wire-1",
            "evidence": "The ministers met on Tuesday in Beijing.",
            "date_text": "on Tuesday",
        },
        {
            "event_id": "b",
            "title": "Joint naval drill",
            "start": "2024-03-10",
            "end": "2024-03-16",
            "event_type": "military_exercise",
            "countries": "CHN;RUS;IRN",
            "location": "Gulf of Oman",
            "latitude": 24.5,
            "longitude": 58.5,
            "source": "wire-2",
            "evidence": "A week-long drill began Sunday.",
        },
        {
            "event_id": "c",
            "title": "Summit planned for the spring",
            "start": "2024-04",
            "date_precision": "month",
            "event_type": "meeting",
            "modality": "planned",
            "countries": "IND;CHN",
            "source": "wire-1",
            "description": "Leaders plan to meet in April.",
        },
        {
            "event_id": "d",
            "title": "Sanctions renewed",
            "start": "2023",
            "date_precision": "year",
            "event_type": "sanction",
            "countries": "USA;RUS",
            "source": "https://example.org/sanctions",
            "location": "Washington, D.C.",
            "latitude": 38.9072,
            "longitude": -77.0369,
        },
        {
            "event_id": "e",
            "title": "Statement without a date",
            "event_type": "statement",
            "countries": "FRA",
            "source": "wire-2",
            "evidence": "France condemned the test.",
        },
        {
            "event_id": "f",
            "title": "Missile launch",
            "start": "2024-03-31T23:30:00",
            "event_type": "weapons_test",
            "countries": "PRK",
            "modality": "claimed",
            "source": "wire-3",
            "location": "Beijing",
            "latitude": 39.9042,
            "longitude": 116.4074,
        },
    )
