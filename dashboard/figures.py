"""The dashboard's charts as pure functions: an events table in, a `go.Figure` out, no Streamlit inside.

Every text that comes from an input (titles, places, sources, date expressions) is passed through
`html.escape` before it reaches a hover label, because Plotly renders tags such as `<a>` and `<b>`
in hover text. Every drawn event carries its `event_id` in `customdata`, so a click can find it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.filters import country_label
from events.schema import EVENT_TYPE_NAMES
from events.taxonomy import label as type_label

# Paul Tol's "muted" scheme (made for colour-blind readers) plus Okabe-Ito blue; grey for "other".
TYPE_COLOURS: dict[str, str] = {
    "meeting": "#332288",
    "military_exercise": "#117733",
    "weapons_test": "#CC6677",
    "statement": "#88CCEE",
    "proposal": "#DDCC77",
    "agreement": "#44AA99",
    "arms_transfer": "#882255",
    "armed_conflict": "#AA4499",
    "sanction": "#999933",
    "protest": "#0072B2",
    "other": "#9E9E9E",
}
HOLLOW = ("planned", "proposed")  # not (yet) happened: drawn hollow
UNCERTAIN = ("week", "month", "quarter", "year", "decade")  # the day is not known: a faint bar
NO_COUNTRY = "(no country)"
LANES = ("country", "type")
FREQS = ("week", "month", "year")
GEO_STYLE = dict(  # land, sea, borders and coasts, drawn from the local topojson
    projection=dict(type="natural earth"),
    showland=True,
    landcolor="#E8E4D8",
    showocean=True,
    oceancolor="#F4F8FB",
    showcountries=True,
    countrycolor="#9A9A9A",
    showcoastlines=True,
    coastlinecolor="#7A7A7A",
)
WEBGL_ABOVE = 2_000  # more timeline markers than this draw with WebGL; SVG slows down with thousands
_DAY_MS = 86_400_000


def esc(value: object) -> str:
    """Untrusted text made safe for Plotly's hover and titles (tags shown as text, never run)."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    return html.escape(str(value), quote=True)


def _names(codes: object) -> str:
    if not isinstance(codes, (list, tuple, np.ndarray)) or len(codes) == 0:
        return ""
    return ", ".join(country_label(c) for c in codes)


def _iso(ts: pd.Series, unit: str = "s") -> np.ndarray:
    """ISO text (numpy's vectorised formatting), not Timestamps: Plotly reads it for any year (1200, 3000)."""
    text = np.datetime_as_string(ts.to_numpy(dtype="datetime64[s]"), unit=unit).astype(object)
    text[ts.isna().to_numpy()] = None
    return text


def _date_spans(events: pd.DataFrame) -> list[str]:
    """Each event's dates as text, as precise as they are known: "2023", "2023-07", "2023-08-21 to 2023-08-31"."""
    keep = {"year": 4, "decade": 4, "month": 7, "quarter": 7}
    width = events["date_precision"].astype("object").map(keep).fillna(10).astype(int).tolist()
    a = _iso(events["start"], "D").tolist()
    b = _iso(events["end"].fillna(events["start"]), "D").tolist()
    out = []
    for x, y, w in zip(a, b, width, strict=True):
        if not isinstance(x, str):
            out.append("no date")
            continue
        x, y = x[:w], (y[:w] if isinstance(y, str) else x[:w])
        out.append(x if x == y else f"{x} to {y}")
    return out


def esc_series(values: pd.Series) -> pd.Series:
    """`esc` for a whole column at once (vectorised; same result as html.escape on each value)."""
    out = values.astype("object").where(values.notna(), "").astype("str")
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#x27;")):
        out = out.str.replace(char, entity, regex=False)
    return out


