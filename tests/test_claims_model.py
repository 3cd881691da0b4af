"""Figures side by side, filters, and the marker layer's two binning paths (no window)."""

import numpy as np
import pytest

from mapapp.model.figures import figure_groups
from mapapp.model.filters import Filters, matching_actors, matching_claims, matching_events
from mapapp.model.io import default_situation_path, load_situation


@pytest.fixture(scope="module")
def s():
    return load_situation(default_situation_path())


def test_casualty_figures_are_grouped_per_count(s):
    groups = {g.tally: g for g in figure_groups(s)}
    wagner = [(r.claimant, r.figure.label(), r.claim.status) for r in groups["wagner-dead"].rows]
    assert ("Wagner", "1 commander", "self_reported") in wagner
    assert ("Unattributed", "20–80 fighters", "estimate") in wagner
    assert ("JNIM", "50 Russians", "unverified") in wagner
    malian = [(r.claimant, r.figure.label()) for r in groups["malian-dead"].rows]
    assert ("JNIM", "10 Malian soldiers") in malian
    assert ("Malian army", "“heavy losses”") in malian
    assert groups["wagner-dead"].scale_max() == 80
    assert groups["attackers"].rows[0].figure.label() == "over 1,000 men"
    assert [g.tally for g in figure_groups(s)][:2] == ["wagner-dead", "malian-dead"]


def test_filters(s):
    # quotes are searched too: the commander died "during a sandstorm"
    assert matching_events(s, Filters(text="SANDSTORM")) == {"sandstorm", "commander-death"}
    assert matching_claims(s, Filters(status="misleading")) == {"ukraine-flag-photo"}
    assert matching_claims(s, Filters(actor="wagner")) == {
        "wagner-commander",
        "wagner-ambush-account",
        "wagner-attackers",
        "wagner-helicopter",
    }
    assert "jnim" in matching_actors(s, Filters(text="al-qaeda"))
    # aliases from external sources are searchable too
    assert matching_actors(s, Filters(text="csp-dpa")) == {"tuareg-rebels"}
    in_2024 = matching_events(s, Filters(first="2024-01-01", last="2024-12-31"))
    assert "battle" in in_2024 and "intervention" not in in_2024  # 'after 2012' is open
    assert matching_events(s, Filters(status="unverified")) == {"battle"}


def test_marker_binning_paths_agree(qapp):
    from mapapp.geo.viewport import Viewport
    from mapapp.render.markers import MarkerLayer

    rng = np.random.default_rng(3)
    x = rng.normal(0, 400_000, 1500)
    y = rng.normal(2_000_000, 300_000, 1500)
    view = Viewport(0.0, 2_000_000.0, 1500.0, 900, 700)
    small = MarkerLayer(x, y, vectorised=False)
    large = MarkerLayer(x, y, vectorised=True)
    from mapapp.render.marker_bins import bin_markers

    a, b = bin_markers(small, view), bin_markers(large, view)

    def cells(frame):
        return sorted(
            (int(c), round(float(sx), 6), round(float(sy), 6))
            for c, sx, sy in zip(frame.count, frame.sx, frame.sy, strict=True)
        )

    assert cells(a) == cells(b)
    for px, py in rng.uniform([0, 0], [900, 700], size=(200, 2)):
        ha, hb = small.hit_test(view, px, py), large.hit_test(view, px, py)
        assert (ha is None) == (hb is None)
        if ha is not None:
            assert set(ha.members) == set(hb.members)


def test_comparison_image_is_drawn(qapp, s):
    from mapapp.ui.figures_view import FiguresWindow
    from tests.pixels import image_rgb

    w = FiguresWindow(s)
    image = w.view.canvas.to_image(720, 1.0)
    rgb = image_rgb(image)
    assert image.width() == 720 and image.height() > 500
    # the unverified badge colour is there (JNIM's and Wagner's claims)
    assert (np.abs(rgb.astype(int) - [180, 83, 9]).sum(axis=2) < 30).sum() > 500
    w.copy_image()
    from PySide6.QtGui import QGuiApplication

    assert not QGuiApplication.clipboard().image().isNull()
