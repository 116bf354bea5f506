import datetime as dt

import pytest

from dashboard.filters import Filters
from dashboard.state import as_lists, from_params, selected_event, to_params

D = dt.date


@pytest.mark.parametrize(
    ("filters", "lanes"),
    [
        (Filters(), "country"),
        (Filters(countries=("PRK", "RUS"), types=("meeting", "proposal")), "type"),
        (Filters(start=D(2023, 7, 1), end=D(2023, 9, 30), modalities=("planned",)), "country"),
        (
            Filters(sources=("Stars and Stripes", "https://example.org/a?x=1&y=2"), text="naval drill"),
            "country",
        ),
    ],
)
def test_a_view_survives_the_url(filters, lanes):
    view = from_params(as_lists(to_params(filters, lanes=lanes)))
    assert (view.filters, view.lanes, view.problems) == (filters, lanes, ())


def test_default_view_has_a_bare_url():
    assert to_params(Filters()) == {}


@pytest.mark.parametrize(
    ("params", "filters", "problem"),
    [
        (
            {"type": ["meeting", "picnic"]},
            Filters(types=("meeting",)),
            "'type=picnic' in the link is not one of",
        ),
        ({"from": ["2023-13-01"]}, Filters(), "'from=2023-13-01' in the link is not a date"),
        ({"from": ["2023-09-01"], "to": ["2023-08-01"]}, Filters(), "'to' date is before its 'from' date"),
        ({"modality": ["rumoured"]}, Filters(), "'modality=rumoured'"),
        ({"lanes": ["actor"]}, Filters(), "'lanes=actor'"),
    ],
)
def test_bad_links_are_read_as_far_as_possible(params, filters, problem):
    view = from_params(params)
    assert view.filters == filters
    assert any(problem in p for p in view.problems), view.problems


def test_links_typed_by_hand():
    view = from_params({"country": ["prk", " RUS ", "PRK", ""], "q": "drill", "event": "abc"})
    assert view.filters.countries == ("PRK", "RUS")
    assert view.filters.text == "drill"
    assert selected_event({"event": "abc"}) == "abc"


def test_fingerprint_follows_the_content(sample):
    from dashboard.state import fingerprint

    same = sample.copy()
    assert fingerprint(same) == fingerprint(sample)
    retitled = sample.copy()
    retitled.loc[0, "title"] = "Another title"
    moved = sample.copy()
    moved.at[1, "countries"] = ["CHN"]
    prints = {fingerprint(sample), fingerprint(retitled), fingerprint(moved), fingerprint(sample.iloc[:3])}
    assert len(prints) == 4