def hover_texts(events: pd.DataFrame) -> list[str]:
    """The hover label of each event: title, the date as the source said it, countries and source."""
    idx = events.index
    said = esc_series(events["date_text"])
    spans = pd.Series(_date_spans(events), index=idx, dtype="str")
    text = (
        "<b>" + esc_series(events["title"]) + "</b><br>" + said.where(said == "", said + " (" + spans + ")")
    )
    text = text.where(said != "", text + spans)
    modality = esc_series(events["modality"])
    text = text.where(modality == "occurred", text + "<br><i>" + modality + "</i>")
    names = esc_series(events["countries"].map(_names, na_action=None))
    text = text.where(names == "", text + "<br>" + names)
    source = esc_series(events["source"])
    text = text.where(source == "", text + "<br>Source: " + source)
    return text.tolist()


def _empty(message: str, height: int = 260) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=esc(message), showarrow=False, xref="paper", yref="paper", x=0.5, y=0.5)
    fig.update_layout(
        height=height, xaxis_visible=False, yaxis_visible=False, margin=dict(l=10, r=10, t=30, b=10)
    )
    return fig


def _lanes(events: pd.DataFrame, lanes: str) -> pd.DataFrame:
    """One row per event and lane: an event of three countries shows in three country lanes."""
    if lanes not in LANES:
        raise ValueError(f"lanes must be one of {', '.join(LANES)}, not {lanes!r}")
    if lanes == "type":
        return events.assign(lane=events["event_type"].astype("object").map(type_label))
    codes = events["countries"].map(
        lambda v: list(v) if isinstance(v, (list, tuple, np.ndarray)) and len(v) else [None]
    )
    out = events.assign(_code=codes).explode("_code", ignore_index=True)
    labels = {c: country_label(c) for c in out["_code"].dropna().unique()}
    out["lane"] = out["_code"].map(lambda c: labels.get(c, NO_COUNTRY) if c is not None else NO_COUNTRY)
    return out.drop(columns="_code")


def _kinds(events: pd.DataFrame) -> pd.Series:
    """How each event is drawn: 'period' (day unknown), 'range' (several days) or 'point'."""
    prec = events["date_precision"].astype("object")
    days = (events["end"].dt.normalize() - events["start"].dt.normalize()).dt.days.fillna(0)
    kind = np.where(prec.isin(UNCERTAIN), "period", np.where(days >= 1, "range", "point"))
    return pd.Series(kind, index=events.index)


