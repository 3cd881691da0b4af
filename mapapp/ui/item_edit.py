"""Editing and deleting the items listed in the side panel (its context menu, the Delete
key), each as one undoable edit. Deleting what other items refer to asks first, naming
them; they stay, without the reference."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu, QMessageBox

from mapapp.model.editing import change_item, delete_item, dependents

if TYPE_CHECKING:
    from mapapp.ui.main_window import MainWindow

PLURAL = {"event": "events", "actor": "actors", "claim": "claims", "place": "places"}


def _editable(window: MainWindow) -> bool:
    return window.situation is not None and window.situation.table is None


def _texts(window: MainWindow) -> dict[str, str]:
    return window.situation.texts()


def _raw_item(window: MainWindow, kind: str, item_id: str) -> dict | None:
    return next((x for x in window.situation.raw.get(PLURAL[kind], []) if x["id"] == item_id), None)


def _name(item: dict) -> str:
    return str(item.get("name") or item.get("title") or item.get("statement") or item["id"])[:60]


def item_menu(window: MainWindow, kind: str, item_id: str, pos: QPoint) -> QMenu | None:
    """Edit… and Delete… for the item under the pointer."""
    if not _editable(window) or _raw_item(window, kind, item_id) is None:
        return None
    menu = QMenu(window)
    menu.addAction("Edit…", lambda: edit_item(window, kind, item_id))
    menu.addAction("Delete…", lambda: ask_delete(window, kind, item_id))
    menu.popup(pos)
    window.item_context_menu = menu
    return menu


def edit_form(window: MainWindow, kind: str, item: dict):
    """The form that edits ``item``, filled with its values."""
    from mapapp.ui.authoring import ACTOR_KINDS
    from mapapp.ui.item_forms import ActorForm, ClaimForm, EventForm, PlaceForm

    s = window.situation
    if kind == "event":
        return EventForm(s, item["title"], window, event=item)
    if kind == "claim":
        return ClaimForm(s, item["statement"], window, claim=item)
    if kind == "actor":
        return ActorForm(item, ACTOR_KINDS, window)
    return PlaceForm(item, window)


def edit_item(window: MainWindow, kind: str, item_id: str, form=None) -> bool:
    """Change an item through its form; a change the situation cannot take is shown and
    the form comes back with its values. ``form``: already filled, taken once (tests)."""
    item = _raw_item(window, kind, item_id)
    if not _editable(window) or item is None:
        return False
    asking = form is None
    form = form or edit_form(window, kind, item)
    plural = PLURAL[kind]
    while True:
        if asking and form.exec() != form.DialogCode.Accepted:
            return False
        try:
            changes = form.changes()
        except ValueError as exc:  # a figure that is not a number
            window.warn(f"a figure is not a number: {exc}", "Cannot make this change")
        else:
            texts = _texts(window)

            def change(d, changes=changes, texts=texts):
                return change_item(d, plural, item_id, changes, texts)

            if window.edit(f"Edit {kind} {_name(item)}", change):
                return True
        if not asking:
            return False


def ask_delete(window: MainWindow, kind: str, item_id: str) -> bool:
    """Delete an item, undoably; when others refer to it, say which and ask first."""
    item = _raw_item(window, kind, item_id)
    if not _editable(window) or item is None:
        return False
    plural = PLURAL[kind]
    held = dependents(window.situation.raw, plural, item_id)
    if held:
        box = QMessageBox(QMessageBox.Icon.Warning, f"Delete {kind}", "", parent=window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"“{_name(item)}” is still used by:\n• " + "\n• ".join(held[:12]))
        if len(held) > 12:
            box.setText(box.text() + f"\n… and {len(held) - 12} more")
        box.setInformativeText(
            "Delete it anyway? They stay, without it (a claim it made becomes "
            "unattributed; an event at a deleted place gets an unknown location). "
            "Edit → Undo brings everything back."
        )
        delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        window.delete_box = box
        box.exec()
        if box.clickedButton() is not delete:
            return False
    texts = _texts(window)
    if window.selection == (kind, item_id):
        window.selection = None
    return window.edit(
        f"Delete {kind} {_name(item)}",
        lambda d: delete_item(d, plural, item_id, texts, detach=True),
    )
