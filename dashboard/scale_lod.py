"""Level of detail: figures for when more events match than can be drawn one by one.

Pure functions, data in and a `go.Figure` out, fed by the small answers of
`dashboard.scale_query.EventQuery.view`. `lod_figures(view)` returns None when few enough events
match (`view.matched <= threshold`): the caller then draws the individual events with the normal
figures (`dashboard.figures.timeline`, `event_map`), so as the user filters or zooms in below the
threshold the events come back.

Why 5,000: measured in Chromium with plotly.js (`python -m benchmarks.scale_browser redraw`, table in
docs/scale.md), a chart of 5,000 marks redraws in 0.4-0.7 s (SVG scatter 0.6 s, WebGL 0.66 s,
bars 0.4 s, `scatter_geo` 0.43 s), so a page with a timeline and a map stays within the 1.5 s goal;
at 20,000 marks one chart alone takes 1-2.3 s, and `scatter_geo` (SVG only: plotly has no WebGL map
without online tiles) is among the slowest. Past a few thousand marks they also overlap into a
blur. A density view carries the same information in a few hundred marks, each of which says in
its hover how many events it stands for.
"""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.figures import GEO_STYLE, TYPE_COLOURS  # the same colours mean the same types in both views
from dashboard.scale_query import LOD_THRESHOLD, View
from events.schema import EVENT_TYPE_NAMES
from events.taxonomy import label as type_label

MAX_LANES = 25  # more lanes than this: the smallest are summed into "others"
MAX_MARKERS = 1_500  # more places than this: they are gathered into grid cells
GRID_DEGREES = (0.5, 1.0, 2.0, 5.0, 10.0, 20.0)
STYLES = ("heat", "bars", "dots")
OTHERS = "others"
# The look of plotly's "plotly_white" template, spelled out: giving the template by name makes
# plotly deep-copy all of it into every figure, a third of the server time of a filter change.
GRID_COLOUR = "#EBF0F8"
PLAIN = dict(
    paper_bgcolor="white",
    plot_bgcolor="white",
    font=dict(color="#2a3f5f"),
    hoverlabel=dict(align="left"),
    colorway=["#636efa", "#EF553B", "#00cc96", "#ab63fa", "#FFA15A", "#19d3f3", "#FF6692", "#B6E880"],
)
UNIT_WORDS = {"day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year"}


def esc(value: object) -> str:
    """Untrusted text (place names, sources) as inert text in a hover label."""
    return html.escape("" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value))


def _lane_label(lane: str, value: object) -> str:
    if lane == "event_type":
        return type_label(str(value)) if value in EVENT_TYPE_NAMES else str(value)
    try:
        from dashboard.filters import country_label

        return country_label(str(value))
    except ImportError:  # pragma: no cover - the dashboard's filters are always there in the app
        return str(value)


def top_lanes(timeline: pd.DataFrame, *, max_lanes: int = MAX_LANES) -> pd.DataFrame:
    """The timeline counts with all but the `max_lanes - 1` biggest lanes summed into "others"."""
    totals = timeline.groupby("lane")["count"].sum().sort_values(ascending=False, kind="stable")
    if len(totals) <= max_lanes:
        return timeline
    keep = set(totals.index[: max_lanes - 1])
    out = timeline.assign(lane=timeline["lane"].where(timeline["lane"].isin(keep), OTHERS))
    return out.groupby(["bin", "lane"], as_index=False, sort=True)["count"].sum()


def _banner(text: str) -> dict:
    """A line above the plot that says what the marks stand for."""
    return dict(
        text=text,
        showarrow=False,
        xref="paper",
        yref="paper",
        x=0,
        y=1.0,
        xanchor="left",
        yanchor="bottom",
        font=dict(size=12, color="#444444"),
    )


