"""periods(): ranges as one Timex, durations anchored by dates."""

import datetime as dt

import pytest

from loaders.timex import periods

SEED = dt.date(2023, 9, 4)


def one_period(text: str, published=SEED):
    found = periods(text, published)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    t = found[0]
    assert text[t.start : t.end] == t.text
    return t


@pytest.mark.parametrize(
    ("text", "span", "first", "last"),
    [
        (
            "Drills are held Sept. 1 through Sept. 7 near Guam.",
            "Sept. 1 through Sept. 7",
            "2023-09-01",
            "2023-09-07",
        ),
        (
            "The drills ran from June 27 to Aug. 1 off Okinawa.",
            "from June 27 to Aug. 1",
            "2023-06-27",
            "2023-08-01",
        ),
        ("The talks took place between May and June.", "between May and June", "2023-05-01", "2023-06-30"),
        ("Veterans of the 1950-53 Korean War gathered.", "1950-53", "1950-01-01", "1953-12-31"),
        ("He led the mission from 2019 to 2021.", "from 2019 to 2021", "2019-01-01", "2021-12-31"),
        ("Drills ran Sept. 1-7 near Guam.", "Sept. 1-7", "2023-09-01", "2023-09-07"),
        ("Drills ran from Aug. 21 to 31 near Guam.", "from Aug. 21 to 31", "2023-08-21", "2023-08-31"),
        ("The fair runs Monday to Wednesday in Seoul.", "Monday to Wednesday", "2023-09-04", "2023-09-06"),
        (
            "Prices rose between 2019 and 2021, the bank said.",
            "between 2019 and 2021",
            "2019-01-01",
            "2021-12-31",
        ),
        ("The fair runs Dec. 28 to Jan. 3 in Seoul.", "Dec. 28 to Jan. 3", "2023-12-28", "2024-01-03"),
        ("The blockade lasted from 1948 until 1949.", "from 1948 until 1949", "1948-01-01", "1949-12-31"),
    ],
)
def test_ranges_are_one_timex(text, span, first, last):
    t = one_period(text)
    assert (t.text, t.first.isoformat(), t.last.isoformat()) == (span, first, last)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("South Korea and the U.S. held an 11-day exercise that ended Thursday.", "2023-08-21", "2023-08-31"),
        ("Chinese and Russian ships held a four-day exercise in July.", "2023-07-01", "2023-07-31"),
        ("The exercise began on Aug. 21 and lasted 11 days.", "2023-08-21", "2023-08-31"),
        ("A two-week drill wrapped up on Friday, Sept. 1.", "2023-08-19", "2023-09-01"),
        ("The three-day summit opened Monday in Jakarta.", "2023-09-04", "2023-09-06"),
        ("Putin seeks shells for his nearly 19-month-long war in Ukraine.", "2022-02-05", "2023-09-04"),
    ],
)
def test_durations_anchored_by_a_date(text, first, last):
    t = one_period(text)
    assert (t.first.isoformat(), t.last.isoformat()) == (first, last)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The reactor will be rebuilt in four years.", "2027"),
        ("Talks resume in two weeks.", "2023-W38"),
        ("The envoy returns in 10 days.", "2023-09-14"),
        ("Elections are due in six months.", "2024-03"),
    ],
)
def test_in_n_units_is_that_far_after_publication(text, value):
    assert one_period(text).value == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Talks were suspended on Oct. 9 and resumed three days later.", "three days", "2024-10-12"),
        ("The rebels attacked on Oct. 3. Two weeks later, troops arrived.", "Two weeks", "2024-W42"),
        ("The ceasefire began on Sept. 30; a day later it collapsed.", "a day", "2024-10-01"),
    ],
)
def test_offsets_from_the_date_before(text, span, value):
    found = [(t.text, t.value) for t in periods(text, dt.date(2024, 10, 14))]
    assert (span, value) in found


def test_seed_exercise_anchored_across_sentences():
    text = (
        "The U.S. and South Korea on Thursday wrapped up Ulchi Freedom Shield, a large-scale joint exercise. "
        "The 11-day exercise included U.N. Command nations."
    )
    found = periods(text, SEED)
    exercise = next(t for t in found if t.text == "11-day")
    assert (exercise.first, exercise.last) == (dt.date(2023, 8, 21), dt.date(2023, 8, 31))
    assert any(t.text == "Thursday" and t.value == "2023-08-31" for t in found)


@pytest.mark.parametrize(
    "text",
    [
        "The talks lasted three hours.",
        "Patrols are carried out daily.",
        "The war has lasted for years.",
    ],
)
def test_durations_and_sets_alone_are_not_periods(text):
    assert periods(text, SEED) == []


def test_single_dates_pass_through():
    t = one_period("Kim met Putin on Wednesday.")
    assert (t.value, t.first, t.precision) == ("2023-08-30", dt.date(2023, 8, 30), "day")


def test_anchor_is_looked_for_nearby_only_in_unpunctuated_text():
    # no sentence end anywhere: the Thursday hundreds of characters back does not anchor the drill
    filler = " and the crowd waited in the square while the band played" * 10
    text = "the vote ended Thursday" + filler + " then an 11-day drill was held"
    assert [(t.text, t.value) for t in periods(text, SEED)] == [("Thursday", "2023-08-31")]


PUB_WED = dt.date(2024, 5, 22)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officials said on Monday, a step toward ending a four-year standoff.",
            [("Monday", "2024-05-20")],
        ),
        (
            "The rebels said on Monday, ending the decade-long war, that they would disarm.",
            [("Monday", "2024-05-20")],
        ),
        (
            "Envoys met on Tuesday; both sides hope the talks end a two-year dispute.",
            [("Tuesday", "2024-05-21")],
        ),
        # the end cue in the date's own clause still anchors the span
        (
            "The two sides on Monday ended a four-year standoff.",
            [("Monday ended a four-year", "2020-05-21/2024-05-20")],
        ),
    ],
)
def test_end_cue_in_another_clause_does_not_anchor(text, expected):
    assert [(t.text, t.value) for t in periods(text, PUB_WED)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The navy staged the largest exercises in five years.", []),
        ("It was the first such visit by a foreign minister in six years.", []),
        ("Inflation hit its highest level in 10 years in April.", [("April", "2024-04")]),
        (
            "Turnout was the lowest in three decades, the commission said on Tuesday.",
            [("Tuesday", "2024-05-21")],
        ),
        # no superlative of its own phrase: still that far after publication
        ("Talks will resume in two years.", [("two years", "2026")]),
        ("The first plant will open in two years.", [("two years", "2026")]),
        ("Investors expect the interest rate to fall in two years.", [("two years", "2026")]),
        ("The largest bank opens a branch in two years.", [("two years", "2026")]),
    ],
)
def test_in_n_years_after_a_superlative_looks_back(text, expected):
    assert [(t.text, t.value) for t in periods(text, PUB_WED)] == expected


PUB_MON = dt.date(2024, 5, 20)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The ministry said on Thursday it would pause shipments.", "2024-05-16"),
        ("The ministry said Thursday that it would pause shipments.", "2024-05-16"),
        ("The minister told reporters on Friday that talks will resume.", "2024-05-17"),
        ("Officials said late on Wednesday the vote would be held.", "2024-05-15"),
        # the date belongs to the reported clause: its own verb decides
        ("The ministry said the talks will resume on Thursday.", "2024-05-23"),
        ("The ministry said shipments would resume on Thursday.", "2024-05-23"),
    ],
)
def test_date_after_a_reporting_verb_is_the_day_of_saying(text, value):
    assert [t.value for t in periods(text, PUB_MON)] == [value]
