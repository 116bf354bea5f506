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
WEBGL_ABOVE = 2_000  # markers beyond this draw with WebGL; SVG slows down with many thousand elements
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


def _iso(ts: pd.Series) -> list[str]:
    # ISO text, not Timestamps: Plotly reads it for any year (1200, 3000) without nanosecond limits
    return [t.isoformat() if not pd.isna(t) else None for t in ts]


def _date_span(start: pd.Timestamp, end: pd.Timestamp, precision: object) -> str:
    if pd.isna(start):
        return "no date"
    fmt = {"year": "%Y", "decade": "%Y", "month": "%Y-%m", "quarter": "%Y-%m"}.get(str(precision), "%Y-%m-%d")
    a = start.strftime(fmt)
    b = end.strftime(fmt) if not pd.isna(end) else a
    return a if a == b else f"{a} to {b}"


def hover_texts(events: pd.DataFrame) -> list[str]:
    """The hover label of each event: title, the date as the source said it, countries and source."""
    out = []
    for title, start, end, prec, date_text, countries, source, modality in zip(
        events["title"],
        events["start"],
        events["end"],
        events["date_precision"],
        events["date_text"],
        events["countries"],
        events["source"],
        events["modality"],
        strict=True,
    ):
        lines = [f"<b>{esc(title)}</b>"]
        said = esc(date_text)
        span = _date_span(start, end, prec)
        lines.append(f"{said} ({span})" if said else span)
        if str(modality) != "occurred":
            lines.append(f"<i>{esc(modality)}</i>")
        names = _names(countries)
        if names:
            lines.append(esc(names))
        if source:
            lines.append(f"Source: {esc(source)}")
        out.append("<br>".join(lines))
    return out


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
        out = events.assign(lane=[type_label(t) for t in events["event_type"].astype("object")])
        return out
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
    rows = _lanes(dated, lanes)
    rows = rows.assign(_kind=_kinds(rows), _hover=hover_texts(rows))
    lane_order = sorted(rows["lane"].unique(), key=lambda s: (s == NO_COUNTRY, s.casefold()))
    fig = go.Figure()
    types = [t for t in EVENT_TYPE_NAMES if t in set(rows["event_type"].astype("object"))]
    for etype in types:
        colour = TYPE_COLOURS.get(etype, "#777777")
        of_type = rows[rows["event_type"].astype("object") == etype]
        shown_in_legend = False
        # solid before hollow and markers first, so the legend shows each type's plain mark
        for hollow in (False, True):
            for kind in ("point", "range", "period"):
                sel = of_type[
                    (of_type["_kind"] == kind) & (of_type["modality"].astype("object").isin(HOLLOW) == hollow)
                ]
                if sel.empty:
                    continue
                trace = _trace(sel, kind=kind, hollow=hollow, colour=colour, name=type_label(etype))
                trace.update(legendgroup=etype, showlegend=not shown_in_legend)
                shown_in_legend = True
                fig.add_trace(trace)
    n_lanes = len(lane_order)
    fig.update_layout(
        title=esc(title) if title else None,
        barmode="overlay",
        height=min(140 + 34 * n_lanes, 1600),
        margin=dict(l=10, r=10, t=40 if title else 20, b=30),
        legend=dict(title_text="Event type", orientation="h", yanchor="bottom", y=1.0, x=0),
        hovermode="closest",
        clickmode="event+select",
        dragmode="zoom",
        template="plotly_white",
        showlegend=True,  # even for one type: the legend names the colour
    )
    fig.update_xaxes(type="date", showgrid=True, rangeselector=_RANGE_BUTTONS)
    focus = focus_range(dated)
    if focus is not None:
        fig.update_xaxes(range=list(focus))
    fig.update_yaxes(
        type="category",
        categoryorder="array",
        categoryarray=lane_order,
        autorange="reversed",
        title_text=None,
    )
    return fig


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


