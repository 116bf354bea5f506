import numpy as np
import pandas as pd
import pytest

from events.io import read_events, write_events
from events.schema import COLUMNS, DATETIME, dtypes, empty_events, validate

GOOD = {
    "title": "Shoigu meets Kim in Pyongyang",
    "start": "2023-07-27",
    "event_type": "meeting",
    "countries": "RUS;PRK",
    "latitude": 39.0392,
    "longitude": 125.7625,
}


def one(**changes):
    return validate(pd.DataFrame([{**GOOD, **changes}]))


def test_contract_columns_and_dtypes():
    events = one().events
    assert tuple(events.columns) == COLUMNS
    for c, t in dtypes().items():
        assert events[c].dtype == t, c
    assert tuple(empty_events().columns) == COLUMNS


@pytest.mark.parametrize(
    "changes, column, reason",
    [
        ({"start": "2023-07-27", "end": "2023-07-01"}, "end", "end is before start"),
        ({"latitude": 123}, "latitude", "latitude is outside -90..90"),
        ({"longitude": -200}, "longitude", "longitude is outside -180..180"),
        ({"latitude": "north"}, "latitude", "latitude is not a number"),
        ({"latitude": None}, "latitude", "latitude and longitude must be given together"),
        ({"event_type": "picnic"}, "event_type", "unknown event type"),
        ({"modality": "rumoured"}, "modality", "unknown modality"),
        ({"countries": "RUS;Atlantis"}, "countries", "not a country"),
        ({"countries": "XYZ"}, "countries", "not a country"),
        ({"start": "the day after"}, "start", "start is not a date"),
        ({"end": "soon"}, "end", "end is not a date"),
        ({"date_precision": "fortnight"}, "date_precision", "unknown date precision"),
        ({"geo_precision": "galaxy"}, "geo_precision", "unknown geo precision"),
        ({"confidence": 1.5}, "confidence", "confidence is outside 0..1"),
        ({"title": "", "description": None}, "title", "no title, description or evidence"),
        ({"start": None, "end": "2023-07-01"}, "start", "an end date without a start date"),
        ({"countries": 5}, "countries", "countries is not a list"),
    ],
)
def test_bad_rows_land_in_rejects_with_the_right_reason(changes, column, reason):
    events, rejects = one(**changes)
    assert len(events) == 0
    assert rejects.loc[0, "row"] == 1
    assert rejects.loc[0, "column"] == column
    assert rejects.loc[0, "reason"].startswith(reason)


def test_every_problem_of_a_row_is_reported_at_once():
    _, rejects = one(latitude=123, event_type="picnic", end="2000-01-01")
    assert sorted(rejects["column"]) == ["end", "event_type", "latitude"]
    assert set(rejects["row"]) == {1}


def test_rows_numbered_by_the_loaders_row_column_and_file():
    df = pd.DataFrame([GOOD, {**GOOD, "latitude": 123}, {**GOOD, "event_type": "x"}])
    df["_row"] = [2, 3, 5]
    df["_file"] = "events.csv"
    events, rejects = validate(df)
    assert len(events) == 1 and "_row" not in events and "_file" not in events
    assert rejects[["file", "row"]].values.tolist() == [["events.csv", 3], ["events.csv", 5]]


@pytest.mark.parametrize(
    "given, expected",
    [
        ("rus;prk", ["RUS", "PRK"]),
        (["prk", "PRK", " rus "], ["PRK", "RUS"]),
        (np.array(["USA", "KOR"]), ["USA", "KOR"]),
        ("", []),
        (None, []),
        ("North Korea; Russia", ["PRK", "RUS"]),
    ],
)
def test_countries_are_coerced_to_alpha3_lists(given, expected):
    assert one(countries=given).events.loc[0, "countries"] == expected


