"""File → Export snapshot, Copy map image and Print: the current view, off the GUI thread,
cancellable, and nothing partial left behind."""

import shutil
import subprocess
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage

from mapapp.geo.viewport import framing
from mapapp.render import style
from mapapp.ui.export_dialog import ExportChoices, ExportDialog
from tests.pixels import border_pixels, colour_mask, image_rgb, share_near


def choices(path, width=900, height=600, **changes):
    base = dict(
        path=Path(path),
        width=width,
        height=height,
        dpi=96,
        title="Export test",
        legend=False,
        scale_bar=True,
        north_arrow=True,
        attribution=True,
        data_date=True,
        caption=False,
    )
    return ExportChoices(**{**base, **changes})


def run_export(window, qtbot, c):
    job = window.output.start_export(c)
    assert job is not None
    wait_done(window, qtbot)
    return job


def wait_done(window, qtbot):
    """Until the window has handled the job's end. (Waiting for the job's own signal would
    race: a quick export can finish before a signal spy is connected.)"""
    qtbot.waitUntil(lambda: window.output.export_job is None, timeout=120_000)


def leftovers(folder):
    return sorted(p.name for p in Path(folder).iterdir() if p.name.endswith(".part"))


def test_png_export_is_the_current_view_with_the_border_in_place(situation_window, qtbot, tmp_path):
    w = situation_window
    out = tmp_path / "view.png"
    run_export(w, qtbot, choices(out))
    image = QImage(str(out))
    assert (image.width(), image.height()) == (900, 600)
    view = framing(w.map_view.view.bounds(), 900, 600, margin=0.0)
    mask = colour_mask(image_rgb(image), style.BORDER)
    assert share_near(mask, border_pixels(view)) > 0.9
    assert image.text("Title") == "Export test"
    assert "Natural Earth" in image.text("Source")
    assert w.message_label.text() == f"Snapshot written to {out}"


def test_png_export_with_the_selected_events_caption(situation_window, qtbot, tmp_path):
    w = situation_window
    w.selector.select("event", "battle")
    out = tmp_path / "battle.png"
    run_export(w, qtbot, choices(out, caption=True, legend=True, dpi=192))
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1800, 1200)  # 2x density
    assert image.text("Title") == "Export test"


@pytest.mark.parametrize("suffix", [".svg", ".pdf"])
def test_vector_exports_from_the_window(situation_window, qtbot, tmp_path, suffix):
    out = tmp_path / f"view{suffix}"
    run_export(situation_window, qtbot, choices(out))
    data = out.read_bytes()
    if suffix == ".svg":
        root = ET.fromstring(data)
        assert root.findall(".//{http://www.w3.org/2000/svg}path")
        assert b"Export test" in data
        assert not root.findall(".//{http://www.w3.org/2000/svg}image")
    else:
        assert data.startswith(b"%PDF")
        if shutil.which("pdfinfo"):
            info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
            assert "Export test" in info


def test_export_runs_off_the_gui_thread_and_the_window_keeps_running(
    situation_window, qtbot, tmp_path
):
    w = situation_window
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    job = w.output.start_export(choices(tmp_path / "big.png", 7000, 4500))
    started_ticks = len(ticks)
    wait_done(w, qtbot)
    timer.stop()
    assert job.worker_thread_id not in (None, threading.get_ident())
    assert len(ticks) - started_ticks > 0, "the event loop did not run during the export"
    assert QImage(str(tmp_path / "big.png")).width() == 7000


def test_cancel_leaves_nothing_behind(situation_window, qtbot, tmp_path):
    w = situation_window
    job = w.output.start_export(choices(tmp_path / "cancelled.png", 8000, 6000))
    job.cancel()
    wait_done(w, qtbot)
    assert list(tmp_path.iterdir()) == []
    assert "cancelled" in w.message_label.text()
    assert w.menu_actions.export.isEnabled()


