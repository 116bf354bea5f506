"""A minimal Streamlit page on an events store, to time a filter change in the browser at 1M events.

    EVENTS_STORE=benchmarks/out/events_1m .venv/bin/python -m streamlit run benchmarks/scale_app.py

It is not the dashboard: it wires `dashboard.scale_query` and `dashboard.scale_lod` the way the
dashboard should (see docs/scale.md), with only the country and type filters, so that
`python -m benchmarks.scale_browser app STORE benchmarks/scale_app.py` can measure the browser side
before the dashboard reads stores itself.
"""

from __future__ import annotations

import os
import time

import streamlit as st

from dashboard import exports, figures
from dashboard.filters import Filters, country_label, describe
from dashboard.scale_lod import lod_figures
from dashboard.scale_query import EventQuery
from events.taxonomy import label as type_label


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
