import datetime as dt

import pytest

from dashboard.filters import Filters, apply, date_bounds, date_mask, describe, options

D = dt.date


def ids(events):
    return events["event_id"].tolist()


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), ["a", "b", "c", "d", "e", "f"]),
        (Filters(countries=("RUS",)), ["a", "b", "d"]),
        (Filters(countries=("IRN", "IND")), ["b", "c"]),
        (Filters(countries=("GBR",)), []),
        (Filters(types=("meeting",)), ["a", "c"]),
        (Filters(types=("meeting", "sanction")), ["a", "c", "d"]),
        (Filters(modalities=("planned", "claimed")), ["c", "f"]),
        (Filters(sources=("wire-2",)), ["b", "e"]),
        (Filters(countries=("CHN",), types=("meeting",)), ["a", "c"]),
        # text: every word, any case, in title, description or evidence
        (Filters(text="beijing"), ["a"]),
        (Filters(text="drill SUNDAY"), ["b"]),
        (Filters(text="april leaders"), ["c"]),
        (Filters(text="condemned"), ["e"]),
        (Filters(text="drill beijing"), []),
        (Filters(text="   "), ["a", "b", "c", "d", "e", "f"]),
    ],
)
def test_list_and_text_filters(sample, filters, expected):
    assert ids(apply(sample, filters)) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # the end day is included whole: the launch at 23:30 on 31 March is in a range ending that day
        (D(2024, 3, 31), D(2024, 3, 31), ["f"]),
        (D(2024, 3, 1), D(2024, 3, 30), ["a", "b"]),
        # a range overlapping part of the week-long drill finds it
        (D(2024, 3, 12), D(2024, 3, 12), ["b"]),
        (D(2024, 3, 17), None, ["c", "f"]),
        (None, D(2024, 3, 5), ["a", "d"]),
        # the April summit (month precision) overlaps any range touching April
        (D(2024, 4, 30), D(2024, 5, 31), ["c"]),
        (D(2024, 3, 20), D(2024, 4, 1), ["c", "f"]),
        (D(2024, 5, 1), D(2024, 5, 31), []),
        # the 2023 sanctions (year precision) are in a range of a few days in that year
        (D(2023, 6, 1), D(2023, 6, 3), ["d"]),
        (D(2022, 1, 1), D(2022, 12, 31), []),
    ],
)
def test_date_range_overlaps_periods(sample, start, end, expected):
    assert ids(apply(sample, Filters(start=start, end=end))) == expected


def test_undated_events_only_without_a_date_filter(sample):
    assert "e" not in ids(apply(sample, Filters(start=D(1900, 1, 1))))
    assert date_mask(sample, None, None).all()


@pytest.mark.parametrize(
    ("filters", "shown", "total", "sentence"),
    [
        (Filters(), 14, 14, "Showing 14 of 14 events (no filters)"),
        (
            Filters(countries=("PRK", "RUS"), types=("meeting",), start=D(2023, 7, 1), end=D(2023, 9, 30)),
            7,
            14,
            "Showing 7 of 14 events: countries North Korea or Russia; type Meeting; from 2023-07-01 to 2023-09-30",
        ),
        (Filters(countries=("FRA",)), 1, 1, "Showing 1 of 1 event: country France"),
        (
            Filters(types=("meeting", "statement", "sanction"), end=D(2024, 1, 31)),
            3,
            2500,
            "Showing 3 of 2,500 events: types Meeting, Statement or Sanction; up to 2024-01-31",
        ),
        (
            Filters(start=D(2024, 2, 1), modalities=("planned",), sources=("wire-1",), text=" drill "),
            0,
            6,
            'Showing 0 of 6 events: from 2024-02-01; modality planned; source wire-1; text "drill"',
        ),
    ],
)
def test_describe(filters, shown, total, sentence):
    assert describe(filters, shown=shown, total=total) == sentence


def test_options_come_from_the_data(sample):
    got = options(sample)
    assert set(got["countries"]) == {"CHN", "RUS", "IRN", "IND", "USA", "FRA", "PRK"}
    assert got["types"] == ["meeting", "military_exercise", "weapons_test", "statement", "sanction"]
    assert got["modalities"] == ["occurred", "planned", "claimed"]
    assert got["sources"] == ["https://example.org/sanctions", "wire-1", "wire-2", "wire-3"]


def test_date_bounds_span_every_period(sample):
    assert date_bounds(sample) == (D(2023, 1, 1), D(2024, 4, 30))
    assert date_bounds(sample[sample["start"].isna()]) is None
