"""The window's side of a shared situation: File → Open shared situation… (and opening it
on a worker thread), a button in the
status bar saying where the situation is shared and how its edits stand (a click brings
back a conflict left for later), and the conflict dialog when the store reports one."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QMainWindow, QToolButton

from mapapp.i18n import tr, translate

if TYPE_CHECKING:
    from mapapp.model.situation import Situation
    from mapapp.store.link import Conflict
    from mapapp.ui.document_session import DocumentSession
    from mapapp.ui.store_sync import StoreSync


class StoreView(QObject):
    def __init__(self, window: QMainWindow, session: DocumentSession) -> None:
        super().__init__(window)
        self.window, self.session = window, session
        self.open_box = None
        self.conflict_box = None
        self.job = None  # a shared situation being opened (mapapp.ui.store_open)
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
        sync.status_changed.connect(lambda text: self._status(text, sync.where()))
        sync.conflicted.connect(self.show_conflict)
        sync.say_status()
        self.button.show()

    def _status(self, text: str, where: str) -> None:
        self.button.setText(text)
        self.button.setToolTip(where)

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
            self.open_store(url, name, at)

    def open_store(self, url: str, name: str, at: datetime | None = None) -> bool:
        """Open ``name`` from the team's store at ``url`` on a worker; ``at``: a read-only
        look at how it stood then. The open situation stays until it is ready."""
        from mapapp.ui.store_open import StoreOpenJob

        if not self.session.may_replace():
            return False
        job = StoreOpenJob(url, name, at, self)
        self.job = job
        job.opened.connect(lambda situation, link: self._opened(job, situation, link))
        job.failed.connect(lambda message: self._failed(job, message))
        job.previewed.connect(lambda markers: self._previewed(job, markers))
        job.progressed.connect(lambda stage: self._progressed(job, stage))
        job.finished.connect(job.deleteLater)
        self.session.say(translate("window", "Opening {name} from the store…").format(name=name))
        job.start()
        return True

    def _opened(self, job, situation: Situation, link) -> None:
        s = self.session
        if job is not self.job:
            return
        self.job = None
        s.load_ended.emit()  # a dataset's first markers give way to the whole of it
        if not s.may_replace():
            return
        from mapapp.ui.store_open import remember_url

        remember_url(job.url)
        if job.at is not None:  # a look at the past: a copy, saved with Save as
            from mapapp.model.situation import situation_from_dict

            title = translate("window", "{title} (as at {time})").format(
                title=situation.title, time=job.at.strftime("%Y-%m-%d %H:%M")
            )
            data = {**situation.raw, "title": title[:300]}
            situation = situation_from_dict(data, situation.texts(), None)
        sync = None
        if link is not None:
            from mapapp.ui.store_sync import StoreSync

            sync = StoreSync(s, link)
        s.set_situation(situation, frame=True, store=sync)
        said = tr("Opened {name} from the store (%Ln event(s))", "window", situation.event_count())
        s.say(said.format(name=job.name))

    def _progressed(self, job, stage: str) -> None:
        if job is self.job:
            said = translate("window", "Opening {file}: {stage}…")
            self.session.say(said.format(file=job.name, stage=stage))

    def _previewed(self, job, markers) -> None:
        """A dataset's first markers, on an empty map, while the rest is read."""
        if job is self.job and self.session.situation is None:
            self.session.previewed.emit(Path(job.name), markers)

    def _failed(self, job, message: str) -> None:
        if job is not self.job:
            return
        self.job = None
        self.session.load_ended.emit()
        self.session.show_default_if_empty()
        self.session.warn(message, translate("window", "Cannot open from the store"))

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
