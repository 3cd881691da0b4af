"""Raster tile files for work without a network: MBTiles (SQLite) and PMTiles archives;
and ``source_from_spec``, which turns what the user typed (a name, a URL or a file) into
a source.

Both give ``read(key) -> bytes | None`` (the encoded PNG/JPEG/WebP, or None where the
file has no tile) and a ``TileSource`` whose bounds, zoom range and attribution come
from the file's own metadata. Reads are safe from a worker thread.
"""

from __future__ import annotations

import gzip
import sqlite3
import threading
from pathlib import Path

from mapapp.geo.tile_sources import (
    TILE_FILE_SUFFIXES,
    TileSource,
    TileSourceError,
    custom_source,
    lonlat_bounds_ok,
    plain_attribution,
    provider,
)
from mapapp.geo.tiles import MAX_ZOOM, TileKey
from mapapp.i18n import translate

RASTER_FORMATS = {"png", "jpg", "jpeg", "webp"}


def _no_such_file(path: Path) -> TileSourceError:
    return TileSourceError(translate("basemap", "{file}: no such tile file").format(file=path))


def _unreadable(path: Path, kind: str, exc: object) -> TileSourceError:
    if kind == "mbtiles":
        text = translate("basemap", "{file}: not a readable MBTiles file ({reason})")
    else:
        text = translate("basemap", "{file}: not a readable PMTiles v3 archive ({reason})")
    return TileSourceError(text.format(file=path, reason=exc))


def _not_raster(path: Path, held: str) -> TileSourceError:
    text = translate(
        "basemap", "{file}: holds {format} tiles; mapapp draws raster tiles (png, jpg, webp)"
    )
    return TileSourceError(text.format(file=path, format=held))


def _bounds(values: list[float] | None) -> tuple[float, float, float, float] | None:
    if values is None or len(values) != 4:
        return None
    b = (float(values[0]), float(values[1]), float(values[2]), float(values[3]))
    return b if lonlat_bounds_ok(b) else None


def _zoom(value, default: int) -> int:
    try:
        z = int(float(value))
    except (TypeError, ValueError):
        return default
    return z if 0 <= z <= MAX_ZOOM else default


