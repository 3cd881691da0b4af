"""Where basemap tiles come from: online providers (xyzservices' catalogue or a custom URL
template) and tile files (MBTiles, PMTiles; see ``tile_files``), each with the attribution,
zoom range and bounds its provider gives. No Qt, no network.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache, cached_property
from html import unescape

from mapapp.errors import MapappError
from mapapp.geo.tiles import TileKey, tile_bounds
from mapapp.i18n import translate

TILE_FILE_SUFFIXES = (".mbtiles", ".pmtiles")
_PLACEHOLDERS = re.compile(r"\{([^{}]*)\}")
_KNOWN = {"z", "x", "y", "-y", "s", "r"}


class TileSourceError(MapappError):
    """A basemap that cannot be used: unknown name, bad template, unreadable file."""


@dataclass(frozen=True)
class TileSource:
    """name: shown in menus and metadata; location: URL template ({z} {x} {y}, optional
    {-y} {s} {r}) or a tile file's path; kind: "xyz", "mbtiles" or "pmtiles";
    attribution: plain text the map and every export must show; bounds: W,S,E,N degrees
    outside which the source has no tiles; spec: what ``source_from_spec`` takes back."""

    name: str
    location: str
    kind: str = "xyz"
    attribution: str = ""
    min_zoom: int = 0
    max_zoom: int = 19
    bounds: tuple[float, float, float, float] | None = None
    subdomains: str = "abc"
    spec: str = ""

    @property
    def online(self) -> bool:
        return self.kind == "xyz"

    @property
    def hidpi(self) -> bool:
        """The provider serves 512-pixel "@2x" tiles for high-density screens."""
        return self.online and "{r}" in self.location

    def url(self, key: TileKey, hidpi: bool = False) -> str:
        values = {
            "z": str(key.z),
            "x": str(key.x),
            "y": str(key.y),
            "-y": str(key.tms_y()),
            "s": self.subdomains[(key.x + key.y) % len(self.subdomains)] if self.subdomains else "",
            "r": "@2x" if hidpi and self.hidpi else "",
        }
        return _PLACEHOLDERS.sub(lambda m: values[m.group(1)], self.location)

    @cached_property
    def map_bounds(self) -> tuple[float, float, float, float] | None:
        """``bounds`` in map metres (asked for every tile of every frame)."""
        if self.bounds is None:
            return None
        from mapapp.geo.projection import _mercator_forward

        w, s, e, n = self.bounds
        return (*_mercator_forward(w, max(s, -85.06)), *_mercator_forward(e, min(n, 85.06)))

    def covers(self, key: TileKey) -> bool:
        """Whether the source can have this tile (zoom range and bounds)."""
        if not self.min_zoom <= key.z <= self.max_zoom:
            return False
        if self.map_bounds is None:
            return True
        xmin, ymin, xmax, ymax = self.map_bounds
        x0, y0, x1, y1 = tile_bounds(key)
        return x0 < xmax and x1 > xmin and y0 < ymax and y1 > ymin


def plain_attribution(html: str) -> str:
    """A provider's HTML attribution as the plain text we draw: tags dropped, entities
    decoded ("&copy;" → "©"), spaces collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]*>", "", html)).split())


def _usable(provider) -> bool:
    """No API key to insert, not marked broken, Web-Mercator 256-pixel XYZ tiles."""
    return not (
        provider.requires_token()
        or provider.get("status")
        or provider.get("crs")
        or provider.get("zoomOffset")
        or provider.get("tileSize", 256) != 256
    )


@cache
def catalogue() -> dict[str, TileSource]:
    """Every keyless provider in xyzservices' catalogue, by its dotted name."""
    import xyzservices

    out = {}
    for name, p in xyzservices.providers.flatten().items():
        if not _usable(p):
            continue
        bounds = None
        if p.get("bounds"):
            (s, w), (n, e) = p["bounds"]
            bounds = (float(w), float(s), float(e), float(n))
        out[name] = TileSource(
            name=name,
            location=p.build_url(fill_subdomain=False, scale_factor="{r}")
            if "{r}" in p.url
            else p.build_url(fill_subdomain=False),
            attribution=plain_attribution(p.get("html_attribution", ""))
            or p.get("attribution", ""),
            min_zoom=int(p.get("min_zoom", 0)),
            max_zoom=int(p.get("max_zoom", 19)),
            bounds=bounds,
            subdomains=p.get("subdomains", "abc"),
            spec=name,
        )
    return out


def _normal(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def provider(name: str) -> TileSource:
    """A catalogue provider by name, case, dots and spaces ignored; a family name alone
    ("OpenStreetMap") means its first variant."""
    wanted = _normal(name)
    entries = catalogue()
    for key, source in entries.items():
        if _normal(key) == wanted:
            return source
    for key, source in entries.items():
        if _normal(key.split(".")[0]) == wanted:
            return source
    text = translate(
        "basemap",
        "unknown basemap {name!r}: give a provider name (e.g. OpenStreetMap.Mapnik, "
        "Esri.WorldImagery), an https URL template with {{z}}/{{x}}/{{y}}, "
        "or an .mbtiles/.pmtiles file",
    )
    raise TileSourceError(text.format(name=name))


def custom_source(template: str, attribution: str = "", max_zoom: int = 19) -> TileSource:
    """A user's XYZ URL template, checked before any request is made."""
    template = template.strip()
    if not re.match(r"https?://[^/\s]", template) or re.search(r"\s", template):
        text = translate(
            "basemap", "tile URL template must start with http:// or https://, not {template!r}"
        )
        raise TileSourceError(text.format(template=template[:60]))
    names = set(_PLACEHOLDERS.findall(template))
    unknown = names - _KNOWN
    if unknown:
        text = translate(
            "basemap",
            "tile URL template has an unknown placeholder {{{name}}}; "
            "use {{z}}, {{x}}, {{y}} (or {{-y}}), {{s}} and {{r}}",
        )
        raise TileSourceError(text.format(name=sorted(unknown)[0]))
    if "z" not in names or "x" not in names or not names & {"y", "-y"}:
        raise TileSourceError(translate("basemap", "tile URL template must hold {z}, {x} and {y}"))
    if not 0 <= max_zoom <= 22:
        text = translate("basemap", "maximum zoom {zoom} is out of range (0..22)")
        raise TileSourceError(text.format(zoom=max_zoom))
    host = re.sub(r"^https?://", "", template).split("/", 1)[0]
    return TileSource(
        name=translate("basemap", "Custom tiles ({host})").format(host=host),
        location=template,
        attribution=attribution.strip() or translate("basemap", "Tiles: {host}").format(host=host),
        max_zoom=max_zoom,
        spec=template,
    )


def lonlat_bounds_ok(bounds: tuple[float, float, float, float]) -> bool:
    w, s, e, n = bounds
    return all(math.isfinite(v) for v in bounds) and -180 <= w < e <= 180 and -90 <= s < n <= 90
