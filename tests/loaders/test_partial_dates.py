"""Dates typed by hand, read at the precision they were written at."""

import pandas as pd
import pytest

from loaders.partial_dates import Span, column_dayfirst, parse_date, parse_date_column


@pytest.mark.parametrize(
    "text, span",
    [
        ("27/07/2023", Span("2023-07-27", "", "day")),
        ("27.07.2023", Span("2023-07-27", "", "day")),
        ("2023-07-27", Span("2023-07-27", "", "day")),
        ("2023/07/27", Span("2023-07-27", "", "day")),
        ("27 July 2023", Span("2023-07-27", "", "day")),
        ("July 27, 2023", Span("2023-07-27", "", "day")),
        ("27th Jul. 2023", Span("2023-07-27", "", "day")),
        ("27-Jul-2023", Span("2023-07-27", "", "day")),
        ("27/July/2023", Span("2023-07-27", "", "day")),
        ("Jul-2023", Span("2023-07", "", "month")),
        ("27-07-2023", Span("2023-07-27", "", "day")),  # ACLED's dd-mm-yyyy
        ("July 2023", Span("2023-07", "", "month")),
        ("Sept 2023", Span("2023-09", "", "month")),
        ("2023-07", Span("2023-07", "", "month")),
        ("2023", Span("2023", "", "year")),
        ("c. 1950", Span("1950", "", "year")),
        ("circa 1950", Span("1950", "", "year")),
        ("1950?", Span("1950", "", "year")),
        ("1950-1953", Span("1950", "1953", "year")),
        ("1950 – 53", Span("1950", "1953", "year")),
        ("1950s", Span("1950", "", "decade")),
        ("Q3 2023", Span("2023-07-01", "", "quarter")),
        ("27-28 July 2023", Span("2023-07-27", "2023-07-28", "day")),
        ("2023-07-27T14:00Z", Span("2023-07-27T14:00:00", "", "time")),
        ("2023-07-27T16:00+02:00", Span("2023-07-27T14:00:00", "", "time")),
        ("2023-07-27 14:30", Span("2023-07-27T14:30:00", "", "time")),
        ("1200", Span("1200", "", "year")),
        ("3000", Span("3000", "", "year")),
        ("", Span("", "", "")),
        ("next Thursday", Span("next Thursday", "", "")),  # never guessed against today's date
        ("31/02/2023", Span("31/02/2023", "", "")),
        ("1953-1950", Span("1953-1950", "", "")),
    ],
)
def test_parse_date(text, span):
    assert parse_date(text, dayfirst=True) == span


@pytest.mark.parametrize(
    "values, setting, dayfirst",
    [
        (["27/07/2023", "03/04/2023"], None, True),  # 27 can only be a day
        (["07/27/2023", "03/04/2023"], None, False),  # 27 can only be a day, in second place
        (["03/04/2023", "05/06/2023"], None, True),  # undecided: day-first
        (["07/27/2023", "03/04/2023"], True, True),  # the setting wins
    ],
)
def test_dayfirst_is_decided_per_column(values, setting, dayfirst):
    assert column_dayfirst(pd.Series(values), setting) is dayfirst


def test_month_first_column_reads_ambiguous_values_month_first():
    got = parse_date_column(pd.Series(["07/27/2023", "03/04/2023"]))
    assert got["start"].tolist() == ["2023-07-27", "2023-03-04"]
    got = parse_date_column(pd.Series(["27/07/2023", "03/04/2023"]))
    assert got["start"].tolist() == ["2023-07-27", "2023-04-03"]


def test_column_keeps_the_text_it_read():
    got = parse_date_column(pd.Series(["c. 1950", None, "July 2023"]))
    assert got["date_text"].tolist() == ["c. 1950", "", "July 2023"]
    assert got["date_precision"].fillna("").tolist() == ["year", "", "month"]
