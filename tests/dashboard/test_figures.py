import json

import pandas as pd
import pytest

from dashboard import figures as F
from tests.dashboard.conftest import make_events

XSS_TITLES = ["<img src=x onerror=alert(1)>", '<a href="javascript:alert(1)">click</a>']


def traces_with(fig, event_id):
    return [t for t in fig.data if t.customdata is not None and event_id in [c[0] for c in t.customdata]]


def one(fig, event_id):
    (trace,) = traces_with(fig, event_id)
    return trace


def test_timeline_draws_ranges_as_bars_days_as_markers_and_uncertain_periods_faint(sample):
    fig = F.timeline(sample, lanes="type")
    drill, meeting, summit, sanctions = one(fig, "b"), one(fig, "a"), one(fig, "c"), one(fig, "d")
    assert drill.type == "bar" and drill.marker.opacity > 0.5
    assert meeting.type == "scatter" and meeting.mode == "markers"
    # known only to the month or year: a faint bar over the whole period
    assert summit.type == "bar" and summit.marker.opacity < 0.5
    assert sanctions.type == "bar" and sanctions.marker.opacity < 0.5
    i = [c[0] for c in sanctions.customdata].index("d")
    assert sanctions.base[i].startswith("2023-01-01")
    assert sanctions.x[i] == pytest.approx(365 * 86_400_000, rel=1e-6)


def test_timeline_draws_planned_hollow_and_colours_by_type(sample):
    fig = F.timeline(sample)
    summit, meeting = one(fig, "c"), one(fig, "a")
    assert summit.marker.color == "rgba(0,0,0,0)" and summit.marker.line.color == F.TYPE_COLOURS["meeting"]
    assert meeting.marker.symbol == "circle" and meeting.marker.color == F.TYPE_COLOURS["meeting"]
    assert one(fig, "f").marker.color == F.TYPE_COLOURS["weapons_test"]
    assert len(set(F.TYPE_COLOURS.values())) == len(F.TYPE_COLOURS)


@pytest.mark.parametrize(
    ("lanes", "event_id", "expected_lanes"),
    [
        ("country", "b", ["China", "Russia", "Iran"]),
        ("country", "f", ["North Korea"]),
        ("type", "b", ["Military exercise"]),
        ("type", "d", ["Sanction"]),
    ],
)
def test_timeline_lanes(sample, lanes, event_id, expected_lanes):
    fig = F.timeline(sample, lanes=lanes)
    trace = one(fig, event_id)
    got = [y for y, c in zip(trace.y, trace.customdata, strict=True) if c[0] == event_id]
    assert sorted(got) == sorted(expected_lanes)


def test_timeline_leaves_out_undated_events_and_handles_empty(sample):
    fig = F.timeline(sample)
    assert traces_with(fig, "e") == []
    assert len(F.timeline(sample.iloc[0:0]).data) == 0
    with pytest.raises(ValueError, match="lanes must be one of country, type"):
        F.timeline(sample, lanes="actor")


def test_timeline_hover_says_title_date_as_written_countries_and_source(sample):
    trace = one(F.timeline(sample, lanes="type"), "a")
    text = trace.hovertext[[c[0] for c in trace.customdata].index("a")]
    for part in ("Foreign ministers meet in Beijing", "on Tuesday", "China, Russia", "wire-1"):
        assert part in text


@pytest.mark.parametrize("title", XSS_TITLES)
def test_untrusted_text_is_escaped_in_hover(title):
    events = make_events(
        {
            "event_id": "x",
            "title": title,
            "start": "2024-01-02",
            "countries": "FRA",
            "location": title,
            "latitude": 48.85,
            "longitude": 2.35,
            "source": '<script>alert("s")</script>',
            "date_text": "<b>Tuesday</b>",
        }
    )
    hovers = [h for t in (*F.timeline(events).data, *F.event_map(events).data) for h in t.hovertext]
    assert hovers
    for h in hovers:
        assert "<img" not in h and "<a " not in h and "<script" not in h and "<b>Tuesday" not in h
    assert any("&lt;" in h for h in hovers)


def test_focus_skips_a_lone_far_older_event():
    events = make_events(
        {"title": "Old war", "start": "1950", "end": "1953", "date_precision": "year"},
        *({"title": f"Talks {d}", "start": f"2023-08-{d:02d}"} for d in range(1, 12)),
    )
    lo, hi = F.focus_range(events)
    assert "2023-07" in lo and "2023-08" in hi
    # evenly spread events: show everything
    spread = make_events(*({"title": f"Y{y}", "start": str(y)} for y in range(1990, 2020)))
    assert F.focus_range(spread) is None


def test_places_group_events_by_coordinates(sample):
    table = F.places(sample).set_index("location")
    assert table.loc["Beijing", "count"] == 2
    assert F.events_at(sample, table.loc["Beijing", "key"]) == ["a", "f"]
    assert F.events_at(sample, "0.0000,0.0000") == []
    assert table.loc["Beijing", "event_type"] == "meeting"  # a tie goes to the taxonomy's order
    assert table.loc["Gulf of Oman", "count"] == 1
    assert F.unplaced_count(sample) == 2


