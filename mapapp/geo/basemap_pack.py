"""A compact, pre-projected copy of the GeoJSON layers, so start-up needs no pyproj.

Layout: ``MAGIC``, a little-endian uint32 with the JSON index length, the UTF-8 JSON
index, zero padding to 8 bytes, then every vertex as float64 x, y pairs (EPSG:3857).
The float64 pairs have QPointF's memory layout, so the renderer copies a ring into a
QPolygonF in one move. Each outline also comes simplified at a few tolerances, so a frame
far out draws a few thousand vertices instead of tens of thousands (see
``SIMPLIFY_TOLERANCES``). The pack is rebuilt from the GeoJSON by ``build_pack`` (run by
packaging/geodata/build.py) and a test checks it is not stale.
"""

from __future__ import annotations

import array
import bisect
import json
import mmap
import struct
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAGIC = b"MAPAPP-BASEMAP\n"
FORMAT_VERSION = 2
PACK_NAME = "basemap.3857.bin"

# Layer name -> drawn geometry kind. Order is drawing order, bottom first.
PACKED_LAYERS: dict[str, str] = {
    "world_context": "polygon",
    "countries_10m": "polygon",
    "mali_admin1": "polygon",
    "azawad": "polygon",
    "mali_algeria_border": "line",
    "places": "point",
}
# Douglas-Peucker tolerances (metres) at which polygon outlines are stored simplified;
# a frame draws the coarsest one under half a device pixel. A level is kept for a
# feature only when it drops at least a fifth of the vertices of the finer one.
SIMPLIFY_TOLERANCES = (256.0, 512.0, 1024.0, 2048.0, 4096.0, 8192.0, 16384.0)
SIMPLIFY_MIN_GAIN = 0.8
GRATICULE_STEP = 0.25  # degrees; every coarser step is a multiple of it
GRATICULE_MAX_LAT = 85.0


@dataclass(frozen=True)
class PackedFeature:
    props: dict[str, Any]
    bbox: tuple[float, float, float, float]
    rings: list[tuple[int, int]]  # (first vertex index, vertex count)
    label: tuple[float, float] | None
    # Extra label anchors spread over a large area, so a name can be placed even when
    # ``label`` is off-screen.
    label_candidates: tuple[tuple[float, float], ...] = ()
    # [tolerance in metres, first vertex index, [vertex count of each ring]] from fine to
    # coarse: the outline simplified so that no point moves more than the tolerance, rings
    # smaller than it left out. Kept as parsed (start-up reads thousands of these).
    simplified: tuple[list[Any], ...] = ()

    def level_within(self, tolerance: float) -> int:
        """Index in ``simplified`` of the coarsest level that strays at most ``tolerance``
        metres; -1: none does (full detail)."""
        level = -1
        for i, entry in enumerate(self.simplified):
            if entry[0] > tolerance:
                break
            level = i
        return level

    def rings_at(self, level: int) -> list[tuple[int, int]]:
        """The rings of a ``level_within`` answer."""
        if level < 0:
            return self.rings
        _, start, counts = self.simplified[level]
        rings = []
        for count in counts:
            rings.append((start, count))
            start += count
        return rings


@dataclass(frozen=True)
class BasemapPack:
    """The loaded pack: feature index plus one flat float64 vertex buffer."""

    layers: dict[str, list[PackedFeature]]
    graticule_lons: list[float]
    graticule_x: array.array
    graticule_lats: list[float]
    graticule_y: array.array
    vertices: memoryview  # raw bytes of float64 x, y pairs
    sources: dict[str, str]

    def ring_bytes(self, start: int, count: int) -> memoryview:
        return self.vertices[start * 16 : (start + count) * 16]

    def ring_coords(self, start: int, count: int) -> array.array:
        out = array.array("d")
        out.frombytes(self.ring_bytes(start, count))
        if sys.byteorder != "little":
            out.byteswap()
        return out

    def lonlat_at(self, x: float, y: float) -> tuple[float, float]:
        """Inverse projection by interpolating the graticule tables pyproj computed at build
        time: the first frame's scale bar needs a latitude, and this spares pyproj's import
        on the start-up path. Latitude error < 1e-4 deg within 30 deg of the equator, < 2e-3
        deg up to 84 deg, which moves the scale bar by less than one part in a million.
        Everything the user reads out (pointer position, measurements) uses pyproj."""
        return (
            _interpolate(x, self.graticule_x, self.graticule_lons),
            _interpolate(y, self.graticule_y, self.graticule_lats),
        )

    def layer_bbox(self, name: str) -> tuple[float, float, float, float]:
        boxes = [f.bbox for f in self.layers[name]]
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )


