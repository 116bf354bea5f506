"""ACLED exports (their CSV: event_id_cnty, event_date, time_precision, ..., timestamp) to the events table.

What each ACLED column becomes:

- event_id_cnty -> event_id; notes -> description; source -> source; location -> location
- event_date with time_precision: 1 (the exact day) -> that day, precision "day"; 2 (within a few
  days of the date, ACLED's "the week of") -> the 7 days centred on it, precision "week"; 3 (only
  the month is known) -> that calendar month, precision "month"
- event_type / sub_event_type -> event_type through the taxonomy's ACLED crosswalk
- iso (ISO 3166 numeric) -> countries as alpha-3 (the country name when iso is missing)
- actor1, assoc_actor_1, actor2, assoc_actor_2 -> actors
- latitude, longitude; geo_precision: 1 (the named town itself) -> "city"; 2 (near a town, or a
  part of a region) and 3 (only a larger region, placed at its capital) -> "region"
- the title is "<sub event type>: <actor1> vs <actor2> in <location>"

Every ACLED column (fatalities, actors, admin1-3, inter codes, tags, timestamp ...) is also kept,
by its ACLED name, after the contract columns.
"""

from __future__ import annotations

import os

import numpy as np
import pandas as pd

from events.io import restore_formulas
from events.schema import COLUMNS, FILE, ROW, Validated, validate
from events.taxonomy import from_acled
from loaders.errors import MissingColumns
from loaders.partial_dates import parse_date_column
from loaders.settings import Settings
from loaders.spreadsheet import DATE_HELP, read_sheet
from loaders.tabular import combine_rejects

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
REQUIRED = ("event_date", "event_type")
GEO = {"1": "city", "2": "region", "3": "region"}
WEEK_HALF = pd.Timedelta(days=3)
MOVED = ("latitude", "longitude", "location", "source", "notes")  # become contract columns as they are
COUNTS = (
    "fatalities",
    "year",
    "inter1",
    "inter2",
    "interaction",
    "iso",
    "timestamp",
    "time_precision",
    "geo_precision",
)


def is_acled_header(header: list[str]) -> bool:
    """ACLED's own names: event_id_cnty, or event_date with event_type and one of its other columns."""
    names = {h.strip().lower() for h in header}
    return "event_id_cnty" in names or (
        {"event_date", "event_type"} <= names and bool(names & {"sub_event_type", "fatalities", "actor1"})
    )


def _iso3(iso: pd.Series, country: pd.Series) -> pd.Series:
    from events.countries import to_iso3

    def one(pair: tuple[str, str]) -> str:
        code, name = pair
        return (to_iso3(code, scheme="numeric") if code.strip() else None) or to_iso3(name) or name

    keys = pd.Series(list(zip(iso.fillna(""), country.fillna(""), strict=True)), index=iso.index)
    table = {k: one(k) for k in keys.unique()}
    return keys.map(table)


def _dates(raw: pd.Series, precision: pd.Series, settings: Settings) -> tuple[pd.DataFrame, pd.Series]:
    """start/end text at the precision ACLED gives, and the mask of unreadable dates."""
    d = parse_date_column(raw, dayfirst=settings.dayfirst)
    bad = d["date_precision"].isna() & (d["date_text"] != "")
    day = pd.to_datetime(d["start"].where(d["date_precision"] == "day"), errors="coerce", format="ISO8601")
    tp = precision.fillna("").str.strip()
    week = (tp == "2") & day.notna()
    month = (tp == "3") & day.notna()
    start = d["start"].copy()
    end = d["end"].copy()
    prec = d["date_precision"].copy()
    start[week] = (day[week] - WEEK_HALF).dt.strftime("%Y-%m-%d")
    end[week] = (day[week] + WEEK_HALF).dt.strftime("%Y-%m-%d")
    prec[week] = "week"
    start[month] = day[month].dt.strftime("%Y-%m")
    prec[month] = "month"
    return pd.DataFrame(
        {
            "start": start,
            "end": end.where(end != "", None),
            "date_precision": prec,
            "date_text": d["date_text"],
        }
    ), bad


