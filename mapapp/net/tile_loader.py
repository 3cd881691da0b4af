"""Loading tiles for the window and for exports: one loader, one disk cache.

Online tiles go through Qt's network stack on the event loop (never inside a paint), at
most two requests per host at a time, with a User-Agent naming mapapp, into a
size-limited disk cache (QNetworkDiskCache) that keeps and revalidates tiles as the
server's cache headers say, as the OpenStreetMap tile usage policy asks. Tile files are
read on worker threads. Decoding happens off the GUI thread too.

Only tiles a frame or an export actually needs are asked for: the window's wish list is
replaced on every frame that draws tiles (what scrolled away is dropped from the queue),
and nothing is fetched ahead. A tile that fails is left to the vector basemap and is
summed up in one ``problem`` message, not one per tile; a tile a sparse file lacks is
no failure at all.
"""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QObject, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import QImage
from PySide6.QtNetwork import QNetworkReply

from mapapp.geo.tile_sources import TileSource, TileSourceError
from mapapp.i18n import tr, translate
from mapapp.net.tile_fetch import Fetch, FetchResult
from mapapp.net.tile_network import (
    USER_AGENT,
    TileNetwork,
    failure_reason,
    from_disk_cache,
    reply_status,
    tile_cache_dir,
)
from mapapp.render.tiles import Ref, TileCache, TileLayer, TilePlan, decode_tile, plan_tiles

if TYPE_CHECKING:
    from mapapp.render.export import Snapshot

__all__ = ["USER_AGENT", "TileLoader", "tile_cache_dir"]

CONNECTIONS_PER_HOST = 2
RETRY_AFTER_S = 60.0  # a tile that failed is asked for again only after this
MESSAGE_DELAY_MS = 1_500  # failures in this span make one message
FILE_HOST = "(file)"
ABSENT = "not in the file"  # a sparse tile file: not a failure, nothing to retry


