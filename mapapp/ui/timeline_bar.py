"""The timeline's bar: the histogram of events per bin, stacked by type, and the time
window over it, which a drag moves or resizes."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from mapapp.model.timeline import Histogram

EDGE_PX = 6  # grab the window's edge within this many pixels to resize it
AXIS_PX = 16
WINDOW_FILL = QColor(31, 95, 168, 50)
WINDOW_EDGE = QColor("#1f5fa8")


class TimelineBar(QWidget):
    """The histogram and the window over it; a drag moves or resizes the window, a click
    elsewhere centres it there."""

    dragged = Signal(int, int)  # first, last day

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(70)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.hist: Histogram | None = None
        self.colours: list[QColor] = []
        self.window: tuple[int, int] | None = None
        self._image: QImage | None = None
        self._drag: tuple[str, float, int, int] | None = None

    # geometry ----------------------------------------------------------------
    def span(self) -> tuple[int, int]:
        if self.hist is None or len(self.hist.edges) < 2:
            return 0, 1
        return int(self.hist.edges[0]), int(self.hist.edges[-1])

    def x_of(self, day: float) -> float:
        lo, hi = self.span()
        return (day - lo) / max(hi - lo, 1) * self.width()

    def day_at(self, x: float) -> int:
        lo, hi = self.span()
        return round(lo + x / max(self.width(), 1) * (hi - lo))

    def window_rect(self) -> QRectF | None:
        if self.window is None:
            return None
        x0, x1 = self.x_of(self.window[0]), self.x_of(self.window[1] + 1)
        return QRectF(x0, 0, max(x1 - x0, 2.0), self.height() - AXIS_PX)

    # content -------------------------------------------------------------------
    def set_histogram(self, hist: Histogram, colours: list[QColor]) -> None:
        self.hist, self.colours, self._image = hist, colours, None
        self.update()

    def set_window(self, window: tuple[int, int] | None) -> None:
        self.window = window
        self.update()

    def resizeEvent(self, event) -> None:
        self._image = None
        super().resizeEvent(event)

    def _bars(self) -> QImage:
        """The stacked bars, drawn once per histogram and size; bins narrower than a pixel
        are summed into the pixel column they fall in."""
        import numpy as np

        w, h = max(self.width(), 1), max(self.height() - AXIS_PX, 1)
        img = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(QColor("#fbfbfa"))
        hist = self.hist
        if hist is None or hist.counts.size == 0:
            return img
        counts = hist.counts.astype(np.float64)
        edges = hist.edges
        x0 = np.array([self.x_of(d) for d in edges[:-1]])
        x1 = np.array([self.x_of(d) for d in edges[1:]])
        cols = np.clip(x0.astype(int), 0, w - 1)
        if len(counts) > w:  # sum the bins of each pixel column
            summed = np.zeros((w, counts.shape[1]))
            np.add.at(summed, cols, counts)
            counts, x0, x1 = summed, np.arange(w, dtype=float), np.arange(1, w + 1, dtype=float)
        top = counts.sum(axis=1).max() or 1.0
        p = QPainter(img)
        p.setPen(Qt.PenStyle.NoPen)
        for b in range(len(counts)):
            y = float(h)
            for t in range(counts.shape[1]):
                n = counts[b, t]
                if n <= 0:
                    continue
                bar = n / top * (h - 4)
                p.setBrush(self.colours[t])
                p.drawRect(QRectF(x0[b], y - bar, max(x1[b] - x0[b] - 0.5, 0.8), bar))
                y -= bar
        p.end()
        return img

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._image is None or self._image.width() != self.width():
            self._image = self._bars()
        p = QPainter(self)
        p.drawImage(0, 0, self._image)
        self._draw_axis(p)
        rect = self.window_rect()
        if rect is not None:
            p.setBrush(WINDOW_FILL)
            p.setPen(QPen(WINDOW_EDGE, 2))
            p.drawRect(rect)
        if self.hasFocus():
            p.setPen(QPen(QColor("#1f5fa8"), 1, Qt.PenStyle.DotLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(0.5, 0.5, self.width() - 1, self.height() - 1))
        p.end()

    def _draw_axis(self, p: QPainter) -> None:
        """Year ticks (or months when the span is short), labelled where they fit."""
        from datetime import date

        from mapapp.model.events_table import EPOCH

        lo, hi = self.span()
        y = self.height() - AXIS_PX
        p.setPen(QColor("#555"))
        p.drawLine(QPointF(0, y), QPointF(self.width(), y))
        d0, d1 = EPOCH.toordinal() + lo, EPOCH.toordinal() + hi
        first, last = date.fromordinal(d0), date.fromordinal(d1)
        years = last.year - first.year
        ticks = []
        if years >= 2:
            step = max(1, years // max(self.width() // 60, 1))
            for year in range(first.year + 1, last.year + 1, step):
                ticks.append((date(year, 1, 1), str(year)))
        else:
            m = first.year * 12 + first.month
            while True:
                m += 1
                d = date((m - 1) // 12, (m - 1) % 12 + 1, 1)
                if d > last:
                    break
                ticks.append((d, d.strftime("%Y-%m")))
        last_x = -1e9
        for d, text in ticks:
            x = self.x_of(d.toordinal() - EPOCH.toordinal())
            p.drawLine(QPointF(x, y), QPointF(x, y + 4))
            if x - last_x > 56:
                p.drawText(QRectF(x + 2, y + 1, 60, AXIS_PX - 1), text)
                last_x = x

    # mouse ---------------------------------------------------------------------
    def _part_at(self, x: float) -> str:
        rect = self.window_rect()
        if rect is None:
            return "outside"
        if abs(x - rect.left()) <= EDGE_PX:
            return "left"
        if abs(x - rect.right()) <= EDGE_PX:
            return "right"
        return "inside" if rect.left() < x < rect.right() else "outside"

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.hist is None:
            return
        x = event.position().x()
        part = self._part_at(x)
        if part == "outside":  # centre the window (or a new one) on the click
            first, last = self.window or self.default_window()
            half = (last - first) // 2
            day = self.day_at(x)
            self.dragged.emit(day - half, day - half + (last - first))
            part = "inside"
        first, last = self.window or self.default_window()
        self._drag = (part, x, first, last)

    def default_window(self) -> tuple[int, int]:
        lo, hi = self.span()
        length = max(7, (hi - lo) // 20)
        return hi - length, hi - 1

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        if self._drag is None:
            part = self._part_at(x)
            edge = part in ("left", "right")
            self.setCursor(
                Qt.CursorShape.SizeHorCursor
                if edge
                else Qt.CursorShape.OpenHandCursor
                if part == "inside"
                else Qt.CursorShape.ArrowCursor
            )
            return
        part, x0, first, last = self._drag
        shift = self.day_at(x) - self.day_at(x0)
        if part == "inside":
            self.dragged.emit(first + shift, last + shift)
        elif part == "left":
            self.dragged.emit(min(first + shift, last), last)
        else:
            self.dragged.emit(first, max(last + shift, first))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag = None