@pytest.mark.parametrize(
    "start, end, precision, first, last",
    [
        ("2023-07-27", None, None, "2023-07-27 00:00:00", "2023-07-27 23:59:59"),
        ("2023-07", None, None, "2023-07-01 00:00:00", "2023-07-31 23:59:59"),
        ("2023", None, None, "2023-01-01 00:00:00", "2023-12-31 23:59:59"),
        ("2023-08-21", "2023-08-31", None, "2023-08-21 00:00:00", "2023-08-31 23:59:59"),
        ("1950", "1953", "year", "1950-01-01 00:00:00", "1953-12-31 23:59:59"),
        ("1200-03-01", None, None, "1200-03-01 00:00:00", "1200-03-01 23:59:59"),
        ("3000-01-01", None, "month", "3000-01-01 00:00:00", "3000-01-31 23:59:59"),
        ("2024-02-10", None, "week", "2024-02-10 00:00:00", "2024-02-16 23:59:59"),
        ("2023-04-01", None, "quarter", "2023-04-01 00:00:00", "2023-06-30 23:59:59"),
        ("1950-01-01", None, "decade", "1950-01-01 00:00:00", "1959-12-31 23:59:59"),
        ("2023-07-27T14:30:00Z", None, None, "2023-07-27 14:30:00", "2023-07-27 14:30:00"),
        ("July 27, 2023", None, None, "2023-07-27 00:00:00", "2023-07-27 23:59:59"),
    ],
)
def test_dates_are_coerced_with_their_period(start, end, precision, first, last):
    events = one(start=start, end=end, date_precision=precision).events
    assert events["start"].dtype == DATETIME
    assert str(events.loc[0, "start"]) == first
    assert str(events.loc[0, "end"]) == last


def test_implied_precision():
    got = validate(
        pd.DataFrame({"title": ["a", "b", "c", "d"], "start": ["2023", "2023-07", "2023-07-27", None]})
    )
    assert got.events["date_precision"].astype(object).tolist()[:3] == ["year", "month", "day"]
    assert pd.isna(got.events.loc[3, "date_precision"])  # an event without a date still loads


def test_defaults_for_missing_columns():
    e = validate(pd.DataFrame({"title": ["Something"]})).events.iloc[0]
    assert (e.event_type, e.modality, e.geo_precision, e.confidence) == ("other", "occurred", "unknown", 1.0)
    assert e.countries == [] and e.actors == [] and len(e.event_id) == 16


def test_duplicate_ids_are_rejected_after_the_first():
    df = pd.DataFrame([{**GOOD, "event_id": "a"}, {**GOOD, "event_id": "a"}, {**GOOD, "event_id": "b"}])
    events, rejects = validate(df)
    assert events["event_id"].tolist() == ["a", "b"]
    assert rejects[["row", "column"]].values.tolist() == [[2, "event_id"]]


def test_rows_in_equal_rows_loaded_plus_rows_rejected():
    df = pd.DataFrame([GOOD, {**GOOD, "latitude": 123, "event_type": "x"}, {**GOOD, "end": "1900"}, GOOD])
    events, rejects = validate(df)
    assert len(events) + rejects["row"].nunique() == len(df)


def test_extra_columns_are_kept_after_the_contract():
    events = one(fatalities=3).events
    assert list(events.columns) == [*COLUMNS, "fatalities"]
    assert events.loc[0, "fatalities"] == 3


@pytest.mark.parametrize("ext", ["csv", "json", "parquet"])
def test_round_trips_give_back_an_equal_table(tmp_path, ext):
    rows = [
        GOOD,
        {
            **GOOD,
            "title": '=HYPERLINK("http://x")',
            "start": "1200",
            "countries": "",
            "latitude": None,
            "longitude": None,
        },
        {
            **GOOD,
            "title": "Far future",
            "start": "3000-05-01",
            "end": "3000-06-01",
            "actors": "A;B",
            "description": 'line one\nline two, "quoted"',
            "source_published": "2023-09-04",
        },
        {**GOOD, "title": "-5 dead", "start": None, "modality": "planned", "confidence": 0.25},
    ]
    events = validate(pd.DataFrame(rows)).events
    assert len(events) == 4
    write_events(events, tmp_path / f"t.{ext}")
    back, rejects = read_events(tmp_path / f"t.{ext}")
    assert len(rejects) == 0
    pd.testing.assert_frame_equal(back, events)
