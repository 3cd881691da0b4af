"""Events as a density grid: at the lowest zooms a million markers read better (and draw
faster) as how many events fall in each small square than as overlapping clusters.

Counts per DENSITY_PX square of the screen (anchored to map coordinates, so the grid does
not shimmer while panning), on a log colour ramp from pale yellow to dark red; one image,
one draw call, the same on screen and in every export.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

if TYPE_CHECKING:
    from mapapp.geo.viewport import Viewport
    from mapapp.render.markers import MarkerLayer

DENSITY_PX = 6
# (share of the log-count range, colour): light for one event, dark for the densest cells
RAMP = ((0.0, (255, 237, 160, 150)), (0.4, (253, 141, 60, 200)), (1.0, (128, 0, 38, 235)))


def density_grid(markers: MarkerLayer, view: Viewport):
    """Counts per grid square over the view (rows: top to bottom), and the screen
    position of the grid's top-left corner."""
    import numpy as np

    cell = DENSITY_PX * view.resolution
    x0, y0, x1, y1 = view.bounds()
    gx0, gy1 = int(np.floor(x0 / cell)), int(np.floor(y1 / cell))
    cols = int(np.floor(x1 / cell)) - gx0 + 1
    rows = gy1 - int(np.floor(y0 / cell)) + 1
    x = np.asarray(markers.x, dtype=np.float64)
    y = np.asarray(markers.y, dtype=np.float64)
    visible = np.asarray(markers.visible, dtype=bool)
    gx = np.floor(x / cell).astype(np.int64) - gx0
    gy = gy1 - np.floor(y / cell).astype(np.int64)
    inside = visible & (gx >= 0) & (gx < cols) & (gy >= 0) & (gy < rows)
    counts = np.bincount(gy[inside] * cols + gx[inside], minlength=rows * cols)
    left, top = view.map_to_screen(gx0 * cell, (gy1 + 1) * cell)
    return counts.reshape(rows, cols), (left, top)


def ramp(counts):
    """RGBA (uint8) per cell; empty cells transparent."""
    import numpy as np

    top = max(int(counts.max()), 1)
    t = np.log1p(counts) / np.log1p(top) if top > 1 else (counts > 0).astype(float)
    stops = np.array([s for s, _ in RAMP])
    colours = np.array([c for _, c in RAMP], dtype=float)
    rgba = np.stack([np.interp(t, stops, colours[:, k]) for k in range(4)], axis=-1)
    rgba[counts == 0] = 0
    return rgba.astype(np.uint8)


def draw_density(
    painter: QPainter, view: Viewport, markers: MarkerLayer, selected: int | None
) -> None:
    import numpy as np

    counts, (left, top) = density_grid(markers, view)
    if counts.any():
        rgba = ramp(counts)
        # premultiplied ARGB as Qt stores it on little-endian machines: B, G, R, A
        a = rgba[..., 3:4].astype(np.uint16)
        bgra = np.concatenate([rgba[..., 2::-1] * a // 255, rgba[..., 3:4]], axis=-1)
        data = np.ascontiguousarray(bgra.astype(np.uint8))
        h, w = counts.shape
        image = QImage(data.data, w, h, 4 * w, QImage.Format.Format_ARGB32_Premultiplied).copy()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawImage(QRectF(left, top, w * DENSITY_PX, h * DENSITY_PX), image)
        painter.restore()
    if selected is not None:
        from mapapp.render.markers import paint_selection

        paint_selection(painter, view, markers, selected)


def density_swatch_colours() -> tuple[QColor, QColor]:
    return QColor(*RAMP[0][1]), QColor(*RAMP[-1][1])
