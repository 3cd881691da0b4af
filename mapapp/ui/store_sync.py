"""A shared situation open in the window: the user's edits go to the store as they are
made, other analysts' saved edits come in within a second, and while the database is away
the window goes on with what it has.

The database is only ever spoken to off the GUI thread: a worker thread with its own
connection sends and fetches, and a second thread LISTENs (mapapp.store.live). The
document itself is changed only here, on the GUI thread: others' edits and merges are put
in without touching the undo history, which stays the user's own.

While the store cannot be reached, the unsent edits are simply what the document holds
beyond the link's base (mapapp.store.sync): the recovery file keeps both, and they are
sent when the store answers again.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from mapapp.i18n import tr, translate
from mapapp.store.sync import Link
from mapapp.ui.store_worker import RETRY_MS, Hearing, StoreWorker

if TYPE_CHECKING:
    from mapapp.store.sync import Sent

SEND_DELAY_MS = 30  # edits made together (a drag, an undo macro) go in one send


class StoreSync(QObject):
    """The link between the open document and its stored situation."""

    status_changed = Signal(str)  # one line for the status bar's store label
    conflicted = Signal(object)  # a Conflict for the user to decide

    request_send = Signal(object, object, object)
    request_fetch = Signal()
    request_ping = Signal()
    request_close = Signal()

    def __init__(self, session: QObject, link: Link) -> None:
        """``session``: the window's DocumentSession (not imported: it creates this)."""
        super().__init__(session)
        self.session = session
        self.link = link
        self.online = True
        self.in_flight = False
        self.fetch_wanted = False
        self.last_problem = ""
        self.conflicts: list = []  # waiting for the user, first one shown
        self.heard: list = []  # others' changes (mapapp.store.live.Changed) not yet taken in
        self.thread = QThread(self)
        self.thread.setObjectName("mapapp-store")
        self.worker = StoreWorker(link.url, link.name)
        self.worker.moveToThread(self.thread)
        self.request_send.connect(self.worker.send)
        self.request_fetch.connect(self.worker.fetch)
        self.request_ping.connect(self.worker.ping)
        self.request_close.connect(self.worker.close)
        self.worker.sent.connect(self._sent)
        self.worker.fetched.connect(self._fetched)
        self.worker.failed.connect(self._failed)
        self.worker.reached.connect(self._reached)
        self.thread.start()
        self.hearing = Hearing(link.url, link.name)
        self.hearing.heard.connect(self._heard)
        self.send_timer = QTimer(self, singleShot=True, interval=SEND_DELAY_MS)
        self.send_timer.timeout.connect(self.send_now)
        self.retry_timer = QTimer(self, interval=RETRY_MS)
        self.retry_timer.timeout.connect(self.request_ping.emit)
        session.replaced.connect(self._document_changed)
        self.say_status()

    # what the window asks ----------------------------------------------------------------
    @property
    def can_edit(self) -> bool:
        return self.link.can_edit

    def unsent(self) -> int:
        s = self.session.situation
        return len(self.link.unsent(s.raw)) if s is not None else 0

    def where(self) -> str:
        from mapapp.store.connection import shown

        return f"{self.link.name} · {shown(self.link.url)}"

    def send_now(self) -> None:
        """Send what the user changed since the store last heard (one request at a time;
        what is changed meanwhile goes in the next)."""
        s = self.session.situation
        if s is None or not self.can_edit or not self.online:
            return
        if self.in_flight:
            return  # _sent sends the rest
        if not self.link.unsent(s.raw):
            self.session.undo_stack.setClean()  # all of it is in the store
            return
        self.in_flight = True
        self.request_send.emit(self.link, s.raw, s.texts())
        self.say_status()

    def close(self) -> None:
        """The window shows something else, or closes: stop listening and speaking."""
        self.send_timer.stop()
        self.retry_timer.stop()
        with contextlib.suppress(RuntimeError, TypeError):
            self.session.replaced.disconnect(self._document_changed)
        self.hearing.stop()
        self.request_close.emit()
        self.thread.quit()
        self.thread.wait(3000)

    def decide(self, conflict, keep: dict | None, copy_id: str = "") -> None:
        """The user's choice on a conflict (see mapapp.store.sync.resolve): the document
        takes it, and it is sent as an edit made from their version."""
        from mapapp.store.sync import resolve

        data, self.link = resolve(self.link, self.session.situation.raw, conflict, keep, copy_id)
        if conflict in self.conflicts:
            self.conflicts.remove(conflict)
        self._put(data)
        self.session.undo_stack.resetClean()  # unsent until the store has it
        self.send_now()
        if self.conflicts:
            self.conflicted.emit(self.conflicts[0])

    # what the store says ------------------------------------------------------------------
    def _document_changed(self, _situation, _frame, _panel_now, same: bool) -> None:
        if same and self.can_edit:
            if self.online:
                self.send_timer.start()
            elif self.unsent():
                self.session.write_aside()  # the queue is the recovery file
            self.say_status()

    def _sent(self, sent: Sent, mine: dict) -> None:
        from mapapp.model.doc_patch import items_of

        self.in_flight = False
        self.link = sent.link
        if sent.adopted:  # merged with someone else's edit: the window shows the merge
            now = items_of(self.session.situation.raw)
            sent_items = items_of(mine)
            taken = {k: v for k, v in sent.adopted.items() if now.get(k) == sent_items.get(k)}
            if taken:
                self._put_items(taken)
        for conflict in sent.conflicts:
            if not any((c.kind, c.item) == (conflict.kind, conflict.item) for c in self.conflicts):
                self.conflicts.append(conflict)
                if len(self.conflicts) == 1:
                    self.conflicted.emit(conflict)
        if sent.written:
            self.last_problem = ""
        waiting = {(c.kind, c.item) for c in self.conflicts}
        rest = set(self.link.unsent(self.session.situation.raw)) - waiting
        if rest:
            self.send_timer.start()
        elif not waiting:
            self.session.undo_stack.setClean()
        if self.fetch_wanted:
            self.fetch_wanted = False
            self.request_fetch.emit()
        self.say_status()

    def _heard(self, change) -> None:
        """Someone saved: take it in (after our own send, if one is under way)."""
        from mapapp.model.doc_patch import items_of

        key = (change.kind, change.item)
        known = self.link.versions.get(key)
        if change.action == "delete":
            if key not in items_of(self.link.base):
                return  # our own delete, or one already taken in
        elif known is not None and change.version is not None and change.version <= known:
            return  # our own save, already in
        self.heard.append(change)
        if self.in_flight:
            self.fetch_wanted = True
        else:
            self.request_fetch.emit()

    def _fetched(self, store_doc: dict, versions: dict) -> None:
        from mapapp.model.validation import validate
        from mapapp.store.sync import rebase

        if self.in_flight:  # our send decides first; look again after it
            self.fetch_wanted = True
            return
        s = self.session.situation
        data, link = rebase(self.link, s.raw, store_doc, versions)
        problems, _ = validate(data, None, s.texts())
        if problems:  # others' edits and my unsent ones clash: the send will say how
            self.send_now()
            return
        notes = _notes(self.heard, s.raw, data)
        self.heard.clear()
        self.link = link
        if data != s.raw:
            self._put(data)
        if notes:
            self.session.say(f"{'; '.join(notes)} · {_clock()}")
        if not self.link.unsent(self.session.situation.raw) and not self.conflicts:
            self.session.undo_stack.setClean()
        self.say_status()

    def _failed(self, offline: bool, message: str) -> None:
        self.in_flight = False
        if offline:
            if self.online:
                self.online = False
                self.retry_timer.start()
                self.session.write_aside()
            self.last_problem = message
        else:  # the store refused what was sent: say why; the edits stay here
            self.last_problem = message
            self.session.warn(message, translate("store", "Not saved to the shared situation"))
        self.say_status()

    def _reached(self) -> None:
        if self.online:
            return
        self.online = True
        self.retry_timer.stop()
        self.last_problem = ""
        self.session.say(
            translate("store", "The shared situation {name} answers again.").format(
                name=self.link.name
            )
        )
        self.fetch_wanted = True  # after the queued edits go, take in what others did
        if self.unsent():
            self.send_now()
        else:
            self.fetch_wanted = False
            self.request_fetch.emit()
        self.say_status()

    # the document ---------------------------------------------------------------------------
    def _put_items(self, items: dict) -> None:
        from mapapp.model.doc_patch import put

        self._put(put(self.session.situation.raw, items))

    def _put(self, data: dict) -> None:
        """Show ``data`` without an undo entry: it is the store's, not the user's edit."""
        self.session.apply_document(data)

    def say_status(self) -> None:
        n = self.unsent()
        if not self.can_edit:
            said = translate("store", "Shared: {where} · read only")
        elif not self.online:
            said = tr("Shared: {where} · store unreachable, %Ln change(s) kept here", "store", n)
        elif self.conflicts:
            said = tr("Shared: {where} · %Ln conflict(s) to decide", "store", len(self.conflicts))
        elif n or self.in_flight:
            said = translate("store", "Shared: {where} · sending…")
        else:
            said = translate("store", "Shared: {where} · all changes saved")
        self.status_changed.emit(said.format(where=self.link.name))


