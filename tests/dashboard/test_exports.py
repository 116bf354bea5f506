import json
import os
import re

import pandas as pd
import pytest

from dashboard import exports, figures
from events.io import read_events
from tests.dashboard.conftest import make_events

needs_chromium = pytest.mark.skipif(
    exports.find_chromium() is None and os.environ.get("REQUIRE_BROWSER") != "1",
    reason="no Chromium for kaleido",
)


@pytest.mark.parametrize("fmt", exports.DATA_FORMATS)
def test_data_export_holds_exactly_the_filtered_events(sample, fmt, tmp_path):
    shown = sample[sample["countries"].map(lambda c: "RUS" in c)]
    path = tmp_path / f"out.{fmt}"
    path.write_bytes(exports.to_data(shown, fmt))
    back, rejects = read_events(path)
    assert rejects.empty
    assert back["event_id"].tolist() == ["a", "b", "d"]
    assert back["countries"].tolist() == shown["countries"].tolist()
    pd.testing.assert_series_equal(back["start"], shown["start"].reset_index(drop=True))


def test_csv_export_neutralises_spreadsheet_formulas():
    events = make_events({"title": '=HYPERLINK("http://x")', "start": "2024-01-01"})
    assert b"'=HYPERLINK" in exports.to_data(events, "csv")


def test_html_export_is_self_contained_with_the_map_assets(sample):
    page = exports.to_html(figures.event_map(sample), title="Map").decode("utf-8")
    assert "window.PlotlyGeoAssets" in page and '"world_110m":{"type":"Topology"' in page
    # nothing fetched from elsewhere: no external script or stylesheet
    assert not re.search(r"<script[^>]+src=", page)
    assert not re.search(r"<link[^>]+href=", page)
    assert page.index("window.PlotlyGeoAssets") < page.index("Plotly.newPlot")


def test_html_export_of_a_timeline_has_no_map_assets(sample):
    page = exports.to_html(figures.timeline(sample)).decode("utf-8")
    assert "window.PlotlyGeoAssets=Object.assign" not in page and "Plotly.newPlot" in page


@pytest.mark.parametrize("title", ["<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>"])
def test_html_export_keeps_hostile_titles_as_text(title):
    events = make_events(
        {"title": title, "start": "2024-01-01", "location": title, "latitude": 1.0, "longitude": 2.0}
    )
    for fig in (figures.timeline(events), figures.event_map(events)):
        page = exports.to_html(fig, title=title).decode("utf-8")
        assert "<img src=x" not in page and "</script><script>alert" not in page


def test_geo_assets_cover_the_default_map():
    assert {"world_110m", "world_50m"} <= set(exports.topojson_names())
    topo = json.loads((exports.TOPOJSON_DIR / "world_110m.json").read_text())
    assert {"land", "countries", "coastlines"} <= set(topo["objects"])


@pytest.mark.slow
@needs_chromium
@pytest.mark.parametrize(
    ("fmt", "magic"), [("png", b"\x89PNG\r\n\x1a\n"), ("svg", b"<svg"), ("pdf", b"%PDF")]
)
def test_image_export(sample, fmt, magic):
    data = exports.to_image(figures.event_map(sample), fmt, width=800, height=500)
    assert magic in data[:200]
    assert len(data) > 5_000  # land and borders drawn, not an empty frame


def test_no_chromium_gives_a_message_that_says_what_to_install(sample, monkeypatch):
    import kaleido
    from kaleido.errors import ChromeNotFoundError

    def missing(*args, **kwargs):
        raise ChromeNotFoundError("no chrome")

    monkeypatch.setattr(exports, "start_image_server", lambda: None)
    monkeypatch.setattr(kaleido, "calc_fig_sync", missing)
    with pytest.raises(exports.ExportUnavailable, match="apt-get install chromium.*HTML export works"):
        exports.to_image(figures.timeline(sample), "png")


def test_find_chromium_follows_browser_path(monkeypatch, tmp_path):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "nowhere"))
    assert exports.find_chromium() is None
    fake = tmp_path / "chrome"
    fake.write_text("")
    monkeypatch.setenv("BROWSER_PATH", str(fake))
    assert exports.find_chromium() == str(fake)


@pytest.fixture(autouse=True, scope="module")
def _stop_the_warm_browser():
    yield
    exports.stop_image_server()
