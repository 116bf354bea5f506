"""The Streamlit page: cached loading, widgets with keys, then filters, figures, evidence and exports.

Run with `make run` (or `streamlit run dashboard/app.py`). Files given after `--`
(`streamlit run dashboard/app.py -- events.parquet`) are shown instead of the default timeline; a
folder after `--`, or EVENTS_STORE=folder, opens an events store (Parquet, any size) through DuckDB.
Everything else lives in plain modules: views.py (what a filter change draws, at any size),
filters.py, figures.py, evidence.py, exports.py, state.py.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `streamlit run dashboard/app.py` puts only dashboard/ on the path
    sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402
import streamlit as st  # noqa: E402

from dashboard import evidence, exports, figures, state, views  # noqa: E402
from dashboard import filters as flt  # noqa: E402
from dashboard.scale_query import EventQuery, QueryError  # noqa: E402
from events.schema import concat, empty_rejects  # noqa: E402
from events.taxonomy import label as type_label  # noqa: E402

MAX_UPLOAD_MB = int(st.get_option("server.maxUploadSize"))
UPLOAD_TYPES = [
    "txt",
    "text",
    "md",
    "html",
    "htm",
    "xhtml",
    "csv",
    "tsv",
    "json",
    "jsonl",
    "parquet",
    "pq",
    "xlsx",
    "zip",
]
FILTER_KEYS = {
    "countries": "f_countries",
    "types": "f_types",
    "start": "f_from",
    "end": "f_to",
    "modalities": "f_modalities",
    "sources": "f_sources",
    "text": "f_text",
}
TABLE_COLUMNS = [
    "title",
    "start",
    "end",
    "date_text",
    "type",
    "countries",
    "location",
    "modality",
    "source",
    "evidence",
]


# ------------------------------------------------------------------------------------ loading


@st.cache_data(show_spinner=False)
def load_default() -> pd.DataFrame:
    from events.default import default_timeline

    return default_timeline()


@st.cache_data(show_spinner=False, max_entries=64)
def load_file(
    name: str, data: bytes, published: dt.date | None
) -> tuple[pd.DataFrame, pd.DataFrame, str, str]:
    """One input's (events, rejects, format, error); cached on its name, bytes and publication date."""
    from loaders import load_many
    from loaders.errors import LoaderError
    from loaders.settings import make_settings

    safe_name = Path(name).name or "input"
    errors: list[str] = []
    try:
        settings = make_settings(published=published)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / safe_name
            path.write_bytes(data)
            got = load_many([path], settings=settings, on_error=lambda _src, e: errors.append(str(e)))
        fmt = next(iter(got.formats.values()), "")
        return got.events, got.rejects, fmt, "; ".join(errors)
    except LoaderError as e:
        return concat([]), empty_rejects(), "", str(e)
    except Exception as e:  # a bug in a loader must not show a traceback: say which file failed
        return concat([]), empty_rejects(), "", f"{safe_name}: could not be read ({type(e).__name__}: {e})"


