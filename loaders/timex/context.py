"""What the words around an expression say: the tense of its clause, the word before it."""

from __future__ import annotations

import re

# cues of a future reading; the nearest cue to the expression decides
_FUTURE = (
    r"will|'ll|shall|going\s+to|plans?\s+to|planning\s+to|planned\s+for|scheduled|expected\s+to|due\s+to|due|"
    r"upcoming|next|would|intends?\s+to|to\s+be\s+held|set\s+(?:to|for)|as\s+(?:soon|early)\s+as|effective|forthcoming|"
    r"wo\s*n't|won't|is\s+to|are\s+to|to\s+(?:visit|meet|hold|start|begin|open|host|travel|attend|vote|announce|release|resume)"
)
_PAST = (
    r"was|were|had|did|said|told|added|ago|last|yesterday|earlier|previously|became|began|met|held|took|since|"
    r"came|went|made|gave|saw|left|won|lost|fell|rose|sent|led|spoke|wrote|brought|struck|fought|"
    r"announced|reported|wrapped|ended|closed|has\s+been|have\s+been|had\s+been|[a-z]{2,}ed"
)
_REPORTING = {"said", "told", "added"}
_NOT_PAST = {"need", "needed", "feed", "speed", "indeed", "united", "hundred", "based", "proceed", "exceed",
             "succeed", "scheduled", "expected", "planned", "intended", "red", "bed", "seed", "shed", "creed",
             "breed", "related", "limited", "advanced", "armed", "detailed", "alleged", "supposed", "so-called",
             "concerned", "proposed", "required", "embed", "weed", "steed"}  # fmt: skip
_CUE = re.compile(rf"\b(?:(?P<future>{_FUTURE})|(?P<past>{_PAST}))\b", re.IGNORECASE)
_PARTICIPLE = re.compile(r"\b(?:be|been|being)\s+$", re.IGNORECASE)
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


def tense(text: str, start: int, end: int) -> str | None:
    """ "past", "future" or None (no cue) for the clause around text[start:end]."""
    left, right = clause(text, start, end)
    best, best_distance = None, None
    for m in _CUE.finditer(text, left, right):
        if start <= m.start() < end:
            continue
        word = m.group(0).lower()
        if m.group("past") and (
            word in _NOT_PAST
            or text[m.start() - 1 : m.start()] == "-"
            or _PARTICIPLE.search(text, max(0, m.start() - 12), m.start())
        ):
            continue  # "will be held": a participle after "be" carries no tense
        distance = start - m.end() if m.end() <= start else m.start() - end
        if distance < 0:
            continue
        kind = "future" if m.group("future") else "past"
        # a verb before the expression binds it more tightly than one after it
        if m.start() >= end:
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


def sentence_start(text: str, start: int) -> bool:
    """True when only spaces separate start from a sentence end or the start of a line."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"'\u201c\u2018(":
        i -= 1
    return i < 0 or text[i] in ".!?\n:"
