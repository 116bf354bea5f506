"""Words of the date grammar: month and weekday names, numbers, units, parts of days and years."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip
UNITS = {
    "second": "S", "minute": "MIN", "hour": "H", "day": "D", "night": "D", "week": "W", "fortnight": "2W",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "E", "century": "C", "weekend": "WE",
}  # fmt: skip
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12,
    "dozen": 12, "half a": 0.5, "a half": 0.5,
}  # fmt: skip
VAGUE_NUMBERS = ("several", "a few", "few", "some", "many", "a number of", "numerous", "countless")
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
    "last": -1, "final": -1,
}  # fmt: skip
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip
PART_WORDS = {
    "early": "early", "earlier": "early", "mid": "mid", "middle": "mid", "late": "late", "later": "late",
    "end": "end", "start": "start", "beginning": "start",
}  # fmt: skip


def number_value(words: str) -> float | None:
    """The number written in words or digits ("11", "twenty-four", "a couple of"); None if vague.

    >>> number_value("twenty-four"), number_value("a couple of"), number_value("11"), number_value("several")
    (24, 2, 11, None)
    """
    w = " ".join(words.lower().replace("-", " ").split())
    if not w:
        return None
    if re.fullmatch(r"(?=\.?[0-9])[0-9]*\.?[0-9]*", w.replace(",", "")):  # ASCII only: float("²") fails
        n = float(w.replace(",", ""))
        return int(n) if n.is_integer() else n
    if w in NUMBERS:
        return NUMBERS[w]
    total = 0
    for part in w.split():
        if part in ("and",):
            continue
        if part == "hundred":
            total = max(total, 1) * 100
        elif part in NUMBERS:
            total += NUMBERS[part]
        else:
            return None
    return total or None