def _interpolate(v: float, xs: array.array, ys: list[float]) -> float:
    i = min(max(bisect.bisect_right(xs, v), 1), len(xs) - 1)
    x0, x1 = xs[i - 1], xs[i]
    return ys[i - 1] + (ys[i] - ys[i - 1]) * (v - x0) / (x1 - x0)


def load_pack(path: Path) -> BasemapPack:
    """Mapped, not read: the first frame touches only the vertices it draws (a read copied
    all 7 MB, ~5 ms of start-up)."""
    with path.open("rb") as f:
        data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    if data[: len(MAGIC)] != MAGIC:
        raise ValueError(f"{path}: not a mapapp basemap pack")
    pos = len(MAGIC)
    (n,) = struct.unpack_from("<I", data, pos)
    pos += 4
    index = json.loads(data[pos : pos + n].decode("utf-8"))
    if index.get("version") != FORMAT_VERSION:
        raise ValueError(f"{path}: basemap pack version {index.get('version')} unsupported")
    pos += n
    pos += (-pos) % 8
    layers = {
        name: [
            PackedFeature(
                props=f["props"],
                bbox=tuple(f["bbox"]),
                rings=[tuple(r) for r in f["rings"]],
                label=tuple(f["label"]) if f.get("label") else None,
                label_candidates=tuple(tuple(p) for p in f.get("labels", [])),
                simplified=tuple(f.get("lods", ())),
            )
            for f in feats
        ]
        for name, feats in index["layers"].items()
    }
    g = index["graticule"]
    gx = array.array("d", g["x"])
    gy = array.array("d", g["y"])
    return BasemapPack(
        layers=layers,
        graticule_lons=list(g["lons"]),
        graticule_x=gx,
        graticule_lats=list(g["lats"]),
        graticule_y=gy,
        vertices=memoryview(data)[pos:],
        sources=index["sources"],
    )


def build_pack(geodata_dir: Path) -> bytes:
    """Project every packed GeoJSON layer with pyproj and serialise it (deterministic)."""
    import hashlib

    import numpy as np
    import shapely
    from shapely.geometry import shape

    from mapapp.geo.projection import WEB_MERCATOR

    chunks: list[np.ndarray] = []
    cursor = 0
    layers: dict[str, list[dict[str, Any]]] = {}
    sources: dict[str, str] = {}
    for name, kind in PACKED_LAYERS.items():
        path = geodata_dir / f"{name}.geojson"
        raw = path.read_bytes()
        sources[path.name] = hashlib.sha256(raw).hexdigest()
        feats_out = []
        for feat in json.loads(raw)["features"]:
            geom = shape(feat["geometry"])
            props = feat.get("properties") or {}
            rings = _rings(geom, kind)
            projected = []
            for ring in rings:
                lon, lat = ring[:, 0], np.clip(ring[:, 1], -GRATICULE_MAX_LAT, GRATICULE_MAX_LAT)
                x, y = WEB_MERCATOR.forward(lon, lat)
                projected.append(np.round(np.column_stack([x, y]), 3).astype("<f8"))

            def store(xys: list[np.ndarray]) -> list[list[int]]:
                nonlocal cursor
                index = []
                for xy in xys:
                    chunks.append(xy)
                    index.append([cursor, len(xy)])
                    cursor += len(xy)
                return index

            ring_index = store(projected)
            lods = []
            if kind == "polygon":
                for tol, xys in _simplified_levels(projected):
                    lods.append([tol, cursor, [len(xy) for xy in xys]])
                    store(xys)
            xs = np.concatenate([xy[:, 0] for xy in projected])
            ys = np.concatenate([xy[:, 1] for xy in projected])
            label, candidates = None, []
            if kind == "point":
                # drawing a radius around a place needs the local scale, without pyproj
                props = {**props, "scale": round(WEB_MERCATOR.scale_factor(geom.x, geom.y), 9)}
            if kind == "polygon":
                label = _projected_point(shapely.point_on_surface(geom))
                candidates = [_projected_point(p) for p in _label_anchors(geom)]
            feats_out.append(
                {
                    "props": props,
                    "bbox": [round(float(v), 3) for v in (xs.min(), ys.min(), xs.max(), ys.max())],
                    "rings": ring_index,
                    "label": label,
                    "labels": candidates,
                    "lods": lods,
                }
            )
        layers[name] = feats_out
    n_lat = round(2 * GRATICULE_MAX_LAT / GRATICULE_STEP) + 1
    n_lon = round(360 / GRATICULE_STEP) + 1
    lats = [-GRATICULE_MAX_LAT + i * GRATICULE_STEP for i in range(n_lat)]
    lons = [-180 + i * GRATICULE_STEP for i in range(n_lon)]
    gx, _ = WEB_MERCATOR.forward(np.array(lons), np.zeros(n_lon))
    _, gy = WEB_MERCATOR.forward(np.zeros(n_lat), np.array(lats))
    index = {
        "format": "mapapp-basemap",
        "version": FORMAT_VERSION,
        "crs": WEB_MERCATOR.crs,
        "layers": layers,
        "graticule": {
            "lons": lons,
            "x": [round(float(v), 3) for v in gx],
            "lats": lats,
            "y": [round(float(v), 3) for v in gy],
        },
        "sources": sources,
    }
    head = json.dumps(index, sort_keys=True, separators=(",", ":")).encode("utf-8")
    out = bytearray(MAGIC)
    out += struct.pack("<I", len(head))
    out += head
    out += b"\0" * ((-len(out)) % 8)
    body = np.concatenate(chunks) if chunks else np.zeros((0, 2), "<f8")
    out += body.astype("<f8").tobytes()
    return bytes(out)


