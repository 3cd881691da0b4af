"""The basemap as QPainterPaths in map metres, built once from the pre-projected pack."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import shiboken6
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPolygonF, QTransform

from mapapp.geo.basemap_pack import PACK_NAME, BasemapPack, PackedFeature, load_pack
from mapapp.geo.viewport import Viewport
from mapapp.render import style
from mapapp.resources_path import geodata_dir

# Above this many metres per pixel the 10m countries add nothing the context layer lacks.
DETAIL_MAX_RESOLUTION = 12_000.0


@dataclass(frozen=True)
class PathFeature:
    props: dict
    path: QPainterPath
    bbox: QRectF
    label: tuple[float, float] | None


def ring_polygon(pack: BasemapPack, start: int, count: int) -> QPolygonF:
    """Copy one ring from the pack's float64 buffer straight into a QPolygonF."""
    poly = QPolygonF()
    poly.resize(count)
    dst = memoryview(shiboken6.VoidPtr(poly.data(), count * 16, True)).cast("B")
    dst[:] = pack.ring_bytes(start, count)
    return poly


def _feature_path(pack: BasemapPack, feat: PackedFeature, closed: bool) -> PathFeature:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for start, count in feat.rings:
        path.addPolygon(ring_polygon(pack, start, count))
        if closed:
            path.closeSubpath()
    x0, y0, x1, y1 = feat.bbox
    return PathFeature(feat.props, path, QRectF(x0, y0, x1 - x0, y1 - y0), feat.label)


class Basemap:
    """Paths per layer, plus the graticule tables, from one basemap pack."""

    def __init__(self, pack: BasemapPack) -> None:
        self.pack = pack
        self.layers: dict[str, list[PathFeature]] = {}
        for name, feats in pack.layers.items():
            closed = name not in ("mali_algeria_border", "places")
            if name == "places":
                continue
            self.layers[name] = [_feature_path(pack, f, closed) for f in feats]
        self.places = pack.layers.get("places", [])

    def features(self, layer: str) -> list[PathFeature]:
        return self.layers.get(layer, [])


@cache
def default_basemap() -> Basemap:
    return Basemap(load_pack(geodata_dir() / PACK_NAME))


def map_transform(view: Viewport) -> QTransform:
    """Map metres (y up) -> device pixels (y down) for ``view``."""
    k = 1.0 / view.resolution
    return QTransform(k, 0, 0, -k, view.width / 2 - view.cx * k, view.height / 2 + view.cy * k)


def _visible(features: list[PathFeature], area: QRectF) -> list[PathFeature]:
    return [f for f in features if f.bbox.intersects(area)]


def draw_basemap(
    painter: QPainter, basemap: Basemap, view: Viewport, layers: frozenset[str]
) -> None:
    """Fills and lines of every visible layer, in map coordinates, bottom to top."""
    x0, y0, x1, y1 = view.bounds()
    area = QRectF(x0, y0, x1 - x0, y1 - y0)
    painter.save()
    painter.setTransform(map_transform(view), True)
    painter.setPen(Qt.PenStyle.NoPen)
    if "world_context" in layers:
        painter.setBrush(style.LAND_CONTEXT)
        for f in _visible(basemap.features("world_context"), area):
            painter.drawPath(f.path)
    detail = "countries_10m" in layers and view.resolution <= DETAIL_MAX_RESOLUTION
    countries = _visible(basemap.features("countries_10m"), area) if detail else []
    for f in countries:
        painter.setBrush(style.LAND_FOCUS if f.props.get("iso_a3") == "MLI" else style.LAND)
        painter.drawPath(f.path)
    azawad = _visible(basemap.features("azawad"), area) if "azawad" in layers else []
    for f in azawad:
        painter.setBrush(style.AZAWAD_FILL)
        painter.drawPath(f.path)
        hatch = QBrush(style.AZAWAD_HATCH, Qt.BrushStyle.BDiagPattern)
        # Keep the hatch spacing in pixels whatever the zoom.
        hatch.setTransform(painter.transform().inverted()[0])
        painter.setBrush(hatch)
        painter.drawPath(f.path)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if "mali_admin1" in layers:
        painter.setPen(style.cosmetic_pen(style.ADMIN1_EDGE, 0.8, Qt.PenStyle.DashLine))
        for f in _visible(basemap.features("mali_admin1"), area):
            painter.drawPath(f.path)
    if detail:
        painter.setPen(style.cosmetic_pen(style.COUNTRY_EDGE, 0.9))
        for f in countries:
            painter.drawPath(f.path)
    elif "world_context" in layers:
        painter.setPen(style.cosmetic_pen(style.COUNTRY_EDGE, 0.6))
        for f in _visible(basemap.features("world_context"), area):
            painter.drawPath(f.path)
    for f in azawad:
        painter.setPen(style.cosmetic_pen(style.AZAWAD_EDGE, 1.5, Qt.PenStyle.DashLine))
        painter.drawPath(f.path)
    if "mali_algeria_border" in layers:
        for f in _visible(basemap.features("mali_algeria_border"), area):
            painter.setPen(style.cosmetic_pen(style.BORDER_CASING, 5.0))
            painter.drawPath(f.path)
            painter.setPen(style.cosmetic_pen(style.BORDER, 2.6))
            painter.drawPath(f.path)
    painter.restore()
