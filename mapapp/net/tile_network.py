"""The network and disk-cache side of the tile basemap: one QNetworkAccessManager with a
size-limited QNetworkDiskCache that keeps and revalidates tiles as the server's cache
headers say, and requests that name mapapp (the OpenStreetMap tile usage policy asks for
both). Queueing and the per-server limit are the loader's; this only talks HTTP."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDateTime, QObject, QStandardPaths, QUrl
from PySide6.QtNetwork import (
    QNetworkAccessManager,
    QNetworkDiskCache,
    QNetworkReply,
    QNetworkRequest,
)

from mapapp import __version__
from mapapp.i18n import translate

USER_AGENT = (
    f"mapapp/{__version__} (desktop situation map; Qt network; "
    "tiles for the visible view only, disk-cached)"
)
DISK_CACHE_BYTES = 300 * 1024 * 1024
TRANSFER_TIMEOUT_MS = 20_000


def tile_cache_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(base or Path.home() / ".cache" / "mapapp") / "tiles"


class TileNetwork(QObject):
    """Created on first use: a window with a file basemap never opens a network stack."""

    def __init__(self, cache_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cache_dir = cache_dir
        self._manager: QNetworkAccessManager | None = None

    def manager(self) -> QNetworkAccessManager:
        if self._manager is None:
            self._manager = QNetworkAccessManager(self)
            cache = QNetworkDiskCache(self._manager)
            cache.setCacheDirectory(str(self.cache_dir))
            cache.setMaximumCacheSize(DISK_CACHE_BYTES)
            self._manager.setCache(cache)
        return self._manager

    def get(self, url: str, stale_ok: bool) -> QNetworkReply:
        """``stale_ok``: the network failed once already; a copy on disk, however old,
        beats an empty square."""
        req = QNetworkRequest(QUrl(url))
        req.setHeader(QNetworkRequest.KnownHeaders.UserAgentHeader, USER_AGENT)
        req.setTransferTimeout(TRANSFER_TIMEOUT_MS)
        control = (
            QNetworkRequest.CacheLoadControl.AlwaysCache
            if stale_ok
            else QNetworkRequest.CacheLoadControl.PreferNetwork
        )
        req.setAttribute(QNetworkRequest.Attribute.CacheLoadControlAttribute, control)
        return self.manager().get(req)

    def fresh_copy(self, url: str) -> bytes | None:
        """A disk-cached tile the server said is still fresh (else the network decides)."""
        cache = self.manager().cache()
        meta = cache.metaData(QUrl(url))
        expires = meta.expirationDate()
        if not meta.isValid() or not expires.isValid() or expires < QDateTime.currentDateTimeUtc():
            return None
        device = cache.data(QUrl(url))
        if device is None:
            return None
        data = bytes(device.readAll().data())
        device.close()
        return data

    def abort_all(self) -> None:
        if self._manager is not None:
            for reply in self._manager.findChildren(QNetworkReply):
                reply.abort()


def reply_status(reply: QNetworkReply) -> int | None:
    """The HTTP status, or None when no server answered."""
    status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
    return int(status) if status is not None else None


def from_disk_cache(reply: QNetworkReply) -> bool:
    return bool(reply.attribute(QNetworkRequest.Attribute.SourceIsFromCacheAttribute))


def failure_reason(status: int | None, reply: QNetworkReply) -> str:
    """A short, stable reason: failures are counted by it in the status message."""
    if status is not None and status >= 300:
        return f"HTTP {status}"
    errors = QNetworkReply.NetworkError
    error = reply.error()
    if error in (errors.OperationCanceledError, errors.TimeoutError):
        return translate("basemap", "timed out")
    no_network = translate("basemap", "no network")
    named = {
        errors.ConnectionRefusedError: translate("basemap", "connection refused"),
        errors.HostNotFoundError: translate("basemap", "server not found"),
        errors.RemoteHostClosedError: translate("basemap", "connection closed"),
        errors.UnknownNetworkError: no_network,
        errors.TemporaryNetworkFailureError: no_network,
        errors.NetworkSessionFailedError: no_network,
        errors.SslHandshakeFailedError: translate("basemap", "TLS handshake failed"),
    }
    return named.get(error, "") or reply.errorString()[:60] or translate("basemap", "network error")
