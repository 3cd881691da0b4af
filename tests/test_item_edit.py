"""Editing and deleting what the side panel lists: forms filled with the item's values
(a form changed in nothing changes nothing), the context menu on a real right click, the
Delete key asking first and naming what depends on the item, everything undoable."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMenu

from mapapp.model.editing import change_item


def _texts(w):
    return {s.id: s.text for s in w.session.situation.sources.values() if s.text is not None}


def test_forms_give_back_what_they_were_filled_with(situation_window):
    w = situation_window
    data = w.session.situation.raw
    texts = _texts(w)
    for kind, plural in (("event", "events"), ("claim", "claims"), ("actor", "actors")):
        for item in data[plural]:
            form = w.item_editing.edit_form(kind, copy.deepcopy(item))
            after = change_item(data, plural, item["id"], form.changes(), texts)
            assert after == data, (kind, item["id"])
    for item in data["places"]:
        after = change_item(
            data, "places", item["id"], w.item_editing.edit_form("place", item).changes(), texts
        )
        assert after == data, item["id"]


def _row_rect(tree, item):
    tree.scrollToItem(item)
    return tree.visualItemRect(item)


def test_right_click_edit_and_delete_with_its_dependents(situation_window, qtbot):
    w = situation_window
    s = w.session.situation
    jnim = next(a for a in s.actors.values() if a.name == "JNIM")
    made = [c.id for c in s.claims.values() if c.claimant == jnim.id]
    tree = w.docks.panel.actors
    w.docks.panel.tabs.setCurrentWidget(tree)
    item = w.docks.panel.find_item("actor", jnim.id)
    rect = _row_rect(tree, item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.selector.current == ("actor", jnim.id)
    tree.customContextMenuRequested.emit(rect.center())  # what a right click sends
    menu = w.item_editing.context_menu
    assert isinstance(menu, QMenu) and [a.text() for a in menu.actions()] == ["Edit…", "Delete…"]
    menu.close()
    # Delete key: asks, naming the claims and events that refer to JNIM
    seen = []

    def answer():
        box = w.item_editing.delete_box
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == "Delete").click()

    QTimer.singleShot(0, answer)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert seen and all(f"claim {c}" in seen[0] for c in made)
    assert jnim.id not in w.session.situation.actors
    assert made and all(not w.session.situation.claims[c].claimant for c in made)  # unattributed
    assert w.docks.panel.find_item("actor", jnim.id) is None and w.isWindowModified()
    w.session.undo_stack.undo()
    assert jnim.id in w.session.situation.actors
    assert all(w.session.situation.claims[c].claimant == jnim.id for c in made)
    # Cancel keeps it
    QTimer.singleShot(0, lambda: w.item_editing.delete_box.reject())
    tree.setFocus()
    tree.setCurrentItem(w.docks.panel.find_item("actor", jnim.id))
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert jnim.id in w.session.situation.actors


def test_edit_an_event_and_move_a_place(situation_window, qtbot):
    w = situation_window
    s = w.session.situation
    battle = next(e for e in s.events.values() if e.type == "battle" and e.location.place)
    roles = [(p.actor, p.role) for p in battle.actors]
    form = w.item_editing.edit_form(
        "event", next(e for e in s.raw["events"] if e["id"] == battle.id)
    )
    assert form.title.text() == battle.title
    form.title.setText("The battle of Tinzaouaten")
    form.radius.setValue(12)
    assert w.item_editing.edit_item("event", battle.id, form)
    after = w.session.situation.events[battle.id]
    assert after.title == "The battle of Tinzaouaten" and after.location.radius_km == 12
    assert [(p.actor, p.role) for p in after.actors] == roles  # roles the form has no field for
    assert w.docks.panel.find_item("event", battle.id).text(0) == "The battle of Tinzaouaten"
    # a place moved through its form: its events' markers follow
    place_id = after.location.place
    before_xy = w.map_view.situation.event_position(battle.id)
    place = next(p for p in w.session.situation.raw["places"] if p["id"] == place_id)
    form = w.item_editing.edit_form("place", place)
    form.lat.setValue(place["lat"] + 0.5)
    assert w.item_editing.edit_item("place", place_id, form)
    assert w.session.situation.places[place_id].lat == round(place["lat"] + 0.5, 6)
    assert w.map_view.situation.event_position(battle.id)[1] > before_xy[1]
    # an edit that breaks the situation is refused with its problem, nothing changes
    form = w.item_editing.edit_form(
        "event", next(e for e in w.session.situation.raw["events"] if e["id"] == battle.id)
    )
    form.start.setText("2024-02-30")
    assert not w.item_editing.edit_item("event", battle.id, form)
    assert "2024-02-30" in w.feedback.last_error
    assert w.session.situation.events[battle.id].title == "The battle of Tinzaouaten"
    for _ in range(2):
        w.session.undo_stack.undo()
    assert w.session.situation.events[battle.id].title == battle.title


def test_roles_in_the_event_form(situation_window):
    w = situation_window
    raw = next(e for e in w.session.situation.raw["events"] if len(e.get("actors", [])) >= 2)
    form = w.item_editing.edit_form("event", raw)
    table = form.actors
    rows = {table.item(r, 0).data(Qt.ItemDataRole.UserRole): r for r in range(table.rowCount())}
    first, second = raw["actors"][0]["actor"], raw["actors"][1]["actor"]
    table.item(rows[first], 1).setText("attackers; besiegers")
    table.item(rows[second], 0).setCheckState(Qt.CheckState.Unchecked)
    newcomer = next(a for a in rows if a not in {p["actor"] for p in raw["actors"]})
    table.check(rows[newcomer], "observers")
    assert w.item_editing.edit_item("event", raw["id"], form)
    after = [(p.actor, p.role) for p in w.session.situation.events[raw["id"]].actors]
    assert after[:2] == [(first, "attackers"), (first, "besiegers")]
    assert second not in {a for a, _ in after} and after[-1] == (newcomer, "observers")


def test_figure_and_place_values_survive_an_unchanged_form(situation_window):
    w = situation_window
    data = copy.deepcopy(w.session.situation.raw)
    claim = data["claims"][0]
    claim["figures"] = [
        {"subject": "displaced", "unit": "people", "value": 1234567, "qualifier": "about"},
        {"subject": "tiny", "unit": "share", "value": 0.00001},
        {"subject": "range", "unit": "people", "min": 20, "max": 80, "qualifier": "about"},
    ]
    place = data["places"][0]
    place["lat"], place["lon"] = 19.9486123, 2.9678456
    texts = w.session.situation.texts()
    for kind, plural, item in (("claim", "claims", claim), ("place", "places", place)):
        form = w.item_editing.edit_form(kind, copy.deepcopy(item))
        assert change_item(data, plural, item["id"], form.changes(), texts) == data


def test_text_offsets_across_characters_outside_the_bmp():
    from mapapp.ui.text_offsets import python_offset, qt_position

    text = "Post 🇲🇱 from Kidal 😀 today"
    start = text.index("Kidal")
    q = qt_position(text, start)
    assert q == start + 2  # the flag is two characters, four UTF-16 units
    assert python_offset(text, q) == start
    assert python_offset(text, qt_position(text, len(text))) == len(text)
