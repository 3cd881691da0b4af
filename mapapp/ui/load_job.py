"""Opening a file on a worker thread: the window keeps painting and answering while a
million rows are read, checked and indexed, and Cancel leaves the open situation as it is.

The readers call ``progress(fraction, stage)`` between their stages (polars releases the
GIL inside each, so the window stays responsive); Cancel is honoured at the next stage
boundary, and the window forgets the job at once, so nothing it reads is ever shown.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QThread, Signal


class Cancelled(Exception):
    """Raised inside the reader when the user cancelled the load."""


class LoadJob(QThread):
    progressed = Signal(int, str)  # percent, stage
    loaded = Signal(object)  # Situation
    failed = Signal(object)  # SituationError
    crashed = Signal(object)  # exc_info of a bug, for the crash handler

    def __init__(self, path: Path, parent=None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True

    def _progress(self, fraction: float, stage: str) -> None:
        if self.cancelled:
            raise Cancelled
        self.progressed.emit(int(fraction * 100), stage)

    def run(self) -> None:
        from mapapp.exchange.convert import read_any
        from mapapp.model.files import SituationError

        try:
            situation = read_any(self.path, progress=self._progress)
        except Cancelled:
            return
        except SituationError as exc:
            if not self.cancelled:
                self.failed.emit(exc)
            return
        except Exception:  # a bug: reported by the window's crash handler
            if not self.cancelled:
                self.crashed.emit(sys.exc_info())
            return
        if self.cancelled:
            return
        self.loaded.emit(situation)
        if situation.table is not None:  # index the ids now, not on the first click
            situation.table.row_of("")
