"""`mapapp snapshot` renders the window's map headless, and refuses bad input cleanly."""

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

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
def snapshot(tmp_path_factory):
    out = tmp_path_factory.mktemp("snap") / "map.png"
    result = run_cli("snapshot", "-o", str(out), "--size", "1200x800")
    assert result.returncode == 0, result.stderr
    return out


def test_snapshot_has_the_border_where_the_border_is(snapshot, basemap):
    from mapapp.ui.home import home_view

    image = QImage(str(snapshot))
    assert (image.width(), image.height()) == (1200, 800)
    view = home_view(basemap, 1200, 800)
    mask = colour_mask(image_rgb(image), style.BORDER)
    assert share_near(mask, border_pixels(view)) > 0.9
    # ...and not far from it: every border-coloured pixel is within 4 px of the line
    import shapely

    ys, xs = np.nonzero(mask)
    assert len(xs) > 500
    far = shapely.distance(border_screen_line(view), shapely.points(xs, ys)) > 4.0
    assert far.sum() == 0, f"{far.sum()} border-coloured pixels away from the border"


def test_snapshot_matches_the_window_drawing(snapshot, basemap, qtbot):
    """The CLI output equals what the map widget paints at the same size."""
    from mapapp.model.io import default_situation_path, load_situation
    from mapapp.render.situation_layer import SituationLayer
    from mapapp.ui.map_view import MapView

    view = MapView(basemap)
    qtbot.addWidget(view)
    layer = SituationLayer(load_situation(default_situation_path()), basemap)
    view.situation = layer
    view.set_options(focus_places=layer.focus_names())
    view.resize(1200, 800)
    view.show()
    qtbot.waitUntil(lambda: view._painted)
    mine = image_rgb(view.grab().toImage())
    theirs = image_rgb(QImage(str(snapshot)))
    assert mine.shape == theirs.shape
    diff = np.abs(mine.astype(int) - theirs.astype(int))
    assert (diff.max(axis=2) > 8).mean() < 0.001


@pytest.mark.parametrize(
    "args, message",
    [
        (["--size", "0x100"], "out of range"),
        (["--size", "100000x100000"], "out of range"),
        (["--size", "big"], "must look like"),
    ],
)
def test_bad_size_is_refused_with_one_line(tmp_path, args, message):
    out = tmp_path / "x.png"
    r = run_cli("snapshot", "-o", str(out), *args)
    assert r.returncode != 0
    assert message in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_unwritable_or_unknown_output_is_refused(tmp_path):
    r = run_cli("snapshot", "-o", str(tmp_path / "missing" / "x.png"))
    assert r.returncode != 0 and "does not exist" in r.stderr
    r = run_cli("snapshot", "-o", str(tmp_path / "x.bmp"))
    assert r.returncode != 0 and "unsupported output format" in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_version():
    from mapapp import __version__

    r = run_cli("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"mapapp {__version__}"


def test_labels_never_overlap_and_the_focus_place_is_labelled(basemap):
    from PySide6.QtGui import QImage, QPainter

    from mapapp.model.io import default_situation_path, load_situation
    from mapapp.render.situation_layer import SituationLayer

    layer = SituationLayer(load_situation(default_situation_path()), basemap)
    from mapapp.render.scene import RenderOptions, render_map
    from mapapp.ui.home import home_view

    for size in ((1600, 1000), (900, 600), (500, 400)):
        view = home_view(basemap, *size)
        image = QImage(*size, QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        labels = render_map(
            painter,
            view,
            basemap,
            RenderOptions(focus_places=frozenset({"Tinzaouaten"})),
            situation=layer,
        ).labels
        painter.end()
        texts = [t for t, _ in labels]
        assert "Tinzaouaten" in texts and "AZAWAD" in texts, texts
        for i, (_, a) in enumerate(labels):
            assert image.rect().contains(a.toAlignedRect())
            for _, b in labels[i + 1 :]:
                assert not a.intersects(b), (a, b)
