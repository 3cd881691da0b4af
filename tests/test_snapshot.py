"""`mapapp snapshot`: PNG, SVG and PDF through the window's drawing, with metadata, a
legend of what is drawn, and clean refusals of bad input."""

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

from mapapp.model.io import default_situation_path, load_situation
from mapapp.render import style
from tests.pixels import border_pixels, border_screen_line, colour_mask, image_rgb, share_near

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args, cwd=None):
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [sys.executable, "-m", "mapapp", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd or ROOT,
        timeout=120,
    )


@pytest.fixture(scope="module")
def layer(basemap):
    from mapapp.render.situation_layer import SituationLayer

    return SituationLayer(load_situation(default_situation_path()), basemap)


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory):
    out = tmp_path_factory.mktemp("snap") / "map.png"
    result = run_cli("snapshot", "-o", str(out), "--size", "1200x800", "--select", "battle")
    assert result.returncode == 0, result.stderr
    return out


def cli_view(layer, w=1200, h=800, bbox=None):
    from mapapp.render.snapshot import default_view

    return default_view(layer, w, h, bbox)


def outside_legend(mask, basemap, layer, view, **changes):
    """The mask with the legend box cleared (its swatches repeat the map's symbols)."""
    _, drawn = render(basemap, layer, view, **changes)
    r = drawn.legend_rect.toAlignedRect()
    mask = mask.copy()
    mask[r.top() : r.bottom() + 2, r.left() : r.right() + 2] = False
    return mask


def test_snapshot_has_the_border_where_the_border_is(snapshot, basemap, layer):
    image = QImage(str(snapshot))
    assert (image.width(), image.height()) == (1200, 800)
    view = cli_view(layer)
    mask = colour_mask(image_rgb(image), style.BORDER)
    mask = outside_legend(mask, basemap, layer, view, selected_event="battle", legend=True)
    assert share_near(mask, border_pixels(view)) > 0.9
    # ...and not far from it: every border-coloured pixel is within 4 px of the line
    import shapely

    ys, xs = np.nonzero(mask)
    assert len(xs) > 300
    far = shapely.distance(border_screen_line(view), shapely.points(xs, ys)) > 4.0
    assert far.sum() == 0, f"{far.sum()} border-coloured pixels away from the border"


def test_selected_marker_is_where_the_event_is(snapshot, basemap, layer):
    view = cli_view(layer)
    x, y = layer.event_position("battle")
    sx, sy = (round(v) for v in view.map_to_screen(x, y))
    rgb = image_rgb(QImage(str(snapshot)))
    ring = rgb[sy - 14 : sy + 15, sx - 14 : sx + 15].reshape(-1, 3).astype(int)
    amber = (np.abs(ring - [255, 179, 0]).sum(axis=1) < 60).sum()
    assert amber > 30  # the selection ring
    orange = np.abs(rgb.astype(int) - [217, 72, 15]).sum(axis=2) < 40
    orange = outside_legend(orange, basemap, layer, view, selected_event="battle", legend=True)
    ys, xs = np.nonzero(orange)
    assert len(xs) > 20
    assert np.hypot(xs.mean() - sx, ys.mean() - sy) < 6  # the battle symbol, centred there


def test_png_metadata(snapshot):
    image = QImage(str(snapshot))
    assert image.text("Title") == "Fighting near Tinzaouaten, northern Mali, July 2024"
    assert "bbc.com" in image.text("Source") and "Natural Earth" in image.text("Source")
    assert image.text("CRS").startswith("EPSG:3857")
    w, s, e, n = (float(v) for v in image.text("BBox").split(" ")[0].split(","))
    assert w < 2.97 < e and s < 19.95 < n
    assert image.text("Software").startswith("mapapp ")
    assert image.text("Creation Time").endswith("Z")


