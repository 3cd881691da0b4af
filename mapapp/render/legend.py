"""Small swatches of each layer's symbol, for the layer list (and later the legend)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen

from mapapp.render import style
from mapapp.render.basemap import hatch_tile


def layer_swatch(key: str, size: int = 18, scale: float = 1.0) -> QImage:
    image = QImage(
        round(size * scale), round(size * scale), QImage.Format.Format_ARGB32_Premultiplied
    )
    image.setDevicePixelRatio(scale)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    box = QRectF(2, 3, size - 4, size - 6)
    mid = size / 2
    if key == "world_context":
        p.fillRect(box, style.LAND_CONTEXT)
        p.setPen(QPen(style.COUNTRY_EDGE, 0.8))
        p.drawRect(box)
    elif key == "countries_10m":
        p.fillRect(box, style.LAND_FOCUS)
        p.setPen(QPen(style.COUNTRY_EDGE, 1))
        p.drawRect(box)
    elif key == "azawad":
        p.setBrush(QBrush(hatch_tile()))
        p.setPen(QPen(style.AZAWAD_EDGE, 1, Qt.PenStyle.DashLine))
        p.drawRect(box)
    elif key == "mali_admin1":
        p.setPen(QPen(style.ADMIN1_EDGE, 1.2, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(1, mid), QPointF(size - 1, mid))
    elif key == "mali_algeria_border":
        p.setPen(QPen(style.BORDER, 2.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawLine(QPointF(2, mid), QPointF(size - 2, mid))
    elif key == "graticule":
        p.setPen(QPen(QColor(70, 95, 120, 140), 1))
        for t in (size / 3, 2 * size / 3):
            p.drawLine(QPointF(t, 1), QPointF(t, size - 1))
            p.drawLine(QPointF(1, t), QPointF(size - 1, t))
    elif key == "places":
        p.setPen(QPen(style.HALO, 1.2))
        p.setBrush(style.PLACE_DOT)
        p.drawEllipse(QPointF(mid, mid), 3.5, 3.5)
    elif key == "markers":
        p.setPen(QPen(QColor("#ffffff"), 1.5))
        p.setBrush(QColor("#1f5fa8"))
        p.drawEllipse(QPointF(mid, mid), 5.5, 5.5)
    p.end()
    return image