def _notes(heard: list, old: dict, new: dict) -> list[str]:
    """A brief note of who changed what, each item named as the user sees it; only what
    changed the window's document (not the user's own saves coming back)."""
    from mapapp.model.doc_patch import HEAD, head_of, items_of

    before, after = items_of(old), items_of(new)
    before[HEAD], after[HEAD] = head_of(old), head_of(new)
    said = {
        "insert": translate("store", "{who} added {kind} “{item}”"),
        "update": translate("store", "{who} changed {kind} “{item}”"),
        "delete": translate("store", "{who} deleted {kind} “{item}”"),
    }
    notes = []
    for change in heard:
        key = HEAD if change.kind == "situation" else (change.kind, change.item)
        if before.get(key) == after.get(key):
            continue
        item = after.get(key) or before.get(key) or {}
        label = item.get("title") or item.get("name") or change.item
        text = said.get(change.action, said["update"]).format(
            who=change.by, kind=_kind_word(change.kind), item=label
        )
        if text not in notes:
            notes.append(text)
    if len(notes) > 3:
        more = len(notes) - 2
        notes = [*notes[:2], tr("and %Ln more change(s)", "store", more)]
    return notes


def _kind_word(kind: str) -> str:
    return {
        "place": translate("store", "place"),
        "area": translate("store", "area"),
        "actor": translate("store", "actor"),
        "event": translate("store", "event"),
        "claim": translate("store", "claim"),
        "source": translate("store", "source"),
        "situation": translate("store", "situation"),
    }.get(kind, kind)


def _clock() -> str:
    import time

    return time.strftime("%H:%M:%S")
