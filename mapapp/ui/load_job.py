"""Opening a file on a worker thread: the window keeps painting and answering while a
million rows are read, checked and indexed, and Cancel leaves the open situation as it is.

The readers call ``progress(fraction, stage)`` between their stages (polars releases the
GIL inside each, so the window stays responsive); Cancel is honoured at the next stage
boundary, and the window forgets the job at once, so nothing it reads is ever shown.

A table read from a CSV is then written to the table cache, once the map has painted
it (``shown``), so the write never competes with the first frame.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QThread, Signal

if TYPE_CHECKING:
    from mapapp.exchange.early_read import EarlyRead

SHOWN_TIMEOUT = 10.0  # seconds: a hidden window never paints; store the table anyway


class Cancelled(Exception):
    """Raised inside the reader when the user cancelled the load."""


class LoadJob(QThread):
    progressed = Signal(int, str)  # percent, stage
    previewed = Signal(object)  # table_cache.Markers: drawn while the table is read
    loaded = Signal(object)  # Situation
    failed = Signal(object)  # SituationError
    crashed = Signal(object)  # exc_info of a bug, for the crash handler

    def __init__(self, path: Path, parent=None, early: EarlyRead | None = None) -> None:
        """``early``: the same file already being read (from the command line)."""
        super().__init__(parent)
        self.path = Path(path)
        self.early = early
        self.cancelled = False
        self.previewed_once = False  # the map has drawn this file's markers
        self._shown = threading.Event()

    def cancel(self) -> None:
        self.cancelled = True
        self._shown.set()  # a table waiting to be cached is not
        if self.early is not None:
            self.early.cancel()  # the reading process stops at once

    def shown(self) -> None:
        """The map has painted what this job loaded: caching it may start."""
        self._shown.set()

    def _progress(self, fraction: float, stage: str) -> None:
        if self.cancelled:
            raise Cancelled
        self.progressed.emit(int(fraction * 100), stage)

    def run(self) -> None:
        from mapapp.exchange.early_read import read_with_cache
        from mapapp.model.files import SituationError

        try:
            if self.early is not None:
                situation, key = self.early.result(self._progress, self.previewed.emit)
            else:
                situation, key = read_with_cache(self.path, self._progress, self.previewed.emit)
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
        if key is not None:
            self._shown.wait(SHOWN_TIMEOUT)
            if not self.cancelled:
                from mapapp.exchange import table_cache

                table_cache.store(key, situation.table, situation.data_date)
