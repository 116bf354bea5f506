"""TimelineJS sheets and JSON: partial dates, eras, the title slide, groups, and equal round trips."""

import json
from pathlib import Path

import pandas as pd
import pytest

from loaders.errors import MissingColumns
from loaders.timelinejs import date_of, load, to_json, to_sheet

FILES = Path(__file__).parents[1] / "data" / "files"
SHEET = FILES / "timeline_sheet.csv"
STORY = FILES / "timeline_story.json"


@pytest.mark.parametrize(
    "parts, expected",
    [
        (("2023", "", "", ""), ("2023", "year", None)),
        (("2023", "7", "", ""), ("2023-07", "month", None)),
        (("2023", "7", "27", ""), ("2023-07-27", "day", None)),
        (("2023", "7", "27", "14:30"), ("2023-07-27T14:30:00", "time", None)),
        (("2023", "7", "27", "12:05 am"), ("2023-07-27T00:05:00", "time", None)),
        (("2023.0", "7.0", "", ""), ("2023-07", "month", None)),  # numbers from a spreadsheet program
        (("-500", "", "", ""), ("-0500", "year", None)),
        (("", "", "", ""), ("", None, None)),
        (("2023", "13", "", ""), ("", None, "Month is not 1-12")),
        (("2023", "", "5", ""), ("", None, "Day or Time without a Month")),
        (("", "7", "", ""), ("", None, "Year is missing or not a whole number")),
        (("2023", "7", "27", "noon"), ("", None, "Time 'noon' is not a time (write 14:30 or 2:30 PM)")),
    ],
)
def test_date_of(parts, expected):
    assert date_of(*parts) == expected


@pytest.fixture(scope="module")
def sheet():
    return load(SHEET)


def test_sheet_rows(sheet):
    e = sheet.events.set_index("title")
    assert e.loc["Korean War", "timelinejs_type"] == "era"
    assert (e.loc["Korean War", "start"], e.loc["Korean War", "end"]) == (
        pd.Timestamp("1950-06-25"),
        pd.Timestamp("1953-07-27 23:59:59"),
    )
    assert pd.isna(e.loc["Korean Peninsula in 2023", "start"])  # the title slide has no date
    assert e.loc["Talks on cooperation", "date_precision"] == "month"
    assert e.loc["A year of tests", "date_precision"] == "year"
    assert e.loc["A year of tests", "event_type"] == "weapons_test"  # from Group
    assert e.loc["A year of tests", "group"] == "Weapons tests"
    assert e.loc["Camp David summit opens", "start"] == pd.Timestamp("2023-08-18 14:30")
    assert e.loc["Victory Day parade", "date_text"] == "27 July 2023"
    assert e.loc["Victory Day parade", "media_credit"] == "KCNA"
    assert e.loc["An ancient record", "start"].year == -500
    assert isinstance(sheet.events["group"].dtype, pd.CategoricalDtype)


def test_sheet_rejects(sheet):
    assert sheet.rejects[["row", "reason"]].values.tolist() == [
        [9, "Month is not 1-12"],
        [10, "2023-2-30 is not a day of the calendar"],
    ]
    assert len(sheet.events) + len(sheet.rejects) == 9


def test_json_story():
    v = load(STORY)
    e = v.events.set_index("event_id")
    assert e.loc["camp-david-2023", "start"] == pd.Timestamp("2023-08-18 10:30")
    autumn = e[e["title"] == "Autumn talks"].iloc[0]
    assert (autumn["end"], autumn["date_text"], autumn["background"]) == (
        pd.Timestamp("2023-10-31 23:59:59"),
        "Autumn 2023",
        "#222244",
    )
    assert e[e["title"] == "First half"]["timelinejs_type"].tolist() == ["era"]
    assert v.rejects[["row", "reason"]].values.tolist() == [[4, "Month is not 1-12"]]


def _same(a, b):
    key = ["event_id"]
    a = a.drop(columns="source").sort_values(key).reset_index(drop=True)
    b = b.drop(columns="source").sort_values(key).reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b)


@pytest.mark.parametrize("ending", [".timeline.csv", ".timeline.json"])
def test_round_trip(sheet, tmp_path, ending):
    from loaders.writers import write

    out = tmp_path / ("story" + ending)
    write(sheet.events, out)
    again = load(out)
    assert again.rejects.empty
    _same(sheet.events, again.events)  # the source is the file name, so it differs


def test_sheet_columns_and_json_shape(sheet):
    s = to_sheet(sheet.events)
    assert list(s.columns)[:4] == ["Year", "Month", "Day", "Time"]
    assert s.set_index("Headline").loc["Korean War", ["End Year", "End Month", "End Day"]].tolist() == [
        1953,
        7,
        27,
    ]
    story = to_json(sheet.events)
    assert story["title"]["text"]["headline"] == "Korean Peninsula in 2023"
    assert [e["text"]["headline"] for e in story["eras"]] == ["Korean War"]
    json.dumps(story)


def test_events_from_elsewhere_get_their_type_as_group():
    from events.schema import validate

    v = validate(
        pd.DataFrame({"title": ["Drill"], "start": ["2023-07-27"], "event_type": ["military_exercise"]})
    )
    assert to_sheet(v.events)["Group"].tolist() == ["Military exercise"]


def test_missing_columns(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text("Year,Text\n2023,x\n")
    with pytest.raises(MissingColumns, match="Headline"):
        load(p)


def test_same_headline_and_date_with_other_text_are_two_events(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text(
        "Year,Month,Day,Headline,Text,Source Note\n2023,7,27,Launch,First of two,a\n2023,7,27,Launch,Second,b\n"
    )
    v = load(p)
    assert v.events["description"].tolist() == ["First of two", "Second"]
    assert v.events["Source Note"].tolist() == ["a", "b"]  # a column of the sheet's own, kept
    assert v.rejects.empty
