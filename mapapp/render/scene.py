"""The one drawing path: ``render_map`` paints a view state onto any QPainter.

The window, PNG/SVG/PDF exports and the benchmarks all call it, so what is exported is
what is on screen. It reads a ``Viewport`` and ``RenderOptions`` and never a widget.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen

from mapapp.geo.viewport import Viewport
from mapapp.render import style
from mapapp.render.basemap import Basemap, draw_basemap
from mapapp.render.labels import LabelPlacer, draw_halo_text, point_label_candidates, text_size
from mapapp.render.overlays import (
    draw_attribution,
    draw_graticule,
    draw_north_arrow,
    draw_scale_bar,
    draw_title,
)

if TYPE_CHECKING:
    from mapapp.render.markers import MarkerLayer
    from mapapp.render.situation_layer import SituationLayer

# Layer key -> name shown in the layer list, in list order (top of list = drawn last).
LAYERS: dict[str, str] = {
    "markers": "Event markers",
    "places": "Places",
    "mali_algeria_border": "Mali–Algeria border",
    "azawad": "Azawad (2012 claim)",
    "mali_admin1": "Mali regions (admin-1)",
    "graticule": "Graticule",
    "countries_10m": "Countries (1:10m)",
    "world_context": "World (context)",
}
ATTRIBUTION = "Natural Earth (public domain) · GeoNames (CC BY 4.0) · mapapp"

# Place labels appear once the map is closer than this (metres per pixel) for each rank.
RANK_MAX_RESOLUTION = {1: 40_000.0, 2: 12_000.0, 3: 6_000.0}


@dataclass(frozen=True)
class RenderOptions:
    layers: frozenset[str] = field(default_factory=lambda: frozenset(LAYERS))
    scale_bar: bool = True
    north_arrow: bool = True
    attribution: bool = True
    title: str = ""
    subtitle: str = ""
    focus_places: frozenset[str] = frozenset()
    selected_event: str | None = None
    measure: tuple[tuple[float, float], tuple[float, float], str] | None = None


def render_map(
    painter: QPainter,
    view: Viewport,
    basemap: Basemap,
    options: RenderOptions,
    markers: MarkerLayer | None = None,
    situation: SituationLayer | None = None,
) -> list[tuple[str, QRectF]]:
    """Draw the map; returns the text labels placed (text, screen rectangle)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setClipRect(QRectF(0, 0, view.width, view.height))
    painter.fillRect(QRectF(0, 0, view.width, view.height), style.SEA)
    draw_basemap(painter, basemap, view, options.layers)
    placer = LabelPlacer(QRectF(0, 0, view.width, view.height))
    _reserve_overlays(placer, view, options)
    if "graticule" in options.layers:
        draw_graticule(painter, basemap, view, placer)
    show_events = situation is not None and "markers" in options.layers
    if show_events:
        situation.draw_under(painter, view, options.selected_event)
        for rect in situation.marker_rects(view):
            placer.reserve(rect)
    if "places" in options.layers:
        extra = situation.extra_places() if situation is not None else []
        _draw_places(painter, basemap, view, options, placer, extra)
    _draw_area_labels(painter, basemap, view, options, placer)
    if markers is not None and "markers" in options.layers:
        markers.draw(painter, view)
    if show_events:
        situation.draw_markers(painter, view, options.selected_event)
    if options.measure:
        _draw_measure(painter, view, options.measure)
    if options.scale_bar:
        draw_scale_bar(painter, view, basemap)
    if options.north_arrow:
        draw_north_arrow(painter, view)
    if options.attribution:
        draw_attribution(painter, view, ATTRIBUTION)
    if options.title:
        draw_title(painter, view, options.title, options.subtitle)
    painter.restore()
    return placer.labels


def _reserve_overlays(placer: LabelPlacer, view: Viewport, options: RenderOptions) -> None:
    """Keep labels out from under the scale bar, north arrow and attribution."""
    w, h = view.width, view.height
    if options.scale_bar:
        placer.reserve(QRectF(0, h - 70, 250, 70))
    if options.north_arrow:
        placer.reserve(QRectF(w - 60, 0, 60, 90))
    if options.attribution:
        placer.reserve(QRectF(w - 480, h - 22, 480, 22))
    if options.title:
        placer.reserve(QRectF(0, 0, 520, 64))


