"""A situation on the map: event markers, 'near' uncertainty rings, region-level areas.

Only top-level events with a place get a marker; their parts (the ambush within the
battle) are reached through it. Region-level events are never given a made-up point:
selecting one draws its area.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPolygonF

from mapapp.geo.viewport import Viewport
from mapapp.model.situation import Situation
from mapapp.render import style
from mapapp.render.basemap import Basemap, map_transform
from mapapp.render.legend import LABELS as LEGEND_LABELS
from mapapp.render.markers import MarkerHit, MarkerLayer
from mapapp.render.symbols import MarkerStyle

VIOLENCE = QColor("#d9480f")
POLITICAL = QColor("#1f5fa8")
DEATH = QColor("#343a40")
OTHER = QColor("#7b5ea7")
EVENT_STYLES: dict[str, MarkerStyle] = {
    "battle": MarkerStyle("diamond", VIOLENCE, size=18.0),
    "ambush": MarkerStyle("triangle", VIOLENCE),
    "attacks": MarkerStyle("triangle", VIOLENCE),
    "conflict": MarkerStyle("diamond", VIOLENCE),
    "aircraft_loss": MarkerStyle("square", VIOLENCE),
    "death": MarkerStyle("square", DEATH),
    "weather": MarkerStyle("circle", OTHER),
    "takeover": MarkerStyle("diamond", POLITICAL),
    "coup": MarkerStyle("diamond", POLITICAL),
    "intervention": MarkerStyle("circle", POLITICAL),
    "agreement": MarkerStyle("circle", POLITICAL),
    "expulsion": MarkerStyle("circle", POLITICAL),
    "explosion": MarkerStyle("square", VIOLENCE),
    "violence_against_civilians": MarkerStyle("triangle", DEATH),
    "protest": MarkerStyle("circle", POLITICAL),
    "riot": MarkerStyle("square", POLITICAL),
    "strategic_development": MarkerStyle("circle", OTHER),
    "report": MarkerStyle("circle", OTHER),
}
GAZETTEER_TOLERANCE_DEG = 1e-4

RING = QColor(217, 72, 15, 170)
RING_FILL = QColor(217, 72, 15, 28)
AREA_EDGE = QColor("#1f5fa8")
AREA_FILL = QColor(31, 95, 168, 40)


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


class SituationLayer:
    """Markers, rings and areas of one situation, plus which event a click hits."""

    def __init__(self, situation: Situation, basemap: Basemap) -> None:
        self.situation = situation
        self.basemap = basemap
        self.positions = place_positions(situation, basemap)
        self.marker_events: list[str] = []
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

    # queries ---------------------------------------------------------------
    def marker_of(self, event_id: str) -> int | None:
        """Marker index showing this event (its top-level event's marker)."""
        if event_id not in self.situation.events:
            return None
        return self._index.get(self.situation.root_event(event_id).id)

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

    def extra_places(self) -> list[tuple[str, float, float]]:
        """The situation's places that the basemap's gazetteer does not label."""
        known = {str(f.props.get("name")) for f in self.basemap.places}
        return [
            (p.name, self.positions[p.id].x, self.positions[p.id].y)
            for p in self.situation.places.values()
            if (p.gazetteer or p.name) not in known
        ]

    def focus_names(self) -> frozenset[str]:
        """Names of the focus places as the basemap labels them."""
        s = self.situation
        return frozenset(
            s.places[p].gazetteer or s.places[p].name for p in s.focus if p in s.places
        )

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

    def draw_markers(self, painter: QPainter, view: Viewport, selected_event: str | None) -> None:
        index = self.marker_of(selected_event) if selected_event else None
        self.markers.draw(painter, view, index)

    def marker_rects(self, view: Viewport) -> list[QRectF]:
        """Screen rectangles of the visible markers, to keep labels off them."""
        half = 10.0
        rects = []
        for i in range(len(self.marker_events)):
            if self.markers.visible[i]:
                sx, sy = view.map_to_screen(self.markers.x[i], self.markers.y[i])
                rects.append(QRectF(sx - half, sy - half, 2 * half, 2 * half))
        return rects

    def rings(self, view: Viewport) -> list[tuple[float, float, float]]:
        """Screen centre and radius of the 'near' rings a frame of ``view`` draws."""
        out = []
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
            (f"event:{names[i]}", f"Event: {names[i].replace('_', ' ')}", EVENT_STYLES[names[i]])
            for i in sorted(styles)
        ]
        if selected_event is not None:
            i = self.marker_of(selected_event)
            if i is not None and self.markers.visible[i]:
                kind = names[int(self.markers.style_index[i])]
                entry = (f"event:{kind}", f"Event: {kind.replace('_', ' ')}", EVENT_STYLES[kind])
                if entry not in out:
                    out.append(entry)
        if clusters:
            out.append(("cluster", LEGEND_LABELS["cluster"], None))
        if self.rings(view):
            out.append(("ring", LEGEND_LABELS["ring"], None))
        selected = self.situation.events.get(selected_event) if selected_event else None
        region = selected is not None and selected.location.precision == "region"
        if region and self.area_path(selected.location.area) is not None:
            out.append(("area", LEGEND_LABELS["area"], None))
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
