"""Level-of-detail figures: density instead of events past the threshold; every mark says its count."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard.scale_lod import (
    OTHERS,
    aggregated_map,
    density_timeline,
    grid_places,
    lod_figures,
    pick_grid,
    top_lanes,
)
from dashboard.scale_query import View

TYPES = ["statement", "armed_conflict", "meeting", "protest", "weapons_test"]


def _timeline(n_bins: int = 24, lanes: list[str] = TYPES, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    bins = pd.date_range("2022-01-01", periods=n_bins, freq="MS")
    rows = [(b, lane, int(rng.integers(1, 5000))) for b in bins for lane in lanes if rng.random() < 0.8]
    return pd.DataFrame(rows, columns=["bin", "lane", "count"])


def _places(n: int, seed: int = 2) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "location": [f"Town {i}" for i in range(n)],
            "latitude": rng.uniform(-50, 70, n).round(4),
            "longitude": rng.uniform(-170, 170, n).round(4),
            "count": rng.integers(1, 900, n),
            "event_type": rng.choice(TYPES, n),
            "types": rng.integers(1, 4, n),
            "places": np.ones(n, dtype=int),
        }
    )


def _view(matched: int, events: pd.DataFrame | None = None) -> View:
    t = _timeline()
    return View(
        matched=matched,
        total=1_000_000,
        unit="month",
        timeline=t,
        places=_places(300),
        by_type=t.groupby("lane", as_index=False)["count"].sum().rename(columns={"lane": "event_type"}),
        undated=3,
        unplaced=17,
        events=events,
    )


def _hover_counts(fig: go.Figure) -> int:
    """The events the timeline's marks stand for, read from what their hovers show."""
    total = 0
    for tr in fig.data:
        cd = np.asarray(tr.customdata, dtype=float)
        total += int(np.nansum(cd))
    return total


@pytest.mark.parametrize("matched, drawn", [(4_999, False), (5_000, False), (5_001, True), (900_000, True)])
def test_density_only_past_the_threshold(matched, drawn):
    figs = lod_figures(_view(matched, events=pd.DataFrame() if not drawn else None))
    assert (figs is not None) == drawn


def test_the_threshold_can_be_chosen():
    assert lod_figures(_view(600), threshold=500) is not None
    assert lod_figures(_view(600), threshold=1_000) is None


@pytest.mark.parametrize("style, trace", [("heat", go.Heatmap), ("bars", go.Bar), ("dots", go.Scattergl)])
def test_every_event_is_counted_once_in_the_marks(style, trace):
    t = _timeline()
    fig = density_timeline(t, unit="month", style=style)
    assert all(isinstance(tr, trace) for tr in fig.data)
    assert _hover_counts(fig) == t["count"].sum()
    assert all("events</b>" in tr.hovertemplate for tr in fig.data)


def test_the_heat_strip_has_one_row_per_lane_and_one_column_per_bin():
    t = _timeline(n_bins=30)
    (hm,) = density_timeline(t, unit="month", style="heat").data
    assert len(hm.y) == t["lane"].nunique() and len(hm.x) == t["bin"].nunique()


def test_the_banner_says_how_many_events_and_how_to_see_them():
    fig = density_timeline(_timeline(), unit="week", matched=123_456, threshold=5_000)
    text = fig.layout.annotations[0].text
    assert "123,456 events" in text and "one week" in text and "below 5,000" in text


@pytest.mark.parametrize("n_lanes, max_lanes, expected", [(5, 25, 5), (40, 25, 25), (40, 10, 10)])
def test_small_lanes_are_summed_into_others(n_lanes, max_lanes, expected):
    lanes = [f"C{i:02d}" for i in range(n_lanes)]
    t = _timeline(lanes=lanes)
    got = top_lanes(t, max_lanes=max_lanes)
    assert got["lane"].nunique() == expected
    assert got["count"].sum() == t["count"].sum()
    assert (OTHERS in set(got["lane"])) == (n_lanes > max_lanes)


def test_country_lanes_show_country_names():
    t = _timeline(lanes=["PRK", "KOR"])
    (hm,) = density_timeline(t, unit="month", lane="countries").data
    assert "PRK" not in hm.y and any("Korea" in y for y in hm.y)


@pytest.mark.parametrize("bad", [{"style": "violin"}, {"unit": "decade"}])
def test_unknown_options_are_refused(bad):
    with pytest.raises(ValueError, match="must be one of"):
        density_timeline(_timeline(), **{"unit": "month", **bad})


@pytest.mark.parametrize(
    "n, max_markers, gridded", [(300, 1_500, False), (3_000, 1_500, True), (3_000, 200, True)]
)
def test_many_places_are_gathered_into_cells(n, max_markers, gridded):
    p = _places(n)
    fig = aggregated_map(p, max_markers=max_markers)
    markers = sum(len(tr.lat) for tr in fig.data)
    assert (markers < n) == gridded and markers <= max(max_markers, 1)
    sizes = np.concatenate([np.asarray(tr.marker.size) for tr in fig.data])
    assert sizes.min() >= 4


def test_cells_keep_every_event_and_the_biggest_place_name():
    p = pd.DataFrame(
        {
            "location": ["Seoul", "Incheon", "Busan"],
            "latitude": [37.56, 37.45, 35.18],
            "longitude": [126.97, 126.70, 129.07],
            "count": [500, 20, 80],
            "event_type": ["protest", "meeting", "meeting"],
            "places": [1, 1, 1],
        }
    )
    cells = grid_places(p, 2.0)
    assert cells["count"].sum() == 600 and len(cells) == 2
    seoul = cells.iloc[0]
    assert seoul["location"] == "Seoul" and seoul["count"] == 520 and seoul["places"] == 2
    assert seoul["event_type"] == "protest"


def test_pick_grid_is_none_when_places_fit():
    assert pick_grid(_places(10), max_markers=100) is None
    assert pick_grid(_places(5_000), max_markers=500) in (1.0, 2.0, 5.0, 10.0, 20.0)


def test_the_map_hover_gives_counts_and_shows_names_as_text():
    p = _places(3)
    p.loc[0, "location"] = "<img src=x onerror=alert(1)>"
    fig = aggregated_map(p, unplaced=17)
    hovers = [h for tr in fig.data for h in tr.hovertext]
    assert any(html.escape("<img src=x onerror=alert(1)>") in h for h in hovers)
    assert not any("<img" in h for h in hovers)
    assert all(" events</b>" in h for h in hovers)
    assert "17 without a place" in fig.layout.annotations[0].text


def test_figures_are_small_to_send():
    fig = density_timeline(_timeline(n_bins=800, lanes=[f"C{i}" for i in range(25)]), unit="day")
    assert len(fig.to_json()) < 3_000_000
