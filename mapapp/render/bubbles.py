"""Cluster bubbles: a dark disc with the member count, ringed by the members' colours.

Shared by the marker layer's raster frames (cached images) and by SVG/PDF exports (real
paths), so a cluster looks the same in the window and in every file.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from mapapp.render import style

CELL_PX = 44.0  # the clustering grid's cell, in screen pixels
MAX_RADIUS = CELL_PX / 2 - 2  # a bubble (with its white edge) stays inside its cell
BUBBLE_R0, BUBBLE_R_PER_DECADE = 9.0, 3.2  # a bubble's radius grows with log10(members)


def cluster_label(n: int) -> str:
    return f"{n / 1000:.1f}k".replace(".0k", "k") if n >= 1000 else str(n)


def bubble_radius(n: int) -> float:
    return min(BUBBLE_R0 + BUBBLE_R_PER_DECADE * math.log10(max(1, n)), MAX_RADIUS)


def bubble_radii(counts):
    """``bubble_radius`` of a numpy array of counts."""
    import numpy as np

    grown = BUBBLE_R0 + BUBBLE_R_PER_DECADE * np.log10(np.maximum(counts, 1))
    return np.minimum(grown, MAX_RADIUS)


Segments = tuple[tuple[int, int], ...]  # (fill colour as ARGB, members), largest first
RING_PX = 4.0


def paint_bubble(p: QPainter, n: int, centre: QPointF, segments: Segments = ()) -> None:
    """A cluster: a dark disc with the member count, ringed by its members' colours in
    proportion (so a cluster keeps the split by type that its markers would show)."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    _paint_disc(p, centre, bubble_radius(n))
    p.restore()
    _paint_ring_and_count(p, n, centre, segments)


def _paint_disc(p: QPainter, centre: QPointF, radius: float) -> None:
    p.setPen(QPen(QColor(255, 255, 255, 230), 2))
    p.setBrush(QColor(60, 60, 72, 215))
    p.drawEllipse(centre, radius, radius)


def _paint_ring_and_count(p: QPainter, n: int, centre: QPointF, segments: Segments) -> None:
    text = cluster_label(n)
    radius = bubble_radius(n)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    total = sum(m for _, m in segments)
    if total:
        ring = radius - RING_PX / 2 - 1
        box = QRectF(centre.x() - ring, centre.y() - ring, 2 * ring, 2 * ring)
        start = 90 * 16  # from twelve o'clock, clockwise
        for colour, m in segments:
            span = -round(360 * 16 * m / total)
            pen = QPen(QColor.fromRgba(colour), RING_PX)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawArc(box, start, span)
            start += span
    p.setPen(QColor("#ffffff"))
    p.setFont(style.font(10 if len(text) < 4 else 9, bold=True))
    box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
    p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    p.restore()


_DISCS: dict[tuple[float, float], QImage] = {}


def _disc_image(radius: float, scale: float) -> QImage:
    """The antialiased disc of a bubble, drawn once per radius (Qt's antialiased ellipse
    costs ~0.2 ms, ten times the ring's arcs and the count together)."""
    key = (radius, scale)
    image = _DISCS.get(key)
    if image is None:
        side = math.ceil((radius * 2 + 4) * scale)
        image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        image.setDevicePixelRatio(scale)
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = side / scale / 2
        _paint_disc(p, QPointF(c, c), radius)
        p.end()
        _DISCS[key] = image
    return image


def render_bubble(n: int, scale: float, segments: Segments = ()) -> QImage:
    radius = bubble_radius(n)
    side = math.ceil((radius * 2 + 4) * scale)
    img = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    img.setDevicePixelRatio(scale)
    p = QPainter(img)
    c = side / scale / 2
    disc = _disc_image(round(radius * 2) / 2, scale)  # to half a pixel: a few dozen discs
    offset = c - disc.width() / scale / 2
    p.drawImage(QPointF(offset, offset), disc)
    _paint_ring_and_count(p, n, QPointF(c, c), segments)
    p.end()
    return img
