"""Marker symbols: a shape drawn once into an antialiased image, then blitted."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF

SYMBOL_PX = 14.0
SHAPES = ("circle", "square", "diamond", "triangle", "star")


@dataclass(frozen=True)
class MarkerStyle:
    shape: str = "circle"
    fill: QColor = field(default_factory=lambda: QColor("#1f5fa8"))
    edge: QColor = field(default_factory=lambda: QColor("#ffffff"))
    size: float = SYMBOL_PX


def symbol_path(shape: str, size: float) -> QPainterPath:
    r = size / 2
    path = QPainterPath()
    if shape == "square":
        path.addRect(QRectF(-r * 0.85, -r * 0.85, r * 1.7, r * 1.7))
    elif shape == "diamond":
        path.addPolygon(QPolygonF([QPointF(0, -r), QPointF(r, 0), QPointF(0, r), QPointF(-r, 0)]))
        path.closeSubpath()
    elif shape == "triangle":
        path.addPolygon(QPolygonF([QPointF(0, -r), QPointF(r, r * 0.8), QPointF(-r, r * 0.8)]))
        path.closeSubpath()
    elif shape == "star":
        pts = []
        for i in range(10):
            a = -math.pi / 2 + i * math.pi / 5
            rr = r if i % 2 == 0 else r * 0.45
            pts.append(QPointF(rr * math.cos(a), rr * math.sin(a)))
        path.addPolygon(QPolygonF(pts))
        path.closeSubpath()
    else:
        path.addEllipse(QPointF(0, 0), r * 0.8, r * 0.8)
    return path


def paint_symbol(p: QPainter, ms: MarkerStyle, centre: QPointF, size: float | None = None) -> None:
    """The symbol as vector paths (SVG, PDF, legends)."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.translate(centre)
    p.setPen(QPen(ms.edge, 1.5))
    p.setBrush(ms.fill)
    p.drawPath(symbol_path(ms.shape, size or ms.size))
    p.restore()


def render_symbol(ms: MarkerStyle, scale: float = 1.0) -> QImage:
    """One antialiased symbol image, drawn once and then blitted for every marker."""
    side = math.ceil((ms.size + 4) * scale)
    img = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    img.setDevicePixelRatio(scale)
    p = QPainter(img)
    paint_symbol(p, ms, QPointF(side / scale / 2, side / scale / 2))
    p.end()
    return img