def test_svg_is_vector_with_metadata(tmp_path):
    out = tmp_path / "map.svg"
    r = run_cli("snapshot", "-o", str(out), "--size", "900x600")
    assert r.returncode == 0, r.stderr
    root = ET.parse(out).getroot()
    ns = {"svg": "http://www.w3.org/2000/svg", "dc": "http://purl.org/dc/elements/1.1/"}
    assert root.findall(".//svg:image", ns) == []
    assert len(root.findall(".//svg:path", ns)) > 100
    assert root.find(".//dc:title", ns).text.startswith("Fighting near Tinzaouaten")
    assert "EPSG:3857" in root.find(".//dc:coverage", ns).text


def test_pdf_opens_with_its_title(tmp_path):
    out = tmp_path / "map.pdf"
    r = run_cli("snapshot", "-o", str(out), "--size", "900x600")
    assert r.returncode == 0, r.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    if shutil.which("pdfinfo") is None:
        if os.environ.get("CI"):
            pytest.fail("pdfinfo missing on CI (poppler-utils)")
        pytest.skip("pdfinfo is not installed")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "Title:           Fighting near Tinzaouaten" in info
    assert "Creator:         mapapp" in info
    assert re.search(r"Page size:\s+675 x 450 pts", info)  # 900x600 px at 96 dpi
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True)
    assert len(images.stdout.strip().splitlines()) == 2  # header only: no bitmaps


def test_dpi_scales_the_png(tmp_path):
    out = tmp_path / "hi.png"
    r = run_cli("snapshot", "-o", str(out), "--size", "400x300", "--dpi", "192")
    assert r.returncode == 0, r.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (800, 600)


def test_snapshot_matches_the_window_drawing(snapshot, basemap, layer, qtbot):
    """The CLI output equals what the map widget paints with the same view and options."""
    from mapapp.render.snapshot import build_snapshot
    from mapapp.ui.map_view import MapView

    snap = build_snapshot(layer, basemap, cli_view(layer), select="battle")
    view = MapView(basemap)
    qtbot.addWidget(view)
    view.situation = layer
    view.resize(1200, 800)
    view.show()
    qtbot.waitUntil(lambda: view._painted)
    view.options = snap.options
    view.set_view(snap.view)
    mine = image_rgb(view.grab().toImage())
    theirs = image_rgb(QImage(str(snapshot)))
    assert mine.shape == theirs.shape
    diff = np.abs(mine.astype(int) - theirs.astype(int))
    assert (diff.max(axis=2) > 8).mean() < 0.002


