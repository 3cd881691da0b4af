"""Autosave: while the session holds unsaved edits, a recovery file is written every minute
and after every few edits; saving or discarding removes it. At the next start, a recovery
file nobody is writing any more is offered back (``offer_recovery``)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget
from shiboken6 import isValid

from mapapp.errors import MapappError
from mapapp.i18n import translate
from mapapp.model.recovery import (
    Recovery,
    orphaned_recoveries,
    read_recovery_record,
    recovery_file,
    remove_recovery,
    write_recovery,
)
from mapapp.ui.user_files import recovery_folder

if TYPE_CHECKING:
    from mapapp.ui.document_session import DocumentSession

INTERVAL_MS = 60_000
EVERY_EDITS = 5


def _lock_of(file: Path) -> QLockFile:
    lock = QLockFile(str(file) + ".lock")
    lock.setStaleLockTime(0)  # a lock is stale only when its process is gone
    return lock


def is_orphan(file: Path) -> bool:
    """No live session holds the file's lock (Qt checks the lock's process and host)."""
    lock = _lock_of(file)
    if not lock.tryLock(0):
        return False
    lock.unlock()
    return True


class Autosaver(QObject):
    """Keeps this session's recovery file in step with its undo stack; offers the work
    of a session that crashed back (``offer_recovery``)."""

    def __init__(self, session: DocumentSession) -> None:
        super().__init__(session)
        self.session = session
        self.recovery_box: QMessageBox | None = None
        self.file = recovery_file(recovery_folder())
        self.lock = _lock_of(self.file)  # held while the file is ours
        self.interval_ms = INTERVAL_MS
        self.every_edits = EVERY_EDITS
        self.unsaved_edits = 0  # since the recovery file was last written
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.write)
        session.write_aside = self.write
        session.undo_stack.indexChanged.connect(self._edited)
        session.undo_stack.cleanChanged.connect(self._clean_changed)

    def _edited(self, _index: int) -> None:
        if not isValid(self.session.undo_stack):  # the session is being destroyed
            return
        if self.session.undo_stack.isClean():
            return
        self.unsaved_edits += 1
        if self.unsaved_edits >= self.every_edits:
            self.write()
        elif not self.timer.isActive():
            self.timer.start(self.interval_ms)

    def _clean_changed(self, clean: bool) -> None:
        if clean and isValid(self):
            self.discard()

    def write(self) -> bool:
        """Write the open work aside now (an autosave that fails says so once and
        keeps the edits; the next edit tries again)."""
        self.timer.stop()
        w = self.session
        if w.situation is None or w.undo_stack.isClean():
            return False
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            if not self.lock.isLocked() and not self.lock.tryLock(0):
                raise OSError(translate("dialogs", "cannot lock {file}").format(file=self.file))
            store = w.store.link.record() if w.store is not None else None
            write_recovery(self.file, w.situation, store)
        except (MapappError, OSError) as exc:
            w.say(translate("dialogs", "Autosave failed: {reason}").format(reason=exc))
            return False
        self.unsaved_edits = 0
        return True

    def discard(self) -> None:
        """The work is saved or dropped: nothing to recover."""
        self.timer.stop()
        self.unsaved_edits = 0
        remove_recovery(self.file)
        if self.lock.isLocked():
            self.lock.unlock()

    def offer_recovery(self, parent: QWidget | None = None) -> QMessageBox | None:
        """Offer the newest recovery file left by a session that ended without saving:
        Restore, Discard it, or Not now (asked again next start). Returns the question box
        (window-modal, not blocking the event loop) or None when there is nothing to offer."""
        found = orphaned_recoveries(recovery_folder(), is_orphan)
        if not found:
            return None
        rec = found[0]
        box = QMessageBox(parent)
        box.setWindowTitle(translate("dialogs", "Restore unsaved work"))
        box.setIcon(QMessageBox.Icon.Question)
        box.setTextFormat(Qt.TextFormat.PlainText)
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(rec.saved_at))
        if rec.store:
            said = translate(
                "dialogs",
                "mapapp stopped before the changes to “{title}” (shared: {store}) reached "
                "the store. They were autosaved at {when}.",
            )
        elif rec.situation_path:
            said = translate(
                "dialogs",
                "mapapp stopped before the changes to “{title}” (from {path}) were saved. "
                "They were autosaved at {when}.",
            )
        else:
            said = translate(
                "dialogs",
                "mapapp stopped before the changes to “{title}” (never saved) were saved. "
                "They were autosaved at {when}.",
            )
        box.setText(
            said.format(title=rec.title, path=rec.situation_path, store=rec.store, when=when)
        )
        box.setInformativeText(translate("dialogs", "Restore them now?"))
        restore = box.addButton(translate("dialogs", "Restore"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(
            translate("dialogs", "Discard"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(translate("dialogs", "Not now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)

        def answered() -> None:
            if box.clickedButton() is restore:
                self.restore_recovery(rec)
            elif box.clickedButton() is discard:
                remove_recovery(rec.file)

        box.finished.connect(answered)
        box.open()
        self.recovery_box = box
        return box

    def restore_recovery(self, rec: Recovery) -> bool:
        """Open the recovered work as unsaved changes (Save writes it where it came from)."""
        if not self.session.may_replace():
            return False
        try:
            situation, store = read_recovery_record(rec.file)
            sync = None
            if store is not None:
                from mapapp.store.link import Link
                from mapapp.ui.store_sync import StoreSync

                sync = StoreSync(self.session, Link.from_record(store))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            said = translate("dialogs", "the autosaved work cannot be restored: {reason}")
            self.session.warn(said.format(reason=exc), translate("dialogs", "Cannot restore"))
            return False
        self.session.cancel_loading()  # a file still opening must not replace what is restored
        self.session.set_situation(situation, frame=True, store=sync)
        self.session.undo_stack.resetClean()  # unsaved until saved: the modified mark, the prompt
        if not self.write():  # ours now; the crashed session's file goes only then
            return True
        remove_recovery(rec.file)
        _lock_of(rec.file).removeStaleLockFile()
        said = translate("dialogs", "Restored the unsaved changes to “{title}”.")
        self.session.say(said.format(title=situation.title))
        return True
