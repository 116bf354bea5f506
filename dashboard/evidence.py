"""The evidence panel: one event's details as safe HTML, with its date expression highlighted.

All text in an event comes from untrusted articles and files, so every piece is escaped with
`html.escape` and the only tags are the ones built here; a source becomes a link only when it is an
http(s) URL.

>>> highlight("Talks began on Thursday <b>in</b> Seoul.", "on Thursday")
'Talks began <mark>on Thursday</mark> &lt;b&gt;in&lt;/b&gt; Seoul.'
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

from dashboard.filters import country_label
from events.taxonomy import label as type_label

SAFE_SCHEMES = ("http", "https")


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return ""
    return str(value)


def spans(text: str, expressions: list[str]) -> list[tuple[int, int]]:
    """Where the expressions occur in `text` (any case), longest first, without overlaps, in order."""
    found: list[tuple[int, int]] = []
    for expr in sorted({e.strip() for e in expressions if e.strip()}, key=len, reverse=True):
        for m in re.finditer(re.escape(expr), text, flags=re.IGNORECASE):
            a, b = m.span()
            if all(b <= x or a >= y for x, y in found):
                found.append((a, b))
    return sorted(found)


def highlight(evidence: str, date_text: str) -> str:
    """The evidence as escaped HTML with each `;`-separated part of the date expression in <mark>."""
    evidence = _text(evidence)
    marks = spans(evidence, _text(date_text).split(";"))
    out, pos = [], 0
    for a, b in marks:
        out.append(html.escape(evidence[pos:a]))
        out.append(f"<mark>{html.escape(evidence[a:b])}</mark>")
        pos = b
    out.append(html.escape(evidence[pos:]))
    return "".join(out)


def safe_url(source: str) -> str | None:
    """The source when it is an http(s) URL with a host (so never `javascript:`); else None."""
    s = _text(source).strip()
    try:
        parts = urlsplit(s)
    except ValueError:
        return None
    if parts.scheme.lower() in SAFE_SCHEMES and parts.netloc and not any(c.isspace() for c in s):
        return s
    return None


def _dates(event: Mapping) -> str:
    start, end, prec = event.get("start"), event.get("end"), _text(event.get("date_precision"))
    if start is None or pd.isna(start):
        return "no date"
    fmt = {"time": "%Y-%m-%d %H:%M"}.get(prec, "%Y-%m-%d")
    a = start.strftime(fmt)
    b = end.strftime(fmt) if end is not None and not pd.isna(end) else a
    span = a if a == b else f"{a} to {b}"
    return f"{span} (precision: {prec})" if prec else span


def _list(value: object, label=lambda x: x) -> str:
    if isinstance(value, (list, tuple, np.ndarray)):
        return ", ".join(label(str(v)) for v in value)
    return _text(value)


def details(event: Mapping) -> list[tuple[str, str]]:
    """(label, plain text) pairs describing an event, in the order the panel shows them."""
    rows = [
        ("Type", type_label(_text(event.get("event_type")))),
        ("Dates", _dates(event)),
        ("Date as written", _text(event.get("date_text"))),
        ("Modality", _text(event.get("modality"))),
        ("Countries", _list(event.get("countries"), country_label)),
        ("Actors", _list(event.get("actors"))),
        ("Place", _text(event.get("location"))),
        ("Source", _text(event.get("source"))),
    ]
    published = event.get("source_published")
    if published is not None and not pd.isna(published):
        rows.append(("Published", published.strftime("%Y-%m-%d")))
    return [(k, v) for k, v in rows if v]


_STYLE = (
    "<style>.ev-details{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:0 0 8px}"
    ".ev-details dt{font-weight:600}.ev-details dd{margin:0}"
    ".ev-evidence{border-left:3px solid #332288;margin:8px 0;padding:4px 10px;background:#F7F6F1}"
    ".ev-evidence mark{background:#DDCC77;padding:0 2px}</style>"
)


def details_html(event: Mapping) -> str:
    """The panel: title, details, description and the evidence with the date expression marked."""
    parts = [
        _STYLE,
        f"<h4 class='ev-title'>{html.escape(_text(event.get('title')))}</h4>",
        "<dl class='ev-details'>",
    ]
    for key, value in details(event):
        if key == "Source" and (url := safe_url(value)):
            shown = f"<a href='{html.escape(url, quote=True)}' target='_blank' rel='noopener noreferrer'>{html.escape(value)}</a>"
        else:
            shown = html.escape(value)
        parts.append(f"<dt>{html.escape(key)}</dt><dd>{shown}</dd>")
    parts.append("</dl>")
    description = _text(event.get("description"))
    if description:
        parts.append(f"<p class='ev-description'>{html.escape(description)}</p>")
    evidence = _text(event.get("evidence"))
    if evidence:
        parts.append(
            "<blockquote class='ev-evidence'>"
            + highlight(evidence, _text(event.get("date_text")))
            + "</blockquote>"
        )
    return "\n".join(parts)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def markdown_safe(text: str) -> str:
    r"""Text for st.markdown/st.caption shown as written: Markdown and HTML characters backslash-escaped.

    >>> markdown_safe("[x](javascript:alert(1)) <b>")
    '\\[x\\]\\(javascript\\:alert\\(1\\)\\) \\<b\\>'
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _text(text))