def render(basemap, layer, view, **changes):
    from dataclasses import replace

    from PySide6.QtGui import QPainter

    from mapapp.render.scene import render_map
    from mapapp.render.snapshot import build_snapshot

    snap = build_snapshot(layer, basemap, view)
    options = replace(snap.options, **changes)
    image = QImage(view.width, view.height, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    drawn = render_map(painter, view, basemap, options, situation=layer)
    painter.end()
    return image, drawn


def test_legend_lists_exactly_the_symbols_drawn(basemap, layer):
    from mapapp.render.legend import LABELS

    view = cli_view(layer)
    _, drawn = render(basemap, layer, view)
    assert set(drawn.legend) == {
        "event:battle",
        "ring",
        "mali_algeria_border",
        "azawad",
        "mali_admin1",
        "country_edge",
        "places",
    }
    # hidden layers leave the legend with their symbols
    _, drawn = render(basemap, layer, view, layers=frozenset({"world_context", "countries_10m"}))
    assert drawn.legend == ["country_edge"]
    # a region-level selection adds its area; nothing elsewhere in the world adds Mali's
    _, drawn = render(basemap, layer, view, selected_event="takeover-2012")
    assert "area" in drawn.legend
    far = cli_view(layer, bbox=(-30.0, 60.0, -10.0, 68.0))
    _, drawn = render(basemap, layer, far)
    assert not {"mali_algeria_border", "azawad", "mali_admin1", "event:battle"} & set(drawn.legend)
    assert set(LABELS) >= {k for k in drawn.legend if not k.startswith("event:")}


def test_legend_box_is_drawn_with_its_rows(basemap, layer):
    view = cli_view(layer)
    with_legend, drawn = render(basemap, layer, view, legend=True)
    without, _ = render(basemap, layer, view, legend=False)
    diff = np.abs(image_rgb(with_legend).astype(int) - image_rgb(without).astype(int)).max(axis=2)
    ys, xs = np.nonzero(diff > 30)
    assert xs.min() > view.width * 0.5 and ys.min() > view.height * 0.4  # bottom right
    rows = (ys.max() - ys.min()) / 20
    assert abs(rows - (len(drawn.legend) + 1)) <= 1.5


@pytest.mark.parametrize(
    "args, message",
    [
        (["--size", "0x100"], "out of range"),
        (["--size", "100000x100000"], "out of range"),
        (["--size", "big"], "must look like"),
        (["--bbox", "10,0,5,20"], "west must be less than east"),
        (["--bbox", "0,10,5,5"], "south less than north"),
        (["--bbox=-200,0,5,20"], "outside"),
        (["--dpi"], "expected one argument"),
        (["--bbox", "0,0,5"], "W,S,E,N"),
        (["--dpi", "5000"], "out of range"),
        (["--select", "nothing"], "no event or claim"),
        (["--hide", "rivers"], "unknown layer"),
    ],
)
def test_bad_options_are_refused_with_one_line(tmp_path, args, message):
    out = tmp_path / "x.png"
    r = run_cli("snapshot", "-o", str(out), *args)
    assert r.returncode != 0
    assert message in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert "Traceback" not in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_unwritable_or_unknown_output_is_refused(tmp_path):
    r = run_cli("snapshot", "-o", str(tmp_path / "missing" / "x.png"))
    assert r.returncode != 0 and "does not exist" in r.stderr
    r = run_cli("snapshot", "-o", str(tmp_path / "x.bmp"))
    assert r.returncode != 0 and "unsupported output format" in r.stderr
    # a folder nobody can create files in, even root
    r = run_cli("snapshot", "-o", "/proc/mapapp-test.svg")
    assert r.returncode != 0 and "cannot write" in r.stderr, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_version():
    from mapapp import __version__

    r = run_cli("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"mapapp {__version__}"


def test_labels_never_overlap_and_the_focus_place_is_labelled(basemap, layer):
    from mapapp.ui.home import home_view

    for size in ((1600, 1000), (900, 600), (500, 400)):
        view = home_view(basemap, *size)
        image, drawn = render(basemap, layer, view, legend=True)
        texts = [t for t, _ in drawn.labels]
        assert "Tinzaouaten" in texts and "AZAWAD" in texts, texts
        for i, (_, a) in enumerate(drawn.labels):
            assert image.rect().contains(a.toAlignedRect())
            for _, b in drawn.labels[i + 1 :]:
                assert not a.intersects(b), (a, b)


def test_data_date_and_attribution_switch_separately(tmp_path):
    """Each part of the footer can be left out on its own (read back from the SVG's text)."""

    def texts(*flags):
        out = tmp_path / f"f{len(flags)}{'-'.join(flags)}.svg"
        assert run_cli("snapshot", "-o", str(out), *flags).returncode == 0
        root = ET.parse(out).getroot()
        return " | ".join(
            "".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")
        )

    both = texts()
    assert "Data as of 2026-11-24 · Natural Earth (public domain)" in both
    no_date = texts("--no-data-date")
    assert "Data as of" not in no_date and "Natural Earth (public domain)" in no_date
    date_only = texts("--no-attribution")
    assert "Data as of 2026-11-24" in date_only and "Natural Earth (public domain)" not in date_only


@pytest.mark.parametrize(
    ("first", "last", "shown"),
    [("2024-07-25", "2024-07-31", True), ("2024-08-01", "2024-12-31", False)],
)
def test_snapshot_from_to_shows_the_window_and_says_which(tmp_path, layer, first, last, shown):
    """The battle (2024-07-25 to 27) is drawn at Tinzaouaten only when the window overlaps
    it; the caption names the window."""
    out = tmp_path / "w.png"
    args = ("snapshot", "-o", str(out), "--size", "1200x800", "--no-legend")
    r = run_cli(*args, "--from", first, "--to", last)
    assert r.returncode == 0, r.stderr
    view = cli_view(layer)
    sx, sy = (round(v) for v in view.map_to_screen(*layer.event_position("battle")))
    rgb = image_rgb(QImage(str(out)))
    patch = rgb[sy - 8 : sy + 9, sx - 8 : sx + 9].reshape(-1, 3).astype(int)
    orange = (np.abs(patch - [217, 72, 15]).sum(axis=1) < 40).sum()
    assert bool(orange > 20) is shown
    svg = tmp_path / "w.svg"
    assert run_cli(*args[:2], str(svg), "--from", first, "--to", last).returncode == 0
    texts = ["".join(t.itertext()) for t in ET.parse(svg).iter("{http://www.w3.org/2000/svg}text")]
    assert any(f"Events: {first} to {last}" in t for t in texts)


@pytest.mark.parametrize("resolution", [1240.0, 6000.0, 25000.0])
def test_far_frames_draw_simplified_outlines_that_look_the_same(basemap, layer, resolution):
    """Far out, screens and PNGs draw the pack's simplified outlines (under half a pixel
    off); the picture is the full-detail one but for the phase of dashed lines."""
    from mapapp.geo.viewport import Viewport
    from mapapp.render import basemap as basemap_render

    home = cli_view(layer, 1600, 900)
    view = Viewport(home.cx, home.cy, resolution, 1600, 900)
    asked = []
    real = basemap_render.drawing_tolerance

    def spy(painter, view):
        asked.append(real(painter, view))
        return asked[-1]

    basemap_render.drawing_tolerance = spy
    try:
        simple = image_rgb(render(basemap, layer, view)[0])
        basemap_render.drawing_tolerance = lambda painter, view: 0.0
        full = image_rgb(render(basemap, layer, view)[0])
    finally:
        basemap_render.drawing_tolerance = real
    assert asked and all(t == resolution / 2 for t in asked)
    # a pixel matches if the full-detail picture has its colour within one pixel: lines
    # may move by up to half a pixel, and smoothing spreads that over two
    a, b = simple.astype(int), np.pad(full.astype(int), ((1, 1), (1, 1), (0, 0)), mode="edge")
    h, w = a.shape[:2]
    nearest = np.min(
        [np.abs(a - b[dy : dy + h, dx : dx + w]).max(axis=2) for dy in range(3) for dx in range(3)],
        axis=0,
    )
    differ = nearest > 40  # what is left: the phase of dashed lines
    assert differ.mean() < 0.0005, differ.sum()


def test_svg_and_pdf_keep_full_detail_and_hidpi_halves_the_tolerance(tmp_path):
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QPainter, QPdfWriter
    from PySide6.QtSvg import QSvgGenerator

    from mapapp.geo.viewport import Viewport
    from mapapp.render.basemap import drawing_tolerance

    view = Viewport(0, 0, 1000.0, 400, 300)
    image = QImage(400, 300, QImage.Format.Format_ARGB32_Premultiplied)
    hidpi = QImage(800, 600, QImage.Format.Format_ARGB32_Premultiplied)
    hidpi.setDevicePixelRatio(2.0)
    svg = QSvgGenerator()
    svg.setFileName(str(tmp_path / "t.svg"))
    svg.setSize(QSize(400, 300))
    pdf = QPdfWriter(str(tmp_path / "t.pdf"))
    expected = [(image, 500.0), (hidpi, 250.0), (svg, 0.0), (pdf, 0.0)]
    for device, tolerance in expected:
        painter = QPainter(device)
        assert drawing_tolerance(painter, view) == tolerance
        painter.end()
