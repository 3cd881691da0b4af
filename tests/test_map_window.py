"""The real window, driven offscreen with pytest-qt."""

import re

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from mapapp.geo.projection import WEB_MERCATOR
from mapapp.render import style
from tests.pixels import border_pixels, colour_mask, image_rgb, share_near

TINZAOUATEN = (2.96778, 19.94861)


@pytest.fixture
def window(qtbot, clean_settings, basemap):
    from mapapp.ui.main_window import MainWindow

    w = MainWindow(basemap)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.docks.layer_list is not None)  # docks fill in after the first frame
    return w


def screen_of(view, lon, lat):
    return view.map_to_screen(*WEB_MERCATOR.forward(lon, lat))


def test_opens_on_northern_mali_with_tinzaouaten_in_view(window):
    mv = window.map_view
    sx, sy = screen_of(mv.view, *TINZAOUATEN)
    assert 0 < sx < mv.width() and 0 < sy < mv.height()
    for name in ("Kidal", "Timbuktu", "Gao"):
        from mapapp.geo.layers import place

        p = place(name).geometry
        x, y = screen_of(mv.view, p.x, p.y)
        assert 0 < x < mv.width() and 0 < y < mv.height(), name


def test_wheel_zooms_about_the_pixel_under_the_cursor(window, qtbot):
    mv = window.map_view
    pos = QPointF(mv.width() * 0.8, mv.height() * 0.3)
    before = mv.lonlat_at(pos.x(), pos.y())
    res = mv.view.resolution
    event = QWheelEvent(
        pos,
        mv.mapToGlobal(pos),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(mv, event)
    assert mv.view.resolution == pytest.approx(res / 1.25**2)
    after = mv.lonlat_at(pos.x(), pos.y())
    assert after == pytest.approx(before, abs=0.01)


def test_status_bar_reads_tinzaouaten_coordinates(window, qtbot):
    mv = window.map_view
    sx, sy = screen_of(mv.view, *TINZAOUATEN)
    qtbot.mouseMove(mv, QPoint(round(sx), round(sy)))
    qtbot.waitUntil(lambda: window.coords_label.text() != "")
    text = window.coords_label.text()
    m = re.match(r"([\d.]+)° ([NS])\s+([\d.]+)° ([EW])", text)
    assert m, text
    lat = float(m[1]) * (1 if m[2] == "N" else -1)
    lon = float(m[3]) * (1 if m[4] == "E" else -1)
    assert lat == pytest.approx(19.95, abs=0.02)
    assert lon == pytest.approx(2.97, abs=0.02)


def test_keys_pan_and_zoom(window, qtbot):
    mv = window.map_view
    mv.setFocus()
    v0 = mv.view
    qtbot.keyClick(mv, Qt.Key.Key_Right)
    assert mv.view.cx > v0.cx and mv.view.cy == v0.cy
    qtbot.keyClick(mv, Qt.Key.Key_Plus)
    assert mv.view.resolution < v0.resolution
    qtbot.keyClick(mv, Qt.Key.Key_Minus)
    qtbot.keyClick(mv, Qt.Key.Key_Minus)
    assert mv.view.resolution > v0.resolution
    qtbot.keyClick(mv, Qt.Key.Key_0)
    assert mv.view.cx == pytest.approx(v0.cx) and mv.view.resolution == pytest.approx(v0.resolution)


def test_drag_pans_the_map(window, qtbot):
    mv = window.map_view
    start = QPoint(400, 400)
    lonlat = mv.lonlat_at(400, 400)
    qtbot.mousePress(mv, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(mv, QPoint(450, 420))
    qtbot.mouseMove(mv, QPoint(500, 440))
    qtbot.mouseRelease(mv, Qt.MouseButton.LeftButton, pos=QPoint(500, 440))
    assert mv.lonlat_at(500, 440) == pytest.approx(lonlat, abs=1e-6)


def test_toggling_the_border_layer_hides_its_pixels(window, qtbot):
    mv = window.map_view
    points = border_pixels(mv.view)
    shown = colour_mask(image_rgb(mv.grab().toImage()), style.BORDER)
    assert share_near(shown, points) > 0.9
    item = next(
        window.docks.layer_list.item(i)
        for i in range(window.docks.layer_list.count())
        if window.docks.layer_list.item(i).data(Qt.ItemDataRole.UserRole) == "mali_algeria_border"
    )
    item.setCheckState(Qt.CheckState.Unchecked)
    hidden = colour_mask(image_rgb(mv.grab().toImage()), style.BORDER)
    assert share_near(hidden, points) < 0.02
    assert hidden.sum() < shown.sum() * 0.02


def test_measure_tool_gives_geodesic_distance(window, qtbot):
    from mapapp.geo.layers import place

    mv = window.map_view
    window.menu_actions.measure.trigger()
    results = []
    mv.measured.connect(lambda km, bearing: results.append(km))
    kidal, gao = place("Kidal").geometry, place("Gao").geometry
    for p in (kidal, gao):
        x, y = screen_of(mv.view, p.x, p.y)
        qtbot.mouseClick(mv, Qt.MouseButton.LeftButton, pos=QPoint(round(x), round(y)))
    assert len(results) == 1
    from geopy.distance import geodesic

    expected = geodesic((kidal.y, kidal.x), (gao.y, gao.x)).km
    # one pixel of rounding at this zoom is ~2 km
    assert results[0] == pytest.approx(expected, abs=2 * mv.view.resolution / 1000 * 1.5)
    assert "km" in window.message_label.text()


def test_window_geometry_and_view_are_remembered(qtbot, clean_settings, basemap):
    from mapapp.ui.main_window import MainWindow

    w = MainWindow(basemap)
    qtbot.addWidget(w)
    w.resize(790, 560)  # inside the offscreen platform's 800x600 screen
    w.show()
    qtbot.waitUntil(lambda: w.map_view._painted)
    w.map_view.zoom_by(3.0, QPointF(100, 100))
    saved = w.map_view.view
    w.close()
    w2 = MainWindow(basemap)
    qtbot.addWidget(w2)
    w2.show()
    qtbot.waitUntil(lambda: w2.map_view.view.resolution == pytest.approx(saved.resolution))
    # a long status message (the places found, a file opened) does not widen the window
    w2.docks.ensure()  # with its docks, a window fits an 800-pixel screen
    w2.feedback.say("Opened a-file-with-a-long-name.situation.json (1,234 events) " * 3)
    qtbot.wait(20)
    assert (w2.size().width(), w2.size().height()) == (790, 560)
    assert w2.map_view.view.cx == pytest.approx(saved.cx)
    assert w2.map_view.view.cy == pytest.approx(saved.cy)


def test_scale_bar_follows_latitude(basemap):
    from mapapp.geo.geodesy import geodesic_m
    from mapapp.geo.viewport import Viewport
    from mapapp.render.overlays import scale_bar_length

    for lat in (0.0, 20.0, 60.0):
        x, y = WEB_MERCATOR.forward(0.0, lat)
        v = Viewport(x, y, 2000.0, 1000, 800)
        metres, px, bar_lat = scale_bar_length(v, 200, basemap)
        assert bar_lat == pytest.approx(lat, abs=0.01)
        # the bar's pixel length, measured back on the ground, is the label
        lon_a, _ = WEB_MERCATOR.inverse(*v.screen_to_map(500 - px / 2, 400))
        lon_b, _ = WEB_MERCATOR.inverse(*v.screen_to_map(500 + px / 2, 400))
        assert geodesic_m(lon_a, lat, lon_b, lat) == pytest.approx(metres, rel=1e-3)
    assert np.isfinite(metres)


def test_pack_inverse_tables_agree_with_pyproj(basemap):
    rng = np.random.default_rng(7)
    lon = rng.uniform(-179, 179, 500)
    lat = rng.uniform(-84, 84, 500)
    x, y = WEB_MERCATOR.forward(lon, lat)
    got = np.array([basemap.pack.lonlat_at(a, b) for a, b in zip(x, y, strict=True)])
    assert np.abs(got[:, 0] - lon).max() < 1e-6
    err = np.abs(got[:, 1] - lat)
    assert err.max() < 2e-3
    assert err[np.abs(lat) < 30].max() < 1e-4