LABEL_CELL_DEG = 4.0


def _simplified_levels(rings: list[Any]) -> list[tuple[float, list[Any]]]:
    """Douglas-Peucker copies of a feature's projected rings at each tolerance that pays.

    Each ring is simplified on its own (neighbours' shared edges may part by up to the
    tolerance, under half a pixel where it is drawn); a ring whose extent is under the
    tolerance both ways is dropped, being a speck at that scale.
    """
    import numpy as np
    import shapely

    levels = []
    previous = sum(len(r) for r in rings)
    for tol in SIMPLIFY_TOLERANCES:
        kept = []
        for xy in rings:
            if np.ptp(xy[:, 0]) < tol and np.ptp(xy[:, 1]) < tol:
                continue
            line = shapely.simplify(shapely.linestrings(xy), tol, preserve_topology=False)
            kept.append(shapely.get_coordinates(line).astype("<f8"))
        count = sum(len(r) for r in kept)
        if count <= previous * SIMPLIFY_MIN_GAIN and count < previous:  # one empty level
            levels.append((tol, kept))
            previous = count
    return levels


def _projected_point(point: Any) -> list[float]:
    from mapapp.geo.projection import WEB_MERCATOR

    x, y = WEB_MERCATOR.forward(point.x, point.y)
    return [round(float(x), 3), round(float(y), 3)]


def _label_anchors(geom: Any) -> list[Any]:
    """A point inside each 4-degree cell that the polygon mostly fills."""
    import math

    import shapely

    x0, y0, x1, y1 = geom.bounds
    anchors = []
    c = LABEL_CELL_DEG
    for i in range(math.floor(x0 / c), math.ceil(x1 / c)):
        for j in range(math.floor(y0 / c), math.ceil(y1 / c)):
            part = geom.intersection(shapely.box(i * c, j * c, (i + 1) * c, (j + 1) * c))
            if part.area >= 0.6 * c * c:
                anchors.append(shapely.point_on_surface(part))
    return anchors


def _rings(geom: Any, kind: str) -> list[Any]:
    """Coordinate arrays of every ring or line part, in drawing order."""
    import numpy as np

    parts = getattr(geom, "geoms", [geom])
    rings = []
    for part in parts:
        if kind == "polygon":
            rings.append(np.asarray(part.exterior.coords))
            rings.extend(np.asarray(r.coords) for r in part.interiors)
        else:
            rings.append(np.asarray(part.coords))
    return rings


def home_bounds(pack: BasemapPack) -> tuple[float, float, float, float]:
    """The opening frame: the Azawad region (northern Mali), Tinzaouaten and the border."""
    return pack.layer_bbox("azawad")


def main(argv: list[str] | None = None) -> int:
    """``python -m mapapp.geo.basemap_pack GEODATA_DIR``: rewrite the pack in place."""
    args = sys.argv[1:] if argv is None else argv
    geodata_dir = (
        Path(args[0]) if args else Path(__file__).resolve().parents[2] / "resources/geodata"
    )
    data = build_pack(geodata_dir)
    tmp = geodata_dir / (PACK_NAME + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(geodata_dir / PACK_NAME)
    print(f"wrote {geodata_dir / PACK_NAME} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