def _title(src: pd.DataFrame) -> pd.Series:
    kind = src.get("sub_event_type", src["event_type"]).fillna("").str.strip()
    kind = kind.where(kind != "", src["event_type"].fillna(""))
    a1 = src.get("actor1", pd.Series("", index=src.index)).fillna("").str.strip()
    a2 = src.get("actor2", pd.Series("", index=src.index)).fillna("").str.strip()
    where = src.get("location", pd.Series("", index=src.index)).fillna("").str.strip()
    who = a1 + np.where((a1 != "") & (a2 != ""), " vs ", "") + a2
    title = kind + np.where((kind != "") & (who != ""), ": ", "") + who
    return title + np.where(where != "", " in " + where, "")


def _actors(src: pd.DataFrame) -> pd.Series:
    parts = [src[c].fillna("") for c in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2") if c in src]
    if not parts:
        return pd.Series("", index=src.index)
    joined = parts[0]
    for p in parts[1:]:
        joined = joined + ";" + p
    return joined


def load(source: str | os.PathLike, *, settings: Settings | None = None) -> Validated:
    settings = settings or Settings()
    name = os.path.basename(os.fspath(source))
    table = read_sheet(source, settings)  # their CSV, or the same columns in an .xlsx
    lower = {h: h.strip().lower() for h in table.header}
    src = table.frame.rename(columns=lower)
    for c in src.columns:
        if c not in (ROW, FILE):
            src[c] = restore_formulas(src[c])
    missing = [c for c in REQUIRED if c not in src]
    if missing:
        raise MissingColumns(name, table.header, list(REQUIRED))
    blank = pd.Series("", index=src.index, dtype="str")
    get = lambda c: src[c] if c in src else blank  # noqa: E731
    dates, bad = _dates(get("event_date"), get("time_precision"), settings)
    pairs = list(zip(get("event_type").fillna(""), get("sub_event_type").fillna(""), strict=True))
    crosswalk = {p: from_acled(*p) for p in set(pairs)}  # a few dozen distinct pairs
    types = [crosswalk[p] for p in pairs]
    out = pd.DataFrame(
        {
            "event_id": get("event_id_cnty"),
            "title": _title(src),
            "description": get("notes"),
            **{c: dates[c] for c in dates},
            "event_type": pd.Series(types, index=src.index, dtype="object"),
            "countries": _iso3(get("iso"), get("country")),
            "actors": _actors(src),
            "location": get("location"),
            "latitude": get("latitude"),
            "longitude": get("longitude"),
            "geo_precision": get("geo_precision").fillna("").str.strip().map(GEO),
            "source": get("source"),
        },
        index=src.index,
    )
    for c in src.columns:
        if c in (ROW, FILE) or c in MOVED:
            continue
        kept = src[c]
        if c in COUNTS:
            num = pd.to_numeric(kept.str.strip().replace("", None), errors="coerce")
            if not (num.isna() & (kept.fillna("").str.strip() != "")).any():
                whole = (num.dropna() % 1 == 0).all()
                kept = num if not whole else num.astype("int64" if num.notna().all() else "Int64")
        out[c if c not in COLUMNS else f"acled_{c}"] = kept
    out[ROW], out[FILE] = src[ROW], src[FILE]
    rejects = pd.DataFrame(
        {
            "file": name,
            "row": src.loc[bad, ROW],
            "column": "event_date",
            "value": src.loc[bad, "event_date"],
            "reason": f"event_date is not a date ({DATE_HELP})",
        }
    )
    checked = validate(out[~bad.to_numpy()], source=name)
    return Validated(checked.events, combine_rejects(checked.rejects, rejects, table.rejects))


# --------------------------------------------------------------------------------------------
# writing: the events table as an ACLED-like export

TO_ACLED_TYPE = {
    "armed_conflict": ("Political violence", "Battles", "Armed clash"),
    "protest": ("Demonstrations", "Protests", "Peaceful protest"),
    "agreement": ("Strategic developments", "Strategic developments", "Agreement"),
}
OTHER_TYPE = ("Strategic developments", "Strategic developments", "Other")
TIME_CODES = {"time": 1, "day": 1, "week": 2}
GEO_CODES = {"point": 1, "city": 1, "region": 2, "country": 3, "sea": 3}


def _numeric_iso(iso3: str) -> object:
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3)
    return int(country.numeric) if country else ""


