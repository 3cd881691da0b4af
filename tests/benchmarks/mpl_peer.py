"""The peer for the export benchmark: the same layers drawn with geopandas + matplotlib,
the way an analyst would script a static map of them.

    python tests/benchmarks/mpl_peer.py OUT.png XMIN YMIN XMAX YMAX   (EPSG:3857 metres)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GEODATA = ROOT / "resources" / "geodata"
WIDTH, HEIGHT, DPI = 1920, 1080, 100


def load_layers() -> dict:
    """The layers of the window's default view, read from the same GeoJSON and projected
    to Web Mercator like mapapp's map."""
    import geopandas as gpd

    names = ("countries_10m", "mali_admin1", "azawad", "mali_algeria_border", "places")
    return {n: gpd.read_file(GEODATA / f"{n}.geojson").to_crs(3857) for n in names}


def draw(layers: dict, bbox: tuple[float, float, float, float], out) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=(WIDTH / DPI, HEIGHT / DPI), dpi=DPI)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_facecolor("#c9dbe8")
    layers["countries_10m"].plot(ax=ax, color="#ece6da", edgecolor="#9c9488", linewidth=0.6)
    layers["mali_admin1"].boundary.plot(ax=ax, color="#8c8c8c", linewidth=0.6, linestyle="--")
    layers["azawad"].plot(
        ax=ax, facecolor="#f0c9a04d", edgecolor="#a0522d", hatch="///", linewidth=1.0
    )
    layers["mali_algeria_border"].plot(ax=ax, color="#c2185b", linewidth=2.0)
    places = layers["places"]
    places.plot(ax=ax, color="#222222", markersize=8)
    for geom, name in zip(places.geometry, places["name"], strict=True):
        if bbox[0] <= geom.x <= bbox[2] and bbox[1] <= geom.y <= bbox[3]:
            ax.annotate(
                name, (geom.x, geom.y), xytext=(4, 2), textcoords="offset points", fontsize=8
            )
    ax.set_xlim(bbox[0], bbox[2])
    ax.set_ylim(bbox[1], bbox[3])
    ax.set_axis_off()
    ax.set_title("Tinzaouaten", loc="left")
    fig.savefig(out, dpi=DPI, format="png")
    plt.close(fig)


def main(argv: list[str]) -> int:
    out, *box = argv
    draw(load_layers(), tuple(float(v) for v in box), out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
