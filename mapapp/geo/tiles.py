"""Web-Mercator tile pyramid arithmetic (XYZ / "slippy map" numbering), without Qt.

Tile (z, x, y): at zoom z the world square of side 2·WORLD_HALF metres is cut into 2^z
by 2^z tiles, x growing east from -180°, y growing south from +85.05°. Everything
that decides *which* tiles a view needs lives here, so tests can check the requested
set without a network or a display.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from mapapp.geo.viewport import WORLD_HALF, Bounds

WORLD_SIZE = 2 * WORLD_HALF
MAX_ZOOM = 22

# A tile is drawn between 0.62x and 1.23x its size: mostly shrunk (crisp), a little
# stretched before the next zoom level is asked for (a quarter as many requests as
# always shrinking).
ZOOM_BIAS = 0.3


class TileKey(NamedTuple):
    z: int
    x: int
    y: int

    def parent(self, levels: int = 1) -> TileKey:
        return TileKey(self.z - levels, self.x >> levels, self.y >> levels)

    def children(self) -> list[TileKey]:
        z, x, y = self.z + 1, self.x * 2, self.y * 2
        return [
            TileKey(z, x, y),
            TileKey(z, x + 1, y),
            TileKey(z, x, y + 1),
            TileKey(z, x + 1, y + 1),
        ]

    def tms_y(self) -> int:
        """The row as MBTiles stores it (TMS: counted from the south)."""
        return (1 << self.z) - 1 - self.y


def zoom_level(resolution: float, density: float = 1.0, tile_px: int = 256) -> int:
    """The zoom whose tiles best fit ``resolution`` map metres per logical pixel drawn at
    ``density`` device pixels per logical pixel, for tiles of ``tile_px`` pixels."""
    exact = math.log2(WORLD_SIZE * density / (tile_px * resolution))
    return max(0, min(MAX_ZOOM, math.ceil(exact - ZOOM_BIAS)))


def tile_span(z: int) -> float:
    """Side of one tile at zoom ``z``, in map metres."""
    return WORLD_SIZE / (1 << z)


def tile_bounds(key: TileKey) -> Bounds:
    """xmin, ymin, xmax, ymax of a tile in map metres (y up)."""
    span = tile_span(key.z)
    xmin = -WORLD_HALF + key.x * span
    ymax = WORLD_HALF - key.y * span
    return (xmin, ymax - span, xmin + span, ymax)


def tiles_covering(bounds: Bounds, z: int) -> list[TileKey]:
    """Every tile of zoom ``z`` that overlaps ``bounds`` (map metres), nearest the centre
    first so the middle of the screen fills in first. Nothing beyond the world's edges."""
    xmin, ymin, xmax, ymax = bounds
    n = 1 << z
    span = tile_span(z)
    x0 = max(0, math.floor((xmin + WORLD_HALF) / span))
    x1 = min(n - 1, math.ceil((xmax + WORLD_HALF) / span) - 1)
    y0 = max(0, math.floor((WORLD_HALF - ymax) / span))
    y1 = min(n - 1, math.ceil((WORLD_HALF - ymin) / span) - 1)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    keys = [TileKey(z, x, y) for y in range(y0, y1 + 1) for x in range(x0, x1 + 1)]
    keys.sort(key=lambda k: (k.x - cx) ** 2 + (k.y - cy) ** 2)
    return keys


def tile_at(lon: float, lat: float, z: int) -> TileKey:
    """The tile of zoom ``z`` that holds a lon/lat position."""
    from mapapp.geo.projection import _mercator_forward

    x, y = _mercator_forward(lon, lat)
    n = 1 << z
    span = tile_span(z)
    tx = min(n - 1, max(0, math.floor((x + WORLD_HALF) / span)))
    ty = min(n - 1, max(0, math.floor((WORLD_HALF - y) / span)))
    return TileKey(z, tx, ty)
