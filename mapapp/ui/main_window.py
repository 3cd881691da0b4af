"""The main window: map in the middle, layer list docked, coordinates in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QToolBar,
)

from mapapp import __version__
from mapapp.errors import MapappError
from mapapp.geo.viewport import Viewport
from mapapp.render.basemap import Basemap
from mapapp.render.legend import layer_swatch
from mapapp.render.scene import LAYERS
from mapapp.ui.map_view import MapView


def format_lonlat(lon: float, lat: float) -> str:
    return (
        f"{abs(lat):.4f}° {'N' if lat >= 0 else 'S'}   {abs(lon):.4f}° {'E' if lon >= 0 else 'W'}"
    )


class MainWindow(QMainWindow):
    def __init__(self, basemap: Basemap, title: str = "Tinzaouaten, July 2024") -> None:
        super().__init__()
        self.setWindowTitle(f"{title} — mapapp")
        self.map_view = MapView(basemap, self)
        self.map_view.set_options(focus_places=frozenset({"Tinzaouaten"}))
        self.setCentralWidget(self.map_view)
        self._build_status_bar()
        self._build_layer_dock()
        self._build_actions()
        self.map_view.cursor_moved.connect(self._show_cursor)
        self.map_view.cursor_left.connect(lambda: self.coords_label.setText(""))
        self.map_view.view_changed.connect(self._show_scale)
        self.map_view.measure_changed.connect(self._show_measure)
        self.resize(1280, 800)
        self._restore_settings()
        self._show_scale()

    # construction ----------------------------------------------------------
    def _build_status_bar(self) -> None:
        self.message_label = QLabel()
        self.coords_label = QLabel()
        self.coords_label.setMinimumWidth(220)
        self.coords_label.setTextFormat(Qt.TextFormat.PlainText)
        self.scale_label = QLabel()
        self.scale_label.setTextFormat(Qt.TextFormat.PlainText)
        bar = self.statusBar()
        bar.addWidget(self.message_label, 1)
        bar.addPermanentWidget(self.scale_label)
        bar.addPermanentWidget(self.coords_label)

    def _build_layer_dock(self) -> None:
        self.layer_list = QListWidget()
        self.layer_list.setIconSize(QSize(18, 18))
        scale = self.devicePixelRatioF()
        for key, name in LAYERS.items():
            if key == "markers" and self.map_view.markers is None:
                continue  # listed once a situation brings markers
            item = QListWidgetItem(QIcon(QPixmap.fromImage(layer_swatch(key, scale=scale))), name)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.layer_list.addItem(item)
        self.layer_list.itemChanged.connect(self._layer_toggled)
        self.layer_list.setMaximumWidth(260)
        dock = QDockWidget("Layers", self)
        dock.setObjectName("layers_dock")
        dock.setWidget(self.layer_list)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.layer_dock = dock

    def _build_actions(self) -> None:
        mv = self.map_view
        file_menu = self.menuBar().addMenu("&File")
        export = QAction("&Export snapshot…", self, shortcut=QKeySequence("Ctrl+E"))
        export.triggered.connect(self.export_snapshot)
        quit_ = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_.triggered.connect(self.close)
        file_menu.addActions([export, quit_])

        zoom_in = QAction("Zoom &in", self, shortcut=QKeySequence.StandardKey.ZoomIn)
        zoom_in.triggered.connect(lambda: mv.zoom_by(1.5))
        zoom_out = QAction("Zoom &out", self, shortcut=QKeySequence.StandardKey.ZoomOut)
        zoom_out.triggered.connect(lambda: mv.zoom_by(1 / 1.5))
        fit = QAction("Zoom to &fit", self, shortcut=QKeySequence("Ctrl+0"))
        fit.triggered.connect(mv.zoom_to_fit)
        tools = QActionGroup(self)
        pan = QAction("&Pan / select", self, checkable=True, checked=True)
        pan.setShortcut(QKeySequence("P"))
        measure = QAction("&Measure distance", self, checkable=True)
        measure.setShortcut(QKeySequence("M"))
        measure.setToolTip("Measure: click two points for the geodesic distance (M)")
        for a in (pan, measure):
            tools.addAction(a)
        measure.toggled.connect(mv.set_measure_mode)
        self.measure_action = measure

        view_menu = self.menuBar().addMenu("&View")
        view_menu.addActions([zoom_in, zoom_out, fit])
        view_menu.addSeparator()
        for label, attr in (
            ("Scale bar", "scale_bar"),
            ("North arrow", "north_arrow"),
            ("Attribution", "attribution"),
        ):
            act = QAction(label, self, checkable=True, checked=getattr(mv.options, attr))
            act.toggled.connect(lambda on, a=attr: mv.set_options(**{a: on}))
            view_menu.addAction(act)
        view_menu.addSeparator()
        view_menu.addAction(self.layer_dock.toggleViewAction())

        tools_menu = self.menuBar().addMenu("&Tools")
        tools_menu.addActions([pan, measure])

        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About mapapp", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

        bar = QToolBar("Map tools", self)
        bar.setObjectName("map_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addActions([zoom_in, zoom_out, fit])
        bar.addSeparator()
        bar.addActions([pan, measure])
        self.addToolBar(bar)

    # slots -----------------------------------------------------------------
    def _show_cursor(self, lon: float, lat: float) -> None:
        self.coords_label.setText(format_lonlat(lon, lat))

    def _show_scale(self) -> None:
        res = self.map_view.view.resolution
        self.scale_label.setText(f"{res / 1000:,.2f} km/px" if res >= 1000 else f"{res:,.0f} m/px")

    def _show_measure(self, text: str) -> None:
        self.message_label.setText(text)

    def _layer_toggled(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        self.map_view.set_layer_visible(key, item.checkState() == Qt.CheckState.Checked)

    def export_snapshot(self) -> None:
        from mapapp.render.export import render_image, save_png

        path, _ = QFileDialog.getSaveFileName(
            self, "Export snapshot", "mapapp-snapshot.png", "PNG image (*.png)"
        )
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        mv = self.map_view
        try:
            save_png(render_image(mv.view, mv.basemap, mv.options, mv.markers), path)
        except MapappError as exc:
            QMessageBox.warning(self, "Export failed", str(exc))
            return
        self.message_label.setText(f"Snapshot written to {path}")

    def _about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle("About mapapp")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            f"mapapp {__version__}\n\nA situation map of events, actors and source claims.\n\n"
            "Map data: Natural Earth (public domain); places: GeoNames (CC BY 4.0)."
        )
        box.exec()

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
        hidden = [hidden] if isinstance(hidden, str) else list(hidden or [])
        for i in range(self.layer_list.count()):
            item = self.layer_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in hidden:
                item.setCheckState(Qt.CheckState.Unchecked)
        try:
            cx, cy, res = (float(s.value(f"map/{k}")) for k in ("cx", "cy", "resolution"))
        except (TypeError, ValueError):
            return
        saved = Viewport(cx, cy, res, self.map_view.width(), self.map_view.height())
        # Re-apply after the first layout so the saved centre lands in the real widget size.
        QTimer.singleShot(0, lambda: self.map_view.set_view(saved))

    def closeEvent(self, event: QCloseEvent) -> None:
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
