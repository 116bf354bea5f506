"""Format detection by content first, extension second, with the reason reported."""

import zipfile
from pathlib import Path

import pytest

from loaders.detect import detect, detect_file
from loaders.errors import UnreadableInput, UnsupportedFormat

FILES = Path(__file__).parents[1] / "data" / "files"
GDELT_LINE = "\t".join(["1117829391", "20230727"] + [""] * 59).encode()


@pytest.mark.parametrize(
    "name, head, fmt",
    [
        ("events.csv", b"event_id,title,start,end,date_precision,event_type\n", "events"),
        ("events.json", b'[{"title": "x", "start": "2023"}]', "events"),
        ("events.jsonl", b'{"title": "x"}\n{"title": "y"}\n', "events"),
        ("anything.bin", b"PAR1\x00\x00", "events"),
        ("sheet.csv", b"Date,Headline,Country\n27/07/2023,Parade,PRK\n", "spreadsheet"),
        ("sheet.tsv", b"When\tWhat\n2023\tx\n", "spreadsheet"),
        ("sheet.csv", b"colour,size\nred,1\n", "spreadsheet"),  # the loader then names the missing columns
        ("export.csv", b"event_id_cnty,event_date,year,time_precision,event_type\n", "acled"),
        ("story.csv", b"Year,Month,Day,Time,Headline,Text\n", "timelinejs"),
        (
            "story.json",
            b'{"events": [{"start_date": {"year": 2023}, "text": {"headline": "x"}}]}',
            "timelinejs",
        ),
        ("20230727141500.export.CSV", GDELT_LINE + b"\n", "gdelt"),
        ("no_extension", GDELT_LINE + b"\n", "gdelt"),
        ("table.txt", b"date,title\n2023,x\n", "spreadsheet"),  # a .txt that is a table
        ("notes.txt", b"Seoul, July 27 (Yonhap) -- North Korea held a parade on Thursday.\n", "article"),
        ("page.html", b"<html><body><p>North Korea held a parade.</p></body></html>", "article"),
        (
            "page.html",
            b"<html><body><p>Text.</p><table><tr><td>a</td></tr></table>" + b"<p>more</p>" * 50,
            "article",
        ),
        ("empty.txt", b"", "article"),
        ("wire.txt", b"[Reuters] Seoul, July 27 -- North Korea held a parade.", "article"),
        ("note.txt", b"{Draft} Talks are planned for Friday.", "article"),
        ("events.txt", b'[{"title": "x", "start": "2023"}]', "events"),
    ],
)
def test_detect(name, head, fmt):
    assert detect(name, head).fmt == fmt


@pytest.mark.parametrize(
    "name, head, error, message",
    [
        ("empty.csv", b"", UnreadableInput, "empty"),
        ("padded.csv", b"\x00" * 100, UnreadableInput, "empty"),
        ("data.csv", bytes(range(256)), UnreadableInput, "binary"),
        ("data.parquet", b"not parquet", UnreadableInput, "signature"),
        ("old.xls", b"\xd0\xcf\x11\xe0", UnreadableInput, "xls"),
        ("map.geojson", b'{"type": "FeatureCollection", "features": []}', UnsupportedFormat, "GeoJSON"),
        ("doc.docx2", b"hello", UnsupportedFormat, "cannot tell the format"),
        (
            "table.html",
            b"<html><table>" + b"<tr><td>a</td><td>b</td></tr>" * 40 + b"</table></html>",
            UnsupportedFormat,
            "save the table as CSV",
        ),
    ],
)
def test_detect_errors(name, head, error, message):
    with pytest.raises(error, match=message):
        detect(name, head)


@pytest.mark.parametrize(
    "fixture, fmt",
    [
        ("handmade.csv", "spreadsheet"),
        ("acled_export.csv", "acled"),
        ("timeline_sheet.csv", "timelinejs"),
        ("timeline_story.json", "timelinejs"),
        ("own_events.csv", "events"),
        ("20230727141500.export.CSV", "gdelt"),
        ("20130401.export.CSV", "gdelt"),
    ],
)
def test_fixtures(fixture, fmt):
    got = detect_file(FILES / fixture)
    assert got.fmt == fmt and got.reason


def test_every_fixture_is_detected():
    for p in sorted(FILES.glob("*")):
        assert detect_file(p).fmt


def test_zips(tmp_path):
    z = tmp_path / "20230727141500.export.CSV.zip"
    with zipfile.ZipFile(z, "w") as f:
        f.write(FILES / "20230727141500.export.CSV", "20230727141500.export.CSV")
    assert detect_file(z) == ("gdelt", detect_file(z).reason) and "zipped" in detect_file(z).reason
    two = tmp_path / "two.zip"
    with zipfile.ZipFile(two, "w") as f:
        f.writestr("a.csv", "x")
        f.writestr("b.csv", "y")
    with pytest.raises(UnsupportedFormat, match="a zip of 2 files"):
        detect_file(two)


def test_xlsx(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    for header, fmt in (
        (["Year", "Month", "Headline"], "timelinejs"),
        (["Date", "Title"], "spreadsheet"),
        (["event_id_cnty", "event_date", "event_type"], "acled"),
    ):
        wb = openpyxl.Workbook()
        wb.active.append(header)
        p = tmp_path / f"{fmt}.xlsx"
        wb.save(p)
        assert detect_file(p).fmt == fmt
