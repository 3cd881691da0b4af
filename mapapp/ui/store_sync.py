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
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Signal

from mapapp.i18n import tr, translate
from mapapp.store.link import Link
from mapapp.ui.store_notes import who_changed_what
from mapapp.ui.store_worker import RETRY_MS, Hearing, StoreWorker

if TYPE_CHECKING:
    from mapapp.store.sync import Sent

SEND_DELAY_MS = 30  # edits made together (a drag, an undo macro) go in one send
HUNG_MS = 20_000  # a request unanswered this long: the store counts as unreachable
FLUSH_MS = 8_000  # how long Save waits for the store to take the unsent edits


class StoreSync(QObject):
    """The link between the open document and its stored situation."""

    status_changed = Signal(str)  # one line for the status bar's store label
    conflicted = Signal(object)  # a Conflict for the user to decide

    def __init__(self, session: QObject, link: Link) -> None:
        """``session``: the window's DocumentSession (not imported: it creates this)."""
        super().__init__(session)
        self.session = session
        self.link = link
        self.online = True
        self.sending: tuple[Link, dict] | None = None  # the link and document of a send
        self.fetch_wanted = False
        self.last_problem = ""
        self.conflicts: list = []  # waiting for the user, first one shown
        self.heard: list = []  # others' changes (mapapp.store.live.Changed) not yet taken in
        self.unanswered: list[tuple[Link, dict]] = []  # sends given up on (``_hung``)
        self.waiting = 0  # requests the worker has not answered yet
        self.watchdog = QTimer(self, singleShot=True, interval=HUNG_MS)
        self.watchdog.timeout.connect(self._hung)
        self.worker = self._new_worker()
        self.hearing = Hearing(link.url, link.name)
        self.hearing.heard.connect(self._heard)
        self.send_timer = QTimer(self, singleShot=True, interval=SEND_DELAY_MS)
        self.send_timer.timeout.connect(self.send_now)
        self.retry_timer = QTimer(self, interval=RETRY_MS)
        self.retry_timer.timeout.connect(self._retry)
        session.replaced.connect(self._document_changed)
        self.say_status()

    def _new_worker(self) -> StoreWorker:
        worker = StoreWorker(self.link.url, self.link.name)
        worker.sent.connect(self._sent)
        worker.fetched.connect(self._fetched)
        worker.failed.connect(self._failed)
        worker.reached.connect(self._reached)
        return worker

    def _asked(self) -> None:
        self.waiting += 1
        if not self.watchdog.isActive():
            self.watchdog.start()

    def _answered(self) -> None:
        self.waiting = max(0, self.waiting - 1)
        if self.waiting:
            self.watchdog.start()  # the next request's turn
        else:
            self.watchdog.stop()

    # what the window asks ----------------------------------------------------------------
    @property
    def can_edit(self) -> bool:
        return self.link.can_edit

    @property
    def in_flight(self) -> bool:
        return self.sending is not None

    def unsent(self) -> int:
        s = self.session.situation
        return len(self.link.unsent(s.raw)) if s is not None else 0

    def where(self) -> str:
        from mapapp.store.connection import shown

        where = f"{self.link.name} · {shown(self.link.url)}"
        return f"{where}\n{self.last_problem}" if self.last_problem else where

    def send_now(self) -> None:
        """Send what the user changed since the store last heard (one send at a time;
        what is changed meanwhile goes in the next)."""
        s = self.session.situation
        if s is None or not self.can_edit or not self.online or self.in_flight:
            return
        if not self.link.unsent(s.raw):
            if not self.conflicts:
                self.session.undo_stack.setClean()  # all of it is in the store
            return
        self.sending = (self.link, s.raw)
        self._asked()
        self.worker.send(self.link, s.raw, s.texts())
        self.say_status()

    def flush(self, wait_ms: int = FLUSH_MS) -> bool:
        """Send now and wait (the window answering meanwhile) until the store has every
        edit; whether it has. Save, and the question before closing, rely on it."""
        deadline = time.monotonic() + wait_ms / 1000
        while time.monotonic() < deadline:
            if not self.in_flight:
                if not self.online or self.conflicts or not self.unsent():
                    break
                self.send_now()
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.005)
        return self.online and not self.in_flight and not self.conflicts and not self.unsent()

    def save(self) -> bool:
        """Every edit in the store now (waiting a few seconds for it), or say what stays
        here — in the window and its recovery file — and why."""
        if not self.can_edit:
            said = translate(
                "window", "This shared situation is read only for you: File → Save as keeps a copy."
            )
            self.session.say(said)
            return False
        if self.flush():
            return True
        n = self.unsent()
        if self.conflicts:
            why = translate("window", "a conflict waits for your decision")
            self.conflicted.emit(self.conflicts[0])
        elif not self.online:
            why = translate("window", "the store cannot be reached")
        else:
            why = translate("window", "the store has not answered yet")
        said = tr(
            "%Ln change(s) not in the store yet: {why}. They stay here and in the recovery file.",
            "window",
            n,
        )
        self.session.write_aside()
        self.session.warn(
            said.format(why=why), translate("window", "Not saved to the shared situation")
        )
        return False

    def close(self) -> None:
        """The window shows something else, or closes: stop listening and speaking (never
        waiting on the server: the threads end on their own)."""
        self.send_timer.stop()
        self.retry_timer.stop()
        self.watchdog.stop()
        with contextlib.suppress(RuntimeError, TypeError):
            self.session.replaced.disconnect(self._document_changed)
        self.hearing.stop()
        self.worker.abandon()

    def decide(self, conflict, keep: dict | None, copy_id: str = "") -> None:
        """The user's choice on a conflict (see mapapp.store.sync.resolve): the document
        takes it, and it is sent as an edit made from their version."""
        from mapapp.store.link import resolve

        data, self.link = resolve(self.link, self.session.situation.raw, conflict, keep, copy_id)
        self.conflicts = [
            c for c in self.conflicts if (c.kind, c.item) != (conflict.kind, conflict.item)
        ]
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
        from mapapp.model.doc_patch import items_of, merge
        from mapapp.store.link import keep_entries

        self._answered()
        if self.sending is None:
            return
        before, _ = self.sending
        self.sending = None
        # a decision taken while the send was out stays as the user made it
        decided = self.link.differs_from(before)
        link = keep_entries(sent.link, self.link, decided)
        now, sent_items = items_of(self.session.situation.raw), items_of(mine)
        updates = {}
        for key, merged in sent.adopted.items():  # the store merged in someone's edit
            if now.get(key) == sent_items.get(key):
                updates[key] = merged
                continue
            # edited again since it was sent: that edit goes on top of the merge, or, if it
            # clashes with what came in, the next send meets theirs as a conflict
            if None not in (now.get(key), sent_items.get(key), merged):
                on_top, clashes = merge(sent_items[key], now[key], merged)
                if not clashes:
                    updates[key] = on_top
                    continue
            link = keep_entries(link, before, [key])
        self.link = link
        if updates:
            self._put_items(updates)
        for conflict in sent.conflicts:
            key = (conflict.kind, conflict.item)
            if key in decided:
                continue  # answered while this send was out
            if not any((c.kind, c.item) == key for c in self.conflicts):
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
            self._fetch()
        self.say_status()

    def _fetch(self) -> None:
        self._asked()
        self.worker.fetch()

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
        if self.in_flight or not self.online:
            self.fetch_wanted = True
        else:
            self._fetch()

    def _fetched(self, store_doc: dict, texts: dict, versions: dict) -> None:
        from mapapp.model.validation import validate
        from mapapp.store.link import rebase

        self._answered()
        if self.in_flight:  # our send decides first; look again after it
            self.fetch_wanted = True
            return
        s = self.session.situation
        link = self.link
        for sent_link, sent_doc in self.unanswered:  # a send given up on that committed
            link = _own_after_all(link, sent_link, sent_doc, store_doc, versions)
        self.unanswered.clear()
        data, link = rebase(link, s.raw, store_doc, versions)
        texts = {**s.texts(), **texts}  # a source someone added comes with its text
        problems, _ = validate(data, None, texts)
        if problems:  # others' edits and my unsent ones clash: the send will say how
            self.send_now()
            return
        notes = who_changed_what(self.heard, s.raw, data)
        self.heard.clear()
        self.link = link
        if data != s.raw or texts != s.texts():
            self.session.apply_document(data, texts)
        if notes:
            self.session.say(f"{'; '.join(notes)} · {time.strftime('%H:%M:%S')}")
        if not self.link.unsent(self.session.situation.raw):
            if not self.conflicts:
                self.session.undo_stack.setClean()
        elif self.online:
            self.send_timer.start()  # the edits kept while the store was away
        self.say_status()

    def _failed(self, offline: bool, message: str) -> None:
        self._answered()
        self.sending = None
        self.last_problem = message
        if offline:
            self._went_away()
        else:  # the store refused what was sent: say why; the edits stay here
            self.session.warn(message, translate("store", "Not saved to the shared situation"))
        self.say_status()

    def _hung(self) -> None:
        """A request went unanswered: the store counts as unreachable; a new worker takes
        over (the stuck one is abandoned) and the edits are written aside."""
        self.worker.abandon()
        self.worker = self._new_worker()
        self.waiting = 0
        if self.sending is not None:  # it may yet commit: told apart when the store is back
            self.unanswered.append(self.sending)
        self.sending = None
        self.last_problem = translate("store", "the store stopped answering")
        self._went_away()
        self.say_status()

    def _went_away(self) -> None:
        if self.online:
            self.online = False
            self.retry_timer.start()
        if self.unsent():
            self.session.write_aside()

    def _retry(self) -> None:
        if not self.waiting:
            self._asked()
            self.worker.ping()

    def _reached(self) -> None:
        self._answered()
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
        self._fetch()  # what others did, and what a send given up on did, first
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


def _own_after_all(link: Link, sent_link: Link, sent: dict, store: dict, versions: dict) -> Link:
    """``link`` taking as its own what a send given up on wrote after all: each item it
    sent that the store now holds exactly as sent gets the store's base and version, so
    the user's later edits of it go on top rather than meeting their own as a conflict."""
    from dataclasses import replace

    from mapapp.model.doc_patch import changes
    from mapapp.store.link import keep_entries

    held = replace(link, base=store, versions=versions)
    own = [k for k in sent_link.unsent(sent) if k not in changes(store, sent)]
    return keep_entries(link, held, own) if own else link
