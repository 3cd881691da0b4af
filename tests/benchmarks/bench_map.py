"""Map benchmarks: start-up, full repaint, 100,000 markers, hit-testing.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_map.py [--quick]

Start-up is quoted as a ratio to a bare PySide6 window measured in the same run.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from bench_common import begin, median_ms, startup_pair  # noqa: E402


def startup(repeat: int) -> tuple[float, float]:
    """Median seconds to first painted frame and exit: mapapp, then the bare window."""
    bare = [sys.executable, str(Path(__file__).with_name("bare_window.py"))]
    return startup_pair([sys.executable, "-m", "mapapp"], bare, repeat)


def random_markers(n: int, seed: int = 20240727):
    """A seeded mix: half spread over the world's inhabited latitudes, half in the Sahel."""
    import numpy as np

    from mapapp.geo.projection import WEB_MERCATOR

    rng = np.random.default_rng(seed)
    half = n // 2
    lon = np.concatenate([rng.uniform(-180, 180, half), rng.normal(0, 6, n - half)])
    lat = np.concatenate([rng.uniform(-55, 70, half), rng.normal(17, 4, n - half)])
    return WEB_MERCATOR.forward(lon, lat)


def scene_items_peer(view, xs, ys, n: int) -> tuple[float, float]:
    """The alternative to a batched layer: one QGraphicsEllipseItem per marker."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen
    from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem, QGraphicsScene

    t = time.perf_counter()
    scene = QGraphicsScene()
    brush, pen = QBrush(QColor("#1f5fa8")), QPen(QColor("white"))
    k = 1.0 / view.resolution
    for mx, my in zip(xs[:n].tolist(), ys[:n].tolist(), strict=True):
        item = QGraphicsEllipseItem(-5, -5, 10, 10)
        item.setPos((mx - view.cx) * k + view.width / 2, (view.cy - my) * k + view.height / 2)
        item.setBrush(brush)
        item.setPen(pen)
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        scene.addItem(item)
    build = (time.perf_counter() - t) * 1000
    image = QImage(view.width, view.height, QImage.Format.Format_ARGB32_Premultiplied)
    target = QRectF(0, 0, view.width, view.height)

    def paint():
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        scene.render(p, target, target)
        p.end()

    paint()
    return build, median_ms(paint, 5)


def main() -> int:
    quick = begin("few repeats (smoke test)")
    repeat = 3 if quick else 30

    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 - kept alive
    from mapapp.render.basemap import default_basemap
    from mapapp.render.markers import MarkerLayer
    from mapapp.render.scene import RenderOptions, render_map
    from mapapp.ui.home import home_view

    basemap = default_basemap()
    view = home_view(basemap, 1920, 1080)
    options = RenderOptions(focus_places=frozenset({"Tinzaouaten"}))
    image = QImage(1920, 1080, QImage.Format.Format_ARGB32_Premultiplied)

    def paint(markers=None):
        p = QPainter(image)
        render_map(p, view, basemap, options, markers)
        p.end()

    paint()
    repaint = median_ms(paint, repeat)

    import numpy as np

    x, y = random_markers(100_000)
    layer = MarkerLayer(np.asarray(x), np.asarray(y))
    paint(layer)
    repaint_100k = median_ms(lambda: paint(layer), repeat)
    rng = np.random.default_rng(1)
    clicks = rng.uniform([0, 0], [1920, 1080], size=(200, 2))
    it = iter(clicks.tolist() * repeat)
    hit = median_ms(lambda: layer.hit_test(view, *next(it)), 200)
    cold_view = view.panned(1, 0)  # a view never painted: the layer bins it first
    cold = median_ms(lambda: layer.hit_test(cold_view, *next(it)), 50)
    world = view.fitted((-2.0e7, -8e6, 2.0e7, 1.2e7))
    p = QPainter(image)
    render_map(p, world, basemap, options, layer)
    p.end()

    def paint_world():
        p = QPainter(image)
        render_map(p, world, basemap, options, layer)
        p.end()

    repaint_world = median_ms(paint_world, repeat)

    # Peers for the choice of marker layer, measured in the same run.
    import shapely

    pts = shapely.points(np.asarray(x), np.asarray(y))
    t = time.perf_counter()
    tree = shapely.STRtree(pts)
    tree_build = (time.perf_counter() - t) * 1000
    it2 = iter(clicks.tolist() * repeat)

    def tree_hit():
        sx, sy = next(it2)
        mx, my = view.screen_to_map(sx, sy)
        return tree.query_nearest(shapely.Point(mx, my), max_distance=10 * view.resolution)

    strtree_hit = median_ms(tree_hit, 200)
    it3 = iter(clicks.tolist() * repeat)
    xs, ys = np.asarray(x), np.asarray(y)

    def brute_hit():
        sx, sy = next(it3)
        mx, my = view.screen_to_map(sx, sy)
        return int(np.argmin((xs - mx) ** 2 + (ys - my) ** 2))

    brute = median_ms(brute_hit, 200)
    scene_build, scene_paint = scene_items_peer(view, xs, ys, 10_000 if quick else 100_000)

    app_s, bare_s = startup(3 if quick else 15)
    print(
        f"start-up to first painted map   mapapp {app_s * 1000:7.1f} ms   "
        f"bare PySide6 window {bare_s * 1000:7.1f} ms   ratio {app_s / bare_s:4.2f}x "
        f"(target <= 2x, stretch 1.5x)"
    )
    print(f"repaint default view 1920x1080  {repaint:7.2f} ms median (target <= 16 ms)")
    print(f"  + 100,000 markers             {repaint_100k:7.2f} ms median (target <= 33 ms)")
    print(f"  world view, 100,000 markers   {repaint_world:7.2f} ms median")
    print(
        f"hit-test among 100,000 markers  {hit:7.3f} ms median on the painted frame, "
        f"{cold:.3f} ms on an unpainted view (target <= 1 ms)"
    )
    print(
        f"  peers: shapely STRtree nearest {strtree_hit:.3f} ms (+{tree_build:.0f} ms build), "
        f"numpy brute force {brute:.3f} ms"
    )
    n_items = 10_000 if quick else 100_000
    print(
        f"peer: {n_items:,} QGraphicsScene items  build {scene_build:7.0f} ms, "
        f"paint {scene_paint:7.1f} ms (marker layer paint {repaint_100k - repaint:.1f} ms on top "
        f"of the basemap: {scene_paint / max(repaint_100k - repaint, 0.01):.0f}x)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
