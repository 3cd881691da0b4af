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
