"""Greedy label placement: higher-priority labels first, nothing drawn over a placed one."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from mapapp.render import style


class LabelPlacer:
    """Remembers the screen rectangles already taken in one frame."""

    def __init__(self, bounds: QRectF) -> None:
        self.bounds = bounds
        self.taken: list[QRectF] = []

    def reserve(self, rect: QRectF) -> None:
        self.taken.append(rect)

    def free(self, rect: QRectF) -> bool:
        return self.bounds.contains(rect) and not any(rect.intersects(r) for r in self.taken)

    def place(self, candidates: list[QRectF]) -> QRectF | None:
        for rect in candidates:
            if self.free(rect):
                self.taken.append(rect)
                return rect
        return None


def text_size(font: QFont, text: str) -> tuple[float, float]:
    fm = QFontMetricsF(font)
    return fm.horizontalAdvance(text), fm.ascent() + fm.descent()


def point_label_candidates(x: float, y: float, w: float, h: float, gap: float) -> list[QRectF]:
    """Right, left, above, below, then the diagonals of a point symbol."""
    return [
        QRectF(x + gap, y - h / 2, w, h),
        QRectF(x - gap - w, y - h / 2, w, h),
        QRectF(x - w / 2, y - gap - h, w, h),
        QRectF(x - w / 2, y + gap, w, h),
        QRectF(x + gap * 0.7, y - gap * 0.7 - h, w, h),
        QRectF(x + gap * 0.7, y + gap * 0.7, w, h),
        QRectF(x - gap * 0.7 - w, y - gap * 0.7 - h, w, h),
        QRectF(x - gap * 0.7 - w, y + gap * 0.7, w, h),
    ]


def draw_halo_text(
    painter: QPainter, rect: QRectF, text: str, font: QFont, color: QColor, halo: float = 3.0
) -> None:
    """Plain text (never markup) with a white halo so it reads over any fill."""
    fm = QFontMetricsF(font)
    path = QPainterPath()
    path.addText(QPointF(rect.left(), rect.top() + fm.ascent()), font, text)
    if halo > 0:
        pen = QPen(style.HALO, halo)
        pen.setJoinStyle(pen.joinStyle().RoundJoin)
        painter.strokePath(path, pen)
    painter.fillPath(path, color)
