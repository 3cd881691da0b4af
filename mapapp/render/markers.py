"""A marker layer built for 100,000 points: numpy culling, grid clusters, cached symbols.

Every frame bins the visible markers into a screen grid anchored to map coordinates
(so clusters do not jump while panning). A cell with one marker draws its symbol, a
cell with more draws one cluster bubble. Drawing cost is bounded by the number of
cells, not markers, and the same cells are the hit-test index for clicks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPaintEngine, QPainter, QPen

from mapapp.geo.viewport import Viewport
from mapapp.render import style
from mapapp.render.symbols import SYMBOL_PX, MarkerStyle, paint_symbol, render_symbol

if TYPE_CHECKING:
    pass

CELL_PX = 44.0
MAX_RADIUS = CELL_PX / 2 - 2  # a bubble (with its white edge) stays inside its cell
BUBBLE_R0, BUBBLE_R_PER_DECADE = 9.0, 3.2  # a bubble's radius grows with log10(members)
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


def cluster_label(n: int) -> str:
    return f"{n / 1000:.1f}k".replace(".0k", "k") if n >= 1000 else str(n)


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
        else:
            self.x = [float(v) for v in x]
            self.y = [float(v) for v in y]
            self.style_index = [0] * n if style_index is None else [int(v) for v in style_index]
            self.visible = [True] * n
        self.styles = styles or [MarkerStyle()]
        self.alpha: Any = None  # per-marker opacity 0..1 (the timeline's fade), or None
        self._symbols: dict[tuple[int, float], QImage] = {}
        self._bubbles: dict[tuple[str, float], QImage] = {}
        self._frame: _Frame | None = None

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

    def _bubble(self, view: Viewport, frame: _Frame, k: int, n: int, scale: float) -> QImage:
        """Cluster ``k``'s image, cached by label and by the ring's shares rounded to 5°
        (what the eye can tell); the segments are worked out only on a cache miss."""
        key = (cluster_label(n), scale, self._ring_key(view, frame, k))
        if key not in self._bubbles:
            if len(self._bubbles) >= MAX_BUBBLES:  # panning a big table meets ever new splits
                self._bubbles.clear()
            self._bubbles[key] = _render_bubble(n, scale, self.segments(view, k))
        return self._bubbles[key]

    def _ring_key(self, view: Viewport, frame: _Frame, k: int) -> bytes | tuple:
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

    def frame(self, view: Viewport) -> _Frame:
        """This view's bins, computed once and shared by drawing, legend and hit-tests."""
        if self._frame is None or self._frame.view != view:
            self._frame = _bin(self, view)
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


@dataclass
class _Frame:
    """One frame's bins; lists (small layers) or numpy arrays (large ones)."""

    view: Viewport
    index: Any  # visible marker indices
    cell: Any  # their cell keys
    keys: Any  # drawn cells
    count: Any
    single: Any  # marker index of one-marker cells, else -1
    sx: Any  # drawn position (cluster: mean of members)
    sy: Any
    split: Any  # per drawn cell, its members counted per style index (rows: cells)
    alpha: Any = None  # per drawn cell, its members' mean opacity (when the layer fades)
    shares: Any = None  # numpy path: each cell's ring shares per colour (see _ring_key)


def _bin(layer: MarkerLayer, view: Viewport) -> _Frame:
    frame = _bin_numpy(layer, view) if layer.vectorised else _bin_python(layer, view)
    if layer.alpha is not None and len(frame.keys):
        frame.alpha = _cell_alpha(layer, frame)
    return frame


def _cell_alpha(layer: MarkerLayer, frame: _Frame) -> Any:
    if layer.vectorised:
        import numpy as np

        at = np.searchsorted(frame.keys, frame.cell)
        sums = np.bincount(at, weights=layer.alpha[frame.index], minlength=len(frame.keys))
        return sums / frame.count
    sums: dict = {}
    for i, c in zip(frame.index, frame.cell, strict=True):
        sums[c] = sums.get(c, 0.0) + float(layer.alpha[i])
    return [sums[key] / n for key, n in zip(frame.keys, frame.count, strict=True)]


