"""Extract plotly's geo topojson files into dashboard/static/topojson/ so maps draw with no internet.

Run once (the files are committed): `python dashboard/fetch_topojson.py [--all]`. It asks npm for the
plotly.js release that the installed plotly.py bundles, reads `dist/plotly-geo-assets.js` (which holds
`PlotlyGeoAssets.topojson`) with node, and writes one JSON file per map (`world_110m.json`, ...).
Needs `npm` and `node`; only the committed JSON files are needed at run time.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

TOPOJSON_DIR = Path(__file__).parent / "static" / "topojson"
# world_110m is scatter_geo's default (scope "world", resolution 110); world_50m is the finer one.
DEFAULT_NAMES = ("world_110m", "world_50m")
ASSETS = "package/dist/plotly-geo-assets.js"
_DUMP = """
globalThis.window = {};
const assets = require(process.argv[1]);
process.stdout.write(JSON.stringify(assets.topojson));
"""


def plotlyjs_version() -> str:
    from plotly.offline import get_plotlyjs_version

    return get_plotlyjs_version()


def extract(names: tuple[str, ...] | None = DEFAULT_NAMES, out: Path = TOPOJSON_DIR) -> list[Path]:
    """Write the named topojson maps (all of them when `names` is None) into `out`."""
    version = plotlyjs_version()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["npm", "pack", f"plotly.js@{version}", "--silent"],
            cwd=tmp,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        (tgz,) = Path(tmp).glob("plotly.js-*.tgz")
        with tarfile.open(tgz) as tar:
            tar.extract(ASSETS, tmp, filter="data")
        dumped = subprocess.run(
            ["node", "-e", _DUMP, str(Path(tmp) / ASSETS)], check=True, capture_output=True, text=True
        ).stdout
    maps = json.loads(dumped)
    wanted = sorted(maps) if names is None else names
    missing = [n for n in wanted if n not in maps]
    if missing:
        raise SystemExit(
            f"plotly.js {version} has no topojson named {', '.join(missing)}; it has {', '.join(maps)}"
        )
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in wanted:
        path = out / f"{name}.json"
        path.write_text(json.dumps(maps[name], separators=(",", ":")), encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--all", action="store_true", help="every scope (usa, europe, ...), not only the world maps"
    )
    args = parser.parse_args()
    for path in extract(None if args.all else DEFAULT_NAMES):
        print(f"{path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