@st.cache_data(show_spinner=False)
def load_paths(
    paths: tuple[str, ...], stamps: tuple[float, ...]
) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Files named on the command line (stamps are their modification times, for the cache)."""
    tables, rejects, errors = [], [], []
    for p in paths:
        events, rej, _fmt, err = load_file(Path(p).name, Path(p).read_bytes(), None)
        tables.append(events)
        rejects.append(rej)
        if err:
            errors.append(err)
    return concat(tables), _stack(rejects), errors


def _stack(rejects: list[pd.DataFrame]) -> pd.DataFrame:
    got = [r for r in rejects if len(r)]
    return pd.concat(got, ignore_index=True) if got else empty_rejects()


@st.cache_resource(show_spinner="Opening the events store …")
def open_store(path: str) -> EventQuery:
    """An events store, opened once per server for every session (it is read-only)."""
    return EventQuery(path)


@st.cache_resource(max_entries=4, show_spinner="Indexing the events …")
def query_over(token: str, _events: pd.DataFrame) -> EventQuery:
    """DuckDB over a large table in memory, built once per table (`token` is its fingerprint)."""
    return EventQuery(_events)


def start_events() -> tuple[pd.DataFrame | None, str]:
    """The start data: an events store (None, then `st.session_state.store` names it), the files
    named on the command line, or the default timeline."""
    st.session_state.store = None
    # `streamlit run dashboard/app.py -- FILE...` makes sys.argv [app.py, FILE...]; under a test runner it is not ours
    ours = Path(sys.argv[0]).resolve() == Path(__file__).resolve() if sys.argv else False
    args = [a for a in sys.argv[1:] if not a.startswith("-")] if ours else []
    try:
        store, args = views.source_args(args, os.environ)
        if store:
            open_store(store)  # a folder without Parquet files is told here, once
            st.session_state.store = store
            return None, views.store_label(store)
    except QueryError as e:
        st.session_state.load_report = {"errors": [str(e)], "rejects": empty_rejects()}
        return load_default(), "the default timeline"
    if not args:
        return load_default(), "the default timeline"
    stamps = tuple(os.path.getmtime(a) if os.path.exists(a) else 0.0 for a in args)
    missing = [a for a in args if not os.path.exists(a)]
    if missing:
        st.session_state.load_report = {
            "errors": [f"{m}: no such file" for m in missing],
            "rejects": empty_rejects(),
        }
        return load_default(), "the default timeline"
    events, rejects, errors = load_paths(tuple(args), stamps)
    st.session_state.load_report = {"errors": errors, "rejects": rejects}
    return events, ", ".join(Path(a).name for a in args)


def merge(current: pd.DataFrame | None, new: pd.DataFrame) -> pd.DataFrame:
    """New events added to the current ones; an event already shown (same id) is kept once.
    Nothing is added to an events store on disk: the new events are shown instead of it."""
    if current is None:
        return new
    both = concat([current, new])
    return both[~both["event_id"].duplicated(keep="first")].reset_index(drop=True)


def load_inputs(files: list, pasted: str, published: dt.date | None, replace: bool) -> None:
    inputs = [(f.name, f.getvalue()) for f in files]
    if pasted.strip():
        inputs.append(("pasted-article.txt", pasted.encode("utf-8")))
    if not inputs:
        st.session_state.load_report = {
            "errors": ["Choose files or paste an article first."],
            "rejects": empty_rejects(),
        }
        return
    tables, articles, rejects, errors = [], [], [], []
    bar = st.progress(0.0, text="Loading…")
    for i, (name, data) in enumerate(inputs):
        bar.progress(i / len(inputs), text=f"Reading {name} ({i + 1} of {len(inputs)})")
        if len(data) > MAX_UPLOAD_MB * 1024 * 1024:  # the uploader's own limit, for pasted text too
            errors.append(
                f"{name} is larger than the {MAX_UPLOAD_MB} MB limit; split it or load it with `python -m loaders`."
            )
            continue
        events, rej, fmt, err = load_file(name, data, published)
        (articles if fmt == "article" else tables).append(events)
        rejects.append(rej)
        if err:
            errors.append(err)
    bar.empty()
    if len(articles) > 1:
        # several articles reporting the same event become one event, as `load_many` does
        from loaders.merge import merge_across_sources

        articles = [merge_across_sources(concat(articles))]
    new = concat(tables + articles)
    before = st.session_state.events
    replace = replace or before is None  # a store on disk is not changed: the files replace it here
    st.session_state.events = new if replace else merge(before, new)
    st.session_state.store = None
    st.session_state.source_label = (
        "loaded files" if replace else st.session_state.source_label + " + loaded files"
    )
    added = len(st.session_state.events) - (0 if replace else len(before))
    st.session_state.load_report = {
        "errors": errors,
        "rejects": _stack(rejects),
        "message": f"{'Replaced by' if replace else 'Added'} {added:,} event{'s' if added != 1 else ''} from {len(inputs)} input{'s' if len(inputs) != 1 else ''}.",
    }
    st.session_state.event = None


def reset_data() -> None:
    st.session_state.events, st.session_state.source_label = start_events()
    st.session_state.load_report = None
    st.session_state.event = None


@st.cache_resource(max_entries=16, show_spinner=False)
def build_view(token: str, filters: flt.Filters, lanes: str, _source) -> views.Result:
    """The counts, charts and events of a view; cached on the data's fingerprint and the view, so
    a click is quick. `_source` is the table or query `token` names (not hashed: the key names it).
    """
    return views.draw(_source, filters, lanes=lanes)


def current_source(events: pd.DataFrame | None) -> tuple[pd.DataFrame | EventQuery, str]:
    """What the filters run on, and its key: a store, DuckDB over a large table, or the table."""
    if events is None:
        path = st.session_state.store
        return open_store(path), "store:" + os.path.abspath(path)
    token = data_token(events)
    return (query_over(token, events) if views.needs_query(events) else events), token


def _export_data(fetch, fmt: str) -> bytes:
    """Read when the button is pressed: a density view fetches its events only then."""
    return exports.to_data(fetch(), fmt)


def data_token(events: pd.DataFrame) -> str:
    """The fingerprint of the table in use, computed once per table."""
    held = st.session_state.get("_fingerprint")
    if held is None or held[0] is not events:
        held = (events, state.fingerprint(events))
        st.session_state._fingerprint = held
    return held[1]


# ------------------------------------------------------------------------------------ state


def init_state(events: pd.DataFrame) -> None:
    """On a session's first run, set the widgets from the URL so a copied link opens the same view."""
    if st.session_state.get("_initialised"):
        return
    view = state.from_params({k: st.query_params.get_all(k) for k in st.query_params.keys()})
    f = view.filters
    for field, key in FILTER_KEYS.items():
        value = getattr(f, field)
        st.session_state[key] = list(value) if isinstance(value, tuple) else value
    st.session_state.lanes = view.lanes
    st.session_state.url_problems = list(view.problems)
    st.session_state.event = state.selected_event(
        {k: st.query_params.get_all(k) for k in st.query_params.keys()}
    )
    st.session_state._initialised = True


