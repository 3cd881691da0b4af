"""One selection and one picture across the window: a marker, a row of the side panel, a
link in the details or a bar of the figures selects the same item everywhere; the side
panel's filters and the timeline's window decide together which events the map shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, Signal

from mapapp.geo.viewport import MIN_RESOLUTION, Viewport
from mapapp.i18n import format_number, tr, translate
from mapapp.render.bubbles import CELL_PX
from mapapp.ui.plain_text import menu_label

if TYPE_CHECKING:
    from mapapp.model.filters import Filters
    from mapapp.model.situation import Situation
    from mapapp.model.timeline import TimeWindow
    from mapapp.ui.dock_layout import DockLayout
    from mapapp.ui.document_session import DocumentSession
    from mapapp.ui.map_view import MapView

MENU_MAX = 40  # co-located events listed in a cluster's menu


class SelectionCoordinator(QObject):
    """``current``: the selected (kind, id), or None; ``time_window``: the timeline's
    window the map follows, or None."""

    changed = Signal(str, str)  # kind, id

    def __init__(self, session: DocumentSession, map_view: MapView, docks: DockLayout) -> None:
        super().__init__(session)
        self.session = session
        self.map_view = map_view
        self.docks = docks
        self.current: tuple[str, str] | None = None
        self.time_window: TimeWindow | None = None
        self.cluster_menu = None
        map_view.markers_clicked.connect(self.markers_clicked)
        docks.built.connect(self._connect_docks)

    def _connect_docks(self) -> None:
        panel = self.docks.panel
        panel.selected.connect(lambda kind, i: self.select(kind, i, origin="panel"))
        panel.activated.connect(self._activated)
        panel.filters_changed.connect(self.filters_changed)
        panel.rows_changed.connect(self.rows_changed)
        self.docks.details.navigate.connect(lambda kind, i: self.select(kind, i, "details"))
        self.docks.timeline.window_changed.connect(self.time_changed)

    def reset(self) -> None:
        """Another situation (or another version of it): nothing is selected, no window."""
        self.current = None
        self.time_window = None

    def forget(self, kind: str, item_id: str) -> None:
        """The item is going away (deleted)."""
        if self.current == (kind, item_id):
            self.current = None

    # selecting ----------------------------------------------------------------------
    def select(self, kind: str, item_id: str, origin: str = "") -> None:
        """Select an event, actor, claim or place everywhere: map, lists, article and
        details. ``origin`` ("map", "panel", …) is not moved again."""
        s = self.session.situation
        if s is None:
            return
        if s.table is not None:
            self._select_dataset_event(kind, item_id, origin)
            return
        items = {"event": s.events, "actor": s.actors, "claim": s.claims, "place": s.places}
        items = items.get(kind, {})
        if item_id not in items:
            return
        self.docks.ensure()
        self.current = (kind, item_id)
        event_id = item_id if kind == "event" else None
        if kind == "claim":
            event_id = next((e for e in s.claims[item_id].about if e in s.events), None)
        self.map_view.set_options(selected_event=event_id)
        if event_id and origin != "map":
            self.bring_into_view(event_id)
        if kind == "place" and origin != "map":
            p = s.places[item_id]
            self.map_view.center_on(p.lon, p.lat)
        panel = self.docks.panel
        if origin != "panel":
            panel.select(kind, item_id)
        panel.figures.set_selected_claim(item_id if kind == "claim" else None)
        article = s.article()
        spans = [
            (c.start, c.end)
            for c in items[item_id].citations
            if article and c.source == article.id and c.start is not None
        ]
        panel.highlight_spans(spans)
        self.docks.details.show_item(kind, item_id)
        self.changed.emit(kind, item_id)

    def _select_dataset_event(self, kind: str, event_id: str, origin: str) -> None:
        if kind != "event" or not self.session.situation.has_event(event_id):
            return
        self.docks.ensure()
        self.current = ("event", event_id)
        self.map_view.set_options(selected_event=event_id)
        if origin != "map":
            self.bring_into_view(event_id)
        if origin != "panel":
            self.docks.panel.select("event", event_id)
        self.docks.details.show_item("event", event_id)
        self.changed.emit("event", event_id)

    def _activated(self, kind: str, item_id: str) -> None:
        self.select(kind, item_id, origin="panel")
        self.docks.show_details()

    def bring_into_view(self, event_id: str) -> None:
        """Centre the event's marker (keeping the zoom), or frame its area."""
        layer = self.map_view.situation
        pos = layer.event_position(event_id)
        view = self.map_view.view
        if pos is not None:
            self.map_view.set_view(Viewport(pos[0], pos[1], view.resolution, 1, 1))
            return
        b = layer.event_bounds(event_id)
        if b is not None:
            self.map_view.set_view(view.fitted((b.left(), b.top(), b.right(), b.bottom()), 0.08))

    def zoom_to_selection(self) -> None:
        if not self.current or self.map_view.situation is None:
            return
        kind, item_id = self.current
        event_id = item_id if kind == "event" else self.map_view.options.selected_event
        b = self.map_view.situation.event_bounds(event_id) if event_id else None
        if b is not None:
            view = self.map_view.view
            self.map_view.set_view(view.fitted((b.left(), b.top(), b.right(), b.bottom()), 0.08))

    def markers_clicked(self, members, pos: QPointF) -> None:
        """A marker selects its event; a cluster zooms in, or lists co-located events."""
        layer = self.map_view.situation
        if len(members) == 1:
            self.select("event", layer.marker_events[int(members[0])], origin="map")
            self.docks.details_dock.raise_()
            return
        xs = [float(layer.markers.x[int(i)]) for i in members[:MENU_MAX]]
        ys = [float(layer.markers.y[int(i)]) for i in members[:MENU_MAX]]
        if len(members) > MENU_MAX:  # a big cluster: its extent from whole columns
            import numpy as np

            idx = np.asarray(members)
            xs = [float(layer.markers.x[idx].min()), float(layer.markers.x[idx].max())]
            ys = [float(layer.markers.y[idx].min()), float(layer.markers.y[idx].max())]
        spread = max(max(xs) - min(xs), max(ys) - min(ys))
        view = self.map_view.view
        # members that zooming can pull apart: zoom in; co-located ones: list them
        if spread > 2 * CELL_PX * MIN_RESOLUTION and view.resolution > MIN_RESOLUTION * 1.01:
            self.map_view.set_view(view.fitted((min(xs), min(ys), max(xs), max(ys)), 0.25))
            return
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self.map_view)
        for eid in [layer.marker_events[int(i)] for i in members[:MENU_MAX]]:
            act = menu.addAction(menu_label(layer.describe(eid)))
            act.triggered.connect(lambda _=False, e=eid: self.select("event", e, origin="map"))
        if len(members) > MENU_MAX:
            more = menu.addAction(
                tr("… and %Ln more at this point", "side panel", len(members) - MENU_MAX)
            )
            more.setEnabled(False)
        menu.popup(self.map_view.mapToGlobal(pos.toPoint()))
        self.cluster_menu = menu

    # what the map shows ------------------------------------------------------------------
    def time_changed(self, window: TimeWindow | None) -> None:
        """The timeline moved: the map follows at once, the side panel's list just after
        (so playback does not wait for it)."""
        s, layer = self.session.situation, self.map_view.situation
        if s is None or layer is None or self.docks.pending:  # lists still on old data
            return
        self.time_window = window
        alpha = window.shown(s.events_table()) if window is not None else None
        layer.set_alpha(alpha if window is not None and window.mode == "fade" else None)
        panel = self.docks.panel
        if s.table is not None:
            panel.dataset.set_time_rows(alpha)
        else:
            panel.set_time_rows(alpha)
            self.filters_changed(panel.current_filters())

    def rows_changed(self, rows) -> None:
        layer = self.map_view.situation
        if layer is not None and layer.table is not None and len(rows) == len(layer.table):
            layer.set_visible_rows(rows)
            self.map_view.update()

    def filters_changed(self, filters: Filters) -> None:
        from mapapp.model.filters import matching_events

        layer = self.map_view.situation
        if layer is None or self.session.situation is None:
            return
        events = matching_events(self.session.situation, filters)
        panel = self.docks.panel
        in_window = panel.window_events if panel is not None else None
        layer.set_visible_events(events if in_window is None else events & in_window)
        self.map_view.update()

    def filters_in_words(self) -> dict[str, str]:
        """The side panel's active filters, label -> value (for a snapshot's metadata)."""
        s, panel = self.session.situation, self.docks.panel
        if s is None or panel is None:
            return {}
        if s.table is not None:
            return panel.dataset.filters().described()
        return panel.current_filters().described(s)

    def shown_situation(self) -> tuple[Situation, str]:
        """What the map shows (filters and time window applied), and a note saying so."""
        s, layer = self.session.situation, self.map_view.situation
        total = s.event_count()
        if s.table is not None:
            panel = self.docks.panel
            rows = panel.dataset.shown if panel is not None else None
            if rows is None or rows.all():
                return s, ""
            from mapapp.model.subset import dataset_subset

            note = translate("side panel", "({n} of {total} events shown)")
            n, total = format_number(int(rows.sum())), format_number(total)
            return dataset_subset(s, rows), " " + note.format(n=n, total=total)
        if layer is None or layer.visible_events >= set(s.events):
            return s, ""
        from mapapp.model.subset import document_subset

        n = len(layer.visible_events)
        note = translate("side panel", "({n} of {total} events shown)").format(n=n, total=total)
        return document_subset(s, layer.visible_events), " " + note
