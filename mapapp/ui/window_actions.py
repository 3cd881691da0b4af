"""The main window's menus, toolbar and shortcuts: every action and its key, in one place
(keys through ``unique_keys``, so none is bound twice)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from mapapp.i18n import translate
from mapapp.ui.shortcuts import unique_keys

if TYPE_CHECKING:
    from mapapp.ui.basemap_control import BasemapControl
    from mapapp.ui.dock_layout import DockLayout
    from mapapp.ui.document_session import DocumentSession
    from mapapp.ui.map_output import MapOutput
    from mapapp.ui.map_view import MapView
    from mapapp.ui.recent import RecentMenu
    from mapapp.ui.selection import SelectionCoordinator
    from mapapp.ui.window_dialogs import WindowDialogs


@dataclass
class WindowActions:
    """The actions others enable, check or trigger."""

    save: tuple[QAction, QAction]  # Save, Save as: not for a dataset
    export: QAction  # waits while an export runs
    measure: QAction
    density: QAction
    full_screen: QAction
    undo: QAction
    redo: QAction
    recent_menu: RecentMenu


def build_actions(
    w: QMainWindow,
    session: DocumentSession,
    selector: SelectionCoordinator,
    docks: DockLayout,
    dialogs: WindowDialogs,
    output: MapOutput,
    basemap: BasemapControl,
    mv: MapView,
) -> WindowActions:
    file_menu = w.menuBar().addMenu(translate("window", "&File"))
    open_ = QAction(translate("window", "&Open situation…"), w)
    open_.setShortcuts(unique_keys(QKeySequence.StandardKey.Open))
    open_.triggered.connect(dialogs.open_dialog)
    open_store = QAction(translate("window", "Open from s&tore…"), w)
    open_store.setShortcut(QKeySequence("Ctrl+Shift+O"))
    open_store.triggered.connect(lambda: w.store_view.open_dialog())
    new_article = QAction(translate("window", "&New situation from article…"), w)
    new_article.setShortcuts(unique_keys(QKeySequence.StandardKey.New))
    new_article.triggered.connect(dialogs.new_from_article_dialog)
    new_clipboard = QAction(translate("window", "New situation from &clipboard text"), w)
    new_clipboard.triggered.connect(dialogs.new_from_clipboard)
    save = QAction(translate("window", "&Save"), w)
    save.setShortcuts(unique_keys(QKeySequence.StandardKey.Save))
    save.triggered.connect(session.save)
    save_as = QAction(translate("window", "Save &as…"), w)
    save_as.setShortcuts(unique_keys(QKeySequence.StandardKey.SaveAs))
    save_as.triggered.connect(dialogs.save_as)
    export = QAction(translate("window", "&Export snapshot…"), w, shortcut=QKeySequence("Ctrl+E"))
    export.triggered.connect(output.export_snapshot)
    copy = QAction(translate("window", "&Copy map image"), w, shortcut=QKeySequence("Ctrl+Shift+C"))
    copy.triggered.connect(output.copy_image)
    print_ = QAction(translate("window", "&Print…"), w)
    print_.setShortcuts(unique_keys(QKeySequence.StandardKey.Print))
    print_.triggered.connect(output.print_map)
    quit_ = QAction(translate("window", "&Quit"), w)
    quit_.setShortcuts(unique_keys("Ctrl+Q", QKeySequence.StandardKey.Quit))
    quit_.triggered.connect(w.close)
    import_ = QAction(translate("window", "&Import GeoJSON or ACLED CSV…"), w)
    import_.triggered.connect(lambda: dialogs.open_dialog(translate("window", "Import data")))
    export_data = QAction(translate("window", "Export &data (GeoJSON, KML, CSV)…"), w)
    export_data.setShortcut(QKeySequence("Ctrl+Shift+E"))
    export_data.triggered.connect(dialogs.export_data_dialog)
    publish = QAction(translate("window", "Publish &web page…"), w)
    publish.triggered.connect(lambda: output.publish_page())
    from mapapp.ui.recent import RecentMenu

    file_menu.addActions([new_article, new_clipboard])
    file_menu.addAction(open_)
    file_menu.addAction(open_store)
    recent_menu = RecentMenu(session.start_loading, w)
    file_menu.addMenu(recent_menu)
    file_menu.addAction(import_)
    file_menu.addAction(basemap.file_action)
    file_menu.addSeparator()
    file_menu.addActions([save, save_as])
    file_menu.addSeparator()
    file_menu.addActions([export, export_data, publish, copy, print_])
    file_menu.addSeparator()
    file_menu.addAction(quit_)

    zoom_in = QAction(translate("window", "Zoom &in"), w)
    zoom_in.setShortcuts(unique_keys(QKeySequence.StandardKey.ZoomIn))
    zoom_in.triggered.connect(lambda: mv.zoom_by(1.5))
    zoom_out = QAction(translate("window", "Zoom &out"), w)
    zoom_out.setShortcuts(unique_keys(QKeySequence.StandardKey.ZoomOut))
    zoom_out.triggered.connect(lambda: mv.zoom_by(1 / 1.5))
    fit = QAction(translate("window", "Zoom to &fit"), w, shortcut=QKeySequence("Ctrl+0"))
    fit.triggered.connect(mv.zoom_to_fit)
    to_selection = QAction(
        translate("window", "Zoom to &selection"), w, shortcut=QKeySequence("Ctrl+J")
    )
    to_selection.triggered.connect(selector.zoom_to_selection)
    compare = QAction(translate("window", "&Compare figures…"), w, shortcut=QKeySequence("Ctrl+K"))
    compare.triggered.connect(dialogs.show_figures)
    search = QAction(translate("window", "&Search"), w)
    search.setShortcuts(unique_keys(QKeySequence.StandardKey.Find))
    search.triggered.connect(docks.focus_search)
    tools = QActionGroup(w)
    pan = QAction(translate("window", "&Pan / select"), w, checkable=True, checked=True)
    pan.setShortcut(QKeySequence("P"))
    measure = QAction(translate("window", "&Measure distance"), w, checkable=True)
    measure.setShortcut(QKeySequence("M"))
    measure.setToolTip(
        translate("window", "Measure: click two points for the geodesic distance (M)")
    )
    for a in (pan, measure):
        tools.addAction(a)
    measure.toggled.connect(mv.set_measure_mode)
    density = QAction(translate("window", "&Density view"), w, checkable=True)
    density.setShortcut(QKeySequence("D"))
    density.setToolTip(
        translate("window", "Events as a density grid instead of markers (D): for the lowest zooms")
    )
    density.toggled.connect(lambda on: mv.set_options(density=on))

    edit_menu = w.menuBar().addMenu(translate("window", "&Edit"))
    undo = session.undo_stack.createUndoAction(w, translate("window", "&Undo"))
    undo.setShortcuts(unique_keys(QKeySequence.StandardKey.Undo))
    redo = session.undo_stack.createRedoAction(w, translate("window", "&Redo"))
    redo.setShortcuts(unique_keys("Ctrl+Shift+Z", QKeySequence.StandardKey.Redo))
    history = QAction(translate("window", "Undo &history"), w)
    history.triggered.connect(dialogs.show_undo_history)
    edit_menu.addActions([undo, redo, history])
    edit_menu.addSeparator()
    geocoding = QAction(translate("window", "Online &geocoding…"), w)
    geocoding.triggered.connect(lambda: _geocoding_settings(w))
    edit_menu.addAction(geocoding)

    view_menu = w.menuBar().addMenu(translate("window", "&View"))
    view_menu.addActions([zoom_in, zoom_out, fit, to_selection, search, compare])
    view_menu.addSeparator()
    view_menu.addAction(density)
    view_menu.addMenu(basemap.menu)
    for label, attr in (
        (translate("window", "Scale bar"), "scale_bar"),
        (translate("window", "North arrow"), "north_arrow"),
        (translate("window", "Attribution"), "attribution"),
    ):
        act = QAction(label, w, checkable=True, checked=getattr(mv.options, attr))
        act.toggled.connect(lambda on, a=attr: mv.set_options(**{a: on}))
        view_menu.addAction(act)
    full = QAction(translate("window", "&Full screen"), w, checkable=True)
    full.setShortcuts(unique_keys("F11", QKeySequence.StandardKey.FullScreen))
    full.toggled.connect(lambda on: w.showFullScreen() if on else w.showNormal())
    view_menu.addAction(full)
    view_menu.addSeparator()
    for dock in docks.docks():
        view_menu.addAction(dock.toggleViewAction())
    view_menu.addSeparator()
    view_menu.addMenu(_language_menu(w))

    tools_menu = w.menuBar().addMenu(translate("window", "&Tools"))
    tools_menu.addActions([pan, measure])

    help_menu = w.menuBar().addMenu(translate("window", "&Help"))
    about = QAction(translate("window", "&About mapapp"), w)
    about.triggered.connect(dialogs.about)
    help_menu.addAction(about)

    bar = QToolBar(translate("window", "Map tools"), w)
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
    return WindowActions((save, save_as), export, measure, density, full, undo, redo, recent_menu)


def _language_menu(w: QMainWindow) -> QMenu:
    """English / Français, each named in itself (a reader lost in the other language still
    finds their own); the choice is remembered and takes effect at once."""
    from mapapp.i18n import LANGUAGES, language

    menu = QMenu(translate("window", "&Language"), w)
    menu.setObjectName("language_menu")
    group = QActionGroup(menu)
    for code, name in LANGUAGES.items():
        act = QAction(name, menu, checkable=True, checked=code == language())
        act.setData(code)
        act.triggered.connect(lambda _on=False, c=code: switch_language(c))
        group.addAction(act)
        menu.addAction(act)
    menu.aboutToShow.connect(
        lambda: [a.setChecked(a.data() == language()) for a in group.actions()]
    )
    return menu


def switch_language(code: str) -> None:
    """Remember ``code`` and speak it now: the new catalogues installed, every open window
    gets Qt's LanguageChange and words itself again."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from mapapp.i18n import install, language, set_language

    QSettings().setValue("language", code)
    if code == language():
        return
    set_language(code)
    install(QApplication.instance())


def _geocoding_settings(w: QMainWindow) -> None:
    from mapapp.ui.online_places import GeocodingSettings

    dialog = GeocodingSettings(w)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
