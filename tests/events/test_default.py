import datetime as dt

import pandas as pd

from events.default import DEFAULT_TIMELINE, default_timeline
from events.io import read_events


def day(s):
    return pd.Timestamp(s)


def find(events, words):
    hit = events[events["title"].str.contains(words, case=False, regex=False)]
    assert len(hit) == 1, f"expected one event titled with {words!r}, got {hit['title'].tolist()}"
    return hit.iloc[0]


def test_default_timeline_validates_with_no_rejects():
    events, rejects = read_events(DEFAULT_TIMELINE)
    assert len(rejects) == 0
    assert len(events) >= 12
    assert events["event_id"].is_unique


def test_the_curated_events_the_issue_names():
    e = default_timeline()
    summit = find(e, "First Kim-Putin summit")
    assert (summit.start, summit.event_type, summit.location) == (day("2019-04-25"), "meeting", "Vladivostok")
    shoigu = find(e, "Shoigu meets Kim")
    assert shoigu.start == day("2023-07-27") and set(shoigu.countries) == {"RUS", "PRK"}
    proposal = find(e, "proposes")
    assert proposal.modality == "proposed" and proposal.date_precision == "month"
    assert set(proposal.countries) == {"RUS", "PRK", "CHN"}
    drill = find(e, "Northern/Interaction-2023")
    assert drill.geo_precision == "sea" and (drill.start, drill.end.date()) == (
        day("2023-07-01"),
        dt.date(2023, 7, 31),
    )
    ufs = find(e, "Ulchi Freedom Shield")
    assert (ufs.start, ufs.end.date()) == (day("2023-08-21"), dt.date(2023, 8, 31))
    assert {"AUS", "CAN", "FRA", "GBR", "GRC", "ITA", "NZL", "PHL", "THA"} <= set(ufs.countries)
    assert find(e, "Kirby").start == day("2023-08-30")
    assert find(e, "Matsegora").start == day("2023-09-02")
    assert find(e, "Yoo Sang-bum").start == day("2023-09-04")
    visit = find(e, "plans to meet Putin")
    assert (
        visit.modality == "planned" and visit.start == day("2023-09-01") and visit.date_precision == "month"
    )
    ukraine = find(e, "war in Ukraine")
    assert ukraine.start.year == 2022 and ukraine.start.month == 2
    korea = find(e, "Korean War")
    assert (korea.start, korea.end.date()) == (day("1950-01-01"), dt.date(1953, 12, 31))


def test_every_event_has_provenance_and_named_places_have_coordinates():
    e = default_timeline()
    assert (e["source"] == "Stars and Stripes").all()
    assert (e["source_published"] == day("2023-09-04")).all()
    assert (e["evidence"].str.len() > 20).all()
    named = e[e["location"] != ""]
    assert len(named) >= 10
    assert named["latitude"].notna().all() and named["longitude"].notna().all()
    assert (named["geo_precision"] != "unknown").all()
