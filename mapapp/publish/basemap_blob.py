"""The window's vector basemap, simplified for the web and packed for the page.

The page draws the same layers as the window (countries, Mali's regions, Azawad, the
Mali–Algeria border, places) from the same pre-projected pack (EPSG:3857 metres), at the
tolerances the pack already stores: the outlines nearest the situation at 256 m (under a
pixel down to a town's zoom), each also at 4 km for far-out frames, and the world's
context at 16 km. Vertices are whole metres, each ring delta-coded, the lot gzipped: the
basemap costs ~0.2 MB of a page.

Layout of the blob (before gzip): uint32 length of a UTF-8 JSON index, the index, zero
padding to 4 bytes, then int32 x, y pairs (each ring's first vertex absolute, the rest
differences). The index lists each layer's features: their properties, bbox, and
``levels``: [tolerance in metres, [vertex count of each ring]] from fine to coarse, the
rings following one another in the pairs.
"""

from __future__ import annotations

import gzip
import json
import struct
from typing import Any

from mapapp.geo.basemap_pack import BasemapPack, PackedFeature
from mapapp.geo.layers import display_name

# layer -> tolerances (metres) stored, fine first; 0: every vertex
LEVELS: dict[str, tuple[float, ...]] = {
    "world_context": (16384.0,),
    "countries_10m": (256.0, 4096.0),
    "mali_admin1": (256.0, 4096.0),
    "azawad": (0.0, 4096.0),
    "mali_algeria_border": (0.0,),
    "places": (0.0,),
}
KEPT_PROPS = ("name", "iso_a3", "kind", "rank", "country", "scale")


def basemap_blob(pack: BasemapPack) -> bytes:
    """The gzipped blob described in the module docstring."""
    import numpy as np

    chunks: list[np.ndarray] = []
    layers: dict[str, list[dict[str, Any]]] = {}
    for name, tolerances in LEVELS.items():
        out = []
        for feat in pack.layers[name]:
            levels = []
            for tol in tolerances:
                rings = _rings(feat, tol)
                if levels and rings == levels[-1][2]:
                    continue  # no coarser than the finer level
                levels.append((tol, [c for _, c in rings], rings))
                for start, count in rings:
                    xy = np.frombuffer(pack.ring_bytes(start, count), "<f8").reshape(-1, 2)
                    whole = np.rint(xy).astype(np.int64)
                    delta = np.diff(whole, axis=0, prepend=np.zeros((1, 2), np.int64))
                    chunks.append(delta.astype("<i4"))
            out.append(
                {
                    "props": {k: feat.props[k] for k in KEPT_PROPS if k in feat.props}
                    | {"label": display_name(feat.props)},
                    "bbox": [round(v) for v in feat.bbox],
                    "label": [round(v) for v in feat.label] if feat.label else None,
                    "labels": [[round(v) for v in p] for p in feat.label_candidates],
                    "levels": [[tol, counts] for tol, counts, _ in levels],
                }
            )
        layers[name] = out
    # the order the rings were written in, which the page reads them back in
    index = {"order": list(LEVELS), "layers": layers}
    text = json.dumps(index, separators=(",", ":"), sort_keys=True).encode()
    head = struct.pack("<I", len(text)) + text
    head += b"\0" * (-len(head) % 4)
    body = b"".join(c.tobytes() for c in chunks)
    return gzip.compress(head + body, compresslevel=9, mtime=0)


def _rings(feat: PackedFeature, tolerance: float) -> list[tuple[int, int]]:
    if tolerance <= 0 or not feat.simplified:
        return list(feat.rings)
    return feat.rings_at(feat.level_within(tolerance))
