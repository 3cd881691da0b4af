"""Authoring in the window: every edit is a command on the session's QUndoStack (Edit →
Undo/Redo), made from a selection in the Article tab, and applied as a whole new,
validated document (``model.editing``), so undoing is putting the previous one back.
"""

from __future__ import annotations

import contextlib
import math
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu

from mapapp.i18n import QT_TRANSLATE_NOOP, format_number, translate
from mapapp.model.editing import (
    EditError,
    add_item,
    cite_gazetteer_place,
    hand_placed,
    move_event,
    new_id,
    selection,
)
from mapapp.ui.plain_text import menu_label
from mapapp.ui.text_offsets import python_offset

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from mapapp.ui.dock_layout import DockLayout
    from mapapp.ui.document_session import DocumentSession
    from mapapp.ui.map_view import MapView
    from mapapp.ui.online_places import OnlinePlaces

ACTOR_KINDS = (
    "armed_group", "state_military", "government", "mercenary_group", "militia",
    "intergovernmental", "media", "person", "civilians", "protesters", "rioters", "state",
    "other",
)  # fmt: skip
HEMISPHERES = {
    "N": QT_TRANSLATE_NOOP("authoring", "N"),
    "S": QT_TRANSLATE_NOOP("authoring", "S"),
    "E": QT_TRANSLATE_NOOP("authoring", "E"),
    "W": QT_TRANSLATE_NOOP("authoring", "W"),
}


ON_THE_MAP = QT_TRANSLATE_NOOP("authoring", "Not in this list: click its position on the map…")
SNAP_PX = 14  # a marker dropped this close to a place moves its event there