class MBTiles:
    """An MBTiles 1.x file: tiles(zoom_level, tile_column, tile_row, tile_data), rows
    counted from the south (TMS), metadata(name, value)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise _no_such_file(self.path)
        self._lock = threading.Lock()
        try:
            self._db = sqlite3.connect(
                f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise _unreadable(self.path, "mbtiles", exc) from None
        try:
            meta = dict(self._db.execute("SELECT name, value FROM metadata").fetchall())
            zooms = self._db.execute("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles")
            zmin, zmax = zooms.fetchone()
        except (sqlite3.Error, ValueError, TypeError) as exc:
            self.close()
            raise _unreadable(self.path, "mbtiles", exc) from None
        fmt = str(meta.get("format", "png")).lower()
        if fmt not in RASTER_FORMATS:
            self.close()
            raise _not_raster(self.path, fmt)
        try:
            bounds = _bounds([float(v) for v in str(meta.get("bounds", "")).split(",")])
        except ValueError:
            bounds = None
        self.source = TileSource(
            name=str(meta.get("name") or self.path.stem),
            location=str(self.path),
            kind="mbtiles",
            attribution=plain_attribution(str(meta.get("attribution", ""))),
            min_zoom=_zoom(meta.get("minzoom"), zmin if zmin is not None else 0),
            max_zoom=_zoom(meta.get("maxzoom"), zmax if zmax is not None else MAX_ZOOM),
            bounds=bounds,
            spec=str(self.path),
        )

    def read(self, key: TileKey) -> bytes | None:
        with self._lock:
            try:
                row = self._db.execute(
                    "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? "
                    "AND tile_row=?",
                    (key.z, key.x, key.tms_y()),
                ).fetchone()
            except sqlite3.Error as exc:
                raise TileSourceError(f"{self.path}: {exc}") from None
        if not row or row[0] is None:
            return None
        if not isinstance(row[0], bytes):
            text = translate("basemap", "{file}: tile {tile} is not stored as bytes")
            raise TileSourceError(text.format(file=self.path, tile=key))
        return row[0]

    def close(self) -> None:
        with self._lock:  # not while a worker reads
            self._db.close()


class PMTiles:
    """A PMTiles v3 archive, read through the ``pmtiles`` package over a memory map."""

    def __init__(self, path: Path) -> None:
        import mmap

        from pmtiles.reader import Reader
        from pmtiles.tile import Compression, TileType

        self.path = Path(path)
        try:
            self._file = open(self.path, "rb")  # noqa: SIM115 - kept open for the map
            self._map = mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ)
            self._reader = Reader(self._bytes)
            header = self._reader.header()
            meta = self._reader.metadata()
        except FileNotFoundError:
            raise _no_such_file(self.path) from None
        except Exception as exc:  # pmtiles raises its own and bare exceptions
            self.close()
            raise _unreadable(self.path, "pmtiles", exc) from None
        tile_type = header["tile_type"]
        if tile_type not in (TileType.PNG, TileType.JPEG, TileType.WEBP):
            self.close()
            raise _not_raster(self.path, tile_type.name)
        self._gzip = header["tile_compression"] == Compression.GZIP
        bounds = _bounds(
            [
                header["min_lon_e7"] / 1e7,
                header["min_lat_e7"] / 1e7,
                header["max_lon_e7"] / 1e7,
                header["max_lat_e7"] / 1e7,
            ]
        )
        meta = meta if isinstance(meta, dict) else {}
        self.source = TileSource(
            name=str(meta.get("name") or self.path.stem),
            location=str(self.path),
            kind="pmtiles",
            attribution=plain_attribution(str(meta.get("attribution", ""))),
            min_zoom=_zoom(header["min_zoom"], 0),
            max_zoom=_zoom(header["max_zoom"], MAX_ZOOM),
            bounds=bounds,
            spec=str(self.path),
        )

    def _bytes(self, offset: int, length: int) -> bytes:
        return self._map[offset : offset + length]

    def read(self, key: TileKey) -> bytes | None:
        try:
            data = self._reader.get(key.z, key.x, key.y)
            if data is None:
                return None
            return gzip.decompress(bytes(data)) if self._gzip else bytes(data)
        except Exception as exc:  # a damaged directory or tile: that tile fails, not the app
            raise TileSourceError(f"{self.path}: {exc}") from None

    def close(self) -> None:
        for handle in ("_map", "_file"):
            obj = getattr(self, handle, None)
            if obj is not None:
                obj.close()


def open_tile_file(path: Path) -> MBTiles | PMTiles:
    """The reader for a tile file, chosen by its first bytes (not its name)."""
    path = Path(path)
    try:
        with open(path, "rb") as f:
            magic = f.read(16)
    except FileNotFoundError:
        raise _no_such_file(path) from None
    except OSError as exc:
        raise TileSourceError(f"{path}: {exc.strerror or exc}") from None
    if magic.startswith(b"PMTiles"):
        return PMTiles(path)
    if magic.startswith(b"SQLite format 3\x00"):
        return MBTiles(path)
    text = translate("basemap", "{file}: neither an MBTiles (SQLite) nor a PMTiles file")
    raise TileSourceError(text.format(file=path))


def source_from_spec(spec: str) -> TileSource:
    """What ``--basemap`` and the saved choice hold: a provider name, a URL template or
    a tile file's path."""
    spec = spec.strip()
    if not spec:
        raise TileSourceError(translate("basemap", "empty basemap name"))
    if "://" in spec:
        return custom_source(spec)
    if Path(spec).suffix.lower() in TILE_FILE_SUFFIXES or Path(spec).exists():
        reader = open_tile_file(Path(spec))
        reader.close()
        return reader.source
    return provider(spec)