def density_timeline(
    timeline: pd.DataFrame,
    *,
    unit: str,
    lane: str = "event_type",
    style: str = "heat",
    matched: int | None = None,
    threshold: int = LOD_THRESHOLD,
    max_lanes: int = MAX_LANES,
    title: str | None = None,
) -> go.Figure:
    """Counts per time bin and lane (`timeline`: bin, lane, count) as a heat strip, stacked bars or
    WebGL dots sized by count. Every mark's hover says how many events it stands for (to a tenth:
    an event known only to its month or year counts a share in each bin of that period)."""
    if style not in STYLES:
        raise ValueError(f"style must be one of {', '.join(STYLES)}, not {style!r}")
    if unit not in UNIT_WORDS:
        raise ValueError(f"unit must be one of {', '.join(UNIT_WORDS)}, not {unit!r}")
    # traces and layout as plain data, made into a figure once: plotly validates and copies
    # less that way, which is most of the server-side time of a filter change at a million events
    data: list[dict] = []
    layout: dict = {}
    t = top_lanes(timeline, max_lanes=max_lanes) if len(timeline) else timeline
    per = UNIT_WORDS[unit]
    if len(t):
        order = t.groupby("lane")["count"].sum().sort_values(kind="stable").index.tolist()
        if OTHERS in order:  # "others" at the bottom
            order = [OTHERS] + [x for x in order if x != OTHERS]
        labels = {v: (OTHERS if v == OTHERS else _lane_label(lane, v)) for v in order}
        if style == "heat":
            grid = t.pivot_table(index="lane", columns="bin", values="count", aggfunc="sum").reindex(order)
            z = grid.to_numpy(dtype=float)
            with np.errstate(divide="ignore"):
                zlog = np.where(z > 0, np.log10(z), np.nan)  # counts span orders of magnitude
            hi = max(float(np.nanmax(zlog)) if np.isfinite(zlog).any() else 0.0, 1.0)
            ticks = list(range(int(np.floor(hi)) + 1))
            data.append(
                dict(
                    type="heatmap",
                    x=grid.columns.to_numpy(),
                    y=[esc(labels[v]) for v in grid.index],
                    z=zlog,
                    customdata=np.round(np.nan_to_num(z), 1),
                    colorscale="Viridis",
                    reversescale=True,
                    zmin=0,
                    zmax=hi,
                    hoverongaps=False,
                    colorbar=dict(
                        title=dict(text=f"events per {per}"),
                        tickvals=ticks,
                        ticktext=[f"{10**v:,}" for v in ticks],
                    ),
                    hovertemplate=f"%{{y}}<br>{per} of %{{x}}<br><b>%{{customdata:,.1~f}} events</b><extra></extra>",
                )
            )
        else:
            biggest = float(t["count"].max())
            for v in reversed(order):
                sel = t[t["lane"] == v]
                name = esc(labels[v])
                colour = TYPE_COLOURS.get(str(v)) if lane == "event_type" else None
                hover = f"{name}<br>{per} of %{{x}}<br><b>%{{customdata:,.1~f}} events</b><extra></extra>"
                counts = np.round(sel["count"].to_numpy(dtype=float), 1)
                if style == "bars":
                    data.append(
                        dict(
                            type="bar",
                            x=sel["bin"].to_numpy(),
                            y=counts,
                            customdata=counts,
                            name=name,
                            marker=dict(color=colour),
                            hovertemplate=hover,
                        )
                    )
                else:
                    data.append(
                        dict(
                            type="scattergl",
                            x=sel["bin"].to_numpy(),
                            y=[name] * len(sel),
                            customdata=counts,
                            mode="markers",
                            name=name,
                            marker=dict(size=3 + 17 * np.sqrt(counts / biggest), color=colour, opacity=0.8),
                            hovertemplate=hover,
                        )
                    )
            if style == "bars":
                layout.update(barmode="stack", bargap=0.05, yaxis=dict(title=dict(text=f"events per {per}")))
    n = int(matched) if matched is not None else int(timeline["count"].sum()) if len(timeline) else 0
    banner = _banner(
        f"{n:,} events: too many to draw one by one, so each mark counts the events of one {per}"
        f"{' and lane' if style != 'bars' else ''}. Filter below {threshold:,} to see the events themselves."
    )
    height = 120 + 22 * (len(t["lane"].unique()) if len(t) and style != "bars" else 10)
    layout.update(
        title=dict(text=esc(title)) if title else None,
        height=min(max(height, 300), 900),
        margin=dict(l=10, r=10, t=60 if title else 40, b=30),
        **PLAIN,
        showlegend=style != "heat",
        legend=dict(orientation="h", yanchor="top", y=-0.12, x=0),
        xaxis=dict(type="date", gridcolor=GRID_COLOUR, zeroline=False),
        yaxis={**layout.get("yaxis", {}), "gridcolor": GRID_COLOUR, "zeroline": False},
        annotations=[banner],
    )
    return go.Figure(data=data, layout=layout)


def pick_grid(places: pd.DataFrame, *, max_markers: int = MAX_MARKERS) -> float | None:
    """None when the places fit as they are, else the finest grid (degrees) with few enough cells."""
    if len(places) <= max_markers:
        return None
    lat, lon = places["latitude"].to_numpy(), places["longitude"].to_numpy()
    for g in GRID_DEGREES:
        cells = len(set(zip(np.floor(lat / g), np.floor(lon / g), strict=True)))
        if cells <= max_markers:
            return g
    return GRID_DEGREES[-1]


