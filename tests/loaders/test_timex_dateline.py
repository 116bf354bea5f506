"""find_publication_date(): datelines and bylines at the top of an article, nothing else."""

import datetime as dt

import pytest

from loaders.timex import find_publication_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia proposes naval drill\nOct 14, 2024\nSEOUL, South Korea — Russia's minister...",
            dt.date(2024, 10, 14),
        ),
        (
            "By David Choi\nPublished: September 4, 2023\n\nSEOUL — The defence minister said...",
            dt.date(2023, 9, 4),
        ),
        ("Updated 2024-03-05 10:12 GMT\nThe talks collapsed on Monday.", dt.date(2024, 3, 5)),
        ("SEOUL, South Korea, Sept. 4, 2023 (AP) — North Korea fired a missile.", dt.date(2023, 9, 4)),
        ("Posted on 12 January 2022 by the desk\nTroops moved north.", dt.date(2022, 1, 12)),
        ("Monday, September 4, 2023\nKim to visit Russia", dt.date(2023, 9, 4)),
        (
            "Updated 3:45 PM EDT, Tue September 5, 2023\nSEOUL, South Korea (CNN) \u2014 Kim...",
            dt.date(2023, 9, 5),
        ),
    ],
)
def test_finds_the_publication_date(text, expected):
    assert find_publication_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "This photo shows Shoigu meeting Kim Jong Un in Pyongyang, July 27, 2023.\n\nSEOUL, South Korea — Russia...",
        "SEOUL, South Korea — Kim and Putin held their first summit on April 25, 2019.",
        "",
        "No dates at all in this story.",
        "x" * 5000 + "\nOct 14, 2024\n",
    ],
)
def test_ignores_dates_that_are_not_publication_marks(text):
    assert find_publication_date(text) is None
