"""Browser-side costs of the scale figures, in Debian's Chromium with Playwright.

    .venv/bin/python -m benchmarks.scale_browser redraw           # marks vs. redraw time (the LOD threshold)
    .venv/bin/python -m benchmarks.scale_browser app STORE [APP]  # a filter change in a Streamlit app on STORE

`redraw` loads plotly.js (from the installed plotly package, no network) into a blank page and
times `Plotly.react` until the next two animation frames (the chart painted), for the kinds of
traces the dashboard draws, at growing numbers of marks. That is what picks `LOD_THRESHOLD`.

`app` starts `streamlit run APP` with `EVENTS_STORE=STORE` in its environment, waits for the
charts, then picks a country in the "Countries" filter and times from the key press until
Streamlit's rerun has finished and every Plotly chart has been redrawn. APP defaults to the
dashboard (`dashboard/app.py`, once it reads EVENTS_STORE); `benchmarks/scale_app.py` is a
minimal page on the same query and figures, to measure before that integration lands.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from benchmarks.browser import CHROMIUM, CHROMIUM_ARGS, start_streamlit

ROOT = Path(__file__).resolve().parents[1]
COUNTS = (500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000)


def _plotly_js() -> str:
    import plotly

    return str(Path(plotly.__file__).parent / "package_data" / "plotly.min.js")


def _traces(kind: str, n: int, rng: np.random.Generator) -> tuple[list[dict], dict]:
    """A figure of `n` marks of one kind, shaped like the dashboard's (11 type traces, lanes)."""
    per = max(1, n // 11)
    t0 = np.datetime64("1990-01-01")
    data = []
    for k in range(11):
        days = rng.integers(0, 36 * 365, per)
        x = (t0 + days.astype("timedelta64[D]")).astype(str).tolist()
        if kind in ("svg", "webgl"):
            data.append(
                {
                    "type": "scatter" if kind == "svg" else "scattergl",
                    "mode": "markers",
                    "x": x,
                    "y": [f"lane {i}" for i in rng.integers(0, 25, per)],
                    "marker": {"size": 8},
                    "customdata": [f"id{k}-{i}" for i in range(per)],
                    "hovertemplate": "%{customdata}<extra></extra>",
                }
            )
        elif kind == "bars":  # ranges drawn as horizontal bars, as the timeline draws them
            data.append(
                {
                    "type": "bar",
                    "orientation": "h",
                    "base": x,
                    "x": (rng.integers(1, 30, per) * 86_400_000).tolist(),
                    "y": [f"lane {i}" for i in rng.integers(0, 25, per)],
                }
            )
        elif kind == "geo":
            data.append(
                {
                    "type": "scattergeo",
                    "mode": "markers",
                    "lat": rng.uniform(-60, 70, per).tolist(),
                    "lon": rng.uniform(-180, 180, per).tolist(),
                    "marker": {"size": 6},
                }
            )
    layout = {"width": 1300, "height": 500, "showlegend": False}
    if kind == "geo":
        layout["geo"] = {"showland": False, "showcountries": False, "showcoastlines": False}
    return data, layout


def redraw_times(counts: tuple[int, ...] = COUNTS, *, repeats: int = 3) -> list[dict]:
    """Seconds from `Plotly.react` to painted, per trace kind and number of marks (median)."""
    from playwright.sync_api import sync_playwright

    rng = np.random.default_rng(1)
    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.set_content("<html><body><div id='g' style='width:1300px;height:500px'></div></body></html>")
        page.add_script_tag(path=_plotly_js())
        webgl = page.evaluate("() => !!document.createElement('canvas').getContext('webgl')")
        for kind in ("svg", "webgl", "bars", "geo"):
            if kind == "webgl" and not webgl:
                continue
            warm, layout = _traces(kind, 200, rng)  # compile shaders, build caches: not part of a redraw
            page.evaluate(
                "async ([d, l]) => { await Plotly.react('g', d, l); Plotly.purge('g'); }", [warm, layout]
            )
            for n in counts:
                times = []
                for _ in range(repeats):
                    data, layout = _traces(kind, n, rng)
                    page.evaluate("() => Plotly.purge('g')")
                    ms = page.evaluate(
                        """async ([data, layout]) => {
                            const t = performance.now();
                            await Plotly.react('g', data, layout);
                            await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
                            return performance.now() - t; }""",
                        [data, layout],
                    )
                    times.append(ms / 1000)
                out.append({"kind": kind, "marks": n, "seconds": statistics.median(times)})
                print(f"{kind:6} {n:>7,} marks: {statistics.median(times):6.3f} s", file=sys.stderr)
                if statistics.median(times) > 8:
                    break  # larger counts only get slower
        browser.close()
    return out


def start_server_on_store(app: str, store: str, *, log_path: str) -> tuple[subprocess.Popen, str]:
    env = dict(os.environ, EVENTS_STORE=os.path.abspath(store), PYTHONPATH=str(ROOT))
    return start_streamlit(app, log_path=log_path, env=env, timeout=120)


def _idle(page, charts: int, timeout: int) -> None:
    page.wait_for_function(
        """(n) => !document.querySelector('[data-testid="stStatusWidget"]') &&
            document.querySelectorAll('.js-plotly-plot .main-svg').length >= n""",
        arg=charts,
        timeout=timeout,
    )


def app_filter_change(
    store: str,
    app: str = "dashboard/app.py",
    *,
    countries: tuple[str, ...] = ("North Korea", "Japan", "Iran"),
    charts: int = 2,
    timeout: int = 120_000,
    screenshot: str | None = None,
) -> dict:
    """Seconds in the browser from picking a country in the "Countries" filter until the rerun is
    over and the charts are redrawn, for each country in turn (the first load is timed too).

    What the app must offer: read the store named by the EVENTS_STORE environment variable, a
    multiselect labelled "Countries" whose options show country names, and Plotly charts.
    """
    from playwright.sync_api import sync_playwright

    log_path = str(ROOT / "benchmarks" / "out" / "scale_browser_streamlit.log")
    os.makedirs(os.path.dirname(log_path), exist_ok=True)
    proc, url = start_server_on_store(app, store, log_path=log_path)
    result: dict = {"app": app, "store": store, "changes": []}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1600})
            t = time.perf_counter()
            page.goto(url)
            page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=timeout)
            _idle(page, charts, timeout)
            result["first_load_s"] = time.perf_counter() - t
            summary = page.get_by_text(re.compile(r"^Showing [\d,]+ of [\d,]+ event"))
            for name in countries:
                before = summary.inner_text(timeout=timeout)
                page.get_by_label("Countries").first.click()
                page.keyboard.type(name)
                option = page.get_by_role("option", name=re.compile(re.escape(name))).first
                option.wait_for(timeout=20_000)
                t = time.perf_counter()
                option.click()
                page.wait_for_function(
                    """(old) => { const el = Array.from(document.querySelectorAll('p'))
                        .find(p => /^Showing [\\d,]+ of/.test(p.innerText));
                        return el && el.innerText !== old; }""",
                    arg=before,
                    timeout=timeout,
                )
                _idle(page, charts, timeout)
                page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
                secs = time.perf_counter() - t
                result["changes"].append({"country": name, "seconds": secs, "summary": summary.inner_text()})
                print(f"{name}: {secs:.2f} s ({summary.inner_text()})", file=sys.stderr)
                page.keyboard.press("Escape")
            if screenshot:
                page.screenshot(path=screenshot, full_page=True)
            browser.close()
    finally:
        proc.terminate()  # the Streamlit process itself, by its PID
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.scale_browser", description=__doc__.split("\n\n")[0]
    )
    sub = ap.add_subparsers(dest="command", required=True)
    r = sub.add_parser("redraw", help="redraw time vs. number of marks, per trace kind")
    r.add_argument("--counts", default=",".join(map(str, COUNTS)))
    a = sub.add_parser("app", help="a filter change in a Streamlit app reading EVENTS_STORE")
    a.add_argument("store")
    a.add_argument("app", nargs="?", default="dashboard/app.py")
    a.add_argument("--screenshot")
    a.add_argument("--naive", action="store_true", help="set SCALE_APP_NAIVE=1 (benchmarks/scale_app.py)")
    a.add_argument("--start-with", help="SCALE_APP_START: countries selected on the first page, e.g. PRK")
    a.add_argument("--countries", default="North Korea,Japan,Iran", help="country names picked in turn")
    args = ap.parse_args(argv)
    if args.command == "redraw":
        rows = redraw_times(tuple(int(c) for c in args.counts.split(",")))
        kinds = sorted({r["kind"] for r in rows}, key=["svg", "webgl", "bars", "geo"].index)
        marks = sorted({r["marks"] for r in rows})
        print("| marks | " + " | ".join(f"{k} (s)" for k in kinds) + " |")
        print("|---:|" + "---:|" * len(kinds))
        for n in marks:
            cells = [
                next((f"{r['seconds']:.3f}" for r in rows if r["kind"] == k and r["marks"] == n), "-")
                for k in kinds
            ]
            print(f"| {n:,} | " + " | ".join(cells) + " |")
    else:
        if args.naive:
            os.environ["SCALE_APP_NAIVE"] = "1"
        if args.start_with:
            os.environ["SCALE_APP_START"] = args.start_with
        changes = tuple(c.strip() for c in args.countries.split(",") if c.strip())
        print(
            json.dumps(
                app_filter_change(args.store, args.app, countries=changes, screenshot=args.screenshot),
                indent=1,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
