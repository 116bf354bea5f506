"""Find an article's publication date in its own text: a dateline or byline date near the top.

Only dates that look like publication marks count: a date alone on a short line ("Oct 14, 2024",
"Updated: 2024-10-14 09:30"), one after a word such as "Published" or "Posted", or one in a
dateline before the dash that opens the story ("SEOUL, South Korea, Oct. 14 (AP) —"). A date
inside a sentence or photo caption ("...in Pyongyang, July 27, 2023.") is what the story is about,
not when it was written, and is ignored.
"""

from __future__ import annotations

import datetime as dt
import re

from loaders.timex.grammar import MONTH, YEAR4
from loaders.timex.lexicon import MONTHS

HEAD_CHARS = 2000  # the top of an article: where datelines and bylines sit
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_DATE = (
    rf"(?P<iso>(?P<iy>{YEAR4})-(?P<im>[01]\d)-(?P<id>[0-3]\d))"
    rf"|(?P<mdy>(?P<m1>{MONTH})\s*(?P<d1>{_DAY}),?\s+(?P<y1>{YEAR4}))"
    rf"|(?P<dmy>(?P<d2>{_DAY})\s+(?P<m2>{MONTH}),?\s+(?P<y2>{YEAR4}))"
    rf"|(?P<num>(?P<nm>1[0-2]|0?[1-9])/(?P<nd>3[01]|[12]\d|0?[1-9])/(?P<ny>{YEAR4}))"
)
# "3:45 PM EDT, " before the date of an "Updated" line
_CLOCK = r"\d{1,2}(?::\d\d)?\s*[AaPp]\.?[Mm]\.?(?:\s*[A-Z]{2,4})?,?\s+"
_CUE = r"(?i:(?:published|posted|updated|last\s+updated|date|dated|released|first\s+published)(?:\s+on)?)"
_LINE_MARK = re.compile(
    rf"^[^\S\n]*(?:{_CUE}\s*:?\s*)?(?:{_CLOCK})?(?:[A-Z][a-z]{{2,8}}\.?,?\s+)?(?:{_DATE})\b[^\n]{{0,40}}$",
    re.M,
)
_CUED = re.compile(rf"\b(?:{_CUE})\s*:?\s*(?:[A-Z][a-z]{{2,8}},?\s+)?(?:{_DATE})")
# "SEOUL, South Korea, Oct. 14 (AP) —" / "WASHINGTON (Reuters), Oct 14, 2024 -"
_DATELINE = re.compile(
    rf"^[A-Z][A-Z .'-]{{2,40}}(?:,[^\n—–]{{0,40}})?,?\s*(?:\([A-Za-z .]+\)\s*)?,?\s*(?:{_DATE})\s*(?:\([A-Za-z .]+\)\s*)?[—–-]",
    re.M,
)


def _date_of(m: re.Match) -> dt.date | None:
    try:
        if m.group("iso"):
            return dt.date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        if m.group("mdy"):
            return dt.date(
                int(m.group("y1")),
                MONTHS[m.group("m1").lower().rstrip(".")],
                int(m.group("d1")[:2].rstrip("snrt")),
            )
        if m.group("dmy"):
            return dt.date(
                int(m.group("y2")),
                MONTHS[m.group("m2").lower().rstrip(".")],
                int(m.group("d2")[:2].rstrip("snrt")),
            )
        if m.group("num"):
            return dt.date(int(m.group("ny")), int(m.group("nm")), int(m.group("nd")))
    except (ValueError, KeyError):
        return None
    return None


def find_publication_date(text: str) -> dt.date | None:
    """The publication date written at the top of an article, or None.

    >>> find_publication_date("Talks resume\\nOct 14, 2024\\nSEOUL — Officials said Monday...")
    datetime.date(2024, 10, 14)
    >>> find_publication_date("Kim met Shoigu in Pyongyang, July 27, 2023. He said...") is None
    True
    """
    head = text[:HEAD_CHARS]
    found = []
    for rx in (_LINE_MARK, _CUED, _DATELINE):
        m = rx.search(head)
        if m:
            d = _date_of(m)
            if d is not None:
                found.append((m.start(), d))
    return min(found)[1] if found else None
