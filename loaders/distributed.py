"""Load many files (thousands of articles, years of GDELT files) on a Dask cluster into an events store.

    python -m loaders extract 'archive/**/*' --output store/ [--scheduler tcp://HOST:8786] [--workers N]

The files are cut into batches (many small files together, a big file alone); each Dask task
loads its batch with `loaders.load`, one file at a time, and writes its events straight into the
store (`loaders.store`, Parquet partitioned by year and month, file names unique to the task), so
no table bigger than one batch ever crosses the network. Rejected rows come back to the client
(they are few) and are written beside the store, in `STORE_rejects/<run id>.parquet`, with the
files that could not be read at all (row 0, the error as the reason): nothing is lost.

Articles are the exception: `loaders.load_many` merges the articles that report the same event, and
that needs all articles at once. Tasks return article events to the client (a few per article,
small), which merges them across sources and writes them once. (Rows of event files are not merged
with articles here, unlike `load_many` on a mix: those files may hold millions of rows.)

Without `scheduler`, a `LocalCluster` on this machine (one process per core); with
`scheduler="tcp://HOST:8786"`, that cluster's workers, which must see the same paths (a shared
file system or the same mount) and have this project importable.
"""

from __future__ import annotations

import glob
import os
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

import pandas as pd

from events.schema import concat, empty_rejects
from loaders.errors import LoaderError
from loaders.settings import Settings
from loaders.store import write_store

BATCH_BYTES = 128_000_000  # about a minute of loading per task for tabular files
BATCH_FILES = 200  # and at most this many files, so articles spread over the workers too
ARTICLE = "article"


class Summary(NamedTuple):
    store: str
    files: int  # input files found
    batches: int
    events: int  # events written to the store
    rejected_rows: int  # rows rejected (each row once, however many problems it had)
    failed: dict[str, str]  # input that could not be read at all -> the error
    formats: dict[str, int]  # format -> number of files read as it
    rejects_path: str | None  # where the rejects were written (None when there were none)
    written: int  # Parquet files written
    seconds: float
    workers: int

    def line(self) -> str:
        """One line for standard error, like the CLI's summary of a single-process run."""
        fmts = ", ".join(f"{n} {f}" for f, n in sorted(self.formats.items()))
        out = (
            f"{self.files} files ({fmts or 'none read'}) in {self.batches} batches on {self.workers} workers: "
            f"{self.events:,} events into {self.store} ({self.written} Parquet files), "
            f"{self.rejected_rows:,} rows rejected, {len(self.failed)} files unreadable, {self.seconds:.1f} s"
        )
        if self.rejects_path:
            out += f"; rejects in {self.rejects_path}"
        return out


class BatchResult(NamedTuple):
    events: int  # events this task wrote
    written: list[str]
    rejects: pd.DataFrame
    failed: dict[str, str]
    formats: dict[str, str]  # path -> format
    articles: pd.DataFrame | None  # article events, for the client to merge


def expand(patterns: Iterable[str | os.PathLike]) -> list[str]:
    """Files named or matched by the patterns (recursive `**`), each once, in a stable order."""
    out: list[str] = []
    seen: set[str] = set()
    for p in patterns:
        p = os.fspath(p)
        found = (
            sorted(f for f in glob.glob(p, recursive=True) if os.path.isfile(f))
            if any(ch in p for ch in "*?[")
            else [p]
        )
        for f in found:
            if f not in seen:
                seen.add(f)
                out.append(f)
    return out


def plan_batches(
    paths: list[str], *, batch_bytes: int = BATCH_BYTES, batch_files: int = BATCH_FILES
) -> list[list[str]]:
    """Consecutive files grouped until a batch holds `batch_bytes` or `batch_files` files.

    >>> plan_batches(["a", "b", "c"], batch_files=2)
    [['a', 'b'], ['c']]
    """
    batches: list[list[str]] = []
    current: list[str] = []
    size = 0
    for p in paths:
        try:
            n = os.path.getsize(p)
        except OSError:
            n = 0  # a missing file still goes to a task, which reports it
        if current and (size + n > batch_bytes or len(current) >= batch_files):
            batches.append(current)
            current, size = [], 0
        current.append(p)
        size += n
    if current:
        batches.append(current)
    return batches


