"""Our own table as CSV, JSON, JSON Lines and Parquet: equal round trips, row numbers, rejects."""

from pathlib import Path

import pandas as pd
import pytest

from events.io import write_events
from loaders.errors import UnreadableInput
from loaders.native import is_events_header, load
from loaders.writers import write

FILES = Path(__file__).parents[1] / "data" / "files"


def test_fixture():
    v = load(FILES / "own_events.csv")
    assert v.events["event_id"].tolist() == ["e1", "e2"]
    assert v.events["title"].tolist() == ["Parade in Pyongyang", "=HYPERLINK(x)"]  # the ' is taken off
    assert v.events["analyst"].tolist() == ["ab", "cd"]
    assert v.rejects[["row", "column"]].values.tolist() == [[4, "latitude"], [5, "event_id"]]


SOURCES = {
    "own table": ("loaders.native", "own_events.csv"),
    "hand-made sheet": ("loaders.spreadsheet", "handmade.csv"),
    "ACLED": ("loaders.acled", "acled_export.csv"),
    "GDELT": ("loaders.gdelt", "20230727141500.export.CSV"),
    "TimelineJS": ("loaders.timelinejs", "timeline_sheet.csv"),
}


@pytest.mark.parametrize("ext", ["csv", "json", "jsonl", "parquet"])
@pytest.mark.parametrize("source", sorted(SOURCES))
def test_round_trip_is_equal(ext, source, tmp_path):
    """Whatever a table came from, extra columns included, our own files give it back equal."""
    import importlib

    module, fixture = SOURCES[source]
    got = importlib.import_module(module).load(FILES / fixture)
    out = tmp_path / f"t.{ext}"
    write(got.events, out)
    again = load(out)
    assert again.rejects.empty
    if ext != "parquet" and source == "TimelineJS":  # its Group is a category; text files hold text
        got = got._replace(events=got.events.astype({"group": "str"}))
    pd.testing.assert_frame_equal(got.events, again.events)


def test_numbers_in_extra_columns_come_back_as_numbers(tmp_path):
    from events.schema import validate

    v = validate(
        pd.DataFrame(
            {"title": ["a", "b"], "fatalities": [3, 0], "tone": [1.5, float("nan")], "flag": [True, False]}
        )
    )
    out = tmp_path / "t.csv"
    write_events(v.events, out)
    pd.testing.assert_frame_equal(load(out).events, v.events)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_encodings(tmp_path, encoding):
    p = tmp_path / "t.csv"
    p.write_bytes(
        "event_id,title,start,date_precision,event_type\nx,Genève “talks”,2023-07-27,day,meeting\n".encode(
            encoding
        )
    )
    assert load(p).events["title"].tolist() == ["Genève “talks”"]


def test_json_lines_with_a_broken_line(tmp_path):
    p = tmp_path / "t.jsonl"
    p.write_text('{"title": "a", "start": "2023"}\n\nnot json\n{"title": "b"}\n')
    v = load(p)
    assert v.events["title"].tolist() == ["a", "b"]
    assert v.rejects[["row", "reason"]].values.tolist() == [[3, "no title, description or evidence"]]


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("t.json", b"", "empty"),
        ("t.json", b"[1, 2", "not valid JSON"),
        ("t.json", b'"just a string"', "expected a JSON list"),
        ("t.parquet", b"PAR1 not really", "Parquet"),
    ],
)
def test_unreadable(tmp_path, name, content, message):
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(UnreadableInput, match=message):
        load(p)


@pytest.mark.parametrize(
    "header, ours",
    [
        (["event_id", "title", "start", "end", "date_precision", "event_type"], True),
        (["event_id", "title", "start", "modality"], True),
        (["event_id", "title", "start", "end", "event_type"], False),  # a hand-made sheet: free-text types
        (["date", "title", "country"], False),
    ],
)
def test_header_test(header, ours):
    assert is_events_header(header) is ours


@pytest.mark.parametrize(
    "cells, kind",
    [
        (["3", "0", "12"], "int64"),
        (["3", "", "12"], "float64"),
        (["1.5", "-2"], "float64"),
        (["042", "150"], "str"),  # a CAMEO code keeps its leading zero
        (["+1", "2"], "str"),
        (["true", "False"], "bool"),
        (["x", "1"], "str"),
    ],
)
def test_extra_columns_typed_only_when_exact(cells, kind):
    from loaders.native import _typed

    assert str(_typed(pd.Series(cells, dtype="str")).dtype) == kind
