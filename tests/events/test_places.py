import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from events.countries import ALPHA3, country_name
from events.places import GEO_PRECISIONS, Place, PlaceMention, distance_km, find_places, lookup

DATA = Path(__file__).parents[2] / "events" / "data"


@pytest.mark.parametrize(
    "name, countries, expected_name, country, precision",
    [
        # cities, with their other spellings
        ("Pyongyang", (), "Pyongyang", "PRK", "city"),
        ("Seoul", (), "Seoul", "KOR", "city"),
        ("Vladivostok", (), "Vladivostok", "RUS", "city"),
        ("Busan", (), "Busan", "KOR", "city"),
        ("Pusan", (), "Busan", "KOR", "city"),
        ("Kiev", (), "Kyiv", "UKR", "city"),
        ("Peking", (), "Beijing", "CHN", "city"),
        ("Rangoon", (), "Yangon", "MMR", "city"),
        ("Wonsan", (), "Wŏnsan", "PRK", "city"),
        ("Kharkiv", (), "Kharkiv", "UKR", "city"),
        ("Tel Aviv", (), "Tel Aviv", "ISR", "city"),
        ("SEOUL", (), "Seoul", "KOR", "city"),
        ("  seoul. ", (), "Seoul", "KOR", "city"),
        ("São Paulo", (), "São Paulo", "BRA", "city"),
        ("Sao Paulo", (), "São Paulo", "BRA", "city"),
        # ambiguous names, with and without the countries already mentioned
        ("Washington", (), "Washington", "USA", "city"),
        ("Washington", ("USA",), "Washington", "USA", "city"),
        ("Washington, D.C.", (), "Washington", "USA", "city"),
        ("Paris", (), "Paris", "FRA", "city"),
        ("Paris", ("USA",), "Paris", "FRA", "city"),  # Paris, Texas is far too small to win
        ("Tripoli", (), "Tripoli", "LBY", "city"),
        ("Tripoli", ("LBN",), "Tripoli", "LBN", "city"),
        ("Birmingham", (), "Birmingham", "GBR", "city"),
        ("Birmingham", ("USA",), "Birmingham", "USA", "city"),
        ("Birmingham, Alabama", (), "Birmingham", "GBR", "city"),  # a state is no country hint
        ("Georgia", (), "Georgia", "GEO", "country"),
        ("Georgia", ("USA",), "Georgia (U.S. state)", "USA", "region"),
        ("Georgia", ("USA", "GEO"), "Georgia", "GEO", "country"),
        ("Moscow", ("USA",), "Moscow", "RUS", "city"),
        # countries
        ("South Korea", (), "South Korea", "KOR", "country"),
        ("the Republic of Korea", (), "South Korea", "KOR", "country"),
        ("U.S.", (), "United States", "USA", "country"),
        ("Russian Federation", (), "Russia", "RUS", "country"),
        ("Jordan", ("USA",), "Jordan", "JOR", "country"),
        ("Singapore", (), "Singapore", "SGP", "country"),
        # seas, straits, regions, islands
        ("Sea of Japan", (), "Sea of Japan", None, "sea"),
        ("the East Sea", (), "Sea of Japan", None, "sea"),
        ("Yellow Sea", (), "Yellow Sea", None, "sea"),
        ("West Sea", (), "Yellow Sea", None, "sea"),
        ("Taiwan Strait", (), "Taiwan Strait", None, "sea"),
        ("Strait of Hormuz", (), "Strait of Hormuz", None, "sea"),
        ("Bab al-Mandab", (), "Bab el-Mandeb", None, "sea"),
        ("Arabian Gulf", (), "Persian Gulf", None, "sea"),
        ("Mediterranean", (), "Mediterranean Sea", None, "sea"),
        ("Korean Peninsula", (), "Korean Peninsula", None, "region"),
        ("DMZ", (), "Demilitarized Zone", None, "region"),
        ("Far East", (), "Russian Far East", "RUS", "region"),
        ("Crimea", (), "Crimea", "UKR", "region"),
        ("Donbass", (), "Donbas", "UKR", "region"),
        ("Gaza Strip", (), "Gaza Strip", "PSE", "region"),
        ("Senkakus", (), "Senkaku Islands", None, "region"),
        ("Jeju", (), "Jeju Island", "KOR", "region"),
        ("Okinawa", (), "Okinawa", "JPN", "region"),
        ("Tongchang-ri", (), "Sohae Satellite Launching Station", "PRK", "point"),
        ("Yongbyon", (), "Yongbyon Nuclear Scientific Research Center", "PRK", "point"),
        ("Hodeidah", (), "Hodeidah", "YEM", "city"),
    ],
)
def test_lookup(name, countries, expected_name, country, precision):
    place = lookup(name, countries=countries)
    assert place is not None
    assert (place.name, place.country, place.geo_precision) == (expected_name, country, precision)


