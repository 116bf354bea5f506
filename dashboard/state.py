"""The view's shareable state (filters and lane choice) to and from URL query parameters.

Lists repeat their key (`?country=PRK&country=RUS`), dates are ISO days, and anything unreadable in
a URL is dropped with a note rather than failing, since links are typed and pasted by people.

>>> params = to_params(Filters(countries=("PRK", "RUS"), end=dt.date(2023, 9, 30), text="drill"), lanes="type")
>>> params
{'country': ['PRK', 'RUS'], 'to': '2023-09-30', 'q': 'drill', 'lanes': 'type'}
>>> from_params(params) == View(Filters(countries=("PRK", "RUS"), end=dt.date(2023, 9, 30), text="drill"), "type", ())
True
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import NamedTuple

import pandas as pd

from dashboard.figures import LANES
from dashboard.filters import Filters
from events.schema import EVENT_TYPE_NAMES, MODALITIES

# Filters field -> URL key, for the list filters
LIST_KEYS = {"countries": "country", "types": "type", "modalities": "modality", "sources": "source"}
KEYS = (*LIST_KEYS.values(), "from", "to", "q", "lanes", "event")
MAX_TEXT = 200


class View(NamedTuple):
    filters: Filters
    lanes: str
    problems: tuple[str, ...]  # what in the URL was ignored, and why


def to_params(
    filters: Filters, *, lanes: str = "country", event: str | None = None
) -> dict[str, str | list[str]]:
    """Query parameters for a view; filters that are off are left out, so the default URL stays bare."""
    out: dict[str, str | list[str]] = {}
    for field, key in LIST_KEYS.items():
        values = list(getattr(filters, field))
        if values:
            out[key] = values
    if filters.start:
        out["from"] = filters.start.isoformat()
    if filters.end:
        out["to"] = filters.end.isoformat()
    if filters.text.strip():
        out["q"] = filters.text.strip()
    if lanes != LANES[0]:
        out["lanes"] = lanes
    if event:
        out["event"] = event
    return out


def _all(params: Mapping[str, str | list[str]], key: str) -> list[str]:
    v = params.get(key)
    if v is None:
        return []
    items = [v] if isinstance(v, str) else list(v)
    return [s.strip() for s in items if isinstance(s, str) and s.strip()]


def _one(params: Mapping[str, str | list[str]], key: str) -> str:
    items = _all(params, key)
    return items[-1] if items else ""


def _date(text: str, key: str, problems: list[str]) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        problems.append(f"'{key}={text[:40]}' in the link is not a date YYYY-MM-DD; ignored")
        return None


def from_params(params: Mapping[str, str | list[str]]) -> View:
    """The view a link asks for. Unknown types or modalities and bad dates are dropped with a note."""
    problems: list[str] = []
    countries = tuple(dict.fromkeys(c.upper() for c in _all(params, "country")))
    types, modalities = [], []
    for key, allowed, out in (("type", EVENT_TYPE_NAMES, types), ("modality", MODALITIES, modalities)):
        for v in _all(params, key):
            if v in allowed:
                out.append(v)
            else:
                problems.append(f"'{key}={v[:40]}' in the link is not one of {', '.join(allowed)}; ignored")
    start = _date(_one(params, "from"), "from", problems)
    end = _date(_one(params, "to"), "to", problems)
    if start and end and end < start:
        problems.append("the link's 'to' date is before its 'from' date; dates ignored")
        start = end = None
    lanes = _one(params, "lanes") or LANES[0]
    if lanes not in LANES:
        problems.append(f"'lanes={lanes[:40]}' in the link is not one of {', '.join(LANES)}; ignored")
        lanes = LANES[0]
    filters = Filters(
        countries=countries,
        types=tuple(dict.fromkeys(types)),
        start=start,
        end=end,
        modalities=tuple(dict.fromkeys(modalities)),
        sources=tuple(dict.fromkeys(_all(params, "source"))),
        text=_one(params, "q")[:MAX_TEXT],
    )
    return View(filters, lanes, tuple(problems))


def selected_event(params: Mapping[str, str | list[str]]) -> str | None:
    return _one(params, "event") or None


def as_lists(params: Mapping[str, str | list[str]]) -> dict[str, list[str]]:
    """Every value as a list, the shape `st.query_params.get_all` gives, to compare views."""
    return {k: [v] if isinstance(v, str) else list(v) for k, v in params.items()}


def fingerprint(events: pd.DataFrame) -> str:
    """A short digest of a whole events table, to key caches on the data without hashing it each run."""
    scalar = [c for c in events.columns if events[c].dtype != object]
    digest = hashlib.sha1(str(events.shape).encode())
    if len(events):
        digest.update(pd.util.hash_pandas_object(events[scalar], index=False).to_numpy().tobytes())
        for c in ("countries", "actors"):
            if c in events:
                digest.update("\x1e".join(";".join(v) for v in events[c]).encode("utf-8", "replace"))
    return digest.hexdigest()[:20]
