"""The basemap as QPainterPaths in map metres, built once from the pre-projected pack."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QImage,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTransform,
)

from mapapp.geo.basemap_pack import PACK_NAME, BasemapPack, PackedFeature, load_pack
from mapapp.geo.viewport import Viewport
from mapapp.render import style
from mapapp.render.labels import device_scale
from mapapp.resources_path import geodata_dir

# Above this many metres per pixel the 10m countries add nothing the context layer lacks.
DETAIL_MAX_RESOLUTION = 12_000.0


class PathFeature:
    """One packed feature; its QPainterPath is built on first draw, so start-up only
    pays for the features the first frame shows."""

    __slots__ = (
        "_closed",
        "_pack",
        "_path",
        "_simplified",
        "bbox",
        "label",
        "label_candidates",
        "packed",
        "props",
    )

    def __init__(self, pack: BasemapPack, feat: PackedFeature, closed: bool) -> None:
        self._pack = pack
        self._closed = closed
        self._path: QPainterPath | None = None
        self._simplified: dict[int, QPainterPath] = {}
        self.packed = feat
        self.props = feat.props
        self.label = feat.label
        self.label_candidates = feat.label_candidates
        x0, y0, x1, y1 = feat.bbox
        self.bbox = QRectF(x0, y0, x1 - x0, y1 - y0)

    @property
    def path(self) -> QPainterPath:
        if self._path is None:
            self._path = self._build(self.packed.rings)
        return self._path

    def path_within(self, tolerance: float) -> QPainterPath:
        """The coarsest stored outline that strays at most ``tolerance`` metres: drawing
        cost follows the vertex count, and under half a pixel the eye cannot tell."""
        level = self.packed.level_within(tolerance)
        if level < 0:
            return self.path
        path = self._simplified.get(level)
        if path is None:
            path = self._simplified[level] = self._build(self.packed.rings_at(level))
        return path

    def _build(self, rings: list[tuple[int, int]]) -> QPainterPath:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        for start, count in rings:
            path.addPolygon(ring_polygon(self._pack, start, count))
            if self._closed:
                path.closeSubpath()
        return path


def ring_polygon(pack: BasemapPack, start: int, count: int) -> QPolygonF:
    """Copy one ring from the pack's float64 buffer straight into a QPolygonF."""
    poly = QPolygonF()
    poly.resize(count)
    dst = memoryview(shiboken6.VoidPtr(poly.data(), count * 16, True)).cast("B")
    dst[:] = pack.ring_bytes(start, count)
    return poly


class Basemap:
    """Paths per layer, plus the graticule tables, from one basemap pack."""

    def __init__(self, pack: BasemapPack) -> None:
        self.pack = pack
        self.layers: dict[str, list[PathFeature]] = {
            name: [PathFeature(pack, f, closed=name != "mali_algeria_border") for f in feats]
            for name, feats in pack.layers.items()
            if name != "places"
        }
        self.places = pack.layers.get("places", [])

    def features(self, layer: str) -> list[PathFeature]:
        return self.layers.get(layer, [])


@cache
def default_basemap() -> Basemap:
    return Basemap(load_pack(geodata_dir() / PACK_NAME))


@cache
def hatch_tile() -> QImage:
    """The Azawad fill: a translucent wash and a diagonal hatch line every 10 px.

    100 px across although the pattern repeats every 10: Qt fills a textured span in runs
    no longer than the texture, and ten times fewer runs take a large fill from ~2 ms
    to ~0.7 ms.
    """
    size, step = 100, 10
    tile = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    tile.fill(style.AZAWAD_FILL)
    p = QPainter(tile)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(style.AZAWAD_HATCH, 1.0))
    for offset in range(-size, size + 1, step):  # neighbours' segments too: seamless joins
        p.drawLine(QPointF(offset, size), QPointF(offset + size, 0))
    p.end()
    return tile


def paint_hatch(painter: QPainter, area: QPainterPath | QRectF) -> None:
    """Azawad's wash and diagonal hatch over ``area`` (screen coordinates).

    Raster targets get a texture tile without a transform (Qt's fast fill path); vector
    targets (SVG, PDF) get real clipped lines instead of an embedded bitmap.
    """
    if isinstance(area, QRectF):
        path = QPainterPath()
        path.addRect(area)
        area = path
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    if painter.paintEngine().type() == QPaintEngine.Type.Raster:
        # Unsmoothed: its edge lies under Azawad's dashed line anyway, and the smoothed
        # fill of this 500-point outline cost 2 of a frame's 16 ms.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setBrush(QBrush(hatch_tile()))
        painter.drawPath(area)
    else:
        painter.setBrush(style.AZAWAD_FILL)
        painter.drawPath(area)
        painter.setClipPath(area, Qt.ClipOperation.IntersectClip)
        painter.setPen(QPen(style.AZAWAD_HATCH, 1.0))
        r = area.boundingRect()
        step = 10.0
        x = r.left() - r.height()
        while x < r.right():
            painter.drawLine(QPointF(x, r.bottom()), QPointF(x + r.height(), r.top()))
            x += step
    painter.restore()


def map_transform(view: Viewport) -> QTransform:
    """Map metres (y up) -> device pixels (y down) for ``view``."""
    k = 1.0 / view.resolution
    return QTransform(k, 0, 0, -k, view.width / 2 - view.cx * k, view.height / 2 + view.cy * k)


