"""A checked events table kept beside the user's data, so that opening the same ACLED
file again skips reading, checking and building it (a million rows: seconds).

One file per source file (its name: a hash of the absolute path), in the user's cache
folder next to the crash reports. It holds the segments (the markers, the events, the
rows as written, the event of each row), each Arrow IPC (lz4) or raw numbers, then a
header with each segment's place and CRC-32. The markers (map x/y and type of every
positioned event) can be read alone: the first frame draws them while the table is
still being read.

The header names the source's path, size and modification time, mapapp's version and
the format's: anything that differs, a segment whose checksum or length is
wrong, or a file cut short, and the entry is dropped and the CSV read again. Entries are
written whole under a temporary name and renamed; the folder is kept under ``LIMIT``
bytes, the least recently used going first.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from mapapp import __version__

if TYPE_CHECKING:
    import numpy as np

    from mapapp.model.events_table import EventsTable

FORMAT = 2  # 2: the header at the end
MAGIC = b"MAPTBL\x00\x01"
LIMIT = 3 * 2**30  # bytes kept in the folder: a few million-row files
SUFFIX = ".mtbl"
CHUNK = 1 << 24  # bytes a checksum reads at a time


class Damaged(Exception):
    """The entry cannot be trusted (cut short, checksum, wrong shape)."""


@dataclass(frozen=True)
class Markers:
    """What the first frame draws: map metres and the type of each positioned event
    (``codes`` index ``types``)."""

    x: np.ndarray
    y: np.ndarray
    codes: np.ndarray
    types: list[str]


def table_markers(table: EventsTable) -> Markers:
    import polars as pl

    kind = table.column("type").cast(pl.String).fill_null("")
    types = kind.unique().sort().to_list()
    code = kind.replace_strict({t: i for i, t in enumerate(types)}, return_dtype=pl.Int16)
    return markers_of(table.numpy("lon"), table.numpy("lat"), code.to_numpy(), types)


def markers_of(lon: np.ndarray, lat: np.ndarray, codes: np.ndarray, types: list[str]) -> Markers:
    """The markers of the positioned rows (``lon``, ``lat`` not NaN); ``codes`` index
    ``types``."""
    import numpy as np

    from mapapp.geo.projection import mercator_arrays

    rows = np.flatnonzero(~(np.isnan(lon) | np.isnan(lat)))
    x, y = mercator_arrays(lon[rows], lat[rows])
    return Markers(x, y, np.asarray(codes, "<i2")[rows], types)


def cache_dir() -> Path:
    from mapapp.crash import crash_dir

    return crash_dir().parent / "tables"


def source_key(path: Path) -> dict:
    """What the entry must match: the file's absolute path, size and modification time."""
    path = Path(path).resolve()
    st = path.stat()
    return {"source": str(path), "size": st.st_size, "mtime_ns": st.st_mtime_ns}


def entry_path(source: str) -> Path:
    return cache_dir() / (hashlib.sha256(source.encode()).hexdigest()[:32] + SUFFIX)


def load_markers(path: Path) -> Markers | None:
    """The cached markers of ``path`` (numpy alone: no polars yet), or None."""
    return _load(path, _read_markers)


def load(path: Path) -> tuple[EventsTable, str] | None:
    """The cached table of ``path`` and its data date, or None (no entry, or one that
    does not match or is damaged: that one is removed)."""
    return _load(path, _read)


def _load(path: Path, read):
    try:
        key = source_key(path)
    except OSError:
        return None
    entry = entry_path(key["source"])
    try:
        with open(entry, "rb") as f:
            result = read(f, key)
    except FileNotFoundError:
        return None
    except (OSError, Damaged, ValueError, KeyError, TypeError):
        result = None
    except Exception as exc:  # polars refusing a damaged IPC segment
        if type(exc).__module__.split(".")[0] != "polars":
            raise
        result = None
    if result is None:
        _remove(entry)
        return None
    _touch(entry)
    return result


def _header(f: BinaryIO, key: dict) -> dict | None:
    """The entry's header if it is for this very file (None: it is not). The header is
    at the end (the segments are written first, straight into the file): MAGIC, the
    segments, the header's JSON, its length, MAGIC again."""
    if f.read(len(MAGIC)) != MAGIC:
        raise Damaged("not a table cache")
    total = os.fstat(f.fileno()).st_size
    tail = len(MAGIC) + 8
    if total < len(MAGIC) + tail:
        raise Damaged("cut short")
    f.seek(total - tail)
    (size,) = struct.unpack("<Q", _exactly(f, 8))
    if _exactly(f, len(MAGIC)) != MAGIC or size > total - len(MAGIC) - tail:
        raise Damaged("cut short or longer than written")
    f.seek(total - tail - size)
    header = json.loads(_exactly(f, size))
    if header["format"] != FORMAT or header["mapapp"] != __version__:
        return None
    if any(header[k] != v for k, v in key.items()):
        return None  # the file changed since (or another one took its name)
    end = max(offset + length for offset, length, _crc in header["segments"].values())
    header["start"] = len(MAGIC)
    if len(MAGIC) + end + size + tail != total:
        raise Damaged("cut short or longer than written")
    return header


