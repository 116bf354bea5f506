"""Country names and codes: what news text and data files say, read as ISO 3166-1 alpha-3.

pycountry gives the ISO names, codes and numbers; ``data/country_terms.csv`` adds what it lacks
(everyday names, abbreviations, demonyms, capitals standing for their governments) and
``data/fips10_4.csv`` the FIPS 10-4 codes GDELT uses for its geography.

>>> to_iso3("North Korea's")
'PRK'
>>> to_iso3("KN", scheme="fips")
'PRK'
>>> [(m.text, m.iso3, m.kind) for m in find_countries("Seoul and the U.S. condemned Pyongyang’s launch.")]
[('Seoul', 'KOR', 'capital'), ('U.S.', 'USA', 'abbr'), ('Pyongyang’s', 'PRK', 'possessive')]
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycountry

__all__ = ["ALPHA3", "SCHEMES", "CountryMention", "country_name", "find_countries", "to_iso3"]

_DATA = Path(__file__).with_name("data")

# Kosovo has no ISO code; XKX is the user-assigned code the EU, IMF, GeoNames and ACLED use.
ALPHA3: frozenset[str] = frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}

SCHEMES = ("alpha2", "alpha3", "numeric", "fips", "cameo", "name")

# CAMEO (GDELT actor country codes) is ISO alpha-3 except for these older codes; its region codes
# (AFR, MEA, WST ...) name no single country and give None.
_CAMEO_ONLY = {"ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "YUG": "SRB", "KSV": "XKX", "KOS": "XKX"}

# Short common names for the interface where pycountry's are formal or inverted ("Korea, Republic of").
_SHORT_NAMES = {
    "BOL": "Bolivia",
    "BRN": "Brunei",
    "COD": "DR Congo",
    "COG": "Republic of the Congo",
    "CZE": "Czechia",
    "FLK": "Falkland Islands",
    "FSM": "Micronesia",
    "GBR": "United Kingdom",
    "IRN": "Iran",
    "KOR": "South Korea",
    "LAO": "Laos",
    "MAF": "Saint Martin",
    "MDA": "Moldova",
    "PRK": "North Korea",
    "PSE": "Palestine",
    "RUS": "Russia",
    "SHN": "Saint Helena",
    "SXM": "Sint Maarten",
    "SYR": "Syria",
    "TUR": "Turkey",
    "TWN": "Taiwan",
    "TZA": "Tanzania",
    "USA": "United States",
    "VAT": "Vatican City",
    "VEN": "Venezuela",
    "VGB": "British Virgin Islands",
    "VIR": "U.S. Virgin Islands",
    "VNM": "Vietnam",
    "XKX": "Kosovo",
    "CCK": "Cocos (Keeling) Islands",
    "MAC": "Macau",
}

# Combining forms that name a country only as the first part of a compound ("Sino-Russian").
_PREFIXES = {"Sino": "CHN", "Russo": "RUS", "Franco": "FRA"}

_KIND_PRIORITY = {"name": 0, "abbr": 1, "capital": 2, "demonym": 3}


@dataclass(frozen=True)
class CountryMention:
    """A country named in running text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    iso3: str
    kind: str  # name, abbr, demonym, capital, possessive


_WORD = re.compile(r"[a-z0-9]+")
_COMBINING = re.compile(r"[\u0300-\u036f]+")
# Latin letters that Unicode does not decompose into an ASCII letter and a mark
_LATIN_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d"}
)


