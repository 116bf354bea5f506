"""Merging repeated reports of one event, within one article and across articles."""

from __future__ import annotations

import pandas as pd
import pytest

from events.schema import validate
from loaders.merge import merge_across_sources, merge_duplicates, merge_records


def row(**kw) -> dict:
    base = {
        "title": "Drills",
        "start": "2024-05-23",
        "end": "2024-05-24",
        "date_precision": "day",
        "event_type": "military_exercise",
        "countries": ["CHN", "TWN"],
        "actors": [],
        "location": "Taiwan Strait",
        "latitude": 24.0,
        "longitude": 119.5,
        "geo_precision": "sea",
        "modality": "occurred",
        "source": "a.txt",
        "evidence": "China began drills around Taiwan on Thursday.",
        "confidence": 0.8,
    }
    base.update(kw)
    return base


def table(*rows: dict) -> pd.DataFrame:
    v = validate(pd.DataFrame(list(rows)))
    assert v.rejects.empty, v.rejects
    return v.events


@pytest.mark.parametrize(
    "other, merged",
    [
        ({}, True),  # the same event from another outlet
        ({"start": "2024-05-24", "end": "2024-05-24"}, True),  # overlapping dates
        ({"countries": ["TWN"]}, True),  # a shared country is enough
        (
            {"location": "", "latitude": None, "longitude": None, "geo_precision": ""},
            True,
        ),  # one says no place
        ({"event_type": "statement"}, False),  # another type
        ({"start": "2024-06-01", "end": "2024-06-01"}, False),  # another time
        ({"countries": ["JPN"]}, False),  # nobody in common
        (
            {
                "location": "Manila",
                "latitude": 14.6,
                "longitude": 121.0,
                "geo_precision": "city",
                "countries": ["CHN", "PHL"],
            },
            False,
        ),  # another place
        ({"modality": "planned"}, False),  # planned drills are not the drills that happened
    ],
)
def test_across_sources(other, merged):
    got = merge_across_sources(
        table(row(), row(source="b.html", evidence="Chinese forces drilled.", **other))
    )
    assert (len(got) == 1) is merged
    if merged:
        e = got.iloc[0]
        assert e.n_sources == 2 and sorted(e.sources) == ["a.txt", "b.html"]
        assert "China began" in e.evidence and "Chinese forces drilled" in e.evidence


def test_across_sources_keeps_rows_of_one_source_apart():
    # two rows of one event file are two events to whoever made the file
    got = merge_across_sources(table(row(), row(evidence="Second row.")))
    assert len(got) == 2 and (got["n_sources"] == 1).all()


def test_merged_event_keeps_the_most_precise_date_and_place_and_all_countries():
    week = row(
        start="2024-05-20",
        end="2024-05-26",
        date_precision="week",
        location="",
        latitude=None,
        longitude=None,
        geo_precision="",
        countries=["CHN"],
        source="b.txt",
        evidence="b",
    )
    got = merge_across_sources(table(row(), week))
    e = got.iloc[0]
    assert (f"{e.start:%Y-%m-%d}", e.date_precision, e.location) == ("2024-05-23", "day", "Taiwan Strait")
    assert set(e.countries) == {"CHN", "TWN"} and e.confidence > 0.8


def test_within_an_article_identical_captions_become_one():
    caption = row(
        event_type="meeting",
        evidence="Photo shows Xi meeting Putin in Moscow, March 21, 2023.",
        actors=["Xi Jinping"],
        start="2023-03-21",
        end="2023-03-21",
    )
    out = merge_records([caption, dict(caption), dict(caption)])
    assert len(out) == 1 and out[0]["n_sources"] == 1


@pytest.mark.parametrize(
    "a, b, merged",
    [
        # one speaker, a week and a day in it: one statement
        (
            {"actors": ["John Kirby"], "start": "2023-08-28", "end": "2023-09-03", "date_precision": "week"},
            {"actors": ["John Kirby"], "start": "2023-08-30", "end": "2023-08-30"},
            True,
        ),
        # two speakers on one day, sharing a country they talked about: two statements
        (
            {"actors": ["Taiwan defence ministry"]},
            {"actors": ["State Department"], "countries": ["USA", "CHN"]},
            False,
        ),
    ],
)
def test_within_an_article_statements_need_the_same_speaker(a, b, merged):
    base = {
        "event_type": "statement",
        "location": "",
        "latitude": None,
        "longitude": None,
        "geo_precision": "",
    }
    ra = row(**{**base, "evidence": "first", **a})
    rb = row(**{**base, "evidence": "second", **b})
    assert (len(merge_records([ra, rb])) == 1) is merged


def test_merge_duplicates_returns_a_valid_table():
    got = merge_duplicates(table(row(), row(evidence="China held drills near Taiwan on Thursday.")))
    assert len(got) == 1
    assert validate(got).rejects.empty


def test_empty_tables_pass_through():
    assert merge_across_sources(table()).empty


@pytest.mark.parametrize(
    "a, b, merged",
    [
        # one speaker's statement reported by two outlets
        ({"actors": ["Lin Jian"]}, {"actors": ["Lin Jian"]}, True),
        # two speakers of one country on one day
        ({"actors": ["Lin Jian"]}, {"actors": ["Wang Yi"]}, False),
    ],
)
def test_across_sources_statements_need_their_speaker(a, b, merged):
    base = {
        "event_type": "statement",
        "countries": ["CHN"],
        "location": "",
        "latitude": None,
        "longitude": None,
        "geo_precision": "",
    }
    got = merge_across_sources(
        table(row(**{**base, **a}), row(source="b.txt", evidence="x", **{**base, **b}))
    )
    assert (len(got) == 1) is merged


def test_across_sources_a_months_long_span_does_not_swallow_a_day_in_it():
    long = row(start="2024-01-12", end="2024-05-23", source="b.txt", evidence="strikes since January")
    assert len(merge_across_sources(table(row(), long))) == 2


def test_across_sources_events_of_many_countries_share_two():
    a = row(countries=["USA", "KOR", "JPN"])
    b = row(countries=["USA", "PHL", "AUS"], source="b.txt", evidence="other drills")
    assert len(merge_across_sources(table(a, b))) == 2
