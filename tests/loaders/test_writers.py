"""Writers: the format comes from the output's name; CSV cells never run as formulas."""

import json
from pathlib import Path

import pandas as pd
import pytest

from events.schema import validate
from loaders.errors import UnsupportedFormat
from loaders.writers import format_for, to_geojson, write

FILES = Path(__file__).parents[1] / "data" / "files"


@pytest.fixture()
def events():
    return validate(
        pd.DataFrame(
            {
                "event_id": ["a", "b", "c"],
                "title": ["=cmd|' /C calc'!A0", "+1 summit", "Talks"],
                "description": ["@SUM(1)", "-5 dead", "plain"],
                "start": ["2023-07-27", "2023-07", "2023"],
                "countries": ["PRK;RUS", "KOR", ""],
                "latitude": [39.0, None, 10.0],
                "longitude": [125.7, None, 20.0],
            }
        )
    ).events


@pytest.mark.parametrize(
    "name, fmt",
    [
        ("out.csv", "csv"),
        ("OUT.CSV", "csv"),
        ("out.json", "json"),
        ("out.jsonl", "jsonl"),
        ("out.parquet", "parquet"),
        ("out.geojson", "geojson"),
        ("out.timeline.json", "timeline-json"),
        ("out.timeline.csv", "timeline-csv"),
        ("out.acled.csv", "acled-csv"),
    ],
)
def test_format_for(name, fmt):
    assert format_for(name) == fmt


def test_unknown_output_format():
    with pytest.raises(UnsupportedFormat, match="end the name with one of"):
        format_for("out.docx")


def test_geojson_points_and_skipped(events):
    g = to_geojson(events)
    assert [f["id"] for f in g["features"]] == ["a", "c"]
    assert g["features"][0]["geometry"] == {"type": "Point", "coordinates": [125.7, 39.0]}
    assert g["features"][0]["properties"]["countries"] == ["PRK", "RUS"]
    assert g["skipped"] == [{"event_id": "b", "title": "+1 summit", "reason": "no coordinates"}]


@pytest.mark.parametrize("name", ["out.csv", "out.timeline.csv", "out.acled.csv"])
def test_csv_cells_are_neutralised(events, tmp_path, name):
    out = tmp_path / name
    write(events, out)
    cells = pd.read_csv(out, dtype=str, keep_default_na=False).to_numpy().ravel().tolist()
    texts = [c for c in cells if c and not c.lstrip("-").replace(".", "").isdigit()]
    assert not [c for c in texts if c[0] in "=+-@"], texts
    assert "'@SUM(1)" in cells  # the description, in every one of these formats


@pytest.mark.parametrize("name", ["out.geojson", "out.timeline.json", "out.json"])
def test_json_outputs_parse(events, tmp_path, name):
    out = tmp_path / name
    write(events, out)
    json.loads(out.read_text(encoding="utf-8"))


def test_stream_gets_csv(events):
    import io

    buf = io.StringIO()
    assert write(events, buf) == "csv"
    assert buf.getvalue().splitlines()[0].startswith("event_id,title,")


def test_acled_csv_of_other_events(events, tmp_path):
    out = tmp_path / "x.acled.csv"
    write(events, out)
    got = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert got["event_id_cnty"].tolist() == ["a", "b", "c"]
    assert got["iso"].tolist() == ["408", "410", ""]
    assert got["time_precision"].tolist() == ["1", "3", "3"]
    assert got["sub_event_type"].tolist() == ["Other"] * 3
