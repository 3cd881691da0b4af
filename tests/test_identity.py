"""Application identity: icon, settings names, About, standard shortcuts, recent files,
first-run size."""

import shutil

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QKeySequence

from tests.test_exchange import FIXTURE_CSV


def shortcuts(window):
    out = {}
    for action in window.findChildren(type(window.menu_actions.export)):
        for seq in action.shortcuts():
            out[seq.toString()] = action.text().replace("&", "")
    return out


def test_settings_identity_and_icon(situation_window):
    assert QCoreApplication.organizationName() == "mapapp"
    assert QCoreApplication.applicationName() == "mapapp"
    assert QGuiApplication.desktopFileName() == "org.mapapp.Mapapp"
    icon = QGuiApplication.windowIcon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= {16, 32, 48, 256}
    assert not situation_window.windowIcon().pixmap(32, 32).isNull()


def test_standard_shortcuts(situation_window):
    keys = shortcuts(situation_window)
    assert keys["Ctrl+O"].startswith("Open situation")
    assert keys["Ctrl+E"].startswith("Export snapshot")
    assert keys["Ctrl+P"].startswith("Print")
    assert keys["Ctrl+F"] == "Search"
    assert keys["Ctrl+Q"] == "Quit"
    assert keys["F11"] == "Full screen"
    assert keys[QKeySequence("Ctrl+Shift+E").toString()].startswith("Export data")


def test_full_screen_toggles(situation_window, qtbot):
    w = situation_window
    w.menu_actions.full_screen.trigger()
    qtbot.waitUntil(w.isFullScreen)
    w.menu_actions.full_screen.trigger()
    qtbot.waitUntil(lambda: not w.isFullScreen())


def test_recent_files_newest_first_without_vanished_ones(situation_window, tmp_path, qtbot):
    w = situation_window
    first = tmp_path / "first.csv"
    second = tmp_path / "second & more.csv"
    shutil.copy(FIXTURE_CSV, first)
    shutil.copy(FIXTURE_CSV, second)
    assert w.session.open_file(first) and w.session.open_file(second) and w.session.open_file(first)
    w.menu_actions.recent_menu.rebuild()
    labels = [a.text() for a in w.menu_actions.recent_menu.actions() if a.text()]
    assert labels[:2] == ["&1 first.csv", "&2 second && more.csv"]
    second.unlink()
    w.menu_actions.recent_menu.rebuild()
    labels = [a.text() for a in w.menu_actions.recent_menu.actions() if a.text()]
    assert "&2 second && more.csv" not in labels
    # choosing an entry opens it
    w.session.open_file(FIXTURE_CSV)
    next(a for a in w.menu_actions.recent_menu.actions() if "first.csv" in a.text()).trigger()
    qtbot.waitUntil(lambda: w.session.situation.path == first)  # read on a worker thread


def test_about_names_version_data_sources_and_licences(situation_window):
    from mapapp import __version__
    from mapapp.ui.about import about_text

    head, details = about_text(situation_window.session.situation)
    assert f"mapapp {__version__}" in head
    assert "Natural Earth" in details and "public domain" in details
    assert "GeoNames (CC BY 4.0)" in details
    assert "BBC News" in details and "https://www.bbc.com/news/articles/cq5xvl1111yo" in details
    assert "MIT" in details and "LGPLv3" in details
    box = situation_window.dialogs.about()
    assert situation_window.dialogs.about_box.isVisible()
    situation_window.dialogs.about_box.close()
    assert box is None


def test_first_run_size_fits_the_screen(qtbot, clean_settings, basemap):
    from mapapp.ui.main_window import MainWindow

    w = MainWindow(basemap)
    qtbot.addWidget(w)
    screen = w.screen().availableGeometry()
    assert w.width() <= screen.width() and w.height() <= screen.height()
    assert w.width() <= 1600 and w.height() <= 1000
    assert w.width() >= min(1600, int(screen.width() * 0.9)) - 1


def test_first_run_size_on_small_and_large_screens():
    from mapapp.ui.main_window import first_run_size

    assert first_run_size(1366, 728) == (1229, 655)  # a small laptop: 90%
    assert first_run_size(1024, 560) == (921, 560)  # a netbook: the height it has
    assert first_run_size(3840, 2080) == (1600, 1000)  # 4K at 100%: capped
    assert first_run_size(1920, 1040) == (1600, 936)  # 4K at 200% is 1920x1080 logical
    assert first_run_size(0, 0) == (1600, 1000)  # no screen known (offscreen)
