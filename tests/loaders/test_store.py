"""The events store: Parquet partitioned by year and month, read back with the contract's dtypes."""

from __future__ import annotations

import os
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from events.schema import dtypes, validate
from loaders.errors import UnreadableInput
from loaders.store import (
    LIST_DTYPE,
    NULL_PARTITION,
    compact,
    dataset,
    files_of,
    parquet_glob,
    read_store,
    to_arrow,
    typed_partitioning,
    write_store,
)

ROWS = [
    {
        "event_id": "kor-usa-ufs",
        "title": "Ulchi Freedom Shield begins",
        "start": "2023-08-21",
        "end": "2023-08-31",
        "event_type": "military_exercise",
        "countries": "KOR;USA",
        "actors": "US Forces Korea",
        "location": "Seoul",
        "latitude": 37.5665,
        "longitude": 126.978,
        "source": "https://example.org/ufs",
    },
    {
        "event_id": "prk-launch",
        "title": "North Korea fires a ballistic missile into the Sea of Japan",
        "start": "2023-08-30",
        "event_type": "weapons_test",
        "countries": "PRK",
        "location": "Sea of Japan",
        "latitude": 40.0,
        "longitude": 135.0,
        "geo_precision": "sea",
        "modality": "occurred",
        "source": "wire",
    },
    {
        "event_id": "summit-planned",
        "title": "Leaders plan a summit in Vladivostok",
        "start": "2023-09",
        "event_type": "meeting",
        "countries": "PRK;RUS",
        "modality": "planned",
        "source": "wire",
    },
    {
        "event_id": "korean-war",
        "title": "Korean War",
        "start": "1950-06-25",
        "end": "1953-07-27",
        "event_type": "armed_conflict",
        "countries": "PRK;KOR;USA;CHN",
        "source": "timeline.xlsx",
    },
    {
        "event_id": "undated",
        "title": "A statement with no date",
        "event_type": "statement",
        "countries": "",
        "source": "wire",
    },
    {
        "event_id": "medieval",
        "title": "Treaty sealed",
        "start": "1200",
        "event_type": "agreement",
        "source": "chronicle",
    },
    {
        "event_id": "far-future",
        "title": "Planned review",
        "start": "3000-01-02",
        "event_type": "other",
        "modality": "planned",
        "source": "chronicle",
    },
]


@pytest.fixture
def events() -> pd.DataFrame:
    got = validate(pd.DataFrame(ROWS))
    assert got.rejects.empty, got.rejects.to_string()
    return got.events


def _sorted(df: pd.DataFrame) -> pd.DataFrame:
    return df.sort_values("event_id").reset_index(drop=True)


def test_round_trip_keeps_every_value_and_dtype(events, tmp_path):
    write_store(events, tmp_path / "store")
    back = read_store(tmp_path / "store")
    pd.testing.assert_frame_equal(_sorted(back), _sorted(events))
    assert back.dtypes.to_dict() == dtypes()


@pytest.mark.parametrize(
    "event_id, folder",
    [
        ("kor-usa-ufs", "year=2023/month=08"),
        ("summit-planned", "year=2023/month=09"),
        ("korean-war", "year=1950/month=06"),
        ("medieval", "year=1200/month=01"),
        ("far-future", "year=3000/month=01"),
        ("undated", f"year={NULL_PARTITION}/month={NULL_PARTITION}"),
    ],
)
def test_events_go_to_the_folder_of_their_start(events, tmp_path, event_id, folder):
    write_store(events, tmp_path)
    part = pd.read_parquet(next((tmp_path / folder).glob("*.parquet")))
    assert event_id in part["event_id"].tolist()


def test_writers_never_overwrite_each_other(events, tmp_path):
    first = write_store(events, tmp_path)
    second = write_store(events, tmp_path)
    assert not set(first) & set(second)
    assert len(read_store(tmp_path)) == 2 * len(events)
    assert all(re.fullmatch(r"part-[0-9a-f]{16}-\d+\.parquet", os.path.basename(f)) for f in first)


def test_the_same_writer_id_replaces_its_own_files(events, tmp_path):
    write_store(events, tmp_path, writer_id="task-7")
    write_store(events, tmp_path, writer_id="task-7")
    assert len(read_store(tmp_path)) == len(events)


def test_empty_table_writes_nothing(events, tmp_path):
    assert write_store(events.iloc[:0], tmp_path / "s") == []
    assert not (tmp_path / "s").exists()