def keep_valid(key: str, allowed: list[str]) -> None:
    """Drop selections the data no longer has (after loading other files, or from an old link)."""
    current = st.session_state.get(key) or []
    kept = [v for v in current if v in allowed]
    if kept != current:
        st.session_state[key] = kept


def clear_filters() -> None:
    for key in FILTER_KEYS.values():
        st.session_state[key] = "" if key == "f_text" else (None if key in ("f_from", "f_to") else [])
    st.session_state.event = None


def on_timeline_select() -> None:
    ids = figures.event_ids(st.session_state.timeline_chart.selection.points)
    if ids:
        st.session_state.event = ids[0]


def on_map_select() -> None:
    keys = figures.event_ids(st.session_state.map_chart.selection.points)
    if keys:
        st.session_state.map_place = keys[0]
        st.session_state.event = "place:" + keys[0]


# ------------------------------------------------------------------------------------ page


st.set_page_config(page_title="Event timeline", page_icon="🗓️", layout="wide")
run_started = time.perf_counter()

if "events" not in st.session_state:
    st.session_state.events, st.session_state.source_label = start_events()
    st.session_state.setdefault("load_report", None)
all_events: pd.DataFrame | None = st.session_state.events  # None: an events store
init_state(all_events)
source, token = current_source(all_events)
opts = views.options(source)
for field in ("countries", "types", "modalities", "sources"):
    keep_valid(FILTER_KEYS[field], opts[field])

# The widgets' values are in the session state before the widgets are drawn, so the title and the
# timeline go first: the browser starts loading the chart code while the sidebar is still coming.
current = flt.Filters(
    countries=tuple(st.session_state.get("f_countries") or ()),
    types=tuple(st.session_state.get("f_types") or ()),
    start=st.session_state.get("f_from"),
    end=st.session_state.get("f_to"),
    modalities=tuple(st.session_state.get("f_modalities") or ()),
    sources=tuple(st.session_state.get("f_sources") or ()),
    text=st.session_state.get("f_text") or "",
)
result = build_view(token, current, st.session_state.get("lanes") or figures.LANES[0], source)

