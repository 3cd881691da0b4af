"""The window's side of a shared situation: File → Open from store…, a button in the
status bar saying where the situation is shared and how its edits stand (a click brings
back a conflict left for later), and the conflict dialog when the store reports one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QMainWindow, QToolButton

from mapapp.i18n import translate

if TYPE_CHECKING:
    from mapapp.store.saving import Conflict
    from mapapp.ui.document_session import DocumentSession
    from mapapp.ui.store_sync import StoreSync


class StoreView(QObject):
    def __init__(self, window: QMainWindow, session: DocumentSession) -> None:
        super().__init__(window)
        self.window, self.session = window, session
        self.open_box = None
        self.conflict_box = None
        self.button = QToolButton()
        self.button.setObjectName("store_status")
        self.button.setAutoRaise(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.clicked.connect(self.show_next_conflict)
        self.button.hide()
        window.statusBar().addPermanentWidget(self.button)
        session.store_attached.connect(self._attached)
        session.replaced.connect(self._replaced)

    def _attached(self, sync: StoreSync) -> None:
        sync.status_changed.connect(self._status)
        sync.conflicted.connect(self.show_conflict)
        sync.say_status()
        self.button.show()

    def _status(self, text: str) -> None:
        self.button.setText(text)
        self.button.setToolTip(text)

    def _replaced(self, *_args) -> None:
        if self.session.store is None:
            self.button.hide()

    # opening -----------------------------------------------------------------------------
    def open_dialog(self) -> QDialog:
        from mapapp.ui.store_open import StoreOpenDialog

        box = StoreOpenDialog(self.window)
        box.finished.connect(lambda result: self._chosen(box, result))
        box.open()
        self.open_box = box
        if box.url.currentText():
            box.list_situations()
        return box

    def _chosen(self, box, result: int) -> None:
        url, name, at = box.choice()
        box.deleteLater()
        self.open_box = None
        if result == QDialog.DialogCode.Accepted and url and name:
            self.session.open_store(url, name, at)

    # conflicts ---------------------------------------------------------------------------
    def show_next_conflict(self) -> None:
        sync = self.session.store
        if sync is not None and sync.conflicts:
            self.show_conflict(sync.conflicts[0])

    def show_conflict(self, conflict: Conflict) -> QDialog | None:
        """Mine, theirs and the base side by side (window-modal, one at a time)."""
        from mapapp.model.editing import new_id
        from mapapp.ui.conflict_dialog import ConflictDialog

        if self.conflict_box is not None or self.session.store is None:
            return None
        mine = conflict.mine or {}
        copy_id = new_id(self.session.situation.raw, mine.get("title") or conflict.item)
        box = ConflictDialog(conflict, copy_id, self.window)
        box.finished.connect(lambda result: self._decided(box, result))
        box.open()
        self.conflict_box = box
        return box

    def _decided(self, box, result: int) -> None:
        self.conflict_box = None
        box.deleteLater()
        sync = self.session.store
        if sync is None:
            return
        if result == QDialog.DialogCode.Accepted:
            sync.decide(box.conflict, box.kept, box.copy_id)
        else:
            self.session.say(
                translate(
                    "store",
                    "The conflict waits: the store keeps their version, yours stays here. "
                    "The status bar's store button brings it back.",
                )
            )