def _bin_python(layer: MarkerLayer, view: Viewport) -> _Frame:
    pad = CELL_PX * view.resolution
    x0, y0, x1, y1 = view.bounds()
    cell_m = CELL_PX * view.resolution
    k = 1.0 / view.resolution
    half_w, half_h = view.width / 2, view.height / 2
    cells: dict[tuple[int, int], list] = {}  # key -> [count, sum sx, sum sy, first, split]
    index, cell = [], []
    for i, (x, y) in enumerate(zip(layer.x, layer.y, strict=True)):
        if not layer.visible[i] or not (x0 - pad <= x <= x1 + pad and y0 - pad <= y <= y1 + pad):
            continue
        key = (math.floor(x / cell_m), math.floor(y / cell_m))
        sx, sy = (x - view.cx) * k + half_w, (view.cy - y) * k + half_h
        entry = cells.get(key)
        style = layer.style_index[i]
        if entry is None:
            cells[key] = [1, sx, sy, i, {style: 1}]
        else:
            entry[0] += 1
            entry[1] += sx
            entry[2] += sy
            entry[4][style] = entry[4].get(style, 0) + 1
        index.append(i)
        cell.append(key)
    keys = list(cells)
    entries = [cells[key] for key in keys]
    sxs, sys_ = [], []
    for (gx, gy), e in zip(keys, entries, strict=True):
        sx, sy = e[1] / e[0], e[2] / e[0]
        if e[0] > 1:
            r = bubble_radius(e[0])
            sx = _inside_cell(sx, (gx * cell_m - view.cx) * k + half_w, r)
            sy = _inside_cell(sy, (view.cy - (gy + 1) * cell_m) * k + half_h, r)
        sxs.append(sx)
        sys_.append(sy)
    return _Frame(
        view,
        index,
        cell,
        keys,
        [e[0] for e in entries],
        [e[3] if e[0] == 1 else -1 for e in entries],
        sxs,
        sys_,
        [e[4] for e in entries],
    )


def _bin_numpy(layer: MarkerLayer, view: Viewport) -> _Frame:
    import numpy as np

    pad = CELL_PX * view.resolution
    x0, y0, x1, y1 = view.bounds()
    x, y = layer.x, layer.y
    mask = layer.visible & (x >= x0 - pad) & (x <= x1 + pad) & (y >= y0 - pad) & (y <= y1 + pad)
    index = np.flatnonzero(mask)
    if len(index) == 0:
        e = np.zeros(0, np.int64)
        split = np.zeros((0, len(layer.styles)), np.int64)
        return _Frame(view, index, e, e, e, e, np.zeros(0), np.zeros(0), split)
    vx, vy = x[index], y[index]
    cell_m = CELL_PX * view.resolution
    gx = np.floor(vx / cell_m).astype(np.int64)
    gy = np.floor(vy / cell_m).astype(np.int64)
    gx0, gy0 = gx.min(), gy.min()
    gx -= gx0
    gy -= gy0
    ncols = int(gx.max()) + 1
    cell = gy * ncols + gx
    count_all = np.bincount(cell)
    keys = np.flatnonzero(count_all)
    count = count_all[keys]
    k = 1.0 / view.resolution
    sx_all = (vx - view.cx) * k + view.width / 2
    sy_all = (view.cy - vy) * k + view.height / 2
    sx = np.bincount(cell, weights=sx_all)[keys] / count
    sy = np.bincount(cell, weights=sy_all)[keys] / count
    r = _radii(count) + 1
    left = ((keys % ncols + gx0) * cell_m - view.cx) * k + view.width / 2
    top = (view.cy - (keys // ncols + gy0 + 1) * cell_m) * k + view.height / 2
    many = count > 1
    sx = np.where(many, np.clip(sx, left + r, left + CELL_PX - r), sx)
    sy = np.where(many, np.clip(sy, top + r, top + CELL_PX - r), sy)
    idx_sum = np.bincount(cell, weights=index.astype(np.float64))[keys]
    single = np.where(count == 1, idx_sum, -1).astype(np.int64)
    n_styles = len(layer.styles)
    at = np.zeros(len(count_all), np.int64)  # cell key -> its row among the drawn cells
    at[keys] = np.arange(len(keys))
    at = at[cell]
    split = np.bincount(at * n_styles + layer.style_index[index], minlength=len(keys) * n_styles)
    return _Frame(view, index, cell, keys, count, single, sx, sy, split.reshape(-1, n_styles))


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


def bubble_radius(n: int) -> float:
    return min(BUBBLE_R0 + BUBBLE_R_PER_DECADE * math.log10(max(1, n)), MAX_RADIUS)


def _radii(counts):
    """``bubble_radius`` of a numpy array of counts."""
    import numpy as np

    grown = BUBBLE_R0 + BUBBLE_R_PER_DECADE * np.log10(np.maximum(counts, 1))
    return np.minimum(grown, MAX_RADIUS)


def _inside_cell(s: float, cell_start: float, r: float) -> float:
    """A cluster's screen position (its members' mean) kept inside its own cell, so two
    clusters never overlap (cell_start: the cell's left or top edge on screen)."""
    return min(max(s, cell_start + r + 1), cell_start + CELL_PX - r - 1)


def _painter_scale(painter: QPainter) -> float:
    t = painter.worldTransform()
    return max(1.0, math.hypot(t.m11(), t.m12()))


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


def _render_bubble(n: int, scale: float, segments: Segments = ()) -> QImage:
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
