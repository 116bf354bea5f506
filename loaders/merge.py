"""One event per thing that happened: duplicates within an article and across articles merged.

Two rows report the same event when they have the same type and modality, their dates overlap,
they share a country (two, when both name several) or a named actor, and their places agree (within
100 km, within 800 km for a sea or region, a country holding the other's place, or one names none).
A span of months only matches another long span, and a statement matches only the same speaker's.
The merged event keeps the most precise date and place, every country and actor, all the evidence,
and lists its sources: `sources` (list of source names) and `n_sources` (how many report it), two
columns after the contract's.

Within one article (`merge_duplicates`, `merge_records`) rows merge when they name the same person,
or share a country and the same day or place: a photo caption repeated four times, a statement
reported in two sentences; organisations alone do not decide it (the Houthis take part in many
events of one story). Across sources (`merge_across_sources`) only rows of
different sources merge: rows of one event file were already distinct events to whoever made it.
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from events.schema import COLUMNS, validate

PRECISION_RANK = {"time": 0, "day": 1, "week": 2, "month": 3, "quarter": 4, "year": 5, "decade": 6}
GEO_RANK = {"point": 0, "city": 1, "sea": 2, "region": 3, "country": 4, "unknown": 5}
SAME_PLACE_KM = 100.0
SAME_SEA_KM = 800.0
LONG_DAYS = 31  # longer than a month


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p = math.pi / 180
    h = (
        math.sin((b[0] - a[0]) * p / 2) ** 2
        + math.cos(a[0] * p) * math.cos(b[0] * p) * math.sin((b[1] - a[1]) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(min(1.0, h)))


def _has_xy(r: dict) -> bool:
    lat, lon = r.get("latitude"), r.get("longitude")
    return lat is not None and lon is not None and not (pd.isna(lat) or pd.isna(lon))


def _same_place(a: dict, b: dict) -> bool:
    if not _has_xy(a) or not _has_xy(b):
        return True
    if (a.get("location") or "") == (b.get("location") or "") and a.get("location"):
        return True
    kinds = {a.get("geo_precision"), b.get("geo_precision")}
    # a country-level place holds a city in it: "throughout South Korea" and "in Seoul"
    if "country" in kinds:
        return bool(set(a["countries"]) & set(b["countries"]))
    km = _km((a["latitude"], a["longitude"]), (b["latitude"], b["longitude"]))
    # a sea or region is wide: "in the Sea of Japan" and "off Vladivostok" can be one place
    return km <= (SAME_SEA_KM if kinds & {"sea", "region"} else SAME_PLACE_KM)


def _same_event(a: dict, b: dict, across: bool) -> bool:
    if a["event_type"] != b["event_type"]:
        return False
    if pd.isna(a["start"]) or pd.isna(b["start"]):
        return False
    if not (a["start"] <= b["end"] and b["start"] <= a["end"]):
        return False
    if a["modality"] != b["modality"] and "claimed" not in (a["modality"], b["modality"]):
        return False
    if not _same_place(a, b):
        return False
    # an article's extractor says which actors are people ("_people"); organisations such as the
    # Houthis or NATO take part in many events of one story, so within an article they do not decide
    same_people = bool(set(a.get("_people", a["actors"])) & set(b.get("_people", b["actors"])))
    same_countries = bool(set(a["countries"]) & set(b["countries"]))
    if across:
        # a span of months overlaps everything in it: it only matches another long span
        if (_span(a) > LONG_DAYS) != (_span(b) > LONG_DAYS):
            return False
        if a["event_type"] == "statement":  # one statement, reported twice, has one speaker
            return bool(set(a["actors"]) & set(b["actors"]))
        ca, cb = set(a["countries"]), set(b["countries"])
        enough = len(ca & cb) >= min(2, len(ca), len(cb))  # two events of many countries share two
        return (same_countries and enough) or same_people
    # within one article two events of a week and a day in it can be different events: ask for more
    same_day = a["start"] == b["start"] and a["end"] == b["end"]
    same_place = _has_xy(a) and _has_xy(b) and (a.get("location") or "") == (b.get("location") or "")
    if a["event_type"] == "statement":  # different speakers on one day said different things
        return same_people or (a.get("evidence") or "") == (b.get("evidence") or "")
    if (
        a.get("_own_news")
        and b.get("_own_news")
        and a.get("evidence") != b.get("evidence")
        and not same_people
    ):
        # "Treasury today sanctioned six companies." ... "Treasury today designated 32 entities.": each
        # sentence tells its own action with its own verb and date
        return False
    return (
        same_people
        or (same_countries and (same_day or same_place))
        or ((a.get("evidence") or "") == (b.get("evidence") or ""))
    )


def _sources_of(r: dict) -> list[str]:
    got = r.get("sources")
    if isinstance(got, (list, tuple)) and len(got):
        return [str(s) for s in got]
    return [r.get("source") or ""]


def _combine(rows: list[dict]) -> dict:
    """One row from rows that report the same event."""
    base = min(
        rows,
        key=lambda r: (
            PRECISION_RANK.get(str(r["date_precision"]), 9),
            -_span(r),  # of equal precision, a range says more than one of its days
            -float(r.get("confidence") or 0),
        ),
    )
    out = dict(base)
    placed = [r for r in rows if _has_xy(r)]
    if placed:
        best = min(placed, key=lambda r: GEO_RANK.get(str(r["geo_precision"]), 5))
        for c in ("location", "latitude", "longitude", "geo_precision"):
            out[c] = best[c]
    countries: list[str] = []
    actors: list[str] = []
    evidence: list[str] = []
    date_text: list[str] = []
    sources: list[str] = []
    for r in sorted(rows, key=lambda r: r is not base):
        countries += [c for c in r["countries"] if c not in countries]
        actors += [a for a in r["actors"] if a not in actors]
        ev = (r.get("evidence") or "").strip()
        if ev and not any(ev in have for have in evidence):  # a repeat, or part of what is there
            evidence = [have for have in evidence if have not in ev] + [ev]
        dt_ = (r.get("date_text") or "").strip()
        if dt_ and dt_ not in date_text:
            date_text.append(dt_)
        sources += [s for s in _sources_of(r) if s not in sources]
    out["countries"], out["actors"] = countries, actors
    if any("_people" in r for r in rows):
        out["_people"] = sorted({p for r in rows for p in r.get("_people", [])})
    out["evidence"] = " | ".join(evidence)
    out["date_text"] = "; ".join(date_text)
    out["sources"] = sources
    out["n_sources"] = len(sources)
    conf = max(float(r.get("confidence") or 0) for r in rows)
    out["confidence"] = round(min(0.99, conf + 0.05 * (len(sources) - 1)), 2)
    return out


def _groups(records: list[dict], across: bool) -> list[list[int]]:
    """Indices of records that are one event (a sweep over start dates, per event type)."""
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_type: dict[str, list[int]] = {}
    for i, r in enumerate(records):
        if not pd.isna(r["start"]):
            by_type.setdefault(str(r["event_type"]), []).append(i)
    for idx in by_type.values():
        idx.sort(key=lambda i: records[i]["start"])
        for k, i in enumerate(idx):
            a = records[i]
            for j in idx[k + 1 :]:
                b = records[j]
                if b["start"] > a["end"]:
                    break
                if across and set(_sources_of(a)) & set(_sources_of(b)):
                    continue
                if _same_event(a, b, across):
                    parent[find(j)] = find(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(records)):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def _span(r: dict) -> float:
    """Length of a row's period (rows carry Timestamps, or ISO text before validation)."""
    a, b = r["start"], r["end"]
    if isinstance(a, str):
        return (dt.date.fromisoformat(b[:10]) - dt.date.fromisoformat(a[:10])).days
    return (b - a).total_seconds() / 86400


