"""Sentence-level event extraction: an article's text to event records (dicts of contract columns).

For each sentence: find the triggers (what happened), give each the date expression that belongs to
it (the nearest one in its own clause, or one that modifies it, "a July 24 report"), the countries and
actors of its clause, the place it happened ("in Pyongyang", "throughout South Korea") and its
modality. Same-type triggers of one sentence with compatible dates are one event. An event whose
sentence gives it no date takes the date of the event it refers back to ("the exercise", "He would
meet ...", the same people meeting again), or is dropped. Duplicates (a caption repeated four times,
a statement reported twice) are merged afterwards by `loaders.merge.merge_records`.

Countries of a statement: the speaker's side (the speaker's nationality, the place where they spoke)
plus what they talked about, unless what they said is reported as an event of its own (then that
event carries those countries and the statement stays with its speaker).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from loaders.article.actors import Actor, find_actors
from loaders.article.candidate import GEO_RANK, Candidate, people
from loaders.article.clauses import (
    BOUNDARY,
    DATELINE,
    NP_TAIL,
    PP_BEFORE,
    RELATIVE,
    THAT,
    boundaries,
    phrase_start,
    relative_spans,
    scope,
)
from loaders.article.context import LEAD_SENTENCES, inherit_places, resolve_context
from loaders.article.dates import PRECISION_RANK, UNTIL, When, find_dates, overlap
from loaders.article.sentences import split_sentences
from loaders.article.titles import make_title, said_what
from loaders.article.triggers import Trigger, find_triggers, modality
from loaders.timex.periods import TRAILING_RELATION

# --- the pipeline --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Geo:
    countries: list  # (start, end, iso3, kind)
    places: list  # events.places.PlaceMention
    main: str | None = None  # the country the article names most: whose "parliament" it means
    dominant: bool = False  # named far more than any other: the story's country


_GROUP_MEMBERS = {
    "g7": ["USA", "GBR", "FRA", "DEU", "ITA", "CAN", "JPN"],
    "p5+1": ["USA", "GBR", "FRA", "CHN", "RUS", "DEU"],
    "e3": ["GBR", "FRA", "DEU"],
    "quad": ["USA", "JPN", "IND", "AUS"],
    "aukus": ["AUS", "GBR", "USA"],
}
_GROUPS = re.compile(
    r"\b(?:G-?7|Group\s+of\s+Seven|P5\s*\+\s*1|E3|AUKUS|(?<=the\s)Quad|six\s+(?:world|major|global)\s+powers)(?![\w+])",
    re.I,
)


def _group_key(m: re.Match) -> str:
    k = re.sub(r"[\s-]", "", m.group(0).lower())
    if k.startswith("six"):
        return "p5+1"  # "Iran and six world powers": the P5+1 of the nuclear talks
    return "g7" if k in ("g7", "groupofseven") else k


def _geo(text: str) -> Geo:
    from events.countries import find_countries
    from events.places import find_places

    cs = [(m.start, m.end, m.iso3, m.kind) for m in find_countries(text)]
    # a named group of countries stands for its members: "G7 leaders", "the P5+1"
    cs += [
        (m.start(), m.end(), iso, "group")
        for m in _GROUPS.finditer(text)
        for iso in _GROUP_MEMBERS[_group_key(m)]
    ]
    cs.sort()
    isos = {c[2] for c in cs}
    named = Counter(c[2] for c in cs if c[3] != "group").most_common(2)
    main = named[0][0] if named else None
    dominant = bool(named) and named[0][1] >= 3 and (len(named) < 2 or named[0][1] >= 1.5 * named[1][1])
    return Geo(cs, find_places(text, countries=isos), main, dominant)


_OBJECT_OF = re.compile(
    r"\b(?:plans?\s+for|talk\s+of|discuss(?:ed|ing)?|over|about|on|for|of|against|condemn\w*|"
    r"denounc\w*|criticiz\w*|critici[sz]ed|welcom\w*|hail\w*|prais\w*|as|into|includ\w*|propos\w*|offer\w*|in|with|"
    r"amid|than)\s+"
    r"(?:(?:a|an|the|its|their|his|her|this|these|those|any|further|more|new|planned|proposed)\s+)?"
    r"(?:[\w’'-]+\s+){0,4}$",
    re.I,
)
_ANAPHOR = re.compile(r"(?:\bthe|\bthis|\bthat|\bthese|\bthose|\bits|\btheir)\s+(?:[\w/-]+\s+){0,2}$", re.I)
_PRONOUN_SUBJECT = re.compile(r"^(?:He|She|They|It|This|These|Those|The\s+[a-z]\w*)\b")
_LOCATIVE = re.compile(
    r"(?:\bin|\bat|\bnear|\boff|\bover|\bthroughout|\bthrough|\bacross|\binside|\baround|\binto|\bto|\btowards?|\bvisit(?:s|ed|ing)?|"
    r"\bwaters\s+off|\bcoast\s+of|\bnorth\s+of|\bsouth\s+of|\beast\s+of|\bwest\s+of)\s+(?:the\s+)?(?:(?:sensitive|disputed|strategic|contested|occupied|northern|southern|eastern|western|central|busy|vital|key)\s+)?"
    r"(?:(?:neighbouring|neighboring|nearby|[A-Z][a-z]+(?:n|ese|i|ian|ish)|Red\s+Sea|Black\s+Sea|southern|northern|eastern|western)\s+)?"
    r"(?:(?:port|city|town|village|province|region|district|island|capital)(?:\s+of)?\s+)?$",
    re.I,
)
# "in Capri, Italy": a town the gazetteer lacks, then its country; the country is the place we can map
_IN_TOWN_OF = re.compile(r"\b(?:in|at|near)\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2},\s+(?:the\s+)?$")
_TARGET = re.compile(r"(?:\bon|\bagainst|\bat)\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.I)
_FAR_OF = re.compile(
    r"(?:north|south|east|west|miles|kilometers|kilometres|km)\s+(?:\w+\s+)?of\s+(?:the\s+)?$", re.I
)
# what a noun trigger's own verb says about it: "the exercise will take place", "drills are set to"
_NOUN_VERB = re.compile(
    r"(?:\s+[\w’'/-]+){0,4}?\s+(?:will|would|is\s+set\s+to|are\s+set\s+to|(?:is|are)\s+(?:due|scheduled|planned|expected)\s+to|is\s+to|are\s+to)\b",
    re.I,
)
_END_WORDS = re.compile(
    r"\b(?:wrapped\s+up|wraps\s+up|ended|ends|concluded|concludes|wound\s+up|finished|closed)\b", re.I
)
_BEGIN_WORDS = re.compile(
    r"\b(?:began|begins|started|starts|kicked\s+off|kicks\s+off|opened|launched|will\s+hold)\b", re.I
)


def extract(text: str, *, published: dt.date | None = None) -> list[dict]:
    """Event records (contract columns except source fields and ids) found in `text`."""
    sentences = split_sentences(text)
    if not sentences:
        return []
    whens, durations = find_dates(text, published)
    geo = _geo(text)
    actors = find_actors(text, [(s, e, iso) for s, e, iso, _ in geo.countries])
    # each sentence sees only the mentions inside it (found by bisection: long texts stay linear)
    starts = {
        "whens": [w.start for w in whens],
        "durations": [d[0] for d in durations],
        "countries": [c[0] for c in geo.countries],
        "places": [p.start for p in geo.places],
        "actors": [a.start for a in actors],
    }

    def within(items: list, key: str, s: int, e: int) -> list:
        return items[bisect_left(starts[key], s) : bisect_left(starts[key], e)]

    cands: list[Candidate] = []
    for i, (s, e) in enumerate(sentences):
        acts = within(actors, "actors", s, e)
        places = [
            p
            for p in within(geo.places, "places", s, e)
            if not any(a.start <= p.start < a.end for a in acts) and not _inside_org(p, acts)
        ]
        cands.extend(
            _sentence_events(
                text,
                i,
                s,
                e,
                within(whens, "whens", s, e),
                within(durations, "durations", s, e),
                Geo(within(geo.countries, "countries", s, e), places, geo.main),
                acts,
                places,
                published,
            )
        )
    _pairs_referred_back(cands, text, sentences, geo.countries)
    lead_end = _lead_end(text, sentences)
    cands = resolve_context(
        cands, text, sentences, _news_day(whens, sentences, published, lead_end), lead_end
    )
    inherit_places(cands)
    for c in cands:
        if not c.countries and not c.topic and c.place is None and geo.dominant and geo.main:
            c.countries = [geo.main]  # "officers went on television": a story about one country is in it
        if c.place is None:
            c.place = _implied_place(c)
    # an event with neither a country nor a place cannot be put on a map or filtered: not reported
    return [
        _record(c, text, sentences, published)
        for c in cands
        if c.when is not None and (c.countries or c.topic or c.place is not None)
    ]


def _lead_end(text: str, sentences) -> int:
    """The index after the article's lead: its first sentence of ten words or more (headline, byline
    and date lines come before it) and the one after it."""
    for i, (s, e) in enumerate(sentences):
        if len(text[s:e].split()) >= 10:
            return i + LEAD_SENTENCES - 1
    return LEAD_SENTENCES


def _news_day(
    whens: list[When], sentences, published: dt.date | None, lead_end: int = LEAD_SENTENCES
) -> When | None:
    """The day the article's lead reports (its first day-precise date not after publication), else the
    day it was published: the date of what it tells as news without a date of its own."""
    last = min(lead_end, len(sentences)) - 1
    stop = sentences[last][1] if last >= 0 else 0
    for w in whens:
        if w.start >= stop:
            break
        if (
            w.precision in ("day", "time")
            and w.first == w.last
            and (published is None or w.last <= published)
        ):
            return When(w.first, w.last, "day", "", w.start, w.start)
    if published is None:
        return None
    return When(published, published, "day", "", 0, 0)


def _implied_place(c: Candidate):
    """Where an event happened when its text names no place: a government speaks from its capital,
    an event of one country happened in it, an attack or sanction in the country it was aimed at."""
    from events.places import capital_of, country_place

    if c.type == "statement":
        # the speaker's government: a named speaker's own country first
        speaker = next((a.country for a in c.actors if a.country), None)
        iso = speaker or (c.countries[0] if c.countries else None)
        return capital_of(iso) if iso else None
    if len(set(c.countries)) == 1:
        return country_place(c.countries[0])
    if c.type in ("armed_conflict", "sanction") and c.after:
        return country_place(c.after[0])
    return None


_THE_TWO = re.compile(
    r"\b(?:the\s+two|both)\s+(?:countries|nations|sides|governments|leaders|allies|neighbours|neighbors|militaries|navies)\b"
    r"|\bthe\s+allies\b",
    re.I,
)


def _pairs_referred_back(cands: list[Candidate], text: str, sentences, mentions: list) -> None:
    """ "The two countries agreed ...", in a sentence naming no country: the two countries the
    article names most."""
    counts = Counter(iso for _, _, iso, _ in mentions).most_common(2)
    if len(counts) < 2:
        return
    pair = [iso for iso, _ in counts]
    starts = [m[0] for m in mentions]
    for c in cands:
        if not c.countries and not c.topic:
            s, e = sentences[c.sentences[0]]
            named = bisect_left(starts, e) > bisect_left(starts, s)
            if not named and _THE_TWO.search(text, s, e):
                c.countries = list(pair)


def _inside_org(p, actors: list[Actor]) -> bool:
    return any(a.kind == "organisation" and a.start <= p.start < a.end for a in actors)


def _sentence_events(text, i, s, e, whens, durations, geo, actors, places, published) -> list[Candidate]:
    triggers = find_triggers(text, s, e)
    if not triggers:
        return []
    dl = DATELINE.match(text, s)
    body_start = dl.end() if dl else s
    triggers = [t for t in triggers if t.start >= body_start]
    # "Lai, who took office in May, ...": a person's background in a relative clause is no news
    rel_clauses = [m.span() for m in RELATIVE.finditer(text, s, e)]
    triggers = [t for t in triggers if t.type != "other" or not any(a <= t.start < b for a, b in rel_clauses)]
    # nouns that are what another trigger is about ("proposed ... a naval exercise", "condemns the drills")
    kept: list[Trigger] = []
    objects: list[Trigger] = []
    for t in triggers:
        if t.kind == "noun" and t.type not in ("statement",):
            before = text[max(s, t.start - 60) : t.start]
            governed = any(
                o.type in ("proposal", "statement", "agreement", "meeting", "sanction")
                and o.type != t.type
                and o.end <= t.start
                and t.start - o.end < 100
                and o is not t
                for o in triggers
            ) and not BOUNDARY.search(text, max(s, t.start - 100), t.start)
            if _OBJECT_OF.search(before) and (
                governed
                or re.search(r"(?:plans?\s+for|talk\s+of|discuss\w*)\s+(?:\S+\s+){0,4}$", before, re.I)
            ):
                objects.append(t)
                continue
            if governed and any(o.type == "proposal" for o in triggers if o.end <= t.start):
                objects.append(t)
                continue
        kept.append(t)
    triggers = kept
    if not triggers:
        return []
    cuts = boundaries(text, s, e, triggers)
    # dates and durations in this sentence go to the trigger they belong to
    in_sentence = [w for w in whens if s <= w.start < e and w.start >= body_start]
    # a date inside a relative clause without an event of its own ("Lai, who took office on Monday,")
    # dates that clause only
    # (unless it describes an event: "The drills, which began on Monday, involved 30 ships")
    for m in RELATIVE.finditer(text, s, e):
        describes = any(_describes(text, t, m.start()) for t in triggers)
        if not describes and not any(m.start() <= t.start < m.end() for t in triggers):
            in_sentence = [w for w in in_sentence if not (m.start() <= w.start < m.end())]
    # objects take part in date assignment: "the end of the 1950-53 Korean War" keeps its date
    sinks = triggers + objects
    owner: dict[int, list[tuple[float, When]]] = {}
    rel = relative_spans(text, s, e)
    for w in in_sentence:
        a, b = w.start, w.end
        after = TRAILING_RELATION.match(text, w.end)
        if after and re.search(r",\s*(?:just\s+|only\s+|barely\s+)?$", text[s : w.start]):
            a = b = after.end()  # ", a day after warplanes struck": the date of the strike
        when_clause = _WHEN_CLAUSE.match(text, w.end)
        if when_clause:
            a = b = when_clause.end()  # "began on Thursday, when the premier announced": his day too
        k, cost = _nearest(text, a, b, sinks, cuts, s, e, rel, n_events=len(triggers))
        if k is not None:
            owner.setdefault(k, []).append((cost, w))
    dur_owner: dict[int, int] = {}
    for ds, de, days in durations:
        if s <= ds < e:
            k = _nearest(text, ds, de, triggers, cuts, s, e, rel)[0]
            if k is not None:
                dur_owner[k] = days
    # group same-type triggers whose dates agree
    groups: list[Candidate] = []
    for k, t in enumerate(triggers):
        mine = owner.get(k, [])
        when = _span_of(text, [w for _, w in sorted(mine, key=lambda cw: cw[0])]) if mine else None
        alone = t.kind == "noun" and _OTHER_EVENT.search(text[max(s, t.start - 40) : t.start])
        target = None
        for g in groups:
            if alone or g.alone:
                continue
            last = g.triggers[-1]
            if t.kind == last.kind == "verb" and scope(t.start, s, e, cuts) != scope(last.start, s, e, cuts):
                continue  # "fired at a tanker, a day after warplanes struck ...": two actions
            if g.type == t.type and (when is None or g.when is None or overlap(g.when, when)):
                target = g
                break
            if g.type == t.type and g.when is not None and when is not None and g.when.last < when.first:
                if UNTIL.search(text, max(s, when.start - 20), when.start):
                    # "launched ... on Wednesday ... the drills that will run until May": one span
                    g.when = When(
                        g.when.first,
                        when.last,
                        g.when.precision,
                        f"{g.when.text} ... {when.text}",
                        g.when.start,
                        when.end,
                    )
                    when = None
                    target = g
                    break
        if target is None:
            target = Candidate(t.type, [], [i])
            target.alone = bool(alone)
            groups.append(target)
        target.triggers.append(t)
        if when is not None and (
            target.when is None or PRECISION_RANK[when.precision] < PRECISION_RANK[target.when.precision]
        ):
            target.when = when
        if k in dur_owner:
            target.duration_days = dur_owner[k]
    for o in objects:
        heads = [g for g in groups if g.triggers[0].start < o.start]
        if heads:
            max(heads, key=lambda g: g.triggers[0].start).objects.append(o.type)
    for g in groups:
        if g.type == "agreement" and "sanction" in g.objects:
            g.type = "sanction"  # "the EU agreed a new package of sanctions" is the sanction
    dated_complement = {id(g) for g in groups if g.when is not None and g.type != "statement"}
    for g in groups:
        _fill(g, text, s, e, body_start, cuts, geo, actors, places, published, triggers, rel)
        if g.type == "statement":
            g.complement_has_event = any(
                id(o) in dated_complement and o.triggers[0].start != g.triggers[0].start for o in groups
            )
    # "India and China have reached an agreement, Misri said on Monday": what has just happened, as
    # reported, is dated by its report
    said = [g for g in groups if g.type == "statement" and g.when is not None]
    for g in groups:
        if g.when is None and g.type != "statement" and said:
            t0 = g.triggers[0]
            # "The deal, announced in Vienna on Tuesday, ...": a thing is dated by its announcement
            told_of = next(
                (
                    sg
                    for sg in said
                    if 0 < sg.triggers[0].start - t0.end <= 25
                    and re.fullmatch(r",\s+(?:\w+\s+)?", text[t0.end : sg.triggers[0].start])
                ),
                None,
            )
            if told_of is not None and t0.kind == "noun":
                g.when = told_of.when
                continue
            # "the UK announced the gift of 125 guns": what is announced happens as it is announced
            announcer = next(
                (
                    sg
                    for sg in said
                    if _ANNOUNCING.fullmatch(sg.triggers[0].text)
                    and 0 < t0.start - sg.triggers[0].end <= 30
                    and re.fullmatch(r"\s+(?:[\w-]+\s+){0,3}", text[sg.triggers[0].end : t0.start])
                ),
                None,
            )
            if announcer is not None and t0.kind == "noun" and g.modality == "occurred":
                g.when = announcer.when
                continue
            # "... said Sunday that North Korea fired a missile": an action told as news on that day
            told = (
                any(sg.topic_span and sg.topic_span[0] <= t0.start < sg.topic_span[1] for sg in said)
                and t0.kind == "verb"
            )
            perfect = _PERFECT.search(text, max(s, t0.start - 35), t0.start)
            if (perfect or told) and g.modality == "occurred":
                g.when = said[0].when
                said[0].complement_has_event = True
    return groups


# "the PLA held the three-day Joint Sword drills": the noun is the event of the clause's verb
_LIGHT_VERB = re.compile(
    r"\b(?:held|holds|hold|holding|staged|stages|conducted|conducts|carried\s+out|carries\s+out|launched|"
    r"launches|began|begins|started|starts|wrapped\s+up|kicked\s+off|opened|mounted)\s+"
    r"(?:(?:a|an|the|its|their|his|her|two|three|four|five|several|new|joint|large-scale|[\w-]+-day|[A-Z][\w-]*)\s+){0,4}$"
)
_HE_SHE = re.compile(r"\b(?:he|she)\s+(?:(?:had|has|was|then|also|later|will|would)\s+)*$", re.I)
_SHARED_SUBJECT = re.compile(r"\band\s+(?:was|were|has|have|had|is|are)\s+(?:\w+ly\s+)?(?:been\s+)?$", re.I)
# what an attack or sanction is aimed at: "strikes on Yemen", "invasion of Ukraine", "missiles at cities across Ukraine"
_AIMED_AT = re.compile(
    r"\b(?:on|against|at|into|in|across|over|of|targeting)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}$", re.I
)
_AT_PLACE = re.compile(r"\b(?:in|at|near|outside|from|to)\s+(?:the\s+)?$", re.I)
_BARE_INSTITUTION = re.compile(
    r"(?:^|[,;]\s+|\b(?:the|and|when|after|as|while|his|her|its|their)\s+)(?:troops|soldiers|officers|generals|guards|parliament|government|cabinet|president|prime\s+minister|"
    r"police|army|military|junta|opposition|(?:interior|foreign|defen[cs]e)\s+ministry|authorities|"
    r"security\s+forces|protesters|demonstrators|riot\s+police|lawmakers|legislators|courts?|judges?|"
    r"(?:presidential|national|republican|royal)\s+guard)\s+(?:(?:had|has|have|was|were|then|also|later|"
    r"quickly|swiftly|reportedly)\s+)*$",
    re.I,
)
_ANNOUNCING = re.compile(r"announc(?:ed|es)|unveiled|confirmed|approved|declared", re.I)
_WHEN_CLAUSE = re.compile(r",\s+when\s+", re.I)


def _describes(text: str, t: Trigger, clause_start: int) -> bool:
    """A relative clause right after an event's noun describes that event: "The drills, which began
    on Monday", "a meeting of the Security Council, which is expected on Wednesday"."""
    gap = clause_start - t.end
    if 0 <= gap <= 2:
        return True
    return (
        t.kind == "noun"
        and 0 <= gap <= 45
        and re.fullmatch(r"\s+(?:of|between|with|on|in|at)\s+[^,;]*", text[t.end : clause_start]) is not None
    )


