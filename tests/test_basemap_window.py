"""Tile basemaps in the window: the menus, what the map shows, failures, exports, and the
choice kept for the next start."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from mapapp.geo.projection import WEB_MERCATOR
from mapapp.geo.tiles import tile_at
from mapapp.geo.viewport import Viewport
from mapapp.render.tiles import plan_tiles
from tests.pixels import image_rgb
from tests.tile_files import make_mbtiles
from tests.tile_server import decode_colour

TINZAOUATEN = (2.96778, 19.94861)


def menu_action(window, menu_title: str, text: str):
    for action in window.menuBar().actions():
        if action.text().replace("&", "") == menu_title:
            for sub in action.menu().actions():
                if sub.text().replace("&", "").startswith(text):
                    return sub
    raise AssertionError(f"no {text!r} in {menu_title}")


def show_town(window, resolution: float = 19.0) -> Viewport:
    """Tinzaouaten at town scale, without Azawad's wash and the battle's uncertainty disc
    (both tint the tiles under them, and the pixel checks read tile colours)."""
    mv = window.map_view
    mv.set_layer_visible("azawad", False)
    mv.set_layer_visible("markers", False)
    x, y = WEB_MERCATOR.forward(*TINZAOUATEN)
    mv.set_view(Viewport(x, y, resolution, mv.width(), mv.height()))
    return mv.view


def wait_for_tiles(qtbot, window, timeout: int = 15_000) -> None:
    mv = window.map_view

    def drawn_with_tiles() -> bool:
        mv.repaint()
        return mv.tiles_settled() and bool(mv.last_drawn.tiles.keys)

    qtbot.waitUntil(drawn_with_tiles, timeout=timeout)


def coded_tile_at(window, sx: int, sy: int, z: int) -> tuple[int, int, int]:
    lon, lat = window.map_view.lonlat_at(sx, sy)
    key = tile_at(lon, lat, z)
    return key.z, key.x % 256, key.y % 256


def test_view_menu_offers_providers_custom_urls_and_files(situation_window):
    w = situation_window
    basemap_menu = menu_action(w, "View", "Basemap").menu()
    texts = [a.text().replace("&", "") for a in basemap_menu.actions() if a.text()]
    assert texts[0] == "None (vector map only)"
    assert "OpenStreetMap (standard tiles)" in texts
    assert "Esri World Imagery (satellite)" in texts
    assert "More providers…" in texts and "Custom tile URL…" in texts
    assert menu_action(w, "File", "Add basemap file") is w.basemap_control.file_action
    assert menu_action(w, "View", "Basemap").menu().actions()[0].isChecked()


def test_a_custom_url_puts_tiles_under_the_map_and_credits_them(
    situation_window, qtbot, tile_server
):
    w = situation_window
    dialog = w.basemap_control.custom_dialog()
    dialog.template.setText("not a url")
    dialog.accept()
    assert dialog.isVisible() and "http:// or https://" in dialog.error.text()
    dialog.template.setText(tile_server.template)
    dialog.attribution.setText("© Local test tiles")
    dialog.accept()
    assert not dialog.isVisible()
    view = show_town(w)
    wait_for_tiles(qtbot, w)
    plan = w.map_view.last_drawn.tiles
    assert plan.zoom == 13
    assert set(tile_server.requested()) >= {tuple(k) for k in plan.keys}
    assert any("Basemap: © Local test tiles" in line for line in w.map_view.last_drawn.footer)
    rgb = image_rgb(w.map_view.grab().toImage())
    sx, sy = view.width * 3 // 4, view.height // 4  # away from symbols, labels, overlays
    assert decode_colour(*rgb[sy, sx]) == coded_tile_at(w, sx, sy, 13)
    assert "Custom tiles (127.0.0.1" in w.basemap_control.status.toolTip()
    assert w.basemap_control.status.isVisibleTo(w)
    saved = json.loads(QSettings().value("basemap/source"))
    assert saved["location"] == tile_server.template
    # back to the vector map
    menu_action(w, "View", "Basemap").menu().actions()[0].trigger()
    assert w.map_view.tile_loader is None and QSettings().value("basemap/source") == ""


def test_a_provider_from_the_catalogue_dialog(situation_window):
    w = situation_window
    dialog = w.basemap_control.provider_dialog()
    assert dialog.list.count() > 200
    dialog.filter.setText("world imagery")
    assert dialog.chosen().name == "Esri.WorldImagery"
    dialog.filter.setText("opentopomap")
    dialog.accept()
    assert w.basemap_control.source.name == "OpenTopoMap"
    checked = [a for a in w.basemap_control.group.actions() if a.isChecked()]
    assert [a.text() for a in checked] == ["OpenTopoMap (terrain)"]
    w.basemap_control.set_source(None)


def test_a_tile_file_from_the_file_menu_brings_its_area_into_view(
    situation_window, qtbot, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    w = situation_window
    path = tmp_path / "sahel.mbtiles"
    make_mbtiles(path, range(5, 9), bounds=(10.0, 10.0, 12.0, 12.0))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    show_town(w, 400.0)  # far from the file's area
    menu_action(w, "File", "Add basemap file").trigger()
    lon, lat = w.map_view.lonlat_at(w.map_view.width() / 2, w.map_view.height() / 2)
    assert 10 < lon < 12 and 10 < lat < 12
    wait_for_tiles(qtbot, w)
    rgb = image_rgb(w.map_view.grab().toImage())
    plan = w.map_view.last_drawn.tiles
    sx, sy = w.map_view.width() // 2 + 30, w.map_view.height() // 2 - 30
    assert decode_colour(*rgb[sy, sx]) == coded_tile_at(w, sx, sy, plan.zoom)
    assert w.basemap_control.other_action.isChecked()
    assert w.basemap_control.other_action.text() == "Field tiles"


def test_an_unusable_file_says_why_and_keeps_the_map(situation_window, qtbot, tmp_path):
    w = situation_window
    bad = tmp_path / "broken.pmtiles"
    bad.write_bytes(b"PMTiles\x03" + b"\x00" * 20)
    before = w.map_view.view
    assert not w.basemap_control.add_file(bad)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert "not a readable PMTiles v3 archive" in box.text()
    box.close()
    assert w.map_view.tile_loader is None and w.map_view.view == before


def test_failing_tiles_leave_the_window_working_and_say_so_once(
    situation_window, qtbot, tile_server
):
    from mapapp.geo.tile_sources import custom_source

    w = situation_window
    view = show_town(w)
    plan = plan_tiles(view, custom_source(tile_server.template))
    tile_server.faults = {tuple(k): "500" for k in plan.keys[:6]}
    tile_server.latency = 0.2
    assert w.basemap_control.set_source(custom_source(tile_server.template))
    w.map_view.repaint()
    # the window answers while tiles are on their way: a pan is painted at once
    before = w.map_view.view
    qtbot.keyClick(w.map_view, "+")
    assert w.map_view.view.resolution < before.resolution
    w.map_view.set_view(before)
    w.message_label.setText("Snapshot written to /tmp/town.png")  # as an export leaves it
    status = w.basemap_control.status
    qtbot.waitUntil(lambda: "could not be loaded" in status.toolTip(), timeout=15_000)
    assert status.toolTip().startswith("Basemap: 6 tiles could not be loaded (HTTP 500 ×6)")
    assert status.text().startswith("Basemap: 6 tiles")  # cut to fit, whole in the tooltip
    # the basemap has its own line: the export's message is still there
    assert w.message_label.text() == "Snapshot written to /tmp/town.png"
    assert QApplication.activeModalWidget() is None  # no dialog storm
    w.basemap_control.set_source(None)
    assert not status.isVisibleTo(w) and status.toolTip() == ""


def test_the_window_s_export_has_the_tiles_and_their_credit(
    situation_window, qtbot, tile_server, tmp_path
):
    from mapapp.geo.tile_sources import custom_source
    from tests.test_export_gui import choices

    w = situation_window
    w.basemap_control.set_source(custom_source(tile_server.template, "© Export tiles"))
    view = show_town(w)
    wait_for_tiles(qtbot, w)
    out = tmp_path / "town.png"
    job = w.output.start_export(choices(out, view.width, view.height, dpi=192, title=""))
    qtbot.waitUntil(lambda: out.exists(), timeout=20_000)
    qtbot.waitUntil(lambda: job.isFinished())
    image = QImage(str(out))
    assert image.width() == view.width * 2
    assert "© Export tiles" in image.text("Basemap")
    # at 2x the export fetched zoom 14 (sharp at its density), beyond the window's 13
    assert 14 in {z for z, _, _ in tile_server.requested()}
    rgb = image_rgb(image)
    sx, sy = view.width * 3 // 4, view.height // 4
    assert decode_colour(*rgb[sy * 2, sx * 2]) == coded_tile_at(w, sx, sy, 14)
    w.basemap_control.set_source(None)


def test_the_choice_is_kept_for_the_next_start(situation_window, basemap, qtbot, tmp_path):
    from mapapp.model.io import default_situation_path, load_situation
    from mapapp.ui.main_window import MainWindow

    path = tmp_path / "field.mbtiles"
    make_mbtiles(path)
    assert situation_window.basemap_control.add_file(path)
    other = MainWindow(basemap, load_situation(default_situation_path()))
    qtbot.addWidget(other)
    other.basemap_control.restore()
    assert other.basemap_control.source == situation_window.basemap_control.source
    other.basemap_control.close()
    path.unlink()  # gone by the next start: the vector map, and a word about it
    third = MainWindow(basemap, load_situation(default_situation_path()))
    qtbot.addWidget(third)
    third.basemap_control.restore()
    assert third.map_view.tile_loader is None
    assert "is gone" in third.basemap_control.status.toolTip()


BAD_TEMPLATE = {"name": "x", "location": "https://x.example/{z}/{x}/{y}/{q}.png"}
BAD_ZOOM = {"name": "x", "location": "https://x.example/{z}/{x}/{y}.png", "max_zoom": "19"}


@pytest.mark.parametrize(
    "text",
    ["{not json", json.dumps({"name": 3}), json.dumps(BAD_TEMPLATE), json.dumps(BAD_ZOOM)],
)
def test_a_damaged_setting_is_dropped(situation_window, text):
    QSettings().setValue("basemap/source", text)
    situation_window.basemap_control.restore()
    assert situation_window.map_view.tile_loader is None
    assert not QSettings().value("basemap/source")


def test_switching_basemaps_during_an_export_still_writes_it(
    situation_window, qtbot, tile_server, tmp_path
):
    from mapapp.geo.tile_sources import custom_source
    from tests.test_export_gui import choices

    w = situation_window
    tile_server.latency = 0.5
    w.basemap_control.set_source(custom_source(tile_server.template))
    view = show_town(w)
    out = tmp_path / "switch.png"
    job = w.output.start_export(choices(out, view.width, view.height, dpi=192, title=""))
    w.basemap_control.set_source(None)  # while the export waits for its tiles
    qtbot.waitUntil(lambda: out.exists(), timeout=20_000)
    qtbot.waitUntil(lambda: job.isFinished())
    qtbot.waitUntil(lambda: w.menu_actions.export.isEnabled())
    assert "tiles missing" in QImage(str(out)).text("Basemap")
    # the status says both: written, and which tiles it lacks
    said = w.message_label.text()
    assert said.startswith(f"Snapshot written to {out}; ") and "could not be loaded" in said


def test_exit_after_first_paint_also_when_every_tile_fails(tile_server):
    import os
    import subprocess
    import sys

    tile_server.faults = {
        (z, x, y): "404"
        for z in range(8)
        for x in range(256)
        for y in range(256)
        if x < 2**z and y < 2**z
    }
    env = dict(os.environ, MAPAPP_EXIT_AFTER_FIRST_PAINT="1", QT_QPA_PLATFORM="offscreen")
    r = subprocess.run(
        [sys.executable, "-m", "mapapp", "--basemap", tile_server.template],
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert r.returncode == 0
    assert tile_server.requested()  # it did ask, and it did not wait forever
