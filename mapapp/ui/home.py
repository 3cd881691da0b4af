"""The view the app opens on when nothing was remembered."""

from __future__ import annotations

from mapapp.geo.basemap_pack import home_bounds
from mapapp.geo.viewport import Viewport, framing
from mapapp.render.basemap import Basemap


def home_view(basemap: Basemap, width: int, height: int) -> Viewport:
    return framing(home_bounds(basemap.pack), width, height, margin=0.06)
