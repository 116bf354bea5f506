"""GDELT 2.0 and 1.0 event files: columns to the contract, zipped files, junk lines with their numbers."""

import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from loaders.errors import UnsupportedFormat
from loaders.gdelt import load
from loaders.gdelt_columns import V1, V1_BACKFILE, V2
from loaders.settings import Settings

FILES = Path(__file__).parents[1] / "data" / "files"
V2_FILE = FILES / "20230727141500.export.CSV"
V1_FILE = FILES / "20130401.export.CSV"


def test_codebook_widths():
    assert (len(V2), len(V1), len(V1_BACKFILE)) == (61, 58, 57)
    assert V2[56:58] == ("ActionGeo_Lat", "ActionGeo_Long") and V2[-2:] == ("DATEADDED", "SOURCEURL")


@pytest.mark.parametrize(
    "event_id, title, event_type, countries, geo, location",
    [
        (
            "1117829391",
            "RUSSIA — Consult — NORTH KOREA",
            "meeting",
            ["RUS", "PRK"],
            "city",
            "Pyongyang, P'yongyang-si, North Korea",
        ),
        (
            "1117829392",
            "NORTH KOREA — Exhibit military posture",
            "military_exercise",
            ["PRK"],
            "country",
            "North Korea",
        ),
        (
            "1117829393",
            "AFRICA — Disapprove — UNITED STATES",
            "statement",
            ["USA"],
            "unknown",
            "",
        ),  # AFR is a region
        (
            "1117829394",
            "UKRAINE — Fight — RUSSIAN MILITARY",
            "armed_conflict",
            ["UKR", "RUS"],
            "region",
            "Donets'ka Oblast', Ukraine",
        ),
    ],
)
def test_gdelt2_rows(event_id, title, event_type, countries, geo, location):
    row = load(V2_FILE).events.set_index("event_id").loc[event_id]
    assert (row["title"], row["event_type"], row["countries"], row["geo_precision"], row["location"]) == (
        title,
        event_type,
        countries,
        geo,
        location,
    )


def test_gdelt2_dates_and_kept_columns():
    v = load(V2_FILE)
    row = v.events.iloc[0]
    assert (row["start"], row["end"], row["date_precision"]) == (
        pd.Timestamp("2023-07-27"),
        pd.Timestamp("2023-07-27 23:59:59"),
        "day",
    )
    assert row["source_published"] == pd.Timestamp("2023-07-27 14:15")
    assert row["source"] == "https://news.example.org/2023/07/27/shoigu-pyongyang"
    assert (row["EventCode"], row["GoldsteinScale"], row["NumMentions"], row["AvgTone"]) == (
        "042",
        1.9,
        10,
        -1.2345,
    )
    assert (row["latitude"], row["longitude"]) == (39.0194, 125.755)
    assert row["actors"] == ["RUSSIA", "NORTH KOREA"]
    assert v.rejects.empty


def test_gdelt1_file():
    v = load(V1_FILE)
    assert len(v.events) == 3 and v.rejects.empty
    assert v.events["start"].tolist() == [pd.Timestamp("2013-03-31")] * 3
    assert v.events["source_published"].tolist() == [pd.Timestamp("2013-04-01")] * 3


def test_zipped_file_equals_plain(tmp_path):
    z = tmp_path / "20230727141500.export.CSV.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as f:
        f.write(V2_FILE, V2_FILE.name)
    pd.testing.assert_frame_equal(load(z).events, load(V2_FILE).events)


def _lines():
    return V2_FILE.read_text().splitlines()


def test_junk_lines_are_reported_with_their_line_numbers(tmp_path):
    lines = _lines()
    bad_date = lines[1].split("\t")
    bad_date[0], bad_date[1] = "1117829399", "20231345"
    wide = lines[2] + "\tsurplus"
    short = "\t".join(lines[3].split("\t")[:30])
    text = "\n".join([lines[0], "", "\t".join(bad_date), wide, short, lines[3], "trailing junk", ""]) + "\n"
    p = tmp_path / "junk.CSV"
    p.write_text(text)
    v = load(p, settings=Settings(chunk_rows=2))
    assert v.events["event_id"].tolist() == ["1117829391", "1117829394"]
    got = v.rejects[["row", "reason"]].values.tolist()
    assert got == [
        [3, "SQLDATE is not a date YYYYMMDD"],
        [4, "62 fields where GDELT has 61"],
        [5, "incomplete GDELT row (too few fields)"],
        [7, "incomplete GDELT row (too few fields)"],
    ]
    non_blank = [ln for ln in text.splitlines() if ln.strip()]
    assert len(v.events) + len(v.rejects) == len(non_blank)


def test_number_columns_with_text(tmp_path):
    fields = _lines()[0].split("\t")
    fields[V2.index("NumMentions")] = "many"
    p = tmp_path / "x.CSV"
    p.write_text("\n".join(["\t".join(fields), _lines()[1]]) + "\n")
    v = load(p)
    assert v.events["event_id"].tolist() == ["1117829392"]
    assert v.rejects[["row", "reason"]].values.tolist() == [[1, "NumMentions is not a number"]]


def test_header_row_is_accepted(tmp_path):
    p = tmp_path / "with_header.tsv"
    p.write_text("\t".join(V2) + "\n" + V2_FILE.read_text())
    v = load(p)
    pd.testing.assert_frame_equal(v.events, load(V2_FILE).events)


