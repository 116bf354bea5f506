"""Loading many files on Dask into a store gives what one process gives with `load_many`."""

from __future__ import annotations

import glob
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from events.io import write_events
from events.schema import validate
from loaders import load_many
from loaders.distributed import (
    cli_extract_to_store,
    expand,
    extract_to_store,
    is_store_output,
    plan_batches,
    read_rejects,
    rejects_folder,
)
from loaders.errors import LoaderError
from loaders.store import read_store

DATA = Path(__file__).resolve().parents[1] / "data"
TYPES = ["meeting", "military_exercise", "weapons_test", "statement", "sanction", "agreement"]
COUNTRIES = ["PRK;RUS", "KOR;USA", "CHN;TWN", "UKR;RUS", "IRN;ISR", "JPN;KOR;USA"]
PLACES = [("Pyongyang", 39.0392, 125.7625), ("Seoul", 37.5665, 126.978), ("Taipei", 25.033, 121.5654)]


def _event_file(i: int, path: Path) -> None:
    """An event file of ten events over three years; every third file has a bad row to reject."""
    rows = []
    for k in range(10):
        place = PLACES[(i + k) % len(PLACES)]
        rows.append(
            {
                "event_id": f"f{i}-e{k}",
                "title": f"Event {k} of file {i}: {TYPES[(i + k) % len(TYPES)].replace('_', ' ')}",
                "start": f"{2021 + (i + k) % 3}-{1 + (i * 3 + k) % 12:02d}-{1 + k:02d}",
                "event_type": TYPES[(i + k) % len(TYPES)],
                "countries": COUNTRIES[(i + k) % len(COUNTRIES)],
                "location": place[0],
                "latitude": place[1],
                "longitude": place[2],
                "source": path.name,
            }
        )
    events = validate(pd.DataFrame(rows)).events
    write_events(events, path)
    if i % 3 == 0 and path.suffix == ".csv":
        with open(path, "a", encoding="utf-8") as f:
            f.write(f"f{i}-bad,Bad date row,,2023-02-30,,,,,PRK,,,,,,,,,,,\n")


@pytest.fixture(scope="module")
def client():
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=3, threads_per_worker=1, processes=False, dashboard_address=None)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture
def event_files(tmp_path) -> list[str]:
    folder = tmp_path / "archive" / "files"
    folder.mkdir(parents=True)
    for i in range(9):
        _event_file(i, folder / f"batch_{i}.{['csv', 'parquet', 'json'][i % 3]}")
    shutil.copy(DATA / "files" / "handmade.csv", folder)
    (folder / "garbage.bin").write_bytes(bytes(range(256)) * 8)
    return sorted(glob.glob(str(tmp_path / "archive" / "**" / "*"), recursive=True))


@pytest.fixture
def articles(tmp_path) -> list[str]:
    folder = tmp_path / "archive" / "articles"
    folder.mkdir(parents=True)
    for f in sorted((DATA / "articles").glob("*")):
        shutil.copy(f, folder)
    return sorted(str(p) for p in folder.glob("*"))


def _single(paths: list[str]):
    failed: dict[str, str] = {}
    files = [p for p in paths if os.path.isfile(p)]
    got = load_many(files, on_error=lambda name, e: failed.__setitem__(name, str(e)))
    return got, failed


def _same_events(store: Path, expected: pd.DataFrame) -> None:
    back = read_store(store)
    key = ["event_id", "source"]
    a = expected[back.columns].sort_values(key).reset_index(drop=True)
    b = back.sort_values(key).reset_index(drop=True)
    pd.testing.assert_frame_equal(b, a)


def _same_rejects(store: Path, expected: pd.DataFrame, failed: dict[str, str]) -> None:
    got = read_rejects(store)
    rows = got[got["row"] > 0]
    cols = ["file", "row", "column", "value", "reason"]
    assert sorted(map(tuple, rows[cols].astype(str).values)) == sorted(
        map(tuple, expected[cols].astype(str).values)
    )
    unreadable = got[got["row"] == 0]
    assert sorted(unreadable["file"]) == sorted(failed)


@pytest.mark.parametrize("batch_files", [1, 3, 50])
def test_event_files_give_what_one_process_gives(client, tmp_path, event_files, batch_files):
    expected, failed = _single(event_files)
    assert len(expected.events) > 80 and len(expected.rejects) and failed  # the case is not trivial
    store = tmp_path / "store"
    s = extract_to_store(
        [str(tmp_path / "archive" / "**" / "*")], store, client=client, batch_files=batch_files
    )
    _same_events(store, expected.events)
    _same_rejects(store, expected.rejects, failed)
    assert s.events == len(expected.events)
    assert s.files == len([p for p in event_files if os.path.isfile(p)])
    assert set(s.failed) == set(failed)
    assert s.formats == dict(pd.Series(list(expected.formats.values())).value_counts())