st.title("Event timeline")
for problem in st.session_state.pop("url_problems", []) or []:
    st.warning(problem)
if current.start and current.end and current.end < current.start:
    st.warning("The 'To' date is before the 'From' date: no event can match.")
st.markdown(evidence.markdown_safe(flt.describe(current, shown=result.matched, total=result.total)))
if result.aggregated:
    st.caption(views.density_note(result.matched))
lanes = st.radio(
    "Lanes",
    figures.LANES,
    format_func=lambda v: f"one per {v}",
    key="lanes",
    horizontal=True,
    label_visibility="collapsed",
)
charts = result.charts
timeline_fig, map_fig, counts_fig = charts["timeline"], charts["map"], charts["counts"]
st.plotly_chart(
    timeline_fig,
    key="timeline_chart",
    on_select=on_timeline_select,
    selection_mode="points",
    config=exports.plot_config("timeline"),
)

with st.sidebar:
    st.header("Data")
    st.caption(f"Showing data from {evidence.markdown_safe(st.session_state.source_label)}.")
    with st.expander("Add articles or event files", expanded=False):
        uploads = st.file_uploader(
            f"Articles (.txt, .html) or event files (CSV, JSON, Parquet, Excel, ACLED, GDELT); up to {MAX_UPLOAD_MB} MB each",
            type=UPLOAD_TYPES,
            accept_multiple_files=True,
            key="uploads",
        )
        pasted = st.text_area("Or paste an article's text", key="pasted", height=140)
        published = st.date_input(
            "Publication date of the articles",
            value=None,
            key="published",
            min_value=dt.date(1800, 1, 1),
            max_value=dt.date(2100, 12, 31),
            help="Relative dates such as 'on Thursday' or 'last month' are read against this date.",
        )
        mode = st.radio(
            "Then", ["Add to what is shown", "Replace what is shown"], key="load_mode", horizontal=True
        )
        if st.button("Load", key="load", type="primary"):
            load_inputs(uploads or [], pasted, published, replace=mode.startswith("Replace"))
            st.rerun()  # draw the page again on the new data
        st.button("Back to the start data", key="reset", on_click=reset_data)
    report = st.session_state.get("load_report")
    if report:
        if report.get("message"):
            st.success(report["message"])
        for err in report["errors"]:
            st.error(err)
        if len(report["rejects"]):
            st.warning(f"{len(report['rejects']):,} problem(s) with rows; those rows were not loaded:")
            st.dataframe(report["rejects"], hide_index=True, key="rejects_table")

    st.header("Filters")
    st.multiselect("Countries", opts["countries"], format_func=flt.country_label, key="f_countries")
    st.multiselect("Event types", opts["types"], format_func=type_label, key="f_types")
    bounds = views.date_bounds(source) or (dt.date(1900, 1, 1), dt.date(2100, 12, 31))
    lo = min([bounds[0]] + [d for d in (current.start, current.end) if d])
    hi = max([bounds[1]] + [d for d in (current.start, current.end) if d])
    c1, c2 = st.columns(2)
    c1.date_input("From", value=None, min_value=lo, max_value=hi, key="f_from")
    c2.date_input("To (inclusive)", value=None, min_value=lo, max_value=hi, key="f_to")
    st.multiselect("Modality", opts["modalities"], key="f_modalities")
    st.multiselect("Source", opts["sources"], key="f_sources")
    st.text_input("Text in title, description or evidence", key="f_text", max_chars=state.MAX_TEXT)
    st.button("Clear filters", key="clear", on_click=clear_filters)

map_col, detail_col = st.columns([3, 2])
with map_col:
    st.subheader("Map")
    st.plotly_chart(
        map_fig,
        key="map_chart",
        on_select=on_map_select,
        selection_mode="points",
        config=exports.plot_config("map"),
    )

