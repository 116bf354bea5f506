"""periods(): stub"""

from __future__ import annotations
import datetime as dt
from loaders.timex.model import Timex
from loaders.timex.tagger import tag


def periods(text: str, published: dt.date | None = None) -> list[Timex]:
    return tag(text, published)
