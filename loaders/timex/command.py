"""The ``dates`` command: JSON lines of the temporal expressions in a text file."""

from __future__ import annotations

import datetime as dt
import json
import sys

from loaders.errors import LoaderError
from loaders.text import read_text
from loaders.timex.dateline import find_publication_date
from loaders.timex.tagger import iter_tag


def parse_published(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise LoaderError(
            f"--published {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2023-09-04"
        ) from None


def command_dates(path: str, published: str | None) -> int:
    """Print one JSON object per temporal expression in the file at path; return the exit status."""
    try:
        text = read_text(path)
        date = parse_published(published) if published else find_publication_date(text)
    except LoaderError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if date is None:
        print(
            f"note: {path}: no publication date given (--published YYYY-MM-DD) nor found at the top of the text; "
            "relative dates such as 'Thursday' or 'last week' cannot be resolved and carry X's (XXXX-WXX-4)",
            file=sys.stderr,
        )
    out = sys.stdout
    for t in iter_tag(text, date):
        out.write(json.dumps({"text": t.text, "start": t.start, "end": t.end, "type": t.type, "value": t.value},
                             ensure_ascii=False) + "\n")  # fmt: skip
    return 0
