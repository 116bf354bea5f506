"""Find and normalise temporal expressions in English news text (TimeML TIMEX3 style).

- ``tag(text, published)``: every expression as TempEval-3 annotates it, with its TIMEX3 type and
  value and the days it covers (``Timex``); relative ones resolved against ``published``.
- ``periods(text, published)``: the event-oriented view: ranges ("Sept. 1 through Sept. 7") and
  durations anchored by a date ("an 11-day exercise that ended Thursday") as single periods.
- ``find_publication_date(text)``: a dateline or byline date at the top of an article.
- ``command_dates(path, published)``: the ``python -m loaders dates`` command.

How it works: grammar.py finds candidates with patterns over tokens (only near trigger words);
resolve.py picks a resolver per kind (absolute.py, relative.py, durations.py, with the calendar
reckoning of anchoring.py and the tense cues of context.py); tagger.py keeps them leftmost-longest.

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
