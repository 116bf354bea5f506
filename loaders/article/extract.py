"""Sentence-level event extraction: an article's text to event records (dicts of contract columns).

For each sentence: find the triggers (what happened), give each the date expression that belongs to
it (the nearest one in its own clause, or one that modifies it, "a July 24 report"), the countries and
actors of its clause, the place it happened ("in Pyongyang", "throughout South Korea") and its
modality. Same-type triggers of one sentence with compatible dates are one event. An event whose
sentence gives it no date takes the date of the event it refers back to ("the exercise", "He would
meet ...", the same people meeting again), or is dropped. Duplicates (a caption repeated four times,
a statement reported twice) are merged by `loaders.merge.merge_duplicates`.

Countries of a statement: the speaker's side (the speaker's nationality, the place where they spoke)
plus what they talked about, unless what they said is reported as an event of its own (then that
event carries those countries and the statement stays with its speaker).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from loaders.article.actors import Actor, find_actors
from loaders.article.sentences import split_sentences
from loaders.article.titles import make_title
from loaders.article.triggers import Trigger, find_triggers, modality
from loaders.timex import Timex, periods

CONTEXT_SENTENCES = 12  # how far back or ahead a mention of an event is looked for
PRECISION_RANK = {"time": 0, "day": 1, "week": 2, "month": 3, "quarter": 4, "year": 5, "decade": 6}
GEO_RANK = {"point": 0, "city": 1, "sea": 2, "region": 3, "country": 4, "unknown": 5}


@dataclass
class When:
    first: dt.date
    last: dt.date
    precision: str
    text: str
    start: int  # offsets of the expression in the text
    end: int


@dataclass
class Candidate:
    """One event as it is being built from one or more triggers and sentences."""

    type: str
    triggers: list[Trigger]
    sentences: list[int]
    when: When | None = None
    duration_days: int | None = None
    countries: list[str] = field(default_factory=list)
    topic: list[str] = field(default_factory=list)  # countries talked about (statements)
    actors: list[Actor] = field(default_factory=list)
    place: object | None = None  # events.places.Place
    place_text: str = ""
    modality: str = "occurred"
    explicit_place: bool = False
    anaphoric: bool = False  # refers back: "the exercise", "He would meet"
    definite: bool = False  # by a definite noun phrase: "the exercise", "the 11-day drills"
    topic_span: tuple[int, int] | None = None  # what a statement says: "... that North Korea fired"
    complement_has_event: bool = False
    # event types this one is about ("proposes ... an exercise")
    objects: list[str] = field(default_factory=list)
    alone: bool = False  # another event the sentence refers to ("in retaliation for attacks")


# --- dates ---------------------------------------------------------------------------------------

_SINCE_SUPERLATIVE = re.compile(
    r"\b(?:\w+est|first|most|biggest|worst|best)\b[^.,;]{0,40}\b(?:in|for)\s+(?:more\s+than\s+|nearly\s+|almost\s+|over\s+)?$",
    re.I,
)
_CLOCK = re.compile(
    r"(?:at\s+)?(?:around\s+|about\s+)?\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?|GMT|UTC|local\s+time|hours?)?(?:\s*\([^)]*\))?",
    re.I,
)
_SINCE = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?)?$", re.I)
_UNTIL = re.compile(r"\b(?:until|till|through|to|ending|ends?\s+on)\s+(?:early\s+|late\s+|mid-?)?$", re.I)
_IN_NAME = re.compile(r"[A-Z][\w/]*[\s-]$")
_RANGE_GLUE = re.compile(r"^\s*(?:-|–|—|to|through|thru|until|till|and)\s*$", re.I)


def _dates(text: str, published: dt.date | None) -> tuple[list[When], list[tuple[int, int, int]]]:
    """Resolved date expressions (ranges such as "1950-53" joined) and durations (start, end, days)."""
    whens: list[When] = []
    durations: list[tuple[int, int, int]] = []
    for t in periods(text, published):
        if t.type == "DURATION":
            days = _duration_days(t.value)
            if days:
                durations.append((t.start, t.end, days))
            continue
        if t.type not in ("DATE", "TIME") or t.first is None or t.last is None or not t.resolved:
            continue
        if _SINCE_SUPERLATIVE.search(text, max(0, t.start - 60), t.start):
            continue  # "the largest drills in five years": a span looking back, not a date ahead
        if _IN_NAME.search(text, max(0, t.start - 40), t.start) and re.fullmatch(r"\d{4}\w?", t.text):
            continue  # a year that is part of a name: "exercise Baltic Guardian 2025", "Joint Sword-2024A"
        if t.precision == "time" and _CLOCK.fullmatch(t.text):
            continue  # "at 7:23 a.m.": the hour of an event whose day is told elsewhere
        w = _when(t)
        since = _SINCE.search(text, max(0, t.start - 12), t.start)
        if since and published is not None and w.first <= published:
            # "since January 12": from then until the article was written
            w = When(w.first, published, w.precision, text[since.start() : t.end], since.start(), t.end)
        prev = whens[-1] if whens else None
        if prev and _RANGE_GLUE.match(text[prev.end : w.start]) and prev.first <= w.first:
            whens[-1] = When(prev.first, w.last, prev.precision, text[prev.start : w.end], prev.start, w.end)
            continue
        whens.append(w)
    return whens, durations


def _when(t: Timex) -> When:
    first, last, precision = t.first, t.last, t.precision or "day"
    if precision == "month" and first is not None:  # "later this month" is the month
        first = first.replace(day=1)
        nxt = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        last = nxt - dt.timedelta(days=1)
    return When(first, last, precision, t.text, t.start, t.end)  # type: ignore[arg-type]


def _duration_days(value: str) -> int | None:
    m = re.fullmatch(r"P(\d+)([DW])", value or "")
    if not m:
        return None
    n = int(m.group(1)) * (7 if m.group(2) == "W" else 1)
    return n if 1 < n <= 400 else None


# --- clauses -------------------------------------------------------------------------------------

_BOUNDARY = re.compile(
    r";|:\s|\s[—–]\s|,\s(?:while|whereas|but|although|though|when|as|and\s+(?:the|then|also|later))\b"
    r"|\s(?:while|whereas|because|after|before|although)\s|,\s(?:according\s+to)\b"
)
_THAT = re.compile(r"\bthat\b")
_SAYS = {
    "said",
    "says",
    "warned",
    "warns",
    "announced",
    "announces",
    "stated",
    "claimed",
    "insisted",
    "stressed",
    "confirmed",
    "reported",
    "reports",
    "declared",
    "reiterated",
    "denied",
}
_SAID_CLAUSE = re.compile(
    r"\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)"
    r"(?:the|a|an|it|he|she|they|we|its|his|her|their|this|these|those|[A-Z][\w’'.-]+)\s+\w"
)
_RELATIVE = re.compile(r",\s(?:who|which|whose)\s[^,;—–]{1,120}(?:,|[—–])")
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]{2,40}(?:,[^—–\n]{0,60})?\s*(?:\([^)]{1,30}\))?\s*[—–-]+\s")


def _boundaries(text: str, s: int, e: int, triggers: list[Trigger]) -> list[int]:
    """Clause starts inside a sentence: punctuation, conjunctions, and "that" after a reporting word."""
    cuts = [m.start() for m in _BOUNDARY.finditer(text, s, e)]
    for m in _THAT.finditer(text, s, e):
        if any(t.type == "statement" and 0 <= m.start() - t.end <= 40 for t in triggers):
            cuts.append(m.start())
    # "X said the missile was fired ...": what was said starts right after the verb
    for t in triggers:
        if t.type == "statement" and t.kind == "verb" and t.text.lower() in _SAYS:
            m = _SAID_CLAUSE.match(text, t.end)
            if m and m.end() < e:
                cuts.append(t.end)
    # ", the officials said" / ", KCNA reported on July 29": the speaker's clause at the end
    for t in triggers:
        if t.type == "statement" and t.kind == "verb":
            c = text.rfind(",", s, t.start)
            q = text.rfind("”", s, t.start)
            cut = max(c, q)
            subject = text[cut + 1 : t.start].strip() if cut > s else ""
            tail = text[t.end : e]
            aside = tail.startswith(",")  # ", South Korea's military said, hours before ..."
            if subject and t.start - cut < 70 and (len(tail) < 50 or aside) and not _THAT.search(tail[:40]):
                cuts.append(cut + 1)
    return sorted(set(cuts))


def _scope(pos: int, s: int, e: int, cuts: list[int]) -> tuple[int, int]:
    lo = max([c for c in cuts if c <= pos] or [s])
    hi = min([c for c in cuts if c > pos] or [e])
    return lo, hi


# --- the pipeline --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Geo:
    countries: list  # (start, end, iso3, kind)
    places: list  # events.places.PlaceMention


def _geo(text: str) -> Geo:
    from events.countries import find_countries
    from events.places import find_places

    cs = [(m.start, m.end, m.iso3, m.kind) for m in find_countries(text)]
    isos = {c[2] for c in cs}
    return Geo(cs, find_places(text, countries=isos))


_OBJECT_OF = re.compile(
    r"(?:plans?\s+for|talk\s+of|discuss(?:ed|ing)?|over|about|on|for|of|against|condemn\w*|"
    r"denounc\w*|criticiz\w*|critici[sz]ed|as|into|includ\w*|propos\w*|offer\w*|in|with|amid|than)\s+"
    r"(?:(?:a|an|the|its|their|his|her|this|these|those|any|further|more|new|planned|proposed)\s+)?"
    r"(?:[\w’'-]+\s+){0,4}$",
    re.I,
)
_ANAPHOR = re.compile(r"(?:\bthe|\bthis|\bthat|\bthese|\bthose|\bits|\btheir)\s+(?:[\w/-]+\s+){0,2}$", re.I)
_PRONOUN_SUBJECT = re.compile(r"^(?:He|She|They|It|This|These|Those|The\s+[a-z]\w*)\b")
_LOCATIVE = re.compile(
    r"(?:\bin|\bat|\bnear|\boff|\bover|\bthroughout|\bthrough|\bacross|\binside|\baround|\binto|\bto|\bvisit(?:s|ed|ing)?|"
    r"\bwaters\s+off|\bcoast\s+of|\bnorth\s+of|\bsouth\s+of|\beast\s+of|\bwest\s+of)\s+(?:the\s+)?(?:(?:sensitive|disputed|strategic|contested|occupied|northern|southern|eastern|western|central|busy|vital|key)\s+)?$",
    re.I,
)
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
    whens, durations = _dates(text, published)
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
                Geo(within(geo.countries, "countries", s, e), places),
                acts,
                places,
                published,
            )
        )
    cands = _resolve_context(cands, text, sentences)
    _inherit_places(cands)
    # an event with neither a country nor a place cannot be put on a map or filtered: not reported
    return [
        _record(c, text, sentences, published)
        for c in cands
        if c.when is not None and (c.countries or c.topic or c.place is not None)
    ]


def _inside_org(p, actors: list[Actor]) -> bool:
    return any(a.kind == "organisation" and a.start <= p.start < a.end for a in actors)


def _sentence_events(text, i, s, e, whens, durations, geo, actors, places, published) -> list[Candidate]:
    triggers = find_triggers(text, s, e)
    if not triggers:
        return []
    dl = _DATELINE.match(text, s)
    body_start = dl.end() if dl else s
    triggers = [t for t in triggers if t.start >= body_start]
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
            ) and not _BOUNDARY.search(text, max(s, t.start - 100), t.start)
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
    cuts = _boundaries(text, s, e, triggers)
    # dates and durations in this sentence go to the trigger they belong to
    in_sentence = [w for w in whens if s <= w.start < e and w.start >= body_start]
    # a date inside a relative clause without an event of its own ("Lai, who took office on Monday,")
    # dates that clause only
    for m in _RELATIVE.finditer(text, s, e):
        if not any(m.start() <= t.start < m.end() for t in triggers):
            in_sentence = [w for w in in_sentence if not (m.start() <= w.start < m.end())]
    # objects take part in date assignment: "the end of the 1950-53 Korean War" keeps its date
    sinks = triggers + objects
    owner: dict[int, list[tuple[float, When]]] = {}
    for w in in_sentence:
        k, cost = _nearest(text, w.start, w.end, sinks, cuts, s, e, n_events=len(triggers))
        owner.setdefault(k, []).append((cost, w))
    dur_owner: dict[int, int] = {}
    for ds, de, days in durations:
        if s <= ds < e:
            dur_owner[_nearest(text, ds, de, triggers, cuts, s, e)[0]] = days
    # group same-type triggers whose dates agree
    groups: list[Candidate] = []
    for k, t in enumerate(triggers):
        mine = owner.get(k, [])
        when = min(mine, key=lambda cw: cw[0])[1] if mine else None
        alone = t.kind == "noun" and _OTHER_EVENT.search(text[max(s, t.start - 40) : t.start])
        target = None
        for g in groups:
            if alone or g.alone:
                continue
            if g.type == t.type and (when is None or g.when is None or _overlap(g.when, when)):
                target = g
                break
            if g.type == t.type and g.when is not None and when is not None and g.when.last < when.first:
                if _UNTIL.search(text, max(s, when.start - 20), when.start):
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
        _fill(g, text, s, e, body_start, cuts, geo, actors, places, published, triggers)
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


_PERFECT = re.compile(r"\b(?:has|have|had|has\s+just|have\s+now)\s+(?:[\w-]+\s+){0,3}$", re.I)


# a noun after these names an earlier or other event, not the one the sentence reports
_OTHER_EVENT = re.compile(
    r"\b(?:retaliation\s+for|response\s+to|following|after|since|amid|despite|revenge\s+for|blamed\s+for)\s+"
    r"(?:(?:the|a|an|its|their|his|her|recent|repeated|\w+’s|\w+'s)\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
_PHRASE_OPEN = re.compile(
    r"(?:\b(?:of|in|for|during|after|before|with|by|to|on|from|amid|and|that|as)\s|[,;:(])", re.I
)
_PP_BEFORE = re.compile(
    r"\b(?:for|during|after|before|since|amid|from)\s+(?:the|a|an|its|their|his|her)?\s*(?:[\w’'-]+\s+){0,3}$",
    re.I,
)
_NP_TAIL = re.compile(
    r"\s+(?:in|on|against|between|with|over|across)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:and\s+)?[A-Z][\w’'-]*){0,3}"
)


def _phrase_start(text: str, pos: int, lo: int) -> int:
    """Where the noun phrase that ends in the word at `pos` begins (after its preposition or comma)."""
    start = max(lo, pos - 60)
    last = None
    for m in _PHRASE_OPEN.finditer(text, start, pos):
        last = m
    return last.end() if last else start


def _nearest(
    text: str,
    a: int,
    b: int,
    triggers: list[Trigger],
    cuts: list[int],
    s: int,
    e: int,
    n_events: int | None = None,
) -> tuple[int, float]:
    """Index of the trigger a date at text[a:b] belongs to, and how far it is from it."""
    scope = _scope(a, s, e, cuts)
    best, best_cost = 0, float("inf")
    for k, t in enumerate(triggers):
        if t.end <= a:
            gap = text[t.end : a]
        else:
            gap = text[b : t.start]
        cost = len(gap) + 10 * gap.count(",")
        if not (scope[0] <= t.start < scope[1]):
            cost += 1000
        # a date right before a noun modifies it: "a July 24 report", "the 1950-53 Korean War"
        premodifier = (
            t.kind == "noun" and t.start >= b and re.fullmatch(r"\s*(?:[\w-]+\s+){0,2}", text[b : t.start])
        )
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


_IN_PP = re.compile(
    r"\b(?:under|of|with|by|about|against|over|into)\s+(?:the|a|an|its|their|this|that)\s+(?:[\w-]+\s+)?$",
    re.I,
)


def _best_when(ws: list[When]) -> When | None:
    if not ws:
        return None
    return min(ws, key=lambda w: (PRECISION_RANK.get(w.precision, 9), -w.start))


def _overlap(a: When, b: When) -> bool:
    return a.first <= b.last and b.first <= a.last


def _fill(
    g: Candidate, text, s, e, body_start, cuts, geo: Geo, actors, places, published, sentence_triggers
) -> None:
    """Countries, actors, place and modality of a candidate from its clause(s)."""
    t0 = g.triggers[0]
    lo, hi = s, e
    spans = [_scope(t.start, body_start, e, cuts) for t in g.triggers]
    lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
    lo = max(lo, body_start)
    in_phrase = _PP_BEFORE.search(text, max(lo, t0.start - 50), t0.start)
    if all(t.kind == "noun" for t in g.triggers) and g.type != "statement":
        # a noun inside a clause about something else ("met ... during ... the 1950-53 Korean War")
        # has only its own phrase: "the war in Ukraine", "strikes on Yemen"
        others = [
            o for o in sentence_triggers if o.kind == "verb" and lo <= o.start < hi and o.type != g.type
        ]
        if others or (g.type == "armed_conflict" and in_phrase):
            np_lo = _phrase_start(text, t0.start, lo)
            m = _NP_TAIL.match(text, g.triggers[-1].end)
            np_hi = m.end() if m else g.triggers[-1].end
            lo, hi = np_lo, min(hi, np_hi)
    core_lo, core_hi = lo, hi
    topic_lo = topic_hi = None
    g.topic_span = None
    if g.type == "statement":
        # the speaker's side and what was said
        cut_after = [c for c in cuts if c > t0.end and _THAT.match(text, c)]
        if cut_after:
            topic_lo, topic_hi = cut_after[0], _scope(cut_after[0] + 1, body_start, e, cuts)[1]
            g.topic_span = (topic_lo, topic_hi)
        elif t0.kind == "verb" and lo > body_start:
            topic_lo, topic_hi = body_start, lo
    for cs, _ce, iso, _kind in geo.countries:
        if core_lo <= cs < core_hi and iso not in g.countries:
            g.countries.append(iso)
        elif topic_lo is not None and topic_lo <= cs < topic_hi and iso not in g.topic:
            g.topic.append(iso)
    for a in actors:
        if core_lo <= a.start < core_hi:
            g.actors.append(a)
            if a.country and a.country not in g.countries:
                g.countries.append(a.country)
        elif (
            topic_lo is not None and topic_lo <= a.start < topic_hi and a.country and a.country not in g.topic
        ):
            g.topic.append(a.country)
    # the place: a gazetteer name after "in", "at", "off", "throughout"..., nearest the trigger
    best = None
    for p in places:
        if not (core_lo <= p.start < core_hi):
            continue
        before = text[max(s, p.start - 30) : p.start]
        target = g.type == "armed_conflict" and _TARGET.search(before)
        if not (_LOCATIVE.search(before) or target) or _FAR_OF.search(before):
            continue
        if text.startswith(("’s", "'s"), p.end):
            continue  # "at Ukraine's request" names a country, not a place
        if re.search(r"\bto\s+(?:the\s+)?$", before) and g.type not in ("meeting",):
            continue  # "ambassador to North Korea" is no place; "trip to Moscow" is
        if re.search(r"\bthrough\s+(?:the\s+)?\w*\s*$", before) and g.type != "military_exercise":
            continue  # "sailed through the Taiwan Strait" is where a patrol was; "transits through" in a quote is not
        dist = min(abs(p.start - t.start) for t in g.triggers)
        rank = dist + (40 if GEO_RANK.get(p.place.geo_precision, 5) > 3 else 0)
        if best is None or rank < best[0]:
            best = (rank, p)
    if best is not None:
        g.place, g.place_text, g.explicit_place = best[1].place, best[1].text, True
        if best[1].place.country and best[1].place.country not in g.countries:
            g.countries.append(best[1].place.country)
    g.definite = t0.kind == "noun" and bool(_ANAPHOR.search(text[max(s, t0.start - 40) : t0.start]))
    # "He would meet ...", "The newspaper cited ...": the subject points back, if the trigger is in its clause
    main_clause = _scope(t0.start, body_start, e, cuts)[0] == body_start
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


# --- context: undated mentions of an event told elsewhere -----------------------------------------


def _people(c: Candidate) -> set[str]:
    return {a.name for a in c.actors if a.kind == "person"}


def _resolve_context(cands: list[Candidate], text: str, sentences) -> list[Candidate]:
    """Fold each undated candidate into the dated event it refers to, or drop it; fold a dated
    back-reference ("The 11-day exercise ...") into the event it refers to when their dates agree."""
    kept: list[Candidate] = []
    kept_at: list[int] = []
    dated = [x for x in cands if x.when is not None]
    dated_at = [x.sentences[0] for x in dated]
    for c in cands:
        best = None
        i = c.sentences[0]
        pool, at = (kept, kept_at) if c.when is not None else (dated, dated_at)
        for d in pool[bisect_left(at, i - CONTEXT_SENTENCES) :]:
            if d.sentences[0] > i + CONTEXT_SENTENCES:
                break
            if d is c or d.type != c.type:
                continue
            # "the exercise will rehearse ..." still points at the exercise that began; a pronoun does not
            if not _compatible(c.modality, d.modality) and not (c.definite and c.when is None):
                continue
            i, j = c.sentences[0], d.sentences[0]
            dist = abs(i - j)
            shared_people = bool(_people(c) & _people(d))
            back = c.anaphoric and 0 < i - j <= 5
            if c.when is not None:
                # a dated mention joins only an earlier event it points back to, on the same dates
                if not (back and _overlap(c.when, d.when)):  # type: ignore[arg-type]
                    continue
            elif not (
                shared_people
                or back
                or (c.type != "statement" and set(c.countries) & set(d.countries) and dist <= 1)
            ):
                continue
            score = dist - 2 * shared_people - 2 * back
            if best is None or score < best[0]:
                best = (score, d)
        if best is not None:
            _absorb(best[1], c)
        elif c.when is not None:
            kept.append(c)
            kept_at.append(i)
    return kept


def _compatible(a: str, b: str) -> bool:
    return a == b or "claimed" in (a, b)


def _absorb(d: Candidate, c: Candidate) -> None:
    """Add what candidate c knows to d (c carries no date of its own)."""
    for i in c.sentences:
        if i not in d.sentences:
            d.sentences.append(i)
    for iso in c.countries:
        if iso not in d.countries:
            d.countries.append(iso)
    for iso in c.topic:
        if iso not in d.topic:
            d.topic.append(iso)
    names = {a.name for a in d.actors}
    d.actors.extend(a for a in c.actors if a.name not in names)
    if c.place is not None and (
        d.place is None or GEO_RANK.get(c.place.geo_precision, 5) < GEO_RANK.get(d.place.geo_precision, 5)
    ):
        d.place, d.place_text, d.explicit_place = c.place, c.place_text, c.explicit_place
    if c.duration_days and not d.duration_days:
        d.duration_days = c.duration_days
    if c.when is not None and d.when is not None:
        # a range that holds the other's day says more: "wrapped up Thursday" + "the 11-day exercise"
        if (
            c.when.first <= d.when.first
            and d.when.last <= c.when.last
            and c.when.precision in ("day", "time")
        ):
            if (c.when.first, c.when.last) != (d.when.first, d.when.last):
                d.when = When(
                    c.when.first,
                    c.when.last,
                    c.when.precision,
                    f"{d.when.text}; {c.when.text}",
                    d.when.start,
                    d.when.end,
                )
    d.complement_has_event = d.complement_has_event or c.complement_has_event
    d.objects += [o for o in c.objects if o not in d.objects]


def _inherit_places(cands: list[Candidate]) -> None:
    """An event without a place, between the same people as a dated meeting, happened where they met."""
    meetings = [c for c in cands if c.type == "meeting" and c.place is not None and c.when is not None]
    for c in cands:
        if c.place is not None or c.type in ("meeting", "statement") or c.when is None:
            continue
        for m in meetings:
            if abs(m.sentences[0] - c.sentences[0]) > CONTEXT_SENTENCES:
                continue
            if len(_people(c) & _people(m)) >= 2 and c.when.first <= m.when.first <= c.when.last:
                c.place, c.place_text = m.place, m.place_text
                break


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


def _record(c: Candidate, text: str, sentences, published: dt.date | None) -> dict:
    first, last, precision = _dates_of(c, text, sentences)
    countries = list(c.countries)
    if c.type == "statement" and (not countries or not c.complement_has_event):
        countries += [iso for iso in c.topic if iso not in countries]
    order = sorted(c.sentences)
    evidence = " ".join(text[sentences[i][0] : sentences[i][1]] for i in order)
    actors = list(dict.fromkeys(a.name for a in c.actors))
    confidence = 0.35
    confidence += 0.25 if precision in ("day", "time") else 0.15 if precision in ("week", "month") else 0.05
    confidence += 0.15 if c.explicit_place else 0.05 if c.place is not None else 0.0
    confidence += 0.1 if countries else 0.0
    confidence += 0.1 if any(t.kind == "verb" for t in c.triggers) else 0.05
    if c.modality == "claimed":
        confidence -= 0.1
    place = c.place
    return {
        "title": make_title(
            c.type, c.triggers[0].text, actors, c.actors, countries, place, c.modality, c.objects
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
        "_people": sorted(_people(c)),
    }
