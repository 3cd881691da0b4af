"""Speaking to a team's store off the GUI thread: a worker with its own connection sends
and fetches, one request at a time; a thread of its own LISTENs for others' saves. Both
keep trying while the server is away and carry on when it is back."""

from __future__ import annotations

import contextlib
import queue
import threading

from PySide6.QtCore import QObject, Signal

from mapapp.errors import MapappError
from mapapp.store.link import Link

RETRY_MS = 2000  # how often an unreachable store is tried again


def _offline(exc: BaseException) -> bool:
    """The store could not be reached (rather than refusing what was sent)."""
    import psycopg

    from mapapp.store.connection import StoreError

    if isinstance(exc, psycopg.OperationalError):
        return True
    return isinstance(exc, StoreError) and "cannot connect" in str(exc)


class StoreWorker(QObject):
    """Speaks to the store on a thread of its own, one request at a time, in order.

    A plain daemon thread, not a QThread: a request stuck on a server that stopped
    answering can be abandoned (``abandon``) — the window carries on with a new worker,
    and the stuck thread ends whenever libpq gives up, or with the process, never taking
    the process down with it. Results come back as signals, queued to the GUI thread."""

    sent = Signal(object, object)  # Sent, the document it was made from
    fetched = Signal(object, object, object)  # store document, its texts, versions
    failed = Signal(bool, str)  # store unreachable?, one line
    reached = Signal()

    def __init__(self, url: str, name: str) -> None:
        super().__init__()
        self.url, self.name = url, name
        self.conn = None
        self.abandoned = False
        self.requests: queue.SimpleQueue = queue.SimpleQueue()
        self.thread = threading.Thread(target=self._serve, name="mapapp-store", daemon=True)
        self.thread.start()

    # asked from the GUI thread ---------------------------------------------------------
    def send(self, link: Link, mine: dict, texts: dict) -> None:
        self.requests.put((self._send, (link, mine, texts)))

    def fetch(self) -> None:
        self.requests.put((self._fetch, ()))

    def ping(self) -> None:
        self.requests.put((self._ping, ()))

    def close(self) -> None:
        self.requests.put(None)

    def abandon(self) -> None:
        """Its answers no longer count (the window moved on to another worker)."""
        self.abandoned = True
        self.close()

    # on the worker's thread --------------------------------------------------------------
    def _serve(self) -> None:
        import psycopg

        while True:
            request = self.requests.get()
            if request is None:
                break
            do, args = request
            try:
                do(*args)
            except (MapappError, psycopg.Error) as exc:
                self._failed(exc)
        if self.conn is not None:
            with contextlib.suppress(Exception):
                self.conn.close()

    def _connection(self):
        from mapapp.store.connection import connect

        if self.conn is None or self.conn.closed:
            self.conn = connect(self.url)
        return self.conn

    def _say(self, signal, *args) -> None:
        if not self.abandoned:
            signal.emit(*args)

    def _failed(self, exc: BaseException) -> None:
        offline = _offline(exc)
        if offline and self.conn is not None:
            with contextlib.suppress(Exception):
                self.conn.close()
            self.conn = None
        text = str(exc).strip()
        self._say(self.failed, offline, text.splitlines()[0] if text else type(exc).__name__)

    def _send(self, link: Link, mine: dict, texts: dict) -> None:
        from mapapp.store.sync import send

        self._say(self.sent, send(self._connection(), link, mine, texts), mine)

    def _fetch(self) -> None:
        from mapapp.store.sync import fetch

        data, texts, versions = fetch(self._connection(), self.name)
        self._say(self.fetched, data, texts, versions)

    def _ping(self) -> None:
        self._connection().execute("SELECT 1")
        self._say(self.reached)


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
                        if not self.stopping.is_set():
                            self.heard.emit(change)
            except psycopg.Error:
                pass  # the server went away: listen again once it is back
            finally:
                listener.close()

    def stop(self) -> None:
        """Nothing more is heard; the thread ends within a quarter of a second (or, on a
        server that stopped answering, whenever libpq gives up: it is a daemon)."""
        self.stopping.set()
