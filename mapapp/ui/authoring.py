"""Authoring in the window: every edit is a command on the window's QUndoStack (Edit →
Undo/Redo), made from a selection in the Article tab, and applied as a whole new,
validated document (``model.editing``), so undoing is putting the previous one back.
"""

from __future__ import annotations

import contextlib
import math
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import QInputDialog, QMenu

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
    from mapapp.ui.main_window import MainWindow

ACTOR_KINDS = (
    "armed_group", "state_military", "government", "mercenary_group", "militia",
    "intergovernmental", "media", "person", "civilians", "protesters", "rioters", "state",
    "other",
)  # fmt: skip


class DocumentEdit(QUndoCommand):
    """One user action: the document before and after it."""

    def __init__(self, window: MainWindow, text: str, before: dict, after: dict) -> None:
        super().__init__(text)
        self.window, self.before, self.after = window, before, after

    def redo(self) -> None:
        self.window.apply_document(self.after)

    def undo(self) -> None:
        self.window.apply_document(self.before)


def selected_span(window: MainWindow) -> Any:
    """The article's selection as a ``Selection``, or None (nothing selected)."""
    view = window.panel.article
    cursor = view.textCursor()
    if not cursor.hasSelection() or window.situation is None:
        return None
    article = window.situation.article()
    if article is None:
        return None
    text = article.text
    start = python_offset(text, cursor.selectionStart())
    end = python_offset(text, cursor.selectionEnd())
    try:
        return selection({article.id: text}, article.id, start, end)
    except EditError:
        return None


def article_menu(window: MainWindow, menu: QMenu) -> None:
    """The Article tab's context menu: new items from the selection."""
    sel = selected_span(window)
    place = QAction("New place from selection…", menu)
    actor = QAction("New actor from selection…", menu)
    event = QAction("New event from selection…", menu)
    claim = QAction("New claim from selection…", menu)
    for action in (place, actor, event, claim):
        action.setEnabled(sel is not None and window.situation.table is None)
    place.triggered.connect(lambda: new_place_from_selection(window))
    actor.triggered.connect(lambda: new_actor_from_selection(window))
    event.triggered.connect(lambda: new_item_from_selection(window, "events"))
    claim.triggered.connect(lambda: new_item_from_selection(window, "claims"))
    menu.addSeparator()
    menu.addActions([place, actor, event, claim])


def _texts(window: MainWindow) -> dict[str, str]:
    return window.situation.texts()


def new_actor_from_selection(window: MainWindow) -> bool:
    sel = selected_span(window)
    if sel is None:
        return False
    kind, ok = QInputDialog.getItem(
        window, "New actor", f"What is “{sel.text[:60]}”?", list(ACTOR_KINDS), 0, False
    )
    if not ok:
        return False
    data = window.situation.raw
    actor = {
        "id": new_id(data, sel.text),
        "name": sel.text[:300],
        "kind": kind,
        "citations": [sel.citation()],
    }
    return window.edit(
        f"New actor {sel.text[:40]}", lambda d: add_item(d, "actors", actor, _texts(window))
    )


ON_THE_MAP = "Not in this list: click its position on the map…"
SNAP_PX = 14  # a marker dropped this close to a place moves its event there


def new_place_from_selection(window: MainWindow, form=None) -> bool:
    """The selected name looked up in the offline gazetteer; the user picks the place, or
    puts it on the map by hand (``form``: a filled HandPlaceForm, for tests)."""
    from mapapp.geo.gazetteer import load_gazetteer

    sel = selected_span(window)
    if sel is None:
        return False
    candidates = load_gazetteer().lookup(sel.text)[:20]
    labels = [
        menu_label(f"{p.name} ({p.country}) {p.lat:.4f}, {p.lon:.4f} — {p.source}")
        for p in candidates
    ]
    from mapapp.ui.online_places import geocoding_server, search_online

    server = geocoding_server()
    online = [f"Look it up online at {server.domain}…"] if server else []
    label, ok = QInputDialog.getItem(
        window, "New place", f"Which “{sel.text[:60]}”?", [*labels, *online, ON_THE_MAP], 0, False
    )
    if not ok:
        return False
    if label == ON_THE_MAP:
        return place_on_map(window, sel, form)
    if online and label == online[0]:
        return search_online(window, sel.text, sel.citation()) is not None
    return add_gazetteer_place(window, candidates[labels.index(label)], sel.citation())


