"""The dialogs the window's menus open: which file to open or save, what to do with
unsaved edits, the undo history, the figures side by side, About. Each hands its answer to
the session (or the selection); none holds state of its own beyond the last one shown."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from mapapp.i18n import translate

if TYPE_CHECKING:
    from mapapp.model.situation import Situation
    from mapapp.ui.dock_layout import DockLayout
    from mapapp.ui.document_session import DocumentSession
    from mapapp.ui.map_output import MapOutput
    from mapapp.ui.selection import SelectionCoordinator

NOTES_SHOWN = 15


def article_filter() -> str:
    """The file dialog's filter for articles, its words in the interface's language."""
    articles = translate("dialogs", "Articles: text or saved web pages")
    everything = translate("dialogs", "All files")
    return f"{articles} (*.txt *.html *.htm);;{everything} (*)"


class WindowDialogs(QObject):
    def __init__(
        self,
        window: QMainWindow,
        session: DocumentSession,
        selector: SelectionCoordinator,
        docks: DockLayout,
        output: MapOutput,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.selector = selector
        self.docks = docks
        self.output = output
        self.undo_history = None
        self.figures_window = None
        self.about_box = None
        session.ask_discard = self.ask_discard
        session.ask_save_path = self.ask_save_path

    # files ----------------------------------------------------------------------------
    def open_dialog(self, title: str | None = None) -> None:
        from mapapp.exchange.convert import import_filter

        title = title or translate("dialogs", "Open situation")
        s = self.session.situation
        start = str(s.path.parent) if s and s.path else ""
        path, _ = QFileDialog.getOpenFileName(self.window, title, start, import_filter())
        if path:
            self.session.start_loading(path)

    def new_from_article_dialog(self) -> None:
        start = str(QSettings().value("article/folder", "") or Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            translate("dialogs", "New situation from article"),
            start,
            article_filter(),
        )
        if path:
            QSettings().setValue("article/folder", str(Path(path).parent))
            self.session.new_from_article_file(Path(path))

    def new_from_clipboard(self) -> bool:
        from PySide6.QtWidgets import QApplication

        return self.session.new_from_text(QApplication.clipboard().text())

    def ask_discard(self, situation: Situation) -> str:
        """Unsaved edits: "save", "discard", or "cancel" (stay)."""
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        title = translate("dialogs", "Unsaved changes")
        box = QMessageBox(QMessageBox.Icon.Question, title, "", buttons, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        said = translate("dialogs", "“{title}” has changes that are not saved.")
        box.setText(said.format(title=situation.title))
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return "save"
        return "discard" if answer == QMessageBox.StandardButton.Discard else "cancel"

    def ask_save_path(self) -> Path | None:
        folder = Path(str(QSettings().value("save/folder", "") or Path.home()))
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            translate("dialogs", "Save situation as"),
            str(folder / f"{self.output.file_stem()}.situation.json"),
            translate("dialogs", "mapapp situation") + " (*.json)",
        )
        if not path:
            return None
        path = Path(path if path.lower().endswith(".json") else path + ".json")
        QSettings().setValue("save/folder", str(path.parent))
        return path

    def save_as(self) -> bool:
        s = self.session.situation
        if s is None or s.table is not None:
            self.session.say(translate("dialogs", "A dataset is written with File → Export data."))
            return False
        path = self.ask_save_path()
        return path is not None and self.session.save_to(path)

    def export_data_dialog(self) -> None:
        from mapapp.exchange.convert import export_filters

        filters = export_filters()

        if self.session.situation is None:
            return
        folder = Path(str(QSettings().value("export/folder", "") or Path.home()))
        path, chosen = QFileDialog.getSaveFileName(
            self.window,
            translate("dialogs", "Export data"),
            str(folder / f"{self.output.file_stem()}.geojson"),
            ";;".join(filters.values()),
        )
        if not path:
            return
        if Path(path).suffix.lower() not in filters:
            path += next((k for k, v in filters.items() if v == chosen), ".geojson")
        self.export_data(Path(path))

    def export_data(self, path: Path) -> list[str] | None:
        """What the map shows, as GeoJSON, KML, ACLED CSV, Parquet or situation JSON; what
        the format could not hold is listed in a box."""
        if self.session.situation is None:
            return None
        from mapapp.errors import MapappError
        from mapapp.exchange.convert import write_any

        situation, shown = self.selector.shown_situation()
        try:
            notes = write_any(situation, path)
        except MapappError as exc:
            self.session.warn(str(exc), translate("window", "Export failed"))
            return None
        said = translate("window", "Data written to {path}{shown}")
        self.session.say(said.format(path=path, shown=shown))
        if notes:
            title = translate("dialogs", "Export data")
            box = QMessageBox(QMessageBox.Icon.Information, title, "", parent=self.window)
            box.setTextFormat(Qt.TextFormat.PlainText)
            said = translate("dialogs", "{file} is written. What {format} could not hold:")
            box.setText(said.format(file=path.name, format=path.suffix))
            more = "\n…" if len(notes) > NOTES_SHOWN else ""
            box.setInformativeText("\n".join(notes[:NOTES_SHOWN]) + more)
            box.open()
        return notes

    # windows of their own -----------------------------------------------------------------
    def show_undo_history(self) -> None:
        from PySide6.QtWidgets import QUndoView

        view = QUndoView(self.session.undo_stack)
        view.setWindowTitle(translate("dialogs", "Undo history — mapapp"))
        view.setEmptyLabel(translate("dialogs", "Opened"))
        view.resize(360, 420)
        view.show()
        self.undo_history = view

    def show_figures(self) -> None:
        """The conflicting figures side by side, in a window sized for a screenshot."""
        if self.session.situation is None:
            return
        from mapapp.ui.figures_view import FiguresWindow

        self.figures_window = FiguresWindow(self.session.situation, self.window)
        self.figures_window.view.claim_selected.connect(
            lambda cid: self.selector.select("claim", cid, origin="figures")
        )
        self.figures_window.show()

    def word_again(self) -> None:
        """After a language change: the windows of their own that are open, anew."""
        view = getattr(self, "undo_history", None)
        if view is not None and view.isVisible():
            view.setWindowTitle(translate("dialogs", "Undo history — mapapp"))
            view.setEmptyLabel(translate("dialogs", "Opened"))
        figures = getattr(self, "figures_window", None)
        if figures is not None and figures.isVisible():
            where = figures.geometry()
            figures.close()
            self.show_figures()
            self.figures_window.setGeometry(where)

    def about(self) -> None:
        from mapapp.ui.about import show_about

        self.about_box = show_about(self.window, self.session.situation)
