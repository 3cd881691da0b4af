"""Negative coordinates on the command line, typed as users type them: every box west of
Greenwich (all of Mali's west) starts with a minus sign, which argparse alone would take
for an option."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from tests.cli_run import mapapp


def bbox_of(png) -> tuple[float, ...]:
    text = QImage(str(png)).text("BBox")
    return tuple(float(v) for v in text.split(" ", 1)[0].split(","))


@pytest.mark.parametrize(
    "bbox", ["-6,14,5,22", "-6.5,-14,5,22", "-12.25,10,-4,25.5", "-1e1,14,5,22"]
)
def test_a_negative_bbox_works_without_an_equals_sign(tmp_path, bbox):
    out = tmp_path / "west.png"
    r = mapapp("snapshot", "--bbox", bbox, "-o", out, "--size", "400x300")
    assert r.returncode == 0, r.stderr
    w, s, e, n = bbox_of(out)
    want = [float(v) for v in bbox.split(",")]
    # the frame keeps the box whole at the image's aspect: it contains the box asked for
    assert w <= want[0] + 1e-6 and s <= want[1] + 1e-6
    assert e >= want[2] - 1e-6 and n >= want[3] - 1e-6
    assert w < want[0] + 1 and e > want[2] - 1  # and is that box, not some default frame


def test_an_option_is_still_an_option_where_a_value_was_due(tmp_path):
    out = tmp_path / "x.png"
    r = mapapp("snapshot", "--bbox", "-o", out)
    assert r.returncode == 2
    assert r.stderr.strip().count("\n") == 0 and "--bbox" in r.stderr
    assert not out.exists()


def test_a_bad_negative_bbox_is_one_clear_line(tmp_path):
    out = tmp_path / "x.png"
    r = mapapp("snapshot", "--bbox", "-6,14,5", "-o", out)
    assert r.returncode == 2
    assert r.stderr.strip() == "mapapp: error: --bbox must be W,S,E,N in degrees, not '-6,14,5'"
    assert not out.exists()