def is_store_output(output: str | os.PathLike | None) -> bool:
    """An --output that names a store: it ends with a slash or is an existing folder."""
    if not output:
        return False
    s = os.fspath(output)
    return s.endswith(("/", os.sep)) or os.path.isdir(s)


def load_batch(paths: list[str], store: str, *, settings: Settings | None, writer_id: str) -> BatchResult:
    """Load `paths` one by one (a Dask task): tabular events go into the store, article events back."""
    from loaders import load

    tables, article_tables, rejects = [], [], []
    failed: dict[str, str] = {}
    formats: dict[str, str] = {}
    for path in paths:
        try:
            got = load(path, settings=settings)
        except LoaderError as e:
            failed[path] = str(e)
            continue
        except Exception as e:  # noqa: BLE001 - one broken file must not lose the batch's others
            failed[path] = f"{os.path.basename(path)}: {type(e).__name__}: {e}"
            continue
        fmt = got.formats.get(os.fspath(path), next(iter(got.formats.values()), ""))
        formats[path] = fmt
        (article_tables if fmt == ARTICLE else tables).append(got.events)
        if len(got.rejects):
            rejects.append(got.rejects)
    events = concat(tables)
    written = write_store(events, store, writer_id=writer_id) if len(events) else []
    articles = None
    if article_tables:
        articles = concat(article_tables)
        if len(article_tables) > 1:  # as load_many does within its inputs
            from loaders.merge import merge_across_sources

            articles = merge_across_sources(articles)
    return BatchResult(
        events=len(events),
        written=written,
        rejects=pd.concat(rejects, ignore_index=True) if rejects else empty_rejects(),
        failed=failed,
        formats=formats,
        articles=articles,
    )


def _client(scheduler: str | None, n_workers: int | None, processes: bool):
    from dask.distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout="15s"), None
        except OSError as e:  # refused, timed out, unknown host
            raise LoaderError(
                f"cannot reach the Dask scheduler {scheduler}: {e}; start one there (`dask scheduler`) "
                "or leave out --scheduler to use a local cluster"
            ) from None
    n = n_workers or max(1, min(os.cpu_count() or 1, 8))
    cluster = LocalCluster(
        n_workers=n,
        threads_per_worker=1,  # the loaders are Python: one thread per process avoids the GIL
        processes=processes,
        dashboard_address=":0",  # any free port: never clash with another cluster
        silence_logs=40,
    )
    return Client(cluster), cluster