def _segment(f: BinaryIO, header: dict, name: str) -> bytes:
    offset, length, crc = header["segments"][name]
    f.seek(header["start"] + offset)
    data = _exactly(f, length)
    if zlib.crc32(data) != crc:
        raise Damaged(f"{name}: checksum")
    return data


def _read_markers(f: BinaryIO, key: dict) -> Markers | None:
    import numpy as np

    header = _header(f, key)
    if header is None:
        return None
    xy = np.frombuffer(_segment(f, header, "xy"), dtype="<f8").reshape(2, -1)
    codes = np.frombuffer(_segment(f, header, "codes"), dtype="<i2")
    if len(codes) != xy.shape[1]:
        raise Damaged("markers")
    return Markers(xy[0], xy[1], codes, header["types"])


def _read(f: BinaryIO, key: dict) -> tuple[EventsTable, str] | None:
    import numpy as np
    import polars as pl

    from mapapp.model.events_table import EventsTable

    header = _header(f, key)
    if header is None:
        return None
    parts = {name: _segment(f, header, name) for name in ("events", "raw", "raw_event")}
    events = pl.read_ipc(parts["events"])
    raw = pl.read_ipc(parts["raw"])
    raw_event = np.frombuffer(parts["raw_event"], dtype="<i8")
    if len(raw_event) != raw.height or events.height != header["rows"]:
        raise Damaged("rows")
    return EventsTable(events, raw, raw_event), header["data_date"]


def _exactly(f: BinaryIO, n: int) -> bytes:
    data = f.read(n)
    if len(data) != n:
        raise Damaged("cut short")
    return data


def store(key: dict, table: EventsTable, data_date: str) -> Path | None:
    """Write the entry for the source ``key`` describes (taken before it was read);
    None when the cache folder cannot be written (opening goes on without it)."""
    entry = entry_path(key["source"])
    tmp = entry.with_name(f".{entry.name}.{os.getpid()}.part")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as f:
            _write(f, key, table, data_date)
        os.replace(tmp, entry)
    except OSError:
        _remove(tmp)
        return None
    except BaseException:
        _remove(tmp)
        raise
    evict(keep=entry)
    return entry


def _write(f: BinaryIO, key: dict, table: EventsTable, data_date: str) -> None:
    """Each segment goes straight into the file (a million rows: ~370 MB of Arrow, not
    copied through memory first); its checksum is read back from the page cache."""
    import numpy as np

    markers = table_markers(table)
    segments = {
        "xy": lambda: f.write(np.concatenate([markers.x, markers.y]).astype("<f8").tobytes()),
        "codes": lambda: f.write(markers.codes.astype("<i2").tobytes()),
        "events": lambda: table.frame.write_ipc(f, compression="lz4"),
        "raw": lambda: table.raw.write_ipc(f, compression="lz4"),
        "raw_event": lambda: f.write(np.ascontiguousarray(table.raw_event, dtype="<i8").tobytes()),
    }
    f.write(MAGIC)
    offsets = {}
    for name, write in segments.items():
        start = f.tell()
        write()
        f.flush()
        offsets[name] = [start - len(MAGIC), f.tell() - start, _crc_of(f.name, start, f.tell())]
    header = {"format": FORMAT, "mapapp": __version__, **key, "rows": len(table)}
    header |= {"data_date": data_date, "types": markers.types, "segments": offsets}
    text = json.dumps(header).encode()
    f.write(text + struct.pack("<Q", len(text)) + MAGIC)


def _crc_of(name: str, start: int, end: int) -> int:
    crc = 0
    with open(name, "rb") as g:
        g.seek(start)
        while start < end:
            block = g.read(min(CHUNK, end - start))
            if not block:
                raise OSError(f"{name}: shorter than written")
            crc = zlib.crc32(block, crc)
            start += len(block)
    return crc


def evict(keep: Path | None = None) -> None:
    """Least recently used entries (and stray temporary files) go until the folder is
    under ``LIMIT``."""
    try:
        files = [(p, p.stat()) for p in cache_dir().iterdir() if p.name.endswith(SUFFIX)]
    except OSError:
        return
    files.sort(key=lambda item: item[1].st_mtime, reverse=True)
    total = 0
    for p, st in files:
        total += st.st_size
        if total > LIMIT and p != keep:
            _remove(p)
    for p in cache_dir().glob(f".*{SUFFIX}.*.part"):
        if not _writer_alive(p):
            _remove(p)


def _writer_alive(part: Path) -> bool:
    try:
        os.kill(int(part.name.rsplit(".", 2)[-2]), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


def _touch(entry: Path) -> None:
    with contextlib.suppress(OSError):
        os.utime(entry)


def _remove(p: Path) -> None:
    with contextlib.suppress(OSError):
        p.unlink()
