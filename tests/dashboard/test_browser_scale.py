"""The dashboard on a store of 1,000,000 synthetic events, in Debian's Chromium against the real server.

The store is generated once per session (`benchmarks.synth_events`, about 12 s here) into a temporary
folder and named after `--` as a directory. The seconds of the first page and of each filter change
are printed and written to test-artifacts/scale_browser_times.json; they are never asserted on
(benchmarks/scale_browser.py measures them).
"""

import json
import re
import time
from types import SimpleNamespace

import pytest

from tests.dashboard.conftest import (
    ARTIFACTS,
    require_browser,
    start_server,
    stop_server,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]
N = 1_000_000
SUMMARY = re.compile(r"^Showing [\d,]+ of [\d,]+ event")
TIMEOUT = 180_000
TIMES: dict[str, float] = {}


@pytest.fixture(scope="session")
def million_store(tmp_path_factory) -> str:
    require_browser()
    from benchmarks.synth_events import write_synthetic

    path = tmp_path_factory.mktemp("scale") / "events_1m"
    t = time.perf_counter()
    assert write_synthetic(N, str(path)) == N
    TIMES["generate_store_s"] = round(time.perf_counter() - t, 2)
    print(f"\n1M-event store generated in {TIMES['generate_store_s']:.1f} s")
    return str(path)


@pytest.fixture(scope="session")
def scale_server(million_store):
    proc, url = start_server(million_store, log_name="streamlit_scale.log")
    yield SimpleNamespace(url=url, host=url.split("/")[2])
    stop_server(proc)


@pytest.fixture
def scale_page(browser, scale_server):
    context = browser.new_context(viewport={"width": 1400, "height": 1800})
    pg = context.new_page()
    pg.requests = []
    pg.on("request", lambda r: pg.requests.append(r.url))
    yield pg
    foreign = [
        u
        for u in pg.requests
        if u.split("/")[2:3] != [scale_server.host] and not u.startswith(("data:", "blob:"))
    ]
    context.close()
    assert not foreign, f"requests to other hosts: {foreign[:5]}"


def idle(page) -> None:
    """Until Streamlit's rerun is over, the three charts are drawn, and the browser has painted."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]') && "
        "document.querySelectorAll('.js-plotly-plot .main-svg').length >= 3",
        timeout=TIMEOUT,
    )
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def summary(page) -> str:
    return page.get_by_text(SUMMARY).inner_text(timeout=TIMEOUT)


def matched(text: str) -> int:
    return int(text.split()[1].replace(",", ""))


def chart(page, name: str):
    return page.locator(f".st-key-{name}_chart .js-plotly-plot")


def banner(page, name: str) -> str:
    """The line the density figures write above the plot ("N events: too many to draw ...")."""
    return " ".join(chart(page, name).locator(".annotation-text").all_text_contents())


# JS: the text of a chart's annotations (the density banners), '' when it has none
CHART_TEXT = """(name) => { const c = document.querySelector(`.st-key-${name}_chart .js-plotly-plot`);
    return c ? Array.from(c.querySelectorAll('.annotation-text')).map(t => t.textContent).join(' ') : null; }"""
DENSITY_DRAWN = f"""([n, oldMap]) => {{ const text = {CHART_TEXT};
    const t = text('timeline'), m = text('map');
    return t !== null && t.includes(n + ' events') && m !== null && m !== oldMap; }}"""
EVENTS_DRAWN = """() => { const c = document.querySelector('.st-key-timeline_chart .js-plotly-plot');
    return c && !c.querySelector('.heatmaplayer image') &&
        (c.querySelectorAll('.scatterlayer path.point, .barlayer path').length > 0 || !!c.querySelector('canvas')); }"""


def pick(page, label: str, option: str, *, density: bool) -> float:
    """Choose an option in a multiselect; seconds from the click until both charts show the new
    view (a density view whose banners give the new count, or the events one by one)."""
    before = summary(page)
    old_map = page.evaluate(CHART_TEXT, "map")
    page.get_by_label(label).first.click()
    page.keyboard.type(option)
    choice = page.get_by_role("option", name=re.compile(re.escape(option))).first
    choice.wait_for(timeout=30_000)
    t = time.perf_counter()
    choice.click()
    page.wait_for_function(
        """(old) => { const el = Array.from(document.querySelectorAll('p'))
            .find(p => /^Showing [\\d,]+ of/.test(p.innerText));
            return el && el.innerText !== old; }""",
        arg=before,
        timeout=TIMEOUT,
    )
    if density:
        n = f"{matched(summary(page)):,}"
        page.wait_for_function(DENSITY_DRAWN, arg=[n, old_map], timeout=TIMEOUT)
    else:
        page.wait_for_function(EVENTS_DRAWN, timeout=TIMEOUT)
    idle(page)
    secs = time.perf_counter() - t
    page.keyboard.press("Escape")
    return secs


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_a_million_events_open_as_density_and_a_country_filter_redraws_them(scale_page, scale_server):
    page = scale_page
    t = time.perf_counter()
    page.goto(scale_server.url)
    page.get_by_text(SUMMARY).wait_for(timeout=TIMEOUT)
    idle(page)
    TIMES["first_page_s"] = round(time.perf_counter() - t, 2)
    assert summary(page) == f"Showing {N:,} of {N:,} events (no filters)"
    page.get_by_text(f"Drawn as density: {N:,} events; filter to 5,000 or fewer").wait_for(timeout=TIMEOUT)
    assert chart(page, "timeline").locator(".heatmaplayer image").count() == 1
    map_marks = chart(page, "map").locator(".scatterlayer path.point").count()
    assert 0 < map_marks <= 1_500  # aggregated: one marker per place or grid cell
    assert f"{N:,} events" in banner(page, "timeline")
    map_banner = banner(page, "map")
    shot(page, "20_million_events_density")

    TIMES["filter_north_korea_s"] = round(pick(page, "Countries", "North Korea", density=True), 2)
    text = summary(page)
    assert re.fullmatch(r"Showing [\d,]+ of 1,000,000 events: country North Korea", text), text
    n = matched(text)
    assert 5_000 < n < N
    page.get_by_text(f"Drawn as density: {n:,} events").wait_for(timeout=TIMEOUT)
    assert f"{n:,} events" in banner(page, "timeline")  # the charts were redrawn for the filter
    assert banner(page, "map") != map_banner
    shot(page, "21_million_events_north_korea")

    # narrower than the threshold: the events come back one by one, and their evidence with them
    TIMES["filter_weapons_test_s"] = round(pick(page, "Event types", "Weapons test", density=False), 2)
    text = summary(page)
    assert text.startswith("Showing ") and text.endswith("country North Korea; type Weapons test")
    assert 0 < matched(text) <= 5_000
    assert page.get_by_text("Drawn as density").count() == 0
    assert chart(page, "timeline").locator(".heatmaplayer image").count() == 0
    points = chart(page, "timeline").locator(".scatterlayer path.point, .barlayer path").count()
    gl = chart(page, "timeline").locator("canvas").count()
    assert points > 0 or gl > 0
    shot(page, "22_million_events_individual")

    print("\nbrowser seconds at 1M events: " + ", ".join(f"{k}={v}" for k, v in TIMES.items()))
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "scale_browser_times.json").write_text(json.dumps(TIMES, indent=1))