@pytest.mark.parametrize(
    "name, latitude, longitude",
    [
        ("Washington", 38.9, -77.04),
        ("Vladivostok", 43.1, 131.9),
        ("Pyongyang", 39.03, 125.75),
        ("Seoul", 37.57, 126.98),
        ("Strait of Hormuz", 26.6, 56.3),
        ("North Korea", 40.0, 127.0),
    ],
)
def test_lookup_coordinates(name, latitude, longitude):
    place = lookup(name)
    assert place.latitude == pytest.approx(latitude, abs=0.1)
    assert place.longitude == pytest.approx(longitude, abs=0.1)


@pytest.mark.parametrize("name", ["", "   ", "Middle-earth", "Xyzzyville", "the", "North", None, 42])
def test_lookup_unknown_gives_none(name):
    assert lookup(name) is None


@pytest.mark.parametrize(
    "a, b, km",
    [
        ("Vladivostok", "Pyongyang", 680),
        ("Seoul", "Pyongyang", 195),
        ("Paris", "London", 344),
        ("Washington", "Moscow", 7820),
        ("Seoul", "Seoul", 0),
    ],
)
def test_distance_km(a, b, km):
    assert distance_km(lookup(a), lookup(b)) == pytest.approx(km, abs=max(10, km * 0.02))


def test_distance_is_symmetric_and_bounded():
    north_pole, south_pole = Place("N", 90, 0, "point", None), Place("S", -90, 0, "point", None)
    assert distance_km(north_pole, south_pole) == pytest.approx(20015, abs=5)
    a, b = lookup("Tokyo"), lookup("Guam")
    assert distance_km(a, b) == pytest.approx(distance_km(b, a))


def _found(text, countries=()):
    return [(m.text, m.place.name) for m in find_places(text, countries=countries)]


@pytest.mark.parametrize(
    "text, countries, expected",
    [
        (
            "North Korea fired two missiles into the East Sea from near Wonsan, Seoul said.",
            ("PRK", "KOR"),
            [
                ("North Korea", "North Korea"),
                ("East Sea", "Sea of Japan"),
                ("Wonsan", "Wŏnsan"),
                ("Seoul", "Seoul"),
            ],
        ),
        (
            "Putin and Kim held their summit in Vladivostok on April 25.",
            ("RUS",),
            [("Vladivostok", "Vladivostok")],
        ),
        (
            "Tankers crossed the Strait of Hormuz and the Bab el-Mandeb toward the Red Sea.",
            (),
            [
                ("Strait of Hormuz", "Strait of Hormuz"),
                ("Bab el-Mandeb", "Bab el-Mandeb"),
                ("Red Sea", "Red Sea"),
            ],
        ),
        (
            "Officials in Washington, D.C. and Moscow argued over Crimea and the Donbas.",
            ("USA", "RUS"),
            [
                ("Washington, D.C.", "Washington"),
                ("Moscow", "Moscow"),
                ("Crimea", "Crimea"),
                ("Donbas", "Donbas"),
            ],
        ),
        (
            "Drills in the Taiwan Strait and the South China Sea alarmed the Philippines.",
            (),
            [
                ("Taiwan Strait", "Taiwan Strait"),
                ("South China Sea", "South China Sea"),
                ("Philippines", "Philippines"),
            ],
        ),
        (
            "The U.S. and Japan held talks in Tokyo.",
            (),
            [("U.S.", "United States"), ("Japan", "Japan"), ("Tokyo", "Tokyo")],
        ),
        # part of a longer name: a newspaper, a person, a university
        ("The Washington Post said Defense Secretary Austin spoke.", ("USA",), []),
        ("Seoul National University and the New York Times Company", (), []),
        ("Paris Hilton met Defense Secretary Lloyd Austin.", ("USA",), []),
        # next to another place, a capitalised word does not make a longer name
        (
            "The Russia Ukraine war and talks in Seoul Tokyo",
            (),
            [("Russia", "Russia"), ("Ukraine", "Ukraine"), ("Seoul", "Seoul"), ("Tokyo", "Tokyo")],
        ),
        # common words and months: only after a locative word
        ("Split decisions in March were made at the summit.", (), []),
        ("Ministers met in Split in March.", (), [("Split", "Split")]),
        ("Reading the report, he stayed in Reading.", (), [("Reading", "Reading")]),
        ("Nice weather in Nice.", (), [("Nice", "Nice")]),
        # a small town named like a person is not read alone
        ("The proposal was put to Kim by Kim Jong Un's envoy.", (), []),
        # a place name followed by a designator word stays a place
        ("A carrier entered Tokyo Bay.", (), [("Tokyo", "Tokyo")]),
        (
            "The Russia-Ukraine war spread to Kharkiv.",
            (),
            [("Russia", "Russia"), ("Ukraine", "Ukraine"), ("Kharkiv", "Kharkiv")],
        ),
        ("", (), []),
        ("lowercase seoul and pyongyang are not names", (), []),
    ],
)
def test_find_places_in_sentences(text, countries, expected):
    assert _found(text, countries) == expected


