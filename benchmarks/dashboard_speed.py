"""How fast the dashboard is: first chart in the browser, and a rerun after a filter change.

    .venv/bin/python -m benchmarks.dashboard_speed [--events 10000] [--repeat 5]
    .venv/bin/python benchmarks/dashboard_speed.py [--events 10000] [--repeat 5]

For the default timeline and for N synthetic events (benchmarks/synth_events.py, written to one
Parquet file the app opens with `streamlit run dashboard/app.py -- FILE`), it prints:

- cold start: seconds from launching `streamlit run` until the first chart is drawn in Chromium
  (Python imports, loading the data, the first script run, plotly.js drawing);
- page open: seconds from opening the page on a running server until the first chart is drawn
  (median of --repeat loads, the data cached);
- rerun: server-side seconds for the script to run again after a country is picked in the
  filter (Streamlit's AppTest; median over --repeat countries, each a fresh filter);
- browser filter: seconds from picking a country in Chromium until the rerun has finished and
  every chart is redrawn (one sample, includes the websocket round trip and plotly.js);
- all drawn: from opening the page until all three charts are drawn and the run has finished
  (median of the same loads), so a page that shows its first chart sooner but the rest later shows it;
- one-chart page: "page open" for a bare Streamlit page with one small Plotly chart, the floor
  that Streamlit's and plotly.js's own loading sets on this machine at this moment.

Goals (issue 6): first chart within 3 s, a rerun within 0.3 s at 10,000 events. Figures are
printed, never asserted: the machine's load changes them.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a file too (`python benchmarks/dashboard_speed.py`)

from benchmarks.browser import CHROMIUM, CHROMIUM_ARGS, start_streamlit, stop_server  # noqa: E402

APP = ROOT / "dashboard" / "app.py"
OUT = ROOT / "benchmarks" / "out"
FIRST_CHART = "() => document.querySelector('.js-plotly-plot .main-svg .trace') !== null"
# every one of the three charts drawn (plotly.js makes two or three .main-svg layers per chart, so
# counting those would accept two charts), and the run finished
ALL_DRAWN = (
    "() => !document.querySelector('[data-testid=\"stStatusWidget\"]') && "
    "Array.from(document.querySelectorAll('.js-plotly-plot')).filter(g => g.querySelector('.main-svg')).length >= 3"
)


def synthetic_file(n: int) -> Path:
    """N synthetic events as one Parquet events file (made once, kept in benchmarks/out/)."""
    from benchmarks.synth_events import write_synthetic
    from events.io import write_events
    from events.schema import validate
    from loaders.store import read_store

    path = OUT / f"dashboard_{n}.parquet"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        write_synthetic(n, os.path.join(tmp, "store"))
        events, rejects = validate(read_store(os.path.join(tmp, "store")))
    if len(rejects):
        raise SystemExit(f"synthetic events did not validate:\n{rejects.head()}")
    write_events(events, path)
    return path


BASELINE_APP = """
import plotly.graph_objects as go
import streamlit as st

