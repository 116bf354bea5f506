"""People and organisations named in an article, with the country each belongs to when the text says.

People are found by their titles ("Defense Minister Sergei Shoigu", "Rep. Yoo Sangbum"), by an
apposition ("John Kirby, the council's spokesman") or as the speaker of a statement; organisations by
their head word ("National Intelligence Service", "Global Times") or a known name (Tass, Reuters).
A person's country comes from the demonym or possessive in front of the title ("Russian Defense
Minister Sergei Shoigu", "Russia's ambassador to North Korea, Alexander Matsegora"). A later bare
surname ("Shoigu", "Kim") is resolved to the first full name it belongs to.

>>> a = find_actors("Russian Defense Minister Sergei Shoigu met Kim.", [(0, 7, "RUS")])
>>> [(x.name, x.kind, x.country) for x in a]
[('Sergei Shoigu', 'person', 'RUS')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from loaders.article.known import SURNAMES, org_country, person_country


@dataclass(frozen=True)
class Actor:
    start: int
    end: int
    name: str  # the full name, also for a surname mention
    kind: str  # "person" or "organisation"
    country: str | None


_NAME_WORD = r"(?:(?:al|el|bin|ibn|de|van|von|da|di|du|le)[- ])?[A-Z][a-zà-ÿ'’]+(?:-[A-Za-zà-ÿ]+)?"
_NAME = rf"{_NAME_WORD}(?:\s+(?:[A-Z]\.\s+)?{_NAME_WORD}){{1,3}}"
_TITLES = (
    r"President|Vice\s+President|Prime\s+Minister|Premier|Chancellor|King|Queen|Prince|Emperor|Pope|"
    r"(?:[A-Z][a-z]+\s+)?Minister|(?:[A-Z][a-z]+\s+)?Secretary|Secretary[- ]General|Ambassador|ambassador|"
    r"Rep\.|Sen\.|Gov\.|Gen\.|Adm\.|Rear\s+Adm\.|Vice\s+Adm\.|Lt\.\s+Gen\.|Maj\.\s+Gen\.|Brig\.\s+Gen\.|Col\.|"
    r"Lt\.|Capt\.|Cmdr\.|Mr\.|Ms\.|Mrs\.|Dr\.|Gen(?:eral)?|Admiral|Colonel|Commander|Chairman|Chairwoman|"
    r"leader|spokes(?:man|woman|person)|Spokes(?:man|woman|person)|minister|president|director|Director|chief|"
    r"envoy|commander|official|lawmaker|senator|congressman|congresswoman|governor|mayor|chairman|"
    r"head|analyst|researcher|professor|counterpart|Foreign\s+Minister|Defen[cs]e\s+Minister|dictator|monarch"
)
_TITLED = re.compile(rf"\b(?:{_TITLES})\s+(?P<name>{_NAME})")
# "Alexander Matsegora, Russia's ambassador", "Russia's ambassador to North Korea, Alexander Matsegora,"
_APPOS_AFTER = re.compile(
    rf"(?<![\w’'])(?P<name>{_NAME}),\s+(?:a|an|the|[A-Z][\w’']+(?:’s|'s)?)\s+[^,.;]{{0,60}}?\b(?:{_TITLES})\b"
)
_APPOS_BEFORE = re.compile(rf"\b(?:{_TITLES})\b[^,.;“”\"]{{0,50}},\s+(?P<name>{_NAME}),")
# a full name right before a statement verb: "John Kirby warned"
_SPEAKER = re.compile(
    rf"(?<![\w’'])(?P<name>{_NAME})\s+(?:said|says|told|warned|added|wrote|announced|stated|noted|argued)\b"
)
_ORG_HEAD = (
    r"Agency|Council|Ministry|Party|Service|Times|Post|Journal|Herald|Tribune|Command|Army|Navy|Air\s+Force|"
    r"Forces|Organi[sz]ation|Union|Nations|Guard|Department|Office|Committee|Institute|University|Company|"
    r"Corporation|Corp\.|Group|Bank|Fund|Commission|Parliament|Congress|Senate|Assembly|Cabinet|Press|News|"
    r"Network|Broadcasting|Corps|Staff|Alliance|Coalition|Front|Federation|Bureau|Centre|Center|Authority"
)
_ORG = re.compile(
    rf"(?<![\w’'])(?:[A-Z](?:[\w’'-]|\.(?=\w))*\.?[ \t]+(?:(?:of|for|and|of[ \t]+the)[ \t]+)?){{0,5}}(?:{_ORG_HEAD})\b"
    rf"(?:[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){{0,2}})?"
)
# organisations and groups known by one word or an acronym
_ORG_WORD = re.compile(rf"\b(?:{_ORG_HEAD}|Korea|States|Kingdom|Republic)\b")
_KNOWN_ORGS = re.compile(
    r"\b(?:Tass|TASS|Reuters|Xinhua|Yonhap|Interfax|Bloomberg|AFP|KCNA|RIA\s+Novosti|Kyodo|NATO|IAEA|OPEC|ASEAN|"
    r"Pentagon|Kremlin|Houthis?|Hamas|Hezbollah|Taliban|Wagner|ISIS|Islamic\s+State|al-Qaeda|Al\s+Jazeera|"
    r"BBC|CNN|Associated\s+Press|European\s+Union|United\s+Nations|U\.N\.|UN|EU|G7|G20|PLA|IDF|IRGC|CENTCOM|"
    r"ECOWAS|African\s+Union|OSCE|CSTO|SCO|BRICS|Jaish-e-Mohammed|Lashkar-e-Taiba|Hayat\s+Tahrir\s+al-Sham|HTS|"
    r"Rapid\s+Support\s+Forces|RSF|M23|al-Shabab|Boko\s+Haram|Georgian\s+Dream)\b"
)
_LEAD_STOP = {
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "In",
    "On",
    "At",
    "For",
    "But",
    "And",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "Since",
    "Around",
    "About",
    "Talk",
    "Any",
    "Some",
    "His",
    "Her",
    "Its",
    "Their",
    "Rep",
    "Sen",
    "General",
    "Secretary",
    "Minister",
    "President",
    "Prime",
    "Foreign",
    "Defense",
    "Defence",
    "Deputy",
    "Admiral",
    "Commander",
    "Chief",
    "Spokesman",
    "Spokeswoman",
    "Director",
    "Ambassador",
    "Chancellor",
    "Premier",
    "King",
    "Queen",
    "Prince",
    "Vice",
    "Interior",
    "Senator",
    "Governor",
    "State",
    "State-run",
    "During",
    "Under",
    "With",
    "From",
    "By",
    "To",
    "Of",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
}
# words allowed between a nationality and the name it describes ("Russian Defense Minister ...")
_GAP = re.compile(
    r"^(?:\s|,|’s|'s|\b(?:[A-Z][\w.’'-]*|to|of|the|state-run|state|top|senior|former|acting|deputy|chief|"
    r"foreign|defen[cs]e|prime|leader|ambassador|envoy|minister|spokes(?:man|woman|person)|president|"
    r"director|official|commander|lawmaker|general|admiral|secretary|head|news|service|agency|"
    r"military|navy|army|government|foreign\s+ministry|ministry)\b)*$"
)


def _clean_name(name: str) -> str | None:
    words = name.split()
    while words and words[0] in _LEAD_STOP:
        words = words[1:]
    if len(words) < 2 and not words:
        return None
    return " ".join(words) if words else None


def _near(countries: Sequence[tuple[int, int, str]], lo: int, hi: int) -> Sequence[tuple[int, int, str]]:
    """The mentions (sorted by start) that start in [lo, hi)."""
    starts = [c[0] for c in countries] if not isinstance(countries, _Sorted) else countries.starts
    return countries[bisect_left(starts, lo) : bisect_left(starts, hi)]


class _Sorted(list):
    """Country mentions sorted by start, with their starts kept for bisection."""

    def __init__(self, items) -> None:
        super().__init__(sorted(items))
        self.starts = [c[0] for c in self]


def _country_before(start: int, countries: Sequence[tuple[int, int, str]], text: str) -> str | None:
    """The country of the leftmost mention, within 60 characters before `start`, that describes it."""
    for _cs, ce, iso in _near(countries, start - 90, start):
        if ce <= start and start - ce <= 60 and _GAP.match(text[ce:start]):
            return iso
    return None


def _country_after(end: int, countries: Sequence[tuple[int, int, str]], text: str) -> str | None:
    """The country of an apposition right after a name: "Tass, Russia's state-run news service"."""
    for cs, _, iso in _near(countries, end, end + 9):
        if re.fullmatch(r",?\s*(?:the\s+)?", text[end:cs]):
            return iso
    return None


def find_actors(text: str, countries: Sequence[tuple[int, int, str]] = ()) -> list[Actor]:
    """Every person and organisation mention in text, sorted by position, surnames resolved.

    `countries` are (start, end, iso3) country mentions of the same text, for nationalities.
    """
    countries = _Sorted(countries)
    taken = bytearray(len(text) + 1)  # characters already inside a name found

    def free(a: int, b: int) -> bool:
        return not any(taken[a:b])

    def take(a: int, b: int) -> None:
        taken[a:b] = b"\x01" * (b - a)

    found: dict[tuple[int, int], Actor] = {}
    people: dict[str, str | None] = {}  # full name -> country
    for rx in (_TITLED, _APPOS_AFTER, _APPOS_BEFORE, _SPEAKER):
        for m in rx.finditer(text):
            s, e = m.span("name")
            name = _clean_name(m.group("name"))
            if not name or len(name.split()) < 2 or _is_place_like(name) or _ORG_WORD.search(name):
                continue
            s = e - len(name) if not text[s:e].startswith(name) else s
            if _near(countries, s, s + len(name)):
                continue  # "Forces Korea", "South Korea": not a person
            if not free(s, s + len(name)):
                continue
            iso = _country_before(m.start(), countries, text) or _country_before(s, countries, text)
            if iso is None and rx is _APPOS_AFTER:
                iso = _country_after(e, countries, text)
            if iso is None and name in people:
                iso = people[name]
            if iso is None:
                iso = person_country(name)
            people.setdefault(name, iso)
            if people[name] is None:
                people[name] = iso
            found[(s, s + len(name))] = Actor(s, s + len(name), name, "person", iso)
            take(s, s + len(name))
    for rx in (_ORG, _KNOWN_ORGS):
        for m in rx.finditer(text):
            s, e = m.span()
            name = _clean_name(m.group(0).strip())
            if not name:
                continue
            s = e - len(name)
            if not free(s, e):
                continue
            iso = (
                _country_before(s, countries, text) or _country_after(e, countries, text) or org_country(name)
            )
            found[(s, e)] = Actor(s, e, name, "organisation", iso)
            take(s, e)
    # later mentions of a surname (or given name) alone
    keys: dict[str, str] = {}
    for full in people:
        for w in full.split():
            if len(w) > 2 and w not in _LEAD_STOP:
                keys.setdefault(w, full)
    # well-known surnames name their person even without a full name first ("Putin said")
    for short, full in SURNAMES.items():
        if short not in keys and re.search(rf"\b{re.escape(short)}\b", text):
            keys[short] = full
            people.setdefault(full, person_country(full))
    if keys:
        rx = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(keys, key=len, reverse=True))) + r")\b")
        for m in rx.finditer(text):
            s, e = m.span()
            if taken[s]:
                continue
            full = keys[m.group(0)]
            found[(s, e)] = Actor(s, e, full, "person", people[full])
    # a name's country, once known from any mention, holds for all of them
    known = {a.name: a.country for a in found.values() if a.country}
    out = [
        a if a.country or a.name not in known else Actor(a.start, a.end, a.name, a.kind, known[a.name])
        for a in found.values()
    ]
    return sorted(out, key=lambda a: a.start)


_PLACEY = re.compile(r"\b(?:Sea|Ocean|Strait|Gulf|Bay|River|Island|Islands|Peninsula|Street|Square)\b")


def _is_place_like(name: str) -> bool:
    return bool(_PLACEY.search(name))
