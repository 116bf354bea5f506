"""A minimal Streamlit page on an events store, to time a filter change in the browser at 1M events.

    EVENTS_STORE=benchmarks/out/events_1m .venv/bin/python -m streamlit run benchmarks/scale_app.py

It is not the dashboard: it wires `dashboard.scale_query` and `dashboard.scale_lod` the way the
dashboard should (see docs/scale.md), with only the country and type filters, so that
`python -m benchmarks.scale_browser app STORE benchmarks/scale_app.py` can measure the browser side
before the dashboard reads stores itself. With SCALE_APP_NAIVE=1 it is the naive version instead:
the whole table in pandas, one marker per event in `px.scatter` and `px.scatter_geo`.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

# `streamlit run benchmarks/scale_app.py` puts benchmarks/ first on the path, where a
# benchmarks/dashboard.py would hide the dashboard package: the project root goes first instead.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [str(_HERE.parent)] + [p for p in sys.path if p and Path(p).resolve() != _HERE]

import streamlit as st  # noqa: E402

from dashboard import exports, figures  # noqa: E402
from dashboard.filters import Filters, country_label, describe  # noqa: E402
from dashboard.scale_lod import lod_figures  # noqa: E402
from dashboard.scale_query import EventQuery  # noqa: E402
from events.taxonomy import label as type_label  # noqa: E402


@st.cache_resource(show_spinner="Opening the events store ...")
def open_store(path: str) -> EventQuery:
    return EventQuery(path)


st.set_page_config(page_title="Events at scale", layout="wide")
store = os.environ.get("EVENTS_STORE", "")
if not store or not os.path.isdir(store):
    st.error(
        "Set EVENTS_STORE to an events store folder (written by loaders.store or benchmarks.synth_events)."
    )
    st.stop()
if os.environ.get("SCALE_APP_NAIVE") == "1":
    import plotly.express as px

    from dashboard.filters import apply, options
    from loaders.store import read_store

    @st.cache_resource(show_spinner="Reading the whole table ...")
    def read_all(path: str):
        return read_store(path)

    events = read_all(store)
    opts = options(events)
    with st.sidebar:
        # SCALE_APP_START=PRK starts filtered: unfiltered, a million markers freeze the browser
        start = [c for c in os.environ.get("SCALE_APP_START", "").split(",") if c in opts["countries"]]
        countries = st.multiselect(
            "Countries", opts["countries"], default=start, format_func=country_label, key="f_countries"
        )
    f = Filters(countries=tuple(countries))
    t = time.perf_counter()
    shown = apply(events, f)
    tl = px.scatter(shown, x="start", y="event_type", color="event_type", hover_name="title")
    geo = px.scatter_geo(shown, lat="latitude", lon="longitude", color="event_type", hover_name="title")
    st.markdown(describe(f, shown=len(shown), total=len(events)))
    st.plotly_chart(tl, key="timeline_chart", config=exports.plot_config("timeline"))
    st.plotly_chart(geo, key="map_chart", config=exports.plot_config("map"))
    st.caption(f"server side: {time.perf_counter() - t:.3f} s")
    st.stop()
q = open_store(store)
opts = q.options()
with st.sidebar:
    countries = st.multiselect("Countries", opts["countries"], format_func=country_label, key="f_countries")
    types = st.multiselect("Event types", opts["types"], format_func=type_label, key="f_types")
    lanes = st.radio("Lanes", ["type", "country"], horizontal=True, key="lanes")
f = Filters(countries=tuple(countries), types=tuple(types))
t = time.perf_counter()
lane = "countries" if lanes == "country" else "event_type"
view = q.view(f, lane=lane)
figs = lod_figures(view, lane=lane)
if figs is None:
    figs = (figures.timeline(view.events, lanes=lanes), figures.event_map(view.events))
st.markdown(describe(f, shown=view.matched, total=view.total))
# the map's land and borders come from the dashboard's own topojson (benchmarks/static links to it)
st.plotly_chart(figs[0], key="timeline_chart", config=exports.plot_config("timeline"))
st.plotly_chart(figs[1], key="map_chart", config=exports.plot_config("map"))
st.caption(f"server side: {time.perf_counter() - t:.3f} s")
