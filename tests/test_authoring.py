"""Authoring in the window: items from a selection in the Article tab, each one command
on the undo stack (Ctrl+Z, Ctrl+Shift+Z), the title's modified mark, and a prompt before
unsaved edits are closed away."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QInputDialog, QMessageBox

from mapapp.ui.authoring import new_actor_from_selection, new_place_from_selection

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "seeds" / "000_631ddefb58e5ec4e.txt"


def select_in_article(w, phrase: str) -> tuple[int, int]:
    text = w.situation.article().text
    start = text.index(phrase)
    cursor = w.panel.article.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(phrase), QTextCursor.MoveMode.KeepAnchor)
    w.panel.article.setTextCursor(cursor)
    return start, start + len(phrase)


def test_items_from_selections_undo_redo_save_and_the_close_prompt(
    situation_window, qtbot, monkeypatch, tmp_path
):
    w = situation_window
    assert w.new_from_article_file(ARTICLE)
    assert not w.isWindowModified()
    # an actor from the selection "JNIM", its kind picked in a dialog
    start, end = select_in_article(w, "JNIM")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("armed_group", True))
    assert new_actor_from_selection(w)
    (actor,) = w.situation.actors.values()
    assert (actor.name, actor.kind) == ("JNIM", "armed_group")
    c = actor.citations[0]
    assert (c.source, c.start, c.end, c.quote) == ("article", start, end, "JNIM")
    assert w.isWindowModified() and "[*]" in w.windowTitle()
    # a place from the selection, looked up in the gazetteer
    select_in_article(w, "Tinzaouaten")
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda _w, _t, _l, items, *a, **k: (items[0], True)
    )
    assert new_place_from_selection(w)
    (place,) = w.situation.places.values()
    assert (place.name, place.country, place.lat) == ("Tinzaouaten", "ML", 19.94861)
    assert place.id in w.map_view.situation.positions  # on the map
    # undo and redo with the keys, through the window's own shortcuts
    w.activateWindow()
    w.map_view.setFocus()
    qtbot.keyClick(w.map_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not w.situation.places and len(w.situation.actors) == 1
    qtbot.keyClick(w.map_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not w.situation.actors and not w.isWindowModified()
    qtbot.keyClick(
        w.map_view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len(w.situation.actors) == 1 and w.isWindowModified()
    # closing with unsaved edits asks; Cancel keeps the window open
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Cancel)
    assert not w.close() and w.isVisible()
    # saving marks it clean; closing then asks nothing
    assert w.save_to(tmp_path / "jnim.situation.json")
    assert not w.isWindowModified()
    from mapapp.model.io import load_situation

    again = load_situation(tmp_path / "jnim.situation.json")
    assert [a.name for a in again.actors.values()] == ["JNIM"]
