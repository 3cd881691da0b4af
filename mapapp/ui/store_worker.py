"""Speaking to a team's store off the GUI thread: a worker with its own connection sends
and fetches, one request at a time; a thread of its own LISTENs for others' saves. Both
keep trying while the server is away and carry on when it is back."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal, Slot

from mapapp.errors import MapappError
from mapapp.store.sync import Link

RETRY_MS = 2000  # how often an unreachable store is tried again


def _offline(exc: BaseException) -> bool:
    """The store could not be reached (rather than refusing what was sent)."""
    import psycopg

    from mapapp.store.connection import StoreError

    if isinstance(exc, psycopg.OperationalError):
        return True
    return isinstance(exc, StoreError) and "cannot connect" in str(exc)


class StoreWorker(QObject):
    """Speaks to the store on its own thread, one request at a time."""

    sent = Signal(object, object)  # Sent, the document it was made from
    fetched = Signal(object, object)  # store document, versions
    failed = Signal(bool, str)  # store unreachable?, one line
    reached = Signal()

    def __init__(self, url: str, name: str) -> None:
        super().__init__()
        self.url, self.name = url, name
        self.conn = None

    def _connection(self):
        from mapapp.store.connection import connect

        if self.conn is None or self.conn.closed:
            self.conn = connect(self.url)
        return self.conn

    def _failed(self, exc: BaseException) -> None:
        offline = _offline(exc)
        if offline and self.conn is not None:
            self.conn.close()
            self.conn = None
        self.failed.emit(offline, str(exc).strip().splitlines()[0] if str(exc).strip() else "")

    @Slot(object, object, object)
    def send(self, link: Link, mine: dict, texts: dict) -> None:
        import psycopg

        from mapapp.store.sync import send

        try:
            self.sent.emit(send(self._connection(), link, mine, texts), mine)
        except (MapappError, psycopg.Error) as exc:
            self._failed(exc)

    @Slot()
    def fetch(self) -> None:
        import psycopg

        from mapapp.store.sync import fetch

        try:
            data, _texts, versions = fetch(self._connection(), self.name)
        except (MapappError, psycopg.Error) as exc:
            self._failed(exc)
            return
        self.fetched.emit(data, versions)

    @Slot()
    def ping(self) -> None:
        import psycopg

        try:
            self._connection().execute("SELECT 1")
        except (MapappError, psycopg.Error) as exc:
            self._failed(exc)
            return
        self.reached.emit()

    @Slot()
    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


class Hearing(QObject):
    """Other analysts' saves, heard on a thread of its own (mapapp.store.live)."""

    heard = Signal(object)  # a Changed

    def __init__(self, url: str, name: str) -> None:
        super().__init__()
        self.url, self.name = url, name
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._listen, name="mapapp-store-listen")
        self.thread.daemon = True
        self.thread.start()

    def _listen(self) -> None:
        import psycopg

        from mapapp.store.live import Listener

        while not self.stopping.is_set():
            try:
                listener = Listener(self.url, self.name)
            except (MapappError, psycopg.Error):
                self.stopping.wait(RETRY_MS / 1000)
                continue
            try:
                while not self.stopping.is_set():
                    for change in listener.changes(timeout=0.25):
                        self.heard.emit(change)
            except psycopg.Error:
                pass  # the server went away: listen again once it is back
            finally:
                listener.close()

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join(timeout=2)
