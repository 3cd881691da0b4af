"""Map projection through pyproj, loaded on first use so start-up does not pay for it.

The basemap ships pre-projected (see ``basemap_pack``); only what the user points at at
run time (pointer position, scale bar, markers) goes through here.
"""

from __future__ import annotations

from typing import Any

MAP_CRS = "EPSG:3857"
GEO_CRS = "EPSG:4326"


class Projection:
    """Forward/inverse transform between lon/lat (WGS 84) and a projected map CRS."""

    def __init__(self, crs: str = MAP_CRS) -> None:
        self.crs = crs
        self._forward: Any = None
        self._inverse: Any = None

    def _load(self) -> None:
        from pyproj import Transformer

        self._forward = Transformer.from_crs(GEO_CRS, self.crs, always_xy=True)
        self._inverse = Transformer.from_crs(self.crs, GEO_CRS, always_xy=True)

    @property
    def loaded(self) -> bool:
        return self._forward is not None

    def forward(self, lon: Any, lat: Any) -> tuple[Any, Any]:
        """lon/lat degrees -> map metres; scalars or numpy arrays."""
        if self._forward is None:
            self._load()
        return self._forward.transform(lon, lat)

    def scale_factor(self, lon: float, lat: float) -> float:
        """Map metres per ground metre at a point (EPSG:3857: about sec(latitude))."""
        from pyproj import Proj

        factors = Proj(self.crs).get_factors(lon, lat)
        return float(factors.parallel_scale)

    def inverse(self, x: Any, y: Any) -> tuple[Any, Any]:
        """Map metres -> lon/lat degrees; scalars or numpy arrays."""
        if self._inverse is None:
            self._load()
        return self._inverse.transform(x, y)


WEB_MERCATOR = Projection(MAP_CRS)
