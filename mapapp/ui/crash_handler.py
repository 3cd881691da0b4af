"""Errors that escape a slot: a crash report, one dialog, and the window keeps running
with the situation it had (Qt's event loop survives an exception in a slot; the user must
hear of it, but not lose the work)."""

from __future__ import annotations

import sys
import threading
from types import TracebackType

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from mapapp.crash import one_line, write_report
from mapapp.i18n import translate


class CrashHandler(QObject):
    """``sys.excepthook`` (and ``threading.excepthook``) for the GUI. ``happened`` is
    emitted from whichever thread failed and delivered in the GUI thread."""

    happened = Signal(str)

    def __call__(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        self.happened.emit(self.report(exc_type, exc, tb))

    def report(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> str:
        """Write the crash report; the one line that names it (also on stderr)."""
        line = one_line(exc, write_report(exc_type, exc, tb, "the window"))
        print(
            translate("window", "mapapp: internal error: {message}").format(message=line),
            file=sys.stderr,
        )
        return line

    def install(self) -> None:
        sys.excepthook = self

        def in_thread(a: threading.ExceptHookArgs) -> None:
            if not issubclass(a.exc_type, SystemExit):  # as the default hook does
                self(a.exc_type, a.exc_value, a.exc_traceback)

        threading.excepthook = in_thread
