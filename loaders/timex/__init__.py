"""Find and normalise temporal expressions in English news text (TimeML TIMEX3 style).

>>> import datetime
>>> [(t.text, t.value) for t in tag("Kim met Putin on Thursday.", datetime.date(2023, 9, 4))]
[('Thursday', '2023-08-31')]
"""

from __future__ import annotations

from loaders.timex.command import command_dates
from loaders.timex.dateline import find_publication_date
from loaders.timex.model import Timex
from loaders.timex.periods import periods
from loaders.timex.tagger import tag

__all__ = ["Timex", "command_dates", "find_publication_date", "periods", "tag"]
