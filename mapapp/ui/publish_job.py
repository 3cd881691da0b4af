"""File → Publish web page…: the same ``mapapp.publish`` as the command line, on a worker
thread behind a progress bar, then a box that offers to open the page in the browser.

The page opens on the view the map shows, with the selected event selected. The worker
reads a copy of a situation file's document, so an edit made meanwhile cannot meet the
page half-written; a dataset's table is never edited. Cancel stops at the next stage and
leaves nothing behind (the page is written whole or not at all).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from mapapp.errors import MapappError
from mapapp.i18n import format_number, translate
from mapapp.ui.export_job import job_progress

if TYPE_CHECKING:
    from mapapp.model.situation import Situation
    from mapapp.publish.page_data import PageChoices
    from mapapp.ui.feedback import Feedback


class PublishCancelled(Exception):
    pass


class PublishJob(QThread):
    progressed = Signal(int, str)  # percent, stage
    succeeded = Signal(str, int)  # the page, its bytes
    failed = Signal(str)  # a one-line reason
    cancelled = Signal()

    def __init__(
        self, situation: Situation, path: Path, choices: PageChoices, parent: QObject | None
    ) -> None:
        super().__init__(parent)
        self.situation, self.path, self.choices = situation, path, choices
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def run(self) -> None:
        from mapapp.publish.publish import CannotPublish, publish

        try:
            done = publish(self.situation, self.path, self.choices, self._step)
        except PublishCancelled:
            self.cancelled.emit()
        except (CannotPublish, MapappError, OSError) as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a thread must not die silently: report it to the user
            said = translate("export", "publishing failed: {error}: {details}")
            self.failed.emit(said.format(error=type(exc).__name__, details=exc))
        else:
            self.succeeded.emit(str(done.path), done.bytes)

    def _step(self, fraction: float, stage: str) -> None:
        if self._stop.is_set() and fraction < 1.0:  # at 1.0 the page is written: too late
            raise PublishCancelled
        self.progressed.emit(round(100 * fraction), stage)


def frozen_copy(situation: Situation) -> Situation:
    """A situation file's model rebuilt from a copy of its document (a dataset as it is)."""
    if situation.table is not None:
        return situation
    import copy

    from mapapp.model.situation import situation_from_dict

    return situation_from_dict(copy.deepcopy(situation.raw), situation.texts(), situation.path)


def ask_page_path(parent: QWidget, stem: str) -> Path | None:
    settings = QSettings()
    folder = Path(str(settings.value("publish/folder", "") or Path.home()))
    name, _ = QFileDialog.getSaveFileName(
        parent,
        translate("export", "Publish web page"),
        str(folder / f"{stem}.html"),
        translate("export", "Web page") + " (*.html *.htm)",
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".html", ".htm"):
        path = path.with_name(path.name + ".html")
    settings.setValue("publish/folder", str(path.parent))
    return path


def start_publishing(
    parent: QWidget, situation: Situation, path: Path, choices: PageChoices, feedback: Feedback
) -> PublishJob:
    """Run the job behind a progress bar; say how it went, and offer the page to the
    browser when it is written."""
    job = PublishJob(frozen_copy(situation), path, choices, parent)
    title = translate("export", "Publish web page")
    text = translate("export", "Publishing {file}…").format(file=path.name)
    job_progress(job, parent, text, title, path.name, 300)
    job.succeeded.connect(lambda page, size: _published(parent, Path(page), size, feedback.say))
    job.failed.connect(
        lambda message: feedback.warn(message, translate("export", "Publishing failed"))
    )
    job.cancelled.connect(
        lambda: feedback.say(translate("export", "Publishing cancelled; nothing written."))
    )
    job.start()
    return job


def _published(parent: QWidget, page: Path, size: int, say) -> None:
    megabytes = format_number(size / 1e6, 2)
    say(
        translate("export", "Web page written to {path} ({size} MB)").format(
            path=page, size=megabytes
        )
    )
    title = translate("export", "Web page published")
    box = QMessageBox(QMessageBox.Icon.Information, title, "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    said = translate(
        "export",
        "{file} ({size} MB) holds the map, the events and their sources in "
        "one file: it opens offline in any current browser and can be shared as it is.",
    )
    box.setText(said.format(file=page.name, size=megabytes))
    open_button = box.addButton(
        translate("export", "Open in browser"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.setObjectName("published-box")

    def clicked(button) -> None:
        if button is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(page)))

    box.buttonClicked.connect(clicked)
    box.open()
