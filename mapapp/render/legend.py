"""Legend: a swatch and a label for each symbol the map actually shows.

Swatches are painted straight onto the target painter, so SVG and PDF legends stay
vector; the layer list reuses them as small images.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen

from mapapp.i18n import QT_TRANSLATE_NOOP, translate
from mapapp.render import style
from mapapp.render.basemap import paint_hatch
from mapapp.render.labels import text_size
from mapapp.render.symbols import MarkerStyle, paint_symbol

LABELS: dict[str, str] = {  # in English; legend_label gives them in the interface's language
    "mali_algeria_border": QT_TRANSLATE_NOOP("legend", "Mali–Algeria border (1:10m)"),
    "country_edge": QT_TRANSLATE_NOOP("legend", "International border"),
    "azawad": QT_TRANSLATE_NOOP("legend", "Azawad, claimed by separatists in 2012"),
    "mali_admin1": QT_TRANSLATE_NOOP("legend", "Mali region (admin-1) boundary"),
    "places": QT_TRANSLATE_NOOP("legend", "Place"),
    "graticule": QT_TRANSLATE_NOOP("legend", "Graticule"),
    "ring": QT_TRANSLATE_NOOP("legend", "Event location 'near' a place (drawn radius)"),
    "area": QT_TRANSLATE_NOOP("legend", "Area of the selected region-level event"),
    "cluster": QT_TRANSLATE_NOOP("legend", "Cluster of events (count; ring: share of each colour)"),
    "density": QT_TRANSLATE_NOOP("legend", "Events per square (light: one; dark: the most)"),
}


def legend_label(key: str) -> str:
    return translate("legend", LABELS[key])


ROW_H = 20.0
SWATCH = 18.0
PAD = 8.0


def paint_swatch(p: QPainter, key: str, rect: QRectF, marker: MarkerStyle | None = None) -> None:
    """One legend symbol inside ``rect``."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    c = rect.center()
    box = rect.adjusted(2, 3, -2, -3)
    if marker is not None:
        paint_symbol(p, marker, c, min(rect.width(), rect.height()) - 4)
    elif key == "world_context":
        p.fillRect(box, style.LAND_CONTEXT)
        p.setPen(QPen(style.COUNTRY_EDGE, 0.8))
        p.drawRect(box)
    elif key == "countries_10m":
        p.fillRect(box, style.LAND_FOCUS)
        p.setPen(QPen(style.COUNTRY_EDGE, 1))
        p.drawRect(box)
    elif key == "country_edge":
        p.setPen(QPen(style.COUNTRY_EDGE, 1))
        p.drawLine(QPointF(rect.left() + 1, c.y()), QPointF(rect.right() - 1, c.y()))
    elif key == "azawad":
        p.setPen(Qt.PenStyle.NoPen)
        paint_hatch(p, box)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(style.AZAWAD_EDGE, 1, Qt.PenStyle.DashLine))
        p.drawRect(box)
    elif key == "mali_admin1":
        p.setPen(QPen(style.ADMIN1_EDGE, 1.2, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(rect.left() + 1, c.y()), QPointF(rect.right() - 1, c.y()))
    elif key == "mali_algeria_border":
        p.setPen(QPen(style.BORDER, 2.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawLine(QPointF(rect.left() + 2, c.y()), QPointF(rect.right() - 2, c.y()))
    elif key == "graticule":
        p.setPen(QPen(QColor(70, 95, 120, 140), 1))
        for t in (1 / 3, 2 / 3):
            x = rect.left() + rect.width() * t
            y = rect.top() + rect.height() * t
            p.drawLine(QPointF(x, rect.top() + 1), QPointF(x, rect.bottom() - 1))
            p.drawLine(QPointF(rect.left() + 1, y), QPointF(rect.right() - 1, y))
    elif key == "places":
        p.setPen(QPen(style.HALO, 1.2))
        p.setBrush(style.PLACE_DOT)
        p.drawEllipse(c, 3.5, 3.5)
    elif key == "ring":
        p.setPen(QPen(QColor(217, 72, 15, 170), 1, Qt.PenStyle.DashLine))
        p.setBrush(QColor(217, 72, 15, 28))
        p.drawEllipse(c, rect.width() / 2 - 1, rect.height() / 2 - 1)
    elif key == "area":
        p.setPen(QPen(QColor("#1f5fa8"), 2))
        p.setBrush(QBrush(QColor(31, 95, 168, 40)))
        p.drawRect(box)
    elif key == "cluster":
        p.setPen(QPen(QColor(255, 255, 255, 230), 1.5))
        p.setBrush(QColor(60, 60, 72, 215))
        p.drawEllipse(c, rect.height() / 2 - 1, rect.height() / 2 - 1)
    elif key == "density":
        from mapapp.render.density import density_swatch_colours

        light, dark = density_swatch_colours()
        p.setPen(Qt.PenStyle.NoPen)
        half = box.width() / 2
        p.fillRect(QRectF(box.left(), box.top(), half, box.height()), light)
        p.fillRect(QRectF(box.left() + half, box.top(), half, box.height()), dark)
    elif key == "markers":
        p.setPen(QPen(QColor("#ffffff"), 1.5))
        p.setBrush(QColor("#1f5fa8"))
        p.drawEllipse(c, 5.5, 5.5)
    p.restore()


def layer_swatch(key: str, size: int = 18, scale: float = 1.0) -> QImage:
    """A swatch as an image, for the layer list."""
    side = round(size * scale)
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    paint_swatch(p, key, QRectF(0, 0, size, size))
    p.end()
    return image


def legend_size(entries: list[tuple[str, str, MarkerStyle | None]]) -> tuple[float, float]:
    f = style.font(11)
    width = max((text_size(f, label)[0] for _, label, _ in entries), default=0.0)
    title_w = text_size(style.font(11, bold=True), "Legend")[0]
    return max(width, title_w) + SWATCH + 3 * PAD, (len(entries) + 1) * ROW_H + PAD * 1.5


def draw_legend(
    p: QPainter, rect: QRectF, entries: list[tuple[str, str, MarkerStyle | None]]
) -> None:
    p.save()
    p.setPen(QPen(QColor(0, 0, 0, 40), 1))
    p.setBrush(style.OVERLAY_BG)
    p.drawRoundedRect(rect, 3, 3)
    p.setPen(style.OVERLAY_TEXT)
    p.setFont(style.font(11, bold=True))
    p.drawText(
        QRectF(rect.left() + PAD, rect.top() + 4, rect.width(), ROW_H),
        translate("legend", "Legend"),
    )
    p.setFont(style.font(11))
    y = rect.top() + 4 + ROW_H
    for key, label, marker in entries:
        paint_swatch(p, key, QRectF(rect.left() + PAD, y + 1, SWATCH, SWATCH), marker)
        p.setPen(style.OVERLAY_TEXT)
        text_rect = QRectF(rect.left() + 2 * PAD + SWATCH, y, rect.width(), ROW_H)
        p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, label)
        y += ROW_H
    p.restore()