def _trace(sel: pd.DataFrame, *, kind: str, hollow: bool, colour: str, name: str) -> go.BaseTraceType:
    ids = sel["event_id"].astype("object").to_numpy().reshape(-1, 1)
    common = dict(
        y=sel["lane"].tolist(),
        customdata=ids,
        hovertext=sel["_hover"].tolist(),
        hovertemplate="%{hovertext}<extra></extra>",
        name=name,
    )
    if kind == "point":
        # a one-day event sits in the middle of its day
        mid = sel["start"].dt.normalize() + pd.Timedelta(hours=12)
        x = _iso(sel["start"].where(sel["date_precision"].astype("object") == "time", mid))
        cls = go.Scattergl if len(sel) > WEBGL_ABOVE else go.Scatter
        return cls(
            x=x,
            mode="markers",
            marker=dict(
                size=12,
                symbol="circle-open" if hollow else "circle",
                color=colour,
                line=dict(width=2.5 if hollow else 1, color=colour if hollow else "white"),
            ),
            **common,
        )
    # bars on a date axis: base is the start, x the length in milliseconds (as px.timeline does)
    length_ms = ((sel["end"] - sel["start"]).dt.total_seconds().fillna(0) * 1000 + 1000).tolist()
    faint = kind == "period"
    return go.Bar(
        base=_iso(sel["start"]),
        x=length_ms,
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

    Columns: key, location, latitude, longitude, count, event_ids (list), event_type, breakdown.
    """
    placed = events[events["latitude"].notna() & events["longitude"].notna()]
    cols = ["key", "location", "latitude", "longitude", "count", "event_ids", "event_type", "breakdown"]
    if placed.empty:
        return pd.DataFrame(columns=cols)
    lat = placed["latitude"].round(4)
    lon = placed["longitude"].round(4)
    key = lat.map("{:.4f}".format) + "," + lon.map("{:.4f}".format)
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
    rows = []
    for k, g in frame.groupby("key", sort=True):
        type_counts = g["event_type"].value_counts()
        # ties go to the taxonomy's order, so colours do not depend on row order
        top = max(type_counts.index, key=lambda t: (type_counts[t], -EVENT_TYPE_NAMES.index(t)))
        names = [n for n in g["location"].value_counts().index if n]
        rows.append(
            {
                "key": k,
                "location": names[0] if names else k,
                "latitude": g["latitude"].iloc[0],
                "longitude": g["longitude"].iloc[0],
                "count": len(g),
                "event_ids": g["event_id"].tolist(),
                "event_type": top,
                "breakdown": ", ".join(f"{n} {type_label(t)}" for t, n in type_counts.items()),
            }
        )
    return pd.DataFrame(rows, columns=cols).sort_values("count", ascending=False, kind="stable")


def unplaced_count(events: pd.DataFrame) -> int:
    """Events with no coordinates: they cannot be on the map, so the map says how many."""
    return int((events["latitude"].isna() | events["longitude"].isna()).sum())


def event_map(events: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """One marker per place, sized by its number of events and coloured by its most frequent type."""
    table = places(events)
    fig = go.Figure()
    max_count = int(table["count"].max()) if len(table) else 1
    for etype in EVENT_TYPE_NAMES:
        sel = table[table["event_type"] == etype]
        if sel.empty:
            continue
        hover = [
            f"<b>{esc(loc)}</b><br>{n} event{'s' if n != 1 else ''}: {esc(bd)}"
            for loc, n, bd in zip(sel["location"], sel["count"], sel["breakdown"], strict=True)
        ]
        fig.add_trace(
            go.Scattergeo(
                lat=sel["latitude"].tolist(),
                lon=sel["longitude"].tolist(),
                mode="markers",
                name=type_label(etype),
                marker=dict(
                    size=(10 + 26 * np.sqrt(sel["count"].to_numpy() / max_count)).tolist(),
                    color=TYPE_COLOURS.get(etype, "#777777"),
                    opacity=0.85,
                    line=dict(width=1, color="white"),
                ),
                customdata=sel["key"].to_numpy().reshape(-1, 1),
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    lon_span = float(table["longitude"].max() - table["longitude"].min()) if len(table) else 360.0
    lat_span = float(table["latitude"].max() - table["latitude"].min()) if len(table) else 180.0
    # fitting the bounds of one place (or a few close ones) would zoom in until no coast is left
    fit = len(table) >= 2 and (lon_span >= 20 or lat_span >= 15)
    fig.update_geos(
        projection_type="natural earth",
        showland=True,
        landcolor="#E8E4D8",
        showocean=True,
        oceancolor="#F4F8FB",
        showcountries=True,
        countrycolor="#9A9A9A",
        showcoastlines=True,
        coastlinecolor="#7A7A7A",
        resolution=50 if lon_span < 90 else 110,  # the finer map when zoomed in on a region
        fitbounds="locations" if fit else False,
    )
    if len(table) and not fit:
        fig.update_geos(
            center=dict(lat=float(table["latitude"].mean()), lon=float(table["longitude"].mean())),
            projection_scale=4,  # about a quarter of the world across: the region and its neighbours
        )
    unplaced = unplaced_count(events)
    if unplaced:
        fig.add_annotation(
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
    fig.update_layout(
        title=esc(title) if title else None,
        height=460,
        margin=dict(l=0, r=0, t=40 if title else 10, b=30),
        legend=dict(title_text="Most frequent type", orientation="h", yanchor="bottom", y=1.0, x=0),
        clickmode="event+select",
        template="plotly_white",
        showlegend=True,  # even for one type: the legend names the colour
    )
    return fig


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
    if freq == "year":
        return starts.dt.year.map(lambda y: f"{int(y):04d}-01-01")
    if freq == "month":
        return starts.dt.year.map("{:04d}".format) + "-" + starts.dt.month.map("{:02d}".format) + "-01"
    monday = starts.dt.normalize() - pd.to_timedelta(starts.dt.day_of_week, unit="D")
    return pd.Series(_iso(monday), index=starts.index).str.slice(0, 10)


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
    fig = go.Figure()
    for etype in EVENT_TYPE_NAMES:
        if etype not in grid:
            continue
        fig.add_trace(
            go.Bar(
                x=grid.index.tolist(),
                y=grid[etype].tolist(),
                name=type_label(etype),
                marker_color=TYPE_COLOURS.get(etype, "#777777"),
                width=width,
                offset=0,
                hovertemplate=f"{esc(type_label(etype))}: %{{y}}<extra>%{{x}}</extra>",
            )
        )
    fig.update_layout(
        title=esc(title) if title else None,
        barmode="stack",
        height=320,
        margin=dict(l=10, r=10, t=40 if title else 20, b=30),
        legend=dict(
            title_text="Event type", orientation="h", yanchor="bottom", y=1.0, x=0, traceorder="normal"
        ),
        yaxis_title=f"events per {freq}",
        template="plotly_white",
        showlegend=True,  # even for one type: the legend names the colour
    )
    fig.update_xaxes(type="date")
    if grid.sum(axis=1).max() <= 10:
        fig.update_yaxes(dtick=1)  # whole events, not 0.2 of one
    step = pd.Timedelta(days={"week": 7, "month": 31, "year": 366}[freq])
    if focus:
        # the same first view as the timeline, widened to whole periods
        fig.update_xaxes(range=[buckets(pd.Series([lo]), freq).iloc[0], (hi + step).isoformat()])
    else:
        # a period either side, so a lone bar does not fill the chart
        first, last = pd.Timestamp(grid.index[0]), pd.Timestamp(grid.index[-1])
        fig.update_xaxes(range=[(first - step).isoformat(), (last + 2 * step).isoformat()])
    return fig


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
