import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from events.countries import ALPHA3, CountryMention, country_name, find_countries, to_iso3

DATA = Path(__file__).parents[2] / "events" / "data"


@pytest.mark.parametrize(
    "value, expected",
    [
        # ISO names, official names, everyday names
        ("North Korea", "PRK"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("Democratic People’s Republic of Korea", "PRK"),
        ("Korea, Democratic People's Republic of", "PRK"),
        ("South Korea", "KOR"),
        ("Republic of Korea", "KOR"),
        ("Korea, Rep.", "KOR"),
        ("Russian Federation", "RUS"),
        ("Russia", "RUS"),
        ("United Kingdom", "GBR"),
        ("Britain", "GBR"),
        ("Great Britain", "GBR"),
        ("United States of America", "USA"),
        ("the United States", "USA"),
        ("Iran, Islamic Republic of", "IRN"),
        ("Iran", "IRN"),
        ("Syria", "SYR"),
        ("Viet Nam", "VNM"),
        ("Vietnam", "VNM"),
        ("Taiwan", "TWN"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("Ivory Coast", "CIV"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Burma", "MMR"),
        ("Czech Republic", "CZE"),
        ("Kosovo", "XKX"),
        ("Congo", "COD"),
        ("Republic of the Congo", "COG"),
        ("Democratic Republic of the Congo", "COD"),
        ("Palestine", "PSE"),
        ("  the Netherlands  ", "NLD"),
        ("NORTH KOREA", "PRK"),
        ("north korea", "PRK"),
        # as statistical tables and event files write them
        ("Korea, Dem. People's Rep.", "PRK"),
        ("Korea (Republic of)", "KOR"),
        ("Egypt, Arab Rep.", "EGY"),
        ("Gambia, The", "GMB"),
        ("Venezuela, RB", "VEN"),
        ("Hong Kong SAR, China", "HKG"),
        ("West Bank and Gaza", "PSE"),
        ("Virgin Islands (U.S.)", "VIR"),
        ("eSwatini", "SWZ"),
        ("Saint-Barthelemy", "BLM"),
        ("Republic of Congo", "COG"),
        ("Congo, Dem. Rep.", "COD"),
        # abbreviations
        ("U.S.", "USA"),
        ("US", "USA"),
        ("USA", "USA"),
        ("U.K.", "GBR"),
        ("UK", "GBR"),
        ("DPRK", "PRK"),
        ("ROK", "KOR"),
        ("PRC", "CHN"),
        ("UAE", "ARE"),
        ("KSA", "SAU"),
        # demonyms and adjectives
        ("North Korean", "PRK"),
        ("South Korean", "KOR"),
        ("Chinese", "CHN"),
        ("Russian", "RUS"),
        ("Ukrainian", "UKR"),
        ("Israeli", "ISR"),
        ("Filipino", "PHL"),
        ("Dutch", "NLD"),
        ("Nigerien", "NER"),
        ("Nigerian", "NGA"),
        # possessives
        ("Russia's", "RUS"),
        ("Russia’s", "RUS"),
        ("North Korea’s", "PRK"),
        ("United States'", "USA"),
        # capitals standing for governments
        ("Pyongyang", "PRK"),
        ("Moscow", "RUS"),
        ("Washington", "USA"),
        ("Seoul", "KOR"),
        ("Beijing", "CHN"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Tehran", "IRN"),
        ("Tokyo", "JPN"),
        ("Kremlin", "RUS"),
        # codes
        ("prk", "PRK"),
        ("KP", "PRK"),
        ("kr", "KOR"),
        ("XK", "XKX"),
        (408, "PRK"),
        ("408", "PRK"),
        ("8", "ALB"),
        ("008", "ALB"),
        (840, "USA"),
        (643.0, "RUS"),
        ("ROM", "ROU"),
        ("ZAR", "COD"),
    ],
)
def test_to_iso3_guesses_the_reading(value, expected):
    assert to_iso3(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "   ",
        "Korea",  # either Korea
        "Korean",
        "the North",
        "Atlantis",
        "Europe",
        "XX",
        "ZZZ",
        999,
        "1000",
        -4,
        float("nan"),
        408.5,
        True,
        "Washington Post",
        "²",  # a digit to str.isdigit, not to int()
        "٤٠٨",  # Arabic-Indic digits are no ISO numeric code
    ],
)
def test_to_iso3_unknown_gives_none(value):
    assert to_iso3(value) is None


@pytest.mark.parametrize(
    "value, scheme, expected",
    [
        ("KN", "fips", "PRK"),
        ("KS", "fips", "KOR"),
        ("RS", "fips", "RUS"),
        ("CH", "fips", "CHN"),
        ("UK", "fips", "GBR"),
        ("AS", "fips", "AUS"),
        ("GM", "fips", "DEU"),
        ("JA", "fips", "JPN"),
        ("UP", "fips", "UKR"),
        ("IZ", "fips", "IRQ"),
        ("SZ", "fips", "CHE"),
        ("EI", "fips", "IRL"),
        ("GZ", "fips", "PSE"),
        ("WE", "fips", "PSE"),
        ("KV", "fips", "XKX"),
        ("RI", "fips", "SRB"),
        ("rs", "fips", "RUS"),
        ("PG", "fips", None),  # Spratly Islands: no single country
        ("KP", "fips", None),
        ("CH", "alpha2", "CHE"),
        ("AS", "alpha2", "ASM"),
        ("UK", "alpha2", None),
        ("GB", "alpha2", "GBR"),
        ("PRK", "alpha3", "PRK"),
        ("ROM", "alpha3", None),
        ("XKX", "alpha3", "XKX"),
        ("408", "numeric", "PRK"),
        (4, "numeric", "AFG"),
        ("KP", "numeric", None),
        ("PRK", "cameo", "PRK"),
        ("RUS", "cameo", "RUS"),
        ("USA", "cameo", "USA"),
        ("UKR", "cameo", "UKR"),
        ("GBR", "cameo", "GBR"),
        ("ROM", "cameo", "ROU"),
        ("YUG", "cameo", "SRB"),
        ("ZAR", "cameo", "COD"),
        ("TMP", "cameo", "TLS"),
        ("SRB", "cameo", "SRB"),
        ("KSV", "cameo", "XKX"),
        ("XKX", "cameo", "XKX"),
        ("MEA", "cameo", None),  # Middle East region
        ("AFR", "cameo", None),
        ("North Korea", "name", "PRK"),
        ("U.S.", "name", "USA"),
        ("Russian", "name", None),  # a demonym is not a name
        ("Moscow", "name", None),  # nor is a capital
        (408, "name", None),
        (408, "fips", None),
    ],
)
def test_to_iso3_with_a_scheme_reads_only_that(value, scheme, expected):
    assert to_iso3(value, scheme=scheme) == expected


def test_unknown_scheme_says_which_are_allowed():
    with pytest.raises(ValueError, match="unknown country code scheme 'iso'.*fips.*cameo"):
        to_iso3("KN", scheme="iso")


def test_alpha3_is_iso_plus_kosovo():
    assert {"PRK", "KOR", "USA", "XKX"} <= ALPHA3
    assert len(ALPHA3) == 250
    assert all(len(code) == 3 and code.isupper() for code in ALPHA3)


def _fips_rows():
    with open(DATA / "fips10_4.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def test_fips_table_covers_every_country_gdelt_places():
    rows = _fips_rows()
    codes = [row["fips"] for row in rows]
    assert len(codes) == len(set(codes)), "a FIPS code is listed twice"
    assert all(len(code) == 2 and code.isupper() for code in codes)
    mapped = {row["iso3"] for row in rows if row["iso3"]}
    assert mapped <= ALPHA3
    # FIPS 10-4 has no code of its own for the Aland Islands (part of Finland) or the Caribbean Netherlands
    assert ALPHA3 - mapped == {"ALA", "BES"}


@pytest.mark.parametrize(
    "iso3, expected",
    [
        ("PRK", "North Korea"),
        ("KOR", "South Korea"),
        ("RUS", "Russia"),
        ("USA", "United States"),
        ("GBR", "United Kingdom"),
        ("IRN", "Iran"),
        ("SYR", "Syria"),
        ("TWN", "Taiwan"),
        ("VNM", "Vietnam"),
        ("COD", "DR Congo"),
        ("XKX", "Kosovo"),
        ("FRA", "France"),
        ("BOL", "Bolivia"),
        ("prk", "North Korea"),
        ("QQQ", "QQQ"),
    ],
)
def test_country_name_is_short_and_common(iso3, expected):
    assert country_name(iso3) == expected


def test_every_code_has_a_name_without_inversion():
    for code in ALPHA3 - {"BES"}:  # "Bonaire, Sint Eustatius and Saba" is a list, not an inversion
        name = country_name(code)
        assert name != code and ", " not in name, code


def _found(text):
    return [(m.text, m.iso3, m.kind) for m in find_countries(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "North Korean leader Kim Jong Un met Russia’s defense minister in Pyongyang.",
            [
                ("North Korean", "PRK", "demonym"),
                ("Russia’s", "RUS", "possessive"),
                ("Pyongyang", "PRK", "capital"),
            ],
        ),
        (
            "South Korea’s spy agency told lawmakers in Seoul that the U.S. was watching.",
            [("South Korea’s", "KOR", "possessive"), ("Seoul", "KOR", "capital"), ("U.S.", "USA", "abbr")],
        ),
        (
            "The U.S.-led coalition and the UK warned the DPRK and the PRC.",
            [("U.S.", "USA", "abbr"), ("UK", "GBR", "abbr"), ("DPRK", "PRK", "abbr"), ("PRC", "CHN", "abbr")],
        ),
        (
            "Sino-Russian drills worried Washington, D.C. and Tokyo.",
            [
                ("Sino", "CHN", "demonym"),
                ("Russian", "RUS", "demonym"),
                ("Washington, D.C.", "USA", "capital"),
                ("Tokyo", "JPN", "capital"),
            ],
        ),
        (
            "Kiev and Kyiv are the same city; Moscow's claims were rejected by Ukrainians.",
            [
                ("Kiev", "UKR", "capital"),
                ("Kyiv", "UKR", "capital"),
                ("Moscow's", "RUS", "possessive"),
                ("Ukrainians", "UKR", "demonym"),
            ],
        ),
        (
            "Papua New Guinea, Guinea-Bissau, Equatorial Guinea and Guinea sent envoys.",
            [
                ("Papua New Guinea", "PNG", "name"),
                ("Guinea-Bissau", "GNB", "name"),
                ("Equatorial Guinea", "GNQ", "name"),
                ("Guinea", "GIN", "name"),
            ],
        ),
        (
            "Nigeria and Niger; the Dominican Republic and Dominica; Côte d'Ivoire and Cote d’Ivoire.",
            [
                ("Nigeria", "NGA", "name"),
                ("Niger", "NER", "name"),
                ("Dominican Republic", "DOM", "name"),
                ("Dominica", "DMA", "name"),
                ("Côte d'Ivoire", "CIV", "name"),
                ("Cote d’Ivoire", "CIV", "name"),
            ],
        ),
        (
            "Americans and Chinese diplomats met Israelis.",
            [("Americans", "USA", "demonym"), ("Chinese", "CHN", "demonym"), ("Israelis", "ISR", "demonym")],
        ),
        ("the United States' allies", [("United States'", "USA", "possessive")]),
        (
            "The Democratic People’s Republic of Korea said",
            [("Democratic People’s Republic of Korea", "PRK", "name")],
        ),
        ("(Reuters) - Iran's foreign ministry", [("Iran's", "IRN", "possessive")]),
        (
            "MOSCOW (Reuters) - NORTH KOREA FIRES MISSILE",
            [("MOSCOW", "RUS", "capital"), ("NORTH KOREA", "PRK", "name")],
        ),
    ],
)
def test_find_countries_in_sentences(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Let us know; fine china plates and turkey for dinner.",  # case matters
        "Tensions in the North eased; the Korean War ended in an armistice.",  # either Korea
        "The Korean Central News Agency said the Korean Peninsula was calm.",
        "Ships sailed the Indian Ocean and the South China Sea.",
        "The Washington Post and the New York Times reported it; George Washington slept here.",
        "Officials in New Mexico and New Jersey met Latin American and Native American leaders.",
        "USB sticks and USAID-style programs.",
        "Chadwick Jordanson visited Indiana.",
    ],
)
def test_find_countries_ignores_what_names_no_country(text):
    assert _found(text) == []


def test_find_countries_offsets_point_into_the_text():
    text = "On Monday, Seoul and Beijing—along with Russia’s envoy—met “North Korea” officials.\n"
    mentions = find_countries(text)
    assert [m.iso3 for m in mentions] == ["KOR", "CHN", "RUS", "PRK"]
    for m in mentions:
        assert isinstance(m, CountryMention)
        assert text[m.start : m.end] == m.text


def test_find_countries_on_empty_and_odd_text():
    assert find_countries("") == []
    assert find_countries("\n\n  ") == []
    assert _found("Ukraine,Russia;Belarus") == [
        ("Ukraine", "UKR", "name"),
        ("Russia", "RUS", "name"),
        ("Belarus", "BLR", "name"),
    ]


def test_to_iso3_reads_what_find_countries_finds():
    text = "Sanctions by the EU, Japan, South Korea, Britain and Australia hit Iranian and Syrian banks."
    for m in find_countries(text):
        assert to_iso3(m.text) == m.iso3, m.text


def test_find_countries_rejects_what_is_not_text():
    with pytest.raises(TypeError, match="find_countries reads text"):
        find_countries(None)


_WORDS = [
    "North Korea",
    "Korean",
    "U.S.",
    "us",
    "Russia’s",
    "the",
    "Seoul",
    "china",
    "Sino-",
    "Guinea",
    "-",
    ", ",
    ". ",
    "’s",
    " ",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS) | st.text(max_size=5), max_size=25))
def test_find_countries_mentions_are_ordered_disjoint_and_exact(parts):
    text = " ".join(parts)
    mentions = find_countries(text)
    for m in mentions:
        assert text[m.start : m.end] == m.text and m.iso3 in ALPHA3
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))