def merge_records(records: list[dict], *, across: bool = False) -> list[dict]:
    """Rows (dicts of contract columns) with the rows that report one event merged into one.

    Every row out has `sources` and `n_sources`. `across=True` merges only rows of different sources.
    """
    merged = []
    for g in _groups(records, across):
        rows = [records[i] for i in g]
        if len(rows) == 1:
            r = dict(rows[0])
            r["sources"] = _sources_of(r)
            r["n_sources"] = len(r["sources"])
            merged.append(r)
        else:
            merged.append(_combine(rows))
    return merged


def _merge(events: pd.DataFrame, across: bool) -> pd.DataFrame:
    if events.empty:
        out = events.copy()
        if "sources" not in out:
            out["sources"] = pd.Series([], dtype=object)
            out["n_sources"] = pd.Series([], dtype="int64")
        return out
    merged = merge_records(events.to_dict("records"), across=across)
    extra = [c for c in events.columns if c not in COLUMNS and c not in ("sources", "n_sources")]
    out = pd.DataFrame(merged, columns=[*COLUMNS, "sources", "n_sources", *extra])
    return validate(out).events  # restores the contract's dtypes


def merge_duplicates(events: pd.DataFrame) -> pd.DataFrame:
    """The events of one source with repeated reports of the same event merged."""
    return _merge(events, across=False)


def merge_across_sources(events: pd.DataFrame) -> pd.DataFrame:
    """Events of several sources as one timeline: an event reported by several sources is one row
    that keeps every source (`sources`, `n_sources`) and all their evidence."""
    return _merge(events, across=True)
