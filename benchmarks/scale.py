"""How the dashboard's server side scales: 10k, 100k, 1M and 10M synthetic events.

    .venv/bin/python -m benchmarks.synth_events                      # once: writes benchmarks/out/events_*
    .venv/bin/python -m benchmarks.scale [--sizes 10k,100k,1m,10m]   # measures, prints the table
    .venv/bin/python -m benchmarks.scale --table                     # prints the last results again

For each size, in a fresh process (so memory figures are its own):
- scale: open the store with `EventQuery` (DuckDB, the store copied into compressed memory), then
  for each filter change of a fixed list: `view` + level-of-detail figures (or the normal figures
  when few events match) + the figures' JSON, which is what Streamlit sends to the browser;
- floor: the bare cost of the filter alone (`EventQuery.count`, and the pandas mask for naive);
- naive: the whole table in pandas (`read_store`, Python lists), the dashboard's pandas filters,
  and `px.scatter` (timeline) plus `px.scatter_geo` (map) with one marker per matching event.
  Skipped at 10M: its table alone would take about 10 GB, on a machine shared by six.

Times are medians over the filter changes (each view computed afresh, no cache), max in brackets;
wall seconds and the process's CPU seconds (less sensitive to other jobs on a shared machine; the
1-minute load average when the size was measured is the last column).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import time

OUT = os.path.join("benchmarks", "out")
RESULTS = os.path.join(OUT, "scale_results.json")
SIZES = ("10k", "100k", "1m", "10m")
NAIVE_UP_TO = "1m"

# (label, filters as keyword arguments, lane)
CHANGES: list[tuple[str, dict, str]] = [
    ("North Korea", {"countries": ("PRK",)}, "event_type"),
    ("KOR+JPN drills/tests", {"countries": ("KOR", "JPN"), "types": ("military_exercise", "weapons_test")}, "event_type"),
    ("year 2020", {"start": "2020-01-01", "end": "2020-12-31"}, "event_type"),
    ("USA+CHN 2015-25 by country", {"countries": ("USA", "CHN"), "start": "2015-01-01", "end": "2025-12-31"}, "countries"),
    ("text 'Pyongyang'", {"text": "Pyongyang"}, "event_type"),
    ("armed conflict, occurred", {"types": ("armed_conflict",), "modalities": ("occurred",)}, "event_type"),
    ("PRK tests in 2023", {"countries": ("PRK",), "types": ("weapons_test",), "start": "2023-01-01", "end": "2023-12-31"}, "event_type"),
]  # fmt: skip


def _rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 1e6


def _json_bytes(figs) -> int:
    return sum(len(f.to_json().encode("utf-8")) for f in figs)


def _scale_figures(view, lane: str):
    from dashboard import figures
    from dashboard.scale_lod import lod_figures

    figs = lod_figures(view, lane=lane)
    if figs is not None:
        return list(figs)
    lanes = "country" if lane == "countries" else "type"
    return [figures.timeline(view.events, lanes=lanes), figures.event_map(view.events)]


def measure_scale(path: str) -> dict:
    import datetime as dt

    from dashboard.filters import Filters
    from dashboard.scale_query import EventQuery

    gc.collect()
    rss0 = _rss_mb()
    t = time.perf_counter()
    q = EventQuery(path)
    load_s = time.perf_counter() - t
    duck_mb = q.con.execute("SELECT sum(memory_usage_bytes) / 1e6 FROM duckdb_memory()").fetchall()[0][0]
    mem_mb = _rss_mb() - rss0
    t = time.perf_counter()
    first = q.view(Filters())
    first_figs = _scale_figures(first, "event_type")
    first_s = time.perf_counter() - t
    first_kb = _json_bytes(first_figs) / 1e3
    rows = []
    for label, kw, lane in CHANGES:
        kw = {k: (dt.date.fromisoformat(v) if k in ("start", "end") else v) for k, v in kw.items()}
        f = Filters(**kw)
        q._cache.clear()  # noqa: SLF001 - every change computed afresh
        t, c = time.perf_counter(), time.process_time()
        view = q.view(f, lane=lane)
        figs = _scale_figures(view, lane)
        js = _json_bytes(figs)
        secs, cpu = time.perf_counter() - t, time.process_time() - c
        t = time.perf_counter()
        q.count(f)
        floor = time.perf_counter() - t
        rows.append(
            {
                "change": label,
                "matched": view.matched,
                "lod": view.events is None,
                "s": secs,
                "cpu_s": cpu,
                "json_kb": js / 1e3,
                "floor_s": floor,
            }
        )
    q.close()
    return {"events": first.total, "load_s": load_s, "mem_mb": max(mem_mb, 0.0), "duckdb_mb": duck_mb, "first_s": first_s, "first_kb": first_kb, "changes": rows}  # fmt: skip


def _naive_figures(shown, lane: str):
    import plotly.express as px

    if lane == "countries":
        shown = shown.assign(country=shown["countries"]).explode("country")
        y = "country"
    else:
        y = "event_type"
    tl = px.scatter(shown, x="start", y=y, color="event_type", hover_name="title")
    geo = px.scatter_geo(shown, lat="latitude", lon="longitude", color="event_type", hover_name="title")
    return [tl, geo]


def measure_naive(path: str) -> dict:
    import datetime as dt

    from dashboard.filters import Filters, apply, mask
    from loaders.store import read_store

    gc.collect()
    rss0 = _rss_mb()
    t = time.perf_counter()
    df = read_store(path)
    load_s = time.perf_counter() - t
    mem_mb = _rss_mb() - rss0
    rows = []
    for label, kw, lane in CHANGES:
        kw = {k: (dt.date.fromisoformat(v) if k in ("start", "end") else v) for k, v in kw.items()}
        f = Filters(**kw)
        t, c = time.perf_counter(), time.process_time()
        shown = apply(df, f)
        figs = _naive_figures(shown, lane)
        js = _json_bytes(figs)
        secs, cpu = time.perf_counter() - t, time.process_time() - c
        t = time.perf_counter()
        mask(df, f)
        floor = time.perf_counter() - t
        rows.append(
            {
                "change": label,
                "matched": len(shown),
                "s": secs,
                "cpu_s": cpu,
                "json_kb": js / 1e3,
                "floor_s": floor,
            }
        )
        del figs, shown
    return {"load_s": load_s, "mem_mb": max(mem_mb, 0.0), "changes": rows}


def _one(size: str, naive: bool) -> dict:
    path = os.path.join(OUT, f"events_{size}")
    out = {"size": size, "load_average": os.getloadavg()[0], "scale": measure_scale(path)}
    if naive:
        out["naive"] = measure_naive(path)
    return out


def _med(rows: list[dict], key: str) -> tuple[float, float]:
    vals = [r[key] for r in rows]
    return statistics.median(vals), max(vals)


def table(results: list[dict]) -> str:
    """The results as a Markdown table (one row per size) plus a per-change table for each size."""
    lines = [
        "| events | load s | memory MB | first view s | filter change s, median (max) | CPU s, median (max) "
        "| sent KB, median (max) | floor s (filter alone) | naive load s | naive memory MB "
        "| naive change s, median (max) | naive CPU s, median (max) | naive sent KB, median (max) "
        "| naive floor s | speed-up, wall (CPU) | load average |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        s = r["scale"]
        m, mx = _med(s["changes"], "s")
        c, cx = _med(s["changes"], "cpu_s") if "cpu_s" in s["changes"][0] else (float("nan"),) * 2
        j, jx = _med(s["changes"], "json_kb")
        fl, _ = _med(s["changes"], "floor_s")
        cells = [
            f"{s['events']:,}",
            f"{s['load_s']:.2f}",
            f"{s['mem_mb']:,.0f}",
            f"{s['first_s']:.2f}",
            f"{m:.3f} ({mx:.3f})",
            f"{c:.3f} ({cx:.3f})",
            f"{j:,.0f} ({jx:,.0f})",
            f"{fl:.3f}",
        ]
        if "naive" in r:
            n = r["naive"]
            nm, nmx = _med(n["changes"], "s")
            nc, ncx = _med(n["changes"], "cpu_s") if "cpu_s" in n["changes"][0] else (float("nan"),) * 2
            nj, njx = _med(n["changes"], "json_kb")
            nf, _ = _med(n["changes"], "floor_s")
            cells += [
                f"{n['load_s']:.2f}",
                f"{n['mem_mb']:,.0f}",
                f"{nm:.3f} ({nmx:.3f})",
                f"{nc:.3f} ({ncx:.3f})",
                f"{nj:,.0f} ({njx:,.0f})",
                f"{nf:.3f}",
                f"{nm / m:.0f}x ({nc / c:.0f}x)",
            ]
        else:
            cells += ["skipped"] * 6 + ["-"]
        cells.append(f"{r.get('load_average', float('nan')):.1f}")
        lines.append("| " + " | ".join(cells) + " |")
    for r in results:
        lines += ["", f"Per filter change, {r['scale']['events']:,} events:", ""]
        lines.append(
            "| change | matched | drawn as | s (CPU s) | sent KB | floor s | naive s (CPU s) | naive sent KB |"
        )
        lines.append("|---|---:|---|---:|---:|---:|---:|---:|")
        naive = {c["change"]: c for c in r.get("naive", {}).get("changes", [])}
        for c in r["scale"]["changes"]:
            n = naive.get(c["change"])
            lines.append(
                f"| {c['change']} | {c['matched']:,} | {'density' if c['lod'] else 'events'} "
                f"| {c['s']:.3f} ({c.get('cpu_s', float('nan')):.3f}) | {c['json_kb']:,.0f} | {c['floor_s']:.3f} | "
                + (
                    f"{n['s']:.3f} ({n.get('cpu_s', float('nan')):.3f}) | {n['json_kb']:,.0f} |"
                    if n
                    else "- | - |"
                )
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.scale", description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default=",".join(SIZES))
    ap.add_argument("--table", action="store_true", help="print the last saved results, measure nothing")
    ap.add_argument("--no-naive", action="store_true", help="skip the naive version everywhere")
    ap.add_argument("--one", help=argparse.SUPPRESS)  # internal: measure one size in this process
    ap.add_argument("--naive", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(_one(args.one, args.naive)))
        return 0
    if args.table:
        with open(RESULTS, encoding="utf-8") as f:
            print(table(json.load(f)))
        return 0
    results = []
    saved = {}
    if os.path.exists(RESULTS):
        with open(RESULTS, encoding="utf-8") as f:
            saved = {r["size"]: r for r in json.load(f)}
    for size in args.sizes.split(","):
        size = size.strip().lower()
        if size not in SIZES:
            print(f"error: unknown size {size!r}; use some of {', '.join(SIZES)}", file=sys.stderr)
            return 2
        if not os.path.isdir(os.path.join(OUT, f"events_{size}")):
            print(
                f"error: no {OUT}/events_{size}: run python -m benchmarks.synth_events first", file=sys.stderr
            )
            return 2
        naive = not args.no_naive and SIZES.index(size) <= SIZES.index(NAIVE_UP_TO)
        print(f"measuring {size} events{' (and naive)' if naive else ''} ...", file=sys.stderr)
        cmd = [sys.executable, "-m", "benchmarks.scale", "--one", size] + (["--naive"] if naive else [])
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
        saved[size] = results[-1]
    os.makedirs(OUT, exist_ok=True)
    with open(RESULTS, "w", encoding="utf-8") as f:
        json.dump([saved[s] for s in SIZES if s in saved], f, indent=1)
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
