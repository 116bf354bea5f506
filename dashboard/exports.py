"""Exports: charts as PNG, SVG, PDF (kaleido and Chromium) or self-contained HTML; data as CSV, JSON, Parquet.

Maps need plotly's topojson files and nothing may come from the internet, so the files in
`dashboard/static/topojson/` are embedded: into the kaleido page as a script defining
`window.PlotlyGeoAssets`, and into each HTML export the same way (Chromium blocks `file://` fetches).
"""

from __future__ import annotations

import html
import json
import os
import shutil
import tempfile
import threading
from functools import cache
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from events.io import write_events

TOPOJSON_DIR = Path(__file__).parent / "static" / "topojson"
TOPOJSON_URL = "/app/static/topojson/"  # where Streamlit serves the same files (server.enableStaticServing)
IMAGE_FORMATS = ("png", "svg", "pdf")
DATA_FORMATS = ("csv", "json", "parquet")
MIME = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "html": "text/html",
    "csv": "text/csv",
    "json": "application/json",
    "parquet": "application/vnd.apache.parquet",
}
NO_BROWSER = (
    "PNG, SVG and PDF export needs Chromium, which was not found. Install it "
    "(Debian/Ubuntu: sudo apt-get install chromium, or run `make browser`) and restart the app. "
    "The HTML export works without it."
)
_lock = threading.Lock()
_server_started = False


class ExportUnavailable(RuntimeError):
    """An export cannot be made on this machine; the message says what to install."""


def plot_config(filename: str = "chart") -> dict:
    """The `config` for st.plotly_chart / HTML: local topojson, and the toolbar's own image download."""
    return {
        "topojsonURL": TOPOJSON_URL,
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
    }


@cache
def topojson_names() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in TOPOJSON_DIR.glob("*.json")))


@cache
def geo_assets_script() -> str:
    """JavaScript that defines `window.PlotlyGeoAssets` with every local topojson map."""
    parts = []
    for name in topojson_names():
        text = (TOPOJSON_DIR / f"{name}.json").read_text(encoding="utf-8")
        parts.append(f"{json.dumps(name)}:{text}")
    body = (
        "window.PlotlyGeoAssets=Object.assign(window.PlotlyGeoAssets||{},{topojson:{"
        + ",".join(parts)
        + "}});"
    )
    return body.replace("</", "<\\/")  # never close the <script> it is put in


@cache
def _geo_assets_file() -> str:
    path = Path(tempfile.mkdtemp(prefix="dashboard-geo-")) / "plotly-geo-assets.js"
    path.write_text(geo_assets_script(), encoding="utf-8")
    return str(path)


def uses_geo(fig: go.Figure) -> bool:
    return any(t.type in ("scattergeo", "choropleth") for t in fig.data)


def to_html(fig: go.Figure, *, title: str = "Events") -> bytes:
    """A self-contained HTML page: plotly.js inline and, for maps, the topojson embedded."""
    page = fig.to_html(include_plotlyjs=True, full_html=True, config=plot_config(), default_width="100%")
    head = f"<title>{html.escape(title, quote=True)}</title>"
    if uses_geo(fig):
        head += f"<script>{geo_assets_script()}</script>"
    # the assets must be defined before the inline plotly.js draws the figure
    page = page.replace("<head>", "<head>" + head, 1)
    return page.encode("utf-8")


def find_chromium() -> str | None:
    """The Chromium or Chrome kaleido will use (BROWSER_PATH wins, as in choreographer); None if absent."""
    given = os.environ.get("BROWSER_PATH")
    if given:
        return given if os.path.exists(given) else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"):
        if found := shutil.which(name):
            return found
    return None


def start_image_server() -> None:
    """Start kaleido's warm Chromium once per process (a cold export costs seconds, a warm one less)."""
    global _server_started
    import kaleido
    from kaleido import PageGenerator

    with _lock:
        if _server_started:
            return
        # no MathJax (it would come from a CDN); our geo assets so maps draw land offline
        page = PageGenerator(mathjax=False, others=[_geo_assets_file()])
        kaleido.start_sync_server(page_generator=page, silence_warnings=True)
        _server_started = True


def stop_image_server() -> None:
    global _server_started
    import kaleido

    with _lock:
        if _server_started:
            kaleido.stop_sync_server(silence_warnings=True)
            _server_started = False


def to_image(
    fig: go.Figure, fmt: str, *, width: int = 1200, height: int | None = None, scale: float = 1
) -> bytes:
    """The figure as PNG, SVG or PDF bytes; raises ExportUnavailable when Chromium is missing."""
    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"image format must be one of {', '.join(IMAGE_FORMATS)}, not {fmt!r}")
    import kaleido
    from kaleido.errors import ChromeNotFoundError

    height = height or fig.layout.height or 600
    try:
        start_image_server()
        with _lock:  # one figure at a time through the one warm tab
            return kaleido.calc_fig_sync(
                fig.to_dict(), opts=dict(format=fmt, width=width, height=height, scale=scale)
            )
    except ChromeNotFoundError as e:
        raise ExportUnavailable(NO_BROWSER) from e


def to_data(events: pd.DataFrame, fmt: str) -> bytes:
    """Exactly these events as CSV, JSON or Parquet (the project's own table formats, see events.io)."""
    if fmt not in DATA_FORMATS:
        raise ValueError(f"data format must be one of {', '.join(DATA_FORMATS)}, not {fmt!r}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"events.{fmt}"
        write_events(events, path)
        return path.read_bytes()
