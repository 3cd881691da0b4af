"""An export on a worker thread, so a 16k-pixel PNG never freezes the window.

The job renders an immutable ``Snapshot`` (a copy of the view state), so the user can
keep panning while it runs. Cancelling takes effect at the next stage boundary and the
half-written temporary file is removed: nothing partial is left behind.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from mapapp.errors import ExportCancelled, MapappError
from mapapp.i18n import translate
from mapapp.render.basemap import Basemap
from mapapp.render.export import Snapshot, export_snapshot
from mapapp.render.situation_layer import SituationLayer


class ExportJob(QThread):
    progressed = Signal(int, str)  # percent, stage
    succeeded = Signal(str)  # the written path
    failed = Signal(str)  # a one-line reason
    cancelled = Signal()

    def __init__(
        self,
        path: Path,
        snap: Snapshot,
        basemap: Basemap,
        situation: SituationLayer | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.snap = snap
        self.basemap = basemap
        self.situation = situation
        self._stop = threading.Event()
        self.worker_thread_id: int | None = None

    def cancel(self) -> None:
        self._stop.set()

    def run(self) -> None:
        self.worker_thread_id = threading.get_ident()
        try:
            export_snapshot(self.path, self.snap, self.basemap, self.situation, self._step)
        except ExportCancelled:
            self.cancelled.emit()
        except MapappError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a thread must not die silently: report it to the user
            said = translate("export", "export failed: {error}: {details}")
            self.failed.emit(said.format(error=type(exc).__name__, details=exc))
        else:
            self.succeeded.emit(str(self.path))

    def _step(self, percent: int, stage: str) -> None:
        if self._stop.is_set():
            raise ExportCancelled()
        self.progressed.emit(percent, stage)


def job_progress(job, parent, text: str, title: str, file_name: str, delay_ms: int):
    """A progress bar with Cancel for a worker job (progressed(percent, stage), cancel(),
    finished): shown only past ``delay_ms``, closed when the job ends."""
    from PySide6.QtWidgets import QProgressDialog

    progress = QProgressDialog(text, translate("export", "Cancel"), 0, 100, parent)
    progress.setWindowTitle(title)
    progress.setMinimumDuration(delay_ms)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.canceled.connect(job.cancel)
    job.progressed.connect(
        lambda pct, stage: (
            progress.setValue(pct),
            progress.setLabelText(
                translate("export", "{stage}: {file}").format(stage=stage, file=file_name)
            ),
        )
    )
    job.finished.connect(progress.close)
    job.finished.connect(progress.deleteLater)
    return progress
