"""Graticule, scale bar, north arrow, attribution and title: drawn in screen pixels."""

from __future__ import annotations

import bisect
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen, QPolygonF

from mapapp.geo.basemap_pack import GRATICULE_STEP
from mapapp.geo.geodesy import format_distance, geodesic_m, nice_length
from mapapp.geo.viewport import Viewport
from mapapp.i18n import format_number, translate
from mapapp.render import style
from mapapp.render.basemap import Basemap
from mapapp.render.labels import LabelPlacer, draw_halo_text, text_size

GRATICULE_STEPS = (0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 15.0, 30.0)
MIN_GRATICULE_PX = 110.0
MARGIN = 12.0


def graticule_step(view: Viewport) -> float:
    deg_per_px = view.resolution / 111_319.49
    for step in GRATICULE_STEPS:
        if step / deg_per_px >= MIN_GRATICULE_PX:
            return step
    return GRATICULE_STEPS[-1]


def _hemisphere(value: float, pos: str, neg: str) -> str:
    text = f"{abs(value):g}°"
    return text + (pos if value > 0 else neg if value < 0 else "")


def draw_graticule(
    painter: QPainter, basemap: Basemap, view: Viewport, placer: LabelPlacer | None
) -> None:
    """Meridians and parallels at a step that keeps them ~110+ px apart, labelled at the
    edge where ``placer`` has room."""
    step = graticule_step(view)
    every = round(step / GRATICULE_STEP)
    x0, y0, x1, y1 = view.bounds()
    pack = basemap.pack
    painter.save()
    painter.setPen(style.cosmetic_pen(style.GRATICULE, 0.8))
    lon_lines = []
    xs = pack.graticule_x
    for i in range(bisect.bisect_left(xs, x0), bisect.bisect_right(xs, x1)):
        if i % every == 0:
            sx, _ = view.map_to_screen(xs[i], 0)
            painter.drawLine(QPointF(sx, 0), QPointF(sx, view.height))
            lon_lines.append((sx, pack.graticule_lons[i]))
    lat_lines = []
    ys = pack.graticule_y
    # parallels at multiples of the step from the equator (the table starts at -85°, which
    # is no multiple of 2°, 10° or 30°)
    equator = round(-pack.graticule_lats[0] / GRATICULE_STEP)
    for i in range(bisect.bisect_left(ys, y0), bisect.bisect_right(ys, y1)):
        if (i - equator) % every == 0:
            _, sy = view.map_to_screen(0, ys[i])
            painter.drawLine(QPointF(0, sy), QPointF(view.width, sy))
            lat_lines.append((sy, pack.graticule_lats[i]))
    if placer is not None:
        f = style.font(10)
        west = translate("map", "W")  # the initial of west: "O" (ouest) in French
        edge = [
            (_hemisphere(lon, "E", west), lambda w, h, sx=sx: QRectF(sx - w / 2, 3, w, h))
            for sx, lon in lon_lines
        ] + [
            (_hemisphere(lat, "N", "S"), lambda w, h, sy=sy: QRectF(4, sy - h - 1, w, h))
            for sy, lat in lat_lines
        ]
        for text, rect_for in edge:
            rect = placer.place([rect_for(*text_size(f, text))])
            if rect is not None:
                draw_halo_text(painter, rect, text, f, style.GRATICULE_TEXT)
    painter.restore()


def scale_bar_length(view: Viewport, max_px: float, basemap: Basemap) -> tuple[float, float, float]:
    """(metres, pixels, latitude) of a scale bar true at the view centre's latitude.

    Mercator scale changes with latitude, so the bar is measured geodesically along the
    parallel through the centre of the view, not taken from the projection's nominal scale.
    """
    cy = view.height / 2
    inverse = basemap.pack.lonlat_at
    lon_a, lat = inverse(*view.screen_to_map(view.width / 2 - max_px / 2, cy))
    lon_b, _ = inverse(*view.screen_to_map(view.width / 2 + max_px / 2, cy))
    ground = geodesic_m(lon_a, lat, lon_b, lat)
    metres = nice_length(ground)
    return metres, max_px * metres / ground if ground > 0 else 0.0, lat


