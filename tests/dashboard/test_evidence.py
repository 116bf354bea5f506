import pandas as pd
import pytest

from dashboard.evidence import details, details_html, highlight, markdown_safe, safe_url
from tests.dashboard.conftest import make_events


@pytest.mark.parametrize(
    ("evidence", "date_text", "html"),
    [
        ("The talks ended on Thursday.", "on Thursday", "The talks ended <mark>on Thursday</mark>."),
        (
            "In July the navies drilled for four days.",
            "in July; four-day",
            "<mark>In July</mark> the navies drilled for four days.",
        ),
        (
            "An 11-day drill began on Monday.",
            "11-day; on Monday",
            "An <mark>11-day</mark> drill began <mark>on Monday</mark>.",
        ),
        ("Nothing dated here.", "", "Nothing dated here."),
        ("Nothing dated here.", "last week", "Nothing dated here."),
        # overlapping expressions: the longer wins, nothing is marked twice
        (
            "Since July 2023, talks continued.",
            "July; July 2023",
            "Since <mark>July 2023</mark>, talks continued.",
        ),
        (
            'He said <script>alert("x")</script> on May 1.',
            "on May 1",
            "He said &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>on May 1</mark>.",
        ),
        ("Talks <on Friday>", "<on Friday>", "Talks <mark>&lt;on Friday&gt;</mark>"),
    ],
)
def test_highlight(evidence, date_text, html):
    assert highlight(evidence, date_text) == html


@pytest.mark.parametrize(
    ("source", "url"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("http://news.example.com/story", "http://news.example.com/story"),
        ("javascript:alert(1)", None),
        ("JavaScript://example.org/%0Aalert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("wire-1", None),
        ("article.txt", None),
        ("https://exa mple.org", None),
        ("", None),
    ],
)
def test_safe_url(source, url):
    assert safe_url(source) == url


def test_details_list_what_an_analyst_checks(sample):
    event = sample.set_index("event_id").loc["a"].to_dict()
    got = dict(details(event))
    assert got["Type"] == "Meeting"
    assert got["Dates"] == "2024-03-05 (precision: day)"
    assert got["Date as written"] == "on Tuesday"
    assert got["Countries"] == "China, Russia"
    assert got["Place"] == "Beijing"


def test_details_html_links_only_web_sources(sample):
    rows = sample.set_index("event_id")
    assert "<a href='https://example.org/sanctions'" in details_html(
        rows.loc["d"].to_dict() | {"event_id": "d"}
    )
    assert "<a " not in details_html(rows.loc["a"].to_dict())


@pytest.mark.parametrize(
    "title",
    ["<img src=x onerror=alert(1)>", '<a href="javascript:alert(1)">click</a>', "</dd><script>x()</script>"],
)
def test_details_html_escapes_every_input_text(title):
    event = (
        make_events(
            {
                "title": title,
                "description": title,
                "evidence": f"{title} on Friday",
                "date_text": "on Friday",
                "location": title,
                "actors": title,
                "source": "javascript:alert(1)",
                "start": "2024-01-05",
            }
        )
        .iloc[0]
        .to_dict()
    )
    page = details_html(event)
    assert (
        "<img" not in page
        and "<script" not in page
        and "<a " not in page
        and 'javascript:alert(1)"' not in page
    )
    assert page.count("&lt;") >= 4
    assert "<mark>on Friday</mark>" in page


def test_markdown_safe_shows_text_as_written():
    assert markdown_safe("a *b* [c](javascript:x) <i>") == r"a \*b\* \[c\]\(javascript\:x\) \<i\>"
    assert markdown_safe(pd.NA) == ""
