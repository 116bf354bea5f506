"""The extract command: any mix of inputs, any output, a summary, and rejects with their rows."""

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from loaders.cli import main

FILES = Path(__file__).parents[1] / "data" / "files"
TABLES = ["handmade.csv", "acled_export.csv", "timeline_sheet.csv", "20230727141500.export.CSV"]


def run(capsys, *args):
    code = main(["extract", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_mixed_inputs_to_every_output(capsys, tmp_path):
    paths = [FILES / t for t in TABLES]
    for name in (
        "all.csv",
        "all.json",
        "all.parquet",
        "all.geojson",
        "all.timeline.json",
        "all.timeline.csv",
        "all.acled.csv",
    ):
        code, out, err = run(capsys, *paths, "--output", tmp_path / name)
        assert code == 0, err
        assert (tmp_path / name).stat().st_size > 0
    assert "read 31, loaded 23, rejected 8 (" in err
    assert "20230727141500.export.CSV: read as gdelt (" in err
    assert "rejected: handmade.csv row 10, column When ('not a date')" in err
    back = pd.read_parquet(tmp_path / "all.parquet")
    assert len(back) == 23
    geo = json.loads((tmp_path / "all.geojson").read_text())
    assert len(geo["features"]) + len(geo["skipped"]) == 23


def test_summary_counts_rows_by_reason(capsys):
    code, out, err = run(capsys, FILES / "own_events.csv")
    assert code == 0
    last = err.strip().splitlines()[-1]
    assert last == (
        "read 4, loaded 2, rejected 2 (latitude is outside -90..90: 1; duplicate event_id (an earlier row has it): 1)"
    )
    assert out.splitlines()[0].startswith("event_id,title,description,start,end")
    assert "'-5 dead claim" in out  # formula-like cells neutralised on standard output too


def test_map_and_dayfirst(capsys, tmp_path):
    p = tmp_path / "sheet.csv"
    p.write_text("Wann,Was\n03/04/2023,Treffen\n")
    code, out, err = run(capsys, p, "--map", "date=Wann", "--map", "title=Was", "--dayfirst", "false")
    assert code == 0, err
    assert "2023-03-04T00:00:00" in out


def test_format_forced(capsys, tmp_path):
    p = tmp_path / "odd.dat"
    shutil.copy(FILES / "acled_export.csv", p)
    code, out, err = run(capsys, p, "--format", "acled")
    assert code == 0 and "read as acled (--format)" in err


def test_exit_status(capsys, tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    code, out, err = run(capsys, empty)
    assert code == 1 and "error: " in err and "Traceback" not in err
    code, out, err = run(capsys, empty, FILES / "handmade.csv")  # one readable input is enough
    assert code == 0
    code, out, err = run(capsys, tmp_path / "nothing*.csv")
    assert code == 2 and "no input files match" in err


def test_missing_columns_message(capsys, tmp_path):
    p = tmp_path / "sheet.csv"
    p.write_text("colour,size\nred,1\n")
    code, out, err = run(capsys, p)
    assert code == 1
    assert "missing required column(s) date, title; found columns: colour, size" in err


def test_unknown_output(capsys, tmp_path):
    code, out, err = run(capsys, FILES / "handmade.csv", "-o", tmp_path / "x.docx")
    assert code == 2 and "end the name with one of" in err


@pytest.mark.parametrize("forced", ["spreadsheet", "events"])
def test_glob_expansion(capsys, forced):
    code, out, err = run(capsys, str(FILES / "hand*.csv"), "--format", forced)
    assert "handmade.csv: read as" in err
