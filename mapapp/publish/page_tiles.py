"""A tile basemap for the page (``--basemap``): from a tile file, the tiles of the area the
page opens on, embedded; from an online provider, the reader's browser fetches them.

Either way the vector basemap stays under the tiles, so a page never needs the network to
show its map: an online layer is an addition that appears where the reader's browser can
reach the provider, and the page's Content-Security-Policy then allows images from that
provider's servers and nothing else. Embedded tiles are limited to ``BUDGET_BYTES``: from
the zoom of the first view outwards, whole zoom levels are taken while they fit.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mapapp.geo.tile_files import open_tile_file
from mapapp.geo.tile_sources import TileSource
from mapapp.geo.tiles import tiles_covering, zoom_level

BUDGET_BYTES = 12_000_000
HOST = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*", re.IGNORECASE)
ZOOMS_OUT, ZOOMS_IN = 2, 4  # around the first view's zoom
AREA_GROWTH = 1.0  # the area embedded: the first view and this much of it on every side


def tiles_payload(source: TileSource, view: list[float], width_px: int = 1280) -> dict[str, Any]:
    """What the page's tile layer reads; ``view``: the first view's EPSG:3857 box."""
    common = {"name": source.name, "attribution": source.attribution}
    if source.online:
        return {
            **common,
            "kind": "online",
            "url": source.location,
            "subdomains": source.subdomains,
            "min_zoom": source.min_zoom,
            "max_zoom": source.max_zoom,
        }
    x0, y0, x1, y1 = view
    gx, gy = (x1 - x0) * AREA_GROWTH, (y1 - y0) * AREA_GROWTH
    area = (x0 - gx, y0 - gy, x1 + gx, y1 + gy)
    if source.map_bounds is not None:
        bx0, by0, bx1, by1 = source.map_bounds
        area = (max(area[0], bx0), max(area[1], by0), min(area[2], bx1), min(area[3], by1))
    first = zoom_level((x1 - x0) / width_px)
    order = [first + d for d in range(0, ZOOMS_IN + 1)] + [
        first - d for d in range(1, ZOOMS_OUT + 1)
    ]
    tiles: dict[str, str] = {}
    used = 0
    reader = open_tile_file(Path(source.location))
    try:
        for z in order:
            if (
                not source.min_zoom <= z <= source.max_zoom
                or area[0] >= area[2]
                or area[1] >= area[3]
            ):
                continue
            level: dict[str, str] = {}
            size = 0
            for key in tiles_covering(area, z):
                data = reader.read(key)
                if data:
                    level[f"{key.z}/{key.x}/{key.y}"] = _data_url(data)
                    size += len(level[f"{key.z}/{key.x}/{key.y}"])
                if used + size > BUDGET_BYTES:
                    break
            if used + size > BUDGET_BYTES:
                continue  # a whole zoom level or none: no patchwork at one zoom
            tiles.update(level)
            used += size
    finally:
        reader.close()
    zooms = sorted({int(k.split("/")[0]) for k in tiles})
    return {
        **common,
        "kind": "embedded",
        "tiles": tiles,
        "min_zoom": zooms[0] if zooms else 0,
        "max_zoom": zooms[-1] if zooms else 0,
    }


def tile_origins(payload: dict[str, Any] | None) -> list[str]:
    """The servers an online layer's images come from (each subdomain's), for the page's
    Content-Security-Policy."""
    if not payload or payload.get("kind") != "online":
        return []
    template = payload["url"]
    subs = payload.get("subdomains") or "abc"  # Leaflet's default too (viewer, tileLayer)
    urls = [template.replace("{s}", s) for s in subs] if "{s}" in template else [template]
    out = []
    for url in urls:
        parts = urlsplit(url)
        host = parts.hostname or ""
        try:
            port = parts.port
        except ValueError:
            continue
        netloc = host + (f":{port}" if port else "")
        if parts.scheme not in ("http", "https") or not HOST.fullmatch(host):
            continue  # nothing that could widen the policy beyond one server
        if parts.netloc.lower() != netloc.lower():
            continue  # a user name or anything else before the host: not a plain server
        origin = f"{parts.scheme}://{netloc}"
        if origin not in out:
            out.append(origin)
    return out


def _data_url(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        mime = "image/png"
    elif data.startswith(b"\xff\xd8"):
        mime = "image/jpeg"
    elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        mime = "image/webp"
    else:
        mime = "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