def to_acled(events: pd.DataFrame) -> pd.DataFrame:
    """ACLED's export columns: kept ACLED columns where the events came from ACLED, else derived
    (the first country, the first two actors, our type mapped back to ACLED's, precision codes)."""
    from events.countries import country_name

    def kept(column: str, default: pd.Series | str = "") -> pd.Series:
        for name in (f"acled_{column}",) if column in COLUMNS else (column,):
            if name in events:
                values = events[name].astype("object")
                fallback = (
                    default if isinstance(default, pd.Series) else pd.Series(default, index=events.index)
                )
                return values.where(values.notna(), fallback)  # a blank ACLED cell stays blank
        return (
            default
            if isinstance(default, pd.Series)
            else pd.Series(default, index=events.index, dtype="object")
        )

    start, end = events["start"], events["end"]
    prec = events["date_precision"].astype("object")
    middle = start + (end - start) / 2
    day = start.where(prec != "week", middle)
    types = [TO_ACLED_TYPE.get(str(t), OTHER_TYPE) for t in events["event_type"].astype("object")]
    actors = events["actors"].map(lambda a: list(a) if isinstance(a, (list, np.ndarray)) else [])
    first_country = events["countries"].map(lambda c: c[0] if len(c) else "")
    out = pd.DataFrame(index=events.index)
    out["event_id_cnty"] = kept("event_id_cnty", events["event_id"])
    out["event_date"] = kept("event_date", day.dt.strftime("%Y-%m-%d").fillna(""))
    out["year"] = start.dt.year.astype("Int64")
    out["time_precision"] = prec.map(lambda p: TIME_CODES.get(p, 3) if isinstance(p, str) else "")
    out["disorder_type"] = kept("disorder_type", pd.Series([t[0] for t in types], index=events.index))
    out["event_type"] = kept("event_type", pd.Series([t[1] for t in types], index=events.index))
    out["sub_event_type"] = kept("sub_event_type", pd.Series([t[2] for t in types], index=events.index))
    out["actor1"] = kept("actor1", actors.map(lambda a: a[0] if a else ""))
    out["assoc_actor_1"] = kept("assoc_actor_1")
    out["inter1"] = kept("inter1")
    out["actor2"] = kept("actor2", actors.map(lambda a: a[1] if len(a) > 1 else ""))
    out["assoc_actor_2"] = kept("assoc_actor_2", actors.map(lambda a: "; ".join(a[2:])))
    out["inter2"] = kept("inter2")
    out["interaction"] = kept("interaction")
    out["civilian_targeting"] = kept("civilian_targeting")
    out["iso"] = kept("iso", first_country.map(lambda c: _numeric_iso(c) if c else ""))
    out["region"] = kept("region")
    out["country"] = kept("country", first_country.map(lambda c: country_name(c) if c else ""))
    for c in ("admin1", "admin2", "admin3"):
        out[c] = kept(c)
    out["location"] = events["location"]
    out["latitude"] = events["latitude"]
    out["longitude"] = events["longitude"]
    out["geo_precision"] = kept(
        "geo_precision",
        events["geo_precision"]
        .astype("object")
        .map(lambda g: GEO_CODES.get(g, "") if isinstance(g, str) else ""),
    )
    out["source"] = events["source"]
    out["source_scale"] = kept("source_scale")
    out["notes"] = events["description"]
    out["fatalities"] = kept("fatalities")
    out["tags"] = kept("tags")
    out["timestamp"] = kept("timestamp")
    return out.reset_index(drop=True)
