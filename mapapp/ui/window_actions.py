"""The main window's menus, toolbar and shortcuts: every action and its key, in one place
(keys through ``unique_keys``, so none is bound twice)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QToolBar

from mapapp.ui.shortcuts import unique_keys

if TYPE_CHECKING:
    from mapapp.ui.main_window import MainWindow


def build_actions(w: MainWindow) -> None:
    mv = w.map_view
    file_menu = w.menuBar().addMenu("&File")
    open_ = QAction("&Open situation…", w)
    open_.setShortcuts(unique_keys(QKeySequence.StandardKey.Open))
    open_.triggered.connect(w.open_dialog)
    new_article = QAction("&New situation from article…", w)
    new_article.setShortcuts(unique_keys(QKeySequence.StandardKey.New))
    new_article.triggered.connect(w.new_from_article_dialog)
    new_clipboard = QAction("New situation from &clipboard text", w)
    new_clipboard.triggered.connect(w.new_from_clipboard)
    save = QAction("&Save", w)
    save.setShortcuts(unique_keys(QKeySequence.StandardKey.Save))
    save.triggered.connect(w.save)
    save_as = QAction("Save &as…", w)
    save_as.setShortcuts(unique_keys(QKeySequence.StandardKey.SaveAs))
    save_as.triggered.connect(w.save_as)
    w.save_actions = (save, save_as)
    export = QAction("&Export snapshot…", w, shortcut=QKeySequence("Ctrl+E"))
    export.triggered.connect(w.output.export_snapshot)
    w.export_action = export
    copy = QAction("&Copy map image", w, shortcut=QKeySequence("Ctrl+Shift+C"))
    copy.triggered.connect(w.output.copy_image)
    print_ = QAction("&Print…", w)
    print_.setShortcuts(unique_keys(QKeySequence.StandardKey.Print))
    print_.triggered.connect(w.output.print_map)
    quit_ = QAction("&Quit", w)
    quit_.setShortcuts(unique_keys("Ctrl+Q", QKeySequence.StandardKey.Quit))
    quit_.triggered.connect(w.close)
    import_ = QAction("&Import GeoJSON or ACLED CSV…", w)
    import_.triggered.connect(lambda: w.open_dialog("Import data"))
    export_data = QAction("Export &data (GeoJSON, KML, CSV)…", w)
    export_data.setShortcut(QKeySequence("Ctrl+Shift+E"))
    export_data.triggered.connect(w.export_data_dialog)
    from mapapp.ui.recent import RecentMenu

    file_menu.addActions([new_article, new_clipboard])
    file_menu.addAction(open_)
    w.recent_menu = RecentMenu(w.start_loading, w)
    file_menu.addMenu(w.recent_menu)
    file_menu.addAction(import_)
    file_menu.addAction(w.basemap_control.file_action)
    file_menu.addSeparator()
    file_menu.addActions([save, save_as])
    file_menu.addSeparator()
    file_menu.addActions([export, export_data, copy, print_])
    file_menu.addSeparator()
    file_menu.addAction(quit_)

    zoom_in = QAction("Zoom &in", w)
    zoom_in.setShortcuts(unique_keys(QKeySequence.StandardKey.ZoomIn))
    zoom_in.triggered.connect(lambda: mv.zoom_by(1.5))
    zoom_out = QAction("Zoom &out", w)
    zoom_out.setShortcuts(unique_keys(QKeySequence.StandardKey.ZoomOut))
    zoom_out.triggered.connect(lambda: mv.zoom_by(1 / 1.5))
    fit = QAction("Zoom to &fit", w, shortcut=QKeySequence("Ctrl+0"))
    fit.triggered.connect(mv.zoom_to_fit)
    to_selection = QAction("Zoom to &selection", w, shortcut=QKeySequence("Ctrl+J"))
    to_selection.triggered.connect(w.zoom_to_selection)
    compare = QAction("&Compare figures…", w, shortcut=QKeySequence("Ctrl+K"))
    compare.triggered.connect(w.show_figures)
    search = QAction("&Search", w)
    search.setShortcuts(unique_keys(QKeySequence.StandardKey.Find))
    search.triggered.connect(w._focus_search)
    tools = QActionGroup(w)
    pan = QAction("&Pan / select", w, checkable=True, checked=True)
    pan.setShortcut(QKeySequence("P"))
    measure = QAction("&Measure distance", w, checkable=True)
    measure.setShortcut(QKeySequence("M"))
    measure.setToolTip("Measure: click two points for the geodesic distance (M)")
    for a in (pan, measure):
        tools.addAction(a)
    measure.toggled.connect(mv.set_measure_mode)
    w.measure_action = measure
    density = QAction("&Density view", w, checkable=True)
    density.setShortcut(QKeySequence("D"))
    density.setToolTip("Events as a density grid instead of markers (D): for the lowest zooms")
    density.toggled.connect(lambda on: mv.set_options(density=on))
    w.density_action = density

    edit_menu = w.menuBar().addMenu("&Edit")
    undo = w.undo_stack.createUndoAction(w, "&Undo")
    undo.setShortcuts(unique_keys(QKeySequence.StandardKey.Undo))
    redo = w.undo_stack.createRedoAction(w, "&Redo")
    redo.setShortcuts(unique_keys("Ctrl+Shift+Z", QKeySequence.StandardKey.Redo))
    history = QAction("Undo &history", w)
    history.triggered.connect(w.show_undo_history)
    w.undo_action, w.redo_action = undo, redo
    edit_menu.addActions([undo, redo, history])
    edit_menu.addSeparator()
    geocoding = QAction("Online &geocoding…", w)
    geocoding.triggered.connect(lambda: _geocoding_settings(w))
    edit_menu.addAction(geocoding)

    view_menu = w.menuBar().addMenu("&View")
    view_menu.addActions([zoom_in, zoom_out, fit, to_selection, search, compare])
    view_menu.addSeparator()
    view_menu.addAction(density)
    view_menu.addMenu(w.basemap_control.menu)
    for label, attr in (
        ("Scale bar", "scale_bar"),
        ("North arrow", "north_arrow"),
        ("Attribution", "attribution"),
    ):
        act = QAction(label, w, checkable=True, checked=getattr(mv.options, attr))
        act.toggled.connect(lambda on, a=attr: mv.set_options(**{a: on}))
        view_menu.addAction(act)
    full = QAction("&Full screen", w, checkable=True)
    full.setShortcuts(unique_keys("F11", QKeySequence.StandardKey.FullScreen))
    full.toggled.connect(lambda on: w.showFullScreen() if on else w.showNormal())
    w.full_screen_action = full
    view_menu.addAction(full)
    view_menu.addSeparator()
    for dock in (w.layer_dock, w.panel_dock, w.details_dock, w.timeline_dock):
        view_menu.addAction(dock.toggleViewAction())

    tools_menu = w.menuBar().addMenu("&Tools")
    tools_menu.addActions([pan, measure])

    help_menu = w.menuBar().addMenu("&Help")
    about = QAction("&About mapapp", w)
    about.triggered.connect(w._about)
    help_menu.addAction(about)

    bar = QToolBar("Map tools", w)
    bar.setObjectName("map_toolbar")
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    bar.addActions([open_])
    bar.addSeparator()
    bar.addActions([zoom_in, zoom_out, fit, to_selection])
    bar.addSeparator()
    bar.addActions([pan, measure])
    bar.addSeparator()
    bar.addAction(density)
    bar.addSeparator()
    bar.addAction(compare)
    w.addToolBar(bar)


def _geocoding_settings(w: MainWindow) -> None:
    from mapapp.ui.online_places import GeocodingSettings

    w.geocoding_dialog = GeocodingSettings(w)
    w.geocoding_dialog.open()
