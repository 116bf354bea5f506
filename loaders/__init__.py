"""Loaders: every kind of source to one validated events table plus a rejects table.

One module per kind of source, each with `load(source, *, settings=None) -> Validated`; this table
names them, and `load` picks one by the format `loaders.detect` reports (or the one asked for).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, NamedTuple

from loaders.errors import LoaderError, UnreadableInput, UnsupportedFormat
from loaders.settings import Settings

if TYPE_CHECKING:  # pandas is imported when a table is loaded, so `python -m loaders dates` starts fast
    import pandas as pd

    from events.schema import Validated

# format name -> module holding its `load`
LOADERS: dict[str, str] = {
    "events": "loaders.native",
    "spreadsheet": "loaders.spreadsheet",
    "acled": "loaders.acled",
    "gdelt": "loaders.gdelt",
    "timelinejs": "loaders.timelinejs",
    "article": "loaders.article",
}


class Loaded(NamedTuple):
    events: pd.DataFrame
    rejects: pd.DataFrame
    formats: dict[str, str]  # input name -> the format it was read as


def loader(fmt: str) -> Callable[..., Validated]:
    if fmt not in LOADERS:
        raise UnsupportedFormat(f"unknown format {fmt!r}; known formats: {', '.join(LOADERS)}")
    return importlib.import_module(LOADERS[fmt]).load


def load(source: str | os.PathLike, *, settings: Settings | None = None) -> Loaded:
    """Load one file, detecting its format unless `settings.fmt` names one."""
    from loaders.detect import detect_format

    settings = settings or Settings()
    name = os.fspath(source)
    if not os.path.isfile(name):
        raise UnreadableInput(f"{name}: no such file")
    fmt = settings.fmt or detect_format(source)
    try:
        events, rejects = loader(fmt)(source, settings=settings)
    except LoaderError:
        raise
    except (ValueError, OSError, UnicodeError) as e:  # a reader's own error: say which file and format
        raise UnreadableInput(f"{os.path.basename(name)}: cannot be read as {fmt}: {e}") from e
    except Exception as e:  # a bug of ours must still not reach the user as a traceback
        raise LoaderError(
            f"{os.path.basename(name)}: unexpected error reading it as {fmt} ({type(e).__name__}: {e}); "
            "please report this with the file"
        ) from e
    return Loaded(events, rejects, {name: fmt})


def _load_or_records(source: str | os.PathLike, *, settings: Settings | None) -> Loaded:
    """`load`, or, for a loader with a `records` function, its unvalidated table and rejects as
    Loaded(None, (table, rejects), formats)."""
    from loaders.detect import detect_format

    name = os.fspath(source)
    if not os.path.isfile(name):
        return load(source, settings=settings)  # raises the clear error
    fmt = (settings and settings.fmt) or detect_format(source)
    module = importlib.import_module(LOADERS[fmt]) if fmt in LOADERS else None
    if module is None or not hasattr(module, "records"):
        return load(source, settings=settings)
    try:
        return Loaded(None, module.records(source, settings=settings), {name: fmt})  # type: ignore[arg-type]
    except LoaderError:
        raise
    except Exception as e:
        raise LoaderError(
            f"{os.path.basename(name)}: cannot be read as {fmt} ({type(e).__name__}: {e})"
        ) from e


def load_many(
    sources: Iterable[str | os.PathLike],
    *,
    settings: Settings | None = None,
    on_error: Callable[[str, LoaderError], None] | None = None,
) -> Loaded:
    """Load several inputs into one timeline. Articles reporting the same event are merged.

    A file that cannot be read at all raises, unless `on_error` takes the error (then the other
    files still load).
    """
    import pandas as pd

    from events.schema import concat, empty_rejects, validate

    tables, rejects, formats = [], [], {}
    pending: list[pd.DataFrame] = []  # records of loaders that let us validate many files at once
    for source in sources:
        try:
            got = _load_or_records(source, settings=settings)
        except LoaderError as e:
            if on_error is None:
                raise
            on_error(os.fspath(source), e)
            continue
        if got.events is None:
            pending.append(got.rejects[0])
            rejects.append(got.rejects[1])
        else:
            tables.append(got.events)
            rejects.append(got.rejects)
        formats.update(got.formats)
    if pending:
        valid = validate(pd.concat(pending, ignore_index=True))
        tables.append(valid.events)
        rejects.append(valid.rejects)
    events = concat(tables)
    if list(formats.values()).count("article") > 1:
        from loaders.merge import merge_across_sources

        events = merge_across_sources(events)
    all_rejects = (
        pd.concat([r for r in rejects if len(r)], ignore_index=True)
        if any(len(r) for r in rejects)
        else empty_rejects()
    )
    return Loaded(events, all_rejects, formats)
