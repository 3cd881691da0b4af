"""Where mapapp keeps the user's own files (Qt's per-user data folder for the app)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def app_data_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def user_places_file() -> Path:
    """Places put on the map by hand, offered again for the next article's names."""
    return app_data_folder() / "places.jsonl"


def recovery_folder() -> Path:
    """Autosaved unsaved work, one file per session."""
    return app_data_folder() / "recovery"
