"""Clauses inside a sentence: where one reported event ends and the next begins, and the phrase a
noun belongs to. Offsets are into the article's text."""

from __future__ import annotations

import re

from loaders.article.triggers import Trigger

BOUNDARY = re.compile(
    r";|:\s|\s[—–]\s|,\s(?:while|whereas|but|although|though|when|as|and\s+(?:the|then|also|later))\b"
    r"|\s(?:while|whereas|because|after|before|although)\s|,\s(?:according\s+to)\b|\sin\s+what\s"
    r"|,\s(?:accusing|citing|saying|claiming|adding|describing|blaming)\b"
)
THAT = re.compile(r"\bthat\b")
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
RELATIVE = re.compile(r",\s(?:who|which|whose)\s[^,;—–]{1,120}(?:,|[—–])")
DATELINE = re.compile(r"[A-Z][A-Z .'’/-]{2,40}(?:,[^—–\n]{0,60})?\s*(?:\([^)]{1,30}\))?\s*[—–-]+\s")


def boundaries(text: str, s: int, e: int, triggers: list[Trigger]) -> list[int]:
    """Clause starts inside a sentence: punctuation, conjunctions, and "that" after a reporting word."""
    cuts = [m.start() for m in BOUNDARY.finditer(text, s, e)]
    for m in THAT.finditer(text, s, e):
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
            finite = t.text.lower() in _SAYS or not re.search(
                r"\bto\s+$", text[s : t.start]
            )  # not "to announce"
            # what follows the verb is at most its date: ", the officials said on Monday." (not "announced the gift")
            bare = len(tail) < 25 or _DATE_AFTER.match(tail)
            if subject and finite and t.start - cut < 70 and ((len(tail) < 50 and bare) or aside):
                if THAT.search(tail[:40]):
                    continue
                cuts.append(cut + 1)
    return sorted(set(cuts))


_DATE_AFTER = re.compile(
    r"\s+(?:on|in|at|late|early|last|this|yesterday|today|tonight|earlier|later|overnight)\b", re.I
)


def relative_spans(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Relative clauses set off by commas: "The United States, which has a treaty with Manila, condemned"."""
    return [m.span() for m in RELATIVE.finditer(text, s, e)]


def scope(pos: int, s: int, e: int, cuts: list[int]) -> tuple[int, int]:
    lo = max([c for c in cuts if c <= pos] or [s])
    hi = min([c for c in cuts if c > pos] or [e])
    return lo, hi


_PHRASE_OPEN = re.compile(
    r"(?:\b(?:of|in|for|during|after|before|with|by|to|on|from|amid|and|that|as)\s|[,;:(])", re.I
)
PP_BEFORE = re.compile(
    r"\b(?:for|during|after|before|since|amid|from)\s+(?:the|a|an|its|their|his|her)?\s*(?:[\w’'-]+\s+){0,3}$",
    re.I,
)
NP_TAIL = re.compile(
    r"\s+(?:in|on|against|between|with|over|across)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:and\s+)?[A-Z][\w’'-]*){0,3}"
)


def phrase_start(text: str, pos: int, lo: int) -> int:
    """Where the noun phrase that ends in the word at `pos` begins (after its preposition or comma)."""
    start = max(lo, pos - 60)
    last = None
    for m in _PHRASE_OPEN.finditer(text, start, pos):
        last = m
    return last.end() if last else start
