"""The event-type taxonomy (a contract, see DESIGN.md) and its crosswalks from CAMEO and ACLED.

>>> from_cameo("043"), from_cameo("1383"), from_cameo("062"), from_cameo("0312")
('meeting', 'statement', 'arms_transfer', 'arms_transfer')
>>> from_acled("Strategic developments", "Agreement"), from_acled("Riots")
('agreement', 'protest')
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventType:
    name: str
    label: str
    description: str


EVENT_TYPES: dict[str, EventType] = {
    t.name: t
    for t in (
        EventType("meeting", "Meeting", "Summits, talks and official visits."),
        EventType(
            "military_exercise",
            "Military exercise",
            "Drills, exercises, patrols and deployments made for show.",
        ),
        EventType("weapons_test", "Weapons test", "Missile launches, nuclear and other weapons tests."),
        EventType(
            "statement",
            "Statement",
            "Statements, warnings, briefings, condemnations and media reports.",
        ),
        EventType("proposal", "Proposal", "Offers, proposals and stated intent to cooperate."),
        EventType("agreement", "Agreement", "Deals and treaties; cooperation signed or agreed."),
        EventType(
            "arms_transfer",
            "Arms transfer",
            "Arms trade, negotiations over arms, and military aid.",
        ),
        EventType("armed_conflict", "Armed conflict", "Wars, attacks, strikes and battles."),
        EventType("sanction", "Sanction", "Sanctions, embargoes, expulsions and coercion."),
        EventType("protest", "Protest", "Protests and riots."),
        EventType("other", "Other", "Anything else."),
    )
}

# Longest prefix wins: specific codes first override their roots (0312 is under 03, 062 under 06).
_CAMEO: dict[str, str] = {
    "01": "statement",
    "02": "statement",
    "03": "proposal",
    "0312": "arms_transfer",
    "0332": "arms_transfer",
    "04": "meeting",
    "05": "agreement",
    "057": "agreement",
    "06": "agreement",
    "062": "arms_transfer",
    "07": "other",
    "072": "arms_transfer",
    "08": "other",
    "09": "statement",
    "10": "statement",
    "11": "statement",
    "12": "statement",
    "13": "statement",
    "14": "protest",
    "15": "weapons_test",
    "150": "military_exercise",
    "154": "military_exercise",
    "16": "sanction",
    "17": "sanction",
    "18": "armed_conflict",
    "19": "armed_conflict",
    "20": "armed_conflict",
}

_ACLED: dict[str, str] = {
    "battles": "armed_conflict",
    "explosions/remote violence": "armed_conflict",
    "violence against civilians": "armed_conflict",
    "protests": "protest",
    "riots": "protest",
    "strategic developments": "other",
}


def is_event_type(name: object) -> bool:
    return isinstance(name, str) and name in EVENT_TYPES


def label(name: str) -> str:
    """The UI label of a type name; the name itself when unknown."""
    t = EVENT_TYPES.get(name)
    return t.label if t else name


def from_cameo(code: str | int | None) -> str | None:
    """Our type for a CAMEO event code (root "04", base "043" or full "1383"); None when not a code.

    GDELT writes codes as text with leading zeros; an int loses them, so 43 is read as "043".
    """
    if code is None:
        return None
    s = str(code).strip()
    if not (s.isascii() and s.isdigit()) or not 1 <= len(s) <= 4:
        return None
    if not s.startswith("0") and not (len(s) >= 2 and 10 <= int(s[:2]) <= 20):
        s = "0" + s  # a lost leading zero: 4 -> 04, 43 -> 043, 312 -> 0312
    if not 2 <= len(s) <= 4 or not 1 <= int(s[:2]) <= 20:
        return None
    for n in range(len(s), 1, -1):
        hit = _CAMEO.get(s[:n])
        if hit:
            return hit
    return None


def from_acled(event_type: str | None, sub_event_type: str | None = None) -> str | None:
    """Our type for an ACLED event type / sub-event type; None when the event type is unknown."""
    if not event_type:
        return None
    key = " ".join(str(event_type).lower().split())
    if key == "strategic developments" and sub_event_type:
        if " ".join(str(sub_event_type).lower().split()) == "agreement":
            return "agreement"
    return _ACLED.get(key)
