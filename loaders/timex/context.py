"""What the words around an expression say: the tense of its clause, the word before it."""

from __future__ import annotations

import re

# cues of a future or past reading, looked up word by word (and in pairs); the nearest cue decides
_FUTURE_WORDS = {
    "will",
    "shall",
    "scheduled",
    "due",
    "upcoming",
    "next",
    "would",
    "effective",
    "forthcoming",
    "won't",
    # the present tense of scheduled events ("the court meets Monday", "talks resume Friday")
    "meets",
    "begins",
    "starts",
    "opens",
    "arrives",
    "visits",
    "travels",
    "hosts",
    "resumes",
    "convenes",
    "leaves",
}
FUTURE_WORDS = frozenset(_FUTURE_WORDS)  # for other modules: words that point ahead
_FUTURE_PAIRS = {
    ("going", "to"),
    ("plans", "to"),
    ("plan", "to"),
    ("planning", "to"),
    ("planned", "for"),
    ("postponed", "until"),
    ("postponed", "till"),
    ("delayed", "until"),
    ("deferred", "until"),
    ("adjourned", "until"),
    ("extended", "until"),
    ("expected", "to"),
    ("intends", "to"),
    ("hope", "to"),
    ("hopes", "to"),
    ("aims", "to"),
    ("agreed", "to"),
    ("wants", "to"),
    ("intend", "to"),
    ("set", "to"),
    ("set", "for"),
    ("is", "to"),
    ("are", "to"),
    ("soon", "as"),
    ("early", "as"),
    ("be", "held"),
}
_PAST_WORDS = set(
    "was were had did said told added ago last yesterday earlier previously became began met held took since came "
    "went made gave saw left won lost fell rose sent led spoke wrote brought struck fought announced reported wrapped "
    "ended closed set got found kept paid sold bought shot ran thought felt heard fled flew stood sat grew knew broke "
    "chose drove threw caught taught sought spent built meant tore stole withdrew swept slept woke wore dealt".split()
)
_PAST_PAIRS = {("has", "been"), ("have", "been"), ("had", "been")}
_REPORTING = {"said", "told", "added"}
_NOT_PAST = {"need", "needed", "feed", "speed", "indeed", "united", "hundred", "based", "proceed", "exceed",
             "succeed", "scheduled", "expected", "planned", "intended", "red", "bed", "seed", "shed", "creed",
             "breed", "related", "limited", "advanced", "armed", "detailed", "alleged", "supposed", "so-called",
             "concerned", "proposed", "required", "embed", "weed", "steed"}  # fmt: skip
_BE = {"be", "been", "being"}
# between a reporting verb and the date it bears: a preposition or a short object ("told
# reporters on", "said late on"), no clause break
_SAYING_GAP = re.compile(r"(?:\s+(?!that\b)[A-Za-z]+){0,4}?\s+|\s+", re.IGNORECASE)
# an -ed word after these is an adjective ("a still unspecified date", "the armed forces")
_ADJECTIVE_BEFORE = {"a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those", "very",
                     "still", "so", "more", "most", "well", "newly", "widely", "highly", "fully", "partly", "heavily"}  # fmt: skip
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_BOUNDARY = re.compile(r"[.!?;\n]\s|[\n\u201c\u201d]")
WINDOW = 90


def clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause around [start, end): up to a sentence end, at most WINDOW characters."""
    lo = max(0, start - WINDOW)
    left = lo
    for m in _BOUNDARY.finditer(text, lo, start):
        left = m.end()
    hi = min(len(text), end + WINDOW)
    m = _BOUNDARY.search(text, end, hi)
    right = m.start() if m else hi
    return left, right


def _cues(text: str, left: int, right: int) -> list[tuple[int, int, str, str]]:
    """(start, end, "past"|"future", word) for every tense cue in text[left:right]."""
    words = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(text, left, right)]
    cues = []
    previous = ""
    for i, (a, b, w) in enumerate(words):
        following = words[i + 1][2] if i + 1 < len(words) else ""
        kind = None
        if w in _FUTURE_WORDS or w.endswith("'ll") or (w, following) in _FUTURE_PAIRS:
            kind = "future"
        elif (w, following) in _PAST_PAIRS:
            kind = "past"
        elif (w in _PAST_WORDS or (len(w) > 3 and w.endswith("ed") and w not in _NOT_PAST)) and not (
            previous in _BE
            or text[a - 1 : a] == "-"
            or (w not in _PAST_WORDS and (previous in _ADJECTIVE_BEFORE or w.startswith("un")))
        ):
            kind = "past"  # but not a participle after "be" ("will be held") nor "nuclear-powered"
        if (previous, w) in _FUTURE_PAIRS and previous in ("soon", "early"):
            kind = None
        if kind:
            cues.append((a, b, kind, w))
        previous = w
    return cues


def tense(text: str, start: int, end: int) -> str | None:
    """ "past", "future" or None (no cue) for the clause around text[start:end]."""
    left, right = clause(text, start, end)
    cues = _cues(text, left, right)
    before = [cue for cue in cues if cue[1] <= start]
    if before and before[-1][3] in _REPORTING and _SAYING_GAP.fullmatch(text, before[-1][1], start):
        # "said on Thursday it would pause": the date is the saying's; what follows is the
        # reported clause, whose "would" is its own ("Thursday's meeting will" is not a date of saying)
        if not text.startswith("'s", end) and not text.startswith("\u2019s", end):
            return "past"
    best, best_distance = None, None
    for a, b, kind, word in cues:
        if a < end and b > start:
            continue
        distance = start - b if b <= start else a - end
        # a verb before the expression binds it more tightly than one after it
        if a >= end:
            distance += 15
        if word in _REPORTING:
            distance += 20  # "said" dates the saying; a nearby content verb says more
        if best_distance is None or distance < best_distance:
            best, best_distance = kind, distance
    return best


_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z'.]*)[\s,]*$")


def word_before(text: str, start: int) -> str:
    """The word just before position start ("" at the start of a text)."""
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return m.group(1) if m else ""


def word_after(text: str, end: int) -> str:
    m = re.match(r"\s*([A-Za-z][A-Za-z'-]*)", text[end : end + 40])
    return m.group(1) if m else ""


_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"'\u201c(])|\n")


def sentence_begin(text: str, start: int, reach: int = 300) -> int:
    """Where the sentence holding position start begins (looking back at most reach characters)."""
    lo = max(0, start - reach)
    begin = lo
    for m in _SENTENCE_END.finditer(text, lo, min(len(text), start + 1)):
        begin = m.end()
    return begin


def a_title(text: str, c_start: int, unit_start: int) -> bool:
    """True for a capitalised unit noun inside a sentence: the name of a show or a work ("ABC's
    "This Week"", "CBS's "60 Minutes"", "High Noon"), not a time."""
    return text[unit_start : unit_start + 1].isupper() and not sentence_start(text, c_start)


def sentence_start(text: str, start: int) -> bool:
    """True when only spaces separate start from a sentence end or the start of a line."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"'\u201c\u2018(":
        i -= 1
    return i < 0 or text[i] in ".!?\n:"
