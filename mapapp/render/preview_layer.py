"""A file's markers drawn while its table is still being read (from the table cache):
the map shows where the events are at once; clicks and lists wait for the table, whose
own layer then takes over."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mapapp.model.situation import Situation
from mapapp.render.basemap import Basemap
from mapapp.render.event_styles import EVENT_STYLES
from mapapp.render.markers import MarkerHit, MarkerLayer
from mapapp.render.situation_layer import SituationLayer

if TYPE_CHECKING:
    from mapapp.exchange.table_cache import Markers
    from mapapp.geo.viewport import Viewport


class PreviewLayer(SituationLayer):
    """Markers only: no events to select, name or frame but by their positions."""

    def __init__(self, path: Path, markers: Markers, basemap: Basemap) -> None:
        import numpy as np

        empty = Situation(
            title=path.name, description="", data_date="", sources={}, places={},
            areas={}, actors={}, events={}, claims={}, path=path, raw={}, table=None,
        )  # fmt: skip
        super().__init__(empty, basemap)  # no events: only the markers below
        index = {t: i for i, t in enumerate(EVENT_STYLES)}
        lookup = np.array([index.get(t, index["report"]) for t in markers.types] or [0])
        kinds = lookup[np.clip(markers.codes, 0, len(lookup) - 1)]
        styles = list(EVENT_STYLES.values())
        self.markers = MarkerLayer(markers.x, markers.y, kinds, styles, vectorised=True)

    def extent(self) -> tuple[float, float, float, float] | None:
        return self._table_extent()

    def hit_test(self, view: Viewport, px: float, py: float) -> MarkerHit | None:
        return None  # nothing to select until the table is there
