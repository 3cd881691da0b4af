"""The main window: map in the middle, layers on the left, the situation and details on
the right; one ``select`` keeps map, lists, article and details in step."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QPointF, QSettings, QSize, Qt, QThread, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
)

from mapapp.errors import MapappError
from mapapp.geo.viewport import MIN_RESOLUTION, Viewport, framing
from mapapp.model.files import SituationError
from mapapp.model.situation import Situation
from mapapp.render.basemap import Basemap
from mapapp.render.markers import CELL_PX
from mapapp.render.scene import LAYERS
from mapapp.render.situation_layer import SituationLayer

if TYPE_CHECKING:
    from mapapp.model.filters import Filters
    from mapapp.model.timeline import TimeWindow
    from mapapp.ui.details import DetailsView
    from mapapp.ui.load_job import LoadJob
    from mapapp.ui.side_panel import SidePanel
    from mapapp.ui.timeline import TimelinePanel
from mapapp.ui.map_view import MapView
from mapapp.ui.plain_text import menu_label
from mapapp.ui.window_actions import build_actions

# The map paints first; the side docks fill in this long after (too short to notice).
DOCKS_DELAY_MS = 15
MENU_MAX = 40  # co-located events listed in a cluster's menu


def format_lonlat(lon: float, lat: float) -> str:
    return (
        f"{abs(lat):.4f}° {'N' if lat >= 0 else 'S'}   {abs(lon):.4f}° {'E' if lon >= 0 else 'W'}"
    )


def first_run_size(avail_w: int, avail_h: int) -> tuple[int, int]:
    """90% of the screen's free area (in device-independent pixels, so a high-DPI screen
    gets the same layout as its scaled size), at most 1600x1000 so a 4K screen does not
    get a wall-sized window, and never below what the docks and map need."""
    if avail_w <= 0 or avail_h <= 0:
        return 1600, 1000
    w = max(min(1600, int(avail_w * 0.9)), min(avail_w, 800))
    h = max(min(1000, int(avail_h * 0.9)), min(avail_h, 560))
    return w, h


class MainWindow(QMainWindow):
    def __init__(self, basemap: Basemap, situation: Situation | None = None) -> None:
        super().__init__()
        self.situation: Situation | None = None
        self.selection: tuple[str, str] | None = None
        self.last_error = ""
        self.internal_error_box: QMessageBox | None = None
        self.internal_errors = 0
        self.load_job: LoadJob | None = None
        self.old_load_jobs: list[LoadJob] = []  # cancelled ones, finishing in the background
        self.map_view = MapView(basemap, self)
        self.setCentralWidget(self.map_view)
        self.setAcceptDrops(True)
        self._build_status_bar()
        self._build_layer_dock()
        self._build_situation_docks()
        from PySide6.QtGui import QUndoStack

        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(lambda clean: self.setWindowModified(not clean))
        from mapapp.ui.autosave import Autosaver

        self.autosave = Autosaver(self)
        from mapapp.ui.basemap_control import BasemapControl

        self.basemap_control = BasemapControl(self)
        from mapapp.ui.map_output import MapOutput

        self.output = MapOutput(self)
        build_actions(self)
        self.map_view.cursor_moved.connect(self._show_cursor)
        self.map_view.cursor_left.connect(lambda: self.coords_label.setText(""))
        self.map_view.view_changed.connect(self._show_scale)
        self._panels_pending = False
        self.map_view.painted.connect(self._map_painted)
        self.map_view.measure_changed.connect(self.message_label.setText)
        self.map_view.markers_clicked.connect(self._markers_clicked)
        self.map_view.marker_dropped.connect(self._marker_dropped)
        self._first_run_size()
        if situation is not None:
            self.set_situation(situation)
        self._restore_settings()
        self._show_scale()

    # construction ----------------------------------------------------------
    def _first_run_size(self) -> None:
        """Restored geometry wins later; this is for the first run."""
        screen = self.screen().availableGeometry() if self.screen() else None
        self.resize(*first_run_size(*((screen.width(), screen.height()) if screen else (0, 0))))

    def _build_status_bar(self) -> None:
        self.message_label = QLabel()
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.coords_label = QLabel()
        self.coords_label.setMinimumWidth(220)
        self.coords_label.setTextFormat(Qt.TextFormat.PlainText)
        self.scale_label = QLabel()
        self.scale_label.setTextFormat(Qt.TextFormat.PlainText)
        from PySide6.QtWidgets import QProgressBar, QPushButton

        self.load_progress = QProgressBar()
        self.load_progress.setMaximumWidth(180)
        self.load_progress.setRange(0, 100)
        self.load_cancel = QPushButton("Cancel")
        self.load_cancel.clicked.connect(self.cancel_loading)
        bar = self.statusBar()
        bar.addWidget(self.message_label, 1)
        bar.addWidget(self.load_progress)
        bar.addWidget(self.load_cancel)
        self.load_progress.hide()
        self.load_cancel.hide()
        bar.addPermanentWidget(self.scale_label)
        bar.addPermanentWidget(self.coords_label)

    def _build_layer_dock(self) -> None:
        self.layer_list: QListWidget | None = None
        dock = QDockWidget("Layers", self)
        dock.setObjectName("layers_dock")
        dock.setMinimumWidth(170)  # its list arrives after the first frame
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.layer_dock = dock

    def _fill_layer_dock(self) -> None:
        """The layer list with a swatch per layer; ticks follow the map's visible layers."""
        from PySide6.QtGui import QIcon, QPixmap

        from mapapp.render.legend import layer_swatch

        self.layer_list = QListWidget()
        self.layer_list.setIconSize(QSize(18, 18))
        scale = self.devicePixelRatioF()
        shown = self.map_view.options.layers
        for key, name in LAYERS.items():
            icon = QIcon(QPixmap.fromImage(layer_swatch(key, scale=scale)))
            item = QListWidgetItem(icon, name)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in shown else Qt.CheckState.Unchecked)
            self.layer_list.addItem(item)
        self.layer_list.itemChanged.connect(self._layer_toggled)
        # wide enough for every name (a check box, a swatch, the text and the margins)
        fm = self.layer_list.fontMetrics()
        text = max(fm.horizontalAdvance(name) for name in LAYERS.values())
        self.layer_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.layer_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        for i in range(self.layer_list.count()):
            item = self.layer_list.item(i)
            item.setToolTip(item.text())
        self.layer_dock.setMinimumWidth(text + 18 + 56)
        self.layer_dock.setWidget(self.layer_list)

    def _build_situation_docks(self) -> None:
        """Dock shells now; their content once the map has painted (see ``ensure_docks``)."""
        self.panel: SidePanel | None = None
        self.details: DetailsView | None = None
        self.panel_dock = QDockWidget("Situation", self)
        self.panel_dock.setObjectName("situation_dock")
        self.panel_dock.setMinimumWidth(400)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel_dock)
        self.details_dock = QDockWidget("Details", self)
        self.details_dock.setObjectName("details_dock")
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.details_dock)
        self.timeline_dock = QDockWidget("Timeline", self)
        self.timeline_dock.setObjectName("timeline_dock")
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.timeline_dock)
        self.timeline: TimelinePanel | None = None
        self.time_window: TimeWindow | None = None
        self.resizeDocks([self.panel_dock], [440], Qt.Orientation.Horizontal)
        self.resizeDocks([self.timeline_dock], [130], Qt.Orientation.Vertical)
        self._docks_scheduled = False

    def ensure_docks(self) -> None:
        """Fill the layer, situation and details docks (deferred: the map paints first)."""
        if self.panel is not None:
            return
        self._fill_layer_dock()
        from mapapp.ui.details import DetailsView
        from mapapp.ui.side_panel import SidePanel

        self.panel = SidePanel()
        self.panel.selected.connect(lambda kind, i: self.select(kind, i, origin="panel"))
        self.panel.activated.connect(self._activated)
        self.panel.filters_changed.connect(self._filters_changed)
        self.panel.rows_changed.connect(self._rows_changed)
        self.panel.article.customContextMenuRequested.connect(self._article_menu)
        from mapapp.ui.item_edit import ask_delete, item_menu

        self.panel.item_menu.connect(lambda kind, i, pos: item_menu(self, kind, i, pos))
        self.panel.delete_requested.connect(lambda kind, i: ask_delete(self, kind, i))
        from mapapp.ui.article_places import ArticlePlaces

        self.article_places = ArticlePlaces(self)
        self.panel_dock.setWidget(self.panel)
        self.details = DetailsView()
        self.details.navigate.connect(lambda kind, i: self.select(kind, i, origin="details"))
        self.details_dock.setWidget(self.details)
        from mapapp.ui.timeline import TimelinePanel

        self.timeline = TimelinePanel()
        self.timeline.window_changed.connect(self._time_changed)
        self.timeline_dock.setWidget(self.timeline)
        if self.situation is not None:
            self.panel.set_situation(self.situation)
            self.details.set_situation(self.situation)
            self.timeline.set_table(self.situation.events_table())
            self.article_places.refresh()

    # situation ---------------------------------------------------------------
    def _fill_panels(self) -> None:
        self._panels_pending = False
        situation = self.situation
        self.panel.setEnabled(True)
        self.panel.set_situation(situation)
        self.details.set_situation(situation)
        self.timeline.set_table(situation.events_table())
        self.article_places.refresh()

    def _map_painted(self) -> None:
        """After a frame: build the docks once the map shows what is open (not while a
        file given at start is still being read: the reader has the CPU), then fill the
        lists of a situation that arrived since."""
        if self.panel is None and not self._docks_scheduled and self.load_job is None:
            self._docks_scheduled = True
            QTimer.singleShot(DOCKS_DELAY_MS, self.ensure_docks)
        if self._panels_pending and self.panel is not None:
            QTimer.singleShot(0, self._fill_panels)
            self._panels_pending = False

    def set_situation(self, situation: Situation, frame: bool = False, panel_now=True) -> None:
        if not getattr(self, "_keeping_history", False) and hasattr(self, "undo_stack"):
            self.undo_stack.clear()  # another situation: its own history
            self.undo_stack.setClean()  # clear() leaves a restored (never clean) stack dirty
            self.map_view.cancel_interaction()
        self.situation = situation
        self.selection = None
        layer = SituationLayer(situation, self.map_view.basemap)
        self.map_view.situation = layer
        self.map_view.editable = situation.table is None
        self.map_view.set_options(focus_places=layer.focus_names(), selected_event=None)
        self.time_window = None
        if self.timeline is not None:  # the old window means nothing for the new data
            self.timeline.pause()
        if self.panel is not None and panel_now:
            self._fill_panels()
        elif self.panel is not None:  # the map paints first, then the lists fill
            self.panel.setEnabled(False)
            self._panels_pending = True
        self.setWindowTitle(f"{situation.title}[*] — mapapp")
        for action in self.save_actions:  # a dataset is written with Export data
            action.setEnabled(situation.table is None)
        if frame:
            self.frame_situation()
        self.map_view.update()

    # edits ---------------------------------------------------------------------
    def edit(self, text: str, change) -> bool:
        """Apply ``change(document) -> document`` as one undoable command; a change the
        situation cannot take is shown and nothing happens."""
        from mapapp.model.editing import EditError
        from mapapp.ui.authoring import DocumentEdit

        before = self.situation.raw
        try:
            after = change(before)
        except EditError as exc:
            self.warn(f"{text}: {exc}", "Cannot make this change")
            return False
        self.undo_stack.push(DocumentEdit(self, text, before, after))
        self.message_label.setText(f"{text} — Edit → Undo takes it back")
        return True

    def apply_document(self, data: dict) -> None:
        """Show ``data`` (the document after an edit or an undo) in place of the open one,
        keeping the view, the selection where it still exists and the undo history."""
        from mapapp.model.situation import situation_from_dict

        s = self.situation
        texts = s.texts()
        selection = self.selection
        self._keeping_history = True  # an edit of this situation: its history stays
        self.set_situation(situation_from_dict(data, texts, s.path))
        self._keeping_history = False
        if selection is not None:
            self.select(*selection)

    def frame_situation(self) -> None:
        """Fit the map to the situation's places (or areas)."""
        layer = self.map_view.situation
        box = layer.extent() if layer is not None else None
        if box is not None:
            self.map_view.set_view(framing(box, self.map_view.width(), self.map_view.height()))

    def open_file(self, path: str | Path) -> bool:
        """Open a file here and now (scripts, tests); the menus, drops and the command
        line use ``start_loading``. On any problem show it and keep the current one."""
        from mapapp.exchange.convert import read_any

        if not self.may_replace():
            return False
        try:
            situation = read_any(path)
        except SituationError as exc:
            self._show_problems(exc)
            return False
        self._opened(situation, Path(path))
        return True

    def _opened(self, situation: Situation, path: Path, panel_now: bool = True) -> None:
        self.set_situation(situation, frame=True, panel_now=panel_now)
        n = situation.event_count()
        self.message_label.setText(f"Opened {path.name} ({n:,} event{'s' if n != 1 else ''})")
        from mapapp.ui.recent import remember

        remember(path)

    def start_loading(self, path: str | Path) -> LoadJob | None:
        """Read ``path`` on a worker thread with a progress bar and Cancel; the window
        keeps working and the open situation stays until the new one is ready."""
        from mapapp.ui.load_job import LoadJob

        if not self.may_replace():
            return None
        if self.load_job is not None:
            self.cancel_loading()
        path = Path(path)
        job = LoadJob(path, self)
        self.load_job = job
        job.progressed.connect(lambda pct, stage: self._load_progressed(job, pct, stage))
        job.loaded.connect(lambda situation: self._load_finished(job, situation))
        job.failed.connect(lambda exc: self._load_failed(job, exc))
        job.crashed.connect(lambda info: self._load_crashed(job, info))
        job.finished.connect(lambda: self._forget_job(job))
        self.load_progress.setValue(0)
        self.load_progress.show()
        self.load_cancel.show()
        self.message_label.setText(f"Opening {path.name}…")
        job.start()
        return job

    def cancel_loading(self) -> None:
        job = self.load_job
        if job is None:
            return
        job.cancel()
        self.old_load_jobs.append(job)
        self.load_job = None
        self._load_ui_done()
        kept = f"; “{self.situation.title}” stays open" if self.situation else ""
        self.message_label.setText(f"Opening {job.path.name} cancelled{kept}.")

    def _load_progressed(self, job: LoadJob, pct: int, stage: str) -> None:
        if job is self.load_job:
            self.load_progress.setValue(pct)
            self.message_label.setText(f"Opening {job.path.name}: {stage}…")

    def _load_finished(self, job: LoadJob, situation: Situation) -> None:
        if job is not self.load_job:
            return
        self.load_job = None
        self._load_ui_done()
        if not self.may_replace():  # edited while it was opening: ask again, now
            self.message_label.setText(f"{job.path.name} not shown; your changes stay open.")
            return
        self._opened(situation, job.path, panel_now=False)

    def _load_failed(self, job: LoadJob, exc: SituationError) -> None:
        if job is not self.load_job:
            return
        self.load_job = None
        self._load_ui_done()
        self.load_failed(exc)

    def load_failed(self, exc: SituationError) -> None:
        """A file could not be opened: say why; with nothing open, show the embedded
        situation behind the message rather than an empty map."""
        self._show_default_if_empty()
        self._show_problems(exc)

    def _load_crashed(self, job: LoadJob, info) -> None:
        import sys

        if job is self.load_job:
            self.load_job = None
            self._load_ui_done()
            self._show_default_if_empty()
            sys.excepthook(*info)

    def _show_default_if_empty(self) -> None:
        """With nothing open, show the embedded situation rather than an empty map."""
        if self.situation is None:
            from mapapp.model.io import default_situation_path, load_situation

            self.set_situation(load_situation(default_situation_path(), trusted=True))

    def _forget_job(self, job: LoadJob) -> None:
        if job in self.old_load_jobs:
            self.old_load_jobs.remove(job)
        job.deleteLater()

    def _load_ui_done(self) -> None:
        self.load_progress.hide()
        self.load_cancel.hide()

    def open_dialog(self, title: str = "Open situation") -> None:
        from PySide6.QtWidgets import QFileDialog

        from mapapp.exchange.convert import IMPORT_FILTER

        start = str(self.situation.path.parent) if self.situation and self.situation.path else ""
        path, _ = QFileDialog.getOpenFileName(self, title, start, IMPORT_FILTER)
        if path:
            self.start_loading(path)

    # a new situation from an article -------------------------------------------
    def new_from_article_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        start = str(QSettings().value("article/folder", "") or Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self,
            "New situation from article",
            start,
            "Articles: text or saved web pages (*.txt *.html *.htm);;All files (*)",
        )
        if path:
            QSettings().setValue("article/folder", str(Path(path).parent))
            self.new_from_article_file(Path(path))

    def new_from_article_file(self, path: Path) -> bool:
        """A new situation citing the article at ``path`` (.txt, or a page saved from a
        browser); the open one stays if the file cannot be read."""
        from mapapp.exchange.article import read_article
        from mapapp.model.ids import slug

        if not self.may_replace():
            return False
        try:
            article = read_article(path)
        except SituationError as exc:
            self._show_problems(exc, "Cannot read article", f"{path.name} cannot be read.")
            return False
        self._new_from_article(article, f"{slug(path.stem)}.txt")
        return True

    def new_from_clipboard(self) -> bool:
        from PySide6.QtWidgets import QApplication

        from mapapp.exchange.article import article_from_text

        text = QApplication.clipboard().text()
        if not text.strip():
            self.message_label.setText("The clipboard holds no text to make a situation from.")
            return False
        if not self.may_replace():
            return False
        self._new_from_article(article_from_text(text), "article.txt")
        return True

    def _new_from_article(self, article, text_file: str) -> None:
        from mapapp.exchange.article import situation_from_article

        self.set_situation(situation_from_article(article, text_file))
        self.ensure_docks()
        self.panel.tabs.setCurrentWidget(self.panel.article)
        # authoring reads the article: give it most of the height, details the rest
        self.resizeDocks([self.panel_dock, self.details_dock], [2, 1], Qt.Orientation.Vertical)
        self.message_label.setText(
            f"New situation from “{self.situation.title}”; File → Save as keeps it "
            f"(the article is saved beside it as {text_file})."
        )

    def _article_menu(self, pos) -> None:
        """Copy and select all, then new items from the selection."""
        from mapapp.ui.authoring import article_menu

        menu = self.panel.article.createStandardContextMenu()
        article_menu(self, menu)
        menu.popup(self.panel.article.mapToGlobal(pos))
        self.article_context_menu = menu

    def show_undo_history(self) -> None:
        from PySide6.QtWidgets import QUndoView

        view = QUndoView(self.undo_stack)
        view.setWindowTitle("Undo history — mapapp")
        view.setEmptyLabel("Opened")
        view.resize(360, 420)
        view.show()
        self.undo_history = view

    def may_replace(self) -> bool:
        """Before another situation takes the window: unsaved edits are saved or let go
        on purpose, never dropped silently."""
        return self.undo_stack.isClean() or self._may_discard()

    def _may_discard(self) -> bool:
        """Unsaved edits: save them, drop them, or stay."""
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box = QMessageBox(QMessageBox.Icon.Question, "Unsaved changes", "", buttons, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"“{self.situation.title}” has changes that are not saved.")
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # saving ------------------------------------------------------------------
    def can_save_here(self) -> bool:
        """Save writes back to a situation file; never to the embedded one (a copy of
        it is saved with Save As), and a dataset is written with Export data."""
        from mapapp.model.io import default_situation_path

        s = self.situation
        return (
            s is not None
            and s.path is not None
            and s.path.suffix.lower() == ".json"
            and s.path.resolve() != default_situation_path().resolve()
        )

    def save(self) -> bool:
        if self.situation is None or self.situation.table is not None:
            self.message_label.setText("A dataset is written with File → Export data.")
            return False
        if not self.can_save_here():
            return self.save_as()
        return self.save_to(self.situation.path)

    def save_as(self) -> bool:
        from PySide6.QtWidgets import QFileDialog

        if self.situation is None or self.situation.table is not None:
            self.message_label.setText("A dataset is written with File → Export data.")
            return False
        folder = Path(str(QSettings().value("save/folder", "") or Path.home()))
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Save situation as",
            str(folder / f"{self.output.file_stem()}.situation.json"),
            "mapapp situation (*.json)",
        )
        if not path:
            return False
        path = Path(path if path.lower().endswith(".json") else path + ".json")
        QSettings().setValue("save/folder", str(path.parent))
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        """Validate and write atomically (the previous version kept as NAME.bak); on a
        problem say which item to fix and write nothing."""
        from mapapp.model.io import default_situation_path, save_situation

        if path.resolve() == default_situation_path().resolve():
            self.warn(
                "the embedded situation is not overwritten; choose another file",
                "Cannot save situation",
            )
            return False
        try:
            save_situation(self.situation, path)
        except SituationError as exc:
            self._show_problems(exc, "Cannot save situation", f"{path.name} is not written.")
            return False
        except MapappError as exc:
            self.warn(str(exc), "Cannot save situation")
            return False
        self.situation.path = path
        self.undo_stack.setClean()
        self.message_label.setText(f"Saved {path}")
        from mapapp.ui.recent import remember

        remember(path)
        return True

    def export_data_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from mapapp.exchange.convert import EXPORT_FILTERS

        if self.situation is None:
            return
        folder = Path(str(QSettings().value("export/folder", "") or Path.home()))
        path, chosen = QFileDialog.getSaveFileName(
            self,
            "Export data",
            str(folder / f"{self.output.file_stem()}.geojson"),
            ";;".join(EXPORT_FILTERS.values()),
        )
        if not path:
            return
        if Path(path).suffix.lower() not in EXPORT_FILTERS:
            path += next((k for k, v in EXPORT_FILTERS.items() if v == chosen), ".geojson")
        self.export_data(Path(path))

    def export_data(self, path: Path) -> list[str] | None:
        """Write the open situation as GeoJSON, KML, ACLED CSV or situation JSON."""
        from PySide6.QtWidgets import QMessageBox

        from mapapp.exchange.convert import write_any

        if self.situation is None:
            return None
        situation, shown = self.shown_situation()
        try:
            notes = write_any(situation, path)
        except MapappError as exc:
            self.warn(str(exc), "Export failed")
            return None
        self.message_label.setText(f"Data written to {path}{shown}")
        if notes:
            box = QMessageBox(QMessageBox.Icon.Information, "Export data", "", parent=self)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setText(f"{path.name} is written. What {path.suffix} could not hold:")
            box.setInformativeText("\n".join(notes[:15]) + ("\n…" if len(notes) > 15 else ""))
            box.open()
        return notes

    def shown_situation(self) -> tuple[Situation, str]:
        """What the map shows (filters and time window applied), and a note saying so."""
        s, layer = self.situation, self.map_view.situation
        total = s.event_count()
        if s.table is not None:
            rows = self.panel.dataset.shown if self.panel is not None else None
            if rows is None or rows.all():
                return s, ""
            from mapapp.model.subset import dataset_subset

            return dataset_subset(s, rows), f" ({int(rows.sum()):,} of {total:,} events shown)"
        if layer is None or layer.visible_events >= set(s.events):
            return s, ""
        from mapapp.model.subset import document_subset

        n = len(layer.visible_events)
        return document_subset(s, layer.visible_events), f" ({n} of {total} events shown)"

    def _show_problems(
        self, exc: SituationError, title: str = "Cannot open situation", what: str = ""
    ) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.PlainText)
        kept = f" “{self.situation.title}” stays open." if self.situation else ""
        box.setText(what or f"{exc.file.name} cannot be opened.{kept}")
        lines = [str(p) for p in exc.problems[:12]]
        if len(exc.problems) > 12:
            lines.append(f"… and {len(exc.problems) - 12} more")
        box.setInformativeText("\n".join(lines))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.last_error = box.text() + "\n" + box.informativeText()
        verb = "save" if what else "open"
        self.message_label.setText(f"Could not {verb} {exc.file.name}: {exc.problems[0]}")
        box.open()

    def report_internal_error(self, line: str) -> None:
        """A bug surfaced (see ui/crash_handler): say so in one dialog, however many errors
        follow while it is open, and keep everything that is open."""
        self.internal_errors += 1
        self.last_error = f"Internal error: {line}"
        self.message_label.setText(self.last_error)
        box = self.internal_error_box
        if box is not None and box.isVisible():
            more = f"\n\n({self.internal_errors} errors since this message opened.)"
            box.setInformativeText(line + more)
            return
        self.internal_errors = 1
        box = QMessageBox(QMessageBox.Icon.Critical, "Internal error", "", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        kept = f" “{self.situation.title}” is still open." if self.situation else ""
        box.setText(f"Something went wrong inside mapapp.{kept}")
        box.setInformativeText(line)
        self.internal_error_box = box
        box.open()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.start_loading(files[0])

    # selection -----------------------------------------------------------------
    def select(self, kind: str, item_id: str, origin: str = "") -> None:
        """Select an event, actor, claim or place everywhere: map, lists, article and
        details."""
        s = self.situation
        if s is None:
            return
        if s.table is not None:
            self._select_dataset_event(kind, item_id, origin)
            return
        items = {"event": s.events, "actor": s.actors, "claim": s.claims, "place": s.places}
        items = items.get(kind, {})
        if item_id not in items:
            return
        self.ensure_docks()
        self.selection = (kind, item_id)
        event_id = item_id if kind == "event" else None
        if kind == "claim":
            event_id = next((e for e in s.claims[item_id].about if e in s.events), None)
        self.map_view.set_options(selected_event=event_id)
        if event_id and origin != "map":
            self._bring_into_view(event_id)
        if kind == "place" and origin != "map":
            p = s.places[item_id]
            self.map_view.center_on(p.lon, p.lat)
        if origin != "panel":
            self.panel.select(kind, item_id)
        self.panel.figures.set_selected_claim(item_id if kind == "claim" else None)
        citations = items[item_id].citations
        article = s.article()
        spans = [
            (c.start, c.end)
            for c in citations
            if article and c.source == article.id and c.start is not None
        ]
        self.panel.highlight_spans(spans)
        self.details.show_item(kind, item_id)

    def _select_dataset_event(self, kind: str, event_id: str, origin: str) -> None:
        if kind != "event" or not self.situation.has_event(event_id):
            return
        self.ensure_docks()
        self.selection = ("event", event_id)
        self.map_view.set_options(selected_event=event_id)
        if origin != "map":
            self._bring_into_view(event_id)
        if origin != "panel":
            self.panel.select("event", event_id)
        self.details.show_item("event", event_id)

    def _bring_into_view(self, event_id: str) -> None:
        """Centre the event's marker (keeping the zoom), or frame its area."""
        layer = self.map_view.situation
        pos = layer.event_position(event_id)
        view = self.map_view.view
        if pos is not None:
            self.map_view.set_view(Viewport(pos[0], pos[1], view.resolution, 1, 1))
            return
        bounds = layer.event_bounds(event_id)
        if bounds is not None:
            b = bounds
            self.map_view.set_view(view.fitted((b.left(), b.top(), b.right(), b.bottom()), 0.08))

    def zoom_to_selection(self) -> None:
        if not self.selection or self.map_view.situation is None:
            return
        kind, item_id = self.selection
        event_id = item_id if kind == "event" else self.map_view.options.selected_event
        bounds = self.map_view.situation.event_bounds(event_id) if event_id else None
        if bounds is not None:
            b = bounds
            self.map_view.set_view(
                self.map_view.view.fitted((b.left(), b.top(), b.right(), b.bottom()), 0.08)
            )

    def _markers_clicked(self, members, pos: QPointF) -> None:
        """A marker selects its event; a cluster zooms in, or lists co-located events."""
        layer = self.map_view.situation
        if len(members) == 1:
            self.select("event", layer.marker_events[int(members[0])], origin="map")
            self.details_dock.raise_()
            return
        xs = [float(layer.markers.x[int(i)]) for i in members[:MENU_MAX]]
        ys = [float(layer.markers.y[int(i)]) for i in members[:MENU_MAX]]
        if len(members) > MENU_MAX:  # a big cluster: its extent from whole columns
            import numpy as np

            idx = np.asarray(members)
            xs = [float(layer.markers.x[idx].min()), float(layer.markers.x[idx].max())]
            ys = [float(layer.markers.y[idx].min()), float(layer.markers.y[idx].max())]
        spread = max(max(xs) - min(xs), max(ys) - min(ys))
        view = self.map_view.view
        # members that zooming can pull apart: zoom in; co-located ones: list them
        if spread > 2 * CELL_PX * MIN_RESOLUTION and view.resolution > MIN_RESOLUTION * 1.01:
            box = (min(xs), min(ys), max(xs), max(ys))
            self.map_view.set_view(view.fitted(box, 0.25))
            return
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        event_ids = [layer.marker_events[int(i)] for i in members[:MENU_MAX]]
        for eid in event_ids:
            act = menu.addAction(menu_label(layer.describe(eid)))
            act.triggered.connect(lambda _=False, e=eid: self.select("event", e, origin="map"))
        if len(members) > MENU_MAX:
            more = menu.addAction(f"… and {len(members) - MENU_MAX:,} more at this point")
            more.setEnabled(False)
        menu.popup(self.map_view.mapToGlobal(pos.toPoint()))
        self.cluster_menu = menu

    def _marker_dropped(self, event_id: str, lon: float, lat: float) -> None:
        from mapapp.ui.authoring import drop_event

        drop_event(self, event_id, lon, lat)

    def _activated(self, kind: str, item_id: str) -> None:
        self.select(kind, item_id, origin="panel")
        self.details_dock.show()
        self.details_dock.raise_()
        self.details.setFocus()

    def _time_changed(self, window: TimeWindow | None) -> None:
        """The timeline moved: the map follows at once, the side panel's list just after
        (so playback does not wait for it)."""
        s, layer = self.situation, self.map_view.situation
        if s is None or layer is None or self._panels_pending:  # panels still on old data
            return
        self.time_window = window
        alpha = window.shown(s.events_table()) if window is not None else None
        layer.set_alpha(alpha if window is not None and window.mode == "fade" else None)
        if s.table is not None:
            self.panel.dataset.set_time_rows(alpha)
        else:
            self.panel.set_time_rows(alpha)
            self._filters_changed(self.panel.current_filters())

    def _rows_changed(self, rows) -> None:
        layer = self.map_view.situation
        if layer is not None and layer.table is not None and len(rows) == len(layer.table):
            layer.set_visible_rows(rows)
            self.map_view.update()

    def _filters_changed(self, filters: Filters) -> None:
        from mapapp.model.filters import matching_events

        layer = self.map_view.situation
        if layer is None or self.situation is None:
            return
        events = matching_events(self.situation, filters)
        in_window = self.panel.window_events if self.panel is not None else None
        layer.set_visible_events(events if in_window is None else events & in_window)
        self.map_view.update()

    def show_figures(self) -> None:
        """The conflicting figures side by side, in a window sized for a screenshot."""
        if self.situation is None:
            return
        from mapapp.ui.figures_view import FiguresWindow

        self.figures_window = FiguresWindow(self.situation, self)
        self.figures_window.view.claim_selected.connect(
            lambda cid: self.select("claim", cid, origin="figures")
        )
        self.figures_window.show()

    def _focus_search(self) -> None:
        self.ensure_docks()
        self.panel_dock.show()
        self.panel.search_box().setFocus()
        self.panel.search_box().selectAll()

    # slots -----------------------------------------------------------------
    def _show_cursor(self, lon: float, lat: float) -> None:
        self.coords_label.setText(format_lonlat(lon, lat))

    def _show_scale(self) -> None:
        res = self.map_view.view.resolution
        self.scale_label.setText(f"{res / 1000:,.2f} km/px" if res >= 1000 else f"{res:,.0f} m/px")

    def _layer_toggled(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        self.map_view.set_layer_visible(key, item.checkState() == Qt.CheckState.Checked)

    def warn(self, message: str, what: str) -> None:
        """Say what went wrong in one window-modal box (never blocking) and the status."""
        box = QMessageBox(QMessageBox.Icon.Warning, what, message, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        self.last_error = message
        self.message_label.setText(f"{what}: {message}")
        box.open()

    def _about(self) -> None:
        from mapapp.ui.about import show_about

        self.about_box = show_about(self, self.situation)

    # settings --------------------------------------------------------------
    def _restore_settings(self) -> None:
        s = QSettings()
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = s.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        hidden = s.value("map/hidden_layers", [])
        hidden = {hidden} if isinstance(hidden, str) else set(hidden or [])
        self.map_view.set_options(layers=frozenset(LAYERS) - hidden)
        try:
            cx, cy, res = (float(s.value(f"map/{k}")) for k in ("cx", "cy", "resolution"))
        except (TypeError, ValueError):
            return
        saved = Viewport(cx, cy, res, self.map_view.width(), self.map_view.height())
        # Re-apply after the first layout so the saved centre lands in the real widget size.
        QTimer.singleShot(0, lambda: self.map_view.set_view(saved))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.may_replace():
            event.ignore()
            return
        self.autosave.discard()  # saved, or dropped on purpose
        from mapapp.ui.article_places import MentionJob
        from mapapp.ui.online_places import GeocodeJob

        for job in self.findChildren(QThread):  # place finding and online lookups
            if isinstance(job, (MentionJob, GeocodeJob)):
                job.wait()  # short: a gazetteer search, or one request with a timeout
        self.cancel_loading()
        for job in list(self.old_load_jobs):  # a reader cannot be interrupted mid-stage
            job.wait()
        self.output.close()
        self.basemap_control.close()
        s = QSettings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        v = self.map_view.view
        s.setValue("map/cx", v.cx)
        s.setValue("map/cy", v.cy)
        s.setValue("map/resolution", v.resolution)
        hidden = [k for k in LAYERS if k not in self.map_view.options.layers]
        s.setValue("map/hidden_layers", hidden)
        super().closeEvent(event)
