"""Binning markers into a screen grid anchored to map coordinates, once per frame.

Two paths with one result: plain Python for small layers (no numpy import, no call
overhead) and numpy for large ones. The bins are what a frame draws and what a click hits.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Protocol

from mapapp.geo.viewport import Viewport
from mapapp.render.bubbles import CELL_PX, bubble_radii, bubble_radius


class Points(Protocol):
    """What binning reads of a marker layer: positions in map metres, per-marker
    visibility, style index and opacity (lists, or numpy arrays when ``vectorised``)."""

    x: Any
    y: Any
    visible: Any
    style_index: Any
    styles: list
    alpha: Any
    vectorised: bool
    box: tuple[float, float, float, float] | None  # the markers' extent (numpy path)


@dataclass
class Frame:
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


def bin_markers(layer: Points, view: Viewport) -> Frame:
    frame = _bin_numpy(layer, view) if layer.vectorised else _bin_python(layer, view)
    if layer.alpha is not None and len(frame.keys):
        frame.alpha = _cell_alpha(layer, frame)
    return frame


def _cell_alpha(layer: Points, frame: Frame) -> Any:
    if layer.vectorised:
        import numpy as np

        at = np.searchsorted(frame.keys, frame.cell)
        sums = np.bincount(at, weights=layer.alpha[frame.index], minlength=len(frame.keys))
        return sums / frame.count
    sums: dict = {}
    for i, c in zip(frame.index, frame.cell, strict=True):
        sums[c] = sums.get(c, 0.0) + float(layer.alpha[i])
    return [sums[key] / n for key, n in zip(frame.keys, frame.count, strict=True)]


def _bin_python(layer: Points, view: Viewport) -> Frame:
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
    return Frame(
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


def _bin_numpy(layer: Points, view: Viewport) -> Frame:
    import numpy as np

    pad = CELL_PX * view.resolution
    x0, y0, x1, y1 = view.bounds()
    x, y = layer.x, layer.y
    if _all_in(layer, (x0 - pad, y0 - pad, x1 + pad, y1 + pad)):
        # every marker is in view (a dataset just framed): no mask, no copies
        index, vx, vy, style = np.arange(len(x)), x, y, layer.style_index
    else:
        inside = (x >= x0 - pad) & (x <= x1 + pad) & (y >= y0 - pad) & (y <= y1 + pad)
        index = np.flatnonzero(layer.visible & inside)
        vx, vy, style = x[index], y[index], layer.style_index[index]
    if len(index) == 0:
        e = np.zeros(0, np.int64)
        split = np.zeros((0, len(layer.styles)), np.int64)
        return Frame(view, index, e, e, e, e, np.zeros(0), np.zeros(0), split)
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
    # the mean of the members' screen positions, from the mean of their map positions
    sx = (np.bincount(cell, weights=vx)[keys] / count - view.cx) * k + view.width / 2
    sy = (view.cy - np.bincount(cell, weights=vy)[keys] / count) * k + view.height / 2
    r = bubble_radii(count) + 1
    left = ((keys % ncols + gx0) * cell_m - view.cx) * k + view.width / 2
    top = (view.cy - (keys // ncols + gy0 + 1) * cell_m) * k + view.height / 2
    many = count > 1
    sx = np.where(many, np.clip(sx, left + r, left + CELL_PX - r), sx)
    sy = np.where(many, np.clip(sy, top + r, top + CELL_PX - r), sy)
    member = np.empty(len(count_all), np.int64)
    member[cell] = index  # a one-marker cell's marker (exact: no other writes there)
    single = np.where(count == 1, member[keys], -1)
    n_styles = len(layer.styles)
    at = np.zeros(len(count_all), np.int64)  # cell key -> its row among the drawn cells
    at[keys] = np.arange(len(keys))
    split = np.bincount(at[cell] * n_styles + style, minlength=len(keys) * n_styles)
    return Frame(view, index, cell, keys, count, single, sx, sy, split.reshape(-1, n_styles))


def _all_in(layer: Points, box: tuple[float, float, float, float]) -> bool:
    """Every marker shown and inside ``box``: then no mask, and none of the copies it
    makes over a million markers."""
    own = layer.box
    return bool(
        own is not None
        and own[0] >= box[0]
        and own[1] >= box[1]
        and own[2] <= box[2]
        and own[3] <= box[3]
        and layer.visible.all()
    )


def _inside_cell(s: float, cell_start: float, r: float) -> float:
    """A cluster's screen position (its members' mean) kept inside its own cell, so two
    clusters never overlap (cell_start: the cell's left or top edge on screen)."""
    return min(max(s, cell_start + r + 1), cell_start + CELL_PX - r - 1)