def _draw_places(
    painter: QPainter,
    basemap: Basemap,
    view: Viewport,
    options: RenderOptions,
    placer: LabelPlacer,
    extra: list[tuple[str, float, float]],
) -> None:
    """Dots for every place in view, labels by rank where they fit, focus places first.
    ``extra``: the situation's own places that the gazetteer lacks (name, x, y)."""
    shown = []
    candidates = [
        (str(f.props.get("name", "")), f.bbox[0], f.bbox[1], int(f.props.get("rank", 3)))
        for f in basemap.places
    ] + [(name, x, y, 1) for name, x, y in extra]
    for name, x, y, place_rank in candidates:
        focus = name in options.focus_places
        rank = 0 if focus else place_rank
        if not focus and view.resolution > RANK_MAX_RESOLUTION.get(rank, 3_000.0) * 1.6:
            continue
        sx, sy = view.map_to_screen(x, y)
        if view.contains_screen(sx, sy):
            shown.append((rank, name, sx, sy, focus))
    shown.sort(key=lambda s: (s[0], s[1]))
    painter.save()
    painter.setPen(QPen(style.HALO, 1.2))
    for _rank, _name, sx, sy, _focus in shown:
        painter.setBrush(style.PLACE_DOT)
        painter.drawEllipse(QPointF(sx, sy), 3.0, 3.0)
        placer.reserve(QRectF(sx - 4, sy - 4, 8, 8))
    for rank, name, sx, sy, focus in shown:
        label_ok = focus or view.resolution <= RANK_MAX_RESOLUTION.get(rank, 3_000.0)
        if not label_ok:
            continue
        f = style.font(13 if focus else 12 if rank == 1 else 11, bold=focus or rank == 1)
        w, h = text_size(f, name)
        rect = placer.place(point_label_candidates(sx, sy, w, h, 12 if focus else 6))
        if rect is not None:
            color = style.FOCUS_MARK.darker(130) if focus else style.PLACE_TEXT
            draw_halo_text(painter, rect, name, f, color)
            placer.labels.append((name, rect))
    painter.restore()


def _spaced(text: str) -> str:
    return " ".join(text.upper())


def _anchors(f, view: Viewport) -> list[tuple[float, float]]:
    """Screen positions of a feature's label anchors in view, best (most central) first."""
    pts = ([f.label] if f.label else []) + list(f.label_candidates)
    cx, cy = view.width / 2, view.height / 2
    shown = []
    for mx, my in pts:
        sx, sy = view.map_to_screen(mx, my)
        if 0 <= sx <= view.width and 0 <= sy <= view.height:
            shown.append((abs(sx - cx) + abs(sy - cy), sx, sy))
    return [(sx, sy) for _, sx, sy in sorted(shown)[:4]]


def _draw_area_labels(
    painter: QPainter, basemap: Basemap, view: Viewport, options: RenderOptions, placer: LabelPlacer
) -> None:
    """Azawad first, then countries, then Mali's regions, each only where it fits."""
    items = []
    if "azawad" in options.layers:
        for f in basemap.features("azawad"):
            items.append(("AZAWAD", f, style.font(15, bold=True), style.AZAWAD_TEXT))
    if "countries_10m" in options.layers or "world_context" in options.layers:
        for f in basemap.features("countries_10m"):
            name = str(f.props.get("name", ""))
            if name and f.bbox.width() / view.resolution > 90:
                items.append((_spaced(name), f, style.font(13), style.COUNTRY_TEXT))
    if "mali_admin1" in options.layers and view.resolution < 4_000:
        for f in basemap.features("mali_admin1"):
            name = str(f.props.get("name", ""))
            if name:
                items.append((name, f, style.font(11, italic=True), style.ADMIN1_EDGE))
    for text, f, font, color in items:
        w, h = text_size(font, text)
        candidates = [
            QRectF(sx - w / 2, sy - h / 2 + dy, w, h)
            for sx, sy in _anchors(f, view)
            for dy in (0.0, -h * 1.5, h * 1.5)
        ]
        placed = placer.place(candidates)
        if placed is not None:
            draw_halo_text(painter, placed, text, font, color, halo=2.5)
            placer.labels.append((text, placed))


def _draw_measure(painter: QPainter, view: Viewport, measure) -> None:
    (ax, ay), (bx, by), label = measure
    a = QPointF(*view.map_to_screen(ax, ay))
    b = QPointF(*view.map_to_screen(bx, by))
    painter.save()
    painter.setPen(QPen(style.HALO, 5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(a, b)
    painter.setPen(QPen(style.MEASURE, 2.5, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(a, b)
    painter.setBrush(style.MEASURE)
    painter.setPen(QPen(style.HALO, 1.5))
    painter.drawEllipse(a, 4, 4)
    painter.drawEllipse(b, 4, 4)
    if label:
        f = style.font(12, bold=True)
        w, h = text_size(f, label)
        mid = (a + b) / 2
        draw_halo_text(painter, QRectF(mid.x() + 8, mid.y() - h - 4, w, h), label, f, style.MEASURE)
    painter.restore()
