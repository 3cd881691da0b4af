"""A marker layer built for 100,000 points: numpy culling, grid clusters, cached symbols.

Every frame bins the visible markers into a screen grid anchored to map coordinates
(so clusters do not jump while panning). A cell with one marker draws its symbol, a
cell with more draws one cluster bubble. Drawing cost is bounded by the number of
cells, not markers, and the same cells are the hit-test index for clicks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPaintEngine, QPainter, QPen

from mapapp.geo.viewport import Viewport
from mapapp.render import style
from mapapp.render.bubbles import bubble_radius, cluster_label, paint_bubble, render_bubble
from mapapp.render.marker_bins import Frame, bin_markers
from mapapp.render.symbols import SYMBOL_PX, MarkerStyle, paint_symbol, render_symbol

MIN_OPACITY = 0.12  # a fading marker stays findable until it is gone
MAX_BUBBLES = 2000  # cached cluster images (a full 4K frame draws fewer cells)
# Up to this many markers, plain Python bins faster than numpy's call overhead, and the
# first frame of a situation does not wait ~50 ms for numpy's import.
SMALL_N = 2000


@dataclass(frozen=True)
class MarkerHit:
    """What a click at a pixel hit: one marker (``index``) or a cluster (``members``: a
    tuple, or a numpy array on the vectorised path)."""

    index: int | None
    members: Any
    sx: float
    sy: float
    cell: int = -1  # the drawn cell (for ``MarkerLayer.split``)


class MarkerLayer:
    """Points in map metres with a style index each; draws clustered, answers clicks."""

    def __init__(
        self,
        x: Any,
        y: Any,
        style_index: Any = None,
        styles: list[MarkerStyle] | None = None,
        vectorised: bool | None = None,
    ) -> None:
        """x, y: map metres (sequences or numpy arrays). ``vectorised`` forces the numpy
        path on or off; by default numpy is used above ``SMALL_N`` markers."""
        n = len(x)
        self.vectorised = n > SMALL_N if vectorised is None else vectorised
        if self.vectorised:
            import numpy as np

            self.x = np.ascontiguousarray(x, dtype=np.float64)
            self.y = np.ascontiguousarray(y, dtype=np.float64)
            self.style_index = (
                np.zeros(n, np.int32) if style_index is None else np.asarray(style_index, np.int32)
            )
            self.visible = np.ones(n, bool)
            # the markers' box, once: binning skips its mask when it lies in the view
            self.box = (self.x.min(), self.y.min(), self.x.max(), self.y.max()) if n else None
        else:
            self.x = [float(v) for v in x]
            self.y = [float(v) for v in y]
            self.style_index = [0] * n if style_index is None else [int(v) for v in style_index]
            self.visible = [True] * n
        self.styles = styles or [MarkerStyle()]
        self.alpha: Any = None  # per-marker opacity 0..1 (the timeline's fade), or None
        self._symbols: dict[tuple[int, float], QImage] = {}
        self._bubbles: dict[tuple[str, float], QImage] = {}
        self._frame: Frame | None = None

    def set_visible(self, flags: Any) -> None:
        """Per-marker visibility (filters); takes effect on the next frame."""
        self.visible = list(map(bool, flags)) if not self.vectorised else flags
        self._frame = None

    def set_alpha(self, alpha: Any) -> None:
        """Per-marker opacity (None: all opaque); a cluster takes its members' mean."""
        self.alpha = alpha
        self._frame = None

    def __len__(self) -> int:
        return len(self.x)

    def _symbol(self, i: int, scale: float) -> QImage:
        key = (i, scale)
        if key not in self._symbols:
            self._symbols[key] = render_symbol(self.styles[i], scale)
        return self._symbols[key]

    def _bubble(self, view: Viewport, frame: Frame, k: int, n: int, scale: float) -> QImage:
        """Cluster ``k``'s image, cached by label and by the ring's shares rounded to 5°
        (what the eye can tell); the segments are worked out only on a cache miss."""
        key = (cluster_label(n), scale, self._ring_key(view, frame, k))
        if key not in self._bubbles:
            if len(self._bubbles) >= MAX_BUBBLES:  # panning a big table meets ever new splits
                self._bubbles.clear()
            self._bubbles[key] = render_bubble(n, scale, self.segments(view, k))
        return self._bubbles[key]

    def _ring_key(self, view: Viewport, frame: Frame, k: int) -> bytes | tuple:
        if not self.vectorised:
            n = int(frame.count[k])
            return tuple((c, round(72 * m / n)) for c, m in self.segments(view, k))
        if frame.shares is None:  # every cluster's shares per colour, in one go
            import numpy as np

            by_colour = frame.split @ self._colour_matrix()
            frame.shares = np.rint(72 * by_colour / frame.count[:, None]).astype(np.int16)
        return frame.shares[k].tobytes()

    def _colour_matrix(self):
        """Style index -> one-hot of its fill colour (styles sharing a colour share a ring
        segment)."""
        import numpy as np

        colours = sorted({s.fill.rgba() for s in self.styles})
        m = np.zeros((len(self.styles), len(colours)), np.int64)
        for i, s in enumerate(self.styles):
            m[i, colours.index(s.fill.rgba())] = 1
        return m

    def frame(self, view: Viewport) -> Frame:
        """This view's bins, computed once and shared by drawing, legend and hit-tests."""
        if self._frame is None or self._frame.view != view:
            self._frame = bin_markers(self, view)
        return self._frame

    def drawn_styles(self, view: Viewport) -> tuple[set[int], bool]:
        """Style indices of the single markers a frame of ``view`` shows, and whether it
        shows any cluster."""
        frame = self.frame(view)
        singles = {int(self.style_index[int(i)]) for i in frame.single if i >= 0}
        return singles, any(int(c) > 1 for c in frame.count)

    def split(self, view: Viewport, k: int) -> dict[int, int]:
        """Drawn cell ``k`` of ``view``'s frame: its members counted per style index."""
        row = self.frame(view).split[k]
        if isinstance(row, dict):
            return dict(row)
        return {int(s): int(n) for s, n in enumerate(row) if n}

    def segments(self, view: Viewport, k: int) -> tuple[tuple[int, int], ...]:
        """A cluster's ring: (fill colour as ARGB, members) per colour, largest first."""
        by_colour: dict[int, int] = {}
        for index, n in self.split(view, k).items():
            rgba = self.styles[index].fill.rgba()
            by_colour[rgba] = by_colour.get(rgba, 0) + n
        return tuple(sorted(by_colour.items(), key=lambda cn: (-cn[1], cn[0])))

    def draw(self, painter: QPainter, view: Viewport, selected: int | None = None) -> None:
        frame = self.frame(view)
        raster = painter.paintEngine().type() == QPaintEngine.Type.Raster
        scale = max(1.0, painter.device().devicePixelRatioF()) * _painter_scale(painter)
        faded = frame.alpha is not None
        for k in range(len(frame.sx)):
            sx, sy = float(frame.sx[k]), float(frame.sy[k])
            single = int(frame.single[k])
            if faded:
                painter.setOpacity(max(MIN_OPACITY, float(frame.alpha[k])))
            if not raster:  # SVG/PDF: real paths, not bitmaps
                if single >= 0:
                    paint_symbol(
                        painter, self.styles[int(self.style_index[single])], QPointF(sx, sy)
                    )
                else:
                    count = int(frame.count[k])
                    paint_bubble(painter, count, QPointF(sx, sy), self.segments(view, k))
                continue
            if single >= 0:
                img = self._symbol(int(self.style_index[single]), scale)
            else:
                img = self._bubble(view, frame, k, int(frame.count[k]), scale)
            w = img.width() / scale
            painter.drawImage(QRectF(sx - w / 2, sy - w / 2, w, w), img)
        if faded:
            painter.setOpacity(1.0)
        if selected is not None and 0 <= selected < len(self.x):
            sx, sy = paint_selection(painter, view, self, selected)
            paint_symbol(painter, self.styles[int(self.style_index[selected])], QPointF(sx, sy))

    def hit_test(self, view: Viewport, px: float, py: float) -> MarkerHit | None:
        """The marker or cluster drawn under pixel (px, py) in the last frame of ``view``."""
        frame = self.frame(view)
        n = len(frame.sx)
        if n == 0:
            return None
        if self.vectorised:
            import numpy as np

            d2 = (frame.sx - px) ** 2 + (frame.sy - py) ** 2
            k = int(np.argmin(d2))
            best = float(d2[k])
        else:
            best, k = min(((frame.sx[i] - px) ** 2 + (frame.sy[i] - py) ** 2, i) for i in range(n))
        single = int(frame.single[k])
        radius = SYMBOL_PX / 2 + 3 if single >= 0 else bubble_radius(int(frame.count[k])) + 2
        if best > radius * radius:
            return None
        sx, sy = float(frame.sx[k]), float(frame.sy[k])
        if single >= 0:
            return MarkerHit(single, (single,), sx, sy, k)
        key = frame.keys[k]
        if self.vectorised:  # an array: a cluster may hold a million markers
            members = frame.index[frame.cell == key]
        else:
            members = tuple(i for i, c in zip(frame.index, frame.cell, strict=True) if c == key)
        return MarkerHit(None, members, sx, sy, k)


def paint_selection(
    painter: QPainter, view: Viewport, layer: MarkerLayer, i: int
) -> tuple[float, float]:
    """The ring around the selected marker ``i``; returns where it is on screen."""
    sx, sy = view.map_to_screen(layer.x[i], layer.y[i])
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(style.SELECTION, 3))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(QPointF(sx, sy), 12, 12)
    painter.restore()
    return sx, sy


def _painter_scale(painter: QPainter) -> float:
    t = painter.worldTransform()
    return max(1.0, math.hypot(t.m11(), t.m12()))
