"""TimelineJS stories, in and out: the Google Sheet template (as CSV or .xlsx) and the JSON format.

Sheet columns: Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display Date,
Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Type, Group, Background.

Reading: a date keeps the precision it is written at (a Year alone is that year, Year and Month
that month); End fields make a range; a row of Type "era" is an era and loads as an event spanning
it; the Type "title" row (the story's title slide) loads as an event without a date. Headline ->
title, Text -> description, Display Date -> date_text. **Group** becomes the extra column `group`
(a category) and gives the event type when it names one ("Missile tests" -> weapons_test, else
other). Media, credits, captions, thumbnail, background and Type are kept as the extra columns
`media`, `media_credit`, `media_caption`, `media_thumbnail`, `background`, `timelinejs_type`.

Writing (`to_sheet`, `to_json`) does the reverse, so sheet -> events -> sheet -> events gives the
same events; the JSON carries each event_id as its `unique_id`.
"""

from __future__ import annotations

import json
import os
import re

import numpy as np
import pandas as pd

from events.io import restore_formulas
from events.schema import FILE, ROW, Validated, make_event_id, validate
from events.taxonomy import label
from loaders.errors import MissingColumns, UnreadableInput
from loaders.settings import Settings
from loaders.spreadsheet import normalise, read_sheet, type_from_text
from loaders.tabular import combine_rejects, read_text

SHEET_COLUMNS = (
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
)
# sheet column -> extra column of the events table
EXTRAS = {
    "Media": "media",
    "Media Credit": "media_credit",
    "Media Caption": "media_caption",
    "Media Thumbnail": "media_thumbnail",
    "Background": "background",
    "Type": "timelinejs_type",
    "Group": "group",
    "Display Date": "display_date",
}
_TIME = re.compile(r"(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?(?:\.\d+)?\s*([ap]\.?m\.?)?", re.I)


def is_timelinejs_header(header: list[str]) -> bool:
    names = {normalise(h) for h in header}
    return {"year", "headline"} <= names and bool(
        names & {"month", "day", "end_year", "display_date", "media"}
    )


# --------------------------------------------------------------------------------------------
# reading


def _int(text: object) -> int | None:
    s = str(text).strip() if text is not None else ""
    if not s or s.lower() == "nan":
        return None
    try:
        f = float(s)
    except ValueError:
        return None
    return int(f) if f.is_integer() else None


def _clock(text: object) -> str | None:
    """ "14:30", "2:30 PM", "14:30:05" -> "14:30:05"; None when blank or not a time."""
    s = str(text).strip() if text is not None else ""
    m = _TIME.fullmatch(s)
    if not s or not m:
        return None
    h, mi, se = int(m[1]), int(m[2] or 0), int(m[3] or 0)
    if m[4]:
        pm = m[4].lower().startswith("p")
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if pm else 0)
    if h > 23 or mi > 59 or se > 59:
        return None
    return f"{h:02d}:{mi:02d}:{se:02d}"


def date_of(year: object, month: object, day: object, time: object) -> tuple[str, str | None, str | None]:
    """(ISO text at the written precision, precision, problem) of TimelineJS date parts.

    >>> date_of("2023", "7", "", ""), date_of("-500", "", "", ""), date_of("2023", "7", "27", "2:30 PM")
    (('2023-07', 'month', None), ('-0500', 'year', None), ('2023-07-27T14:30:00', 'time', None))
    """
    blank = [str(v).strip() in ("", "nan", "None") for v in (year, month, day, time)]
    if all(blank):
        return "", None, None
    y, m, d = _int(year), _int(month), _int(day)
    if y is None:
        return "", None, "Year is missing or not a whole number"
    ytext = f"-{abs(y):04d}" if y < 0 else f"{y:04d}"
    if blank[1]:
        return (ytext, "year", None) if blank[2] and blank[3] else ("", None, "Day or Time without a Month")
    if m is None or not 1 <= m <= 12:
        return "", None, "Month is not 1-12"
    if blank[2]:
        return (f"{ytext}-{m:02d}", "month", None) if blank[3] else ("", None, "Time without a Day")
    if d is None or not 1 <= d <= 31:
        return "", None, "Day is not 1-31"
    try:
        pd.Timestamp(year=2000 if y < 1 else y, month=m, day=d)
    except ValueError:
        return "", None, f"{y}-{m}-{d} is not a day of the calendar"
    day_text = f"{ytext}-{m:02d}-{d:02d}"
    if blank[3]:
        return day_text, "day", None
    clock = _clock(time)
    if clock is None:
        return "", None, f"Time {str(time).strip()!r} is not a time (write 14:30 or 2:30 PM)"
    return f"{day_text}T{clock}", "time", None