def timeline(events: pd.DataFrame, *, lanes: str = "country", title: str | None = None) -> go.Figure:
    """Time across, one lane per country or per event type.

    Ranges are bars from start to end; one-day events are markers; an event known only to the
    week, month or year is a faint bar over its whole period; planned and proposed events are
    hollow. Colours follow the event type.
    """
    dated = events[events["start"].notna()]
    if dated.empty:
        return _empty("No dated events to show")
    # only what drawing needs, computed once per event before lanes repeat it
    slim = pd.DataFrame(
        {
            "event_id": dated["event_id"].to_numpy(dtype=object),
            "event_type": dated["event_type"].astype("object").to_numpy(),
            "countries": dated["countries"].to_numpy(dtype=object),
            "start": dated["start"].to_numpy(),
            "end": dated["end"].fillna(dated["start"]).to_numpy(),
            "date_precision": dated["date_precision"].astype("object").to_numpy(),
            "_hollow": dated["modality"].astype("object").isin(HOLLOW).to_numpy(),
            "_hover": hover_texts(dated),
        }
    )
    slim["_kind"] = _kinds(slim).to_numpy()
    # where each mark goes, for all events at once: a one-day event sits in the middle of its day;
    # a bar starts at the start and is as long as the event, in milliseconds (as px.timeline does)
    is_point = slim["_kind"].to_numpy() == "point"
    at_noon = slim["start"].dt.normalize() + pd.Timedelta(hours=12)
    exact = slim["date_precision"].to_numpy() == "time"
    slim["_x"] = _iso(slim["start"].where(~is_point | exact, at_noon))
    slim["_length"] = (slim["end"] - slim["start"]).dt.total_seconds().fillna(0).to_numpy() * 1000 + 1000
    rows = _lanes(slim.drop(columns=["start", "end", "date_precision"]), lanes)
    lane_order = sorted(rows["lane"].unique(), key=lambda s: (s == NO_COUNTRY, s.casefold()))
    groups = dict(list(rows.groupby(["event_type", "_hollow", "_kind"], sort=False)))
    # many markers in all: WebGL for every marker trace (SVG makes one element per mark)
    gl = int((rows["_kind"] == "point").sum()) > WEBGL_ABOVE
    traces = []
    for etype in EVENT_TYPE_NAMES:
        colour = TYPE_COLOURS.get(etype, "#777777")
        shown_in_legend = False
        # solid before hollow and markers first, so the legend shows each type's plain mark
        for hollow in (False, True):
            for kind in ("point", "range", "period"):
                sel = groups.get((etype, hollow, kind))
                if sel is None:
                    continue
                trace = _trace(sel, kind=kind, hollow=hollow, colour=colour, name=type_label(etype), gl=gl)
                trace.update(legendgroup=etype, showlegend=not shown_in_legend)  # a dict
                shown_in_legend = True
                traces.append(trace)
    n_lanes = len(lane_order)
    focus = focus_range(dated)
    layout = dict(
        template=_template(),
        title=dict(text=esc(title)) if title else None,
        barmode="overlay",
        height=min(max(140 + 34 * n_lanes, 260), 1600),
        margin=dict(l=10, r=10, t=40 if title else 20, b=30),
        legend=dict(title=dict(text="Event type"), orientation="h", yanchor="bottom", y=1.0, x=0),
        hovermode="closest",
        clickmode="event+select",
        dragmode="zoom",
        showlegend=True,  # even for one type: the legend names the colour
        xaxis=dict(
            type="date", showgrid=True, rangeselector=_RANGE_BUTTONS, range=list(focus) if focus else None
        ),
        yaxis=dict(
            type="category", categoryorder="array", categoryarray=lane_order, autorange="reversed", title=None
        ),
    )
    return _fast_figure(traces, layout)


def _template() -> dict:
    import plotly.io as pio

    return pio.templates["plotly_white"].to_plotly_json()


def _fast_figure(traces: list[dict], layout: dict) -> go.Figure:
    """A figure from plain trace and layout dicts without Plotly's per-property checks.

    Checking thousands of points costs several times the drawing itself; the dicts are built here
    from fixed names, and the tests check every figure against a fully validated copy.
    """
    layout = {k: v for k, v in layout.items() if v is not None}
    for axis in ("xaxis", "yaxis"):
        if axis in layout:
            layout[axis] = {k: v for k, v in layout[axis].items() if v is not None}
    return go.Figure(data=traces, layout=layout, _validate=False)


_RANGE_BUTTONS = dict(
    buttons=[
        dict(count=1, label="1m", step="month", stepmode="backward"),
        dict(count=6, label="6m", step="month", stepmode="backward"),
        dict(count=1, label="1y", step="year", stepmode="backward"),
        dict(count=5, label="5y", step="year", stepmode="backward"),
        dict(step="all", label="all"),
    ],
    x=1,
    xanchor="right",
    y=1.0,
    yanchor="bottom",
)


def focus_range(events: pd.DataFrame, *, outliers: float = 0.1) -> tuple[str, str] | None:
    """A first view that skips a few far-off old events (a war decades before the rest); None for all.

    When at most `outliers` of the events lie before a gap longer than half the whole span, the view
    starts after that gap; the "all" button still shows everything.
    """
    starts = events["start"].dropna().sort_values().reset_index(drop=True)
    if len(starts) < 3:
        return None
    last = max(events["end"].max(), starts.iloc[-1])
    span = last - starts.iloc[0]
    gaps = starts.diff().iloc[1:]
    i = int(gaps.to_numpy().argmax()) + 1  # first event after the widest gap
    if i > outliers * len(starts) or gaps.iloc[i - 1] <= span / 2:
        return None
    lo, hi = starts.iloc[i], last
    pad = (hi - lo) * 0.04 + pd.Timedelta(days=1)
    return (lo - pad).isoformat(), (hi + pad).isoformat()