def test_find_places_context_picks_the_local_candidate():
    text = "Clashes near Tripoli left three dead."
    assert [m.place.country for m in find_places(text)] == ["LBY"]
    assert [m.place.country for m in find_places(text, countries=["LBN"])] == ["LBN"]


def test_find_places_offsets_point_into_the_text():
    text = "SEOUL, South Korea — Missiles flew over Hokkaido toward the Pacific.\n"
    mentions = find_places(text)
    assert [m.place.name for m in mentions] == ["Seoul", "South Korea", "Hokkaido", "Pacific Ocean"]
    for m in mentions:
        assert isinstance(m, PlaceMention)
        assert text[m.start : m.end] == m.text


def _rows(name):
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def test_extra_places_table_is_well_formed():
    rows = _rows("places_extra.csv")
    assert len(rows) >= 60
    names = [row["name"] for row in rows]
    assert len(names) == len(set(names))
    for row in rows:
        assert row["geo_precision"] in GEO_PRECISIONS, row
        assert row["country"] == "" or row["country"] in ALPHA3, row
        assert -90 <= float(row["latitude"]) <= 90 and -180 <= float(row["longitude"]) <= 180, row
        assert lookup(row["name"]) is not None, row


def test_every_country_has_a_centroid():
    rows = _rows("country_centroids.csv")
    codes = [row["iso3"] for row in rows]
    assert len(codes) == len(set(codes))
    assert set(codes) == ALPHA3
    for row in rows:
        assert -90 <= float(row["latitude"]) <= 90 and -180 <= float(row["longitude"]) <= 180, row


@pytest.mark.parametrize(
    "iso3, inside",
    [
        ("PRK", "Pyongyang"),
        ("KOR", "Seoul"),
        ("RUS", "Moscow"),
        ("USA", "Washington"),
        ("FRA", "Paris"),
        ("JPN", "Tokyo"),
    ],
)
def test_country_centroids_are_near_the_country(iso3, inside):
    # a centroid within a country's span of its capital: catches swapped or mistyped coordinates
    country = lookup(country_name(iso3))
    assert (country.geo_precision, country.country) == ("country", iso3)
    assert distance_km(country, lookup(inside)) < {"RUS": 4000, "USA": 2000}.get(iso3, 600)


def test_find_places_rejects_what_is_not_text():
    with pytest.raises(TypeError, match="find_places reads text"):
        find_places(b"Seoul")


_WORDS = [
    "Sea of Japan",
    "Seoul",
    "in",
    "Split",
    "March",
    "Washington",
    "Post",
    "D.C.",
    "New",
    "York",
    "the",
    ", ",
    ". ",
    " ",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS) | st.text(max_size=5), max_size=25))
def test_find_places_mentions_are_ordered_disjoint_and_exact(parts):
    text = " ".join(parts)
    mentions = find_places(text, countries=["USA"])
    for m in mentions:
        assert text[m.start : m.end] == m.text and m.place.geo_precision in GEO_PRECISIONS
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))
