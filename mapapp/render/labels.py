"""Greedy label placement: higher-priority labels first, nothing drawn over a placed one."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPen,
)

from mapapp.render import style

BUCKET_PX = 64.0


class LabelPlacer:
    """Remembers the screen rectangles already taken in one frame, in 64-px buckets, so a
    frame with thousands of markers still checks each label against its neighbours only."""

    def __init__(self, bounds: QRectF) -> None:
        self.bounds = bounds
        self.taken: list[QRectF] = []
        self.labels: list[tuple[str, QRectF]] = []  # what was drawn, for callers and tests
        self._buckets: dict[tuple[int, int], list[QRectF]] = {}

    def _keys(self, rect: QRectF):
        x0, x1 = math.floor(rect.left() / BUCKET_PX), math.floor(rect.right() / BUCKET_PX)
        y0, y1 = math.floor(rect.top() / BUCKET_PX), math.floor(rect.bottom() / BUCKET_PX)
        return ((x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1))

    def reserve(self, rect: QRectF) -> None:
        self.taken.append(rect)
        for key in self._keys(rect):
            self._buckets.setdefault(key, []).append(rect)

    def free(self, rect: QRectF) -> bool:
        if not self.bounds.contains(rect):
            return False
        empty: list[QRectF] = []
        return not any(
            rect.intersects(r) for key in self._keys(rect) for r in self._buckets.get(key, empty)
        )

    def place(self, candidates: list[QRectF]) -> QRectF | None:
        for rect in candidates:
            if self.free(rect):
                self.reserve(rect)
                return rect
        return None


def text_size(font: QFont, text: str) -> tuple[float, float]:
    """Remembered: every frame measures the same names again (~10 µs each)."""
    key = (font.key(), text)
    size = _SIZE_CACHE.get(key)
    if size is None:
        if len(_SIZE_CACHE) > 8000:
            _SIZE_CACHE.clear()
        fm = QFontMetricsF(font)
        size = _SIZE_CACHE[key] = (fm.horizontalAdvance(text), fm.ascent() + fm.descent())
    return size


_SIZE_CACHE: dict[tuple[str, str], tuple[float, float]] = {}


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
    """Plain text (never markup) with a white halo so it reads over any fill.

    On raster devices each label is drawn once into a cached image and then blitted
    (stroking glyph outlines costs ~0.2 ms a label); vector devices get real paths.
    """
    if painter.paintEngine().type() != QPaintEngine.Type.Raster:
        _paint_halo_text(
            painter, QPointF(rect.left(), rect.top()), text, font, color, halo, as_text=True
        )
        return
    scale = device_scale(painter)
    key = (text, font.key(), color.rgba(), halo, scale)
    image = _LABEL_CACHE.get(key)
    if image is None:
        if len(_LABEL_CACHE) > 4000:
            _LABEL_CACHE.clear()
        image = _LABEL_CACHE[key] = _render_label(text, font, color, halo, scale)
    pad = halo + 1
    painter.drawImage(QPointF(rect.left() - pad, rect.top() - pad), image)


_LABEL_CACHE: dict[tuple, QImage] = {}


def device_scale(painter: QPainter) -> float:
    """Device pixels per logical pixel: hi-DPI ratio times any scale set on the painter."""
    t = painter.worldTransform()
    ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
    return round(max(1.0, ratio * math.hypot(t.m11(), t.m12())), 3)


def _paint_halo_text(
    painter: QPainter,
    top_left: QPointF,
    text: str,
    font: QFont,
    color: QColor,
    halo: float,
    as_text: bool = False,
) -> None:
    """The halo is stroked glyph outlines; ``as_text`` draws the letters as real text on
    top, so labels in a PDF or SVG can be searched and copied."""
    fm = QFontMetricsF(font)
    baseline = QPointF(top_left.x(), top_left.y() + fm.ascent())
    path = QPainterPath()
    path.addText(baseline, font, text)
    if halo > 0:
        pen = QPen(style.HALO, halo)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.strokePath(path, pen)
    if as_text:
        painter.save()
        painter.setFont(font)
        painter.setPen(color)
        painter.drawText(baseline, text)
        painter.restore()
    else:
        painter.fillPath(path, color)


def _render_label(text: str, font: QFont, color: QColor, halo: float, scale: float) -> QImage:
    """The halo is the text drawn in white at eight offsets around it: Qt draws text from
    its glyph cache, ~3x faster than stroking the glyph outlines, which a fresh process
    (every snapshot) pays for each of its labels; side by side the two look the same."""
    w, h = text_size(font, text)
    pad = halo + 1
    image = QImage(
        math.ceil((w + 2 * pad) * scale),
        math.ceil((h + 2 * pad) * scale),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.setDevicePixelRatio(scale)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    p.setFont(font)
    baseline = QPointF(pad, pad + QFontMetricsF(font).ascent())
    if halo > 0:
        p.setPen(style.HALO)
        for dx, dy in _halo_offsets(halo / 2):
            p.drawText(baseline + QPointF(dx, dy), text)
    p.setPen(color)
    p.drawText(baseline, text)
    p.end()
    return image


def _halo_offsets(radius: float) -> list[tuple[float, float]]:
    return [
        (radius * math.cos(k * math.pi / 4), radius * math.sin(k * math.pi / 4)) for k in range(8)
    ]
