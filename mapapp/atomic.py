"""Writing a file so that it is either whole or absent: never half-written, never left
as a stray temporary file, with the user's normal permissions."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from mapapp.errors import ExportError


def write_atomically(path: Path | str, write: Callable[[str], bool]) -> None:
    """Call ``write(tmp_path)`` then rename over ``path``; nothing partial is ever left."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise ExportError(f"cannot write {path}: folder {directory} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=directory)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    os.close(fd)
    try:
        if not write(tmp):
            raise ExportError(f"cannot write {path}: encoding failed")
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; give it normal rights
        os.replace(tmp, path)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(path: Path | str, text: str) -> None:
    def write(tmp: str) -> bool:
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        return True

    write_atomically(path, write)
