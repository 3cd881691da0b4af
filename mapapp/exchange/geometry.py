"""Where an event is, in lon/lat, for formats that need one geometry per item."""

from __future__ import annotations

from functools import cache
from typing import Any

from mapapp.model.situation import Area, Event, Situation


def area_shape(area: Area) -> Any | None:
    """The area as a shapely (multi)polygon: built-in geodata or the file's own."""
    from shapely.geometry import shape

    if area.geometry:
        return shape(planar(area.geometry))
    return _builtin_area(area.geodata) if area.geodata else None


def planar(geometry: dict[str, Any]) -> dict[str, Any]:
    """The (Multi)Polygon with lon, lat only: GeoJSON lets a position carry an altitude,
    and a file may mix both."""
    rings = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    flat = [[[p[:2] for p in ring] for ring in poly] for poly in rings]
    return {
        "type": geometry["type"],
        "coordinates": flat[0] if geometry["type"] == "Polygon" else flat,
    }


@cache
def _builtin_area(name: str) -> Any | None:
    from mapapp.geo import layers

    if name == "azawad":
        return layers.azawad()
    if name == "mali":
        return next(
            (f.geometry for f in layers.load_layer("countries_10m") if f.props["iso_a3"] == "MLI"),
            None,
        )
    return None


def event_point(situation: Situation, event: Event) -> tuple[float, float] | None:
    """lon, lat of the event's place, or of a point inside its area; None if unknown.

    A sub-event without a location of its own sits where its parent does.
    """
    loc = event.location
    if loc.precision == "unknown" and event.part_of in situation.events:
        loc = situation.root_event(event.id).location
    if loc.place in situation.places:
        p = situation.places[loc.place]
        return p.lon, p.lat
    if loc.area in situation.areas:
        shape = area_shape(situation.areas[loc.area])
        if shape is not None:
            pt = shape.representative_point()
            return round(pt.x, 4), round(pt.y, 4)
    return None


def rfc7946_geometry(shape: Any) -> dict[str, Any]:
    """GeoJSON geometry with exterior rings counter-clockwise and holes clockwise."""
    from shapely.geometry import MultiPolygon, Polygon, mapping
    from shapely.geometry.polygon import orient

    if isinstance(shape, Polygon):
        shape = orient(shape, 1.0)
    elif isinstance(shape, MultiPolygon):
        shape = MultiPolygon([orient(p, 1.0) for p in shape.geoms])
    return _rounded(mapping(shape))


def _rounded(geom: dict[str, Any]) -> dict[str, Any]:
    def walk(c):
        if isinstance(c, (list, tuple)) and c and isinstance(c[0], (int, float)):
            return [round(float(v), 6) for v in c]
        return [walk(x) for x in c]

    return {"type": geom["type"], "coordinates": walk(geom["coordinates"])}


def circle_ring(lon: float, lat: float, radius_km: float) -> list[list[float]]:
    """A geodesic circle as a closed counter-clockwise lon/lat ring."""
    from mapapp.geo.geodesy import geodesic_circle

    ring = [[round(x, 6), round(y, 6)] for x, y in geodesic_circle(lon, lat, radius_km * 1000)]
    return [*ring, ring[0]]
