"""The view state: what part of the map a window or an export shows.

Immutable, so an export can be rendered from a copy without touching the live window.
Map coordinates are projected metres (y up); screen coordinates are pixels (y down).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

Bounds = tuple[float, float, float, float]  # xmin, ymin, xmax, ymax

# Resolution limits in metres per pixel: whole world at ~1000 px down to ~5 m/px.
MAX_RESOLUTION = 40_000.0
MIN_RESOLUTION = 5.0
WORLD_HALF = 20037508.342789244


@dataclass(frozen=True)
class Viewport:
    """cx, cy: map centre (m); resolution: map metres per pixel; width, height: pixels."""

    cx: float
    cy: float
    resolution: float
    width: int
    height: int

    def map_to_screen(self, x: float, y: float) -> tuple[float, float]:
        return (
            (x - self.cx) / self.resolution + self.width / 2,
            (self.cy - y) / self.resolution + self.height / 2,
        )

    def screen_to_map(self, sx: float, sy: float) -> tuple[float, float]:
        return (
            self.cx + (sx - self.width / 2) * self.resolution,
            self.cy - (sy - self.height / 2) * self.resolution,
        )

    def bounds(self) -> Bounds:
        hw = self.width * self.resolution / 2
        hh = self.height * self.resolution / 2
        return (self.cx - hw, self.cy - hh, self.cx + hw, self.cy + hh)

    def resized(self, width: int, height: int) -> Viewport:
        return replace(self, width=max(1, width), height=max(1, height))

    def panned(self, dx_px: float, dy_px: float) -> Viewport:
        """Move the content by (dx, dy) pixels, as a drag does."""
        cx = self.cx - dx_px * self.resolution
        cy = self.cy + dy_px * self.resolution
        return _clamped(replace(self, cx=cx, cy=cy))

    def zoomed_at(self, sx: float, sy: float, factor: float) -> Viewport:
        """Zoom by ``factor`` (>1 zooms in) keeping the map point under (sx, sy) fixed."""
        res = min(MAX_RESOLUTION, max(MIN_RESOLUTION, self.resolution / factor))
        mx, my = self.screen_to_map(sx, sy)
        cx = mx - (sx - self.width / 2) * res
        cy = my + (sy - self.height / 2) * res
        return _clamped(replace(self, cx=cx, cy=cy, resolution=res))

    def fitted(self, bounds: Bounds, margin: float = 0.05) -> Viewport:
        """Frame ``bounds`` with a relative margin on every side."""
        xmin, ymin, xmax, ymax = bounds
        w = max(xmax - xmin, 1.0) * (1 + 2 * margin)
        h = max(ymax - ymin, 1.0) * (1 + 2 * margin)
        res = max(w / self.width, h / self.height)
        res = min(MAX_RESOLUTION, max(MIN_RESOLUTION, res))
        return replace(self, cx=(xmin + xmax) / 2, cy=(ymin + ymax) / 2, resolution=res)

    def contains_screen(self, sx: float, sy: float) -> bool:
        return 0 <= sx < self.width and 0 <= sy < self.height


def _clamped(v: Viewport) -> Viewport:
    cx = min(WORLD_HALF, max(-WORLD_HALF, v.cx))
    cy = min(WORLD_HALF, max(-WORLD_HALF, v.cy))
    return replace(v, cx=cx, cy=cy) if (cx, cy) != (v.cx, v.cy) else v


def framing(bounds: Bounds, width: int, height: int, margin: float = 0.05) -> Viewport:
    """A view of ``width`` x ``height`` pixels that shows ``bounds``."""
    return Viewport(0.0, 0.0, 1.0, max(1, width), max(1, height)).fitted(bounds, margin)
