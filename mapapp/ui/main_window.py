"""The main window: the place where the parts meet. The map in the middle; the document
session (what is open, its edits, saving), the selection coordinator (one selection and
one picture across map, lists, details and timeline) and the dock layout are built here
and wired to each other through their signals and public methods."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QThread, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QPushButton, QSizePolicy

from mapapp.geo.viewport import Viewport, framing
from mapapp.i18n import format_number, translate
from mapapp.model.situation import Situation
from mapapp.render.basemap import Basemap
from mapapp.render.scene import LAYERS
from mapapp.render.situation_layer import SituationLayer
from mapapp.ui.basemap_control import BasemapControl
from mapapp.ui.dock_layout import DockLayout
from mapapp.ui.document_session import DocumentSession
from mapapp.ui.feedback import Feedback
from mapapp.ui.map_output import MapOutput
from mapapp.ui.map_view import MapView
from mapapp.ui.selection import SelectionCoordinator
from mapapp.ui.window_actions import build_actions
from mapapp.ui.window_dialogs import WindowDialogs


def format_lonlat(lon: float, lat: float) -> str:
    y, x = format_number(abs(lat), 4), format_number(abs(lon), 4)
    north = translate("window", "{lat}° N") if lat >= 0 else translate("window", "{lat}° S")
    east = translate("window", "{lon}° E") if lon >= 0 else translate("window", "{lon}° W")
    return north.format(lat=y) + "   " + east.format(lon=x)


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
    """``session``, ``selector``, ``docks``, ``feedback``, ``output``, ``dialogs``,
    ``basemap_control`` and ``menu_actions`` are the parts; the authoring helpers
    (``authoring``, ``item_editing``, ``article_places``) arrive with the docks."""

    def __init__(self, basemap: Basemap, situation: Situation | None = None) -> None:
        super().__init__()
        self.map_view = MapView(basemap, self)
        self.setCentralWidget(self.map_view)
        self.setAcceptDrops(True)
        self._build_status_bar()
        self.session = DocumentSession(self)
        self.feedback = Feedback(self.message_label, self, self._open_title)
        self.docks = DockLayout(self, self.map_view)
        self.selector = SelectionCoordinator(self.session, self.map_view, self.docks)
        from mapapp.ui.autosave import Autosaver

        self.autosave = Autosaver(self.session)
        self.basemap_control = BasemapControl(self, self.map_view, self.feedback)
        self.output = MapOutput(self, self.session, self.selector, self.map_view, self.feedback)
        self.dialogs = WindowDialogs(self, self.session, self.selector, self.docks, self.output)
        from mapapp.ui.store_view import StoreView

        self.store_view = StoreView(self, self.session)
        self.menu_actions = build_actions(
            self,
            self.session,
            self.selector,
            self.docks,
            self.dialogs,
            self.output,
            self.basemap_control,
            self.map_view,
        )
        self.authoring = self.item_editing = self.article_places = None
        self._wire()
        screen = self.screen().availableGeometry() if self.screen() else None
        self.resize(*first_run_size(*((screen.width(), screen.height()) if screen else (0, 0))))
        if situation is not None:
            self.session.set_situation(situation)
        self._restore_settings()
        self._show_scale()

    def _build_status_bar(self) -> None:
        self.message_label = QLabel()
        self.coords_label = QLabel()
        self.coords_label.setMinimumWidth(220)
        self.scale_label = QLabel()
        for label in (self.message_label, self.coords_label, self.scale_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        # a long message is cut at the window's edge, it never widens the window
        self.message_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.message_label.setMinimumWidth(1)
        self.load_progress = QProgressBar()
        self.load_progress.setMaximumWidth(180)
        self.load_progress.setRange(0, 100)
        self.load_cancel = QPushButton(translate("window", "Cancel"))
        bar = self.statusBar()
        bar.addWidget(self.message_label, 1)
        bar.addWidget(self.load_progress)
        bar.addWidget(self.load_cancel)
        self.load_progress.hide()
        self.load_cancel.hide()
        bar.addPermanentWidget(self.scale_label)
        bar.addPermanentWidget(self.coords_label)

    def _wire(self) -> None:
        session, mv, feedback = self.session, self.map_view, self.feedback
        session.replaced.connect(self._situation_replaced)
        session.message.connect(feedback.say)
        session.warned.connect(feedback.warn)
        session.problems.connect(feedback.show_problems)
        session.loading.connect(self._loading)
        session.previewed.connect(self._previewed)
        session.load_ended.connect(self._drop_preview)
        session.load_progressed.connect(lambda pct, _stage: self.load_progress.setValue(pct))
        session.load_ended.connect(self.load_progress.hide)
        session.load_ended.connect(self.load_cancel.hide)
        session.load_crashed.connect(lambda info: sys.excepthook(*info))
        session.article_started.connect(self.docks.show_article)
        session.undo_stack.cleanChanged.connect(lambda clean: self.setWindowModified(not clean))
        self.load_cancel.clicked.connect(session.cancel_loading)
        self.output.busy.connect(lambda busy: self.menu_actions.export.setEnabled(not busy))
        self.docks.built.connect(self._docks_built)
        mv.cursor_moved.connect(lambda lon, lat: self.coords_label.setText(format_lonlat(lon, lat)))
        mv.cursor_left.connect(lambda: self.coords_label.setText(""))
        mv.view_changed.connect(self._show_scale)
        mv.painted.connect(lambda: self.docks.map_painted(session.load_job is not None))
        mv.painted.connect(session.map_painted)
        mv.measure_changed.connect(self.message_label.setText)
        mv.marker_dropped.connect(self._marker_dropped)

    def _docks_built(self) -> None:
        """The authoring helpers need the side panel: made with it."""
        from mapapp.ui.article_places import ArticlePlaces
        from mapapp.ui.authoring import Authoring
        from mapapp.ui.item_edit import ItemEditing
        from mapapp.ui.online_places import OnlinePlaces

        session, docks, panel = self.session, self.docks, self.docks.panel
        online = OnlinePlaces(session, self)
        self.authoring = Authoring(session, docks, self.map_view, online, self)
        self.item_editing = ItemEditing(session, self.selector, self)
        self.article_places = ArticlePlaces(
            session, docks, self.selector, self.authoring, online, self
        )
        panel.article.customContextMenuRequested.connect(self._article_menu)
        panel.item_menu.connect(self.item_editing.item_menu)
        panel.delete_requested.connect(self.item_editing.ask_delete)
        docks.filled.connect(self.article_places.refresh)

    # the open situation --------------------------------------------------------------
    def _situation_replaced(
        self, situation: Situation, frame: bool, panel_now: bool, same: bool
    ) -> None:
        """Show what the session now holds; after an edit (``same``) the view, the
        selection where it still exists and the undo history stay."""
        kept = self.selector.current if same else None
        if not same:
            self.map_view.cancel_interaction()
        self.selector.reset()
        layer = SituationLayer(situation, self.map_view.basemap)
        self.map_view.situation = layer
        self.map_view.editable = self.session.editable()
        self.map_view.set_options(focus_places=layer.focus_names(), selected_event=None)
        self.docks.show_situation(situation, now=panel_now)
        self.setWindowTitle(f"{situation.title}[*] — mapapp")
        save, save_as = self.menu_actions.save  # a dataset is written with Export data
        save.setEnabled(self.session.editable())
        save_as.setEnabled(situation.table is None)
        if frame:
            self.frame_situation()
        self.map_view.update()
        if kept is not None:
            self.selector.select(*kept)

    def frame_situation(self) -> None:
        """Fit the map to the situation's places (or areas)."""
        layer = self.map_view.situation
        box = layer.extent() if layer is not None else None
        if box is not None:
            self.map_view.set_view(framing(box, self.map_view.width(), self.map_view.height()))

    def _open_title(self) -> str | None:
        s = self.session.situation
        return s.title if s is not None else None

    def _loading(self, _path: Path) -> None:
        self.load_progress.setValue(0)
        self.load_progress.show()
        self.load_cancel.show()

    def _previewed(self, path: Path, markers) -> None:
        """The file's cached markers, framed, while its table is read."""
        from mapapp.render.preview_layer import PreviewLayer

        self.map_view.situation = PreviewLayer(path, markers, self.map_view.basemap)
        self.frame_situation()
        self.map_view.update()

    def _drop_preview(self) -> None:
        """A load ended: a preview left on the map (cancelled, failed) goes."""
        from mapapp.render.preview_layer import PreviewLayer

        if isinstance(self.map_view.situation, PreviewLayer):
            self.map_view.situation = None
            self.map_view.update()

    def _marker_dropped(self, event_id: str, lon: float, lat: float) -> None:
        self.docks.ensure()  # the authoring helpers come with the docks
        self.authoring.drop_event(event_id, lon, lat)

    def _article_menu(self, pos) -> None:
        """Copy and select all, then new items from the selection."""
        article = self.docks.panel.article
        menu = article.createStandardContextMenu()
        self.authoring.article_menu(menu)
        menu.popup(article.mapToGlobal(pos))
        self.article_context_menu = menu

    def _show_scale(self) -> None:
        res = self.map_view.view.resolution
        self.scale_label.setText(
            format_number(res / 1000, 2) + " km/px" if res >= 1000 else format_number(res) + " m/px"
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._word_again()
        super().changeEvent(event)

    def _word_again(self) -> None:
        """View → Language while open: the catalogue's texts in place, then what is filled
        in with values (lists, details, status, the map's own words) worded anew."""
        from mapapp.render.scene import base_attribution
        from mapapp.ui.retranslate import retranslate_tree

        retranslate_tree(self)
        self._show_scale()
        self.docks.word_again()
        self.dialogs.word_again()
        self.map_view.set_options(attribution_text=base_attribution())  # and a repaint

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.session.start_loading(files[0])

    # settings --------------------------------------------------------------------------
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
        if not self.session.may_replace():
            event.ignore()
            return
        self.autosave.discard()  # saved, or dropped on purpose
        # said now, while the window is whole: a stack destroyed unclean says it as it goes
        self.session.undo_stack.setClean()
        from mapapp.ui.article_places import MentionJob
        from mapapp.ui.online_places import GeocodeJob

        for job in self.findChildren(QThread):  # place finding and online lookups
            if isinstance(job, (MentionJob, GeocodeJob)):
                job.wait()  # short: a gazetteer search, or one request with a timeout
        self.session.wait_for_readers()
        if self.session.store is not None:  # stop listening to the team's store
            self.session.store.close()
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