def _visible(features: list[PathFeature], area: QRectF) -> list[PathFeature]:
    return [f for f in features if f.bbox.intersects(area)]


def visible_features(basemap: Basemap, layer: str, view: Viewport) -> list[PathFeature]:
    """Features of ``layer`` that a frame of ``view`` draws (the legend asks the same)."""
    x0, y0, x1, y1 = view.bounds()
    features = _visible(basemap.features(layer), QRectF(x0, y0, x1 - x0, y1 - y0))
    if layer == "countries_10m" and view.resolution > DETAIL_MAX_RESOLUTION:
        return []
    return features


def draw_basemap(
    painter: QPainter,
    basemap: Basemap,
    view: Viewport,
    layers: frozenset[str],
    between: Callable[[], None] | None = None,
    fills: bool = True,
) -> None:
    """Fills (unless tiles will hide them all), then ``between`` (a tile basemap, which
    covers the fills where it has tiles), then the lines of every visible layer."""
    x0, y0, x1, y1 = view.bounds()
    area = QRectF(x0, y0, x1 - x0, y1 - y0)
    tolerance = drawing_tolerance(painter, view)
    detail = "countries_10m" in layers and view.resolution <= DETAIL_MAX_RESOLUTION
    countries = _visible(basemap.features("countries_10m"), area) if detail else []
    world = _visible(basemap.features("world_context"), area) if "world_context" in layers else []
    if fills:
        painter.save()
        painter.setTransform(map_transform(view), True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.LAND_CONTEXT)
        for f in world:
            painter.drawPath(f.path_within(tolerance))
        # Every country's outline is stroked on top (smoothed), so its fill needs no
        # smoothing of its own on screens and PNGs: half the cost of a large fill.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, tolerance == 0.0)
        for f in countries:
            painter.setBrush(style.LAND_FOCUS if f.props.get("iso_a3") == "MLI" else style.LAND)
            painter.drawPath(f.path_within(tolerance))
        painter.restore()
    if between is not None:
        between()
    edges = countries if detail else world
    _draw_lines(painter, basemap, view, layers, area, edges, detail, between is not None, tolerance)


def drawing_tolerance(painter: QPainter, view: Viewport) -> float:
    """Metres an outline may stray from the data in this frame: half a device pixel on
    screens and images; nothing in SVG and PDF, which their readers zoom into."""
    if painter.paintEngine().type() != QPaintEngine.Type.Raster:
        return 0.0
    return view.resolution / (2 * device_scale(painter))


def _draw_lines(
    painter: QPainter,
    basemap: Basemap,
    view: Viewport,
    layers: frozenset[str],
    area: QRectF,
    edges: list[PathFeature],
    detail: bool,
    cased: bool,
    tolerance: float,
) -> None:
    """Azawad's hatch and every boundary line; ``cased``: each line with a light
    companion so it stays readable on imagery; ``tolerance``: see drawing_tolerance."""
    painter.save()
    outer = painter.transform()
    to_screen = map_transform(view)
    painter.setTransform(to_screen, True)
    azawad = _visible(basemap.features("azawad"), area) if "azawad" in layers else []
    if azawad:
        # Filled in screen space, so the hatch keeps its spacing at every zoom.
        painter.setTransform(outer)
        for f in azawad:
            paint_hatch(painter, to_screen.map(f.path_within(tolerance)))
        painter.setTransform(to_screen, True)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    admin1 = _visible(basemap.features("mali_admin1"), area) if "mali_admin1" in layers else []
    border = _visible(basemap.features("mali_algeria_border"), area)
    border = border if "mali_algeria_border" in layers else []
    edge_width = 1.0 if cased else 0.9 if detail else 0.6
    if cased:
        # A light 1-pixel line one pixel below-right of each dark one: readable on any
        # imagery at the cost of a second thin line (a wide casing costs ~20x more).
        painter.save()
        painter.setTransform(outer)
        painter.translate(1, 1)
        painter.setTransform(to_screen, True)
        painter.setPen(style.cosmetic_pen(style.HALO_CASING, 1.0))
        for f in admin1 + edges:
            painter.drawPath(f.path_within(tolerance))
        painter.restore()
    painter.setPen(style.cosmetic_pen(style.ADMIN1_EDGE, 0.8, Qt.PenStyle.DashLine))
    for f in admin1:
        painter.drawPath(f.path_within(tolerance))
    painter.setPen(style.cosmetic_pen(style.COUNTRY_EDGE, edge_width))
    for f in edges:
        painter.drawPath(f.path_within(tolerance))
    painter.setPen(style.cosmetic_pen(style.AZAWAD_EDGE, 1.0, Qt.PenStyle.DashLine))
    for f in azawad:
        painter.drawPath(f.path_within(tolerance))
    # The white casing is stroked unsmoothed on screens (its outer edge is soft white on a
    # light map anyway): ~0.35 ms a frame at region scale against ~1.2 ms smoothed. The
    # red line over it stays smooth.
    raster = painter.paintEngine().type() == QPaintEngine.Type.Raster
    for f in border:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not raster)
        painter.setPen(style.cosmetic_pen(style.BORDER_CASING, 5.0))
        painter.drawPath(f.path_within(tolerance))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(style.cosmetic_pen(style.BORDER, 2.6))
        painter.drawPath(f.path_within(tolerance))
    painter.restore()