def test_map_markers_sized_by_count_coloured_by_type_and_unplaced_counted(sample):
    fig = F.event_map(sample)
    sizes = {c[0]: s for t in fig.data for c, s in zip(t.customdata, t.marker.size, strict=True)}
    beijing, gulf = "39.9042,116.4074", "24.5000,58.5000"
    assert sizes[beijing] > sizes[gulf]
    assert {t.name: t.marker.color for t in fig.data}["Military exercise"] == F.TYPE_COLOURS[
        "military_exercise"
    ]
    assert "2 events without a place" in fig.layout.annotations[0].text
    assert fig.layout.geo.showland and fig.layout.geo.showcountries


@pytest.mark.parametrize(
    ("days", "freq"),
    [(10, "week"), (150, "week"), (151, "month"), (365 * 5, "month"), (365 * 7, "year"), (365 * 70, "year")],
)
def test_pick_freq(days, freq):
    start = pd.Timestamp("2020-01-01")
    assert F.pick_freq(start, start + pd.Timedelta(days=days)) == freq


@pytest.mark.parametrize(
    ("date", "freq", "bucket"),
    [
        ("2024-03-07", "week", "2024-03-04"),  # a Thursday: its week starts on Monday
        ("2024-03-04", "week", "2024-03-04"),
        ("2024-03-31", "month", "2024-03-01"),
        ("2024-12-31", "year", "2024-01-01"),
        ("1200-06-15", "year", "1200-01-01"),
        ("1969-12-31", "week", "1969-12-29"),
        ("1200-06-15", "week", "1200-06-12"),
        ("2024-01-01", "week", "2024-01-01"),
    ],
)
def test_buckets(date, freq, bucket):
    starts = pd.Series([pd.Timestamp(date)]).astype("datetime64[s]")
    assert F.buckets(starts, freq).tolist() == [bucket]


def test_counts_stack_by_type_and_count_every_dated_event_once(sample):
    fig = F.counts(sample, freq="month")
    assert fig.layout.barmode == "stack"
    assert sum(sum(t.y) for t in fig.data) == sample["start"].notna().sum()
    by_type = {t.name: {x: y for x, y in zip(t.x, t.y, strict=True) if y} for t in fig.data}
    assert by_type["Meeting"] == {"2024-03-01": 1, "2024-04-01": 1}
    assert by_type["Sanction"] == {"2023-01-01": 1}


def test_event_ids_from_selected_points():
    points = [{"customdata": ["a"]}, {"customdata": ["b"]}, {"customdata": ["a"]}, {"x": 1}]
    assert F.event_ids(points) == ["a", "b"]


def test_far_past_and_future_years_draw():
    events = make_events(
        {"title": "Siege", "start": "1204", "date_precision": "year", "event_type": "armed_conflict"},
        {"title": "Treaty", "start": "1215-06-15", "event_type": "agreement"},
        {"title": "Planned colony", "start": "3000", "date_precision": "year", "modality": "planned"},
    )
    bars = [t for t in F.timeline(events).data if t.type == "bar"]
    assert sorted(b for t in bars for b in t.base)[0].startswith("1204-01-01")
    fig = F.counts(events)
    assert fig.layout.yaxis.title.text == "events per year"
    assert sum(sum(t.y) for t in fig.data) == 3


def test_a_lone_place_is_shown_with_its_region_not_zoomed_to_a_blob():
    events = make_events(
        {"title": "Talks", "start": "2024-01-02", "location": "Kyiv", "latitude": 50.45, "longitude": 30.52}
    )
    geo = F.event_map(events).layout.geo
    assert geo.fitbounds is False and geo.projection.scale == 4 and geo.center.lat == pytest.approx(50.45)


@pytest.mark.parametrize("lanes", F.LANES)
def test_fast_built_timeline_is_a_valid_plotly_figure(sample, lanes):
    import plotly.graph_objects as go
    import plotly.io as pio

    fig = F.timeline(sample, lanes=lanes, title="<b>Events</b>")
    checked = go.Figure(fig.to_plotly_json())  # full validation: raises on any unknown property or bad value
    assert json.loads(pio.to_json(checked, validate=False)) == json.loads(pio.to_json(fig, validate=False))
    assert fig.layout.template.layout.plot_bgcolor == "white"
    assert fig.layout.title.text == "&lt;b&gt;Events&lt;/b&gt;"


@pytest.mark.parametrize(
    "build", [F.event_map, lambda e: F.event_map(e.iloc[:1]), F.counts, lambda e: F.counts(e, freq="week")]
)
def test_fast_built_map_and_counts_are_valid_plotly_figures(sample, build):
    import plotly.graph_objects as go
    import plotly.io as pio

    fig = build(sample)
    checked = go.Figure(fig.to_plotly_json())
    assert json.loads(pio.to_json(checked, validate=False)) == json.loads(pio.to_json(fig, validate=False))


def test_many_markers_draw_with_webgl():
    many = make_events(
        *(
            {
                "event_id": f"e{i}",
                "title": f"Talks {i}",
                "start": f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "event_type": ("meeting", "statement")[i % 2],
                "countries": "FRA",
            }
            for i in range(F.WEBGL_ABOVE + 1)
        ),
        {"event_id": "w", "title": "War", "start": "2022-01-01", "end": "2023-01-01", "countries": "FRA"},
    )
    types = {t.type for t in F.timeline(many).data}
    assert types == {"scattergl", "bar"}
    assert {t.type for t in F.timeline(many.iloc[:50]).data} == {"scatter"}
