"""Colours, pens and fonts of the map: one place, so screen and exports match."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPen

SEA = QColor("#c6d8e3")
LAND_CONTEXT = QColor("#e6e1d6")
LAND = QColor("#ece8de")
LAND_FOCUS = QColor("#f8f6f0")  # Mali, the country the situation is about
COUNTRY_EDGE = QColor("#7f7b72")
ADMIN1_EDGE = QColor("#9d978a")
AZAWAD_FILL = QColor(214, 128, 40, 38)
AZAWAD_HATCH = QColor(190, 104, 26, 80)
# Lines wider than 1 px leave Qt's fast cosmetic path (~25x slower): keep edges at 1 px.
AZAWAD_EDGE = QColor("#a04f0c")
BORDER = QColor("#b5135a")
# Opaque: Qt strokes opaque lines several times faster than translucent ones.
BORDER_CASING = QColor(255, 255, 255)
GRATICULE = QColor(70, 95, 120, 60)
GRATICULE_TEXT = QColor("#52677a")
PLACE_DOT = QColor("#2b2b2b")
PLACE_TEXT = QColor("#1f1f1f")
HALO = QColor(255, 255, 255, 230)
HALO_CASING = QColor(250, 250, 247)  # beside boundary lines drawn over tile imagery; opaque
FOCUS_MARK = QColor("#e8553a")
COUNTRY_TEXT = QColor(95, 90, 80, 150)
AZAWAD_TEXT = QColor(150, 75, 10, 200)
OVERLAY_TEXT = QColor("#1f1f1f")
OVERLAY_BG = QColor(255, 255, 255, 200)
MEASURE = QColor("#1565c0")
SELECTION = QColor("#ffb300")

FONT_FAMILY = "DejaVu Sans"


def cosmetic_pen(color: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    """A pen whose width stays in pixels under the map transform."""
    pen = QPen(color, width, style)
    pen.setCosmetic(True)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


@cache
def font(point_px: float, bold: bool = False, italic: bool = False) -> QFont:
    """Shared between calls (a frame asks for the same few fonts a hundred times): copy
    it before changing it."""
    f = QFont(FONT_FAMILY)
    f.setPixelSize(max(1, round(point_px)))
    f.setBold(bold)
    f.setItalic(italic)
    return f


# Claim status badges: warm for self-reported/unverified, red for disputed/misleading.
STATUS_COLOURS = {
    "self_reported": "#8d6e00",
    "unverified": "#b45309",
    "alleged": "#9a3412",
    "estimate": "#4b5563",
    "disputed": "#b91c1c",
    "confirmed": "#15803d",
    "misleading": "#7f1d1d",
}