class TileLoader(QObject):
    """Fills ``layer.cache`` for one source. ``tiles_changed``: a tile arrived or failed
    (repaint); ``problem``: one line for the status bar."""

    tiles_changed = Signal()
    problem = Signal(str)
    _finished = Signal(object, object, str)  # ref, QImage or None, reason (worker → GUI)

    def __init__(
        self, source: TileSource, cache_dir: Path | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.layer = TileLayer(source, TileCache(), request=self.request, keep_scaled=True)
        self._reader = None
        if not source.online:
            from mapapp.geo.tile_files import open_tile_file

            self._reader = open_tile_file(Path(source.location))
        self._net = TileNetwork(cache_dir or tile_cache_dir(), self)
        # per server: (tile, the first attempt's error or "" on a first attempt)
        self._queues: dict[str, deque[tuple[Ref, str]]] = {}
        self._in_flight: Counter[str] = Counter()
        self._pending: set[Ref] = set()  # queued, in flight or decoding
        self._wanted: set[Ref] = set()  # the last frame's missing tiles
        self._failed: dict[Ref, tuple[float, str]] = {}
        self._absent: set[Ref] = set()
        self._fetches: list[Fetch] = []
        self._new_failures = False  # since the last status message
        self.requests_sent = 0  # network requests (not answered from the disk cache)
        self.served_from_cache = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._finished.connect(self._on_finished)
        self._pump_timer = QTimer(self, singleShot=True, interval=0)
        self._pump_timer.timeout.connect(self._pump)
        self._message_timer = QTimer(self, singleShot=True, interval=MESSAGE_DELAY_MS)
        self._message_timer.timeout.connect(self._report)
        self._closed = False

    # what the renderer and exports ask for ------------------------------------------
    def request(self, plan: TilePlan, missing: list) -> None:
        """A frame lacked these tiles: queue them (called from inside a paint, so the
        network is only touched on the next turn of the event loop)."""
        refs = [(key, plan.hidpi) for key in missing]
        self._wanted = set(refs)
        self._drop_unwanted()
        for ref in refs:
            self._enqueue(ref)
        if refs:
            self._pump_timer.start()

    def fetch(self, plan: TilePlan, timeout_s: float, done: Callable[[FetchResult], None]) -> Fetch:
        """Load every tile of ``plan`` (failed ones are tried again), then call ``done``
        (always once, from the event loop) when all are loaded or failed, when
        ``timeout_s`` runs out, on ``cancel`` or when the loader closes."""
        job = Fetch({(k, plan.hidpi) for k in plan.keys}, done)
        for ref in job.refs:
            image = self.layer.cache.get(ref)
            if image is not None:
                job.result.images[ref] = image
            elif ref in self._absent:
                continue
            else:
                job.open.add(ref)
                self._failed.pop(ref, None)
                self._enqueue(ref)
        self._fetches.append(job)
        job.timer = QTimer(self, singleShot=True, interval=max(1, round(timeout_s * 1000)))
        job.timer.timeout.connect(
            lambda: self._finish_fetch(job, translate("basemap", "timed out"))
        )
        job.timer.start()
        self._pump_timer.start()
        if not job.open:
            self._finish_fetch(job, "")
        return job

    def cancel(self, job: Fetch) -> None:
        """Stop waiting for ``job``: its ``done`` hears what it had, and its queued
        tiles are dropped (unless a frame on screen wants them)."""
        self._finish_fetch(job, translate("basemap", "cancelled"))

    def load_local_now(self, plan: TilePlan, budget_s: float = 0.15) -> int:
        """Read the plan's tiles that are on this machine (a tile file, or fresh copies in
        the disk cache) right now, within ``budget_s``: the window's first frame then
        opens with its basemap instead of flashing the vector map. Returns how many."""
        deadline = time.monotonic() + budget_s
        loaded = 0
        for key in plan.keys:
            ref = (key, plan.hidpi)
            if ref in self.layer.cache or time.monotonic() > deadline:
                continue
            try:
                data = self._reader.read(key) if self._reader else self._fresh_on_disk(ref)
            except TileSourceError:
                data = None
            image = decode_tile(data) if data else None
            if image is not None:
                self.layer.cache.put(ref, image)
                loaded += 1
        return loaded

    def _fresh_on_disk(self, ref: Ref) -> bytes | None:
        return self._net.fresh_copy(self.source.url(ref[0], ref[1]))

    def settled(self, ref: Ref) -> bool:
        """In memory, absent from the file, or failed (and not being tried again)."""
        if ref in self.layer.cache or ref in self._absent:
            return True
        return ref in self._failed and ref not in self._pending

    def close(self) -> None:
        """Stop: abort what is in flight and wait for the decoding threads."""
        for job in list(self._fetches):  # their callers still hear back, once
            self._finish_fetch(job, translate("basemap", "basemap closed"))
        self._closed = True
        for q in self._queues.values():
            q.clear()
        self._net.abort_all()
        self._pool.waitForDone(5_000)
        if self._reader is not None:
            self._reader.close()

    # queueing ----------------------------------------------------------------------
    def _host(self, ref: Ref) -> str:
        """The queue a tile waits in: one per server, the {s} subdomains of a provider
        counting as one (they are the same servers)."""
        if self._reader is not None:
            return FILE_HOST
        return QUrl(self.source.location.replace("{s}", "s")).host()

    def _enqueue(self, ref: Ref, first_error: str = "") -> None:
        """Queue ``ref``; ``first_error``: why the network attempt failed, when this is
        the second one (from the disk cache alone)."""
        if ref in self._pending or ref in self.layer.cache or ref in self._absent:
            return
        failed = self._failed.get(ref)
        if failed is not None and time.monotonic() - failed[0] < RETRY_AFTER_S:
            return
        self._pending.add(ref)
        self._queues.setdefault(self._host(ref), deque()).append((ref, first_error))

    def _pinned(self) -> set[Ref]:
        return set().union(*(f.open for f in self._fetches)) if self._fetches else set()

    def _drop_unwanted(self) -> None:
        keep = self._wanted | self._pinned()
        for q in self._queues.values():
            stale = [item for item in q if item[0] not in keep]
            for item in stale:
                q.remove(item)
                self._pending.discard(item[0])

    def _pump(self) -> None:
        if self._closed:
            return
        for host, q in self._queues.items():
            while q and self._in_flight[host] < CONNECTIONS_PER_HOST:
                ref, first_error = q.popleft()
                self._in_flight[host] += 1
                if self._reader is not None:
                    self._pool.start(lambda ref=ref: self._read_file(ref))
                else:
                    self._get(ref, host, first_error)

    # online ------------------------------------------------------------------------
    def _get(self, ref: Ref, host: str, first_error: str) -> None:
        reply = self._net.get(self.source.url(ref[0], ref[1]), stale_ok=bool(first_error))
        reply.finished.connect(lambda: self._on_reply(reply, ref, host, first_error))

    def _on_reply(self, reply: QNetworkReply, ref: Ref, host: str, first_error: str) -> None:
        self._in_flight[host] -= 1
        reply.deleteLater()
        if self._closed:
            return
        status = reply_status(reply)
        error = reply.error()
        if from_disk_cache(reply):
            self.served_from_cache += 1
        elif not first_error:
            self.requests_sent += 1
        if error == QNetworkReply.NetworkError.NoError and (status or 200) < 300:
            data = bytes(reply.readAll().data())
            self._pool.start(lambda: self._decode(ref, data))
        elif status is None and not first_error and error != QNetworkReply.NetworkError.NoError:
            # No answer at all (offline, timed out): the disk cache's copy, however old,
            # beats an empty square.
            self._pending.discard(ref)
            self._enqueue(ref, first_error=failure_reason(status, reply))
        else:
            self._finished.emit(ref, None, first_error or failure_reason(status, reply))
        self._pump_timer.start()

    # files and decoding (worker threads) -------------------------------------------------
    def _read_file(self, ref: Ref) -> None:
        try:
            data = self._reader.read(ref[0])
        except TileSourceError as exc:
            self._finished.emit(ref, None, str(exc).rsplit(": ", 1)[-1][:60])
            return
        except Exception as exc:  # whatever happens, the tile must be answered for
            reason = translate("basemap", "unreadable ({error})").format(error=type(exc).__name__)
            self._finished.emit(ref, None, reason)
            return
        if data is None:
            self._finished.emit(ref, None, ABSENT)
            return
        self._decode(ref, data)

    def _decode(self, ref: Ref, data: bytes) -> None:
        try:
            image = decode_tile(data)
        except Exception as exc:  # a worker's error would leave the tile pending forever
            reason = translate("basemap", "undecodable ({error})").format(error=type(exc).__name__)
            self._finished.emit(ref, None, reason)
            return
        reason = "" if image is not None else translate("basemap", "broken image")
        self._finished.emit(ref, image, reason)

    # results (GUI thread) ---------------------------------------------------------------
    def _on_finished(self, ref: Ref, image: QImage | None, reason: str) -> None:
        if self._reader is not None:
            self._in_flight[FILE_HOST] -= 1
            self._pump_timer.start()
        self._pending.discard(ref)
        if image is not None:
            self.layer.cache.put(ref, image)
            self._failed.pop(ref, None)
            self.layer.failed.discard(ref)
        elif reason == ABSENT:
            self._absent.add(ref)
        else:
            self._failed[ref] = (time.monotonic(), reason)
            self.layer.failed.add(ref)
            self._new_failures = True
            if not self._message_timer.isActive():
                self._message_timer.start()
        for job in list(self._fetches):
            if ref in job.open:
                job.open.discard(ref)
                if image is not None:
                    job.result.images[ref] = image
                elif reason != ABSENT:
                    job.result.failed[ref] = reason
                if not job.open:
                    self._finish_fetch(job, "")
        self.tiles_changed.emit()

    def _finish_fetch(self, job: Fetch, reason: str) -> None:
        """Close ``job`` (tiles still open fail with ``reason``) and call its ``done`` on
        the next turn of the event loop, so a caller that opens a dialog or another
        fetch never runs inside this one."""
        if job not in self._fetches:
            return
        self._fetches.remove(job)
        if job.timer is not None:
            job.timer.stop()
        for ref in job.open:
            job.result.failed[ref] = reason
        job.open.clear()
        self._drop_unwanted()
        QTimer.singleShot(0, lambda: job.done(job.result))

    def _report(self) -> None:
        """One line for every failure so far (each message replaces the one before, so
        it counts them all, not only the newest)."""
        if not self._new_failures:
            return
        self._new_failures = False
        reasons = Counter(reason for _, reason in self._failed.values())
        n = sum(reasons.values())
        if not n:
            return
        why = ", ".join(f"{r} ×{k}" if k > 1 else r for r, k in reasons.most_common(4))
        self.problem.emit(
            tr(
                "Basemap: %Ln tile(s) could not be loaded ({why}); the vector map shows there.",
                "basemap",
                n,
            ).format(why=why)
        )


def with_tiles(
    loader: TileLoader,
    snap: Snapshot,
    path: Path | str,
    timeout_s: float,
    done: Callable[[Snapshot, FetchResult], None],
) -> Fetch:
    """Fetch the tiles ``snap`` needs at the output's density, then hand ``done`` the
    snapshot carrying a frozen copy of them (safe for an export thread); what is missing
    is noted in its metadata."""
    from dataclasses import replace

    density = snap.tile_density(path)
    plan = plan_tiles(snap.view, loader.source, density)

    def finish(result: FetchResult) -> None:
        tiles = loader.layer.frozen(plan, density, result.images, set(result.failed))
        metadata = dict(snap.metadata)
        if result.failed and "Basemap" in metadata:
            n = len(result.failed)
            metadata["Basemap"] += f"; {n} tile{'' if n == 1 else 's'} missing"
        done(replace(snap, tiles=tiles, metadata=metadata), result)

    return loader.fetch(plan, timeout_s, finish)


def with_tiles_now(
    loader: TileLoader, snap: Snapshot, path: Path | str, timeout_s: float
) -> tuple[Snapshot, FetchResult]:
    """``with_tiles``, waiting for it (the command line, which has no window to keep
    responsive)."""
    out: list[tuple[Snapshot, FetchResult]] = []
    loop = QEventLoop()
    with_tiles(loader, snap, path, timeout_s, lambda s, r: (out.append((s, r)), loop.quit()))
    if not out:
        loop.exec()
    return out[0]
