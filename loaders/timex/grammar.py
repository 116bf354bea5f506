"""Candidate temporal expressions: patterns over tokens, compiled once.

Each pattern names a kind of expression (``mdy`` for "July 27, 2023", ``weekday`` for "late on
Saturday"...); resolve.py turns a candidate of each kind into a TIMEX3 value. Month and weekday
names must be capitalised, so "may" the verb and "march" the verb are never dates; "May" and
"March" alone (without a day or year) also need a word before them that introduces a time
("in May", "since March", "last May"). Overlapping candidates are settled leftmost-longest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.timex.lexicon import DECADE_WORDS, MONTHS, NUMBERS, ORDINALS, VAGUE_NUMBERS, WEEKDAYS


def _cased(words: list[str]) -> str:
    """Title-case and upper-case spellings of words, longest first ("Sept" before "Sep")."""
    forms = set()
    for w in words:
        forms.update((w.title(), w.upper()))
    return "|".join(sorted(forms, key=len, reverse=True))


def _ci(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_ABBR_MONTHS = [m for m in MONTHS if m not in _FULL_MONTHS]
MONTH = rf"(?:(?:{_cased(_FULL_MONTHS)})\b|(?:{_cased(_ABBR_MONTHS)})(?:\.|\b))"
_FULL_DAYS = [d for d in WEEKDAYS if d.endswith("day")]
WEEKDAY = rf"(?:{_cased(_FULL_DAYS)})\b"
_NUM_WORDS = [w for w in NUMBERS if " " not in w]
_WORD_NUM = rf"(?:(?:{_ci(_NUM_WORDS)})(?:[\s-](?:{_ci(w for w in _NUM_WORDS if len(w) > 2)}))*)"
NUM = rf"(?:\d+\s+1/2|\d+(?:[.,]\d+)?|{_ci(w for w in NUMBERS if ' ' in w)}|{_WORD_NUM}|{_ci(VAGUE_NUMBERS)})"
UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie))s?"
PART = (
    r"(?:early|mid|late|the\s+(?:end|beginning|start|middle)\s+of|the\s+(?:early|mid|late)|end|earlier|later)"
)
POD = r"(?:morning|afternoon|evening|night)"
ORD = _ci(w for w in ORDINALS if w not in ("last", "final"))
YEAR4 = r"(?:1[0-9]{3}|20[0-9]{2})"
DAYNUM = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
REL = r"(?:this|last|next|past|previous|coming|current|latest|this\s+past|the\s+coming|the\s+past|the\s+previous|the\s+current|the\s+latest|the\s+last|the\s+next)"
DECADE_WORD = _ci(DECADE_WORDS)
# modifiers that TimeBank keeps inside a duration ("nearly two years", "at least 30 days"); "about",
# "over", "within", "only"... stay outside it as signals
DURATION_MOD = r"(?:nearly|more\s+than|less\s+than|fewer\s+than|no\s+more\s+than|at\s+least|at\s+most|up\s+to|some|around|roughly|approximately)"
MOD = r"(?:about|around|roughly|nearly|almost|approximately|some|more\s+than|less\s+than|over|under|at\s+least|at\s+most|up\s+to|just|only|barely|fewer\s+than|within|another|an\s+additional)"

IC = re.IGNORECASE
# (kind, pattern, flags); order breaks ties between candidates of the same extent
PATTERNS: list[tuple[str, str, int]] = [
    (
        "iso",
        r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<h>[0-2]\d):(?P<min>[0-5]\d)(?::\d\d)?)?\b",
        0,
    ),
    (
        "numeric",
        r"(?<![\d/.])\b(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{4}|\d{2})\b(?![/\d])",
        0,
    ),
    (
        "mdy",
        rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?P<part>(?i:early|mid|late))[\s-]+)?(?P<month>{MONTH})\s*(?P<d>{DAYNUM})\b"
        rf"(?!\s*(?:%|percent|[,.]\d|:\d))(?:,?\s*(?P<y>{YEAR4})\b)?",
        0,
    ),
    (
        "dmy",
        rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?\b(?P<d>{DAYNUM})\s+(?:of\s+)?(?P<month>{MONTH})(?:,?\s+(?P<y>{YEAR4})\b)?",
        0,
    ),
    (
        "my",
        rf"(?:(?P<part>(?i:{PART}))[\s-]+)?(?P<month>{MONTH})(?:\s+of|,)?\s+(?P<y>{YEAR4})\b(?!\d|[,.]\d)",
        0,
    ),
    (
        "month",
        rf"(?:(?P<rel>(?i:{REL}))\s+)?(?:(?P<part>(?i:{PART}))[\s-]+)?(?P<month>{MONTH})(?!\.?\s*\d)(?:(?P<yrel>\s+(?i:this|last|next)\s+year))?",
        0,
    ),
    (
        "weekday",
        rf"(?:(?P<rel>(?i:last|next|this|coming|this\s+past|this\s+coming|the\s+previous|the\s+preceding|the\s+following))\s+)?"
        rf"(?:(?P<part>(?i:early|late))\s+)?(?P<wd>{WEEKDAY})(?P<pos>'s)?"
        rf"(?:\s+(?P<pod>{POD}))?",
        0,
    ),
    (
        "time",
        r"(?:\b(?P<h>[01]?\d|2[0-3])(?::(?P<min>[0-5]\d))?\s*(?P<ampm>[aApP]\.?\s?[mM]\b\.?|o'clock)|(?P<word>\b(?i:noon|midnight|midday)))"
        rf"(?:\s+(?P<tz>[A-Z]{{2}}T|GMT|UTC))?(?:,?\s+(?:on\s+)?(?:(?P<wd>{WEEKDAY}|(?i:today|yesterday|tomorrow|tonight))|(?P<month>{MONTH})\s*(?P<d>{DAYNUM})\b))?",
        0,
    ),
    ("year_range", rf"(?<![\d$£€.,/#-])\b(?P<y1>{YEAR4})\s*[-–]\s*(?P<y2>\d{{4}}|\d{{2}})\b(?![\d%-])", 0),
    (
        "year",
        r"(?:(?P<part>(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of))[\s-]+|(?<![\d$£€.,/#:-]))"
        rf"(?:(?P<fy>(?i:fiscal|calendar|the\s+year)\s*)|(?P<fy2>FY)\s?|(?<![^\W\d_]))(?P<y>{YEAR4})\b(?!\s*%|[.,]\d|[-/]\d|:\d)",
        0,
    ),
    (
        "spoken_year",
        rf"\b(?:(?P<the>(?i:the\s+year))\s+|(?P<month>{MONTH})\s+|(?P<season>(?i:(?:the\s+)?(?:winter|summer|spring|fall|autumn)\s+of))\s+)?"
        r"(?i:(?P<k>two\s+thousand)(?:\s+(?:and\s+)?(?P<ky>one|two|three|four|five|six|seven|eight|nine|ten))?\b|"
        r"(?P<c>nineteen|twenty)[\s-](?P<y>ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
        r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?)\b)",
        0,
    ),
    (
        "season",
        r"\b(?:(?P<det>the|in)\s+)?(?:(?P<part>early|late|mid)[\s-]+)?(?P<s>summer|winter|spring|autumn|fall)\b"
        r"(?:\s+(?:of\s+)?(?P<y>\d{4})\b)?",
        re.I,
    ),
    ("decade", r"(?:(?i:the)\s+)?(?:(?P<part>(?i:early|mid|late))[\s-]+)?(?P<d>1\d\d|20\d)0'?s\b", 0),
    (
        "decade2",
        rf"(?:(?i:the)\s+)?(?:(?P<part>(?i:early|mid|late))[\s-]+)?(?:'(?P<d>\d)0s|(?P<w>{DECADE_WORD}))\b",
        IC,
    ),
    ("century", rf"(?:the\s+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{ORD}|twenty-first)[\s-]+century\b", IC),
    (
        "deictic",
        r"\b(?P<w>today|tonight|yesterday|tomorrow|now|currently|recently|nowadays|lately|formerly|"
        r"the\s+(?:near\s+|distant\s+|immediate\s+|foreseeable\s+)?future|the\s+past|the\s+present|"
        r"at\s+present|right\s+now|these\s+days|then[\s-]current|current|the\s+(?:near|short|long)\s+term|a\s+later\s+date)\b(?!-)"
        r"(?:\s+(?P<pod>morning|afternoon|evening|night))?",
        IC,
    ),
    (
        "tod",
        r"\b(?P<rel>this|last|tomorrow|yesterday)\s+(?P<pod>morning|afternoon|evening|night)\b|\b(?P<w>overnight)\b|"
        r"\bmid-?\s?(?P<mid>morning|afternoon)\b(?:\s+(?P<dw>yesterday|today|tomorrow))?",
        IC,
    ),
    (
        "relative",
        rf"\b(?:(?P<part>early|late|mid|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
        rf"the\s+middle\s+of)(?:\s+in)?[\s-]+)?(?P<rel>{REL})\s+(?P<unit>week|month|year|quarter|weekend|decade|century|"
        r"fiscal\s+year|summer|fall|autumn|winter|spring|season)\b",
        IC,
    ),
    (
        "ago",
        rf"\b(?:(?P<mod>{MOD})\s+)?(?P<n>{NUM})[\s-]+(?P<unit>{UNIT})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence|back|previously)\b",
        IC,
    ),
    (
        "duration",
        rf"\b(?:(?P<det>the|each\s+of\s+the|a|an)\s+)?(?:(?P<lim>past|last|next|first|coming|previous|final|latest|following|year-earlier|year-ago|"
        rf"remaining|initial|same|preceding|succeeding|ensuing|subsequent)\s+)?(?:(?P<mod>{DURATION_MOD})\s+)?(?P<n>{NUM})[\s-]+(?:and[\s-]+a[\s-]+half[\s-]+)?"
        rf"(?:(?P<more>more|additional|further|extra|straight|consecutive|trading|business|working)\s+)?(?P<unit>{UNIT})(?P<half>\s+and\s+a\s+half)?(?P<adj>[\s-]+(?:long|old))?\b(?!-)",
        IC,
    ),
    (
        "vague_duration",
        rf"\b(?:(?P<det>the|for|over|in)\s+)?(?:(?P<lim>past|last|next|coming|recent|previous|early)\s+)(?P<unit>{UNIT})\b(?!-)",
        IC,
    ),
    ("ahead", r"\b(?:(?P<det>the)\s+)?(?P<unit>(?i:days|weeks|months|years))\s+ahead\b", IC),
    (
        "for_units",
        r"(?:(?<=\bfor\s)|(?<=\bwithin\s)|(?<=\bin\s))(?P<unit>years|months|weeks|days|decades|hours|centuries)\b"
        r"(?!\s+(?:ago|of|to))",
        IC,
    ),
    (
        "quarter",
        r"\b(?:(?P<det>the|its|their|this\s+year's|last\s+year's|next\s+year's)\s+)?(?:(?P<rel>this|last|next|current|latest|previous|"
        r"same|year-earlier|year-ago|comparable)\s+)?(?:(?P<y0>\d{4})\s+)?(?:fiscal\s+)?"
        r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|last|latter|final)[\s-]+(?:fiscal[\s-]+)?(?P<unit>quarter|half)\b(?!-)"
        r"(?:\s+of\s+(?:fiscal\s+)?(?P<y>\d{4})|,?\s+(?P<y2>\d{4}))?",
        IC,
    ),
    ("year_period", r"\b(?i:the)\s+(?P<y>(?:19|20)\d\d)\s+(?P<unit>(?i:quarter|period))\b(?!-)", 0),
    (
        "week_of",
        rf"\b(?i:the\s+week\s+of)\s+(?P<month>{MONTH})\s*(?P<d>{DAYNUM})\b(?:,?\s*(?P<y>{YEAR4})\b)?",
        0,
    ),
    ("qnum", r"\b(?P<q>Q[1-4]|H[12])(?:\s*(?P<y>\d{4}|'\d\d))?\b", 0),
    (
        "anaphor",
        r"\b(?:(?P<part>the\s+(?:end|beginning|start|middle)\s+of)\s+)?"
        r"(?P<det>the|that|the\s+same|the\s+next|the\s+following|the\s+previous|the\s+preceding|the\s+prior|that\s+same|"
        r"the\s+full|the\s+latest|the\s+most\s+recent)\s+"
        r"(?P<unit>day|week|weekend|month|(?:fiscal\s+)?year|quarter|period)\b(?!-|\s+(?:of|before|after|when|that|in\s+which|to)\b)",
        IC,
    ),
    (
        "anaphor_pod",
        r"\b(?:(?P<when>late|early)\s+)?(?P<det>that|that\s+same|the\s+same|the\s+next|the\s+following|the\s+previous|"
        r"the\s+preceding)\s+(?P<pod>night|evening|morning|afternoon)\b",
        IC,
    ),
    (
        "day_rel",
        r"\b(?:the\s+)?(?P<unit>day|week|month|year)\s+(?P<dir>before|after)\b"
        rf"(?:\s+(?:(?P<wrel>last|next|this)\s+)?(?-i:(?P<wd>{WEEKDAY})))?(?!\s+(?:the|a|an|his|her|its|their))",
        IC,
    ),
    (
        "year_adj",
        r"\b(?:the\s+)?(?:(?P<cmp>comparable|corresponding|same)\s+)?(?P<w>year-earlier|year-ago|year\s+earlier|year-end|year\s+end|"
        r"year's\s+end|end\s+of\s+the\s+year|end-of-year)(?:\s+(?P<unit>quarter|period|month|level|levels))?\b|"
        r"\bthe\s+(?:(?P<cmp2>comparable|corresponding|same)\s+)?(?P<unit2>quarter|period)\s+(?:of\s+)?"
        r"(?P<w2>last\s+year|a\s+year\s+(?:ago|earlier))\b",
        IC,
    ),
    (
        "holiday",
        r"\b(?P<w>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|Halloween|"
        r"Independence\s+Day|Valentine's\s+Day|Boxing\s+Day|Labor\s+Day|Memorial\s+Day)\b",
        0,
    ),
    (
        "set",
        rf"\b(?P<w>daily|weekly|monthly|yearly|nightly|hourly|biweekly)\b(?!-)|"
        rf"\b(?P<q>(?i:every|each|per))\s+(?P<other>other\s+)?(?P<unit>day|week|month|year|quarter|hour|minute|night|morning|evening|"
        rf"decade|weekend|{_cased(_FULL_DAYS)}|{_cased(_FULL_MONTHS)}|spring|summer|fall|autumn|winter)s?\b",
        0,
    ),
]
# a match can only start where a word (or a quote, for "'90s") starts: telling the regex engine so
# up front lets it skip most positions cheaply (about a third faster, same matches)
_WORD_START = r"(?<!\w)(?=[\w'])"
COMPILED = [
    (kind, re.compile(p if p.startswith((r"\b", "(?<")) else _WORD_START + p, flags | re.MULTILINE))
    for kind, p, flags in PATTERNS
]


@dataclass
class Candidate:
    kind: str
    start: int
    end: int
    match: re.Match
    rank: int  # the pattern's place in PATTERNS

    def group(self, name: str) -> str | None:
        try:
            return self.match.group(name)
        except IndexError:
            return None


# Every pattern needs a word of one of these classes (or a digit): each pattern runs only in
# windows around words of its classes, which skips most of a text. Words are looked up in a table
# (much faster than one big regex of alternatives).
_UNIT_WORDS = (
    "second minute hour day night week weekend fortnight month quarter year decade period season"
).split()
_TRIGGER_WORDS = {
    "month": list(MONTHS),
    "weekday": [d for d in WEEKDAYS if d.endswith("day")] + [d + "s" for d in WEEKDAYS if d.endswith("day")],
    "unit": _UNIT_WORDS
    + [u + "s" for u in _UNIT_WORDS]
    + "half century centuries spring summer fall autumn winter springs summers winters".split(),
    "deictic": "today tonight yesterday tomorrow now current currently recently lately formerly nowadays future past term date "
    "present overnight morning mornings afternoon afternoons evening evenings noon midnight midday".split(),
    "words": "christmas thanksgiving halloween independence valentine boxing labor memorial daily weekly monthly "
    "yearly nightly hourly biweekly every each per nineteen twenty q1 q2 q3 q4 h1 h2".split()
    + list(DECADE_WORDS),
}
TRIGGER_CLASS = {w: kind for kind, words in _TRIGGER_WORDS.items() for w in words}
_TOKEN = re.compile(r"[A-Za-z]+[1-4]?|\d")
# the trigger classes each kind of pattern needs (any one of them)
NEEDS = {
    "iso": {"digit"}, "numeric": {"digit"}, "mdy": {"month"}, "dmy": {"month"}, "my": {"month"},
    "month": {"month"}, "weekday": {"weekday"}, "time": {"digit", "deictic"}, "year_range": {"digit"},
    "year": {"digit"}, "spoken_year": {"words", "unit", "month"}, "season": {"unit"}, "decade": {"digit"},
    "decade2": {"digit", "words"}, "century": {"unit"}, "deictic": {"deictic", "unit"}, "tod": {"deictic", "unit"},
    "relative": {"unit"}, "ago": {"unit"}, "duration": {"unit"}, "vague_duration": {"unit"},
    "for_units": {"unit"}, "ahead": {"unit"}, "quarter": {"unit"}, "year_period": {"digit"}, "week_of": {"month"}, "qnum": {"words"}, "anaphor": {"unit"}, "anaphor_pod": {"unit", "deictic"}, "day_rel": {"unit", "weekday"},
    "year_adj": {"unit"}, "holiday": {"words", "unit"}, "set": {"words"},
}  # fmt: skip
# how far a match may reach before and after a trigger of each class ("each of the past three
# years" starts 28 characters before "years"; "9 a.m. EST, Sept. 9" ends 17 after "9")
REACH = {"digit": (30, 40), "month": (40, 25), "weekday": (40, 25), "unit": (70, 40), "deictic": (30, 25),
         "words": (50, 40)}  # fmt: skip


def windows(text: str, start: int = 0, stop: int | None = None) -> dict[str, list[tuple[int, int]]]:
    """For each trigger class, the stretches of text[start:stop] around its words (merged when
    they touch): only there can a pattern needing that class match."""
    stop = len(text) if stop is None else stop
    spans: dict[str, list[tuple[int, int]]] = {kind: [] for kind in REACH}
    lookup = TRIGGER_CLASS.get
    for m in _TOKEN.finditer(text, start, stop):
        word = m.group(0)
        kind = "digit" if word.isdigit() else lookup(word.lower())
        if kind is None:
            continue
        before, after = REACH[kind]
        lo, hi = max(start, m.start() - before), min(stop, m.end() + after)
        same = spans[kind]
        if same and lo <= same[-1][1]:
            same[-1] = (same[-1][0], hi)
        else:
            same.append((lo, hi))
    return spans


def _union(lists: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(span for spans in lists for span in spans):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def candidates(text: str, start: int = 0, stop: int | None = None) -> list[Candidate]:
    """Every pattern's matches in text[start:stop], sorted leftmost-longest (ties: pattern order).

    Each pattern runs only in the windows of the trigger classes it needs. The caller keeps a
    candidate only if it resolves and does not overlap one kept before it."""
    found: list[Candidate] = []
    by_class = windows(text, start, stop)
    for rank, (kind, rx) in enumerate(COMPILED):
        for lo, hi in _union([by_class[k] for k in NEEDS[kind]]):
            for m in rx.finditer(text, lo, hi):
                start, end = m.span()
                # optional groups can let a space in at either edge; trim it
                while start < end and text[start].isspace():
                    start += 1
                while end > start and text[end - 1].isspace():
                    end -= 1
                if end > start:
                    found.append(Candidate(kind, start, end, m, rank))
    found.sort(key=lambda c: (c.start, -(c.end - c.start), c.rank))
    return found
