"""Event triggers: the words that say what happened, their event type, and the modality around them.

A trigger is a verb ("met", "fired", "warned") or a noun ("summit", "drills", "report"). Ambiguous
words are checked against their neighbours: "launched" is a weapons test only next to a missile word
and an attack next to "strikes"; "exercise" is not an event in "exercise restraint".

>>> [(t.text, t.type) for t in find_triggers("North Korea fired two ballistic missiles on Sunday.")]
[('fired', 'weapons_test')]
>>> [(t.text, t.type) for t in find_triggers("Kim and Putin held their first summit in Vladivostok.")]
[('summit', 'meeting')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    text: str
    type: str
    kind: str  # "verb" or "noun"


# (pattern, type, kind). Order matters only for overlaps: the earlier, longer pattern wins.
_LEXICON: list[tuple[str, str, str]] = [
    # meetings
    (r"(?:met|meets|meeting|meet)\s+with|met|meets", "meeting", "verb"),
    (r"meeting(?=\s+(?:with|between)\b)", "meeting", "verb"),
    (r"meetings?", "meeting", "noun"),
    (r"summits?|summitry", "meeting", "noun"),
    (r"(?:held|hold|holds|holding)\s+talks|talks", "meeting", "noun"),
    (r"visit(?:s|ed|ing)?|state\s+visit|trip\s+to", "meeting", "verb"),
    (r"hosted|hosts|hosting|convened|convenes|convening", "meeting", "verb"),
    (
        r"(?:(?:phone|telephone|video)\s+)?calls?(?=\s+(?:between|with)\b)|(?:spoke|speak|speaks|talked)\s+by\s+(?:tele)?phone"
        r"|(?:phone|telephone|video)\s+(?:call|conference)s?",
        "meeting",
        "noun",
    ),
    (
        r"join(?:s|ed|ing)?(?=\s+(?:his|her|their|its)?\s*(?:counterparts|leaders|ministers|talks|a\s+meeting)\b)",
        "meeting",
        "verb",
    ),
    (r"(?:will|would|to|plans\s+to|expected\s+to)\s+meet", "meeting", "verb"),
    # exercises
    (r"(?:war\s*games?|wargames?)", "military_exercise", "noun"),
    (r"drills?", "military_exercise", "noun"),
    (
        r"exercises?(?!\s+(?:restraint|caution|its|their|his|her|the\s+right|control|influence|power|leverage))",
        "military_exercise",
        "noun",
    ),
    (r"man(?:oeuvres|euvers)", "military_exercise", "noun"),
    (
        r"(?:joint|naval|air|military|trilateral|combined)\s+(?:training|patrols?|maneuvers)",
        "military_exercise",
        "noun",
    ),
    (r"training(?=\s+(?:exercise|drills?|mission)\b)|(?<=the\s)training", "military_exercise", "noun"),
    (
        r"sail(?:ed|s|ing)\s+through|transit(?:ed|s)?(?=\s+(?:through|of)\b)|freedom[- ]of[- ]navigation\s+operation",
        "military_exercise",
        "verb",
    ),
    (r"patrol(?:s|led|ed)?(?=\s+(?:the|near|in|around|through)\b)", "military_exercise", "verb"),
    (
        # a show of force: "dispatched the destroyer USS Farragut to the area", "deployed two carriers"
        r"(?:deploy(?:ed|s|ing)?|dispatch(?:ed|es|ing)?|redeploy(?:ed|s)?)(?=\s+(?:[\w,.-]+\s+){0,5}"
        r"(?:destroyers?|warships?|carriers?|frigates?|bombers?|jets|fighters|submarines?|troops|soldiers|forces|"
        r"battalions?|brigades?|units?|missiles?|systems|vessels|ships)\b)",
        "military_exercise",
        "verb",
    ),
    # launching an operation, firing shots are attacks (before launches and firings of weapons below)
    (r"fired\s+(?:warning\s+)?shots|fires\s+(?:warning\s+)?shots", "armed_conflict", "verb"),
    (
        r"launch(?:ed|es)?(?=\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}(?:operation|offensive|assault|incursion|"
        r"invasion|counteroffensive|counter-offensive|raid|attack)s?\b)",
        "armed_conflict",
        "verb",
    ),
    # weapons tests (checked for a weapon word nearby, see _WEAPON)
    (r"test[- ]fir(?:ed|es|ing)|test[- ]launch(?:ed|es|ing)?", "weapons_test", "verb"),
    (r"fir(?:ed|es|ing)|launch(?:ed|es|ing)?|tested|tests?|detonat(?:ed|es|ion)", "weapons_test", "verb"),
    # agreements
    (r"sign(?:ed|s|ing)?|inked|put\s+(?:their|his|her)\s+(?:names|signatures?)\s+to", "agreement", "verb"),
    (
        r"(?:restored|restore|normali[sz]ed|re-?established|resumed)\s+(?:full\s+)?(?:diplomatic\s+)?(?:ties|relations)",
        "agreement",
        "verb",
    ),
    (
        r"(?:joined|join|joins|accession\s+to|entered\s+into\s+force|took\s+effect)(?=\s+(?:the\s+)?(?:NATO|[A-Z]\w+\s+)?(?:NATO|alliance|bloc|Union|BRICS|treaty|pact|agreement|accord|convention|organi[sz]ation|grouping)|\s*(?:$|\.|,|\s+on\b|\s+in\b))",
        "agreement",
        "verb",
    ),
    (
        r"agreed|agrees|agreements?|deals?|treaty|treaties|accords?|pacts?|memorandum|ratif(?:ied|ies|y)",
        "agreement",
        "noun",
    ),
    # arms transfers (before "deal" above would match: checked in _classify)
    (
        r"arms\s+(?:deals?|trade|sales?|transfers?|negotiations|shipments?|supplies)|military\s+aid|weapons\s+(?:deliveries|shipments?|sales?)"
        r"|(?:gift|donation|delivery|deliveries|shipments?|transfer)\s+of\s+(?=(?:[\w£$€,.-]+\s+){0,5}(?:weapons|arms|missiles|"
        r"munitions|ammunition|shells|drones|tanks|jets|guns|artillery|systems|howitzers|rockets|fighters|aircraft)\b)",
        "arms_transfer",
        "noun",
    ),
    (
        r"(?:sold|supplied|supplying|delivered|delivering|shipped|transferred|buy|buys|bought|purchase[sd]?|acquire[sd]?|"
        r"donate[sd]?|donating|pledged)(?=\s+(?:[\w,.-]+\s+){0,9}(?:weapons|arms|missiles|munitions|ammunition|shells|drones|"
        r"tanks|jets|artillery|systems|submarines|warships|frigates|fighters|aircraft|helicopters|howitzers|rockets)\b)",
        "arms_transfer",
        "verb",
    ),
    (
        # "send", "provide", "give" transfer arms only to someone: "send 14 tanks to Ukraine", not "sending warships to surround"
        r"(?:send|sends|sent|sending|provide|provides|provided|providing|give|gives|gave)(?=\s+(?:[\w,.-]+\s+){0,9}"
        r"(?:weapons|arms|missiles|munitions|ammunition|shells|drones|tanks|jets|artillery|systems|howitzers|rockets|guns)"
        r"\b(?:\s+[\w,.-]+){0,12}?\s+(?:to|for)\s+(?-i:[A-Z])(?!\w*\s+(?:surround|encircle|patrol|blockade)))",
        "arms_transfer",
        "verb",
    ),
    (
        # "Four Mi-171 helicopters ... were delivered by Russia": a passive transfer, the arms before it
        r"(?<=were\s|been\s)(?:delivered|supplied|shipped|sold|transferred|handed\s+over)"
        r"|(?<=was\s)(?:delivered|supplied|shipped|sold|transferred|handed\s+over)",
        "arms_transfer",
        "verb",
    ),
    # proposals
    (
        r"propos(?:ed|es|al|als|ing)|offer(?:ed|s)?|suggested|floated|pitched|put\s+the\s+idea|invit(?:ed|ation)",
        "proposal",
        "verb",
    ),
    # statements
    (
        r"(?<=\bto\s)(?:declare|announce|condemn|denounce)|said|says|told|tells|reacted|responded|tweeted|unveil(?:ed|s)?|welcomed|welcomes|hailed|praised|"
        r"call(?:ed|s)(?=\s+(?:for|on|it|the\s+\w+\s+(?:a|an))\b)|"
        r"wrote\s+on|posted\s+on|address(?:ed|es)?(?=\s+(?:the\s+)?(?:parliament|nation|lawmakers|congress|"
        r"legislators|summit|assembly|general\s+assembly|security\s+council|reporters|troops|rally|conference|"
        r"[A-Z][\w-]+\s+(?:parliament|lawmakers|assembly)))|warn(?:ed|s|ing)|condemn(?:ed|s)|denounc(?:ed|es)|stated|announc(?:ed|es)|declared|accused|accuses|critici[sz]ed|urged|vowed|threatened|claimed|insisted|stressed|spoke|reported|reports|reiterated|confirmed|denied|rejected|slammed|cited",
        "statement",
        "verb",
    ),
    (
        r"(?:a|an|the|in\s+a|in\s+an)\s+(?:[\w-]+\s+){0,2}(?:report|statement|interview|briefing|press\s+conference|news\s+conference|communique|speech)",
        "statement",
        "noun",
    ),
    # armed conflict
    (
        r"(?:air|drone|missile|rocket|retaliatory|military|precision)\s*strikes?|airstrikes?|strikes?(?=\s+(?:on|against|in)\b)|(?<=the\s)strikes",
        "armed_conflict",
        "noun",
    ),
    (
        r"attacked|attacking|invaded|bombed|shelled|raided|clashed|ambushed|struck|shot\s+down|destroyed|sank|downed",
        "armed_conflict",
        "verb",
    ),
    (r"fired\s+water\s+cannons?|rammed|collided\s+with|collision\s+with", "armed_conflict", "verb"),
    (r"open(?:ed|s)?\s+fire|opening\s+fire", "armed_conflict", "verb"),
    (
        r"(?:took|takes|take|seized|seizes|seize|gained|taken|wrested)\s+control\s+of|captured|captures|recaptured|"
        r"retook|retakes|retaken|overran|overrun|stormed|advanced\s+on|march(?:ed)?\s+on",
        "armed_conflict",
        "verb",
    ),
    (
        r"target(?:ed|s|ing)(?=\s+(?:a|an|the|two|three|several|its|their|\w+’s|\w+'s)?\s*(?:[\w-]+\s+){0,3}"
        r"(?:ships?|vessels?|tankers?|destroyers?|warships?|bases?|positions?|troops|convoys?|airports?|"
        r"air\s+bases?|depots?|facilities|infrastructure|cities|towns?|villages?|headquarters)\b)",
        "armed_conflict",
        "verb",
    ),
    (
        r"attack(?:ed|s|ing)?|invasion|invaded|war|bomb(?:ed|ing|ings)|shell(?:ed|ing)|clash(?:ed|es)|battles?|fighting|offensive|raids?|shot\s+down|intercepted|ambush(?:ed)?",
        "armed_conflict",
        "noun",
    ),
    (r"explo(?:ded|des|sions?)|blasts?|killed|kills|crossed\s+into|stormed", "armed_conflict", "verb"),
    # other events of politics: coups, arrests, elections, offices, withdrawals, votes
    (
        r"coups?|putsch|(?:seized|seize|seizes|took|take|grabbed)\s+power|overthr(?:ew|own)|ousted|toppled|deposed|"
        r"removed\s+(?:him|her|them|the\s+president|the\s+government)\s+from\s+power",
        "other",
        "verb",
    ),
    (r"detained|arrested|detains|arrests", "other", "verb"),
    (r"sworn\s+in|inaugurated|inauguration|took\s+office|takes\s+office|assumed\s+office", "other", "verb"),
    (
        r"(?:re-?)?elected|won\s+(?:an|the|a)\s+(?:[\w-]+\s+){0,2}(?:election|vote)|elections?|referendum",
        "other",
        "verb",
    ),
    (r"resigned|resigns|stepped\s+down|steps\s+down|resignation", "other", "verb"),
    (r"hand(?:ed|s)\s+over(?=\s+(?:its|the|their|control)\b)|handover\s+of", "other", "verb"),
    (
        r"withdr(?:ew|awn|aws)(?=\s+(?:its|their|all|the|some|\w+)?\s*(?:[\w-]+\s+){0,2}(?:troops|forces|soldiers|"
        r"ambassadors?|from|peacekeepers)\b)|pulled\s+out\s+of",
        "other",
        "verb",
    ),
    (
        r"clos(?:ed|es)\s+(?:its|the)\s+(?:[\w-]+\s+)?(?:airspace|borders?|embassy|border\s+crossings?)|"
        r"suspend(?:ed|s)|froze|freezes|frozen|cut\s+off|appl(?:y|ied|ies)\s+(?:\w+\s+)?(?:to\s+join|for\s+(?:\w+\s+){0,2}membership)|"
        r"granted\s+(?:\w+\s+){0,2}(?:candidate\s+status|membership)|became\s+(?:\S+\s+){0,3}members?",
        "other",
        "verb",
    ),
    (r"approved|passed|adopted|ratified|vetoed|voted|ruled", "other", "verb"),
    (
        r"(?:reached|reach|reaches|clinched|sealed|finali[sz]ed|concluded)(?=\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}"
        r"(?:deal|agreement|accord|ceasefire|truce|treaty|pact)\b)",
        "agreement",
        "verb",
    ),
    (r"ceasefire|cease-fire|truce|armistice", "agreement", "noun"),
    (
        r"(?:came|come|comes|went|go|goes)\s+into\s+(?:effect|force)|(?:took|take|takes)\s+effect",
        "agreement",
        "verb",
    ),
    # sanctions
    (
        r"seiz(?:ed|es|ing|ure\s+of)(?=\s+(?:\w+\s+){0,3}(?:tankers?|ships?|vessels?|assets|property|cargo|boats?)\b)",
        "sanction",
        "verb",
    ),
    (
        r"sanctioned|sanctioning|blacklisted|expell(?:ed|s|ing)|designated(?=\s+(?:\d+|[a-z]+)\s+(?:\w+\s+){0,2}"
        r"(?:entities|individuals|companies|people|officials|firms|banks|organi[sz]ations)\b)",
        "sanction",
        "verb",
    ),
    (
        r"sanctions?|embargo(?:es)?|blacklist|export\s+controls|asset\s+freezes?",
        "sanction",
        "noun",
    ),
    # protests
    (r"protest(?:s|ed|ers)?|rall(?:y|ies|ied)|riots?|demonstrat(?:ions?|ors|ed)|marched", "protest", "noun"),
]

_PATTERN = re.compile("|".join(f"(?P<t{i}>\\b(?:{p})\\b)" for i, (p, _, _) in enumerate(_LEXICON)), re.I)
_WEAPON = re.compile(
    r"\b(?:missiles?|rockets?|ICBMs?|SLBMs?|projectiles?|satellites?|warheads?|nuclear|hypersonic|ballistic|cruise|artillery|torpedo(?:es)?|launchers?|weapons?|bombs?|devices?)\b",
    re.I,
)
_ATTACK = re.compile(
    r"\b(?:attacks?|strikes?|offensive|assault|raids?|barrage|into\s+(?:\w+\s+)?territory"
    r"|into\s+(?:northern|southern|eastern|western|central)\s+(?-i:[A-Z])\w*"
    r"|into\s+(?-i:(?!(?:Sea|Ocean|Pacific|Atlantic|Gulf|Bay|Yellow|East|West|South|North|Japan)\b)[A-Z]\w+)"
    r"|(?:at|toward|towards)\s+(?:it|them|us|him)\b|(?:at|toward|towards|on|against)\s+(?:a|an|the)?\s*(?:[\w.’'-]+\s+){0,3}(?:ships?|vessels?|destroyers?|"
    r"warships?|tankers?|boats?|bases?|city|cities|towns?|villages?|targets?|positions?|troops|forces|civilians|airports?|aircraft|planes?))\b",
    re.I,
)
_INTERCEPTED = re.compile(
    r"\b(?:shot\s+down|intercepted|downed|destroyed|tracked|detected)\s+(?:[\w-]+\s+){0,4}"
    r"(?:missiles?|rockets?|drones?|projectiles?)\s+(?:that\s+(?:was|were|had\s+been)\s+)?$",
    re.I,
)
_ARMS_BEFORE = re.compile(
    r"\b(?:weapons|arms|missiles|munitions|ammunition|shells|drones|tanks|jets|artillery|systems|howitzers|rockets|"
    r"helicopters|fighters|aircraft|warships|frigates|submarines|guns)\b"
)
_ADJECTIVAL = re.compile(
    r"\b(?:publicly|officially|previously|newly|recently|widely|long|often|un|jointly|self|democratically|"
    r"popularly|freely|duly)[- ](announced|reported|planned|proposed|agreed|signed|declared|stated|claimed|elected)\b",
    re.I,
)
_NOT_EVENT = re.compile(
    r"\b(?:(?:World\s+War\s+(?:I|II|One|Two|1|2)|Cold\s+War|war)[\s-]+era|(?<=\s)to\s+join(?=\s)|launched\s+(?:an?\s+)?(?:investigation|inquiry|probe|campaign|website|app|initiative|program|programme|bid)|fired\s+(?:the|his|her|its)\s+(?:\w+\s+)?(?:minister|chief|director|coach|head)|test(?:s|ed)?\s+(?:positive|negative)|(?:that|which|who)\s+(?:has|have|had)\s+(?:\w+\s+)?killed|(?:early[- ])?warning\s+(?:shots?|signs?|systems?|lights?)|battle\s+(?:tanks?|groups?|ships?|fields?|lines?|ready|hardened)|trade\s+war|war\s+of\s+words|price\s+war|cold\s+war\s+era|war\s+crimes?|deal\s+with|talks\s+about|visits?\s+to\s+(?:the\s+)?(?:website|site|page)|said\s+to\s+be|ruled\s+out|passed\s+(?:away|through|by|on)|elected\s+(?:officials?|representatives?|leaders?|government)|sign\s+of|signs\s+of|signed\s+off|offer(?:s|ed)?\s+(?:no|little|few)\s+(?:details|comment)|no\s+deal)\b",
    re.I,
)


def _classify(text: str, m: re.Match[str], i: int) -> tuple[str, str] | None:
    """The (type, kind) of the match of lexicon entry i, or None when its context says it is no event."""
    _, etype, kind = _LEXICON[i]
    word = m.group(0).lower()
    after = text[m.end() : m.end() + 70]
    before = text[max(0, m.start() - 40) : m.start()]
    if etype == "weapons_test" and not word.startswith("test-") and not word.startswith("test "):
        if _ATTACK.search(after[:80]):
            return "armed_conflict", "verb"
        if not _WEAPON.search(after[:60]) and not _WEAPON.search(before[-30:]):
            return None
        if _INTERCEPTED.search(text, max(0, m.start() - 80), m.start()):
            return None  # "shot down a missile fired toward ...": the launch is what was intercepted
    if word in ("struck", "strikes", "strike") and (
        re.match(r"\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:deal|agreement|accord|bargain|compromise)\b", after)
        or re.search(r"\b(?:deal|agreement|accord|compromise)\s+(?:was\s+|had\s+been\s+)?$", before)
    ):
        return "agreement", "verb"  # "struck a deal", "the deal struck in Geneva"
    if word.startswith("sign") and re.match(
        r"\s+(?:\S+\s+){0,4}(?:executive\s+order|order|decree|law|bill|legislation|declaration\s+of)\b",
        after,
        re.I,
    ):
        return (
            "other",
            "verb",
        )  # "signed an executive order", "signed the bill into law": no agreement between parties
    if etype == "arms_transfer" and kind == "verb" and re.search(r"(?<=\s)(?:were|was|been)\s*$", before):
        if not _ARMS_BEFORE.search(text, max(0, m.start() - 90), m.start()):
            return None  # "aid was delivered", "the letter was handed over": no arms
    if etype == "agreement" and re.search(r"\barms\s*$", before):
        return "arms_transfer", "noun"
    if (
        etype == "statement"
        and word in ("reported", "reports")
        and re.search(r"\b(?:was|were|is|are|been)\s+$", before)
    ):
        return None  # "was reported to be": hearsay about something else
    if (
        word in ("war",)
        and re.search(
            r"\b(?:civil|cold|world|the|a|its|their|nearly|\d+-\w+(?:-long)?|long)\s+(?:[\w-]+\s+)?$", before
        )
        is None
    ):
        # "war" is an event only with a determiner or modifier ("the war in Ukraine"), not "war games"
        if re.match(r"\s*(?:games?|ship|planes?|heads?|time|zone)", after):
            return None
    return etype, kind


def find_triggers(text: str, start: int = 0, end: int | None = None) -> list[Trigger]:
    """Triggers in text[start:end] (offsets into text), left to right, none inside quotations."""
    end = len(text) if end is None else end
    quoted = _quoted_spans(text, start, end)
    blocked = [(m.start(), m.end()) for m in _NOT_EVENT.finditer(text, start, end)]
    # participles used as adjectives: "the first publicly announced mission", "a long-planned visit"
    blocked += [(m.start(1), m.end(1)) for m in _ADJECTIVAL.finditer(text, start, end)]
    out: list[Trigger] = []
    for m in _PATTERN.finditer(text, start, end):
        s, e = m.start(), m.end()
        if any(a <= s < b for a, b in quoted) or any(a <= s < b for a, b in blocked):
            continue
        i = int(m.lastgroup[1:])  # type: ignore[index]
        got = _classify(text, m, i)
        if got is None:
            continue
        etype, kind = got
        out.append(Trigger(s, e, m.group(0), etype, kind))
    return out


def _quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans between curly or straight double quotes: a quoted speaker's words are not reported events."""
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"“[^”]*”?|\"[^\"]*\"?", text[start:end]):
        spans.append((start + m.start(), start + m.end()))
    return spans


