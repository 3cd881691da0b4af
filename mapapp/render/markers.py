"""A marker layer built for 100,000 points: numpy culling, grid clusters, cached symbols.

Every frame bins the visible markers into a screen grid anchored to map coordinates
(so clusters do not jump while panning). A cell with one marker draws its symbol, a
cell with more draws one cluster bubble. Drawing cost is bounded by the number of
cells, not markers, and the same cells are the hit-test index for clicks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from mapapp.geo.viewport import Viewport
from mapapp.render import style
from mapapp.render.symbols import SYMBOL_PX, MarkerStyle, render_symbol

CELL_PX = 36.0


@dataclass(frozen=True)
class MarkerHit:
    """What a click at a pixel hit: one marker (``index``) or a cluster (``members``)."""

    index: int | None
    members: tuple[int, ...]
    sx: float
    sy: float


def cluster_label(n: int) -> str:
    return f"{n / 1000:.1f}k".replace(".0k", "k") if n >= 1000 else str(n)


class MarkerLayer:
    """Points in map metres with a style index each; draws clustered, answers clicks."""

    def __init__(
        self,
        x: np.ndarray,
        y: np.ndarray,
        style_index: np.ndarray | None = None,
        styles: list[MarkerStyle] | None = None,
    ) -> None:
        self.x = np.ascontiguousarray(x, dtype=np.float64)
        self.y = np.ascontiguousarray(y, dtype=np.float64)
        n = len(self.x)
        self.style_index = (
            np.zeros(n, np.int32) if style_index is None else np.asarray(style_index, np.int32)
        )
        self.styles = styles or [MarkerStyle()]
        self.visible = np.ones(n, bool)  # filters switch markers off here
        self._symbols: dict[tuple[int, float], QImage] = {}
        self._bubbles: dict[tuple[str, float], QImage] = {}
        self._frame: _Frame | None = None

    def __len__(self) -> int:
        return len(self.x)

    def _symbol(self, i: int, scale: float) -> QImage:
        key = (i, scale)
        if key not in self._symbols:
            self._symbols[key] = render_symbol(self.styles[i], scale)
        return self._symbols[key]

    def _bubble(self, n: int, scale: float) -> QImage:
        text = cluster_label(n)
        key = (text, scale)
        if key not in self._bubbles:
            self._bubbles[key] = _render_bubble(text, bubble_radius(n), scale)
        return self._bubbles[key]

    def draw(self, painter: QPainter, view: Viewport, selected: int | None = None) -> None:
        frame = _bin(self, view)
        self._frame = frame
        scale = max(1.0, painter.device().devicePixelRatioF()) * _painter_scale(painter)
        for k in range(len(frame.sx)):
            sx, sy = frame.sx[k], frame.sy[k]
            if frame.single[k] >= 0:
                img = self._symbol(int(self.style_index[frame.single[k]]), scale)
            else:
                img = self._bubble(int(frame.count[k]), scale)
            w = img.width() / scale
            painter.drawImage(QRectF(sx - w / 2, sy - w / 2, w, w), img)
        if selected is not None and 0 <= selected < len(self.x):
            sx, sy = view.map_to_screen(self.x[selected], self.y[selected])
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(style.SELECTION, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(sx, sy), 12, 12)
            img = self._symbol(int(self.style_index[selected]), scale)
            w = img.width() / scale
            painter.drawImage(QRectF(sx - w / 2, sy - w / 2, w, w), img)
            painter.restore()

    def hit_test(self, view: Viewport, px: float, py: float) -> MarkerHit | None:
        """The marker or cluster drawn under pixel (px, py) in the last frame of ``view``."""
        frame = self._frame if self._frame and self._frame.view == view else _bin(self, view)
        if len(frame.sx) == 0:
            return None
        d2 = (frame.sx - px) ** 2 + (frame.sy - py) ** 2
        k = int(np.argmin(d2))
        radius = SYMBOL_PX / 2 + 3 if frame.single[k] >= 0 else bubble_radius(frame.count[k]) + 2
        if d2[k] > radius * radius:
            return None
        if frame.single[k] >= 0:
            i = int(frame.single[k])
            return MarkerHit(i, (i,), float(frame.sx[k]), float(frame.sy[k]))
        members = frame.index[frame.cell == frame.keys[k]]
        return MarkerHit(
            None, tuple(int(m) for m in members), float(frame.sx[k]), float(frame.sy[k])
        )


@dataclass
class _Frame:
    view: Viewport
    index: np.ndarray  # visible marker indices
    cell: np.ndarray  # their cell keys
    keys: np.ndarray  # drawn cells
    count: np.ndarray
    single: np.ndarray  # marker index of one-marker cells, else -1
    sx: np.ndarray  # drawn position (cluster: mean of members)
    sy: np.ndarray


def _bin(layer: MarkerLayer, view: Viewport) -> _Frame:
    pad = CELL_PX * view.resolution
    x0, y0, x1, y1 = view.bounds()
    x, y = layer.x, layer.y
    mask = layer.visible & (x >= x0 - pad) & (x <= x1 + pad) & (y >= y0 - pad) & (y <= y1 + pad)
    index = np.flatnonzero(mask)
    empty = np.zeros(0)
    if len(index) == 0:
        e = np.zeros(0, np.int64)
        return _Frame(view, index, e, e, e, e, empty, empty)
    vx, vy = x[index], y[index]
    cell_m = CELL_PX * view.resolution
    gx = np.floor(vx / cell_m).astype(np.int64)
    gy = np.floor(vy / cell_m).astype(np.int64)
    gx -= gx.min()
    gy -= gy.min()
    ncols = int(gx.max()) + 1
    cell = gy * ncols + gx
    count = np.bincount(cell)
    keys = np.flatnonzero(count)
    count = count[keys]
    k = 1.0 / view.resolution
    sx_all = (vx - view.cx) * k + view.width / 2
    sy_all = (view.cy - vy) * k + view.height / 2
    sx = np.bincount(cell, weights=sx_all)[keys] / count
    sy = np.bincount(cell, weights=sy_all)[keys] / count
    idx_sum = np.bincount(cell, weights=index.astype(np.float64))[keys]
    single = np.where(count == 1, idx_sum, -1).astype(np.int64)
    return _Frame(view, index, cell, keys, count, single, sx, sy)


def bubble_radius(n: int) -> float:
    return 9.0 + 3.2 * math.log10(max(1, n))


def _painter_scale(painter: QPainter) -> float:
    t = painter.worldTransform()
    return max(1.0, math.hypot(t.m11(), t.m12()))


def _render_bubble(text: str, radius: float, scale: float) -> QImage:
    side = math.ceil((radius * 2 + 4) * scale)
    img = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    img.setDevicePixelRatio(scale)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    c = side / scale / 2
    p.setPen(QPen(QColor(255, 255, 255, 230), 2))
    p.setBrush(QColor(60, 60, 72, 215))
    p.drawEllipse(QPointF(c, c), radius, radius)
    p.setPen(QColor("#ffffff"))
    p.setFont(style.font(10 if len(text) < 4 else 9, bold=True))
    p.drawText(QRectF(0, 0, side / scale, side / scale), Qt.AlignmentFlag.AlignCenter, text)
    p.end()
    return img
