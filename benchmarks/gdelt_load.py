"""Load rate of the GDELT reader on a generated GDELT 2.0 event file, against a bare pandas.read_csv.

    .venv/bin/python benchmarks/gdelt_load.py [PATH] [--rows 1000000] [--keep]

Writes a GDELT 2.0-format file (61 tab-separated columns, no header) of `--rows` rows to PATH (or a
temporary directory), then prints: the file size, the bare `pandas.read_csv` time, the loader's
time and rate in rows per second, their ratio, and peak memory (resident set) of each step, each
measured in a fresh process so one does not inherit the other's memory (best of --repeat runs, by
CPU time: the machine may be shared, and CPU time varies less than wall time). Goals (issue 5): at least
500,000 rows/s, within 2x the bare read, under 3 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from loaders.gdelt_columns import V2  # noqa: E402

ACTORS = [
    ("USA", "UNITED STATES", "USA"),
    ("RUS", "RUSSIA", "RUS"),
    ("CHN", "CHINA", "CHN"),
    ("PRK", "NORTH KOREA", "PRK"),
    ("KOR", "SOUTH KOREA", "KOR"),
    ("UKR", "UKRAINE", "UKR"),
    ("USAGOV", "WASHINGTON", "USA"),
    ("RUSMIL", "RUSSIAN MILITARY", "RUS"),
    ("AFR", "AFRICA", "AFR"),
    ("", "", ""),
]
PLACES = [
    (4, "Moscow, Moskva, Russia", "RS", "RS48", 55.7522, 37.6156, "-2960561"),
    (4, "Pyongyang, P'yongyang-si, North Korea", "KN", "KN12", 39.0194, 125.755, "-2045055"),
    (1, "Ukraine", "UP", "UP", 49.0, 32.0, "UP"),
    (3, "Washington, District of Columbia, United States", "US", "USDC", 38.8951, -77.0364, "531871"),
    (5, "Gyeonggi-do, South Korea", "KS", "KS13", 37.5, 127.25, "KS13"),
    (0, "", "", "", np.nan, np.nan, ""),
]
CODES = ["010", "020", "036", "042", "043", "051", "057", "061", "0312", "112", "130", "141", "150", "190"]


def generate(path: Path, rows: int, seed: int = 5) -> None:
    """A GDELT 2.0 file of `rows` plausible events, written in blocks to keep memory flat."""
    rng = np.random.default_rng(seed)
    block = 200_000
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for first in range(0, rows, block):
            n = min(block, rows - first)
            cols: dict[str, object] = {c: "" for c in V2}
            day = pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 365, n), unit="D")
            cols["GLOBALEVENTID"] = np.arange(1_100_000_000 + first, 1_100_000_000 + first + n)
            cols["SQLDATE"] = day.strftime("%Y%m%d")
            cols["MonthYear"] = day.strftime("%Y%m")
            cols["Year"] = day.year
            cols["FractionDate"] = np.round(day.year + day.day_of_year / 365, 4)
            for who in ("Actor1", "Actor2"):
                a = rng.integers(0, len(ACTORS), n)
                cols[f"{who}Code"] = np.array([x[0] for x in ACTORS], dtype=object)[a]
                cols[f"{who}Name"] = np.array([x[1] for x in ACTORS], dtype=object)[a]
                cols[f"{who}CountryCode"] = np.array([x[2] for x in ACTORS], dtype=object)[a]
            code = np.array(CODES, dtype=object)[rng.integers(0, len(CODES), n)]
            cols["IsRootEvent"] = rng.integers(0, 2, n)
            cols["EventCode"] = code
            cols["EventBaseCode"] = [c[:3] for c in code]
            cols["EventRootCode"] = [c[:2] for c in code]
            cols["QuadClass"] = rng.integers(1, 5, n)
            cols["GoldsteinScale"] = np.round(rng.uniform(-10, 10, n), 1)
            cols["NumMentions"] = rng.integers(1, 50, n)
            cols["NumSources"] = rng.integers(1, 5, n)
            cols["NumArticles"] = rng.integers(1, 50, n)
            cols["AvgTone"] = np.round(rng.normal(-2, 3, n), 6)
            for who in ("Actor1", "Actor2", "Action"):
                p = rng.integers(0, len(PLACES), n)
                for i, part in enumerate(("Type", "FullName", "CountryCode", "ADM1Code")):
                    vals = np.array([x[i] for x in PLACES], dtype=object)[p]
                    cols[f"{who}Geo_{part}"] = np.where(vals == 0, "", vals) if part == "Type" else vals
                cols[f"{who}Geo_Lat"] = np.array([x[4] for x in PLACES])[p]
                cols[f"{who}Geo_Long"] = np.array([x[5] for x in PLACES])[p]
                cols[f"{who}Geo_FeatureID"] = np.array([x[6] for x in PLACES], dtype=object)[p]
            cols["DATEADDED"] = (day + pd.Timedelta(days=1)).strftime("%Y%m%d") + "141500"
            cols["SOURCEURL"] = [f"https://news.example.org/{first + i}/story.html" for i in range(n)]
            pd.DataFrame(cols, columns=list(V2)).to_csv(f, sep="\t", header=False, index=False)


def _measure(step: str, path: str) -> dict:
    """Run one step in a fresh Python and return its time and peak memory."""
    code = f"""