_PERFECT = re.compile(r"\b(?:has|have|had|has\s+just|have\s+now)\s+(?:[\w-]+\s+){0,3}$", re.I)


# a noun after these names an earlier or other event, not the one the sentence reports
_OTHER_EVENT = re.compile(
    r"\b(?:retaliation\s+for|response\s+to|following|after|since|amid|despite|revenge\s+for|blamed\s+for)\s+"
    r"(?:(?:the|a|an|its|their|his|her|recent|repeated|\w+’s|\w+'s)\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)


_ENDED = re.compile(
    r"\b(?:until|till|through|to|and\s+(?:ended|ends|concluded|wrapped\s+up|finished)|ending|ended|concluded)\b[^.;]{0,25}$",
    re.I,
)


def _span_of(text: str, whens: list[When]) -> When:
    """The date of a trigger from the dates it owns (nearest first): "began on Thursday and ended on
    Saturday" is one range, otherwise the nearest date."""
    first = whens[0]
    for w in whens[1:]:
        a, b = (first, w) if first.start < w.start else (w, first)
        if a.last < b.first and _ENDED.search(text, a.end, b.start):
            return When(a.first, b.last, a.precision, f"{a.text} ... {b.text}", a.start, b.end)
    return first


def _nearest(
    text: str,
    a: int,
    b: int,
    triggers: list[Trigger],
    cuts: list[int],
    s: int,
    e: int,
    rel: list[tuple[int, int]] = (),  # type: ignore[assignment]
    n_events: int | None = None,
) -> tuple[int | None, float]:
    """Index of the trigger a date at text[a:b] belongs to (one of its own clause), and how far it is."""
    span = scope(a, s, e, cuts)
    inside = next((r for r in rel if r[0] <= a < r[1]), None)
    best, best_cost = None, float("inf")
    for k, t in enumerate(triggers):
        if inside != next((r for r in rel if r[0] <= t.start < r[1]), None):
            if not (inside and _describes(text, t, inside[0])):  # "The drills, which began on Monday,"
                continue  # a relative clause keeps its dates, and the sentence its own
            best, best_cost = k, -1000.0
            break
        if t.end <= a:
            gap = text[t.end : a]
        else:
            gap = text[b : t.start]
        cost = len(gap) + 10 * gap.count(",")
        premodifier = (
            t.kind == "noun" and t.start >= b and _PREMODIFIER_GAP.fullmatch(text, b, t.start) is not None
        )
        if not (span[0] <= t.start < span[1]) and not premodifier:
            continue  # a date belongs to an event of its own clause, or to none
        # (a date right before a noun modifies it: "a July 24 report", "the 1950-53 Korean War")
        if n_events is not None and k >= n_events and not premodifier:
            continue  # what an event is about keeps only a date written into it ("the 1896 Battle of Adwa")
        if premodifier:
            cost -= 500
        # a noun inside a prepositional phrase rarely owns the clause's date: "under the pact next year"
        elif t.kind == "noun" and _IN_PP.search(text, max(s, t.start - 30), t.start):
            cost += 30
        if cost < best_cost:
            best, best_cost = k, cost
    return best, best_cost


# between a date and the noun it modifies: adjectives, not "that" or "to" ("a July 24 report")
_PREMODIFIER_GAP = re.compile(
    r"\s*(?:(?!(?:that|and|or|but|when|which|who|to|of|in|on|at|for|with|as|by|from|while|after|before|since|"
    r"until|during|amid|following|despite)\b)[\w-]+\s+){0,2}",
    re.I,
)
_IN_PP = re.compile(
    r"\b(?:under|of|with|by|about|against|over|into)\s+(?:the|a|an|its|their|this|that)\s+(?:[\w-]+\s+)?$",
    re.I,
)


def _fill(
    g: Candidate, text, s, e, body_start, cuts, geo: Geo, actors, places, published, sentence_triggers, rel=()
) -> None:
    """Countries, actors, place and modality of a candidate from its clause(s)."""
    t0 = g.triggers[0]
    lo, hi = s, e
    spans = [scope(t.start, body_start, e, cuts) for t in g.triggers]
    lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
    lo = max(lo, body_start)
    own = next((r for r in rel if r[0] <= t0.start < r[1]), None)
    antecedent = (0, 0)
    if own is not None:  # an event told in a relative clause has that clause and the noun it describes
        lo, hi = max(lo, own[0]), min(hi, own[1])
        antecedent = (phrase_start(text, own[0], body_start), own[0])

    def outside(pos: int) -> bool:
        """Mentions inside another relative clause belong to that clause, not to this event."""
        return not any(r[0] <= pos < r[1] and r != own for r in rel)

    in_phrase = PP_BEFORE.search(text, max(lo, t0.start - 50), t0.start)
    if all(t.kind == "noun" for t in g.triggers) and g.type != "statement":
        # a noun inside a clause about something else ("met ... during ... the 1950-53 Korean War")
        # has only its own phrase: "the war in Ukraine", "strikes on Yemen"
        others = [
            o for o in sentence_triggers if o.kind == "verb" and lo <= o.start < hi and o.type != g.type
        ]
        light = _LIGHT_VERB.search(text, max(lo, t0.start - 50), t0.start)
        if (others or (g.type == "armed_conflict" and in_phrase)) and not light:
            np_lo = phrase_start(text, t0.start, lo)
            m = NP_TAIL.match(text, g.triggers[-1].end)
            np_hi = m.end() if m else g.triggers[-1].end
            lo, hi = np_lo, min(hi, np_hi)
    core_lo, core_hi = lo, hi
    topic_lo = topic_hi = None
    g.topic_span = None
    if g.type == "statement":
        # the speaker's side and what was said
        cut_after = [c for c in cuts if c > t0.end and THAT.match(text, c)]
        if cut_after:
            topic_lo, topic_hi = cut_after[0], scope(cut_after[0] + 1, body_start, e, cuts)[1]
            g.topic_span = (topic_lo, topic_hi)
        elif t0.kind == "verb" and lo > body_start:
            topic_lo, topic_hi = body_start, lo
            g.topic_span = (topic_lo, topic_hi)
    for cs, _ce, iso, kind in geo.countries:
        if not outside(cs):
            continue
        if kind == "capital" and _AT_PLACE.search(text, max(0, cs - 12), cs):
            continue  # "talks in Vienna": a place (its country comes as the host), not the government
        if (core_lo <= cs < core_hi or antecedent[0] <= cs < antecedent[1]) and iso not in g.countries:
            g.countries.append(iso)
        elif topic_lo is not None and topic_lo <= cs < topic_hi and iso not in g.topic:
            g.topic.append(iso)
    for a in actors:
        if not outside(a.start):
            continue
        if core_lo <= a.start < core_hi or antecedent[0] <= a.start < antecedent[1]:
            g.actors.append(a)
            if a.country and a.country not in g.countries:
                g.countries.append(a.country)
        elif (
            topic_lo is not None and topic_lo <= a.start < topic_hi and a.country and a.country not in g.topic
        ):
            g.topic.append(a.country)
    # "Biden arrived ..., where he held talks": "he" is the last person named before
    if not any(a.kind == "person" for a in g.actors) and _HE_SHE.search(
        text, max(body_start, t0.start - 25), t0.start
    ):
        earlier = [a for a in actors if a.kind == "person" and a.start < t0.start]
        if earlier:
            g.actors.append(earlier[-1])
            if earlier[-1].country and earlier[-1].country not in g.countries:
                g.countries.insert(0, earlier[-1].country)
    # "parliament passed ...", "police detained ...": the institutions of the country the story is about
    subject = text[max(core_lo, t0.start - 60) : t0.start]
    if (
        geo.main
        and _BARE_INSTITUTION.search(subject)
        and not any(core_lo <= cs < t0.start for cs, *_ in geo.countries)
        and not any(core_lo <= a.start < t0.start and a.country for a in actors)
        and geo.main not in g.countries
    ):
        g.countries.insert(0, geo.main)
    # "Georgia applied in March 2022 ... and was granted candidate status": the sentence's subject
    if _SHARED_SUBJECT.search(text, max(body_start, t0.start - 30), t0.start):
        first = min((t.start for t in sentence_triggers), default=t0.start)
        subject = [iso for cs, _ce, iso, _kind in geo.countries if body_start <= cs < first and outside(cs)]
        g.countries[:0] = [iso for iso in dict.fromkeys(subject) if iso not in g.countries]
    g.after = [
        iso
        for cs, _ce, iso, _kind in geo.countries
        if t0.end <= cs < core_hi
        and outside(cs)
        and (cs - t0.end <= 2 or _AIMED_AT.search(text, max(t0.end, cs - 30), cs))
    ]
    # the place: a gazetteer name after "in", "at", "off", "throughout"..., nearest the trigger
    best = None
    for p in places:
        if not (core_lo <= p.start < core_hi):
            continue
        before = text[max(s, p.start - 30) : p.start]
        target = g.type == "armed_conflict" and _TARGET.search(before)
        premodifies = any(
            t.kind == "noun" and re.fullmatch(r"\s+", text[p.end : t.start]) for t in g.triggers
        )
        if premodifies and p.place.geo_precision in ("city", "point"):
            target = True  # "the Vilnius summit", "the Minsk talks": where it is held
        if not (_LOCATIVE.search(before) or target or _IN_TOWN_OF.search(before)) or _FAR_OF.search(before):
            if g.places_named and re.search(r"\band\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", before):
                g.places_named += 1  # "in the capital Sanaa and the port city of Hodeidah"
            continue
        if text.startswith(("’s", "'s"), p.end):
            continue  # "at Ukraine's request" names a country, not a place
        if re.search(r"\bto\s+(?:the\s+)?$", before) and g.type not in ("meeting",):
            continue  # "ambassador to North Korea" is no place; "trip to Moscow" is
        if re.search(r"\bthrough\s+(?:the\s+)?\w*\s*$", before) and g.type != "military_exercise":
            continue  # "sailed through the Taiwan Strait" is where a patrol was; "transits through" in a quote is not
        g.places_named += 1
        dist = min(abs(p.start - t.start) for t in g.triggers)
        rank = dist + (40 if GEO_RANK.get(p.place.geo_precision, 5) > 3 else 0)
        if best is None or rank < best[0]:
            best = (rank, p)
    if best is not None:
        g.place, g.place_text, g.explicit_place = best[1].place, best[1].text, True
        if best[1].place.country and best[1].place.country not in g.countries:
            g.countries.append(best[1].place.country)
            g.host = best[1].place.country  # there because it happened there: no party to name in a title
    g.definite = t0.kind == "noun" and bool(_ANAPHOR.search(text[max(s, t0.start - 40) : t0.start]))
    # "He would meet ...", "The newspaper cited ...": the subject points back, if the trigger is in its clause
    main_clause = scope(t0.start, body_start, e, cuts)[0] == body_start
    g.anaphoric = g.definite or (main_clause and bool(_PRONOUN_SUBJECT.match(text[body_start:e])))
    if not g.countries and not g.topic and (g.when is not None or not g.anaphoric):
        # nothing in its own clause: the countries of the sentence ("the allies' exercise ..., the U.S. said")
        for cs, _ce, iso, _kind in geo.countries:
            if body_start <= cs < e and iso not in g.countries:
                g.countries.append(iso)
    before = text[core_lo : t0.start]
    after = text[t0.end : core_hi]
    before += t0.text + " "
    if t0.kind == "noun":
        verb = _NOUN_VERB.match(after)
        if verb:
            before, after = before + verb.group(0) + " ", after[verb.end() :]
    g.modality = modality(g.type, before, after)
    if g.when is not None and published is not None and g.type not in ("statement", "proposal"):
        if g.when.first > published and g.modality == "occurred":
            g.modality = "planned"


# --- records -------------------------------------------------------------------------------------


def _dates_of(c: Candidate, text: str, sentences) -> tuple[dt.date, dt.date, str]:
    w = c.when
    assert w is not None
    first, last, precision = w.first, w.last, w.precision
    if c.duration_days and precision in ("day", "time") and first == last:
        evidence = " ".join(text[sentences[i][0] : sentences[i][1]] for i in c.sentences)
        n = c.duration_days - 1
        if _END_WORDS.search(evidence):
            first = last - dt.timedelta(days=n)
        elif _BEGIN_WORDS.search(evidence):
            last = first + dt.timedelta(days=n)
        precision = "day"
    return first, last, precision


def _parties(countries: list[str], host: str | None) -> list[str]:
    """The countries a title names: not the host of talks between two others ("Iran and the P5+1 in Vienna")."""
    return [c for c in countries if c != host] if host else countries


def _record(c: Candidate, text: str, sentences, published: dt.date | None) -> dict:
    first, last, precision = _dates_of(c, text, sentences)
    countries = list(c.countries)
    if c.type == "statement" and (not countries or not c.complement_has_event):
        countries += [iso for iso in c.topic if iso not in countries]
    order = sorted(c.sentences)
    # a caption repeated word for word is one piece of evidence
    evidence = " ".join(
        dict.fromkeys(" ".join(text[sentences[i][0] : sentences[i][1]].split()) for i in order)
    )
    actors = list(dict.fromkeys(a.name for a in c.actors))
    confidence = 0.35
    confidence += 0.25 if precision in ("day", "time") else 0.15 if precision in ("week", "month") else 0.05
    confidence += 0.15 if c.explicit_place else 0.05 if c.place is not None else 0.0
    confidence += 0.1 if countries else 0.0
    confidence += 0.1 if any(t.kind == "verb" for t in c.triggers) else 0.05
    if c.modality == "claimed":
        confidence -= 0.1
    if c.inferred_date:
        confidence -= 0.2
    place = c.place
    return {
        "title": make_title(
            c.type,
            c.triggers[0].text,
            actors,
            c.actors,
            _parties(countries, c.host),
            place,
            c.modality,
            c.objects,
            said_what(text, c.triggers[0].end) if c.type == "statement" else "",
        ),
        "description": "",
        "start": first.isoformat(),
        "end": last.isoformat(),
        "date_precision": precision,
        "date_text": c.when.text if c.when else "",
        "event_type": c.type,
        "countries": countries,
        "actors": actors,
        "location": place.name if place is not None else "",
        "latitude": place.latitude if place is not None else float("nan"),
        "longitude": place.longitude if place is not None else float("nan"),
        "geo_precision": place.geo_precision if place is not None else "unknown",
        "modality": c.modality,
        "evidence": evidence,
        "confidence": round(min(confidence, 0.95), 2),
        "_first_sentence": order[0],
        "_people": sorted(people(c)),
        # told as news in its own sentence, with its own verb and date: another such sentence is another event
        "_own_news": not c.inferred_date
        and not c.anaphoric
        and any(t.kind == "verb" for t in c.triggers)
        and c.when is not None
        and sentences[c.sentences[0]][0] <= c.when.start < sentences[c.sentences[0]][1],
    }
