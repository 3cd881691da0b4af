"""The map widget: input (pan, zoom, measure, click) over ``render_map``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

from mapapp.geo.projection import WEB_MERCATOR
from mapapp.geo.viewport import Viewport
from mapapp.i18n import format_number, translate
from mapapp.render.basemap import Basemap
from mapapp.render.scene import RenderOptions, render_map
from mapapp.ui.home import home_view
from mapapp.ui.plain_text import tooltip

if TYPE_CHECKING:
    from mapapp.net.tile_loader import TileLoader
    from mapapp.render.markers import MarkerHit
    from mapapp.render.scene import Drawn
    from mapapp.render.situation_layer import SituationLayer

WHEEL_STEP = 1.25  # zoom factor per wheel notch
KEY_ZOOM = 1.5
PAN_FRACTION = 0.125
DRAG_THRESHOLD = 4.0


class MapView(QWidget):
    cursor_moved = Signal(float, float)  # lon, lat under the pointer
    cursor_left = Signal()
    view_changed = Signal()
    first_painted = Signal()
    painted = Signal()  # after every frame
    markers_clicked = Signal(object, QPointF)  # marker indices under the click, position
    measured = Signal(float, float)  # distance km, initial bearing degrees
    measure_changed = Signal(str)  # prompt or result text for the status bar
    marker_dropped = Signal(str, float, float)  # event id, lon, lat where it was dropped

    def __init__(self, basemap: Basemap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.basemap = basemap
        self.options = RenderOptions()
        self.situation: SituationLayer | None = None
        self.tile_loader: TileLoader | None = None
        self.last_drawn: Drawn | None = None
        self.view = home_view(basemap, 800, 600)
        self._home_pending = True
        self._painted = False
        self._press: QPointF | None = None
        self._drag_from: QPointF | None = None
        self.measure_mode = False
        self._measure_a: tuple[float, float] | None = None
        self.editable = False  # markers can be dragged to move their events
        self._dragging: str | None = None  # the event whose marker is being dragged
        self._drag_to: QPointF | None = None
        self._on_pick: Callable[[float, float], None] | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(200, 150)

    # view state -------------------------------------------------------------
    def set_view(self, view: Viewport) -> None:
        self._home_pending = False
        self.view = view.resized(self.width(), self.height())
        self.update()
        self.view_changed.emit()

    def center_on(self, lon: float, lat: float) -> None:
        """Bring a position to the middle, keeping the zoom."""
        x, y = WEB_MERCATOR.forward(lon, lat)
        self.set_view(Viewport(x, y, self.view.resolution, 1, 1))

    def zoom_to_fit(self) -> None:
        self.set_view(home_view(self.basemap, self.width(), self.height()))

    def zoom_by(self, factor: float, at: QPointF | None = None) -> None:
        p = at if at is not None else QPointF(self.width() / 2, self.height() / 2)
        self.set_view(self.view.zoomed_at(p.x(), p.y(), factor))

    def pan_by(self, dx: float, dy: float) -> None:
        self.set_view(self.view.panned(dx, dy))

    def set_options(self, **changes) -> None:
        self.options = replace(self.options, **changes)
        self.update()

    def set_layer_visible(self, key: str, visible: bool) -> None:
        layers = set(self.options.layers)
        (layers.add if visible else layers.discard)(key)
        self.set_options(layers=frozenset(layers))

    def set_tile_loader(self, loader: TileLoader | None) -> None:
        """A tile basemap under the vector layers (None: the vector basemap alone)."""
        if self.tile_loader is not None:
            self.tile_loader.tiles_changed.disconnect(self.update)
        self.tile_loader = loader
        if loader is not None:
            loader.tiles_changed.connect(self.update)
            self._ask_tiles()
        self.update()

    def _ask_tiles(self) -> None:
        """Ask for the tiles of the view about to be painted, so reading them overlaps the
        window's showing (exactly these tiles: nothing around the view is fetched)."""
        from mapapp.render.tiles import plan_tiles

        layer = self.tile_loader.layer
        plan = plan_tiles(self.view, layer.source, self.tile_density())
        if not self._painted:
            self.tile_loader.load_local_now(plan)
        missing = [k for k in plan.keys if (k, plan.hidpi) not in layer.cache]
        if missing:
            self.tile_loader.request(plan, missing)

    def tiles_settled(self) -> bool:
        """The last frame had every tile it needed, or knows it cannot have it."""
        loader = self.tile_loader
        plan = self.last_drawn.tiles if self.last_drawn is not None else None
        if loader is None or plan is None:
            return loader is None or self.last_drawn is not None
        return all(loader.settled((key, plan.hidpi)) for key in plan.keys)

    def tile_density(self) -> float:
        """@2x tiles on a high-DPI screen when the provider has them; else ordinary ones
        (shrunk, not multiplied by four)."""
        loader = self.tile_loader
        hidpi = loader is not None and loader.source.hidpi and self.devicePixelRatioF() >= 1.5
        return 2.0 if hidpi else 1.0

    def lonlat_at(self, sx: float, sy: float) -> tuple[float, float]:
        return WEB_MERCATOR.inverse(*self.view.screen_to_map(sx, sy))

    # Qt events --------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        if self._home_pending:
            self.view = home_view(self.basemap, self.width(), self.height())
        else:
            self.view = self.view.resized(self.width(), self.height())
        if self.tile_loader is not None:
            self._ask_tiles()
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        tiles = None
        if self.tile_loader is not None:
            tiles = self.tile_loader.layer
            tiles.density = self.tile_density()
        self.last_drawn = render_map(
            painter, self.view, self.basemap, self.options, situation=self.situation, tiles=tiles
        )
        if self._dragging is not None and self._drag_to is not None:
            self._draw_drag(painter)
        painter.end()
        if not self._painted:
            self._painted = True
            self.first_painted.emit()
        self.painted.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(WHEEL_STEP**steps, event.position())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self._press = event.position()
        hit = None
        if self.editable and not self.measure_mode and self._on_pick is None:
            hit = self._hit(event.position())
        if hit is not None and len(hit.members) == 1:  # a marker: dragging moves its event
            self._dragging = self.situation.marker_events[int(hit.members[0])]
            return
        self._drag_from = event.position()
        self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._press is not None:
            moved = pos - self._press
            far = abs(moved.x()) + abs(moved.y()) >= DRAG_THRESHOLD
            if self._dragging is not None and far:
                self._drag_to = pos
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self.update()
            elif self._drag_from is not None and far:
                d = pos - self._drag_from
                self._drag_from = pos
                self.pan_by(d.x(), d.y())
        lon, lat = self.lonlat_at(pos.x(), pos.y())
        self.cursor_moved.emit(lon, lat)
        if self._press is None:
            self._hover(pos)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        pos = event.position()
        moved = pos - self._press
        dragged, self._dragging, self._drag_to = self._dragging, None, None
        self._press = self._drag_from = None
        self.setCursor(Qt.CursorShape.CrossCursor)
        if abs(moved.x()) + abs(moved.y()) >= DRAG_THRESHOLD:
            if dragged is not None:
                self.update()
                self.marker_dropped.emit(dragged, *self.lonlat_at(pos.x(), pos.y()))
            return
        if self._on_pick is not None:
            on_pick, self._on_pick = self._on_pick, None
            self.measure_changed.emit("")
            on_pick(*self.lonlat_at(pos.x(), pos.y()))
        elif self.measure_mode:
            self._measure_click(pos)
        else:
            hit = self._hit(pos)
            if hit is not None:
                self.markers_clicked.emit(hit.members, pos)

    def cancel_interaction(self) -> None:
        """Another situation: a pending pick or drag belonged to the one before."""
        if self._on_pick is not None:
            self.measure_changed.emit("")
        self._on_pick = None
        self._dragging = self._drag_to = None

    def pick_point(self, prompt: str, on_pick: Callable[[float, float], None]) -> None:
        """The next click on the map (not a drag) gives its position to ``on_pick``;
        Esc cancels."""
        self._on_pick = on_pick
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocus()
        self.measure_changed.emit(translate("map", "{prompt} (Esc cancels)").format(prompt=prompt))

    def _draw_drag(self, painter: QPainter) -> None:
        """Where the dragged marker would go: a ring there, a dashed line from where it is."""
        start = self.situation.event_position(self._dragging)
        to = self._drag_to
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if start is not None:
            sx, sy = self.view.map_to_screen(*start)
            painter.setPen(QPen(QColor(20, 20, 20, 200), 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(sx, sy), to)
        painter.setPen(QPen(QColor(20, 20, 20), 2))
        painter.setBrush(QColor(255, 213, 79, 190))
        painter.drawEllipse(to, 8, 8)

    def _hit(self, pos: QPointF) -> MarkerHit | None:
        if self.situation is None or "markers" not in self.options.layers:
            return None
        return self.situation.hit_test(self.view, pos.x(), pos.y())

    def _hover(self, pos: QPointF) -> None:
        hit = self._hit(pos) if not self.measure_mode else None
        self.setCursor(Qt.CursorShape.PointingHandCursor if hit else Qt.CursorShape.CrossCursor)
        if hit is None:
            QToolTip.hideText()
            return
        layer = self.situation
        n = len(hit.members)
        ids = [layer.marker_events[i] for i in hit.members[:8]]
        lines = [layer.describe(i) for i in ids]
        if n > 8:
            lines.append(translate("map", "… and {n} more").format(n=n - 8))
        if n > 1:
            lines.insert(0, self._cluster_summary(hit))
        QToolTip.showText(self.mapToGlobal(pos.toPoint()), tooltip("\n".join(lines)), self)

    def _cluster_summary(self, hit: MarkerHit) -> str:
        """'23 events: 12 battle, 8 protest, 3 riot' for a cluster."""
        from mapapp.model.vocabulary import event_type_label
        from mapapp.render.event_styles import EVENT_STYLES

        names = list(EVENT_STYLES)
        split = self.situation.markers.split(self.view, hit.cell)
        parts = [
            translate("map", "{count} {type}").format(count=m, type=event_type_label(names[s]))
            for s, m in sorted(split.items(), key=lambda sm: (-sm[1], sm[0]))
        ]
        return translate("map", "{n} events: {parts}").format(
            n=len(hit.members), parts=", ".join(parts)
        )

    def leaveEvent(self, event) -> None:
        self.cursor_left.emit()
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        w, h = self.width() * PAN_FRACTION, self.height() * PAN_FRACTION
        pans = {
            Qt.Key.Key_Left: (w, 0),
            Qt.Key.Key_Right: (-w, 0),
            Qt.Key.Key_Up: (0, h),
            Qt.Key.Key_Down: (0, -h),
        }
        if key in pans:
            self.pan_by(*pans[key])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(KEY_ZOOM)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_by(1 / KEY_ZOOM)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_0):
            self.zoom_to_fit()
        elif key == Qt.Key.Key_Escape and self._on_pick is not None:
            self._on_pick = None
            self.measure_changed.emit(translate("map", "Placing on the map cancelled."))
        elif key == Qt.Key.Key_Escape and self._dragging is not None:
            self._dragging = self._drag_to = self._press = None
            self.update()
        elif key == Qt.Key.Key_Escape and (self.measure_mode or self.options.measure):
            self.clear_measure()
        else:
            super().keyPressEvent(event)

    # measure tool -----------------------------------------------------------
    def set_measure_mode(self, on: bool) -> None:
        self.measure_mode = on
        self._measure_a = None
        if not on:
            self.set_options(measure=None)
        self.measure_changed.emit(translate("map", "Measure: click the first point") if on else "")

    def clear_measure(self) -> None:
        self._measure_a = None
        self.set_options(measure=None)
        self.measure_changed.emit(
            translate("map", "Measure: click the first point") if self.measure_mode else ""
        )

    def _measure_click(self, pos: QPointF) -> None:
        from mapapp.geo.geodesy import format_distance, initial_bearing_deg, measure_km

        point = self.view.screen_to_map(pos.x(), pos.y())
        if self._measure_a is None:
            self._measure_a = point
            self.set_options(measure=(point, point, ""))
            self.measure_changed.emit(
                translate("map", "Measure: click the second point (Esc cancels)")
            )
            return
        a, b = self._measure_a, point
        lon1, lat1 = WEB_MERCATOR.inverse(*a)
        lon2, lat2 = WEB_MERCATOR.inverse(*b)
        km = measure_km(lon1, lat1, lon2, lat2)
        bearing = initial_bearing_deg(lon1, lat1, lon2, lat2)
        text = format_distance(km * 1000)
        self.set_options(measure=(a, b, text))
        self._measure_a = None
        self.measured.emit(km, bearing)
        self.measure_changed.emit(
            translate(
                "map",
                "Measured {km} km geodesic, bearing {bearing}° (click again to start over)",
            ).format(km=format_number(km, 1), bearing=format_number(bearing))
        )
