"""The command line (a contract, see DESIGN.md):

python -m loaders extract PATH... [--published YYYY-MM-DD] [--output OUT.csv|.json|.parquet] [--map T=C]
python -m loaders dates PATH [--published YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
from collections import Counter

from loaders.errors import LoaderError


def _expand(paths: list[str]) -> list[str]:
    """Paths as given, with globs (quoted on the command line, e.g. 'archive/**/*') expanded."""
    out: list[str] = []
    for p in paths:
        if any(ch in p for ch in "*?["):
            out.extend(sorted(f for f in glob.glob(p, recursive=True) if os.path.isfile(f)))
        else:
            out.append(p)
    return out


def _summary(n_events: int, rejects) -> str:
    """read N, loaded M, rejected K (reason: rows; ...): a row with two problems counts once in K
    and once under each of its reasons."""
    rejected_rows = rejects[["file", "row"]].drop_duplicates() if len(rejects) else rejects
    by_reason = (
        Counter(rejects.drop_duplicates(["file", "row", "reason"])["reason"]) if len(rejects) else Counter()
    )
    line = f"read {n_events + len(rejected_rows)}, loaded {n_events}, rejected {len(rejected_rows)}"
    if by_reason:
        line += " (" + "; ".join(f"{reason}: {n}" for reason, n in by_reason.most_common()) + ")"
    return line


def _report_formats(paths: list[str], forced: str | None) -> None:
    """Say which format each input is read as, and why (the format detection's reason)."""
    from loaders.detect import detect_file

    for p in paths:
        if forced:
            print(f"{p}: read as {forced} (--format)", file=sys.stderr)
            continue
        try:
            got = detect_file(p)
        except (LoaderError, OSError):
            continue  # loading it reports the error
        print(f"{p}: read as {got.fmt} ({got.reason})", file=sys.stderr)


def cmd_extract(args: argparse.Namespace) -> int:
    from loaders import load_many
    from loaders.settings import make_settings
    from loaders.writers import write

    settings = make_settings(
        published=args.published,
        column_map=args.map,
        dayfirst=args.dayfirst,
        fmt=args.format,
        progress=sys.stderr.isatty(),
    )
    paths = _expand(args.paths)
    if not paths:
        print("error: no input files match " + " ".join(args.paths), file=sys.stderr)
        return 2
    from loaders.distributed import cli_extract_to_store, is_store_output

    if is_store_output(args.output):  # a folder: an events store, loaded on Dask
        return cli_extract_to_store(
            paths, args.output, settings=settings, scheduler=args.scheduler, n_workers=args.workers
        )
    if args.scheduler:
        print("error: --scheduler needs --output STORE/ (a folder)", file=sys.stderr)
        return 2
    failed: list[str] = []

    def on_error(name: str, error: LoaderError) -> None:
        failed.append(name)
        print(f"error: {error}", file=sys.stderr)

    _report_formats(paths, args.format)
    got = load_many(paths, settings=settings, on_error=on_error)
    for r in got.rejects.itertuples(index=False):
        where = f"{r.file} row {r.row}" if r.file else f"row {r.row}"
        print(f"rejected: {where}, column {r.column} ({r.value!r}): {r.reason}", file=sys.stderr)
    print(_summary(len(got.events), got.rejects), file=sys.stderr)
    if len(failed) == len(paths):
        return 1
    try:
        fmt = write(got.events, args.output or sys.stdout)
        if args.output:
            print(f"wrote {len(got.events)} events to {args.output} ({fmt})", file=sys.stderr)
    except (LoaderError, ValueError, OSError) as e:
        print(f"error: cannot write {args.output}: {e}", file=sys.stderr)
        return 2
    return 0


def cmd_dates(args: argparse.Namespace) -> int:
    from loaders.timex import command_dates

    return command_dates(args.path, args.published)


COMMANDS = {"extract": cmd_extract, "dates": cmd_dates}


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="python -m loaders", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="load articles and event files into one events table")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or quoted globs ('archive/**/*')")
    p.add_argument("--published", help="publication date YYYY-MM-DD of the articles (wins over the text's)")
    p.add_argument(
        "--output",
        "-o",
        help="OUT.csv|.json|.parquet|.geojson|.timeline.json|.timeline.csv|.acled.csv "
        "(default: CSV on standard output)",
    )
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="TARGET=COLUMN",
        help="read a column of another name, e.g. --map date=When (repeatable)",
    )
    p.add_argument("--dayfirst", choices=["true", "false", "auto"], help="day-first dates (default: detect)")
    p.add_argument(
        "--format", help="force the input format (events, spreadsheet, acled, gdelt, timelinejs, article)"
    )
    p.add_argument(
        "--scheduler",
        metavar="tcp://HOST:8786",
        help="with --output STORE/: load on this Dask cluster (default: a local one)",
    )
    p.add_argument("--workers", type=int, help="with --output STORE/ and no --scheduler: local Dask workers")
    p = sub.add_parser("dates", help="print every temporal expression of a text as JSON lines")
    p.add_argument("path")
    p.add_argument("--published", help="publication date YYYY-MM-DD (default: a dateline in the text)")
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except LoaderError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        sys.stderr.close()
        return 0