def test_a_failed_export_is_reported_and_writes_nothing(situation_window, qtbot, tmp_path):
    w = situation_window
    run_export(w, qtbot, choices(tmp_path / "missing" / "x.png"))
    assert "does not exist" in w.feedback.last_error
    assert "Export failed" in w.message_label.text()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "size", "message"),
    [
        ("map.txt", (800, 600), "Unknown format"),
        ("map", (800, 600), "Unknown format"),
        ("map.png", (16000, 16000), "too large"),
        ("nowhere/map.png", (800, 600), "does not exist"),
    ],
)
def test_dialog_refuses_bad_choices_and_stays_open(qtbot, tmp_path, name, size, message):
    dialog = ExportDialog(None, tmp_path / name, size, "T", None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.isVisible()
    assert message in dialog.error_label.text()
    assert list(tmp_path.iterdir()) == []


def test_dialog_defaults_to_the_view_size_and_offers_the_caption_only_with_a_selection(qtbot):
    plain = ExportDialog(None, Path("/tmp/a.svg"), (1234, 567), "Title", None)
    qtbot.addWidget(plain)
    c = plain.choices()
    assert (c.width, c.height, c.title, c.caption) == (1234, 567, "Title", False)
    assert not plain.caption.isEnabled()
    assert not plain.dpi_box.isEnabled()  # density means nothing for vector output
    chosen = ExportDialog(None, Path("/tmp/a.png"), (800, 600), "Title", "The battle")
    qtbot.addWidget(chosen)
    assert chosen.choices().caption and "The battle" in chosen.caption.text()
    assert chosen.dpi_box.isEnabled()


def test_copy_map_image_puts_the_view_on_the_clipboard(situation_window, qtbot):
    from PySide6.QtWidgets import QApplication

    w = situation_window
    QApplication.clipboard().clear()
    w.output.copy_image()
    image = QApplication.clipboard().image()
    mv = w.map_view
    scale = w.devicePixelRatioF()
    assert (image.width(), image.height()) == (
        round(mv.width() * scale),
        round(mv.height() * scale),
    )
    mask = colour_mask(image_rgb(image), style.BORDER)
    assert share_near(mask, border_pixels(mv.view) * scale) > 0.9


def test_print_draws_the_view_on_a_page(situation_window, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from mapapp.ui.printing import paint_page

    w = situation_window
    mv = w.map_view
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    paint_page(
        printer,
        mv.view,
        lambda view: w.output.snapshot_for(view, title="Printed map"),
        mv.basemap,
        mv.situation,
    )
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
        assert "Printed map" in text
        assert "Tinzaouaten" in text


def test_print_preview_paints_the_map(situation_window, qtbot):
    from mapapp.ui.printing import make_printer, print_preview

    w = situation_window
    mv = w.map_view
    painted = []
    dialog = print_preview(
        w,
        make_printer(mv.view, "P"),
        mv.view,
        lambda view: w.output.snapshot_for(view, title="P"),
        mv.basemap,
        mv.situation,
    )
    dialog.paintRequested.connect(lambda printer: painted.append(printer.pageLayout()))
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: len(painted) > 0, timeout=10_000)
    assert painted[0].orientation().name == "Landscape"
    dialog.reject()


def test_import_an_acled_csv_and_export_it_as_kml(situation_window, qtbot, tmp_path):
    from tests.test_exchange import FIXTURE_CSV

    w = situation_window
    assert w.session.open_file(FIXTURE_CSV)
    assert w.session.situation.title == "Imported from acled-fixture.csv"
    assert len(w.map_view.situation.marker_events) == 4  # region-level FIX3 is coded to a point
    out = tmp_path / "fixture.kml"
    assert w.dialogs.export_data(out) == []
    root = ET.fromstring(out.read_bytes())
    names = [n.text for n in root.iter("{http://www.opengis.net/kml/2.2}name")]
    assert "Armed clash: Fixture Well" in names


def test_export_data_reports_what_the_format_cannot_hold(situation_window, tmp_path):
    w = situation_window
    notes = w.dialogs.export_data(tmp_path / "tinzaouaten.csv")
    assert any("takeover-2012" in n for n in notes)
    assert (tmp_path / "tinzaouaten.csv").exists()
    assert w.dialogs.export_data(tmp_path / "x.shp") is None
    assert "unsupported output format" in w.feedback.last_error
    assert not (tmp_path / "x.shp").exists()
