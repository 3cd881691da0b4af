"""Where the shipped resources live: inside the wheel, or at the top of a source checkout."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    installed = _HERE / "resources"
    if installed.is_dir():
        return installed
    return _HERE.parent / "resources"


def geodata_dir() -> Path:
    return resources_dir() / "geodata"


def linux_dir() -> Path:
    """Desktop entry, AppStream metadata, MIME type and icons (packaging/linux)."""
    installed = _HERE / "resources" / "linux"
    if installed.is_dir():
        return installed
    return _HERE.parent / "packaging" / "linux"
