"""Writing a file so that it is either whole or absent: never half-written, never left
as a stray temporary file, with the user's normal permissions."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from mapapp.errors import ExportError


def write_atomically(path: Path | str, write: Callable[[str], bool], backup: bool = False) -> None:
    """Call ``write(tmp_path)`` then rename over ``path``; nothing partial is ever left.

    The data reaches the disk before the rename (fsync of the file, then of the folder),
    so after a crash or a power cut ``path`` holds the old version or the new one, whole.
    ``backup`` keeps the previous version as ``NAME.bak`` (a hard link to it, made before
    the rename, so there is no moment without a file at ``path``)."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise ExportError(f"cannot write {path}: folder {directory} does not exist")
    _remove_stale_parts(directory, path.name)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=directory)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    os.close(fd)
    try:
        if not write(tmp):
            raise ExportError(f"cannot write {path}: encoding failed")
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; give it normal rights
        _fsync(tmp)
        if backup and path.exists():
            _keep_backup(path)
        os.replace(tmp, path)
        _fsync_folder(directory)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _fsync(name: str) -> None:
    fd = os.open(name, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(directory: Path) -> None:
    """The rename itself made durable (not every system lets a folder be opened)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _keep_backup(path: Path) -> None:
    """``NAME.bak`` becomes the current version, replaced in one step."""
    bak = path.with_name(path.name + ".bak")
    tmp = path.with_name(f".{path.name}.bak.part")
    try:
        if tmp.exists():
            tmp.unlink()
        os.link(path, tmp)  # the same file under a second name: no copy, no gap
    except OSError:  # a file system without hard links
        import shutil

        shutil.copy2(path, tmp)
    os.replace(tmp, bak)


def _remove_stale_parts(directory: Path, name: str, older_than_s: float = 600.0) -> None:
    """Temporary files a killed writer left for this name (a live one is younger)."""
    import time

    now = time.time()
    for stale in directory.glob(f".{name}.*.part"):
        try:
            if now - stale.stat().st_mtime > older_than_s:
                stale.unlink()
        except OSError:
            pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(path: Path | str, text: str, backup: bool = False) -> None:
    def write(tmp: str) -> bool:
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        return True

    write_atomically(path, write, backup)