def _fold(text: str) -> str:
    """Strip accents ("Côte" -> "Cote") and unify apostrophes."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _key(text: str) -> str:
    """Lookup key: case, accents, punctuation and a leading "the" do not matter ("the U.S." -> "u s")."""
    text = text.casefold()
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text.translate(_LATIN_LETTERS)))
    words = _WORD.findall(text)
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@cache
def _terms() -> list[tuple[str, str, str]]:
    """(iso3, kind, term) rows of the hand table; iso3 is "" for phrases that name no country."""
    with open(_DATA / "country_terms.csv", encoding="utf-8", newline="") as f:
        lines = (line for line in f if not line.startswith("#"))
        return [(row["iso3"], row["kind"], row["term"]) for row in csv.DictReader(lines)]


@cache
def _iso_names() -> list[tuple[str, str]]:
    """(iso3, name) for every ISO short, official and common name."""
    out = []
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(c, attr, None)
            if name:
                out.append((c.alpha_3, name))
    return out


@cache
def _key_tables() -> dict[str, dict[str, str]]:
    """Lookup keys -> ISO3, one table for names (with abbreviations) and one for everything."""
    names: dict[str, str] = {}
    for iso3, name in _iso_names():
        names.setdefault(_key(name), iso3)
    others: dict[str, str] = {}
    for iso3, kind, term in _terms():
        if not iso3:
            continue
        if kind in ("name", "abbr"):
            names[_key(term)] = iso3  # the hand table wins: "Congo" is DR Congo in the news
        else:
            others.setdefault(_key(term), iso3)
    names.pop("korea", None)  # either Korea: better unknown than wrong
    return {"name": names, "any": {**others, **names}}


@cache
def _fips() -> dict[str, str]:
    with open(_DATA / "fips10_4.csv", encoding="utf-8", newline="") as f:
        lines = (line for line in f if not line.startswith("#"))
        return {row["fips"]: row["iso3"] for row in csv.DictReader(lines) if row["iso3"]}


def _from_numeric(value: int | str) -> str | None:
    found = pycountry.countries.get(numeric=str(int(value)).zfill(3))
    return found.alpha_3 if found else None


def _from_alpha2(code: str) -> str | None:
    if code == "XK":
        return "XKX"
    found = pycountry.countries.get(alpha_2=code)
    return found.alpha_3 if found else None


def _from_name(text: str, table: dict[str, str]) -> str | None:
    key = _key(text)
    if key in table:
        return table[key]
    if key.endswith(" s") and key[:-2] in table:  # possessive: "Russia's"
        return table[key[:-2]]
    if "," in text:  # statistical tables: "Egypt, Arab Rep.", "Gambia, The", "Venezuela, RB"
        return _from_name(text.partition(",")[0], table)
    return None


def to_iso3(value: str | int | float | None, *, scheme: str | None = None) -> str | None:
    """The ISO 3166-1 alpha-3 code of a country name or code, or None when it names no known country.

    ``scheme`` None guesses from the value (alpha-3, alpha-2, ISO numeric, then names, abbreviations,
    demonyms and capitals, then CAMEO-only codes); otherwise only that reading is tried: one of
    "alpha2", "alpha3", "numeric", "fips", "cameo", "name".

    >>> to_iso3("DPRK"), to_iso3(408), to_iso3("8"), to_iso3("RS", scheme="fips"), to_iso3("Korea")
    ('PRK', 'PRK', 'ALB', 'RUS', None)
    """
    if scheme is not None and scheme not in SCHEMES:
        raise ValueError(f"unknown country code scheme {scheme!r}: use one of {', '.join(SCHEMES)} or None")
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float):  # numeric codes read by pandas from a column with gaps
        if math.isnan(value) or not value.is_integer():
            return None
        value = int(value)
    if isinstance(value, int):
        return _from_numeric(value) if scheme in (None, "numeric") and 0 <= value < 1000 else None
    if not isinstance(value, str):
        return None
    text = value.strip().strip(" \t\r\n.,;:!?\"'()[]{}«»“”‘’")
    if not text:
        return None
    code = text.upper()
    if scheme == "numeric" or (scheme is None and text.isascii() and text.isdigit()):
        return _from_numeric(text) if text.isascii() and text.isdigit() and len(text) <= 3 else None
    if scheme == "alpha3":
        return code if code in ALPHA3 else None
    if scheme == "alpha2":
        return _from_alpha2(code) if len(code) == 2 else None
    if scheme == "fips":
        return _fips().get(code)
    if scheme == "cameo":
        return code if code in ALPHA3 else _CAMEO_ONLY.get(code)
    if scheme == "name":
        return _from_name(text, _key_tables()["name"])
    if len(code) == 3 and code in ALPHA3:
        return code
    if len(code) == 2 and code.isalpha() and (found := _from_alpha2(code)):
        return found
    return _from_name(value, _key_tables()["any"]) or _CAMEO_ONLY.get(code)


def country_name(iso3: str) -> str:
    """Short common English name for display ("PRK" -> "North Korea"); unknown codes come back as given.

    >>> country_name("KOR"), country_name("GBR"), country_name("XXX")
    ('South Korea', 'United Kingdom', 'XXX')
    """
    code = iso3.strip().upper() if isinstance(iso3, str) else iso3
    if code in _SHORT_NAMES:
        return _SHORT_NAMES[code]
    found = pycountry.countries.get(alpha_3=code) if isinstance(code, str) and len(code) == 3 else None
    if found is None:
        return iso3
    return getattr(found, "common_name", None) or found.name


def _surfaces() -> dict[str, tuple[str, str]]:
    """Every way a country is written in running text -> (iso3 or "", kind)."""
    table: dict[str, tuple[str, str]] = {}

    def add(term: str, iso3: str, kind: str) -> None:
        if term.startswith(("the ", "The ")) and kind != "none":
            term = term[4:]
        if not term or not term[0].isupper():
            return
        for variant in {term, _fold(term), term.replace("'", "’"), _fold(term).replace("'", "’")}:
            old = table.get(variant)
            if old is None or _KIND_PRIORITY.get(kind, -1) < _KIND_PRIORITY.get(old[1], -1):
                table[variant] = (iso3, kind)

    for iso3, kind, term in _terms():  # before ISO names, so the hand table wins ("Congo")
        add(term, iso3, kind)
        if kind in ("name", "capital") and len(term) > 3 and term.upper() not in table:
            add(term.upper(), iso3, kind)  # datelines and headlines: "MOSCOW (Reuters) -"
        if kind == "demonym" and (term[-1] in "niok" or term.endswith("kh")):
            add(term + "s", iso3, kind)  # "North Koreans", "Israelis", "Filipinos", "Greeks", "Kazakhs"
    for iso3, name in _iso_names():
        # inverted ISO forms ("Korea, Republic of") are not how running text names a country
        if name not in table and "," not in name and "(" not in name:
            add(name, iso3, "name")
            if name.upper() not in table:
                add(name.upper(), iso3, "name")
    return table


@cache
def _matcher() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    table = _surfaces()
    prefixes = "|".join(_PREFIXES)
    pattern = (
        rf"(?<!\w)(?:(?P<pre>{prefixes})-(?=[A-Z])"
        rf"|(?P<term>{_trie_pattern(table)})(?P<poss>['’]s(?!\w)|(?<=s)['’](?!\w))?(?!\w))"
    )
    return re.compile(pattern), table


def _trie_pattern(words) -> str:
    """One regex alternation of many literals, shared prefixes factored out so matching stays fast.

    Each node tries its longer continuations before stopping, so the longest term wins.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        group = alts[0] if len(alts) == 1 and len(alts[0]) == 1 else "(?:" + "|".join(alts) + ")"
        return group + "?" if "" in node else group

    return build(trie)


def find_countries(text: str) -> list[CountryMention]:
    """Every country mention in English running text, in text order, longest match, non-overlapping.

    Case matters ("US" yes, "us" no; "China" yes, "china" no); names and capitals also match in
    capitals ("MOSCOW (Reuters) -"). "Korean" alone names either Korea, so "Korean War" and "Korean
    Central News Agency" give nothing, and neither does "the North". Phrases that contain a country
    word but name no country ("Indian Ocean", "New Mexico", "Washington Post") give nothing. A
    possessive ("Russia’s", "Moscow's") has kind "possessive" whatever the word's own kind.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_countries reads text (str), not {type(text).__name__}")
    pattern, table = _matcher()
    out = []
    for m in pattern.finditer(text):
        if m.group("pre"):
            out.append(
                CountryMention(m.start(), m.end("pre"), m.group("pre"), _PREFIXES[m.group("pre")], "demonym")
            )
            continue
        iso3, kind = table[m.group("term")]
        if not iso3:
            continue
        if m.group("poss"):
            kind = "possessive"
        out.append(CountryMention(m.start(), m.end(), m.group(0), iso3, kind))
    return out
