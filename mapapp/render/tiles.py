"""Tile basemaps in the one drawing path: which tiles a frame needs, and drawing them.

``draw_tiles`` paints what is in memory; where a tile is missing it paints its nearest
ancestor (scaled up) or its children (scaled down) instead, so panning and zooming never
flash blank, and reports the missing keys so the window's loader can fetch them. An
export draws from a frozen copy of the tiles it fetched beforehand (``TileLayer.frozen``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPaintEngine, QPainter, QTransform

from mapapp.geo.tile_sources import TileSource
from mapapp.geo.tiles import TileKey, tile_bounds, tiles_covering, zoom_level
from mapapp.geo.viewport import WORLD_HALF, Viewport

# One tile ≈ 256 KiB decoded (1 MiB at @2x): ~750 ordinary tiles, a few full screens.
MEMORY_BYTES = 192 * 1024 * 1024
# An export this many tiles big steps down a zoom level (each level is 4x the tiles).
MAX_TILES = 1024
FALLBACK_LEVELS = 8

Ref = tuple[TileKey, bool]  # a tile and whether it is the @2x variant


class TileCache:
    """Decoded tiles in memory, least recently used dropped first beyond a byte bound."""

    def __init__(self, max_bytes: int = MEMORY_BYTES) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self._images: OrderedDict[Ref, QImage] = OrderedDict()

    def __len__(self) -> int:
        return len(self._images)

    def __contains__(self, ref: Ref) -> bool:
        return ref in self._images

    def get(self, ref: Ref) -> QImage | None:
        image = self._images.get(ref)
        if image is not None:
            self._images.move_to_end(ref)
        return image

    def peek(self, ref: Ref) -> QImage | None:
        """Without counting as a use (fallback lookups should not keep stale tiles)."""
        return self._images.get(ref)

    def put(self, ref: Ref, image: QImage) -> None:
        old = self._images.pop(ref, None)
        if old is not None:
            self.bytes -= old.sizeInBytes()
        self._images[ref] = image
        self.bytes += image.sizeInBytes()
        while self.bytes > self.max_bytes and len(self._images) > 1:
            _, dropped = self._images.popitem(last=False)
            self.bytes -= dropped.sizeInBytes()

    def subset(self, refs: Iterable[Ref]) -> TileCache:
        out = TileCache(max_bytes=1 << 62)
        for ref in refs:
            image = self._images.get(ref)
            if image is not None:
                out.put(ref, image)
        return out


@dataclass(frozen=True)
class TilePlan:
    """The tiles one frame needs: zoom, variant and keys, centre first."""

    zoom: int
    hidpi: bool
    keys: list[TileKey]


def plan_tiles(view: Viewport, source: TileSource, density: float = 1.0) -> TilePlan:
    """``density``: device pixels per logical pixel the tiles should match (an export's
    scale; a high-DPI window asks 2 only when the provider has @2x tiles)."""
    hidpi = source.hidpi and density >= 1.5
    z = zoom_level(view.resolution, density, 512 if hidpi else 256)
    z = min(z, source.max_zoom)  # beyond the provider's last level: its tiles, stretched
    if z < source.min_zoom:
        return TilePlan(z, hidpi, [])
    keys = tiles_covering(view.bounds(), z)
    while len(keys) > MAX_TILES and z > source.min_zoom:
        z -= 1
        keys = tiles_covering(view.bounds(), z)
    return TilePlan(z, hidpi, [k for k in keys if source.covers(k)])


@dataclass
class TileLayer:
    """A tile basemap as the renderer sees it. ``request`` (the window's loader) hears the
    keys a frame lacked; exports carry a frozen cache and no request."""

    source: TileSource
    cache: TileCache = field(default_factory=TileCache)
    density: float = 1.0
    request: Callable[[TilePlan, list[TileKey]], None] | None = None
    # The window keeps last frame's tiles scaled to their on-screen size: a pan at the
    # same zoom then blits them (~1 ms) instead of resampling 2 megapixels (~12 ms).
    keep_scaled: bool = False
    scaled: dict[tuple, QImage] = field(default_factory=dict)
    # tiles that failed (the loader keeps this): their squares are left to the vector
    # map, not filled with a blurred ancestor that would pass for the real thing
    failed: set[Ref] = field(default_factory=set)

    def frozen(
        self, plan: TilePlan, density: float, images: dict[Ref, QImage], failed: set[Ref]
    ) -> TileLayer:
        """A layer holding only what ``plan`` draws: ``images`` (what a fetch got) and,
        for the others that did not fail, stand-ins still in memory. Safe to hand to an
        export thread."""
        refs = []
        for key in plan.keys:
            if (key, plan.hidpi) in images:
                continue
            refs += [(key.parent(n), plan.hidpi) for n in range(1, min(key.z, FALLBACK_LEVELS) + 1)]
            refs += [(c, plan.hidpi) for c in key.children()]
        cache = self.cache.subset(refs)
        for ref, image in images.items():
            cache.put(ref, image)
        return TileLayer(self.source, cache, density, failed=set(failed))


def _device_rect(device: QTransform, view: Viewport, key: TileKey, dpr: float) -> QRectF:
    """The tile's square under ``device`` with edges on whole physical pixels (``dpr`` of
    them per unit), so neighbours meet exactly (no hairline seams, no overlaps) at any
    zoom, export scale or screen density."""
    xmin, ymin, xmax, ymax = tile_bounds(key)
    a = device.map(QPointF(*view.map_to_screen(xmin, ymax)))
    b = device.map(QPointF(*view.map_to_screen(xmax, ymin)))
    x0, y0 = round(a.x() * dpr) / dpr, round(a.y() * dpr) / dpr
    x1, y1 = round(b.x() * dpr) / dpr, round(b.y() * dpr) / dpr
    return QRectF(x0, y0, x1 - x0, y1 - y0)


def _ancestor(cache: TileCache, key: TileKey, hidpi: bool) -> tuple[QImage, QRectF] | None:
    """The nearest loaded ancestor and the part of it that covers ``key``."""
    for levels in range(1, min(key.z, FALLBACK_LEVELS) + 1):
        image = cache.peek((key.parent(levels), hidpi))
        if image is None:
            continue
        n = 1 << levels
        side = image.width() / n
        sx, sy = key.x % n, key.y % n
        return image, QRectF(sx * side, sy * side, side, side)
    return None


def covers_view(view: Viewport, layer: TileLayer, plan: TilePlan) -> bool:
    """Whether the tiles in memory hide the whole view (every square opaque, its own tile
    or an ancestor's): then nothing drawn under them would be seen."""
    x0, y0, x1, y1 = view.bounds()
    if y0 < -WORLD_HALF or y1 > WORLD_HALF or x0 < -WORLD_HALF or x1 > WORLD_HALF:
        return False
    if not plan.keys or len(plan.keys) != len(tiles_covering(view.bounds(), plan.zoom)):
        return False  # part of the view is outside the source's bounds or zoom range
    for key in plan.keys:
        image = layer.cache.peek((key, plan.hidpi))
        if image is None and (key, plan.hidpi) not in layer.failed:
            stand_in = _ancestor(layer.cache, key, plan.hidpi)
            image = stand_in[0] if stand_in else None
        if image is None or image.hasAlphaChannel():
            return False
    return True


def draw_tiles(
    painter: QPainter, view: Viewport, layer: TileLayer, plan: TilePlan | None = None
) -> TilePlan:
    """Draw the tiles of ``view`` that are in memory (stand-ins for the rest) and tell
    ``layer.request`` which are missing. Returns the plan drawn."""
    plan = plan or plan_tiles(view, layer.source, layer.density)
    if not plan.keys:
        return plan
    painter.save()
    device = painter.transform()
    dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
    raster = painter.paintEngine().type() == QPaintEngine.Type.Raster
    painter.resetTransform()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # pixel-exact edges
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    missing = []
    scaled: dict[tuple, QImage] | None = {} if layer.keep_scaled and raster else None

    def blit(target: QRectF, image: QImage, part: QRectF) -> None:
        whole = part == QRectF(image.rect())
        if scaled is None:
            # SVG and PDF engines ignore a source rectangle: hand them the part itself
            painter.drawImage(target, image if whole else image.copy(part.toRect()))
            return
        w, h = round(target.width() * dpr), round(target.height() * dpr)
        if w <= 0 or h <= 0:
            return
        k = (image.cacheKey(), part.x(), part.y(), part.width(), w, h)
        done = layer.scaled.get(k)
        if done is None:
            done = (image if whole else image.copy(part.toRect())).scaled(
                w,
                h,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            done.setDevicePixelRatio(dpr)  # its physical pixels land one to one
        scaled[k] = done
        painter.drawImage(target.topLeft(), done)

    for key in plan.keys:
        target = _device_rect(device, view, key, dpr)
        image = layer.cache.get((key, plan.hidpi))
        if image is not None:
            blit(target, image, QRectF(image.rect()))
            continue
        missing.append(key)
        if (key, plan.hidpi) in layer.failed:
            continue
        stand_in = _ancestor(layer.cache, key, plan.hidpi)
        if stand_in is not None:
            blit(target, *stand_in)
        for child in key.children():
            image = layer.cache.peek((child, plan.hidpi))
            if image is not None:
                blit(_device_rect(device, view, child, dpr), image, QRectF(image.rect()))
    painter.restore()
    if scaled is not None:
        layer.scaled = scaled  # what this frame did not use is let go
    if layer.request is not None:  # also with nothing missing: older wishes are dropped
        layer.request(plan, missing)
    return plan


def decode_tile(data: bytes) -> QImage | None:
    """PNG/JPEG/WebP bytes as an image in the format the raster engine blits fastest."""
    image = QImage.fromData(data)
    if image.isNull():
        return None
    fmt = (
        QImage.Format.Format_ARGB32_Premultiplied
        if image.hasAlphaChannel()
        else QImage.Format.Format_RGB32
    )
    return image if image.format() == fmt else image.convertToFormat(fmt)
