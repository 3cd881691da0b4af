"""Editing and deleting the items listed in the side panel (its context menu, the Delete
key), each as one undoable edit. Deleting what other items refer to asks first, naming
them; they stay, without the reference."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from mapapp.i18n import QT_TRANSLATE_NOOP, tr, translate
from mapapp.model.editing import change_item, delete_item, dependents

if TYPE_CHECKING:
    from mapapp.ui.document_session import DocumentSession
    from mapapp.ui.selection import SelectionCoordinator

PLURAL = {"event": "events", "actor": "actors", "claim": "claims", "place": "places"}
# what the undo stack and the delete box call each kind's edits (a whole phrase each, so
# a translation may word it its own way)
EDIT_TEXTS = {
    "event": QT_TRANSLATE_NOOP("forms", "Edit event {name}"),
    "actor": QT_TRANSLATE_NOOP("forms", "Edit actor {name}"),
    "claim": QT_TRANSLATE_NOOP("forms", "Edit claim {name}"),
    "place": QT_TRANSLATE_NOOP("forms", "Edit place {name}"),
}
DELETE_TITLES = {
    "event": QT_TRANSLATE_NOOP("forms", "Delete event"),
    "actor": QT_TRANSLATE_NOOP("forms", "Delete actor"),
    "claim": QT_TRANSLATE_NOOP("forms", "Delete claim"),
    "place": QT_TRANSLATE_NOOP("forms", "Delete place"),
}
DELETE_TEXTS = {
    "event": QT_TRANSLATE_NOOP("forms", "Delete event {name}"),
    "actor": QT_TRANSLATE_NOOP("forms", "Delete actor {name}"),
    "claim": QT_TRANSLATE_NOOP("forms", "Delete claim {name}"),
    "place": QT_TRANSLATE_NOOP("forms", "Delete place {name}"),
}


def _name(item: dict) -> str:
    return str(item.get("name") or item.get("title") or item.get("statement") or item["id"])[:60]


class ItemEditing:
    """Edit… and Delete… of the side panel's items; ``context_menu`` and ``delete_box``:
    the last ones shown."""

    def __init__(
        self, session: DocumentSession, selector: SelectionCoordinator, parent: QWidget
    ) -> None:
        self.session = session
        self.selector = selector
        self.parent_widget = parent
        self.context_menu: QMenu | None = None
        self.delete_box: QMessageBox | None = None

    def _editable(self) -> bool:
        return self.session.editable()

    def _texts(self) -> dict[str, str]:
        return self.session.situation.texts()

    def _raw_item(self, kind: str, item_id: str) -> dict | None:
        return next(
            (x for x in self.session.situation.raw.get(PLURAL[kind], []) if x["id"] == item_id),
            None,
        )

    def item_menu(self, kind: str, item_id: str, pos: QPoint) -> QMenu | None:
        """Edit… and Delete… for the item under the pointer."""
        if not self._editable() or self._raw_item(kind, item_id) is None:
            return None
        menu = QMenu(self.parent_widget)
        menu.addAction(translate("forms", "Edit…"), lambda: self.edit_item(kind, item_id))
        menu.addAction(translate("forms", "Delete…"), lambda: self.ask_delete(kind, item_id))
        menu.popup(pos)
        self.context_menu = menu
        return menu

    def edit_form(self, kind: str, item: dict):
        """The form that edits ``item``, filled with its values."""
        from mapapp.ui.authoring import ACTOR_KINDS
        from mapapp.ui.item_forms import ActorForm, ClaimForm, EventForm, PlaceForm

        s = self.session.situation
        if kind == "event":
            return EventForm(s, item["title"], self.parent_widget, event=item)
        if kind == "claim":
            return ClaimForm(s, item["statement"], self.parent_widget, claim=item)
        if kind == "actor":
            return ActorForm(item, ACTOR_KINDS, self.parent_widget)
        return PlaceForm(item, self.parent_widget)

    def edit_item(self, kind: str, item_id: str, form=None) -> bool:
        """Change an item through its form; a change the situation cannot take is shown and
        the form comes back with its values. ``form``: already filled, taken once (tests)."""
        item = self._raw_item(kind, item_id)
        if not self._editable() or item is None:
            return False
        asking = form is None
        form = form or self.edit_form(kind, item)
        plural = PLURAL[kind]
        while True:
            if asking and form.exec() != form.DialogCode.Accepted:
                return False
            try:
                changes = form.changes()
            except ValueError as exc:  # a figure that is not a number
                self.session.warn(
                    translate("forms", "a figure is not a number: {problem}").format(problem=exc),
                    translate("forms", "Cannot make this change"),
                )
            else:
                texts = self._texts()

                def change(d, changes=changes, texts=texts):
                    return change_item(d, plural, item_id, changes, texts)

                what = translate("forms", EDIT_TEXTS[kind]).format(name=_name(item))
                if self.session.edit(what, change):
                    return True
            if not asking:
                return False

    def ask_delete(self, kind: str, item_id: str) -> bool:
        """Delete an item, undoably; when others refer to it, say which and ask first."""
        item = self._raw_item(kind, item_id)
        if not self._editable() or item is None:
            return False
        plural = PLURAL[kind]
        held = dependents(self.session.situation.raw, plural, item_id)
        if held:
            title = translate("forms", DELETE_TITLES[kind])
            box = QMessageBox(QMessageBox.Icon.Warning, title, "", parent=self.parent_widget)
            box.setTextFormat(Qt.TextFormat.PlainText)
            used = translate("forms", "“{name}” is still used by:").format(name=_name(item))
            box.setText(used + "\n• " + "\n• ".join(held[:12]))
            if len(held) > 12:
                box.setText(box.text() + "\n" + tr("… and %Ln more", "forms", len(held) - 12))
            box.setInformativeText(
                translate(
                    "forms",
                    "Delete it anyway? They stay, without it (a claim it made becomes "
                    "unattributed; an event at a deleted place gets an unknown location). "
                    "Edit → Undo brings everything back.",
                )
            )
            delete = box.addButton(
                translate("forms", "Delete"), QMessageBox.ButtonRole.DestructiveRole
            )
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            self.delete_box = box
            box.exec()
            if box.clickedButton() is not delete:
                return False
        texts = self._texts()
        self.selector.forget(kind, item_id)
        return self.session.edit(
            translate("forms", DELETE_TEXTS[kind]).format(name=_name(item)),
            lambda d: delete_item(d, plural, item_id, texts, detach=True),
        )