st.title("Baseline")
st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2])))
"""


def start_server(data: Path | None, app: Path = APP) -> tuple[subprocess.Popen, str]:
    return start_streamlit(app, *([str(data)] if data else []), timeout=60)


def pick_country(page, name: str) -> None:
    box = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Countries")
    box.locator("input").click()
    box.locator("input").fill(name)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")


def browser_times(browser, data: Path | None, repeat: int, country: str) -> dict[str, float]:
    started = time.perf_counter()
    proc, url = start_server(data)
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 1600})
        page.goto(url)
        page.wait_for_function(FIRST_CHART, timeout=120_000, polling=50)
        cold = time.perf_counter() - started
        page.close()
        opens = [page_open(browser, url, then_wait_for=ALL_DRAWN) for _ in range(repeat)]
        page = browser.new_page(viewport={"width": 1400, "height": 1600})
        page.goto(url)
        page.wait_for_function(ALL_DRAWN, timeout=120_000)
        page.wait_for_timeout(500)
        before = page.get_by_text(re.compile(r"^Showing [\d,]+ of")).inner_text()
        t = time.perf_counter()
        pick_country(page, country)
        page.wait_for_function(
            "(before) => { const p = Array.from(document.querySelectorAll('p'))"
            ".find(e => /^Showing [\\d,]+ of/.test(e.innerText));"
            " return p && p.innerText !== before; }",
            arg=before,
            timeout=120_000,
            polling=20,
        )
        page.wait_for_function(ALL_DRAWN, timeout=120_000, polling=20)
        browser_filter = time.perf_counter() - t
        page.close()
    finally:
        stop_server(proc)
    return {
        "cold_start": cold,
        "page_open": statistics.median(o[0] for o in opens),
        "page_drawn": statistics.median(o[1] for o in opens),
        "browser_filter": browser_filter,
    }


def page_open(browser, url: str, *, then_wait_for: str | None = None) -> tuple[float, float]:
    """Seconds from opening a new page until its first chart is drawn, and until `then_wait_for`
    holds (the whole page drawn; the first figure again when not given)."""
    page = browser.new_page(viewport={"width": 1400, "height": 1600})
    t = time.perf_counter()
    page.goto(url)
    page.wait_for_function(FIRST_CHART, timeout=120_000, polling=50)
    first = time.perf_counter() - t
    if then_wait_for:  # let the page finish before the next one opens
        page.wait_for_function(then_wait_for, timeout=120_000, polling=50)
    whole = time.perf_counter() - t
    page.close()
    return first, whole


def baseline_page_open(browser, repeat: int) -> float:
    """The same measure on a one-chart Streamlit page: the floor this machine sets right now."""
    with tempfile.TemporaryDirectory() as tmp:
        app = Path(tmp) / "baseline.py"
        app.write_text(BASELINE_APP, encoding="utf-8")
        proc, url = start_server(None, app)
        try:
            opens = [page_open(browser, url)[0] for _ in range(repeat)]
        finally:
            stop_server(proc)
    return statistics.median(opens)


def rerun_times(events, countries: list[str]) -> dict[str, float]:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=300)
    at.session_state["events"] = events
    at.session_state["source_label"] = "benchmark"
    at.run()
    scripts, walls = [], []
    for code in countries:
        t = time.perf_counter()
        at.multiselect(key="f_countries").set_value([code]).run()
        walls.append(time.perf_counter() - t)
        scripts.append(at.session_state["last_run_seconds"])
        if at.exception:
            raise SystemExit(f"the app failed: {at.exception}")
    return {"rerun_script": statistics.median(scripts), "rerun_apptest": statistics.median(walls)}


def top_countries(events, k: int) -> list[str]:
    from collections import Counter

    counts = Counter(c for v in events["countries"] for c in v)
    return [c for c, _ in counts.most_common(k)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.dashboard_speed", description=__doc__.split("\n\n")[0]
    )
    ap.add_argument("--events", type=int, default=10_000, help="synthetic events for the second data set")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)

    from playwright.sync_api import sync_playwright

    from dashboard.filters import country_label
    from events.default import default_timeline
    from events.io import read_events

    big = synthetic_file(args.events)
    datasets = {
        "default timeline": (None, default_timeline()),
        f"{args.events:,} synthetic": (big, read_events(big).events),
    }
    results = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name, (path, events) in datasets.items():
                countries = top_countries(events, args.repeat)
                row = rerun_times(events, countries)
                row.update(browser_times(browser, path, args.repeat, country_label(countries[0])))
                row["events"] = len(events)
                results[name] = row
                print(
                    f"{name}: " + ", ".join(f"{k} {v:.3f}" for k, v in row.items() if k != "events"),
                    flush=True,
                )
            baseline = baseline_page_open(browser, args.repeat)
        finally:
            browser.close()

    print()
    print(
        f"{'data':<20} {'events':>7} {'cold start':>11} {'page open':>10} {'all drawn':>10} {'rerun':>7} {'rerun*':>7} {'filter in browser':>18}"
    )
    for name, r in results.items():
        print(
            f"{name:<20} {r['events']:>7,} {r['cold_start']:>10.2f}s {r['page_open']:>9.2f}s {r['page_drawn']:>9.2f}s "
            f"{r['rerun_script']:>6.3f}s {r['rerun_apptest']:>6.3f}s {r['browser_filter']:>17.2f}s"
        )
    print(
        f"{'one-chart page':<20} {'':>7} {'':>11} {baseline:>9.2f}s   (a bare Streamlit page with one Plotly chart)"
    )
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print("cold start: launch to first chart; page open: running server, new page to first chart;")
    print("all drawn: new page until every chart is drawn and the script has finished;")
    print("rerun: the script's own time after a filter change (rerun*: with AppTest's overhead);")
    print("goals: first chart within 3 s, a rerun within 0.3 s at 10,000 events")
    OUT.mkdir(parents=True, exist_ok=True)
    results["one-chart page"] = {"page_open": baseline}
    (OUT / "dashboard_results.json").write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
