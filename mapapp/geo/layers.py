"""The GeoJSON layers in resources/geodata as shapely geometries (lon/lat, WGS 84).

This is the exact, unprojected data: geometry checks, distances to the border and
data exports read it here. The window draws from the pre-projected pack instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from mapapp.resources_path import geodata_dir


@dataclass(frozen=True)
class GeoFeature:
    geometry: Any  # shapely geometry
    props: dict[str, Any]


@cache
def load_layer(name: str, directory: Path | None = None) -> tuple[GeoFeature, ...]:
    from shapely.geometry import shape

    path = (directory or geodata_dir()) / f"{name}.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(
        GeoFeature(shape(f["geometry"]), f.get("properties") or {}) for f in data["features"]
    )


def mali_algeria_border() -> Any:
    return load_layer("mali_algeria_border")[0].geometry


def azawad() -> Any:
    return load_layer("azawad")[0].geometry


def display_name(props: dict) -> str:
    """A basemap feature's name as the interface's language writes it (Tombouctou,
    Algérie in French), its English ``name`` where the data has no other."""
    from mapapp.i18n import language

    return str(props.get(f"name_{language()}") or props.get("name") or "")


def place(name: str) -> GeoFeature:
    for f in load_layer("places"):
        if f.props.get("name") == name:
            return f
    raise KeyError(f"no place named {name!r} in the places layer")


def geodesic_length_km(geom: Any) -> float:
    from pyproj import Geod

    return Geod(ellps="WGS84").geometry_length(geom) / 1000.0


def geodesic_area_km2(geom: Any) -> float:
    from pyproj import Geod

    area, _ = Geod(ellps="WGS84").geometry_area_perimeter(geom)
    return abs(area) / 1e6


def distance_to_km(lon: float, lat: float, geom: Any) -> float:
    """Geodesic distance from a point to the nearest point of ``geom``.

    In an azimuthal equidistant projection centred on the point, distances from the
    centre are true geodesic distances, so the planar nearest point is the right one.
    """
    import numpy as np
    import shapely
    from pyproj import Transformer

    aeqd = f"+proj=aeqd +lat_0={lat} +lon_0={lon} +ellps=WGS84 +units=m"
    to_local = Transformer.from_crs("EPSG:4326", aeqd, always_xy=True)

    def project(xy: np.ndarray) -> np.ndarray:
        return np.column_stack(to_local.transform(xy[:, 0], xy[:, 1]))

    return shapely.transform(geom, project).distance(shapely.Point(0.0, 0.0)) / 1000.0
