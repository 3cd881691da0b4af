"""The side panel's lists: a tree of items, each row knowing its kind and id.

Enter opens the current item's details and Delete asks to delete it, as in a file
manager; the panel listens to the signals and never reads the rows' text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from mapapp.ui.plain_text import tooltip

KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ItemTree(QTreeWidget):
    """A tree whose Enter key activates the current item (opens its details) and whose
    Delete key asks to delete it."""

    delete_pressed = Signal(QTreeWidgetItem)

    def __init__(self) -> None:
        super().__init__()
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.itemActivated.emit(self.currentItem(), 0)
            return
        if event.key() == Qt.Key.Key_Delete and self.currentItem():
            self.delete_pressed.emit(self.currentItem())
            return
        super().keyPressEvent(event)


def item_row(texts: list[str], kind: str, item_id: str) -> QTreeWidgetItem:
    item = QTreeWidgetItem([str(t) for t in texts])
    item.setData(0, KIND_ROLE, kind)
    item.setData(0, ID_ROLE, item_id)
    for col, text in enumerate(texts):
        item.setToolTip(col, tooltip(str(text)))
    return item


def find_row(item: QTreeWidgetItem, kind: str, item_id: str) -> QTreeWidgetItem | None:
    if item.data(0, KIND_ROLE) == kind and item.data(0, ID_ROLE) == item_id:
        return item
    for i in range(item.childCount()):
        found = find_row(item.child(i), kind, item_id)
        if found is not None:
            return found
    return None
