"""Tile basemap benchmarks: a pan frame with every tile in memory, and start-up with a
tile basemap, each against the same thing without tiles measured in the same run.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_tiles.py [--quick]

The tiles come from an MBTiles file made here (textured 256-pixel PNGs for every tile the
measured views need), so no network is involved and the numbers repeat.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from bench_common import begin, startup_pair  # noqa: E402

TINZAOUATEN = (2.96778, 19.94861)


def textured_tile(key) -> bytes:
    """A 256-pixel PNG with gradients and noise, so it compresses and decodes like a real
    map tile rather than a flat square."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF
    from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter

    image = QImage(256, 256, QImage.Format.Format_RGB32)
    p = QPainter(image)
    g = QLinearGradient(QPointF(0, 0), QPointF(256, 256))
    g.setColorAt(0, QColor.fromHsv((key.x * 37) % 360, 90, 220))
    g.setColorAt(1, QColor.fromHsv((key.y * 53) % 360, 120, 160))
    p.fillRect(image.rect(), g)
    for i in range(40):
        p.setPen(QColor.fromHsv((i * 29 + key.z * 11) % 360, 160, 120))
        p.drawLine(i * 7, 0, 255 - i * 5, 255)
    p.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    return bytes(data.data())


def make_file(path: Path, plans) -> int:
    """Every tile the measured views need, and zooms 0-6 over West Africa for whatever
    size the start-up window takes."""
    from mapapp.geo.projection import WEB_MERCATOR
    from mapapp.geo.tiles import tiles_covering

    x0, y0 = WEB_MERCATOR.forward(-20.0, 0.0)
    x1, y1 = WEB_MERCATOR.forward(25.0, 35.0)
    region = [k for z in range(7) for k in tiles_covering((x0, y0, x1, y1), z)]
    keys = sorted({k for plan in plans for k in plan.keys} | set(region))
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    db.execute(
        "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
        "tile_data BLOB)"
    )
    db.executemany(
        "INSERT INTO metadata VALUES (?, ?)",
        [("name", "bench"), ("format", "png"), ("attribution", "© benchmark tiles")],
    )
    db.executemany(
        "INSERT INTO tiles VALUES (?, ?, ?, ?)",
        [(k.z, k.x, k.tms_y(), textured_tile(k)) for k in keys],
    )
    db.commit()
    db.close()
    return len(keys)


def startup(repeat: int, tiles: Path) -> tuple[float, float]:
    """Median seconds to the first painted map (with all its tiles) and exit: with the
    tile basemap, then without."""
    app = [sys.executable, "-m", "mapapp"]
    return startup_pair([*app, "--basemap", str(tiles)], app, repeat)


def main() -> int:
    quick = begin("few repeats (smoke test)")
    repeat = 5 if quick else 60

    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 - kept alive
    from mapapp.geo.projection import WEB_MERCATOR
    from mapapp.geo.tile_files import open_tile_file
    from mapapp.geo.viewport import Viewport
    from mapapp.render.basemap import default_basemap
    from mapapp.render.scene import RenderOptions, render_map
    from mapapp.render.tiles import TileCache, TileLayer, decode_tile, plan_tiles
    from mapapp.ui.home import home_view

    basemap = default_basemap()
    options = RenderOptions(focus_places=frozenset({"Tinzaouaten"}))
    x, y = WEB_MERCATOR.forward(*TINZAOUATEN)
    views = {
        "town (19 m/px)": Viewport(x, y, 19.0, 1920, 1080),
        "region (600 m/px)": Viewport(x, y, 600.0, 1920, 1080),
        "home view": home_view(basemap, 1920, 1080),
    }
    pans = 12  # each view is panned this many 40-pixel steps; every frame's tiles cached

    def frames(view):
        return [view.panned(40 * i, 0) for i in range(pans)]

    workdir = Path(tempfile.mkdtemp(prefix="mapapp-bench-tiles-"))
    path = workdir / "bench.mbtiles"
    from mapapp.geo.tile_sources import TileSource

    probe = TileSource("probe", str(path), kind="mbtiles", max_zoom=22)
    plans = [plan_tiles(f, probe) for v in views.values() for f in frames(v)]
    plans += [plan_tiles(home_view(basemap, w, h), probe) for w, h in ((1280, 800), (1024, 768))]
    n_tiles = make_file(path, plans)
    reader = open_tile_file(path)
    cache = TileCache()
    for plan in plans:
        for key in plan.keys:
            cache.put((key, False), decode_tile(reader.read(key)))
    layer = TileLayer(reader.source, cache, keep_scaled=True)  # as the window has it

    image = QImage(1920, 1080, QImage.Format.Format_ARGB32_Premultiplied)
    results = []
    for view in views.values():
        # The frames with and without tiles alternate, so both meet the same machine
        # (this one's speed drifts by half between minutes).
        seq = frames(view) * (repeat // pans + 1)
        times: dict[bool, list[float]] = {True: [], False: []}
        for i, frame in enumerate([seq[0], *seq[:repeat]]):
            for with_tiles in (True, False) if i % 2 else (False, True):  # neither always first
                t = time.perf_counter()
                p = QPainter(image)
                render_map(p, frame, basemap, options, tiles=layer if with_tiles else None)
                p.end()
                if i:  # the first pair warms the caches
                    times[with_tiles].append((time.perf_counter() - t) * 1000)
        results += [statistics.median(times[True]), statistics.median(times[False])]
        tiles_per_frame = len(plan_tiles(view, reader.source).keys)
        results.append(tiles_per_frame)
    app_s, bare_s = startup(3 if quick else 15, path)

    print(f"tile file: {n_tiles} textured tiles ({path.stat().st_size / 1e6:.1f} MB)")
    for i, name in enumerate(views):
        with_t, without, n = results[3 * i : 3 * i + 3]
        print(
            f"pan frame 1920x1080, {name:18s} {with_t:6.2f} ms with {n:3d} cached tiles, "
            f"{without:6.2f} ms vector only   ratio {with_t / without:4.2f}x (target <= 16 ms)"
        )
    print(
        f"start-up to first painted map with tiles {app_s * 1000:7.1f} ms   "
        f"without {bare_s * 1000:7.1f} ms   ratio {app_s / bare_s:4.2f}x (target <= 1.3x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
