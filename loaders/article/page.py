"""An article's main text: HTML pages reduced to their article, and lines that are not news dropped.

HTML goes through trafilatura (a maintained main-content extractor that also reads the page's
publication date and canonical URL from its metadata, so navigation, ads and comment sections never
reach the extractor). Plain text and extracted text both pass the same boilerplate filter, which drops
whole paragraphs that are subscription prompts, sign-up lines, photo credits, share buttons and author
biographies, and strips trailing photo credits such as "(KCNA)" or "(AP Photo/Ahn Young-joon)".

>>> clean_text("Subscribe\\n\\nNorth Korea fired a missile on Sunday.\\n\\nSign up for our newsletter")
'North Korea fired a missile on Sunday.'
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from loaders.errors import UnreadableInput

MIN_ARTICLE_WORDS = 15  # fewer words of text than this on a page is a menu or an error page


@dataclass(frozen=True)
class Page:
    """The article text and what the page says about itself."""

    text: str
    published: dt.date | None = None
    url: str | None = None
    title: str | None = None


_HTML_START = re.compile(r"\A\s*(?:<!doctype\s+html|<html|<\?xml[^>]*>\s*<html|<head|<body)", re.I)
_TAGS = re.compile(r"<(?:p|div|article|span|a|br|h[1-6]|script|meta|title)\b[^>]*>", re.I)


def is_html(text: str) -> bool:
    """True for an HTML page (a doctype or root tag, or many block tags in the first part)."""
    head = text[:5000]
    return bool(_HTML_START.match(head)) or len(_TAGS.findall(head)) >= 8


def read_page(raw: str, *, name: str = "input") -> Page:
    """The article in `raw` (HTML or plain text), boilerplate removed."""
    if is_html(raw):
        return _read_html(raw, name)
    return Page(clean_text(raw))


def _read_html(raw: str, name: str) -> Page:
    import trafilatura  # imported lazily: plain-text articles never pay for it

    body = trafilatura.extract(
        raw,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        deduplicate=False,
        with_metadata=False,
    )
    meta = trafilatura.extract_metadata(raw)
    if not body or not body.strip():
        raise UnreadableInput(
            f"{name}: an HTML page with no article text in it (only navigation or scripts); "
            "save the article page itself, or paste its text into a .txt file"
        )
    published = None
    if meta is not None and meta.date:
        try:
            published = dt.date.fromisoformat(str(meta.date)[:10])
        except ValueError:
            published = None
    url = meta.url if meta is not None and meta.url else None
    title = meta.title if meta is not None and meta.title else None
    # trafilatura writes one paragraph a line; a blank line between them keeps paragraphs apart
    text = "\n\n".join(line for line in body.splitlines() if line.strip())
    cleaned = clean_text(text)
    if len(cleaned.split()) < MIN_ARTICLE_WORDS:
        raise UnreadableInput(
            f"{name}: an HTML page with no article in it (only {len(cleaned.split())} words of text "
            "besides menus and notices); save the article page itself, or paste its text into a .txt file"
        )
    return Page(cleaned, published, url, title)


# --- boilerplate -------------------------------------------------------------------------------

# A paragraph that is entirely one of these is not news.
_BOILER_LINE = re.compile(
    r"""^\W*(?:
        subscribe(?:\s+(?:now|today|here))?
      | sign\s+up(?:\s+now)?
      | sign\s+up\s+(?:for|to)\b.*
      | (?:get|receive)\s+(?:our|the|a)\s+.*(?:newsletter|email|headlines|alerts?)\b.*
      | .*\bnewsletters?\b.*\b(?:sign|subscribe|inbox)\b.*
      | .*\b(?:subscribe|subscription)\b.*\b(?:to\s+(?:read|continue|unlock)|for\s+full\s+access|unlimited)\b.*
      | (?:already\s+a\s+subscriber|log\s*in|sign\s+in|register)\b.*
      | advertisement | sponsored(?:\s+content)? | story\s+continues\s+below.*
      | (?:share|share\s+this(?:\s+article)?|tweet|email|print|comments?)(?:\s*[|/·,]\s*\w+)*
      | follow\s+us\b.* | click\s+here\b.* | read\s+more\b.* | related(?:\s+(?:articles?|stories|coverage))?\s*:?.*
      | (?:photo|image|video|graphic)\s*(?:credit)?\s*:.*
      | (?:copyright|©|\(c\)).* | all\s+rights\s+reserved.*
      | (?:reporting|writing|editing|additional\s+reporting)\s+by\b.*
      | this\s+(?:article|story)\s+(?:was|has\s+been)\s+(?:updated|corrected|originally).*
      | we\s+use\s+cookies\b.* | accept\s+(?:all\s+)?cookies.*
    )\W*$""",
    re.I | re.X,
)
# An author biography: "<Name Surname> is based in ... / is a correspondent ... / covers ..."
_BIO = re.compile(
    r"^(?:[A-Z][\w'’.-]+\s+){1,3}(?:is|was)\s+(?:(?:a|an|the)\s+[^.]{0,80}?"
    r"\b(?:reporter|correspondent|writer|editor|journalist|columnist|contributor|producer|fellow)\b"
    r"|based\s+in\b|(?:a\s+)?(?:senior\s+)?staff\s+writer\b)"
    r"|^(?:[A-Z][\w'’.-]+\s+){1,3}(?:covers|reports\s+on|writes\s+about)\b"
)
# A trailing credit in parentheses: "(KCNA)", "(AP Photo/Lee Jin-man)", "(Reuters)"
_CREDIT = re.compile(
    r"\s*\((?:[A-Z][A-Za-z.]*\s*){1,3}\)\s*$|\s*\((?:[^()]{0,40}\b(?:Photo|Images?|Getty|AFP|AP|Reuters|EPA)\b[^()]{0,40})\)\s*$"
)


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n|\r\n\s*\r\n", text)]


def is_boilerplate(paragraph: str) -> bool:
    """True when a whole paragraph is a prompt, credit or share line rather than news."""
    p = " ".join(paragraph.split())
    return bool(p) and len(p) < 300 and bool(_BOILER_LINE.match(p))


def clean_text(text: str) -> str:
    """The text with boilerplate lines and paragraphs and trailing credits removed, paragraphs kept apart."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paras = []
    for p in _paragraphs(text):
        lines = [ln.strip() for ln in p.split("\n")]
        lines = [_strip_credit(ln) for ln in lines if ln and not is_boilerplate(ln)]
        p = "\n".join(ln for ln in lines if ln)
        if p and not is_boilerplate(p):
            paras.append(p)
    n = len(paras)
    # biographies sit at the end of a story, after the news
    kept = [p for i, p in enumerate(paras) if not (i >= n * 0.6 and _BIO.match(p))]
    return "\n\n".join(kept)


def _strip_credit(line: str) -> str:
    return _CREDIT.sub("", line) if line.endswith(")") else line