def _from_rows(rows: pd.DataFrame, name: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Sheet-named columns (any subset) to contract columns + extras; and rows with unreadable dates."""
    get = lambda c: rows[c] if c in rows else pd.Series("", index=rows.index, dtype="str")  # noqa: E731
    starts = [date_of(*v) for v in zip(get("Year"), get("Month"), get("Day"), get("Time"), strict=True)]
    ends = [
        date_of(*v)
        for v in zip(get("End Year"), get("End Month"), get("End Day"), get("End Time"), strict=True)
    ]
    headline = get("Headline").fillna("").astype("str").str.strip()
    group = get("Group").fillna("").astype("str").str.strip()
    start_text = [s[0] for s in starts]
    end_text = [e[0] for e in ends]
    out = pd.DataFrame(
        {
            "event_id": [  # what the slide says, not the file it is in, so a copy keeps its ids
                make_event_id("timelinejs", h, s, e, g, t)
                for h, s, e, g, t in zip(
                    headline, start_text, end_text, group, get("Text").fillna("").astype("str"), strict=True
                )
            ],
            "title": headline,
            "description": get("Text"),
            "start": start_text,
            "end": [e or None for e in end_text],
            "date_precision": [s[1] for s in starts],
            "date_text": get("Display Date"),
            "event_type": group.map(type_from_text),
        },
        index=rows.index,
    )
    if "unique_id" in rows:
        given = rows["unique_id"].fillna("").astype("str").str.strip()
        out["event_id"] = given.where(given != "", out["event_id"])
    for sheet, extra in EXTRAS.items():
        out[extra] = get(sheet).fillna("").astype("str")
    out["group"] = out["group"].astype("category")
    for c in rows.columns:  # columns of the maker's own are kept too
        if c not in SHEET_COLUMNS and c not in (ROW, FILE, "unique_id") and c not in out:
            out[c] = rows[c]
    out["source"] = name
    out[ROW] = rows[ROW]
    out[FILE] = name
    problems = [(i, "Year", s[2]) for i, s in zip(rows.index, starts, strict=True) if s[2]]
    problems += [(i, "End Year", e[2]) for i, e in zip(rows.index, ends, strict=True) if e[2]]
    rejects = pd.DataFrame(
        {
            "file": name,
            "row": [int(rows.at[i, ROW]) for i, _, _ in problems],
            "column": [c for _, c, _ in problems],
            "value": [
                " ".join(
                    str(rows.at[i, k])
                    for k in (
                        ("Year", "Month", "Day", "Time")
                        if c == "Year"
                        else ("End Year", "End Month", "End Day", "End Time")
                    )
                    if k in rows
                ).strip()
                for i, c, _ in problems
            ],
            "reason": [r for _, _, r in problems],
        }
    )
    bad = out.index.isin([i for i, _, _ in problems])
    return out[~bad], rejects


def _sheet(source: str | os.PathLike, settings: Settings, name: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    table = read_sheet(source, settings)
    by_name = {normalise(c): c for c in SHEET_COLUMNS}
    rename = {h: by_name[normalise(h)] for h in table.header if normalise(h) in by_name}
    if "Year" not in rename.values() or "Headline" not in rename.values():
        raise MissingColumns(name, table.header, ["Year", "Headline"])
    rows = table.frame.rename(columns=rename)
    for c in rename.values():
        rows[c] = restore_formulas(rows[c])
    events, rejects = _from_rows(rows, name)
    return events, combine_rejects(rejects, table.rejects)


def _date_parts(d: object, prefix: str = "") -> dict[str, object]:
    d = d if isinstance(d, dict) else {}
    clock = ""
    if any(str(d.get(k, "")).strip() for k in ("hour", "minute", "second")):
        clock = (
            f"{_int(d.get('hour')) or 0}:{_int(d.get('minute')) or 0:02d}:{_int(d.get('second')) or 0:02d}"
        )
    return {
        f"{prefix}Year": d.get("year", ""),
        f"{prefix}Month": d.get("month", ""),
        f"{prefix}Day": d.get("day", ""),
        f"{prefix}Time": clock,
    }


def _slide_row(slide: dict, kind: str) -> dict[str, object]:
    text = slide.get("text") if isinstance(slide.get("text"), dict) else {}
    media = slide.get("media") if isinstance(slide.get("media"), dict) else {}
    background = slide.get("background") if isinstance(slide.get("background"), dict) else {}
    start = slide.get("start_date") if isinstance(slide.get("start_date"), dict) else {}
    return {
        **_date_parts(start),
        **_date_parts(slide.get("end_date"), "End "),
        "Display Date": slide.get("display_date") or start.get("display_date", ""),
        "Headline": text.get("headline", ""),
        "Text": text.get("text", ""),
        "Media": media.get("url", ""),
        "Media Credit": media.get("credit", ""),
        "Media Caption": media.get("caption", ""),
        "Media Thumbnail": media.get("thumbnail", ""),
        "Type": kind,
        "Group": slide.get("group", ""),
        "Background": background.get("url") or background.get("color") or "",
        "unique_id": slide.get("unique_id", ""),
    }


def _json(source: str | os.PathLike, settings: Settings, name: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    text, _ = read_text(source, max_bytes=settings.max_bytes)
    try:
        story = json.loads(text)
    except json.JSONDecodeError as e:
        raise UnreadableInput(f"{name}: not valid JSON (line {e.lineno}: {e.msg})") from e
    if not isinstance(story, dict) or not isinstance(story.get("events", []), list):
        raise MissingColumns(name, sorted(story) if isinstance(story, dict) else [], ["events"])
    slides: list[dict[str, object]] = []
    if isinstance(story.get("title"), dict):
        slides.append(_slide_row(story["title"], "title"))
    slides += [_slide_row(s if isinstance(s, dict) else {}, "") for s in story.get("events", [])]
    slides += [_slide_row(s if isinstance(s, dict) else {}, "era") for s in story.get("eras", []) or []]
    rows = pd.DataFrame(slides, columns=[*SHEET_COLUMNS, "unique_id"]).astype("str").replace("None", "")
    rows[ROW] = np.arange(1, len(rows) + 1)  # slides in file order: title, events, eras
    return _from_rows(rows, name)


def load(source: str | os.PathLike, *, settings: Settings | None = None) -> Validated:
    settings = settings or Settings()
    name = os.path.basename(os.fspath(source))
    reader = _json if str(source).lower().endswith(".json") else _sheet
    events, rejects = reader(source, settings, name)
    # the title slide has no date of its own: that is fine, it is kept as an event without one
    checked = validate(events, source=name)
    return Validated(checked.events, combine_rejects(checked.rejects, rejects))


# --------------------------------------------------------------------------------------------
# writing


def _end_level(end: pd.Timestamp) -> str:
    """The coarsest written form that still gives this inclusive end back."""
    if (end.hour, end.minute, end.second) != (23, 59, 59):
        return "time"
    if end.month == 12 and end.day == 31:
        return "year"
    if (end + pd.Timedelta(seconds=1)).day == 1:
        return "month"
    return "day"


def _parts(t: pd.Timestamp | None, level: str) -> tuple[object, object, object, str]:
    if t is None or pd.isna(t):
        return "", "", "", ""
    y = int(t.year)
    if level in ("year", "decade"):
        return y, "", "", ""
    if level in ("month", "quarter"):
        return y, int(t.month), "", ""
    if level in ("day", "week"):
        return y, int(t.month), int(t.day), ""
    clock = f"{t.hour:02d}:{t.minute:02d}" + (f":{t.second:02d}" if t.second else "")
    return y, int(t.month), int(t.day), clock


def _column(events: pd.DataFrame, name: str) -> pd.Series:
    if name in events:
        return events[name].astype("object").where(events[name].notna(), "").astype("str")
    return pd.Series("", index=events.index, dtype="str")


def to_sheet(events: pd.DataFrame) -> pd.DataFrame:
    """The events as a TimelineJS sheet (the template's columns, one row per event)."""
    from events.schema import period_end

    rows = []
    natural = period_end(events["start"], events["date_precision"].astype("object").fillna("day"))
    group = _column(events, "group")
    has_group = "group" in events  # from a TimelineJS story; else the event type's label is the group
    kinds = _column(events, "timelinejs_type")
    for i, (start, end, prec, nat) in enumerate(
        zip(events["start"], events["end"], events["date_precision"].astype("object"), natural, strict=True)
    ):
        level = prec if isinstance(prec, str) else "day"
        y, m, d, t = _parts(start, level)
        has_end = not pd.isna(end) and not pd.isna(start) and end != nat
        ey, em, ed, et = _parts(end, _end_level(end)) if has_end else ("", "", "", "")
        event_type = events["event_type"].iloc[i]
        rows.append(
            {
                "Year": y,
                "Month": m,
                "Day": d,
                "Time": t,
                "End Year": ey,
                "End Month": em,
                "End Day": ed,
                "End Time": et,
                "Display Date": _column(events, "display_date").iloc[i],
                "Headline": events["title"].iloc[i],
                "Text": events["description"].iloc[i],
                "Media": _column(events, "media").iloc[i],
                "Media Credit": _column(events, "media_credit").iloc[i],
                "Media Caption": _column(events, "media_caption").iloc[i],
                "Media Thumbnail": _column(events, "media_thumbnail").iloc[i],
                "Type": kinds.iloc[i],
                "Group": group.iloc[i]
                if has_group
                else ("" if pd.isna(event_type) else label(str(event_type))),
                "Background": _column(events, "background").iloc[i],
            }
        )
    return pd.DataFrame(rows, columns=list(SHEET_COLUMNS))


def _json_date(y: object, m: object, d: object, t: str) -> dict[str, object] | None:
    if y == "":
        return None
    out: dict[str, object] = {"year": y}
    if m != "":
        out["month"] = m
    if d != "":
        out["day"] = d
    if t:
        parts = t.split(":")
        out["hour"], out["minute"] = int(parts[0]), int(parts[1])
        if len(parts) > 2:
            out["second"] = int(parts[2])
    return out


def to_json(events: pd.DataFrame) -> dict[str, object]:
    """The events as a TimelineJS JSON story: {"title"?, "events": [...], "eras"?: [...]}."""
    sheet = to_sheet(events)
    story: dict[str, object] = {"events": []}
    eras = []
    for (_, r), event_id in zip(sheet.iterrows(), events["event_id"], strict=True):
        slide: dict[str, object] = {"text": {"headline": r["Headline"], "text": r["Text"]}}
        start = _json_date(r["Year"], r["Month"], r["Day"], r["Time"])
        end = _json_date(r["End Year"], r["End Month"], r["End Day"], r["End Time"])
        if start:
            slide["start_date"] = start
        if end:
            slide["end_date"] = end
        if r["Display Date"]:
            slide["display_date"] = r["Display Date"]
        media = {
            k: r[c]
            for k, c in (
                ("url", "Media"),
                ("credit", "Media Credit"),
                ("caption", "Media Caption"),
                ("thumbnail", "Media Thumbnail"),
            )
            if r[c]
        }
        if media:
            slide["media"] = media
        if r["Group"]:
            slide["group"] = r["Group"]
        if r["Background"]:
            bg = r["Background"]
            slide["background"] = {"color": bg} if bg.startswith("#") else {"url": bg}
        slide["unique_id"] = event_id
        kind = r["Type"].strip().lower()
        if kind == "title" and "title" not in story:
            story["title"] = slide
        elif kind == "era":
            eras.append(slide)
        else:
            story["events"].append(slide)  # type: ignore[union-attr]
    if eras:
        story["eras"] = eras
    return story
