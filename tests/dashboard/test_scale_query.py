"""DuckDB answers the same as the dashboard's pandas filters, over a store or an in-memory table."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from benchmarks.synth_events import _places, generate_chunk
from dashboard.filters import Filters as PandasFilters
from dashboard.filters import apply
from dashboard.scale_query import EventQuery, Filters, QueryError, time_bin
from events.schema import concat, validate
from loaders.store import from_arrow, write_store

EDGE_ROWS = [
    {"event_id": "undated", "title": "A statement with no date", "countries": "PRK", "source": "wire"},
    {
        "event_id": "july-2023",
        "title": "Talks known only to the month",
        "start": "2023-07",
        "event_type": "meeting",
        "countries": "RUS;TUR",
        "source": "wire",
    },
    {
        "event_id": "korean-war",
        "title": "Korean War",
        "start": "1950-06-25",
        "end": "1953-07-27",
        "event_type": "armed_conflict",
        "countries": "PRK;KOR;USA;CHN",
        "source": "timeline.xlsx",
    },
    {
        "event_id": "percent",
        "title": "Turnout 100% in the 50_50 district",
        "start": "2019-05-02",
        "event_type": "protest",
        "countries": "",
        "source": "wire",
    },
    {
        "event_id": "injection",
        "title": "Robert'); DROP TABLE events;-- says hello",
        "evidence": "<img src=x onerror=alert(1)>",
        "start": "2019-05-03",
        "event_type": "statement",
        "countries": "GBR",
        "location": "London",
        "latitude": 51.5074,
        "longitude": -0.1278,
        "source": "wire",
    },
]


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    rng = np.random.default_rng(3)
    places, names = _places()
    parts = [
        from_arrow(
            generate_chunk(y, n, rng, first_id=0, places=places, country_names=names).drop(["year", "month"])
        )
        for y, n in ((1985, 60), (2019, 250), (2023, 350))
    ]
    edge = validate(pd.DataFrame(EDGE_ROWS))
    assert edge.rejects.empty, edge.rejects.to_string()
    return concat([*parts, edge.events])


@pytest.fixture(scope="module")
def store(events, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("store")
    write_store(events, path)
    return str(path)


@pytest.fixture(scope="module", params=["dataframe", "store", "store-lean", "store-on-disk"])
def query(request, events, store):
    if request.param == "dataframe":
        q = EventQuery(events)
    else:
        q = EventQuery(
            store, materialize={"store": "full", "store-lean": "lean", "store-on-disk": "none"}[request.param]
        )
    yield q
    q.close()


FILTERS = [
    {},
    {"countries": ("PRK",)},
    {"countries": ("KOR", "JPN")},
    {"countries": ("prk",)},  # codes in any case
    {"types": ("military_exercise", "weapons_test")},
    {"modalities": ("planned", "proposed")},
    {"sources": ("wire", "https://tass.com/")},
    {"start": dt.date(2023, 7, 31), "end": dt.date(2023, 8, 15)},
    {"start": dt.date(2023, 7, 31)},  # the month-precision July event overlaps
    {"end": dt.date(1986, 1, 1)},
    {"start": dt.date(1952, 1, 1), "end": dt.date(1952, 12, 31)},  # inside the Korean War only
    {"text": "pyongyang"},
    {"text": "Russia  talks"},  # every word, anywhere in the texts
    {"text": "100%"},
    {"text": "50_50"},
    {"text": "'); DROP TABLE events;--"},
    {"text": "<img"},
    {
        "countries": ("USA",),
        "types": ("meeting", "statement"),
        "start": dt.date(2019, 1, 1),
        "end": dt.date(2023, 12, 31),
    },
    {"countries": ("ZZZ",)},
]


def _ids(df: pd.DataFrame) -> list[str]:
    return sorted(df["event_id"].astype(str))


@pytest.mark.parametrize("kw", FILTERS, ids=[str(k) for k in FILTERS])
def test_the_same_events_as_the_pandas_filters(query, events, kw):
    expected = apply(
        events, PandasFilters(**{**kw, "countries": tuple(c.upper() for c in kw.get("countries", ()))})
    )
    f = Filters(**kw)
    assert query.count(f) == len(expected)
    assert _ids(query.events(f)) == _ids(expected)


@pytest.mark.parametrize("kw", FILTERS[:8] + FILTERS[-2:], ids=[str(k) for k in FILTERS[:8] + FILTERS[-2:]])
def test_counts_add_up_to_the_matching_events(query, events, kw):
    expected = apply(
        events, PandasFilters(**{**kw, "countries": tuple(c.upper() for c in kw.get("countries", ()))})
    )
    v = query.view(Filters(**kw), threshold=10)
    assert v.matched == len(expected) and v.total == len(events)
    by_type = expected["event_type"].astype(str).value_counts()
    assert dict(zip(v.by_type["event_type"], v.by_type["count"], strict=True)) == by_type.to_dict()
    dated = expected[expected["start"].notna()]
    assert v.undated == len(expected) - len(dated)
    if "start" in kw or "end" in kw:  # events known to a longer period count only their part in the range
        assert v.timeline["count"].sum() <= len(dated) + 1e-9
    else:
        assert v.timeline["count"].sum() == pytest.approx(len(dated))
    placed = expected[expected["latitude"].notna()]
    assert v.places["count"].sum() == len(placed) and v.unplaced == len(expected) - len(placed)
    assert (v.events is None) == (len(expected) > 10)


def test_country_lanes_count_an_event_once_per_country(query, events):
    unit, t = query.timeline(Filters(countries=("PRK",)), lane="countries")
    expected = apply(events, PandasFilters(countries=("PRK",)))
    dated = expected[expected["start"].notna()]
    assert t["count"].sum() == pytest.approx(sum(len(c) for c in dated["countries"]))
    assert t.loc[t["lane"] == "PRK", "count"].sum() == pytest.approx(len(dated))


@pytest.mark.parametrize(
    "kw, unit, expected",
    [
        # known only to July 2023: spread over the days of July on a daily timeline
        ({"text": "Talks known only to the month"}, "day", {"2023-07-01": 1 / 31, "2023-07-31": 1 / 31}),
        ({"text": "Talks known only to the month"}, "month", {"2023-07-01": 1.0}),
        # a range of years on its first bin, as drawn from its start
        ({"text": "Korean War"}, "year", {"1950-01-01": 1.0}),
        # inside a date range: only the range's part, a war that began before it on its first bin
        (
            {"text": "Korean War", "start": dt.date(1952, 3, 1), "end": dt.date(1952, 5, 31)},
            "month",
            {"1952-03-01": 1.0},
        ),
        (
            {"text": "Talks known only to the month", "start": dt.date(2023, 7, 30)},
            "day",
            {"2023-07-30": 1 / 31, "2023-07-31": 1 / 31},
        ),
    ],
)
def test_events_known_to_a_period_are_spread_over_it(query, kw, unit, expected):
    _, t = query.timeline(Filters(**kw), unit=unit)
    got = dict(zip(t["bin"].dt.strftime("%Y-%m-%d"), t["count"], strict=True))
    for day, count in expected.items():
        assert got[day] == pytest.approx(count)
    if "start" in kw:
        assert set(got) == set(expected)


def test_places_count_each_place_and_name_its_main_type(query, events):
    p = query.places(Filters(types=("statement",)))
    expected = apply(events, PandasFilters(types=("statement",)))
    per_place = expected.dropna(subset=["latitude"]).groupby(["latitude", "longitude"]).size()
    got = p.set_index(["latitude", "longitude"])["count"]
    assert got.sort_index().to_dict() == per_place.sort_index().to_dict()
    assert set(p["event_type"]) == {"statement"}


@pytest.mark.parametrize("grid", [1.0, 5.0, 30.0])
def test_grid_cells_keep_every_placed_event(query, events, grid):
    cells = query.places(Filters(), grid=grid)
    assert cells["count"].sum() == int(events["latitude"].notna().sum())
    assert ((cells["latitude"] - grid / 2) / grid).round(6).mod(1).eq(0).all()
    assert len(cells) <= len(query.places(Filters()))


@pytest.mark.parametrize(
    "lo, hi, unit",
    [
        ("2023-08-01", "2023-08-31", "day"),
        ("2021-01-01", "2023-01-01", "day"),
        ("2015-01-01", "2023-12-31", "week"),
        ("1979-01-01", "2026-12-31", "month"),
        ("1200-01-01", "2026-12-31", "year"),
    ],
)
def test_time_bins_fit_the_range(lo, hi, unit):
    assert time_bin(pd.Timestamp(lo), pd.Timestamp(hi)) == unit


def test_the_dashboards_filters_are_taken_as_they_are(query):
    kw = {"countries": ("KOR",), "types": ("meeting",), "start": dt.date(2019, 1, 1)}
    assert query.count(PandasFilters(**kw)) == query.count(Filters(**kw))


def test_views_are_cached_per_filter(query):
    f = Filters(countries=("USA",))
    assert query.view(f) is query.view(f)
    assert query.view(f, lane="countries") is not query.view(f)


def test_options_are_those_the_pandas_dashboard_offers(query, events):
    from dashboard.filters import options

    assert query.options() == options(events)
    assert query.date_bounds() == (dt.date(1950, 6, 25), events["end"].max().date())


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda q: q.count(Filters(start="2023-13-45")), "not a date; write YYYY-MM-DD"),
        (lambda q: q.count(Filters(start="2023-05-01", end="2023-04-01")), "ends .* before it starts"),
        (lambda q: q.count(Filters(modalities=("rumoured",))), "unknown modality 'rumoured'"),
        (lambda q: q.timeline(Filters(), lane="actors"), "unknown lane 'actors'"),
        (lambda q: q.timeline(Filters(), unit="decade"), "unknown time bin 'decade'"),
    ],
)
def test_bad_requests_say_what_is_accepted(query, call, message):
    with pytest.raises(QueryError, match=message):
        call(query)


def test_a_folder_without_a_store_is_a_clear_error(tmp_path):
    with pytest.raises(QueryError, match="no events store here"):
        EventQuery(tmp_path)


@pytest.mark.parametrize("materialize", ["full", "lean", "none"])
def test_years_far_back_load_count_and_bin(tmp_path, materialize):
    starts = [
        np.datetime64("-0050-03-01", "s"),
        np.datetime64("1200-06-01", "s"),
        np.datetime64("2020-01-01", "s"),
    ]
    got = validate(pd.DataFrame({"title": ["Siege", "Treaty", "Summit"], "start": starts}))
    write_store(got.events, tmp_path)
    q = EventQuery(tmp_path, materialize=materialize)
    assert q.count(Filters(end="1300-01-01")) == 2
    v = q.view(Filters(), threshold=-1)
    assert v.unit == "year" and [b.year for b in v.timeline["bin"]] == [-50, 1200, 2020]
    assert q.events(Filters())["start"].tolist() == got.events["start"].tolist()
