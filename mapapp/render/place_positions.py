"""Where a situation's places stand on the map, in map metres.

The basemap's gazetteer entries are projected once when the pack is built; a place that
matches one (by name and coordinates) reuses it instead of projecting again.
"""

from __future__ import annotations

from dataclasses import dataclass

from mapapp.model.situation import Situation
from mapapp.render.basemap import Basemap

GAZETTEER_TOLERANCE_DEG = 1e-4


@dataclass(frozen=True)
class PlacePosition:
    x: float
    y: float
    scale: float  # map metres per ground metre here


def place_positions(situation: Situation, basemap: Basemap) -> dict[str, PlacePosition]:
    """Map positions of the situation's places: the pre-projected gazetteer entry when it
    agrees with the file's own coordinates, else pyproj on those coordinates."""
    gazetteer = {str(f.props.get("name")): f for f in basemap.places}
    out = {}
    for place in situation.places.values():
        g = gazetteer.get(place.gazetteer) if place.gazetteer else None
        if g is not None and _agrees(basemap, g.bbox[0], g.bbox[1], place.lon, place.lat):
            out[place.id] = PlacePosition(g.bbox[0], g.bbox[1], float(g.props["scale"]))
        else:
            from mapapp.geo.projection import WEB_MERCATOR

            x, y = WEB_MERCATOR.forward(place.lon, place.lat)
            out[place.id] = PlacePosition(x, y, WEB_MERCATOR.scale_factor(place.lon, place.lat))
    return out


def _agrees(basemap: Basemap, x: float, y: float, lon: float, lat: float) -> bool:
    glon, glat = basemap.pack.lonlat_at(x, y)
    return abs(glon - lon) < GAZETTEER_TOLERANCE_DEG and abs(glat - lat) < GAZETTEER_TOLERANCE_DEG
