"""Distances on the WGS 84 ellipsoid.

The scale bar runs on every repaint, so it calls geographiclib (geopy's own geodesic
engine) directly and skips geopy's heavy package import; user-facing measurements go
through geopy.
"""

from __future__ import annotations

import math


def geodesic_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Geodesic distance in metres, light enough for every frame."""
    from geographiclib.geodesic import Geodesic

    return float(Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2, Geodesic.DISTANCE)["s12"])


def measure_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Geodesic distance in km for the measure tool (geopy)."""
    from geopy.distance import geodesic

    return float(geodesic((lat1, lon1), (lat2, lon2)).km)


def initial_bearing_deg(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Forward azimuth from point 1 to point 2, degrees clockwise from true north."""
    from geographiclib.geodesic import Geodesic

    azi = Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2, Geodesic.AZIMUTH)["azi1"]
    return float(azi) % 360.0


def geodesic_circle(
    lon: float, lat: float, radius_m: float, n: int = 72
) -> list[tuple[float, float]]:
    """``n`` points at ``radius_m`` around a centre, counter-clockwise (lon, lat)."""
    from geographiclib.geodesic import Geodesic

    out = []
    for i in range(n):
        g = Geodesic.WGS84.Direct(lat, lon, -360.0 * i / n, radius_m)
        out.append((g["lon2"], g["lat2"]))
    return out


def nice_length(max_m: float) -> float:
    """The largest 1/2/5 x 10^k metres not above ``max_m`` (for a readable scale bar)."""
    if not (max_m > 0 and math.isfinite(max_m)):
        return 0.0
    exp = math.floor(math.log10(max_m))
    for mult in (5, 2, 1):
        length = mult * 10.0**exp
        if length <= max_m:
            return length
    return 10.0 ** (exp - 1) * 5


def format_distance(m: float) -> str:
    """'1,266 km' / '1 266 km', '2.5 km' / '2,5 km', '300 m', as the language writes them."""
    from mapapp.i18n import format_number

    if m >= 1000:
        km = m / 1000
        whole = km >= 10 or km == int(km)
        return f"{format_number(km, 0 if whole else 1)} km"
    return f"{format_number(m)} m"
