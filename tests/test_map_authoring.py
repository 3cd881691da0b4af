"""Authoring on the map: a place no gazetteer knows is put where the user clicks (with
the precision they choose, said in the file), and a marker dragged onto a place, or
anywhere, moves its event; each one undoable edit, and the saved file validates."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QInputDialog

from mapapp.ui.authoring import ON_THE_MAP
from mapapp.ui.item_forms import EventForm, HandPlaceForm
from tests.cli_run import mapapp
from tests.test_authoring import ARTICLE, select_in_article

LEFT = Qt.MouseButton.LeftButton


def screen_of(w, lon: float, lat: float) -> QPoint:
    from mapapp.geo.projection import WEB_MERCATOR

    x, y = w.map_view.view.map_to_screen(*WEB_MERCATOR.forward(lon, lat))
    return QPoint(round(x), round(y))


def drag(qtbot, widget, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(widget, LEFT, pos=start)
    for i in range(1, 6):  # a real drag moves through points in between
        qtbot.mouseMove(widget, start + (end - start) * (i / 5))
    qtbot.mouseRelease(widget, LEFT, pos=end)


def test_place_by_clicking_and_move_events_by_dragging(
    situation_window, qtbot, monkeypatch, tmp_path: Path
):
    w = situation_window
    assert w.session.new_from_article_file(ARTICLE)
    mv = w.map_view
    # Tinzaouaten from the gazetteer; the map centred on it at town-to-region scale
    pick = {"label": None}
    monkeypatch.setattr(
        QInputDialog,
        "getItem",
        lambda _w, _t, _l, items, *a, **k: (pick["label"] or items[0], True),
    )
    select_in_article(w, "Tinzaouaten")
    assert w.authoring.new_place_from_selection()
    (town,) = w.session.situation.places.values()
    mv.set_view(mv.view.resized(mv.width(), mv.height()))
    mv.center_on(town.lon, town.lat)
    mv.set_view(mv.view.zoomed_at(mv.width() / 2, mv.height() / 2, 8))
    # "the desert" is in no gazetteer: put on the map by hand, 5 km precise
    start, end = select_in_article(w, "the desert")
    pick["label"] = ON_THE_MAP
    form = HandPlaceForm("the desert", "")
    form.accuracy.setCurrentIndex(form.accuracy.findData(5.0))
    assert w.authoring.new_place_from_selection(form)
    assert len(w.session.situation.places) == 1  # nothing yet: the next click places it
    click = screen_of(w, town.lon, town.lat) + QPoint(-120, 60)
    qtbot.mouseClick(mv, LEFT, pos=click)
    desert = next(p for p in w.session.situation.places.values() if p.name == "the desert")
    assert desert.coordinate_source == "placed-by-hand" and desert.accuracy_km == 5.0
    assert (desert.citations[0].start, desert.citations[0].end) == (start, end)
    got = screen_of(w, desert.lon, desert.lat)
    assert abs(got.x() - click.x()) <= 1 and abs(got.y() - click.y()) <= 1
    assert "placed-by-hand" in w.session.situation.sources
    # the battle, near Tinzaouaten
    select_in_article(w, "two days of fighting with Tuareg separatist rebels")
    form = EventForm(w.session.situation, "Two days of fighting")
    form.type.setCurrentText("battle")
    form.time_precision.setCurrentText("unknown")
    form.place.setCurrentIndex(form.place.findData(town.id))
    form.location_precision.setCurrentText("near")
    assert w.authoring.new_item_from_selection("events", form), w.feedback.last_error
    (battle,) = w.session.situation.events.values()
    # its marker dragged onto the desert: the battle is there now
    drag(qtbot, mv, screen_of(w, town.lon, town.lat), got + QPoint(3, -2))
    assert w.session.situation.events[battle.id].location.place == desert.id
    assert w.selector.current is None or w.selector.current[0] != "claim"
    # dragged to open ground: a new place put there by hand, named in its form
    monkeypatch.setattr(
        HandPlaceForm,
        "exec",
        lambda self: (self.name.setText("Wadi north of the town"), QDialog.DialogCode.Accepted)[1],
    )
    open_ground = screen_of(w, town.lon, town.lat) + QPoint(80, -90)
    drag(qtbot, mv, got, open_ground)
    wadi_id = w.session.situation.events[battle.id].location.place
    wadi = w.session.situation.places[wadi_id]
    assert wadi.name == "Wadi north of the town" and wadi.coordinate_source == "placed-by-hand"
    assert wadi.citations[0].quote == battle.citations[0].quote  # the event's own words
    here = screen_of(w, wadi.lon, wadi.lat)
    assert abs(here.x() - open_ground.x()) <= 1 and abs(here.y() - open_ground.y()) <= 1
    # a short press on the marker is still a click: it selects the event, moves nothing
    qtbot.mouseClick(mv, LEFT, pos=here)
    assert w.selector.current == ("event", battle.id)
    assert w.session.situation.events[battle.id].location.place == wadi_id
    # saved and checked by the command line
    out = tmp_path / "moved.situation.json"
    assert w.session.save_to(out)
    r = mapapp("validate", str(out))
    assert r.returncode == 0, r.stdout + r.stderr
    # undo: back to the desert, then Tinzaouaten; the hand-placed place goes too
    w.session.undo_stack.undo()
    assert w.session.situation.events[battle.id].location.place == desert.id
    assert wadi_id not in w.session.situation.places
    w.session.undo_stack.undo()
    assert w.session.situation.events[battle.id].location.place == town.id


def test_esc_cancels_placing(situation_window, qtbot, monkeypatch):
    w = situation_window
    assert w.session.new_from_article_file(ARTICLE)
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda _w, _t, _l, items, *a, **k: (ON_THE_MAP, True)
    )
    select_in_article(w, "the desert")
    assert w.authoring.new_place_from_selection(HandPlaceForm("the desert", ""))
    qtbot.keyClick(w.map_view, Qt.Key.Key_Escape)
    assert "cancelled" in w.message_label.text()
    qtbot.mouseClick(w.map_view, LEFT, pos=QPoint(200, 200))
    assert not w.session.situation.places and not w.isWindowModified()
