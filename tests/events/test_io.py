"""events.io: our own table to and from CSV, JSON and Parquet, exactly, with formulas neutralised."""

import pandas as pd
import pytest

from events.io import format_of, neutralise_formula, read_events, restore_formula, to_flat, write_events
from events.schema import validate


@pytest.fixture()
def events():
    return validate(
        pd.DataFrame(
            {
                "event_id": ["x1", "x2", "x3"],
                "title": ["=SUM(A1)", "Talks in Genève", "+ve news"],
                "description": ["-5 dead", "@mention", 'multi\nline, with "quotes"'],
                "start": ["2023-07-27T14:30", "1200", "3000-02"],
                "countries": ["PRK;RUS", "", "KOR"],
                "actors": ["Kim Jong Un", "", "a;b"],
                "latitude": [39.0, None, 37.5],
                "longitude": [125.7, None, 127.0],
                "confidence": [0.5, 1.0, 0.25],
            }
        )
    ).events


@pytest.mark.parametrize(
    "value, neutral",
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-5 dead", "'-5 dead"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\tx", "'\tx"),
        ("plain", "plain"),
        ("", ""),
        (5, 5),
        ("'quoted already", "'quoted already"),
    ],
)
def test_neutralise_and_restore(value, neutral):
    assert neutralise_formula(value) == neutral
    assert restore_formula(neutral) == value


@pytest.mark.parametrize(
    "name, fmt",
    [("a.csv", "csv"), ("a.CSV", "csv"), ("a.json", "json"), ("a.jsonl", "json"), ("a.pq", "parquet")],
)
def test_format_of(name, fmt):
    assert format_of(name) == fmt


def test_format_of_unknown():
    with pytest.raises(ValueError, match="unknown table format"):
        format_of("a.xlsx")


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_round_trip(events, tmp_path, fmt):
    path = tmp_path / f"events.{fmt}"
    write_events(events, path)
    back = read_events(path)
    assert back.rejects.empty
    pd.testing.assert_frame_equal(back.events, events)


def test_flat_csv_cells(events):
    flat = to_flat(events)
    assert flat["title"].tolist()[0] == "'=SUM(A1)"
    assert flat["countries"].tolist() == ["PRK;RUS", "", "KOR"]
    assert flat["start"].tolist()[1] == "1200-01-01T00:00:00"


def test_extra_list_columns_are_joined_in_csv_and_arrays_in_json():
    from events.default import default_timeline
    from events.io import to_flat, to_records

    events = default_timeline().head(2)
    events["sources"] = [["a.txt", "b.html"], ["c.txt"]]
    assert to_flat(events)["sources"].tolist() == ["a.txt;b.html", "c.txt"]
    assert [r["sources"] for r in to_records(events)] == [["a.txt", "b.html"], ["c.txt"]]
