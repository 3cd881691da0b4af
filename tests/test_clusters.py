"""Clusters keep their categories: each drawn cluster's split by type equals its members'
types, on both the small (Python) and the large (numpy) path, and the ring shows it."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from mapapp.geo.viewport import Viewport
from mapapp.render.bubbles import paint_bubble
from mapapp.render.markers import MarkerLayer
from mapapp.render.symbols import MarkerStyle

STYLES = [
    MarkerStyle("circle", QColor("#c0392b")),
    MarkerStyle("square", QColor("#2e86c1")),
    MarkerStyle("diamond", QColor("#c0392b")),  # same colour as 0, another type
]


def layer(n: int, vectorised: bool, seed: int = 7) -> MarkerLayer:
    rng = random.Random(seed)
    xs = [rng.gauss(0, 40_000) for _ in range(n)]
    ys = [rng.gauss(0, 40_000) for _ in range(n)]
    kinds = [rng.randrange(len(STYLES)) for _ in range(n)]
    return MarkerLayer(xs, ys, kinds, STYLES, vectorised=vectorised)


@pytest.mark.parametrize("vectorised", [False, True], ids=["python", "numpy"])
def test_each_cluster_split_matches_its_members(vectorised, qapp):
    markers = layer(3000, vectorised)
    view = Viewport(0, 0, 600, 900, 700)
    frame = markers.frame(view)
    clusters = [k for k in range(len(frame.sx)) if int(frame.count[k]) > 1]
    assert len(clusters) > 40
    for k in clusters:
        hit = markers.hit_test(view, float(frame.sx[k]), float(frame.sy[k]))
        assert hit is not None and hit.cell == k
        members = Counter(int(markers.style_index[i]) for i in hit.members)
        assert markers.split(view, k) == dict(members)
        assert sum(markers.split(view, k).values()) == int(frame.count[k])
        # the ring groups types by colour: styles 0 and 2 share red
        ring = dict(markers.segments(view, k))
        red, blue = STYLES[0].fill.rgba(), STYLES[1].fill.rgba()
        assert ring.get(red, 0) == members[0] + members[2]
        assert ring.get(blue, 0) == members[1]


def test_both_paths_agree(qapp):
    view = Viewport(0, 0, 2_000, 900, 700)
    small, large = layer(2500, False), layer(2500, True)
    fs, fl = small.frame(view), large.frame(view)
    by_pos_small = {
        (round(float(fs.sx[k]), 6), round(float(fs.sy[k]), 6)): small.split(view, k)
        for k in range(len(fs.sx))
    }
    by_pos_large = {
        (round(float(fl.sx[k]), 6), round(float(fl.sy[k]), 6)): large.split(view, k)
        for k in range(len(fl.sx))
    }
    assert by_pos_small == by_pos_large


def test_the_ring_shows_each_colour_in_proportion(qapp):
    img = QImage(80, 80, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.white)
    p = QPainter(img)
    red, blue = QColor("#c0392b"), QColor("#2e86c1")
    paint_bubble(p, 40, QPointF(40, 40), ((red.rgba(), 30), (blue.rgba(), 10)))
    p.end()

    def near(colour: QColor, x: int, y: int) -> bool:
        c = img.pixelColor(x, y)
        return abs(c.red() - colour.red()) + abs(c.green() - colour.green()) < 60

    from mapapp.render.bubbles import RING_PX, bubble_radius

    r = bubble_radius(40) - RING_PX / 2 - 1
    # clockwise from twelve o'clock: red covers 270°, then blue the last quarter
    assert near(red, 40 + round(r), 40)  # three o'clock
    assert near(red, 40, 40 + round(r))  # six o'clock
    assert near(blue, 40 - round(r * 0.7071), 40 - round(r * 0.7071))  # half past ten
