"""The columns of GDELT event files (GDELT Event Codebook 2.0, and 1.0 for the older files).

GDELT 2.0 files have 61 tab-separated columns and no header. GDELT 1.0 files lack the three
`*Geo_ADM2Code` columns (58 columns), and its backfile before April 2013 also lacks SOURCEURL (57).
"""

from __future__ import annotations

_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO_V2 = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_GEO_V1 = tuple(g for g in _GEO_V2 if g != "ADM2Code")

_HEAD = ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
_EVENT = (
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
)


def _columns(geo: tuple[str, ...]) -> tuple[str, ...]:
    return (
        _HEAD
        + tuple(f"Actor1{a}" for a in _ACTOR)
        + tuple(f"Actor2{a}" for a in _ACTOR)
        + _EVENT
        + tuple(f"{who}Geo_{g}" for who in ("Actor1", "Actor2", "Action") for g in geo)
        + ("DATEADDED", "SOURCEURL")
    )


V2: tuple[str, ...] = _columns(_GEO_V2)
V1: tuple[str, ...] = _columns(_GEO_V1)
V1_BACKFILE: tuple[str, ...] = V1[:-1]

BY_WIDTH: dict[int, tuple[str, ...]] = {len(V2): V2, len(V1): V1, len(V1_BACKFILE): V1_BACKFILE}
assert sorted(BY_WIDTH) == [57, 58, 61]

# CAMEO root codes (CAMEO manual 1.1b3), for titles such as "Russia — Consult — China".
CAMEO_ROOTS: dict[str, str] = {
    "01": "Make public statement",
    "02": "Appeal",
    "03": "Express intent to cooperate",
    "04": "Consult",
    "05": "Engage in diplomatic cooperation",
    "06": "Engage in material cooperation",
    "07": "Provide aid",
    "08": "Yield",
    "09": "Investigate",
    "10": "Demand",
    "11": "Disapprove",
    "12": "Reject",
    "13": "Threaten",
    "14": "Protest",
    "15": "Exhibit military posture",
    "16": "Reduce relations",
    "17": "Coerce",
    "18": "Assault",
    "19": "Fight",
    "20": "Use unconventional mass violence",
}

# ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1).
GEO_TYPES: dict[int, str] = {1: "country", 2: "region", 3: "city", 4: "city", 5: "region"}
