"""Extraction throughput: GDELT files into an events store, on Dask and in one process.

    .venv/bin/python -m benchmarks.scale_extract [--files 4] [--rows 250000] [--workers 2]

Generates `--files` GDELT 2.0 event files of `--rows` rows each (with the GDELT benchmark's own
generator, in benchmarks/out/gdelt_in/, kept for reruns), then prints for each run: seconds,
events per second overall and per worker, and the store's size on disk per event:
- single: `loaders.load_many` in this process, then `write_store` (what the CLI does today);
- dask: `loaders.distributed.extract_to_store` on a LocalCluster of `--workers` processes.
These are the figures docs/scale.md extrapolates to a billion events.
"""

from __future__ import annotations

import argparse
import glob
import os
import shutil
import sys
import time
from pathlib import Path

OUT = Path("benchmarks") / "out"


def _size(path: Path) -> int:
    return sum(os.path.getsize(f) for f in glob.glob(str(path / "**" / "*.parquet"), recursive=True))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.scale_extract", description=__doc__.split("\n\n")[0]
    )
    ap.add_argument("--files", type=int, default=4)
    ap.add_argument("--rows", type=int, default=250_000)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)

    from benchmarks.gdelt_load import generate
    from loaders import load_many
    from loaders.distributed import extract_to_store
    from loaders.store import write_store

    src = OUT / "gdelt_in"
    src.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(args.files):
        p = src / f"2023{i + 1:02d}01000000.export.CSV"
        if not p.exists() or p.stat().st_size < args.rows * 100:
            generate(p, args.rows, seed=10 + i)
        paths.append(str(p))
    n_rows = args.files * args.rows
    mb = sum(os.path.getsize(p) for p in paths) / 1e6
    print(
        f"{args.files} GDELT files, {n_rows:,} rows, {mb:,.0f} MB; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )

    store = OUT / "gdelt_store_single"
    shutil.rmtree(store, ignore_errors=True)
    t, c = time.perf_counter(), time.process_time()
    got = load_many(paths)
    write_store(got.events, store)
    secs, cpu = time.perf_counter() - t, time.process_time() - c
    n = len(got.events)
    print(
        f"single process: {n:,} events in {secs:.1f} s ({cpu:.1f} CPU s): {n / secs:,.0f} events/s; "
        f"store {_size(store) / n:.0f} bytes/event on disk"
    )
    del got

    store = OUT / "gdelt_store_dask"
    shutil.rmtree(store, ignore_errors=True)
    s = extract_to_store(paths, store, n_workers=args.workers, batch_files=1)
    print(
        f"dask, {s.workers} workers: {s.events:,} events in {s.seconds:.1f} s (cluster start included): "
        f"{s.events / s.seconds:,.0f} events/s, {s.events / s.seconds / s.workers:,.0f} per worker; "
        f"{s.written} Parquet files"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
