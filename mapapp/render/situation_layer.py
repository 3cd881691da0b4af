"""A situation on the map: event markers, 'near' uncertainty rings, region-level areas.

Only top-level events with a place get a marker; their parts (the ambush within the
battle) are reached through it. Region-level events are never given a made-up point:
selecting one draws its area.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPolygonF

from mapapp.geo.viewport import Viewport
from mapapp.i18n import translate
from mapapp.model.situation import Situation
from mapapp.render import style
from mapapp.render.basemap import Basemap, map_transform
from mapapp.render.event_styles import EVENT_STYLES
from mapapp.render.legend import legend_label
from mapapp.render.markers import MarkerHit, MarkerLayer
from mapapp.render.place_positions import PlacePosition, place_positions
from mapapp.render.symbols import MarkerStyle

RING = QColor(217, 72, 15, 170)
RING_FILL = QColor(217, 72, 15, 28)
AREA_EDGE = QColor("#1f5fa8")
AREA_FILL = QColor(31, 95, 168, 40)


class MarkerIds:
    """Marker index -> event id for a dataset: its ids column seen through the rows that
    have a marker (no list of a million strings)."""

    def __init__(self, ids: Any, rows: Any) -> None:
        self.ids, self.rows = ids, rows

    def __getitem__(self, i: int) -> str:
        return self.ids[int(self.rows[i])]

    def __len__(self) -> int:
        return len(self.rows)


class SituationLayer:
    """Markers, rings and areas of one situation, plus which event a click hits."""

    def __init__(self, situation: Situation, basemap: Basemap) -> None:
        self.situation = situation
        self.basemap = basemap
        self.table = situation.table
        self.visible_rows: Any = None  # a dataset's rows that pass the filters and time
        if self.table is not None:
            self.positions: dict[str, PlacePosition] = {}
            self._init_table_markers()
            return
        self.positions = place_positions(situation, basemap)
        self.marker_events: Any = []
        xs, ys, kinds = [], [], []
        type_index = {t: i for i, t in enumerate(EVENT_STYLES)}
        for event in situation.chronological_events():
            loc = event.location
            # a region-level event coded to a point (as ACLED does) is marked there too;
            # one with an area is drawn as that area when selected
            pointed = loc.precision in ("exact", "near") or (
                loc.precision == "region" and not loc.area
            )
            if event.part_of or not pointed or not loc.place:
                continue
            pos = self.positions[loc.place]
            self.marker_events.append(event.id)
            xs.append(pos.x)
            ys.append(pos.y)
            kinds.append(type_index.get(event.type, type_index["report"]))
        self.markers = MarkerLayer(xs, ys, kinds, list(EVENT_STYLES.values()))
        self._index = {eid: i for i, eid in enumerate(self.marker_events)}
        self._area_paths: dict[str, QPainterPath] = {}
        self.visible_events: set[str] = set(situation.events)

    def _init_table_markers(self) -> None:
        """One marker per row with a position, fed from the columns."""
        import numpy as np
        import polars as pl

        from mapapp.geo.projection import mercator_arrays

        table = self.table
        lon, lat = table.numpy("lon"), table.numpy("lat")
        rows = np.flatnonzero(~(np.isnan(lon) | np.isnan(lat)))
        x, y = mercator_arrays(lon[rows], lat[rows])
        type_index = {t: i for i, t in enumerate(EVENT_STYLES)}
        kinds = (
            table.column("type")
            .cast(pl.String)
            .replace_strict(type_index, default=type_index["report"], return_dtype=pl.Int32)
            .to_numpy()[rows]
        )
        self.marker_rows = rows
        self.marker_events = MarkerIds(table.column("id"), rows)
        self.markers = MarkerLayer(x, y, kinds, list(EVENT_STYLES.values()), vectorised=True)
        self._area_paths = {}
        self.visible_events = set()

    # queries ---------------------------------------------------------------
    def marker_of(self, event_id: str) -> int | None:
        """Marker index showing this event (its top-level event's marker)."""
        if self.table is not None:
            import numpy as np

            row = self.table.row_of(event_id)
            if row is None:
                return None
            i = int(np.searchsorted(self.marker_rows, row))
            return i if i < len(self.marker_rows) and self.marker_rows[i] == row else None
        if event_id not in self.situation.events:
            return None
        return self._index.get(self.situation.root_event(event_id).id)

    def describe(self, event_id: str) -> str:
        """'title — when' for tooltips and menus."""
        event = self.situation.events.get(event_id)
        if event is not None:
            return translate("map", "{title} — {when}").format(
                title=event.title, when=event.time.label()
            )
        from mapapp.model.events_table import row_title, row_when

        row = self.table.row_of(event_id) if self.table is not None else None
        if row is None:
            return event_id
        r = self.table.row(row)
        return translate("map", "{title} — {when}").format(title=row_title(r), when=row_when(r))

    def event_position(self, event_id: str) -> tuple[float, float] | None:
        i = self.marker_of(event_id)
        return (self.markers.x[i], self.markers.y[i]) if i is not None else None

    def area_path(self, area_id: str) -> QPainterPath | None:
        """The area in map metres: built-in geodata, or the file's own polygon via pyproj."""
        if area_id in self._area_paths:
            return self._area_paths[area_id]
        area = self.situation.areas.get(area_id)
        if area is None:
            return None
        path = None
        if area.geodata == "azawad":
            path = self.basemap.features("azawad")[0].path
        elif area.geodata == "mali":
            mali = [f for f in self.basemap.features("countries_10m") if f.props["iso_a3"] == "MLI"]
            path = mali[0].path if mali else None
        elif area.geometry:
            path = _polygon_path(area.geometry)
        self._area_paths[area_id] = path
        return path

    def event_bounds(self, event_id: str) -> QRectF | None:
        """What to frame when the event is selected: its area, ring or point."""
        if self.table is not None:
            pos = self.event_position(event_id)
            r = 50_000.0
            return QRectF(pos[0] - r, pos[1] - r, 2 * r, 2 * r) if pos else None
        event = self.situation.events.get(event_id)
        if event is None:
            return None
        root = self.situation.root_event(event_id)
        loc = event.location if event.location.precision != "unknown" else root.location
        if loc.precision == "region" and loc.area:
            path = self.area_path(loc.area)
            return path.boundingRect() if path is not None else None
        if loc.place in self.positions:
            pos = self.positions[loc.place]
            r = max((loc.radius_km or 5.0) * 1000 * pos.scale * 4, 50_000.0)
            return QRectF(pos.x - r, pos.y - r, 2 * r, 2 * r)
        return None

    def extent(self) -> tuple[float, float, float, float] | None:
        """Map box of the situation's places and areas, padded so a single point still
        shows its surroundings."""
        if self.table is not None:
            return self._table_extent()
        xs = [p.x for p in self.positions.values()]
        ys = [p.y for p in self.positions.values()]
        for area in self.situation.areas:
            path = self.area_path(area)
            if path is not None:
                r = path.boundingRect()
                xs += [r.left(), r.right()]
                ys += [r.top(), r.bottom()]
        if not xs:
            return None
        pad = max(max(xs) - min(xs), max(ys) - min(ys), 300_000.0) * 0.08
        return (min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)

    def _table_extent(self) -> tuple[float, float, float, float] | None:
        """Where the dataset's events are: the central 99.8% of them each way, so a few
        mis-coded rows (0, 0) do not frame half the world."""
        import numpy as np

        x, y = self.markers.x, self.markers.y
        if len(x) == 0:
            return None
        sample = slice(None, None, max(1, len(x) // 200_000))
        x0, x1 = _central(np.asarray(x[sample]))
        y0, y1 = _central(np.asarray(y[sample]))
        pad = max(x1 - x0, y1 - y0, 300_000.0) * 0.08
        return (float(x0 - pad), float(y0 - pad), float(x1 + pad), float(y1 + pad))

    def extra_places(self) -> list[tuple[str, float, float]]:
        """The situation's places that the basemap's gazetteer does not label."""
        known = {str(f.props.get("name")) for f in self.basemap.places}
        return [
            (p.name, self.positions[p.id].x, self.positions[p.id].y)
            for p in self.situation.places.values()
            if (p.gazetteer or p.name) not in known
        ]

    def focus_names(self) -> frozenset[str]:
        """Names of the focus places as the basemap labels them; without a focus list
        (a situation being written), the places its events happen at."""
        s = self.situation
        ids = s.focus or [e.location.place for e in s.events.values() if e.location.place]
        return frozenset(s.places[p].gazetteer or s.places[p].name for p in ids if p in s.places)

    def set_visible_rows(self, rows: Any) -> None:
        """Filters and the time window over the events table's rows (boolean array); a
        situation file's events map through their ids (parts show on their parent)."""
        if self.table is None:
            import numpy as np

            ids = self.situation.events_table().column("id")
            self.set_visible_events(set(ids.filter(np.asarray(rows, bool)).to_list()))
            return
        self.visible_rows = rows
        self.markers.set_visible(rows[self.marker_rows])

    def set_alpha(self, alpha: Any) -> None:
        """Opacity per events-table row (the timeline's fade), or None for opaque; a
        situation file's marker takes the most visible of its event and its parts."""
        if alpha is None:
            self.markers.set_alpha(None)
            return
        if self.table is not None:
            self.markers.set_alpha(alpha[self.marker_rows])
            return
        import numpy as np

        ids = self.situation.events_table().column("id").to_list()
        best: dict[str, float] = {}
        for eid, a in zip(ids, alpha, strict=True):
            root = self.situation.root_event(eid).id
            best[root] = max(best.get(root, 0.0), float(a))
        values = [best.get(eid, 0.0) for eid in self.marker_events]
        self.markers.set_alpha(np.asarray(values) if self.markers.vectorised else values)

    def set_visible_events(self, event_ids: set[str]) -> None:
        """Filters: a marker shows when its event or any of its parts passes."""
        self.visible_events = set(event_ids)
        shown = {self.situation.root_event(e).id for e in event_ids}
        self.markers.set_visible([eid in shown for eid in self.marker_events])

    def hit_test(self, view: Viewport, px: float, py: float) -> MarkerHit | None:
        return self.markers.hit_test(view, px, py)

    # drawing ---------------------------------------------------------------
    def draw_under(self, painter: QPainter, view: Viewport, selected_event: str | None) -> None:
        """Areas and uncertainty rings: below the labels."""
        selected = self.situation.events.get(selected_event) if selected_event else None
        if selected is not None and selected.location.precision == "region":
            self._draw_area(painter, view, selected.location.area)
        self._draw_rings(painter, view)

    def draw_markers(
        self, painter: QPainter, view: Viewport, selected_event: str | None, density=False
    ) -> None:
        index = self.marker_of(selected_event) if selected_event else None
        if density:
            from mapapp.render.density import draw_density

            draw_density(painter, view, self.markers, index)
        else:
            self.markers.draw(painter, view, index)

    def marker_rects(self, view: Viewport) -> list[QRectF]:
        """Screen rectangles of the visible markers, to keep labels off them."""
        half = 10.0
        if self.markers.vectorised:  # what is drawn: one symbol or bubble per cell
            frame = self.markers.frame(view)
            return [
                QRectF(float(sx) - half, float(sy) - half, 2 * half, 2 * half)
                for sx, sy in zip(frame.sx, frame.sy, strict=True)
            ]
        rects = []
        for i in range(len(self.marker_events)):
            if self.markers.visible[i]:
                sx, sy = view.map_to_screen(self.markers.x[i], self.markers.y[i])
                rects.append(QRectF(sx - half, sy - half, 2 * half, 2 * half))
        return rects

    def rings(self, view: Viewport) -> list[tuple[float, float, float]]:
        """Screen centre and radius of the 'near' rings a frame of ``view`` draws."""
        out: list[tuple[float, float, float]] = []
        if self.table is not None:  # a dataset's 'near' has no radius to draw
            return out
        for i, eid in enumerate(self.marker_events):
            loc = self.situation.events[eid].location
            if loc.precision != "near" or not loc.radius_km or not self.markers.visible[i]:
                continue
            pos = self.positions[loc.place]
            r_px = loc.radius_km * 1000 * pos.scale / view.resolution
            sx, sy = view.map_to_screen(pos.x, pos.y)
            inside = -r_px < sx < view.width + r_px and -r_px < sy < view.height + r_px
            if r_px >= 4 and inside:
                out.append((sx, sy, r_px))
        return out

    def _draw_rings(self, painter: QPainter, view: Viewport) -> None:
        painter.save()
        painter.setPen(style.cosmetic_pen(RING, 1.0, Qt.PenStyle.DashLine))
        painter.setBrush(RING_FILL)
        for sx, sy, r_px in self.rings(view):
            painter.drawEllipse(QPointF(sx, sy), r_px, r_px)
        painter.restore()

    def legend_entries(
        self, view: Viewport, selected_event: str | None
    ) -> list[tuple[str, str, MarkerStyle | None]]:
        """What this layer draws in ``view``: event symbols, rings, clusters, the area."""
        styles, clusters = self.markers.drawn_styles(view)
        names = list(EVENT_STYLES)
        out = [
            (f"event:{names[i]}", _event_entry(names[i]), EVENT_STYLES[names[i]])
            for i in sorted(styles)
        ]
        if selected_event is not None:
            i = self.marker_of(selected_event)
            if i is not None and self.markers.visible[i]:
                kind = names[int(self.markers.style_index[i])]
                entry = (f"event:{kind}", _event_entry(kind), EVENT_STYLES[kind])
                if entry not in out:
                    out.append(entry)
        if clusters:
            out.append(("cluster", legend_label("cluster"), None))
        if self.rings(view):
            out.append(("ring", legend_label("ring"), None))
        selected = self.situation.events.get(selected_event) if selected_event else None
        region = selected is not None and selected.location.precision == "region"
        if region and self.area_path(selected.location.area) is not None:
            out.append(("area", legend_label("area"), None))
        return out

    def _draw_area(self, painter: QPainter, view: Viewport, area_id: str) -> None:
        path = self.area_path(area_id)
        if path is None:
            return
        painter.save()
        painter.setTransform(map_transform(view), True)
        painter.setBrush(QBrush(AREA_FILL))
        painter.setPen(style.cosmetic_pen(AREA_EDGE, 2.5))
        painter.drawPath(path)
        painter.restore()


def _event_entry(kind: str) -> str:
    from mapapp.model.vocabulary import event_type_label

    return translate("legend", "Event: {type}").format(type=event_type_label(kind))


def _polygon_path(geometry: dict) -> QPainterPath:
    from mapapp.geo.projection import WEB_MERCATOR

    polys = (
        geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    )
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for poly in polys:
        for ring in poly:
            xs, ys = WEB_MERCATOR.forward([p[0] for p in ring], [p[1] for p in ring])
            path.addPolygon(QPolygonF([QPointF(x, y) for x, y in zip(xs, ys, strict=True)]))
            path.closeSubpath()
    return path


def _central(values) -> tuple[float, float]:
    """The 0.1th and 99.9th percentiles (nearest rank) by partition: np.percentile would
    import numpy.ma (~50 ms) on the way to a dataset's first frame."""
    import numpy as np

    last = len(values) - 1
    lo, hi = int(last * 0.001), int(np.ceil(last * 0.999))
    part = np.partition(values, (lo, hi))
    return float(part[lo]), float(part[hi])
