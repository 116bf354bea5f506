"""ACLED exports: precision codes, the type crosswalk, numeric ISO codes, kept columns, nothing lost."""

from pathlib import Path

import pandas as pd
import pytest

from loaders.acled import is_acled_header, load, to_acled
from loaders.errors import MissingColumns

FILES = Path(__file__).parents[1] / "data" / "files"
FIXTURE = FILES / "acled_export.csv"


@pytest.fixture(scope="module")
def acled():
    return load(FIXTURE)


@pytest.mark.parametrize(
    "event_id, start, end, precision",
    [
        ("UKR123456", "2023-07-27", "2023-07-27 23:59:59", "day"),  # time_precision 1
        ("UKR123457", "2023-07-22", "2023-07-28 23:59:59", "week"),  # 2: the week around 25 July
        ("SDN9876", "2023-06-01", "2023-06-30 23:59:59", "month"),  # 3: the month of 15 June
    ],
)
def test_time_precision(acled, event_id, start, end, precision):
    row = acled.events.set_index("event_id").loc[event_id]
    assert (row["start"], row["end"], row["date_precision"]) == (
        pd.Timestamp(start),
        pd.Timestamp(end),
        precision,
    )


@pytest.mark.parametrize(
    "event_id, event_type, geo, countries",
    [
        ("UKR123456", "armed_conflict", "city", ["UKR"]),
        ("UKR123457", "armed_conflict", "region", ["UKR"]),
        ("SDN9876", "armed_conflict", "region", ["SDN"]),
        ("KOR555", "protest", "city", ["KOR"]),
        ("PRK777", "agreement", "city", ["PRK"]),
    ],
)
def test_types_places_and_countries(acled, event_id, event_type, geo, countries):
    row = acled.events.set_index("event_id").loc[event_id]
    assert (row["event_type"], row["geo_precision"], row["countries"]) == (event_type, geo, countries)


def test_contract_fields_and_kept_columns(acled):
    row = acled.events.set_index("event_id").loc["UKR123457"]
    assert row["actors"] == [
        "Military Forces of Russia (2000-)",
        "Wagner Group",
        "Military Forces of Ukraine (2019-)",
    ]
    assert row["description"].startswith("Around 25 July 2023")
    assert row["location"] == "Bakhmut" and row["source"] == "Ukrainska Pravda"
    assert row["fatalities"] == 5 and row["admin1"] == "Donetska" and row["acled_event_type"] == "Battles"
    assert (
        row["title"]
        == "Armed clash: Military Forces of Russia (2000-) vs Military Forces of Ukraine (2019-) in Bakhmut"
    )


def test_bad_rows_are_rejected_with_their_line(acled):
    assert acled.rejects[["row", "column", "reason"]].values.tolist() == [
        [7, "event_date", acled.rejects["reason"][0]],
        [8, "latitude", "latitude is outside -90..90"],
        [9, "event_id", "duplicate event_id (an earlier row has it)"],
    ]
    assert len(acled.events) + 3 == 8


def test_missing_columns(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text("event_id_cnty,country\nX1,Ukraine\n")
    with pytest.raises(MissingColumns, match="event_date, event_type"):
        load(p)


@pytest.mark.parametrize(
    "header, expected",
    [
        (["event_id_cnty", "event_date"], True),
        (["event_date", "event_type", "fatalities"], True),
        (["date", "title"], False),
        (["event_date", "event_type"], False),
    ],
)
def test_header(header, expected):
    assert is_acled_header(header) is expected


def test_acled_csv_round_trip(acled, tmp_path):
    out = tmp_path / "acled_export.csv"
    to_acled(acled.events).to_csv(out, index=False)
    again = load(out)
    pd.testing.assert_frame_equal(acled.events, again.events)


def test_acled_xlsx_equals_csv(acled, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    import csv

    wb = openpyxl.Workbook()
    with open(FIXTURE, newline="", encoding="utf-8") as f:
        for row in csv.reader(f):
            wb.active.append(row)
    p = tmp_path / "acled_export.xlsx"
    wb.save(p)
    again = load(p)
    pd.testing.assert_frame_equal(
        again.events.drop(columns="source_published"), acled.events.drop(columns="source_published")
    )
    assert again.rejects["row"].tolist() == acled.rejects["row"].tolist()
