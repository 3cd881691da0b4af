"""Every shortcut of the main window, pressed the way a user presses it: a key event to
the shown, active window, then its effect. Reading ``action.shortcuts()`` cannot see a
key that Qt refuses as ambiguous; pressing it can.

The same window on a real X server (where the platform theme expands the standard keys
differently) is covered by tests/test_xvfb.py."""

from __future__ import annotations

from collections import defaultdict

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget


def key_owners(window: QWidget) -> dict[str, list[str]]:
    """Key sequence → the enabled actions of ``window`` bound to it, one entry per binding
    (an action listing the same key twice appears twice)."""
    owners: dict[str, list[str]] = defaultdict(list)
    for action in window.findChildren(QAction):
        if not action.isEnabled():
            continue
        for seq in action.shortcuts():
            owners[seq.toString(QKeySequence.SequenceFormat.PortableText)].append(
                action.text().replace("&", "")
            )
    return owners


def ambiguous(window: QWidget) -> dict[str, list[str]]:
    return {k: v for k, v in key_owners(window).items() if len(v) > 1}


def test_no_key_sequence_is_bound_twice(situation_window):
    assert ambiguous(situation_window) == {}


def test_the_check_sees_a_key_bound_twice(situation_window):
    """The check above can fail: the bug it guards against, rebuilt."""
    extra = QAction("Quit again", situation_window)
    extra.setShortcuts([QKeySequence("Ctrl+Q"), QKeySequence("Ctrl+Q")])
    situation_window.addAction(extra)
    try:
        assert "Ctrl+Q" in ambiguous(situation_window)
    finally:
        situation_window.removeAction(extra)
        extra.deleteLater()


def test_standard_keys_are_expanded_once():
    from mapapp.ui.shortcuts import unique_keys

    keys = [
        s.toString()
        for s in unique_keys("F11", QKeySequence.StandardKey.FullScreen, "F11", "Ctrl+Q")
    ]
    assert keys.count("F11") == 1 and keys.count("Ctrl+Q") == 1
    expected = {s.toString() for s in QKeySequence.keyBindings(QKeySequence.StandardKey.FullScreen)}
    assert expected <= set(keys)