import json, resource, sys, time
sys.path.insert(0, {str(ROOT)!r})
import pandas as pd
from loaders.gdelt import load
t, c = time.perf_counter(), time.process_time()  # modules imported: the reading is timed
r = resource.getrusage(resource.RUSAGE_SELF)
if {step!r} == "bare":
    n = len(pd.read_csv({path!r}, sep="\\t", header=None))
else:
    got = load({path!r})
    n = len(got.events) + len(got.rejects)
s, cpu = time.perf_counter() - t, time.process_time() - c
e = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({{"seconds": s, "cpu": cpu, "sys": e.ru_stime - r.ru_stime, "rows": n, "peak_mb": e.ru_maxrss / 1024}}))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", nargs="?", help="where to write the file (default: a temporary directory)")
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--keep", action="store_true", help="reuse PATH if it exists and keep it afterwards")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each step; the fastest counts (as timeit)")
    args = ap.parse_args()
    tmp = None
    if args.path:
        path = Path(args.path)
    else:
        tmp = tempfile.TemporaryDirectory()
        path = Path(tmp.name) / "20230727141500.export.CSV"
    if not (args.keep and path.exists()):
        t = time.perf_counter()
        generate(path, args.rows)
        print(f"generated {args.rows:,} rows in {time.perf_counter() - t:.1f} s: {path}")
    size = os.path.getsize(path)
    runs = {
        step: [_measure(step, str(path)) for _ in range(max(1, args.repeat))] for step in ("bare", "load")
    }
    bare = min(runs["bare"], key=lambda r: r["cpu"])
    ours = min(runs["load"], key=lambda r: r["cpu"])
    rate = ours["rows"] / ours["seconds"]
    print(f"file: {size / 1e6:.0f} MB, {ours['rows']:,} rows; best of {max(1, args.repeat)} runs each")
    print(
        f"load average (1 min) {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs: on a shared machine, "
        "wall times depend on the others; CPU times less so"
    )
    print(
        "CPU includes the kernel's (sys) time, mostly faulting in fresh memory: on this kind of "
        "machine it varies from run to run more than the rest"
    )
    print(
        f"bare pandas.read_csv: {bare['seconds']:.2f} s wall, {bare['cpu']:.2f} s CPU "
        f"({bare['sys']:.2f} sys) ({bare['rows'] / bare['seconds']:,.0f} rows/s), peak {bare['peak_mb']:,.0f} MB"
    )
    print(
        f"loaders.gdelt.load:   {ours['seconds']:.2f} s wall, {ours['cpu']:.2f} s CPU ({ours['sys']:.2f} sys) "
        f"({rate:,.0f} rows/s; {ours['rows'] / ours['cpu']:,.0f} rows per CPU second), peak {ours['peak_mb']:,.0f} MB"
    )
    print(
        f"ratio to bare read:   {ours['seconds'] / bare['seconds']:.2f}x wall, {ours['cpu'] / bare['cpu']:.2f}x CPU"
    )
    wall, cpu = ours["seconds"] / bare["seconds"], ours["cpu"] / bare["cpu"]
    print(
        f"goals: >= 500,000 rows/s: {'met' if rate >= 500_000 else 'NOT met'}; "
        f"within 2x the bare read: wall {wall:.2f}x ({'met' if wall <= 2 else 'NOT met'}), "
        f"CPU {cpu:.2f}x ({'met' if cpu <= 2 else 'NOT met'}); "
        f"< 3 GB: {'met' if ours['peak_mb'] < 3072 else 'NOT met'}"
    )
    if tmp is not None and not args.keep:
        tmp.cleanup()


if __name__ == "__main__":
    main()
