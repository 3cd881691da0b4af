"""Application start-up: QApplication, settings identity, the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QSize, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from mapapp import APP_ID, __version__
from mapapp.i18n import translate

if TYPE_CHECKING:
    from mapapp.exchange.early_read import EarlyRead
    from mapapp.exchange.table_cache import Markers
    from mapapp.geo.tile_sources import TileSource


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName("mapapp")
    QCoreApplication.setApplicationName("mapapp")
    QCoreApplication.setApplicationVersion(__version__)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QGuiApplication.setDesktopFileName(APP_ID)  # Wayland and docks match it to the entry
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """The hicolor PNGs (loaded when a size is asked for; no SVG plugin at start-up)."""
    from mapapp.resources_path import linux_dir

    icon = QIcon()
    hicolor = linux_dir() / "icons" / "hicolor"
    for n in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        icon.addFile(str(hicolor / f"{n}x{n}" / "apps" / f"{APP_ID}.png"), QSize(n, n))
    return icon


def use_language(app: QCoreApplication, asked: str | None = None) -> str:
    """--lang, else the language chosen last in View → Language, else the system's; the
    catalogues installed in ``app`` (Qt's own dialogs speak it too)."""
    from mapapp.i18n import choose_language, install, set_language

    remembered = QSettings().value("language", "")
    code = set_language(choose_language(asked, str(remembered) if remembered else None))
    install(app)
    return code


def run(
    file: str | None = None,
    tile_source: TileSource | None = None,
    early: EarlyRead | Markers | None = None,
    language: str | None = None,
) -> int:
    """``tile_source``: a basemap for this session (else the one chosen last time);
    ``early``: ``file`` already being read since start-up, or its cached markers;
    ``language``: --lang."""
    app = create_application()
    use_language(app, language)
    from mapapp.model.io import default_situation_path, load_situation
    from mapapp.render.basemap import default_basemap
    from mapapp.ui.crash_handler import CrashHandler
    from mapapp.ui.main_window import MainWindow

    crashes = CrashHandler(app)
    crashes.install()
    store = None
    if file:
        from mapapp.store.connection import names_a_store

        if names_a_store(file):  # a team's store: the map stays empty for its first markers
            store, file = file, None
    situation = None if file or store else load_situation(default_situation_path(), trusted=True)
    window = MainWindow(default_basemap(), situation)
    crashes.happened.connect(window.feedback.report_internal_error)
    if tile_source is not None:
        window.basemap_control.set_source(tile_source, remember=False)
    else:
        window.basemap_control.restore()
    if file:  # read on a worker while Qt starts and the basemap paints
        from mapapp.exchange.early_read import EarlyRead

        if isinstance(early, EarlyRead):
            job = window.session.start_loading(file, early)
        else:
            job = window.session.start_loading(file, markers=early)
        said = translate("window", "mapapp: error: {message}")
        job.failed.connect(lambda exc: print(said.format(message=exc), file=sys.stderr))
    if store:
        _open_store(window, store)
    if os.environ.get("MAPAPP_EXIT_AFTER_FIRST_PAINT") == "1":
        # quit once the first frame is painted and flushed: with FILE, the first frame
        # that draws FILE's events (not the bare basemap painted while it loads); with a
        # tile basemap, the first with all its tiles (or their failures)
        def painted() -> None:
            layer = window.map_view.situation
            if not window.map_view.tiles_settled():
                return
            if store:  # the store's first markers, or what it opened
                if (layer is not None and window.store_view.job is None) or _preview(layer):
                    QTimer.singleShot(0, _exit_now)
            elif not file or (layer is not None and layer.situation.path == Path(file)):
                QTimer.singleShot(0, _exit_now)

        window.map_view.painted.connect(painted)
        if store and window.store_view.job is not None:
            window.store_view.job.failed.connect(
                lambda _message: QTimer.singleShot(0, lambda: _exit_now(2))
            )
        if file:
            job.failed.connect(lambda _exc: QTimer.singleShot(0, lambda: _exit_now(2)))
    else:
        # pyproj is kept off the path to the first frame; load it before the pointer moves.
        window.map_view.first_painted.connect(lambda: QTimer.singleShot(30, _warm_up))
        window.map_view.first_painted.connect(
            lambda: QTimer.singleShot(0, lambda: window.autosave.offer_recovery(window))
        )
    window.show()
    return app.exec()


def _preview(layer) -> bool:
    from mapapp.render.preview_layer import PreviewLayer

    return isinstance(layer, PreviewLayer)


def _open_store(window, given: str) -> None:
    """``URL#NAME``: that shared situation; a URL alone: the store's list to choose from."""
    from mapapp.ui.store_open import split_store_target

    target = split_store_target(given)
    if target is None:
        box = window.store_view.open_dialog()
        box.url.setEditText(given)
        box.list_situations()
        return
    job_started = window.store_view.open_store(*target)
    job = window.store_view.job
    if job_started and job is not None:
        said = translate("window", "mapapp: error: {message}")
        job.failed.connect(lambda message: print(said.format(message=message), file=sys.stderr))


def _exit_now(code: int = 0) -> None:
    """Leave at once once the frame is on screen: what is timed is the way to the first
    frame, not freeing a million rows (the start-up peer leaves the same way)."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _warm_up() -> None:
    from mapapp.geo.projection import WEB_MERCATOR

    WEB_MERCATOR.inverse(0.0, 0.0)
