"""tag() and periods() on arbitrary text: never an exception, offsets always true to the text."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.timex import periods, tag

WORDS = (
    "the a last next this early late mid- in on since until through to and between from ago later earlier "
    "Monday Friday's Sunday night morning January May March Sept. Dec. Feb 29 30 31 1 7 24 2023 1999 1950-53 "
    "'90s 1990s 19th century year years week weekend month quarter third-quarter fiscal 11-day four-day "
    "19-month-long two twenty-four several a few nearly more than now today yesterday tomorrow tonight "
    "every each daily 9 a.m. p.m. noon EST , . ; \n \r\n — “ ” ' 2/30/2023 13/45/2020 2023-02-30 Q5 H3"
).split(" ")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
    st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))),
)
def test_never_fails_and_offsets_hold(text, published):
    previous_end = 0
    for t in tag(text, published):
        assert text[t.start : t.end] == t.text and t.start >= previous_end
        assert t.type in ("DATE", "TIME", "DURATION", "SET") and t.value
        if t.first and t.last:
            assert t.first <= t.last
        previous_end = t.end
    for t in periods(text, published):
        assert text[t.start : t.end] == t.text
        if t.first and t.last:
            assert t.first <= t.last


@pytest.mark.parametrize("published", [dt.date(1, 1, 1), dt.date(9999, 12, 31)])
@pytest.mark.parametrize(
    "text",
    ["The talks ended last year.", "They meet tomorrow.", "It fell last week.", "Two years ago it rained.",
     "Elections come in four years.", "The fair runs Dec. 30 to Jan. 2.", "An 11-day drill ended Thursday.",
     "Kim will visit next Monday.", "Sales fell last month."],
)  # fmt: skip
def test_dates_beyond_the_calendar_are_left_out(text, published):
    for t in tag(text, published) + periods(text, published):
        assert text[t.start : t.end] == t.text
