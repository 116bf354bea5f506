"""Hand-made spreadsheets: column-name variants, --map, mixed date forms, types, countries, .xlsx."""

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from loaders.errors import MissingColumns, UnreadableInput
from loaders.settings import Settings, make_settings
from loaders.spreadsheet import countries_cell, load, match_columns, type_from_text

FILES = Path(__file__).parents[1] / "data" / "files"


def _csv(tmp_path, text, name="sheet.csv", encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def test_fixture_loads_with_each_rows_precision():
    v = load(FILES / "handmade.csv")
    got = v.events.set_index("title")
    assert got.loc["Victory Day parade in Pyongyang", "start"] == pd.Timestamp("2023-07-27")
    assert got.loc["Talks on grain corridor", "end"] == pd.Timestamp("2023-07-31 23:59:59")
    assert got.loc["Joint naval drills", "date_precision"] == "year"
    assert got.loc["Armistice talks begin", "date_text"] == "c. 1950"
    assert got.loc["Korean War", "end"] == pd.Timestamp("1953-12-31 23:59:59")
    assert got.loc["Missile launch", "start"] == pd.Timestamp("2023-07-27 14:00")
    assert got.loc["Talks on grain corridor", "countries"] == ["RUS", "TUR"]
    assert got.loc["Missile launch", "event_type"] == "weapons_test"
    assert got.loc["Missile launch", "Type"] == "Missile test"  # the original column is kept


def test_nothing_is_lost_in_the_fixture():
    v = load(FILES / "handmade.csv")
    data_lines = [ln for ln in (FILES / "handmade.csv").read_text().splitlines()[1:] if ln.strip()]
    assert len(v.events) + v.rejects[["row"]].drop_duplicates().shape[0] == len(data_lines)
    assert v.rejects[["row", "column"]].values.tolist() == [[10, "When"], [11, "countries"], [12, "title"]]


@pytest.mark.parametrize(
    "header, expected",
    [
        (["Date", "Headline"], {"start": "Date", "title": "Headline"}),
        (["start_date", "End Date", "Event"], {"start": "start_date", "end": "End Date", "title": "Event"}),
        (
            ["When", "What", "Lat", "Lng"],
            {"start": "When", "title": "What", "latitude": "Lat", "longitude": "Lng"},
        ),
        (
            ["event_date", "title", "ISO3", "Notes"],
            {"start": "event_date", "title": "title", "countries": "ISO3", "description": "Notes"},
        ),
        (
            ["Date", "Category", "URL", "Longitude"],
            {"start": "Date", "event_type": "Category", "source": "URL", "longitude": "Longitude"},
        ),
    ],
)
def test_column_variants(header, expected):
    assert match_columns(header, {}, "x.csv") == expected


def test_explicit_map_wins(tmp_path):
    p = _csv(tmp_path, "Datum,Ereignis,date\n27.07.2023,Parade,not this one\n")
    v = load(p, settings=make_settings(column_map=["date=Datum", "title=Ereignis"]))
    assert v.events["start"].tolist() == [pd.Timestamp("2023-07-27")]
    assert v.events["date"].tolist() == ["not this one"]  # the other date column is kept


def test_map_to_a_missing_column_names_it(tmp_path):
    p = _csv(tmp_path, "Datum,Ereignis\n27.07.2023,Parade\n")
    with pytest.raises(MissingColumns, match="When"):
        load(p, settings=make_settings(column_map=["date=When"]))


def test_map_to_an_unknown_target(tmp_path):
    p = _csv(tmp_path, "Datum,Ereignis\n27.07.2023,Parade\n")
    with pytest.raises(UnreadableInput, match="not a column of the events table"):
        load(p, settings=make_settings(column_map=["colour=Datum"]))


def test_missing_required_columns_is_one_clear_error(tmp_path):
    p = _csv(tmp_path, "Country,Notes\nKOR,x\n")
    with pytest.raises(
        MissingColumns, match=r"missing required column\(s\) date, title; found columns: Country, Notes"
    ):
        load(p)


@pytest.mark.parametrize(
    "dates, dayfirst, expected",
    [
        (["07/27/2023", "03/04/2023"], None, ["2023-07-27", "2023-03-04"]),
        (["27/07/2023", "03/04/2023"], None, ["2023-07-27", "2023-04-03"]),
        (["03/04/2023", "05/06/2023"], False, ["2023-03-04", "2023-05-06"]),
        (["03/04/2023", "05/06/2023"], True, ["2023-04-03", "2023-06-05"]),
    ],
)
def test_dayfirst_per_column_and_setting(tmp_path, dates, dayfirst, expected):
    p = _csv(tmp_path, "date,title\n" + "".join(f"{d},e{i}\n" for i, d in enumerate(dates)))
    v = load(p, settings=Settings(dayfirst=dayfirst))
    assert v.events["start"].dt.strftime("%Y-%m-%d").tolist() == expected


def test_end_column_and_years_far_from_now(tmp_path):
    p = _csv(
        tmp_path,
        "date,end,title\n1200,1210,Old\n3000-01-05,3000-02,Future\n2023-07-27,2023-07-20,Backwards\n",
    )
    v = load(p)
    assert v.events["end"].tolist() == [
        pd.Timestamp("1210-12-31 23:59:59"),
        pd.Timestamp("3000-02-28 23:59:59"),
    ]
    assert v.rejects["reason"].tolist() == ["end is before start"]


def test_unreadable_end_is_rejected_with_its_column(tmp_path):
    p = _csv(tmp_path, "date,until,title\n2023-07-27,soon,Talks\n2023-07-27,2023-07-29,Visit\n")
    v = load(p)
    assert v.events["title"].tolist() == ["Visit"]
    assert v.rejects[["row", "column", "value"]].values.tolist() == [[2, "until", "soon"]]
    assert v.rejects["reason"][0].startswith("end is not a date (write it as 2023-07-27")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Summit", "meeting"),
        ("Missile test", "weapons_test"),
        ("Joint drills", "military_exercise"),
        ("Military parade", "military_exercise"),
        ("Arms sale", "arms_transfer"),
        ("Sanctions", "sanction"),
        ("Riot", "protest"),
        ("Airstrike", "armed_conflict"),
        ("Peace treaty signed", "agreement"),
        ("Statement", "statement"),
        ("weapons_test", "weapons_test"),
        ("Birthday", "other"),
        ("", None),
    ],
)
def test_type_from_text(text, expected):
    assert type_from_text(text) == expected


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("South Korea, Japan", "KOR;JPN"),
        ("USA/JPN/KOR", "USA;JPN;KOR"),
        ("Russia and China", "RUS;CHN"),
        ("Korea, Republic of", "KOR"),
        ("prk", "PRK"),
        ("Atlantis; Japan", "Atlantis;JPN"),
    ],
)
def test_countries_cell(cell, expected):
    assert countries_cell(cell) == expected