# --- modality ------------------------------------------------------------------------------------

_PLANNED = re.compile(
    r"\b(?:will|shall|would|plans?\s+to|planned|planning\s+to|is\s+set\s+to|are\s+set\s+to|(?:is|are)\s+expected\s+to|"
    r"(?:is|are)\s+(?:due|scheduled|slated)\s+to|scheduled|upcoming|intends?\s+to|aims?\s+to|(?:is|are)\s+to|"
    r"to\s+be\s+held|next\s+(?:week|month|year)|later\s+this\s+(?:week|month|year))\b",
    re.I,
)
_PLANNED_STATEMENT = re.compile(
    r"\b(?:will|shall|plans?\s+to|(?:is|are)\s+(?:set|expected|due|scheduled|slated)\s+to|(?:is|are)\s+to)"
    r"\s+(?:[\w-]+\s+)?$",
    re.I,
)
_CLAIMED = re.compile(
    r"\b(?:alleged(?:ly)?|accus(?:ed|es|ing)|claim(?:ed|s|ing)?|purported(?:ly)?|reportedly|unconfirmed|blamed)\b",
    re.I,
)


def modality(event_type: str, before: str, after: str = "") -> str:
    """occurred / planned / proposed / claimed, from the words just before (and after) the trigger.

    >>> modality("meeting", "Kim plans to ")
    'planned'
    >>> modality("proposal", "Russia's defense minister has ")
    'proposed'
    >>> modality("armed_conflict", "Officials accused Russia of an ")
    'claimed'
    """
    if event_type == "proposal":
        return "proposed"
    near = before[-45:]
    if event_type == "statement":
        # the statement itself was made (what it says is another event), unless it is still to come:
        # "Sunak is expected to address parliament on Monday"
        return "planned" if _PLANNED_STATEMENT.search(near) else "occurred"
    if _PLANNED.search(near):
        return "planned"
    if _CLAIMED.search(near) or _CLAIMED.search(after[:25]):
        return "claimed"
    return "occurred"