@pytest.fixture
def active_window(situation_window, qtbot, monkeypatch):
    """The shown window, active, with every modal dialog the shortcuts open replaced by a
    recorder (a modal dialog would block the test)."""
    from PySide6.QtWidgets import QFileDialog

    from mapapp.ui import export_dialog, main_window, printing, store_open

    w = situation_window
    calls: dict[str, int] = defaultdict(int)

    def record(name, result):
        def fake(*args, **kwargs):
            calls[name] += 1
            return result

        return fake

    monkeypatch.setattr(QFileDialog, "getOpenFileName", record("open", ("", "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", record("save", ("", "")))
    monkeypatch.setattr(
        export_dialog.ExportDialog, "exec", record("export", export_dialog.ExportDialog.Rejected)
    )

    class Preview:
        exec = staticmethod(record("print", 0))

    monkeypatch.setattr(printing, "print_preview", lambda *a, **k: Preview())
    monkeypatch.setattr(store_open.StoreOpenDialog, "open", record("store", None))
    assert main_window  # the window imports printing lazily, so the patch above holds
    w.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is w.windowHandle())
    w.map_view.setFocus()
    w.calls = calls
    return w


def press(window: QWidget, key: str) -> None:
    QTest.keySequence(window.windowHandle(), QKeySequence(key))


def test_every_shortcut_fires_its_action_once(active_window, qtbot):
    w = active_window
    actions = [a for a in w.findChildren(QAction) if a.shortcuts() and a.isEnabled()]
    assert len(actions) >= 14
    for action in actions:
        if action.text() == "&Quit":
            continue  # closes the window: its own test below
        for seq in action.shortcuts():
            fired = []
            action.triggered.connect(lambda *_, f=fired: f.append(1))
            QTest.keySequence(w.windowHandle(), seq)
            qtbot.wait(1)
            name = f"{action.text()!r} on {seq.toString()}"
            assert fired == [1], f"{name} fired {len(fired)} times"
            action.triggered.disconnect()
            _reconnect(w, action)
            if w.isFullScreen():
                w.menu_actions.full_screen.setChecked(False)
            w.activateWindow()
            w.map_view.setFocus()


def _reconnect(w, action):
    """Give back the slot the test took away with ``disconnect()``."""
    slots = {
        "&Open situation…": w.dialogs.open_dialog,
        "&Export snapshot…": w.output.export_snapshot,
        "&Copy map image": w.output.copy_image,
        "&Print…": w.output.print_map,
        "Export &data (GeoJSON, KML, CSV)…": w.dialogs.export_data_dialog,
        "Zoom &in": lambda: w.map_view.zoom_by(1.5),
        "Zoom &out": lambda: w.map_view.zoom_by(1 / 1.5),
        "Zoom to &fit": w.map_view.zoom_to_fit,
        "Zoom to &selection": w.selector.zoom_to_selection,
        "&Compare figures…": w.dialogs.show_figures,
        "&Search": w.docks.focus_search,
    }
    if action.text() in slots:
        action.triggered.connect(slots[action.text()])
    elif action is w.menu_actions.full_screen:
        action.toggled.connect(lambda on: w.showFullScreen() if on else w.showNormal())


def test_ctrl_q_closes_the_window(active_window, qtbot):
    w = active_window
    press(w, "Ctrl+Q")
    qtbot.waitUntil(lambda: not w.isVisible())


def test_f11_toggles_full_screen(active_window, qtbot):
    w = active_window
    press(w, "F11")
    qtbot.waitUntil(w.isFullScreen)
    press(w, "F11")
    qtbot.waitUntil(lambda: not w.isFullScreen())


def test_zoom_keys_change_the_view(active_window, qtbot):
    w = active_window
    res = w.map_view.view.resolution
    press(w, QKeySequence(QKeySequence.StandardKey.ZoomIn).toString())
    assert w.map_view.view.resolution == pytest.approx(res / 1.5)
    press(w, QKeySequence(QKeySequence.StandardKey.ZoomOut).toString())
    press(w, QKeySequence(QKeySequence.StandardKey.ZoomOut).toString())
    assert w.map_view.view.resolution == pytest.approx(res * 1.5)
    press(w, "Ctrl+0")
    fitted = w.map_view.view.resolution
    w.map_view.zoom_by(3)
    press(w, "Ctrl+0")
    assert w.map_view.view.resolution == pytest.approx(fitted)


def test_dialog_shortcuts_open_their_dialogs(active_window, qtbot):
    w = active_window
    for key, name in (
        ("Ctrl+O", "open"),
        ("Ctrl+E", "export"),
        ("Ctrl+Shift+E", "save"),
        ("Ctrl+P", "print"),
    ):
        press(w, key)
        qtbot.waitUntil(lambda n=name: w.calls[n] == 1)


def test_search_compare_copy_measure_and_selection_keys(active_window, qtbot):
    w = active_window
    press(w, "Ctrl+F")
    qtbot.waitUntil(lambda: w.docks.panel.search.hasFocus())
    w.map_view.setFocus()
    press(w, "Ctrl+K")
    qtbot.waitUntil(lambda: w.dialogs.figures_window is not None)
    assert w.dialogs.figures_window.isVisible()
    w.dialogs.figures_window.close()
    w.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is w.windowHandle())
    w.map_view.setFocus()
    QGuiApplication.clipboard().clear()
    press(w, "Ctrl+Shift+C")
    image = QGuiApplication.clipboard().image()
    assert not image.isNull() and image.width() >= w.map_view.width()
    press(w, "M")
    assert w.menu_actions.measure.isChecked()
    press(w, "P")
    assert not w.menu_actions.measure.isChecked()
    press(w, "D")
    assert w.menu_actions.density.isChecked() and w.map_view.options.density
    press(w, "D")
    assert not w.map_view.options.density
    battle = next(e.id for e in w.session.situation.events.values() if e.type == "battle")
    w.selector.select("event", battle)
    w.map_view.zoom_by(1 / 20)
    far = w.map_view.view.resolution
    w.map_view.setFocus()
    press(w, "Ctrl+J")
    assert w.map_view.view.resolution < far


def test_map_keys_pan_and_zoom(active_window):
    w = active_window
    mv = w.map_view
    cx, res = mv.view.cx, mv.view.resolution
    QTest.keyClick(mv, Qt.Key.Key_Right)
    assert mv.view.cx > cx
    QTest.keyClick(mv, Qt.Key.Key_Plus)
    assert mv.view.resolution < res