def _trace(sel: pd.DataFrame, *, kind: str, hollow: bool, colour: str, name: str, gl: bool = False) -> dict:
    # numpy arrays, not lists: Plotly serialises arrays in one step and lists item by item
    common = dict(
        y=sel["lane"].to_numpy(dtype=object),
        customdata=sel["event_id"].to_numpy(dtype=object).reshape(-1, 1),
        hovertext=sel["_hover"].to_numpy(dtype=object),
        hovertemplate="%{hovertext}<extra></extra>",
        name=name,
    )
    if kind == "point":
        return dict(
            type="scattergl" if gl else "scatter",
            x=sel["_x"].to_numpy(dtype=object),
            mode="markers",
            marker=dict(
                size=12,
                symbol="circle-open" if hollow else "circle",
                color=colour,
                line=dict(width=2.5 if hollow else 1, color=colour if hollow else "white"),
            ),
            **common,
        )
    faint = kind == "period"
    return dict(
        type="bar",
        base=sel["_x"].to_numpy(dtype=object),
        x=sel["_length"].to_numpy(dtype=float),
        orientation="h",
        width=0.7 if faint else 0.45,
        marker=dict(
            color="rgba(0,0,0,0)" if hollow else colour,
            opacity=0.3 if faint else 0.9,
            line=dict(color=colour, width=2.5 if hollow else 0),
        ),
        **common,
    )


# ------------------------------------------------------------------------------------------ map


def places(events: pd.DataFrame) -> pd.DataFrame:
    """One row per place with coordinates: its events, their count and the most frequent type.

    Columns: key, location, latitude, longitude, count, event_type, breakdown. `events_at` gives the
    events of one place (the key a map click carries).
    """
    placed = events[events["latitude"].notna() & events["longitude"].notna()]
    cols = ["key", "location", "latitude", "longitude", "count", "event_type", "breakdown"]
    if placed.empty:
        return pd.DataFrame(columns=cols)
    lat = placed["latitude"].round(4)
    lon = placed["longitude"].round(4)
    key = place_keys(placed)
    frame = pd.DataFrame(
        {
            "key": key.to_numpy(),
            "location": placed["location"].fillna("").astype("object").to_numpy(),
            "latitude": lat.to_numpy(),
            "longitude": lon.to_numpy(),
            "event_id": placed["event_id"].astype("object").to_numpy(),
            "event_type": placed["event_type"].astype("object").to_numpy(),
        }
    )
    groups = frame.groupby("key", sort=True)
    table = groups.agg(
        latitude=("latitude", "first"),
        longitude=("longitude", "first"),
        count=("event_id", "size"),
    )
    named = frame[frame["location"] != ""]
    # the name most events use for the place (ties: the first in alphabetical order)
    names = (
        named.groupby(["key", "location"])
        .size()
        .reset_index(name="n")
        .sort_values(["key", "n", "location"], ascending=[True, False, True], kind="stable")
        .drop_duplicates("key")
        .set_index("key")["location"]
    )
    table["location"] = names.reindex(table.index).fillna(pd.Series(table.index, index=table.index))
    per_type = frame.groupby(["key", "event_type"]).size().unstack(fill_value=0)
    per_type = per_type[[t for t in EVENT_TYPE_NAMES if t in per_type.columns]].reindex(table.index)
    # idxmax takes the first of equal counts, and the columns are in the taxonomy's order
    table["event_type"] = per_type.idxmax(axis=1)
    labels = [type_label(t) for t in per_type.columns]
    counts = per_type.to_numpy()
    order = np.argsort(-counts, axis=1, kind="stable")
    table["breakdown"] = [
        ", ".join(f"{row[j]} {labels[j]}" for j in idx if row[j])
        for row, idx in zip(counts, order, strict=True)
    ]
    table = table.reset_index()
    return table[cols].sort_values("count", ascending=False, kind="stable").reset_index(drop=True)


