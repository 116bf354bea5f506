"""The dashboard in Debian's Chromium against the real Streamlit server, step by step, with screenshots.

Screenshots go to test-artifacts/ (kept out of git). Skipped without Chromium unless REQUIRE_BROWSER=1.
"""

import re
from pathlib import Path

import pytest

from tests.dashboard.conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.slow]
DATA = Path(__file__).resolve().parents[1] / "data" / "dashboard"
SUMMARY = re.compile(r"^Showing [\d,]+ of [\d,]+ event")
TIMEOUT = 60_000


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.wait_for_timeout(400)  # let Plotly finish its transition
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def open_app(page, url: str) -> None:
    page.goto(url)
    page.get_by_text(SUMMARY).wait_for(timeout=TIMEOUT)
    page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=TIMEOUT)
    wait_idle(page)


def wait_idle(page) -> None:
    """Until Streamlit has finished its rerun and every chart is drawn."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]') && "
        "document.querySelectorAll('.js-plotly-plot .main-svg').length >= 3",
        timeout=TIMEOUT,
    )
    page.wait_for_timeout(300)


def hover_text(page, mark) -> str:
    """The hover label of a chart mark. The mouse moves off and back a few times: a first move can
    land while Plotly is still laying the chart out, and then no label comes."""
    for attempt in range(4):
        page.mouse.move(0, 0)
        box = mark.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        label = page.locator(".hoverlayer .hovertext").first
        try:
            label.wait_for(timeout=5_000 if attempt < 3 else TIMEOUT)
            return label.text_content()
        except Exception:  # Playwright's TimeoutError: try again
            if attempt == 3:
                raise
            page.wait_for_timeout(500)
    raise AssertionError("unreachable")


def summary(page) -> str:
    return page.get_by_text(SUMMARY).inner_text()


def expect_summary(page, pattern: str) -> str:
    from playwright.sync_api import expect

    expect(page.get_by_text(SUMMARY)).to_have_text(re.compile(pattern), timeout=TIMEOUT)
    wait_idle(page)
    return summary(page)


def chart(page, name: str):
    """A chart by its widget key (Streamlit marks the element with st-key-<key>)."""
    return page.locator(f".st-key-{name}_chart .js-plotly-plot")


def drawn_events(page) -> int:
    """Marks on the timeline: markers plus bars."""
    tl = chart(page, "timeline")
    return tl.locator(".scatterlayer path.point").count() + tl.locator(".barlayer path").count()


def click_center(page, locator) -> None:
    box = locator.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def land_drawn(page_or_frame, n: int | None = None) -> bool:
    js = """(n) => { const geos = Array.from(document.querySelectorAll('.js-plotly-plot .geo'));
        return geos.length > 0 && geos.every(g => { const p = g.querySelector('.layer.land path');
        return p && (p.getAttribute('d') || '').length > 1000; }); }"""
    return page_or_frame.evaluate(js, n)


def test_opens_on_the_default_timeline_with_timeline_and_map_drawn(page, app_server):
    open_app(page, app_server.url)
    assert summary(page) == "Showing 14 of 14 events (no filters)"
    assert drawn_events(page) >= 14
    assert chart(page, "map").locator(".geo .scatterlayer path.point").count() >= 5
    assert land_drawn(page)
    topojson = [u for u in page.requests if "topojson" in u]
    assert topojson and all(u.startswith(app_server.url + "app/static/topojson/") for u in topojson)
    shot(page, "01_default_timeline")


def test_filtering_by_a_country_changes_the_count_and_the_charts(page, app_server):
    open_app(page, app_server.url)
    before_marks = drawn_events(page)
    before_places = chart(page, "map").locator(".scatterlayer path.point").count()
    box = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Countries")
    box.locator("input").click()
    box.locator("input").fill("Ukraine")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    assert expect_summary(page, "^Showing 1 of 14 events: country Ukraine$")
    assert drawn_events(page) < before_marks
    assert chart(page, "map").locator(".scatterlayer path.point").count() < before_places
    assert "country=UKR" in page.url
    shot(page, "02_filtered_by_country")


def test_clicking_an_event_shows_its_evidence(page, app_server):
    open_app(page, app_server.url)
    point = chart(page, "timeline").locator(".scatterlayer path.point").first
    hover = hover_text(page, point)
    click_center(page, point)
    page.locator(".ev-title").wait_for(timeout=TIMEOUT)
    title = page.locator(".ev-title").inner_text()
    assert title and title in hover  # the hovered event is the one shown
    assert page.locator(".ev-details").inner_text().count("\n") >= 6
    assert "event=" in page.url
    shot(page, "03_event_evidence")
    # a place on the map opens one of its events too
    click_center(page, chart(page, "map").locator(".scatterlayer path.point").first)
    page.wait_for_function(
        f"() => document.querySelector('.ev-title')?.innerText !== {title!r}", timeout=TIMEOUT
    )
    shot(page, "04_map_place_evidence")


def test_a_url_with_filters_opens_that_view(page, app_server):
    open_app(page, app_server.url + "?country=RUS&type=meeting&lanes=type")
    assert summary(page) == "Showing 3 of 14 events: country Russia; type Meeting"
    lanes = [t.text_content() for t in chart(page, "timeline").locator(".yaxislayer-above text").all()]
    assert lanes == ["Meeting"]
    shot(page, "05_link_with_filters")


def choose(page, label: str, option: str) -> None:
    """Pick an option in a selectbox by typing it, as a keyboard user would."""
    box = page.locator('[data-testid="stSelectbox"]').filter(has=page.get_by_text(label, exact=True))
    box.locator("input").click()
    box.locator("input").fill(option)
    page.get_by_role("option", name=option, exact=True).click()


def export(page, label: str):
    with page.expect_download(timeout=TIMEOUT) as info:
        page.get_by_role("button", name=label, exact=True).click()
    return info.value


def test_png_and_html_exports_download_and_are_valid(page, app_server, browser, tmp_path):
    open_app(page, app_server.url)
    choose(page, "Chart", "Map")
    from playwright.sync_api import expect

    expect(
        page.locator('[data-testid="stSelectbox"]').filter(has_text="Chart").locator("input")
    ).to_have_value("Map")
    wait_idle(page)
    png = Path(export(page, "PNG").path()).read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 20_000
    (ARTIFACTS / "06_export_map.png").write_bytes(png)
    html_path = tmp_path / "map.html"
    export(page, "HTML").save_as(html_path)
    page_text = html_path.read_text(encoding="utf-8")
    assert "window.PlotlyGeoAssets" in page_text
    # the file renders offline: every network request is refused, and the land is drawn all the same
    offline = browser.new_context(viewport={"width": 1200, "height": 800}, offline=True)
    try:
        view = offline.new_page()
        fetched = []
        view.on("request", lambda r: fetched.append(r.url))
        view.goto(html_path.as_uri())
        view.locator(".js-plotly-plot .geo .layer.land path").wait_for(timeout=TIMEOUT)
        assert land_drawn(view)
        assert [u for u in fetched if not u.startswith(("file:", "data:", "blob:"))] == []
        view.screenshot(path=str(ARTIFACTS / "07_export_map_html_offline.png"))
    finally:
        offline.close()
    shot(page, "06_exports")


def open_loader(page):
    page.get_by_text("Add articles or event files").click()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').wait_for(state="attached", timeout=TIMEOUT)


def test_an_uploaded_csv_adds_its_events_and_shows_its_rejects_and_hostile_text_as_text(page, app_server):
    open_app(page, app_server.url)
    open_loader(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        str(DATA / "upload_events.csv")
    )
    page.get_by_text("upload_events.csv").wait_for(timeout=TIMEOUT)
    page.get_by_role("button", name="Load", exact=True).click()
    assert expect_summary(page, r"^Showing 17 of 17 events \(no filters\)$")
    page.get_by_text("Added 3 events from 1 input.").wait_for(timeout=TIMEOUT)
    page.get_by_text("1 problem(s) with rows").wait_for(timeout=TIMEOUT)
    shot(page, "08_uploaded_csv")
    # the hostile title: shown as text in the evidence panel and the hover, nothing runs
    choose(page, "Event", "<img src=x onerror=alert(1)>")
    page.locator(".ev-title").wait_for(timeout=TIMEOUT)
    assert page.locator(".ev-title").inner_text() == "<img src=x onerror=alert(1)>"
    assert (
        page.locator(".ev-evidence")
        .inner_text()
        .startswith('<a href="javascript:alert(2)">A four-day drill</a>')
    )
    assert page.locator(".ev-evidence a, .ev-title img, .ev-evidence img").count() == 0
    page.wait_for_timeout(500)
    assert page.dialogs == []
    shot(page, "09_hostile_title_as_text")
    # and in the timeline's hover label
    page.get_by_label("Text in title, description or evidence").fill("onerror")
    page.keyboard.press("Enter")
    expect_summary(page, r'^Showing 1 of 17 events: text "onerror"$')
    bar = chart(page, "timeline").locator(".barlayer path").first
    assert "<img src=x onerror=alert(1)>" in hover_text(page, bar)
    assert page.locator(".hoverlayer img, .hoverlayer a").count() == 0
    page.wait_for_timeout(500)
    assert page.dialogs == []
    shot(page, "09b_hostile_title_in_hover")


def test_a_pasted_article_adds_its_events(page, app_server):
    open_app(page, app_server.url)
    open_loader(page)
    page.get_by_label("Or paste an article's text").fill(
        (DATA / "article_port_visit.txt").read_text(encoding="utf-8")
    )
    date = page.locator('[data-testid="stDateInput"]').filter(has_text="Publication date")
    date.locator('[data-type="year"]').click()
    page.keyboard.type("20240605")  # the field moves on from year to month to day by itself
    page.keyboard.press("Escape")  # close the calendar the field opened
    page.get_by_role("heading", name="Data").click()
    assert date.locator('[data-type="day"]').get_attribute("aria-valuetext") != "Empty"
    page.get_by_role("button", name="Load", exact=True).click()
    text = expect_summary(page, r"^Showing (1[5-9]|[2-9]\d) of (1[5-9]|[2-9]\d) events")
    shown = int(text.split()[1])
    assert shown > 14
    page.get_by_text(re.compile(r"^Added \d+ events? from 1 input\.$")).wait_for(timeout=TIMEOUT)
    shot(page, "10_pasted_article")


def test_a_link_to_an_event_opens_its_evidence(page, app_server):
    from events.default import default_timeline

    events = default_timeline()
    ulchi = events.loc[events["title"].str.startswith("Ulchi Freedom Shield"), "event_id"].item()
    open_app(page, app_server.url + f"?event={ulchi}")
    page.locator(".ev-title").wait_for(timeout=TIMEOUT)
    assert page.locator(".ev-title").inner_text() == "Ulchi Freedom Shield exercise"
    assert page.locator(".ev-evidence mark").first.inner_text() == "11-day"
    shot(page, "11_link_to_an_event")
