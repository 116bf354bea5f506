"""Context across sentences: an undated mention of an event takes the date of the event it refers to
("the exercise", "He would meet ...", the same people again), and an event without a place takes
the place where the same people met."""

from __future__ import annotations

import re
from bisect import bisect_left

from loaders.article.candidate import GEO_RANK, Candidate, people
from loaders.article.dates import PRECISION_RANK, When, overlap

CONTEXT_SENTENCES = 12  # how far back or ahead a mention of an event is looked for
LEAD_SENTENCES = 3  # the headline, a dateline sentence and the one after it


def resolve_context(
    cands: list[Candidate], text: str, sentences, news_day: When | None = None, lead_end: int = LEAD_SENTENCES
) -> list[Candidate]:
    """Fold each undated candidate into the dated event it refers to, or drop it; fold a dated
    back-reference ("The 11-day exercise ...") into the event it refers to when their dates agree.

    An undated action told as today's news ("Ukraine's air force said it shot down 43 missiles")
    that refers to nothing takes `news_day`, the day the article's lead reports."""
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
            shared_people = bool(people(c) & people(d))
            back = c.anaphoric and 0 < i - j <= 5
            if c.when is not None:
                # a dated mention joins only an earlier event it points back to, on the same dates
                if not (back and overlap(c.when, d.when)):  # type: ignore[arg-type]
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
            continue
        if c.when is None and news_day is not None and _todays_news(c, text, sentences, lead_end):
            c.when, c.inferred_date = news_day, True
        if c.when is not None:
            kept.append(c)
            kept_at.append(i)
    return kept


# a simple past or a reporting present: what the news of the day is made of
_NEWS_VERB = re.compile(
    r"^[a-z]+(?:ed|says|warns|urges|calls)$|^(?:said|told|shot\s+down|struck|met|hit|sank|fired|"
    r"bombed|downed|seized|stormed|killed|wounded|held|led|sent|began|fought|took|spoke|"
    r"says|tells|warns|urges|condemns|vows|denies|rejects|accuses|claims)$",
    re.I,
)
_PROGRESSIVE = re.compile(r"\b(?:is|are)\s+[a-z]+ing$")  # "the State Department is expelling ten diplomats"
_BACKGROUND = re.compile(
    r"\b(?:had|has|have|would|could|will|may|might|should|must|often|frequently|repeatedly|regularly|"
    r"previously|once|long|never|usually|traditionally|since|earlier|before|ago|years?|decades?|"
    r"months|history|historically|last|first|former|formerly|in\s+the\s+past)\b",
    re.I,
)


_PRESENT_PERFECT = re.compile(r"\b(?:has|have)\s+(?:now\s+|just\s+|finally\s+)?(?:been\s+)?$", re.I)
_NOT_NEWS = re.compile(r"\b(?:would|could|will|may|might|should|often|repeatedly|long|never|since)\b", re.I)
_ATTRIBUTION = re.compile(r"[,”\"]\s*(?:[\w’'.-]+\s+){0,6}$")


def _todays_news(c: Candidate, text: str, sentences, lead_end: int = LEAD_SENTENCES) -> bool:
    """An undated verb in the simple past ("said", "shot down") in a sentence with no sign of
    background, habit or the future."""
    verbs = [t for t in c.triggers if t.kind == "verb"]
    if not verbs or c.modality != "occurred" or not (c.countries or c.topic):
        return False
    if not all(
        _NEWS_VERB.match(" ".join(t.text.split())) or _PROGRESSIVE.search(text, max(0, t.start - 12), t.end)
        for t in verbs
    ):
        return False
    s, e = sentences[c.sentences[0]]
    lead = c.sentences[0] < lead_end
    if lead and all(_PRESENT_PERFECT.search(text, max(s, t.start - 20), t.start) for t in verbs):
        return not _NOT_NEWS.search(text, s, e)  # "Iran and six powers have reached a deal": the news itself
    if c.type == "statement":
        t = c.triggers[0]
        if c.complement_has_event or not c.countries:
            return False  # it is the source of another event, or nobody in particular said it
        if _ATTRIBUTION.search(text, max(s, t.start - 60), t.start) and e - t.end < 40:
            return False  # ", officials said.": where the sentence's news comes from
    return not _BACKGROUND.search(text, s, e)


def _says_more(c: When, d: When) -> bool:
    """Whether date c, told of the same event later, says more than d: a day inside d's week ("last
    week's coup" + "seized power on Monday last week"), or a range of days holding d ("wrapped up
    Thursday" + "the 11-day exercise")."""
    inside = (
        PRECISION_RANK[c.precision] < PRECISION_RANK[d.precision] and d.first <= c.first <= c.last <= d.last
    )
    holding = c.precision in ("day", "time") and c.first <= d.first and d.last <= c.last
    return inside or (holding and (c.first, c.last) != (d.first, d.last))


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
        d.place is None
        or GEO_RANK.get(c.place.geo_precision, 5) < GEO_RANK.get(d.place.geo_precision, 5)
        and c.places_named <= 1
    ):
        d.place, d.place_text, d.explicit_place = c.place, c.place_text, c.explicit_place
    if c.duration_days and not d.duration_days:
        d.duration_days = c.duration_days
    if c.when is not None and d.when is not None and _says_more(c.when, d.when):
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


def inherit_places(cands: list[Candidate]) -> None:
    """An event without a place, between the same people as a dated meeting, happened where they met."""
    meetings = [c for c in cands if c.type == "meeting" and c.place is not None and c.when is not None]
    for c in cands:
        if c.place is not None or c.type in ("meeting", "statement") or c.when is None:
            continue
        for m in meetings:
            if abs(m.sentences[0] - c.sentences[0]) > CONTEXT_SENTENCES:
                continue
            if len(people(c) & people(m)) >= 2 and c.when.first <= m.when.first <= c.when.last:
                c.place, c.place_text = m.place, m.place_text
                break
