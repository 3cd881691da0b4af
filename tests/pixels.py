"""Pixel helpers for the map tests: where the border is drawn, and what colour is there."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QImage

from mapapp.geo import layers
from mapapp.geo.projection import WEB_MERCATOR
from mapapp.geo.viewport import Viewport


def image_rgb(image: QImage) -> np.ndarray:
    """H x W x 3 uint8 copy of ``image``."""
    img = image.convertToFormat(QImage.Format.Format_RGB888)
    h, w, bpl = img.height(), img.width(), img.bytesPerLine()
    buf = np.frombuffer(img.constBits(), np.uint8, count=h * bpl).reshape(h, bpl)
    return buf[:, : w * 3].reshape(h, w, 3).copy()


def colour_mask(rgb: np.ndarray, colour: QColor, tol: float = 40.0) -> np.ndarray:
    target = np.array([colour.red(), colour.green(), colour.blue()], float)
    return np.linalg.norm(rgb.astype(float) - target, axis=2) < tol


def border_pixels(view: Viewport, step_px: float = 3.0) -> np.ndarray:
    """Screen positions along the projected Mali–Algeria border, every ~step_px."""
    from shapely.geometry import LineString

    line = layers.mali_algeria_border()
    out = []
    for part in getattr(line, "geoms", [line]):
        lon, lat = np.asarray(part.coords).T
        x, y = WEB_MERCATOR.forward(lon, lat)
        sx, sy = view.map_to_screen(np.asarray(x), np.asarray(y))
        screen = LineString(np.column_stack([sx, sy]))
        n = max(2, int(screen.length / step_px))
        pts = [screen.interpolate(i / (n - 1), normalized=True) for i in range(n)]
        out.extend((p.x, p.y) for p in pts)
    return np.array(out)


def border_screen_line(view: Viewport):
    from shapely.geometry import LineString, MultiLineString

    line = layers.mali_algeria_border()
    parts = []
    for part in getattr(line, "geoms", [line]):
        lon, lat = np.asarray(part.coords).T
        x, y = WEB_MERCATOR.forward(lon, lat)
        sx, sy = view.map_to_screen(np.asarray(x), np.asarray(y))
        parts.append(LineString(np.column_stack([sx, sy])))
    return MultiLineString(parts)


def share_near(mask: np.ndarray, points: np.ndarray, radius: int = 2) -> float:
    """Fraction of ``points`` with a True mask pixel within ``radius`` px."""
    h, w = mask.shape
    hits = total = 0
    for x, y in points:
        ix, iy = round(x), round(y)
        if not (radius <= ix < w - radius and radius <= iy < h - radius):
            continue
        total += 1
        hits += bool(mask[iy - radius : iy + radius + 1, ix - radius : ix + radius + 1].any())
    return hits / total if total else 0.0