def grid_places(places: pd.DataFrame, degrees: float) -> pd.DataFrame:
    """Places gathered into cells of `degrees`: a marker at the cell's centre with the total count,
    the biggest place's name, and the type with the most events among the places' main types."""
    cell_lat = np.floor(places["latitude"] / degrees) * degrees + degrees / 2
    cell_lon = np.floor(places["longitude"] / degrees) * degrees + degrees / 2
    p = places.assign(_lat=cell_lat, _lon=cell_lon)
    grouped = p.groupby(["_lat", "_lon"], sort=False)
    biggest = p.loc[grouped["count"].idxmax(), ["_lat", "_lon", "location"]]
    by_type = p.groupby(["_lat", "_lon", "event_type"], sort=False)["count"].sum().reset_index()
    main = by_type.loc[by_type.groupby(["_lat", "_lon"])["count"].idxmax(), ["_lat", "_lon", "event_type"]]
    n_places = (grouped["places"].sum() if "places" in p else grouped.size()).rename("places")
    out = (
        grouped["count"]
        .sum()
        .reset_index()
        .merge(biggest, on=["_lat", "_lon"])
        .merge(main, on=["_lat", "_lon"])
        .merge(n_places.reset_index(), on=["_lat", "_lon"])
        .rename(columns={"_lat": "latitude", "_lon": "longitude"})
    )
    return out.sort_values(["count", "location"], ascending=[False, True], kind="stable").reset_index(
        drop=True
    )


def aggregated_map(
    places: pd.DataFrame,
    *,
    unplaced: int = 0,
    matched: int | None = None,
    max_markers: int = MAX_MARKERS,
    title: str | None = None,
) -> go.Figure:
    """One marker per place (or per grid cell when there are more than `max_markers` places), sized
    by its number of events, coloured by its most common type; the hover gives the count."""
    grid = pick_grid(places, max_markers=max_markers) if len(places) else None
    table = grid_places(places, grid) if grid else places
    data: list[dict] = []
    biggest = float(table["count"].max()) if len(table) else 1.0
    where = f"in this {grid:g}° cell, around " if grid else "at "
    types = table["event_type"].astype(str).to_numpy()
    for etype in EVENT_TYPE_NAMES:
        m = types == etype
        if not m.any():
            continue
        sel = table[m]
        counts = sel["count"].to_numpy(dtype=np.int64)
        n_places = sel["places"].to_numpy() if "places" in sel else np.ones(len(sel), dtype=int)
        label = esc(type_label(etype))
        hover = [
            f"<b>{n:,} events</b> {where}{esc(loc)}"
            + (f" ({k:,} places)" if k > 1 else "")
            + f"<br>most often: {label}"
            for n, loc, k in zip(counts.tolist(), sel["location"].tolist(), n_places.tolist(), strict=True)
        ]
        data.append(
            dict(
                type="scattergeo",
                lat=sel["latitude"].to_numpy(dtype=float),
                lon=sel["longitude"].to_numpy(dtype=float),
                mode="markers",
                name=label,
                marker=dict(
                    size=4 + 30 * np.sqrt(counts / biggest),
                    color=TYPE_COLOURS.get(etype, "#777777"),
                    opacity=0.75,
                    line=dict(width=0.5, color="white"),
                    sizemode="diameter",
                ),
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    placed = int(table["count"].sum()) if len(table) else 0
    what = f"{grid:g}° cells" if grid else "places"
    banner = _banner(
        f"{placed:,} events at {len(places):,} places, shown as {len(table):,} {what} sized by count"
        + (f"; {unplaced:,} without a place" if unplaced else "")
    )
    layout = dict(
        title=dict(text=esc(title)) if title else None,
        height=460,
        margin=dict(l=0, r=0, t=60 if title else 30, b=10),
        legend=dict(title=dict(text="Most frequent type"), orientation="h", yanchor="top", y=0, x=0),
        **PLAIN,
        annotations=[banner],
        geo=dict(GEO_STYLE),
    )
    return go.Figure(data=data, layout=layout)


def lod_figures(
    view: View,
    *,
    threshold: int = LOD_THRESHOLD,
    lane: str = "event_type",
    style: str = "heat",
    max_markers: int = MAX_MARKERS,
) -> tuple[go.Figure, go.Figure] | None:
    """(density timeline, aggregated map) when more than `threshold` events match; None when the
    caller should draw the individual events (`view.events`) with the normal figures."""
    if view.matched <= threshold:
        return None
    return (
        density_timeline(
            view.timeline, unit=view.unit, lane=lane, style=style, matched=view.matched, threshold=threshold
        ),
        aggregated_map(view.places, unplaced=view.unplaced, matched=view.matched, max_markers=max_markers),
    )