def draw_scale_bar(painter: QPainter, view: Viewport, basemap: Basemap) -> QRectF:
    max_px = min(220.0, view.width * 0.3)
    metres, px, lat = scale_bar_length(view, max_px, basemap)
    if px <= 0:
        return QRectF()
    f = style.font(11)
    small = style.font(9)
    label = format_distance(metres)
    latitude = f"{format_number(abs(lat), 1)}°{'N' if lat >= 0 else 'S'}"
    note = translate("map", "true at {latitude}").format(latitude=latitude)
    lw, lh = text_size(f, label)
    nw, nh = text_size(small, note)
    x = MARGIN + 6
    y = view.height - MARGIN - 10
    box = QRectF(MARGIN, y - lh - 10, max(px + 12, lw + 12, nw + 12), lh + nh + 20)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(style.OVERLAY_BG)
    painter.drawRoundedRect(box, 3, 3)
    half = px / 2
    painter.fillRect(QRectF(x, y - 4, half, 5), style.OVERLAY_TEXT)
    painter.fillRect(QRectF(x + half, y - 4, half, 5), style.HALO)
    painter.setPen(QPen(style.OVERLAY_TEXT, 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(x, y - 4, px, 5))
    painter.setFont(f)
    painter.drawText(QPointF(x, y - 8), label)
    painter.setFont(small)
    painter.setPen(style.GRATICULE_TEXT)
    painter.drawText(QPointF(x, y + nh + 2), note)
    painter.restore()
    return box


def draw_north_arrow(painter: QPainter, view: Viewport) -> QRectF:
    """Web Mercator keeps true north straight up everywhere, so the arrow never turns."""
    cx = view.width - MARGIN - 18
    top = MARGIN + 24
    box = QRectF(cx - 16, top - 6, 32, 52)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(style.OVERLAY_BG)
    painter.drawRoundedRect(box, 3, 3)
    left = QPolygonF([QPointF(cx, top + 14), QPointF(cx - 8, top + 40), QPointF(cx, top + 34)])
    right = QPolygonF([QPointF(cx, top + 14), QPointF(cx + 8, top + 40), QPointF(cx, top + 34)])
    painter.setPen(QPen(style.OVERLAY_TEXT, 1))
    painter.setBrush(style.OVERLAY_TEXT)
    painter.drawPolygon(left)
    painter.setBrush(style.HALO)
    painter.drawPolygon(right)
    f = style.font(12, bold=True)
    w, _ = text_size(f, "N")
    painter.setFont(f)
    painter.drawText(QPointF(cx - w / 2, top + 10), "N")
    painter.restore()
    return box


ATTRIBUTION_FONT_PX = 10


@lru_cache(maxsize=64)
def attribution_lines(parts: tuple[str, ...], max_width: float) -> tuple[str, ...]:
    """The footer's parts joined by " · " and wrapped to ``max_width`` pixels, between
    parts where possible, else between words: a provider's long credit must be
    readable, not cut off at the map's edge. Cached: every frame asks the same."""
    f = style.font(ATTRIBUTION_FONT_PX)

    def fits(text: str) -> bool:
        return text_size(f, text)[0] <= max_width

    lines: list[str] = []
    line = ""
    for part in (p for p in parts if p):
        joined = f"{line} · {part}" if line else part
        if fits(joined):
            line = joined
            continue
        if line:
            lines.append(line + " ·")
        line = ""
        for word in part.split(" "):
            trial = f"{line} {word}" if line else word
            if line and not fits(trial):
                lines.append(line)
                line = word
            else:
                line = trial
    return (*lines, line) if line else tuple(lines)


def attribution_rect(view: Viewport, lines: list[str]) -> QRectF:
    f = style.font(ATTRIBUTION_FONT_PX)
    w = max(text_size(f, line)[0] for line in lines)
    h = text_size(f, "Ag")[1]
    height = h * len(lines) + 4
    return QRectF(view.width - w - 10, view.height - height, w + 10, height)


def draw_attribution(painter: QPainter, view: Viewport, lines: list[str]) -> QRectF:
    box = attribution_rect(view, lines)
    f = style.font(ATTRIBUTION_FONT_PX)
    h = text_size(f, "Ag")[1]
    painter.save()
    painter.fillRect(box, style.OVERLAY_BG)
    painter.setFont(f)
    painter.setPen(style.GRATICULE_TEXT)
    for i, line in enumerate(lines):
        painter.drawText(QRectF(box.left() + 5, box.top() + 2 + i * h, box.width(), h), line)
    painter.restore()
    return box


def draw_title(painter: QPainter, view: Viewport, title: str, subtitle: str = "") -> QRectF:
    tf = style.font(17, bold=True)
    sf = style.font(11)
    tw, th = text_size(tf, title)
    sw, sh = text_size(sf, subtitle) if subtitle else (0.0, 0.0)
    box = QRectF(MARGIN, MARGIN, max(tw, sw) + 20, th + sh + 14)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(style.OVERLAY_BG)
    painter.drawRoundedRect(box, 3, 3)
    painter.setPen(style.OVERLAY_TEXT)
    painter.setFont(tf)
    painter.drawText(QRectF(box.left() + 10, box.top() + 6, tw + 2, th), title)
    if subtitle:
        painter.setFont(sf)
        painter.setPen(style.GRATICULE_TEXT)
        painter.drawText(QRectF(box.left() + 10, box.top() + 8 + th, sw + 2, sh), subtitle)
    painter.restore()
    return box
