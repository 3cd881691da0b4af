"""Authoring in the window: items from a selection in the Article tab, each one command
on the undo stack (Ctrl+Z, Ctrl+Shift+Z), the title's modified mark, and a prompt before
unsaved edits are closed away."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QInputDialog, QMessageBox

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "seeds" / "000_631ddefb58e5ec4e.txt"


def select_in_article(w, phrase: str) -> tuple[int, int]:
    text = w.session.situation.article().text
    start = text.index(phrase)
    cursor = w.docks.panel.article.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(phrase), QTextCursor.MoveMode.KeepAnchor)
    w.docks.panel.article.setTextCursor(cursor)
    return start, start + len(phrase)


def test_items_from_selections_undo_redo_save_and_the_close_prompt(
    situation_window, qtbot, monkeypatch, tmp_path
):
    w = situation_window
    assert w.session.new_from_article_file(ARTICLE)
    assert not w.isWindowModified()
    # an actor from the selection "JNIM", its kind picked in a dialog
    start, end = select_in_article(w, "JNIM")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("armed_group", True))
    assert w.authoring.new_actor_from_selection()
    (actor,) = w.session.situation.actors.values()
    assert (actor.name, actor.kind) == ("JNIM", "armed_group")
    c = actor.citations[0]
    assert (c.source, c.start, c.end, c.quote) == ("article", start, end, "JNIM")
    assert w.isWindowModified() and "[*]" in w.windowTitle()
    # a place from the selection, looked up in the gazetteer
    select_in_article(w, "Tinzaouaten")
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda _w, _t, _l, items, *a, **k: (items[0], True)
    )
    assert w.authoring.new_place_from_selection()
    (place,) = w.session.situation.places.values()
    assert (place.name, place.country, place.lat) == ("Tinzaouaten", "ML", 19.94861)
    assert place.id in w.map_view.situation.positions  # on the map
    # undo and redo with the keys, through the window's own shortcuts
    w.activateWindow()
    w.map_view.setFocus()
    qtbot.keyClick(w.map_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not w.session.situation.places and len(w.session.situation.actors) == 1
    qtbot.keyClick(w.map_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not w.session.situation.actors and not w.isWindowModified()
    qtbot.keyClick(
        w.map_view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len(w.session.situation.actors) == 1 and w.isWindowModified()
    # closing with unsaved edits asks; Cancel keeps the window open
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Cancel)
    assert not w.close() and w.isVisible()
    # saving marks it clean; closing then asks nothing
    assert w.session.save_to(tmp_path / "jnim.situation.json")
    assert not w.isWindowModified()
    from mapapp.model.io import load_situation

    again = load_situation(tmp_path / "jnim.situation.json")
    assert [a.name for a in again.actors.values()] == ["JNIM"]


def test_an_event_and_a_claim_from_their_forms(situation_window, monkeypatch):
    from mapapp.ui.item_forms import ClaimForm, EventForm

    w = situation_window
    assert w.session.new_from_article_file(ARTICLE)
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda _w, _t, _l, items, *a, **k: (items[0], True)
    )
    select_in_article(w, "Tinzaouaten")
    assert w.authoring.new_place_from_selection()
    select_in_article(w, "JNIM")
    assert w.authoring.new_actor_from_selection()
    # the battle, near Tinzaouaten, with JNIM involved
    start, end = select_in_article(w, "two days of fighting with Tuareg separatist rebels")
    form = EventForm(w.session.situation, "two days of fighting")
    form.type.setCurrentText("battle")
    form.title.setText("Two days of fighting near Tinzaouaten")
    form.time_precision.setCurrentText("unknown")
    form.place.setCurrentIndex(1)
    form.radius.setValue(30)
    form.actors.check(0)
    assert w.authoring.new_item_from_selection("events", form)
    (battle,) = w.session.situation.events.values()
    assert battle.location.place in w.session.situation.places and battle.location.radius_km == 30
    assert (battle.citations[0].start, battle.citations[0].end) == (start, end)
    assert [p.actor for p in battle.actors] == list(w.session.situation.actors)
    # JNIM's claim with its figure, about the battle
    select_in_article(w, "JNIM claimed that 50 Russians and 10 Malian soldiers were killed")
    form = ClaimForm(w.session.situation, "")
    form.claimant.setCurrentIndex(1)
    form.statement.setPlainText("50 Russians and 10 Malian soldiers were killed.")
    form.status.setCurrentIndex(form.status.findData("unverified"))
    russians = form.rows[0]
    russians.subject.setText("Russians killed")
    russians.value.setText("50")
    russians.unit.setText("people")
    malians = form.add_figure()
    malians.subject.setText("Malian soldiers killed")
    malians.value.setText("10")
    malians.unit.setText("people")
    form.add_figure()  # an empty row is no figure
    form.about.item(0).setCheckState(Qt.CheckState.Checked)
    assert w.authoring.new_item_from_selection("claims", form)
    (claim,) = w.session.situation.claims.values()
    assert [(f.subject, f.value) for f in claim.figures] == [
        ("Russians killed", 50),
        ("Malian soldiers killed", 10),
    ]
    assert claim.about == (battle.id,)
    assert claim.claimant in w.session.situation.actors and claim.status == "unverified"
    # an unreadable figure is refused and nothing is added
    russians.value.setText("fifty")
    assert not w.authoring.new_item_from_selection("claims", form)
    assert len(w.session.situation.claims) == 1
    # three undos take the claim, the event and the actor back, in that order
    for _ in range(3):
        w.session.undo_stack.undo()
    assert (
        not w.session.situation.claims
        and not w.session.situation.events
        and not w.session.situation.actors
    )
    assert len(w.session.situation.places) == 1
    w.session.undo_stack.setClean()  # closing the window at the end asks nothing


def test_opening_another_situation_never_drops_unsaved_edits(situation_window, monkeypatch):
    w = situation_window
    assert w.session.new_from_article_file(ARTICLE)
    select_in_article(w, "JNIM")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("armed_group", True))
    assert w.authoring.new_actor_from_selection()
    asked = []

    def answer(button):
        def exec_(box):
            asked.append(box.text())
            return button

        return exec_

    monkeypatch.setattr(QMessageBox, "exec", answer(QMessageBox.StandardButton.Cancel))
    assert not w.session.new_from_article_file(ARTICLE)  # Cancel: stay with the edits
    assert w.session.start_loading(ROOT / "seeds" / "tinzaouaten-2024.situation.json") is None
    assert len(asked) == 2 and [a.name for a in w.session.situation.actors.values()] == ["JNIM"]
    monkeypatch.setattr(QMessageBox, "exec", answer(QMessageBox.StandardButton.Discard))
    assert w.session.new_from_article_file(ARTICLE)  # let go on purpose
    assert not w.session.situation.actors and not w.isWindowModified()


def test_a_file_that_finishes_opening_after_edits_asks_first(situation_window, qtbot, monkeypatch):
    w = situation_window
    assert w.session.new_from_article_file(ARTICLE)
    job = w.session.start_loading(ROOT / "seeds" / "tinzaouaten-2024.situation.json")
    select_in_article(w, "JNIM")  # edited while the file is still opening
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("armed_group", True))
    assert w.authoring.new_actor_from_selection()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Cancel)
    qtbot.waitUntil(lambda: w.session.load_job is None, timeout=30_000)
    assert job is not None and [a.name for a in w.session.situation.actors.values()] == ["JNIM"]
    assert w.isWindowModified() and "not shown" in w.message_label.text()
