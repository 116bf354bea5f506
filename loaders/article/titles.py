"""Short event titles for charts, built from who, what and where rather than copied from the sentence.

>>> make_title("meeting", "met", ["Sergei Shoigu", "Kim Jong Un"], [], ["RUS", "PRK"], None, "occurred")
'Sergei Shoigu meets Kim Jong Un'
>>> make_title("weapons_test", "fired", [], [], ["PRK"], None, "occurred")
'North Korea launches missile'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_VERB = {
    "said": "says",
    "says": "says",
    "told": "tells reporters",
    "tells": "tells reporters",
    "warned": "warns",
    "warns": "warns",
    "warning": "warns",
    "condemned": "condemns",
    "condemns": "condemns",
    "reported": "reports",
    "reports": "reports",
    "denounced": "denounces",
    "announced": "announces",
    "declared": "declares",
    "accused": "accuses",
    "urged": "urges",
    "vowed": "vows",
    "threatened": "threatens",
    "claimed": "claims",
    "spoke": "speaks",
    "stated": "states",
    "insisted": "insists",
    "stressed": "stresses",
    "denied": "denies",
    "rejected": "rejects",
    "confirmed": "confirms",
    "criticized": "criticises",
    "criticised": "criticises",
    "cited": "cites",
    "reacted": "reacts",
    "welcomed": "welcomes",
    "welcomes": "welcomes",
    "hailed": "hails",
    "praised": "praises",
    "called": "calls",
    "calls": "calls",
    "responded": "responds",
    "tweeted": "tweets",
    "declare": "declares",
    "announce": "announces",
    "condemn": "condemns",
    "denounce": "denounces",
    "addressed": "addresses",
    "address": "addresses",
    "addresses": "addresses",
}
# reporting verbs whose object says what the statement was about
_TAKES_OBJECT = {"condemns", "denounces", "welcomes", "hails", "praises", "rejects", "denies", "criticises",
                 "accuses", "urges", "calls", "announces", "confirms", "threatens", "slams", "unveils"}  # fmt: skip
_OBJECT_WORDS = re.compile(
    r"\s+((?:(?!(?:that|on|in|at|after|before|as|which|who|when|while|and|but|said|says|"
    r"last|this|next|late|early|earlier|later)\b)[\w’'-]+\s*){1,5})"
)


def said_what(text: str, end: int) -> str:
    """The few words after a reporting verb that say what it was about ("the strikes", "for restraint"),
    up to punctuation, a clause or a date.

    >>> said_what("Iran condemned the strikes on Friday.", 14), said_what("He warned that it would.", 9)
    ('the strikes', '')
    """
    m = _OBJECT_WORDS.match(text[end : end + 80])
    words = m.group(1).split() if m else []
    return (
        " ".join(words[:5])
        if words and words[0].lower() not in ("it", "they", "he", "she", "him", "them")
        else ""
    )


_TYPE_LABEL = {
    "meeting": "meeting",
    "military_exercise": "military exercise",
    "weapons_test": "weapons test",
    "statement": "statement",
    "proposal": "proposal",
    "agreement": "agreement",
    "arms_transfer": "arms deal",
    "armed_conflict": "attack",
    "sanction": "sanctions",
    "protest": "protest",
    "other": "event",
}


# an "other" event is named by what its word says (the last word of the trigger)
_OTHER_NOUN = [
    ("coup", "coup"), ("putsch", "coup"), ("power", "seizure of power"), ("overthr", "coup"), ("ousted", "coup"),
    ("toppled", "coup"), ("deposed", "coup"), ("detain", "detentions"), ("arrest", "arrests"),
    ("in", "inauguration"), ("inaugurat", "inauguration"), ("office", "takes office"), ("elect", "election"),
    ("won", "election"), ("vote", "vote"), ("referendum", "referendum"), ("resign", "resignation"),
    ("down", "resignation"), ("withdr", "withdrawal"), ("of", "withdrawal"), ("airspace", "closes airspace"),
    ("border", "closes border"), ("embassy", "closes embassy"), ("suspend", "suspension"), ("froze", "freeze"),
    ("freez", "freeze"), ("frozen", "freeze"), ("off", "cut-off"), ("join", "membership bid"),
    ("status", "candidate status"), ("membership", "membership"), ("member", "membership"),
    ("approved", "approval"), ("passed", "passes law"), ("adopted", "adoption"), ("ratified", "ratification"),
    ("vetoed", "veto"), ("voted", "vote"), ("ruled", "ruling"), ("sign", "signs order"), ("signed", "signs order"), ("over", "handover"), ("handover", "handover"),
]  # fmt: skip


def _name(iso: str) -> str:
    from events.countries import country_name

    try:
        return country_name(iso) or iso
    except (KeyError, ValueError, LookupError):
        return iso


def _join(names: Sequence[str]) -> str:
    names = list(names)
    if len(names) <= 3:
        return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)
    return ", ".join(names[:2]) + " and others"


def make_title(
    event_type: str,
    trigger: str,
    actors: Sequence[str],
    actor_records: Sequence[object],
    countries: Sequence[str],
    place: object | None,
    modality: str,
    objects: Sequence[str] = (),
    said_what: str = "",
) -> str:
    """A label of a few words: "Shoigu meets Kim Jong Un", "China and Russia military exercise"."""
    people = list(dict.fromkeys(a.name for a in actor_records if getattr(a, "kind", "") == "person"))
    if not actor_records:
        people = list(actors)
    orgs = [a for a in actors if a not in people]
    if event_type == "statement":  # a statement is by its speaker, often an organisation
        who = people[0] if people else orgs[0] if orgs else _name(countries[0]) if countries else ""
    else:
        who = people[0] if people else _name(countries[0]) if countries else orgs[0] if orgs else ""
    where = getattr(place, "name", "") if place is not None else ""
    word = trigger.lower().split()[-1]
    nations = _join([_name(c) for c in countries])
    if event_type == "meeting":
        if len(people) >= 2:
            title = f"{people[0]} meets {people[1]}"
        elif word.startswith("visit") and who and where:
            title = f"{who} visits {where}"
        elif who and len(countries) >= 2 and not people:
            title = f"{nations} meeting"
        elif word.startswith("summit"):
            title = f"{who} summit".strip()
        else:
            title = f"{who} meeting" + (f" in {where}" if where else "")
    elif event_type == "statement":
        verb = _VERB.get(word, "statement")
        title = f"{who} {verb}".strip() if verb != "statement" or not who else f"{who} statement"
        if said_what and verb in _TAKES_OBJECT:
            title += f" {said_what}"  # "Iran condemns the strikes", "China calls for restraint"
    elif event_type == "proposal":
        what = _TYPE_LABEL.get(objects[0], "") if objects else ""
        title = f"{who} proposes {what}".strip() if what else f"{who} proposal"
        title += f" to {people[1]}" if len(people) > 1 else ""
    elif event_type == "weapons_test":
        noun = (
            "missile" if word in ("fired", "fires", "launched", "launches", "test-fired") else "weapons test"
        )
        verb = "launches" if noun == "missile" else "holds"
        title = f"{who} {verb} {noun}".strip()
    elif event_type == "agreement" and word.startswith(("sign", "ink")):
        title = f"{nations or who} {'sign' if len(countries) > 1 else 'signs'} agreement"
    elif event_type in ("military_exercise", "agreement", "arms_transfer", "sanction"):
        title = f"{nations or who} {_TYPE_LABEL[event_type]}".strip()
    elif event_type == "armed_conflict":
        if word == "war":
            title = f"War in {where}" if where else f"{nations} war"
        elif word.startswith("clash") or word in ("fighting", "battle", "battles"):
            title = f"{nations or who} clashes"
        else:
            noun = "strikes" if "strike" in word or word == "struck" else "attack"
            prep = " in " if getattr(place, "geo_precision", "") == "sea" else " on "
            title = f"{who} {noun}" + (f"{prep}{where}" if where and where != who else "")
        title = title.strip()
    elif event_type == "other":
        noun = next((n for stem, n in _OTHER_NOUN if word.startswith(stem)), "event")
        title = f"{who} {noun}".strip()
    else:
        title = f"{who} {_TYPE_LABEL.get(event_type, 'event')}".strip()
    if where and event_type in ("military_exercise", "armed_conflict", "protest") and where not in title:
        title += f" in {where}"
    if modality == "planned":
        title += " (planned)"
    elif modality == "claimed":
        title += " (claimed)"
    if not who and not people and not countries:
        title = _TYPE_LABEL.get(event_type, "event").capitalize() + (f" in {where}" if where else "")
    title = title[0].upper() + title[1:] if title else _TYPE_LABEL.get(event_type, "Event").capitalize()
    return title[:80]
