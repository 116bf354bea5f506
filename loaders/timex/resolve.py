"""Normalise candidates against the publication date (TIMEX3 values, first and last day, precision).

Each ``kind`` of grammar.py has one function, picked from the RESOLVERS table below (absolute.py:
dates named on the calendar; relative.py: dates relative to another; durations.py: durations and
sets; anchoring.py: the calendar reckoning they share). A function
returns the Timex pieces for its candidate, or None to reject it (a "May" that is a verb, a
"1990" that counts troops). Relative expressions need the publication date: without one they get
X-ed values ("XXXX-07-29", "XXXX-WXX-4") and resolved=False.
"""

from __future__ import annotations

from collections.abc import Callable

from loaders.timex.absolute import (
    r_century,
    r_decade,
    r_decade2,
    r_dmy,
    r_holiday,
    r_iso,
    r_mdy,
    r_month,
    r_my,
    r_numeric,
    r_season,
    r_spoken_year,
    r_time,
    r_weekday,
    r_year,
    r_year_range,
)
from loaders.timex.durations import r_ahead, r_duration, r_for_units, r_set, r_vague_duration
from loaders.timex.grammar import Candidate
from loaders.timex.relative import (
    r_ago,
    r_anaphor,
    r_anaphor_pod,
    r_day_rel,
    r_deictic,
    r_qnum,
    r_quarter,
    r_relative,
    r_tod,
    r_week_of,
    r_year_adj,
    r_year_period,
)
from loaders.timex.state import Context, Piece

RESOLVERS: dict[str, Callable[[Candidate, Context], list[Piece] | None]] = {
    "iso": r_iso, "numeric": r_numeric, "mdy": r_mdy, "dmy": r_dmy, "my": r_my, "month": r_month,
    "weekday": r_weekday, "time": r_time, "year_range": r_year_range, "year": r_year, "decade": r_decade,
    "decade2": r_decade2, "century": r_century, "deictic": r_deictic, "tod": r_tod, "relative": r_relative,
    "ago": r_ago, "duration": r_duration, "vague_duration": r_vague_duration, "for_units": r_for_units,
    "quarter": r_quarter, "qnum": r_qnum, "anaphor": r_anaphor, "anaphor_pod": r_anaphor_pod, "day_rel": r_day_rel, "year_adj": r_year_adj,
    "holiday": r_holiday, "ahead": r_ahead, "year_period": r_year_period, "week_of": r_week_of, "set": r_set, "spoken_year": r_spoken_year, "season": r_season,
}  # fmt: skip