def add_gazetteer_place(window: MainWindow, p, citation: dict) -> bool:
    """A gazetteer's place cited by ``citation`` (a place already there: cited again)."""
    texts = _texts(window)
    return window.edit(
        f"Place {p.name[:40]}", lambda d: cite_gazetteer_place(d, p, citation, texts)
    )


def place_on_map(window: MainWindow, sel, form=None) -> bool:
    """Name and precision, then the next click on the map places it (citing ``sel``)."""
    from mapapp.ui.item_forms import HandPlaceForm

    if form is None:
        form = HandPlaceForm(sel.text, "", window)
        if form.exec() != form.DialogCode.Accepted:
            return False
    name, accuracy = form.values()
    citation = sel.citation()

    def picked(lon: float, lat: float) -> None:
        def change(d):
            d, place = hand_placed(d, name, lon, lat, accuracy, citation)
            return add_item(d, "places", place, _texts(window))

        if window.edit(f"New place {name[:40]} (placed by hand)", change):
            remember_hand_place(name, lat, lon)

    window.map_view.pick_point(f"Click where “{name[:40]}” is", picked)
    return True


def drop_event(window: MainWindow, event_id: str, lon: float, lat: float, form=None) -> bool:
    """A marker dropped on a place moves its event there; dropped anywhere else, the
    event gets a new place put there by hand (named and its precision chosen in a form;
    ``form``: a filled HandPlaceForm, for tests). One undoable edit either way."""
    from mapapp.geo.projection import WEB_MERCATOR
    from mapapp.ui.item_forms import HandPlaceForm

    s = window.situation
    event = s.events.get(event_id)
    layer = window.map_view.situation
    if event is None or s.table is not None or layer is None:
        return False
    view = window.map_view.view
    sx, sy = view.map_to_screen(*WEB_MERCATOR.forward(lon, lat))

    def px(p) -> float:
        x, y = view.map_to_screen(p.x, p.y)
        return math.hypot(x - sx, y - sy)

    near = sorted((px(p), pid) for pid, p in layer.positions.items())
    texts = _texts(window)
    if near and near[0][0] <= SNAP_PX:
        pid = near[0][1]
        if pid == event.location.place:
            return False
        return window.edit(
            f"Move {event.title[:40]} to {s.places[pid].name[:40]}",
            lambda d: move_event(d, event_id, pid, texts),
        )
    if form is None:
        closest = f"Near {s.places[near[0][1]].name}" if near else "Placed by hand"
        where = f"{abs(lat):.4f}° {'N' if lat >= 0 else 'S'}, "
        where += f"{abs(lon):.4f}° {'E' if lon >= 0 else 'W'}"
        form = HandPlaceForm(closest, where, window)
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

    if not window.edit(f"Move {event.title[:40]} to {name[:40]} (placed by hand)", change):
        return False
    remember_hand_place(name, lat, lon)
    return True


def remember_hand_place(name: str, lat: float, lon: float) -> None:
    """A place put on the map by hand is offered again for the next article's names."""
    from mapapp.errors import MapappError
    from mapapp.geo.gazetteer import remember_place
    from mapapp.ui.article_places import user_places_file

    # a failure loses only the suggestion next time: the place is in the situation
    with contextlib.suppress(OSError, MapappError):
        remember_place(user_places_file(), name, round(lat, 6), round(lon, 6))


def new_item_from_selection(window: MainWindow, kind: str, form=None) -> bool:
    """A new event or claim citing the selection, through its form; when the situation
    cannot take what the form holds, the problem is shown and the form comes back with its
    values. ``form``: an already filled form, taken once (tests, scripts)."""
    from mapapp.ui.item_forms import ClaimForm, EventForm

    sel = selected_span(window)
    if sel is None:
        return False
    asking = form is None
    if asking:
        form_class = EventForm if kind == "events" else ClaimForm
        form = form_class(window.situation, sel.text, window)
    name = "event" if kind == "events" else "claim"
    while True:
        if asking and form.exec() != form.DialogCode.Accepted:
            return False
        try:
            item = form.item(new_id(window.situation.raw, sel.text[:40]), sel.citation())
        except ValueError as exc:  # a figure that is not a number
            window.warn(f"a figure is not a number: {exc}", "Cannot make this change")
        else:
            texts = _texts(window)
            change = lambda d, item=item, texts=texts: add_item(d, kind, item, texts)  # noqa: E731
            if window.edit(f"New {name} {sel.text[:40]}", change):
                return True
        if not asking:
            return False
