"""File → Open Recent: the last situation files opened, kept in QSettings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from mapapp.i18n import translate
from mapapp.ui.plain_text import menu_label, tooltip

KEY = "recent/files"
MAX_FILES = 10


def recent_files() -> list[str]:
    value = QSettings().value(KEY, [])
    files = [value] if isinstance(value, str) else list(value or [])
    return [f for f in files if isinstance(f, str) and f]


def remember(path: str | Path) -> None:
    """Put ``path`` first; the list holds each file once, newest first."""
    full = str(Path(path).resolve())
    files = [full, *(f for f in recent_files() if f != full)][:MAX_FILES]
    QSettings().setValue(KEY, files)


class RecentMenu(QMenu):
    """Rebuilt each time it opens, so it never offers a file that has gone."""

    def __init__(self, open_file: Callable[[str], object], parent=None) -> None:
        super().__init__(translate("window", "Open &Recent"), parent)
        self.open_file = open_file
        self.aboutToShow.connect(self.rebuild)  # not at start-up: no disk look-ups then

    def rebuild(self) -> None:
        self.clear()
        files = [f for f in recent_files() if Path(f).exists()]
        for i, f in enumerate(files):
            name = menu_label(Path(f).name)
            action = QAction(f"&{i + 1} {name}" if i < 9 else name, self)
            action.setToolTip(tooltip(f))
            action.setStatusTip(f)
            action.triggered.connect(lambda _=False, f=f: self.open_file(f))
            self.addAction(action)
        if not files:
            none = self.addAction(translate("window", "No recent files"))
            none.setEnabled(False)
            return
        self.addSeparator()
        self.addAction(translate("window", "&Clear list"), self.clear_list)

    def clear_list(self) -> None:
        QSettings().setValue(KEY, [])
        self.rebuild()
