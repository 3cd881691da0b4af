"""What the window tells its user: a line in the status bar, a warning box, the problems
of a file that cannot be used, an internal error. Every box is window-modal and opened,
never exec'd, so the event loop (and the map) keeps running behind it; every text is
plain text.

``last_error`` keeps the latest warning's words, for tests and scripts.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from mapapp.i18n import format_number, tr, translate
from mapapp.model.files import SituationError

MAX_PROBLEMS_SHOWN = 12


class Feedback(QObject):
    def __init__(
        self, label: QLabel, parent: QWidget, open_title: Callable[[], str | None]
    ) -> None:
        super().__init__(parent)
        self.label = label
        self.parent_widget = parent
        self.open_title = open_title  # the open situation's title, if any
        self.last_error = ""
        self.internal_error_box: QMessageBox | None = None
        self.internal_errors = 0

    def say(self, text: str) -> None:
        self.label.setText(text)

    def warn(self, message: str, what: str) -> None:
        """Say what went wrong in one window-modal box (never blocking) and the status."""
        box = QMessageBox(QMessageBox.Icon.Warning, what, message, parent=self.parent_widget)
        box.setTextFormat(Qt.TextFormat.PlainText)
        self.last_error = message
        self.say(translate("window", "{what}: {message}").format(what=what, message=message))
        box.open()

    def show_problems(self, exc: SituationError, title: str, what: str = "") -> None:
        """A file that cannot be opened or saved: its first problems, and what stays."""
        box = QMessageBox(self.parent_widget)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.PlainText)
        open_title = self.open_title()
        if open_title is not None:
            said = translate("window", "{file} cannot be opened. “{title}” stays open.")
        else:
            said = translate("window", "{file} cannot be opened.")
        box.setText(what or said.format(file=exc.file.name, title=open_title))
        lines = [str(p) for p in exc.problems[:MAX_PROBLEMS_SHOWN]]
        if len(exc.problems) > MAX_PROBLEMS_SHOWN:
            lines.append(tr("… and %Ln more", "window", len(exc.problems) - MAX_PROBLEMS_SHOWN))
        box.setInformativeText("\n".join(lines))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.last_error = box.text() + "\n" + box.informativeText()
        could_not = {  # the titles DocumentSession gives, in the same words
            translate("window", "Cannot save situation"): translate(
                "window", "Could not save {file}: {problem}"
            ),
            translate("window", "Cannot read article"): translate(
                "window", "Could not read {file}: {problem}"
            ),
        }.get(title, translate("window", "Could not open {file}: {problem}"))
        self.say(could_not.format(file=exc.file.name, problem=exc.problems[0]))
        box.open()

    def report_internal_error(self, line: str) -> None:
        """A bug surfaced (see ui/crash_handler): say so in one dialog, however many errors
        follow while it is open, and keep everything that is open."""
        self.internal_errors += 1
        self.last_error = translate("window", "Internal error: {line}").format(line=line)
        self.say(self.last_error)
        box = self.internal_error_box
        if box is not None and box.isVisible():
            more = translate("window", "({n} errors since this message opened.)")
            more = "\n\n" + more.format(n=format_number(self.internal_errors))
            box.setInformativeText(line + more)
            return
        self.internal_errors = 1
        title = translate("window", "Internal error")
        box = QMessageBox(QMessageBox.Icon.Critical, title, "", parent=self.parent_widget)
        box.setTextFormat(Qt.TextFormat.PlainText)
        open_title = self.open_title()
        if open_title is not None:
            said = translate(
                "window", "Something went wrong inside mapapp. “{title}” is still open."
            )
        else:
            said = translate("window", "Something went wrong inside mapapp.")
        box.setText(said.format(title=open_title))
        box.setInformativeText(line)
        self.internal_error_box = box
        box.open()
