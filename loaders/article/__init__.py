"""News articles (plain text in any common encoding, or HTML pages) to dated, typed, located events.

`load(path)` reads the file, keeps the article's own text (see `page`), finds its publication date
(`--published` wins, then the page's metadata, then a dateline), extracts events sentence by sentence
(see `extract`), merges repeated reports of one event (`loaders.merge`) and validates the table.

Modules: page (HTML and boilerplate), sentences, clauses, dates (the date tagger's periods as events
use them), triggers (event types and modality), actors (people and organisations), candidate (an
event being built), context (undated mentions resolved across sentences), titles, extract (the
pipeline).
"""

from __future__ import annotations

import datetime as dt
import os

import numpy as np
import pandas as pd

from events.schema import (
    CATEGORIES,
    DATETIME,
    Validated,
    empty_events,
    empty_rejects,
    make_event_id,
    validate,
)
from loaders.errors import UnreadableInput
from loaders.settings import Settings

MAX_ARTICLE_CHARS = 5_000_000  # far beyond any article (a long one is 50,000); bounds the run time


def load(source: str | os.PathLike, *, settings: Settings | None = None) -> Validated:
    """The events reported by the article at `source` (a .txt or .html file)."""
    table, rejects = records(source, settings=settings)
    return Validated(validate(table).events, rejects)


def records(
    source: str | os.PathLike, *, settings: Settings | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The article's events before validation, and a note when there are none.

    `loaders.load_many` validates the records of many articles at once: validation has a fixed cost
    per call that would otherwise dominate a folder of short articles.
    """
    from loaders.text import read_text

    settings = settings or Settings()
    name = os.path.basename(os.fspath(source))
    return text_records(read_text(source), name=name, published=settings.published)


def _nothing_found(name: str, text: str, published: dt.date | None) -> pd.DataFrame:
    """A one-line note (in the rejects table, so the command line shows it) on why no event came out."""
    reason = (
        "no dated event found: no sentence reports a summit, drill, test, statement, deal, attack, "
        "sanction or protest together with its date"
    )
    if published is None:
        reason += (
            "; the text gives no publication date, so give --published YYYY-MM-DD if it says 'on Monday'"
        )
    return pd.DataFrame(
        {
            "file": [name],
            "row": [0],
            "column": ["text"],
            "value": [" ".join(text.split())[:80]],
            "reason": [reason],
        }
    )


def load_text(raw: str, *, name: str = "article", published: dt.date | None = None) -> Validated:
    """The events of an article given as text (HTML or plain); `name` is its source name."""
    table, rejects = text_records(raw, name=name, published=published)
    return Validated(validate(table).events, rejects)


def text_records(
    raw: str, *, name: str = "article", published: dt.date | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`records` of an article given as text."""
    from loaders.article.extract import extract
    from loaders.article.page import read_page
    from loaders.merge import merge_records
    from loaders.timex import find_publication_date

    if not raw.strip():
        raise UnreadableInput(f"{name}: the file is empty; give an article with some text")
    if len(raw) > MAX_ARTICLE_CHARS:
        raise UnreadableInput(
            f"{name}: {len(raw):,} characters is too long for one article "
            f"(limit {MAX_ARTICLE_CHARS:,}); split it into one file per article"
        )
    page = read_page(raw, name=name)
    published = published or page.published or find_publication_date(page.text)
    source = page.url or name
    found = extract(page.text, published=published)
    if not found:
        events = empty_events()
        events["sources"] = pd.Series([], dtype=object)
        events["n_sources"] = pd.Series([], dtype="int64")
        return events, _nothing_found(name, page.text, published)
    for r in found:
        first = r.pop("_first_sentence")
        r["source"] = source
        r["source_published"] = published.isoformat() if published else None
        r["event_id"] = make_event_id(source, first, r["event_type"], r["start"], r["evidence"][:200])
    merged = merge_records(found)
    for r in merged:
        r.pop("_people", None)
        r.pop("_own_news", None)
    table = _frame(merged)
    table["_file"] = name
    table["_row"] = range(1, len(table) + 1)  # events numbered in the article's order
    return table, empty_rejects()


def _frame(records: list[dict]) -> pd.DataFrame:
    """The records as a table already in the contract's dtypes, which validation checks fastest."""
    df = pd.DataFrame(records)
    for c in ("start", "end", "source_published"):
        # numpy's second-unit dates hold the year 1204 or 3000, which pandas' nanoseconds cannot
        df[c] = pd.Series(np.array([v or "NaT" for v in df[c]], dtype=DATETIME), index=df.index)
    df["end"] = df["end"] + pd.Timedelta(days=1) - pd.Timedelta(seconds=1)  # the last day inclusive
    for c, allowed in CATEGORIES.items():
        df[c] = pd.Categorical(df[c], categories=allowed)
    return df
