"""The page on an events store (EVENTS_STORE) and on a large table, driven by Streamlit's AppTest."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
N = 12_000


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    from benchmarks.synth_events import write_synthetic

    path = tmp_path_factory.mktemp("store") / "events"
    write_synthetic(N, str(path), seed=5)
    return str(path)


def run(what) -> AppTest:
    """Run the app (or the app a widget belongs to, after an interaction); fail on an exception."""
    at = what.run()
    assert not at.exception, at.exception
    return at


def summary(at: AppTest) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("Showing")).replace("\\", "")


def captions(at: AppTest) -> list[str]:
    return [c.value.replace("\\", "") for c in at.caption]


def chart_types(at: AppTest) -> dict[str, set[str]]:
    import json

    return {
        c.proto.id.split("-")[-1]: {t.get("type", "scatter") for t in json.loads(c.proto.spec)["data"]}
        for c in at.get("plotly_chart")
    }


@pytest.fixture
def on_store(store, monkeypatch) -> AppTest:
    monkeypatch.setenv("EVENTS_STORE", store)
    return run(AppTest.from_file(APP, default_timeout=120))


def test_a_store_opens_drawn_as_density_with_the_count_of_all(on_store):
    at = on_store
    assert summary(at) == f"Showing {N:,} of {N:,} events (no filters)"
    assert f"Drawn as density: {N:,} events; filter to 5,000 or fewer to see them one by one." in captions(at)
    assert len(at.get("plotly_chart")) == 3
    assert any("heatmap" in types for types in chart_types(at).values())
    assert at.selectbox(key="event").options == []  # no event listed while drawn as density
    assert any("the events store events" in c for c in captions(at))


def test_filtering_a_store_below_the_threshold_brings_the_events_and_their_evidence_back(on_store):
    at = on_store
    at.multiselect(key="f_countries").select("PRK")
    at = run(at.multiselect(key="f_types").select("weapons_test"))
    text = summary(at)
    assert text.startswith("Showing ") and text.endswith(
        f" of {N:,} events: country North Korea; type Weapons test"
    )
    matched = int(text.split()[1].replace(",", ""))
    assert 0 < matched <= 5_000
    assert not any(c.startswith("Drawn as density") for c in captions(at))
    assert not any("heatmap" in types for types in chart_types(at).values())
    options = at.selectbox(key="event").options
    assert len(options) == matched
    at = run(at.selectbox(key="event").set_value(options[0]))
    assert len(at.get("html")) == 1  # the evidence panel
    assert at.query_params["country"] in ("PRK", ["PRK"])


def test_a_link_with_filters_opens_that_view_of_the_store(store, monkeypatch):
    monkeypatch.setenv("EVENTS_STORE", store)
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["type"] = "statement"
    at = run(at)
    text = summary(at)
    assert text.endswith(f" of {N:,} events: type Statement")
    assert int(text.split()[1].replace(",", "")) > 2_000


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: str(tmp / "missing"), "no such folder"),
        (lambda tmp: str(tmp), "no events store here"),
    ],
)
def test_a_bad_store_says_why_and_shows_the_default_timeline(tmp_path, monkeypatch, make, message):
    monkeypatch.setenv("EVENTS_STORE", make(tmp_path))
    at = run(AppTest.from_file(APP, default_timeout=120))
    assert summary(at) == "Showing 14 of 14 events (no filters)"
    assert any(message in e.value for e in at.error)


def test_a_large_table_in_memory_is_drawn_as_density_and_filters_back_to_events(store):
    from loaders.store import read_store

    events = read_store(store)
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["events"] = events
    at.session_state["source_label"] = "test events"
    at = run(at)
    assert summary(at) == f"Showing {N:,} of {N:,} events (no filters)"
    assert any(c.startswith(f"Drawn as density: {N:,} events") for c in captions(at))
    at = run(at.multiselect(key="f_countries").select("KOR"))
    text = summary(at)
    matched = int(text.split()[1].replace(",", ""))
    assert 0 < matched <= 5_000
    assert len(at.selectbox(key="event").options) == matched