def extract_to_store(
    patterns: Iterable[str | os.PathLike],
    store: str | os.PathLike,
    *,
    scheduler: str | None = None,
    settings: Settings | None = None,
    n_workers: int | None = None,
    processes: bool = True,
    batch_bytes: int = BATCH_BYTES,
    batch_files: int = BATCH_FILES,
    client=None,
    progress: bool | None = None,
) -> Summary:
    """Load every file the patterns match into the events store at `store`, on Dask.

    `scheduler` is a Dask scheduler address (tcp://HOST:8786); without it a LocalCluster of
    `n_workers` processes (threads when `processes=False`) is started and stopped here. An existing
    `client` may be passed instead. Returns a `Summary`; the rejects are written beside the store.
    """
    t0 = time.perf_counter()
    store = os.fspath(store)
    paths = expand(patterns)
    if not paths:
        raise LoaderError("no input files match " + " ".join(map(os.fspath, patterns)))
    batches = plan_batches(paths, batch_bytes=batch_bytes, batch_files=batch_files)
    run_id = uuid.uuid4().hex[:12]
    own = client is None
    cluster = None
    if own:
        client, cluster = _client(scheduler, n_workers, processes)
    try:
        from dask.distributed import as_completed

        futures = [
            client.submit(
                load_batch, batch, store, settings=settings, writer_id=f"{run_id}-{i:05d}", pure=False
            )
            for i, batch in enumerate(batches)
        ]
        show = progress if progress is not None else bool(settings and settings.progress)
        bar = None
        if show:
            from tqdm import tqdm

            bar = tqdm(total=len(paths), unit="file", file=sys.stderr)
        results: list[BatchResult] = []
        for fut in as_completed(futures):
            r = fut.result()
            results.append(r)
            if bar:
                bar.update(len(r.formats) + len(r.failed))
            fut.release()
        if bar:
            bar.close()
        workers = len(client.scheduler_info().get("workers", {}))
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()

    events = sum(r.events for r in results)
    written = [f for r in results for f in r.written]
    article_tables = [r.articles for r in results if r.articles is not None and len(r.articles)]
    if article_tables:
        articles = concat(article_tables)
        if len(article_tables) > 1:  # merge what different tasks found in different articles
            from loaders.merge import merge_across_sources

            articles = merge_across_sources(articles)
        written += write_store(articles, store, writer_id=f"{run_id}-articles")
        events += len(articles)
    failed = {p: m for r in results for p, m in r.failed.items()}
    rejects = [r.rejects for r in results if len(r.rejects)]
    if failed:
        rejects.append(
            pd.DataFrame(
                {
                    "file": list(failed),
                    "row": [0] * len(failed),
                    "column": [""] * len(failed),
                    "value": [""] * len(failed),
                    "reason": list(failed.values()),
                }
            )
        )
    all_rejects = pd.concat(rejects, ignore_index=True) if rejects else empty_rejects()
    rejects_path = None
    if len(all_rejects):
        folder = rejects_folder(store)
        os.makedirs(folder, exist_ok=True)
        rejects_path = os.path.join(folder, f"run-{run_id}.parquet")
        all_rejects.astype({"file": "str", "column": "str", "value": "str", "reason": "str"}).to_parquet(
            rejects_path, index=False
        )
    rejected_rows = len(all_rejects[all_rejects["row"] > 0][["file", "row"]].drop_duplicates())
    return Summary(
        store=store,
        files=len(paths),
        batches=len(batches),
        events=events,
        rejected_rows=rejected_rows,
        failed=failed,
        formats=dict(Counter(f for r in results for f in r.formats.values())),
        rejects_path=rejects_path,
        written=len(written),
        seconds=time.perf_counter() - t0,
        workers=workers,
    )


def rejects_folder(store: str | os.PathLike) -> str:
    """Where the rejects of runs into `store` go: a folder beside it (not inside, where readers of
    the store's `**/*.parquet` would take them for events)."""
    return os.path.normpath(os.fspath(store)) + "_rejects"


def read_rejects(store: str | os.PathLike) -> pd.DataFrame:
    """Every rejects file written beside `store`, in one table."""
    files = sorted(glob.glob(os.path.join(rejects_folder(store), "*.parquet")))
    if not files:
        return empty_rejects()
    return pd.concat([pd.read_parquet(f) for f in files], ignore_index=True)


def cli_extract_to_store(
    paths: list[str],
    output: str,
    *,
    settings: Settings | None = None,
    scheduler: str | None = None,
    n_workers: int | None = None,
    client=None,
) -> int:
    """What `python -m loaders extract ... --output STORE/` runs: exit status 0 when anything was
    read, 1 when no file could be read, 2 when nothing matched, the cluster could not be reached
    or the store could not be written. Rejected rows are counted on standard error and written to
    the rejects file the summary names (there may be millions: they are not printed one by one)."""
    try:
        s = extract_to_store(
            paths, output, scheduler=scheduler, settings=settings, n_workers=n_workers, client=client
        )
    except LoaderError as e:  # no input, or a scheduler that does not answer
        print(f"error: {e}", file=sys.stderr)
        return 2
    except OSError as e:  # the store cannot be written
        print(f"error: cannot write the store {output}: {e}", file=sys.stderr)
        return 2
    for path, message in s.failed.items():
        print(
            f"error: {message}"
            if path in message or os.path.basename(path) in message
            else f"error: {path}: {message}",
            file=sys.stderr,
        )
    print(s.line(), file=sys.stderr)
    return 1 if len(s.failed) == s.files else 0
