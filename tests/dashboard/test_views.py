"""dashboard/views.py: the same filters give the same events on the pandas path and through DuckDB,
and past the threshold the view is drawn as density with the counts the filters give."""

import datetime as dt

import pytest

from dashboard import filters as flt
from dashboard import views
from dashboard.scale_query import EventQuery, QueryError
from events.default import default_timeline


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """A synthetic events store of 12,000 events, and the same events as a DataFrame."""
    from benchmarks.synth_events import write_synthetic
    from loaders.store import read_store

    path = tmp_path_factory.mktemp("store") / "events"
    write_synthetic(12_000, str(path), seed=3)
    return str(path), read_store(str(path))


def ids(events) -> set[str]:
    return set(events["event_id"].astype("object"))


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        ([], {}, (None, [])),
        (["a.csv", "b.parquet"], {}, (None, ["a.csv", "b.parquet"])),
        (["STORE"], {}, ("STORE", [])),
        ([], {"EVENTS_STORE": "STORE"}, ("STORE", [])),
        (["a.csv"], {"EVENTS_STORE": "STORE"}, ("STORE", ["a.csv"])),
    ],
)
def test_source_args_tell_a_store_folder_from_files(tmp_path, args, env, expected):
    store = str(tmp_path)
    sub = lambda v: store if v == "STORE" else v  # noqa: E731
    got = views.source_args([sub(a) for a in args], {k: sub(v) for k, v in env.items()})
    assert got == (sub(expected[0]), [sub(a) for a in expected[1]])


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        ([], {"EVENTS_STORE": "/no/such/folder"}, "no such folder"),
        (["ONE", "TWO"], {}, "one events store folder"),
    ],
)
def test_source_args_say_what_is_wrong(tmp_path, args, env, message):
    (tmp_path / "ONE").mkdir()
    (tmp_path / "TWO").mkdir()
    with pytest.raises(QueryError, match=message):
        views.source_args([str(tmp_path / a) for a in args], env)


@pytest.mark.parametrize(
    "f",
    [flt.Filters(), flt.Filters(countries=("RUS",), types=("meeting",)), flt.Filters(text="Vladivostok")],
)
def test_a_small_table_takes_the_pandas_path(f):
    events = default_timeline()
    assert not views.needs_query(events)
    r = views.draw(events, f, lanes="type")
    expected = flt.apply(events, f)
    assert not r.aggregated
    assert (r.matched, r.total) == (len(expected), len(events))
    assert r.events["event_id"].tolist() == expected["event_id"].tolist()
    assert len(r.fetch()) == r.matched


def test_a_large_table_unfiltered_is_drawn_as_density(big):
    _, events = big
    assert views.needs_query(events)
    r = views.draw(EventQuery(events), flt.Filters(), lanes="country")
    assert r.aggregated and r.events is None
    assert (r.matched, r.total) == (12_000, 12_000)
    assert {t.type for t in r.charts["timeline"].data} == {"heatmap"}
    assert {t.type for t in r.charts["map"].data} == {"scattergeo"}
    assert {t.type for t in r.charts["counts"].data} == {"bar"}
    # each map marker says how many events it stands for, and together they are the placed events
    hovers = [h for t in r.charts["map"].data for h in t.hovertext]
    assert all(" events</b>" in h for h in hovers)
    assert len(r.fetch()) == 12_000


@pytest.mark.parametrize(
    "f",
    [
        flt.Filters(countries=("PRK",)),
        flt.Filters(countries=("USA", "CHN"), types=("meeting", "sanction")),
        flt.Filters(start=dt.date(2020, 1, 1), end=dt.date(2020, 12, 31)),
        flt.Filters(modalities=("planned", "proposed")),
        flt.Filters(countries=("RUS",), text="Moscow"),
    ],
)
def test_store_table_and_pandas_agree_on_the_events(big, f):
    path, events = big
    expected = flt.apply(events, f)
    assert 0 < len(expected) <= views.LOD_THRESHOLD  # the cases are narrow enough to list
    for source in (EventQuery(path), EventQuery(events)):
        r = views.draw(source, f, lanes="type")
        assert not r.aggregated
        assert r.matched == len(expected) == len(r.events)
        assert ids(r.events) == ids(expected)
        assert {t.type for t in r.charts["map"].data} <= {"scattergeo"}


@pytest.mark.parametrize(
    ("f", "wide"),
    [
        (flt.Filters(types=("statement", "armed_conflict")), True),
        (flt.Filters(start=dt.date(2015, 1, 1)), True),
        (flt.Filters(countries=("KOR",), types=("military_exercise",)), False),
    ],
)
def test_the_view_is_density_exactly_when_more_than_the_threshold_match(big, f, wide):
    path, events = big
    n = len(flt.apply(events, f))
    assert (n > views.LOD_THRESHOLD) == wide
    r = views.draw(EventQuery(path), f, lanes="type")
    assert r.matched == n
    assert r.aggregated == wide
    if wide:
        assert ids(r.fetch()) == ids(flt.apply(events, f))


def test_a_range_that_ends_before_it_starts_matches_nothing(big):
    path, _ = big
    f = flt.Filters(start=dt.date(2020, 5, 1), end=dt.date(2020, 4, 1))
    r = views.draw(EventQuery(path), f, lanes="type")
    assert (r.matched, r.total, r.aggregated, len(r.events)) == (0, 12_000, False, 0)


def test_options_and_bounds_agree_between_a_table_and_its_query(big):
    _, events = big
    q = EventQuery(events)
    assert views.options(q) == views.options(events)
    assert views.date_bounds(q) == views.date_bounds(events)
    assert views.total(q) == views.total(events) == 12_000


@pytest.mark.parametrize(("n", "text"), [(47_189, "47,189 events"), (5_001, "5,001 events")])
def test_density_note_says_how_many_and_how_to_see_them(n, text):
    note = views.density_note(n)
    assert text in note and "5,000 or fewer" in note


def test_sessions_asking_one_query_at_once_each_get_their_own_answer(big):
    """The server shares one EventQuery between sessions; a text search goes through a temporary
    table, so answers would mix if two sessions' queries interleaved."""
    from concurrent.futures import ThreadPoolExecutor

    _, events = big
    q = EventQuery(events)
    cases = [flt.Filters(text=w) for w in ("Moscow", "Beijing", "Tehran", "Seoul")] * 3
    cases += [flt.Filters(countries=(c,), text="the") for c in ("USA", "RUS", "CHN")]
    with ThreadPoolExecutor(max_workers=6) as pool:
        got = list(pool.map(lambda f: views.draw(q, f, lanes="type").matched, cases))
    assert got == [len(flt.apply(events, f)) for f in cases]
