"""Sentences and clauses of news text, as character spans into the text (so dates found over the whole
text line up with them).

News abbreviations do not end sentences ("Rep. Yoo", "Rear Adm. Qiu", "the U.S. military"), but a
dotted acronym does when a new sentence plainly starts after it ("in Washington, D.C. “We are ...").

>>> t = "Rep. Yoo spoke Monday. Kirby spoke in Washington, D.C. “We urge calm,” he said."
>>> [t[s:e] for s, e in split_sentences(t)]
['Rep. Yoo spoke Monday.', 'Kirby spoke in Washington, D.C.', '“We urge calm,” he said.']
"""

from __future__ import annotations

import re

# titles and other abbreviations after which a capitalised word continues the sentence
_ABBREV = {
    "rep",
    "sen",
    "gov",
    "gen",
    "adm",
    "lt",
    "col",
    "maj",
    "capt",
    "cmdr",
    "sgt",
    "cpl",
    "pvt",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "st",
    "mt",
    "ft",
    "no",
    "vs",
    "v",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "inc",
    "corp",
    "co",
    "ltd",
    "jr",
    "sr",
    "rev",
    "hon",
    "pres",
    "amb",
    "sec",
    "dept",
    "est",
    "approx",
    "fig",
    "gens",
    "reps",
    "sens",
    "messrs",
    "e.g",
    "i.e",
    "etc",
}
# words that start a new sentence after a dotted acronym ("... the U.S. The ...")
_STARTERS = {
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "this",
    "that",
    "these",
    "those",
    "but",
    "and",
    "in",
    "on",
    "at",
    "his",
    "her",
    "its",
    "their",
    "our",
    "there",
    "meanwhile",
    "however",
    "officials",
    "separately",
    "earlier",
    "later",
    "last",
    "after",
    "before",
    "while",
    "when",
    "if",
    "as",
    "some",
    "many",
}
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n\s*\n|\n(?=\s*[-•*#])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_NEXT = re.compile(r"\s*([\"“‘'(\[]?)\s*([A-Za-z0-9]+)")


def _ends_sentence(text: str, end: int) -> bool:
    """Whether the punctuation that ends at `end` closes a sentence."""
    mark = text[end - 1]
    nxt = _NEXT.match(text, end)
    if nxt is None:
        return True
    quote, word = nxt.group(1), nxt.group(2)
    if mark in '!?"”’)]' and (word[0].isupper() or word[0].isdigit() or quote):
        return True
    if not (word[0].isupper() or word[0].isdigit() or quote):
        return False
    before = _WORD_BEFORE.search(text, max(0, end - 12), end)
    if before is None:
        return True
    token = before.group(1)
    if token.lower().rstrip(".") in _ABBREV:
        return False
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?", token + "."):  # U.S. / D.C. / U.N.
        return bool(quote) or word.lower() in _STARTERS
    if len(token) == 1 and token.isupper():  # an initial: "John F. Kennedy"
        return False
    return True


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of text[start:end], whitespace trimmed."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    s = start
    for m in _END.finditer(text, start, end):
        e = m.end()
        if m.group(0)[0] in '.!?"”’)]' and not _ends_sentence(text, e):
            continue
        _add(text, s, e, spans)
        s = e
    _add(text, s, end, spans)
    return _split_lines(text, spans)


def _add(text: str, s: int, e: int, spans: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))


_BLANK_LINE = re.compile(r"[ \t\r]*\n")


def _split_lines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A line without closing punctuation followed by a capitalised line is a headline or caption."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        cut = s
        for m in re.finditer(r"\n", text[s:e]):
            i = s + m.start()
            prev = text[cut:i].rstrip()
            nxt = text[i + 1 : e].lstrip()
            if prev and nxt and _BLANK_LINE.match(text, i + 1, e):
                _add(text, cut, i, out)  # a blank line ends a headline or paragraph whatever it ends with
                cut = i + 1
                continue
            if prev and nxt and (prev[-1] not in ",;:-–(" and not prev[-1].islower() or len(prev) < 60):
                if nxt[0].isupper() or nxt[0] in '"“‘':
                    _add(text, cut, i, out)
                    cut = i + 1
        _add(text, cut, e, out)
    return out