def test_latin1_and_formula_cells(tmp_path):
    p = _csv(tmp_path, "date;title;notes\n27/07/2023;Genève talks;'=1+1\n", encoding="latin-1")
    v = load(p)
    assert v.events["title"].tolist() == ["Genève talks"]
    assert v.events["description"].tolist() == ["=1+1"]


def test_xlsx(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([])
    ws.append(["Date", "Event", "Country", "Casualties"])
    ws.append([dt.datetime(2023, 7, 27), "Parade", "North Korea", 0])
    ws.append(["July 2023", "Talks", "Russia", None])
    ws.append([dt.datetime(2023, 7, 27, 14, 30), "Launch", "PRK", 3])
    ws.append([None, None, None, None])
    ws.append(["someday", "Bad", "PRK", 1])
    p = tmp_path / "book.xlsx"
    wb.save(p)
    v = load(p)
    assert v.events["title"].tolist() == ["Parade", "Talks", "Launch"]
    assert v.events["date_precision"].tolist() == ["day", "month", "time"]
    assert v.events["Casualties"].tolist() == ["0", "", "3"]
    assert v.rejects[["row", "column"]].values.tolist() == [[7, "Date"]]


def test_damaged_xlsx(tmp_path):
    p = tmp_path / "book.xlsx"
    p.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(UnreadableInput):
        load(p)


def test_rows_alike_but_not_equal_are_two_events(tmp_path):
    p = _csv(
        tmp_path,
        "date,title,notes\n2023-07-27,Launch,first\n2023-07-27,Launch,second\n2023-07-27,Launch,first\n",
    )
    v = load(p)
    assert v.events["description"].tolist() == ["first", "second"]
    assert v.rejects[["row", "reason"]].values.tolist() == [[4, "duplicate event_id (an earlier row has it)"]]
    assert v.events["event_id"].tolist() == load(p).events["event_id"].tolist()  # stable