def test_not_gdelt(tmp_path):
    p = tmp_path / "x.CSV"
    p.write_text("a\tb\tc\n")
    with pytest.raises(UnsupportedFormat, match="61 \\(GDELT 2.0\\), 58 or 57"):
        load(p)


def test_duplicate_ids_across_chunks(tmp_path):
    p = tmp_path / "dup.CSV"
    shutil.copy(V2_FILE, p)
    with open(p, "a") as f:
        f.write(_lines()[0] + "\n")
    v = load(p, settings=Settings(chunk_rows=2))
    assert v.rejects[["row", "column"]].values.tolist() == [[5, "event_id"]]


@pytest.mark.parametrize("broken", [False, True])  # the fast path and the careful one
def test_progress_bar_on_stderr_for_large_files(monkeypatch, capsys, tmp_path, broken):
    from loaders import tabular

    p = tmp_path / "x.CSV"
    p.write_text(V2_FILE.read_text() + ("junk\n" if broken else ""))
    monkeypatch.setattr(tabular, "LARGE_BYTES", 10)  # the fixture counts as large
    load(p, settings=Settings(progress=True))
    assert "x.CSV" in capsys.readouterr().err
    load(p, settings=Settings(progress=False))
    assert capsys.readouterr().err == ""


def test_gdelt1_backfile_without_sourceurl(tmp_path):
    p = tmp_path / "2005.csv"
    p.write_text("".join("\t".join(ln.split("\t")[:57]) + "\n" for ln in V1_FILE.read_text().splitlines()))
    v = load(p)
    assert len(v.events) == 3 and v.rejects.empty
    assert v.events["source"].tolist() == ["", "", ""]
    assert v.events["source_published"].tolist() == [pd.Timestamp("2013-04-01")] * 3


def test_infinite_count_loads_as_a_float(tmp_path):
    fields = _lines()[0].split("\t")
    fields[V2.index("NumMentions")] = "inf"  # a number to the reader, but no count: no integer column
    p = tmp_path / "x.CSV"
    p.write_text("\n".join(["\t".join(fields), _lines()[1]]) + "\n")
    v = load(p)
    assert v.events["NumMentions"].tolist() == [float("inf"), 24.0] and v.rejects.empty


@pytest.mark.parametrize("chunk_rows", [2, 250_000])
def test_careful_path_loads_good_rows_as_the_fast_path_does(tmp_path, chunk_rows):
    p = tmp_path / "x.CSV"
    p.write_text(V2_FILE.read_text() + "junk\n")  # a line pyarrow refuses: the file is read again
    v = load(p, settings=Settings(chunk_rows=chunk_rows))
    assert v.rejects[["row", "reason"]].values.tolist() == [[5, "incomplete GDELT row (too few fields)"]]
    pd.testing.assert_frame_equal(v.events, load(V2_FILE).events)


def test_rejected_rows_do_not_change_the_count_columns(tmp_path):
    fields = _lines()[0].split("\t")
    fields[0], fields[1], fields[V2.index("NumMentions")] = "1117829399", "20231345", ""
    p = tmp_path / "x.CSV"
    p.write_text("\n".join(["\t".join(fields), *_lines()]) + "\n")
    v = load(p)
    assert v.rejects[["row", "reason"]].values.tolist() == [[1, "SQLDATE is not a date YYYYMMDD"]]
    assert v.events["NumMentions"].dtype == "int64"


def _careful_only(monkeypatch):
    """Turn off the sifted reader, so a file pyarrow refuses is read by pandas alone."""
    import loaders.gdelt as gdelt

    def refuse(*args):
        raise ValueError("sifted reader off")
        yield

    monkeypatch.setattr(gdelt, "_sifted_chunks", refuse)


@pytest.mark.parametrize(
    "make",
    [
        lambda lines: "\n".join(lines) + "\n" + lines[0][:40],  # a cut-off last line, no newline
        lambda lines: "\n".join([lines[0], "", "   ", lines[1], "\t\t", lines[2]]) + "\n",  # blank lines
        lambda lines: "\r\n".join([lines[0], "junk", lines[1] + "\tsurplus", lines[2]]) + "\r\n",  # CRLF
        lambda lines: (
            "\n".join([lines[0], "\t".join(lines[1].split("\t")[:60]), *lines[2:]]) + "\n"
        ),  # no SOURCEURL
        lambda lines: "\n".join([lines[0], lines[3] + "\tx", *lines[1:]]) + "\n",  # a field too many
        lambda lines: "\t".join(V2) + "\n" + "\n".join([lines[0], "junk", *lines[1:]]) + "\n",  # header
    ],
)
def test_files_with_lines_of_the_wrong_width_load_as_the_careful_reader_loads_them(
    monkeypatch, tmp_path, make
):
    p = tmp_path / "x.CSV"
    p.write_bytes(make(_lines()).encode())
    sifted = load(p)
    _careful_only(monkeypatch)
    careful = load(p)
    pd.testing.assert_frame_equal(sifted.events, careful.events)
    pd.testing.assert_frame_equal(sifted.rejects, careful.rejects)
    assert len(sifted.events) >= 2