@pytest.mark.parametrize("batch_files", [1, 2, 50])
def test_articles_are_merged_across_tasks_as_in_one_process(client, tmp_path, articles, batch_files):
    expected, failed = _single(articles)
    store = tmp_path / "store"
    s = extract_to_store(articles, store, client=client, batch_files=batch_files)
    assert s.events == len(expected.events)
    if len(expected.events):
        _same_events(store, expected.events)


@pytest.mark.slow  # starting worker processes takes 10-15 s on two cores
def test_a_local_cluster_of_processes_is_started_and_stopped(tmp_path, event_files):
    # the default path of the command line: no scheduler given, a LocalCluster of processes
    expected, _ = _single(event_files)
    s = extract_to_store(event_files, tmp_path / "store", n_workers=2, batch_files=4)
    assert s.workers == 2
    _same_events(tmp_path / "store", expected.events)


def test_runs_add_to_a_store_and_keep_their_rejects_apart(client, tmp_path, event_files):
    store = tmp_path / "store"
    first = extract_to_store(event_files, store, client=client)
    second = extract_to_store(event_files, store, client=client)
    assert len(read_store(store)) == first.events + second.events
    assert first.rejects_path != second.rejects_path
    assert Path(first.rejects_path).parent == Path(rejects_folder(store))
    assert not list(store.glob("**/*rejects*"))  # never inside the store, where readers would see them


def test_nothing_matching_is_a_clear_error(client, tmp_path):
    with pytest.raises(LoaderError, match="no input files match"):
        extract_to_store([str(tmp_path / "*.csv")], tmp_path / "store", client=client)


@pytest.mark.parametrize(
    "output, expected",
    [("store/", True), ("events.parquet", False), ("out.csv", False), (None, False), ("", False)],
)
def test_an_output_ending_in_a_slash_is_a_store(output, expected):
    assert is_store_output(output) is expected


def test_an_existing_folder_is_a_store(tmp_path):
    assert is_store_output(str(tmp_path))


@pytest.mark.parametrize(
    "sizes, batch_bytes, batch_files, expected",
    [
        ([10, 10, 10, 10], 100, 2, [[0, 1], [2, 3]]),
        ([10, 500, 10], 100, 50, [[0], [1], [2]]),  # a big file goes alone
        ([40, 40, 40], 100, 50, [[0, 1], [2]]),
        ([1] * 5, 100, 50, [[0, 1, 2, 3, 4]]),
    ],
)
def test_batches_by_size_and_count(tmp_path, sizes, batch_bytes, batch_files, expected):
    paths = []
    for i, n in enumerate(sizes):
        p = tmp_path / f"{i}.csv"
        p.write_bytes(b"x" * n)
        paths.append(str(p))
    got = plan_batches(paths, batch_bytes=batch_bytes, batch_files=batch_files)
    assert got == [[paths[i] for i in batch] for batch in expected]


def test_patterns_expand_recursively_once_each(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/1.csv", "a/b/2.csv", "a/b/3.txt"):
        (tmp_path / name).write_text("x")
    got = expand([str(tmp_path / "a" / "**" / "*.csv"), str(tmp_path / "a" / "1.csv")])
    assert [Path(p).relative_to(tmp_path).as_posix() for p in got] == ["a/1.csv", "a/b/2.csv"]


def test_the_command_line_prints_a_summary_and_says_what_failed(client, tmp_path, event_files, capsys):
    assert cli_extract_to_store(event_files, str(tmp_path / "store") + "/", client=client) == 0
    err = capsys.readouterr().err
    assert "error: garbage.bin" in err and "events into" in err and "rows rejected" in err


def test_the_command_line_says_when_nothing_matches(client, tmp_path, capsys):
    assert cli_extract_to_store([str(tmp_path / "*.csv")], str(tmp_path / "store") + "/", client=client) == 2
    assert "no input files match" in capsys.readouterr().err


def test_the_command_line_fails_when_nothing_could_be_read(client, tmp_path):
    bad = tmp_path / "a.bin"
    bad.write_bytes(b"\x00\x01" * 100)
    assert cli_extract_to_store([str(bad)], str(tmp_path / "store") + "/", client=client) == 1


@pytest.mark.slow  # the client waits 15 s for the scheduler before it gives up
def test_an_unreachable_scheduler_is_a_clear_error(tmp_path, event_files, capsys):
    code = cli_extract_to_store(event_files, str(tmp_path / "store") + "/", scheduler="tcp://127.0.0.1:9")
    err = capsys.readouterr().err
    assert code == 2 and "cannot reach the Dask scheduler tcp://127.0.0.1:9" in err and "--scheduler" in err