class Authoring:
    """New items from the Article tab's selection or the map, each one undoable edit of
    the session's document. ``online``: the online gazetteer, when the user turned it on."""

    def __init__(
        self,
        session: DocumentSession,
        docks: DockLayout,
        map_view: MapView,
        online: OnlinePlaces,
        parent: QWidget,
    ) -> None:
        self.session = session
        self.docks = docks
        self.map_view = map_view
        self.online = online
        self.parent_widget = parent

    def selected_span(self) -> Any:
        """The article's selection as a ``Selection``, or None (nothing selected)."""
        view = self.docks.panel.article
        cursor = view.textCursor()
        if not cursor.hasSelection() or self.session.situation is None:
            return None
        article = self.session.situation.article()
        if article is None:
            return None
        text = article.text
        start = python_offset(text, cursor.selectionStart())
        end = python_offset(text, cursor.selectionEnd())
        try:
            return selection({article.id: text}, article.id, start, end)
        except EditError:
            return None

    def article_menu(self, menu: QMenu) -> None:
        """The Article tab's context menu: new items from the selection."""
        sel = self.selected_span()
        place = QAction(translate("authoring", "New place from selection…"), menu)
        actor = QAction(translate("authoring", "New actor from selection…"), menu)
        event = QAction(translate("authoring", "New event from selection…"), menu)
        claim = QAction(translate("authoring", "New claim from selection…"), menu)
        for action in (place, actor, event, claim):
            action.setEnabled(sel is not None and self.session.editable())
        place.triggered.connect(lambda: self.new_place_from_selection())
        actor.triggered.connect(lambda: self.new_actor_from_selection())
        event.triggered.connect(lambda: self.new_item_from_selection("events"))
        claim.triggered.connect(lambda: self.new_item_from_selection("claims"))
        menu.addSeparator()
        menu.addActions([place, actor, event, claim])

    def _texts(self) -> dict[str, str]:
        return self.session.situation.texts()

    def new_actor_from_selection(self) -> bool:
        sel = self.selected_span()
        if sel is None:
            return False
        from mapapp.ui.form_widgets import actor_kind_label, code_label

        kinds = [code_label(k, actor_kind_label(k)) for k in ACTOR_KINDS]
        label, ok = QInputDialog.getItem(
            self.parent_widget,
            translate("authoring", "New actor"),
            translate("authoring", "What is “{name}”?").format(name=sel.text[:60]),
            kinds,
            0,
            False,
        )
        if not ok:
            return False
        kind = ACTOR_KINDS[kinds.index(label)]
        data = self.session.situation.raw
        actor = {
            "id": new_id(data, sel.text),
            "name": sel.text[:300],
            "kind": kind,
            "citations": [sel.citation()],
        }
        return self.session.edit(
            translate("authoring", "New actor {name}").format(name=sel.text[:40]),
            lambda d: add_item(d, "actors", actor, self._texts()),
        )

    def new_place_from_selection(self, form=None) -> bool:
        """The selected name looked up in the offline gazetteer; the user picks the place, or
        puts it on the map by hand (``form``: a filled HandPlaceForm, for tests)."""
        from mapapp.geo.gazetteer import load_gazetteer

        sel = self.selected_span()
        if sel is None:
            return False
        candidates = load_gazetteer().lookup(sel.text)[:20]
        labels = [
            menu_label(f"{p.name} ({p.country}) {p.lat:.4f}, {p.lon:.4f} — {p.source}")
            for p in candidates
        ]
        from mapapp.ui.online_places import geocoding_server

        server = geocoding_server()
        online = (
            [translate("authoring", "Look it up online at {server}…").format(server=server.domain)]
            if server
            else []
        )
        on_the_map = translate("authoring", ON_THE_MAP)
        label, ok = QInputDialog.getItem(
            self.parent_widget,
            translate("authoring", "New place"),
            translate("authoring", "Which “{name}”?").format(name=sel.text[:60]),
            [*labels, *online, on_the_map],
            0,
            False,
        )
        if not ok:
            return False
        if label == on_the_map:
            return self.place_on_map(sel, form)
        if online and label == online[0]:
            return self.online.search(sel.text, sel.citation()) is not None
        return self.add_gazetteer_place(candidates[labels.index(label)], sel.citation())

    def add_gazetteer_place(self, p, citation: dict) -> bool:
        """A gazetteer's place cited by ``citation`` (a place already there: cited again)."""
        texts = self._texts()
        return self.session.edit(
            translate("authoring", "Place {name}").format(name=p.name[:40]),
            lambda d: cite_gazetteer_place(d, p, citation, texts),
        )

    def place_on_map(self, sel, form=None) -> bool:
        """Name and precision, then the next click on the map places it (citing ``sel``)."""
        from mapapp.ui.item_forms import HandPlaceForm

        if form is None:
            form = HandPlaceForm(sel.text, "", self.parent_widget)
            if form.exec() != form.DialogCode.Accepted:
                return False
        name, accuracy = form.values()
        citation = sel.citation()

        def picked(lon: float, lat: float) -> None:
            def change(d):
                d, place = hand_placed(d, name, lon, lat, accuracy, citation)
                return add_item(d, "places", place, self._texts())

            what = translate("authoring", "New place {name} (placed by hand)")
            if self.session.edit(what.format(name=name[:40]), change):
                remember_hand_place(name, lat, lon)

        prompt = translate("authoring", "Click where “{name}” is").format(name=name[:40])
        self.map_view.pick_point(prompt, picked)
        return True

    def drop_event(self, event_id: str, lon: float, lat: float, form=None) -> bool:
        """A marker dropped on a place moves its event there; dropped anywhere else, the
        event gets a new place put there by hand (named and its precision chosen in a form;
        ``form``: a filled HandPlaceForm, for tests). One undoable edit either way."""
        from mapapp.geo.projection import WEB_MERCATOR
        from mapapp.ui.item_forms import HandPlaceForm

        s = self.session.situation
        event = s.events.get(event_id)
        layer = self.map_view.situation
        if event is None or s.table is not None or layer is None:
            return False
        view = self.map_view.view
        sx, sy = view.map_to_screen(*WEB_MERCATOR.forward(lon, lat))

        def px(p) -> float:
            x, y = view.map_to_screen(p.x, p.y)
            return math.hypot(x - sx, y - sy)

        near = sorted((px(p), pid) for pid, p in layer.positions.items())
        texts = self._texts()
        if near and near[0][0] <= SNAP_PX:
            pid = near[0][1]
            if pid == event.location.place:
                return False
            return self.session.edit(
                translate("authoring", "Move {event} to {place}").format(
                    event=event.title[:40], place=s.places[pid].name[:40]
                ),
                lambda d: move_event(d, event_id, pid, texts),
            )
        if form is None:
            if near:
                closest = translate("authoring", "Near {place}")
                closest = closest.format(place=s.places[near[0][1]].name)
            else:
                closest = translate("authoring", "Placed by hand")
            north = translate("authoring", HEMISPHERES["N" if lat >= 0 else "S"])
            east = translate("authoring", HEMISPHERES["E" if lon >= 0 else "W"])
            where = f"{format_number(abs(lat), 4)}° {north}, "
            where += f"{format_number(abs(lon), 4)}° {east}"
            form = HandPlaceForm(closest, where, self.parent_widget)
            if form.exec() != form.DialogCode.Accepted:
                return False
        name, accuracy = form.values()
        citation = next(
            e["citations"][0] for e in s.raw["events"] if e["id"] == event_id
        )  # the event's own words say where it was

        def change(d):
            d, place = hand_placed(d, name, lon, lat, accuracy, citation)
            d = add_item(d, "places", place, texts)
            return move_event(d, event_id, place["id"], texts)

        what = translate("authoring", "Move {event} to {place} (placed by hand)")
        if not self.session.edit(what.format(event=event.title[:40], place=name[:40]), change):
            return False
        remember_hand_place(name, lat, lon)
        return True

    def new_item_from_selection(self, kind: str, form=None, sel=None, **read) -> bool:
        """A new event or claim citing the selection, through its form; when the situation
        cannot take what the form holds, the problem is shown and the form comes back with its
        values. ``form``: an already filled form, taken once (tests, scripts); ``sel``: the
        span to cite instead of the selection; ``read``: what the article says there (an
        event's ``time``, a claim's ``figure``), filled in."""
        from mapapp.ui.item_forms import ClaimForm, EventForm

        sel = sel or self.selected_span()
        if sel is None:
            return False
        asking = form is None
        if asking:
            form_class = EventForm if kind == "events" else ClaimForm
            form = form_class(self.session.situation, sel.text, self.parent_widget, **read)
        if kind == "events":
            what = translate("authoring", "New event {name}")
        else:
            what = translate("authoring", "New claim {name}")
        while True:
            if asking and form.exec() != form.DialogCode.Accepted:
                return False
            try:
                item = form.item(new_id(self.session.situation.raw, sel.text[:40]), sel.citation())
            except ValueError as exc:  # a figure that is not a number
                self.session.warn(
                    translate("authoring", "a figure is not a number: {problem}").format(
                        problem=exc
                    ),
                    translate("authoring", "Cannot make this change"),
                )
            else:
                texts = self._texts()
                change = lambda d, item=item, texts=texts: add_item(d, kind, item, texts)  # noqa: E731
                if self.session.edit(what.format(name=sel.text[:40]), change):
                    return True
            if not asking:
                return False


def remember_hand_place(name: str, lat: float, lon: float) -> None:
    """A place put on the map by hand is offered again for the next article's names."""
    from mapapp.errors import MapappError
    from mapapp.geo.gazetteer import remember_place
    from mapapp.ui.user_files import user_places_file

    # a failure loses only the suggestion next time: the place is in the situation
    with contextlib.suppress(OSError, MapappError):
        remember_place(user_places_file(), name, round(lat, 6), round(lon, 6))