def place_keys(events: pd.DataFrame) -> pd.Series:
    """The place of each event as "lat,lon" to four decimals (about 10 m): what a map marker stands for."""
    lat = events["latitude"].round(4).map("{:.4f}".format)
    lon = events["longitude"].round(4).map("{:.4f}".format)
    return lat + "," + lon


def events_at(events: pd.DataFrame, key: str) -> list[str]:
    """The ids of the events at a place key, in table order."""
    placed = events[events["latitude"].notna() & events["longitude"].notna()]
    return placed.loc[place_keys(placed) == key, "event_id"].astype("object").tolist()


def unplaced_count(events: pd.DataFrame) -> int:
    """Events with no coordinates: they cannot be on the map, so the map says how many."""
    return int((events["latitude"].isna() | events["longitude"].isna()).sum())


def event_map(events: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """One marker per place, sized by its number of events and coloured by its most frequent type."""
    table = places(events)
    max_count = int(table["count"].max()) if len(table) else 1
    traces = []
    for etype in EVENT_TYPE_NAMES:
        sel = table[table["event_type"] == etype]
        if sel.empty:
            continue
        hover = [
            f"<b>{esc(loc)}</b><br>{n} event{'s' if n != 1 else ''}: {esc(bd)}"
            for loc, n, bd in zip(sel["location"], sel["count"], sel["breakdown"], strict=True)
        ]
        traces.append(
            dict(
                type="scattergeo",
                lat=sel["latitude"].to_numpy(dtype=float),
                lon=sel["longitude"].to_numpy(dtype=float),
                mode="markers",
                name=type_label(etype),
                marker=dict(
                    size=10 + 26 * np.sqrt(sel["count"].to_numpy(dtype=float) / max_count),
                    color=TYPE_COLOURS.get(etype, "#777777"),
                    opacity=0.85,
                    line=dict(width=1, color="white"),
                ),
                customdata=sel["key"].to_numpy(dtype=object).reshape(-1, 1),
                hovertext=np.array(hover, dtype=object),
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    lon_span = float(table["longitude"].max() - table["longitude"].min()) if len(table) else 360.0
    lat_span = float(table["latitude"].max() - table["latitude"].min()) if len(table) else 180.0
    # fitting the bounds of one place (or a few close ones) would zoom in until no coast is left
    fit = len(table) >= 2 and (lon_span >= 20 or lat_span >= 15)
    geo = dict(
        **GEO_STYLE,
        resolution=50 if lon_span < 90 else 110,  # the finer map when zoomed in on a region
        fitbounds="locations" if fit else False,
    )
    if len(table) and not fit:
        geo["center"] = dict(lat=float(table["latitude"].mean()), lon=float(table["longitude"].mean()))
        # about a quarter of the world across: the region and its neighbours, in a familiar projection
        geo["projection"] = dict(type="mercator", scale=4)
    unplaced = unplaced_count(events)
    note = dict(
        text=f"{unplaced:,} event{'s' if unplaced != 1 else ''} without a place (not on the map)",
        showarrow=False,
        xref="paper",
        yref="paper",
        x=0,
        y=-0.02,
        xanchor="left",
        yanchor="top",
        font=dict(size=12, color="#555555"),
    )
    layout = dict(
        template=_template(),
        title=dict(text=esc(title)) if title else None,
        height=460,
        margin=dict(l=0, r=0, t=40 if title else 10, b=30),
        legend=dict(title=dict(text="Most frequent type"), orientation="h", yanchor="bottom", y=1.0, x=0),
        clickmode="event+select",
        showlegend=True,  # even for one type: the legend names the colour
        geo=geo,
        annotations=[note] if unplaced else None,
    )
    return _fast_figure(traces, layout)


# --------------------------------------------------------------------------------------- counts


def pick_freq(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """Weeks for a few months, months for a few years, else years: about 10 to 80 bars."""
    days = (end - start).days
    if days <= 150:
        return "week"
    if days <= 6 * 366:
        return "month"
    return "year"


def buckets(starts: pd.Series, freq: str) -> pd.Series:
    """The first day of the week (Monday), month or year each date falls in, as ISO text."""
    if freq not in FREQS:
        raise ValueError(f"freq must be one of {', '.join(FREQS)}, not {freq!r}")
    days = starts.to_numpy(dtype="datetime64[s]").astype("datetime64[D]")
    if freq == "week":
        # numpy counts days from Thursday 1970-01-01; shift so weeks start on Monday
        first = days - ((days.astype("int64") + 3) % 7).astype("timedelta64[D]")
    else:
        first = days.astype("datetime64[M]" if freq == "month" else "datetime64[Y]").astype("datetime64[D]")
    return pd.Series(np.datetime_as_string(first, unit="D"), index=starts.index, dtype=object)


def counts(events: pd.DataFrame, *, freq: str | None = None, title: str | None = None) -> go.Figure:
    """Events per week, month or year (chosen to fit the range unless given), stacked by type.

    Each event counts once, in the period its start falls in.
    """
    dated = events[events["start"].notna()]
    if dated.empty:
        return _empty("No dated events to count")
    focus = focus_range(dated)
    lo, hi = (
        (pd.Timestamp(focus[0]), pd.Timestamp(focus[1]))
        if focus
        else (dated["start"].min(), dated["start"].max())
    )
    freq = freq or pick_freq(lo, hi)
    table = pd.DataFrame(
        {
            "bucket": buckets(dated["start"], freq).to_numpy(),
            "event_type": dated["event_type"].astype("object").to_numpy(),
        }
    )
    grid = table.groupby(["bucket", "event_type"]).size().unstack(fill_value=0).sort_index()
    width = {"week": 6, "month": 27, "year": 330}[freq] * _DAY_MS
    x = grid.index.to_numpy(dtype=object)
    traces = [
        dict(
            type="bar",
            x=x,
            y=grid[etype].to_numpy(),
            name=type_label(etype),
            marker=dict(color=TYPE_COLOURS.get(etype, "#777777")),
            width=width,
            offset=0,
            hovertemplate=f"{esc(type_label(etype))}: %{{y}}<extra>%{{x}}</extra>",
        )
        for etype in EVENT_TYPE_NAMES
        if etype in grid
    ]
    step = pd.Timedelta(days={"week": 7, "month": 31, "year": 366}[freq])
    if focus:
        # the same first view as the timeline, widened to whole periods
        x_range = [buckets(pd.Series([lo]), freq).iloc[0], (hi + step).isoformat()]
    else:
        # a period either side, so a lone bar does not fill the chart
        first, last = pd.Timestamp(grid.index[0]), pd.Timestamp(grid.index[-1])
        x_range = [(first - step).isoformat(), (last + 2 * step).isoformat()]
    layout = dict(
        template=_template(),
        title=dict(text=esc(title)) if title else None,
        barmode="stack",
        height=320,
        margin=dict(l=10, r=10, t=40 if title else 20, b=30),
        legend=dict(
            title=dict(text="Event type"), orientation="h", yanchor="bottom", y=1.0, x=0, traceorder="normal"
        ),
        showlegend=True,  # even for one type: the legend names the colour
        xaxis=dict(type="date", range=x_range),
        # whole events, not 0.2 of one
        yaxis=dict(title=dict(text=f"events per {freq}"), dtick=1 if grid.sum(axis=1).max() <= 10 else None),
    )
    return _fast_figure(traces, layout)


def event_ids(points: Iterable[dict]) -> list[str]:
    """The event ids (or place keys) carried in `customdata` by selected points, in order, once each."""
    out: list[str] = []
    for p in points:
        data = p.get("customdata")
        if isinstance(data, (list, tuple)) and data:
            data = data[0]
        if isinstance(data, str) and data not in out:
            out.append(data)
    return out