with detail_col:
    st.subheader("Evidence")
    # drawn as density, no event is listed: the evidence panel works on individual events
    shown = result.events if result.events is not None else concat([])
    ids = shown["event_id"].astype("object").tolist()
    titles = dict(zip(ids, shown["title"].astype("object"), strict=True))
    chosen = st.session_state.get("event")
    at_place: list[str] = []
    if isinstance(chosen, str) and chosen.startswith("place:"):
        at_place = [i for i in figures.events_at(shown, chosen.removeprefix("place:")) if i in titles]
        st.session_state.event = at_place[0] if at_place else None
    elif chosen is not None and chosen not in titles:
        st.session_state.event = None
    st.selectbox(
        "Event",
        ids,
        index=None,
        format_func=lambda i: titles.get(i, i),
        key="event",
        placeholder="Click an event on the timeline or the map, or choose one here"
        if not result.aggregated
        else f"Filter to {views.LOD_THRESHOLD:,} or fewer events to choose one",
    )
    if len(at_place) > 1:
        st.caption(f"{len(at_place)} events at this place; pick another in the list above.")
    if st.session_state.event:
        event = shown[shown["event_id"] == st.session_state.event].iloc[0].to_dict()
        st.html(evidence.details_html(event))

st.subheader("Events per period")
st.plotly_chart(counts_fig, key="counts_chart", config=exports.plot_config("counts"))

st.subheader("Table")
if result.aggregated:
    st.caption(f"The table lists the events when {views.LOD_THRESHOLD:,} or fewer match.")
table = pd.DataFrame(
    {
        "title": shown["title"],
        "start": shown["start"],
        "end": shown["end"],
        "date_text": shown["date_text"],
        "type": [type_label(t) for t in shown["event_type"].astype("object")],
        "countries": [", ".join(flt.country_label(c) for c in v) for v in shown["countries"]],
        "location": shown["location"],
        "modality": shown["modality"].astype("object"),
        "source": shown["source"],
        "evidence": shown["evidence"],
    },
    columns=TABLE_COLUMNS,
)
st.dataframe(table, hide_index=True, key="events_table", width="stretch")

st.subheader("Export")
chart_name = st.selectbox("Chart", list(charts), key="export_chart", format_func=str.capitalize)
cols = st.columns(7)
chromium = exports.find_chromium()
for col, fmt in zip(cols[:3], exports.IMAGE_FORMATS, strict=True):
    col.download_button(
        fmt.upper(),
        data=functools.partial(exports.to_image, charts[chart_name], fmt),
        file_name=f"{chart_name}.{fmt}",
        mime=exports.MIME[fmt],
        key=f"export_{fmt}",
        on_click="ignore",
        disabled=chromium is None,
    )
cols[3].download_button(
    "HTML",
    data=functools.partial(exports.to_html, charts[chart_name], title=f"Events: {chart_name}"),
    file_name=f"{chart_name}.html",
    mime=exports.MIME["html"],
    key="export_html",
    on_click="ignore",
)
for col, fmt in zip(cols[4:], exports.DATA_FORMATS, strict=True):
    col.download_button(
        f"Data {fmt.upper()}",
        data=functools.partial(_export_data, result.fetch, fmt),
        file_name=f"events.{fmt}",
        mime=exports.MIME[fmt],
        key=f"export_data_{fmt}",
        on_click="ignore",
    )
if chromium is None:
    st.info(exports.NO_BROWSER)
st.caption(
    "Data exports hold exactly the events that match the filters"
    + (f" (all {result.matched:,} of them)." if result.aggregated else ", as listed above.")
)

# the URL follows the view, so a copied link opens it again
params = state.to_params(current, lanes=lanes, event=st.session_state.get("event"))
if state.as_lists(params) != {k: st.query_params.get_all(k) for k in st.query_params.keys()}:
    st.query_params.from_dict(params)
st.session_state.last_run_seconds = time.perf_counter() - run_started