@pytest.mark.parametrize(
    "filters, expected",
    [
        ([("year", "=", 2023)], ["kor-usa-ufs", "prk-launch", "summit-planned"]),
        ([("year", "=", 2023), ("month", "=", 8)], ["kor-usa-ufs", "prk-launch"]),
        ([("year", "<", 1960)], ["korean-war", "medieval"]),
        ([("event_type", "in", ["meeting", "weapons_test"])], ["prk-launch", "summit-planned"]),
        ([("modality", "!=", "occurred")], ["far-future", "summit-planned"]),
        ([("start", ">=", pd.Timestamp("2023-08-25"))], ["far-future", "prk-launch", "summit-planned"]),
    ],
)
def test_filters_select_rows_and_prune_folders(events, tmp_path, filters, expected):
    write_store(events, tmp_path)
    assert sorted(read_store(tmp_path, filters=filters)["event_id"]) == expected


@pytest.mark.parametrize(
    "filters, message",
    [
        ([("year", "~", 2023)], "unknown operator '~'"),
        ([("year", 2023)], r"write \(column, op, value\)"),
    ],
)
def test_bad_filters_say_how_to_write_them(events, tmp_path, filters, message):
    write_store(events, tmp_path)
    with pytest.raises(ValueError, match=message):
        read_store(tmp_path, filters=filters)


def test_a_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(UnreadableInput, match="no events store here"):
        read_store(tmp_path / "nothing")


def test_only_events_tables_are_written(tmp_path):
    with pytest.raises(ValueError, match="missing column.*validate it"):
        write_store(pd.DataFrame({"title": ["x"]}), tmp_path)


def test_other_readers_see_the_same_rows(events, tmp_path):
    import dask.dataframe as dd
    import duckdb

    write_store(events, tmp_path)
    n, years, undated = duckdb.sql(
        "SELECT count(*), count(DISTINCT year), count(*) FILTER (year IS NULL) "
        f"FROM read_parquet('{parquet_glob(tmp_path)}', hive_partitioning = true)"
    ).fetchall()[0]
    assert (n, years, undated) == (len(events), 4, 1)  # 2023, 1950, 1200, 3000; the undated one is null
    by_dask = dd.read_parquet(str(tmp_path), dataset={"partitioning": typed_partitioning()}).compute()
    assert sorted(by_dask["event_id"]) == sorted(events["event_id"])
    assert dataset(tmp_path).count_rows() == len(events)
    assert len(files_of(tmp_path)) == 6  # one file per year and month folder


def test_compact_keeps_values_and_uses_arrow_lists(events):
    small = compact(events)
    assert small["countries"].dtype == LIST_DTYPE and small["actors"].dtype == LIST_DTYPE
    assert [list(v) for v in small["countries"]] == events["countries"].tolist()
    assert small["event_type"].dtype == events["event_type"].dtype


def test_compact_tables_take_less_memory_and_write_the_same(events, tmp_path):
    big = pd.concat([events] * 300, ignore_index=True)
    small = compact(big)
    assert small.memory_usage(deep=True).sum() < 0.8 * big.memory_usage(deep=True).sum()
    assert to_arrow(small).equals(to_arrow(big))


def test_compact_reading_gives_arrow_lists(events, tmp_path):
    write_store(events, tmp_path)
    back = read_store(tmp_path, compact=True)
    assert back["countries"].dtype == LIST_DTYPE
    assert list(back.loc[back["event_id"] == "undated", "countries"].iloc[0]) == []


def test_lists_missing_in_an_arrow_table_read_as_empty():
    t = to_arrow(validate(pd.DataFrame(ROWS[:2])).events)
    i = t.column_names.index("actors")
    t = t.set_column(i, "actors", pa.array([None, ["x"]], pa.list_(pa.string())))
    assert [list(v) for v in compact(t)["actors"]] == [[], ["x"]]
    assert np.isnan(compact(t)["confidence"]).sum() == 0


@pytest.mark.parametrize(
    "start, folder",
    [
        ("0950-01-01", "year=0950/month=01"),
        ("-0050-03-01", "year=-50/month=03"),
        ("-0500-12-31", "year=-500/month=12"),
    ],
)
def test_years_before_1000_and_before_the_common_era_get_their_own_folder(tmp_path, start, folder):
    got = validate(pd.DataFrame({"title": ["Old event"], "start": [np.datetime64(start, "s")]}))
    write_store(got.events, tmp_path)
    assert (tmp_path / folder).is_dir()
    assert read_store(tmp_path)["start"].tolist() == got.events["start"].tolist()
