"""The view state's arithmetic, without Qt."""

import pytest

from mapapp.geo.viewport import MAX_RESOLUTION, MIN_RESOLUTION, Viewport, framing


def test_screen_and_map_round_trip():
    v = Viewport(100_000.0, 2_000_000.0, 250.0, 800, 600)
    x, y = v.screen_to_map(123.5, 456.25)
    assert v.map_to_screen(x, y) == pytest.approx((123.5, 456.25))
    assert v.map_to_screen(v.cx, v.cy) == pytest.approx((400, 300))


def test_zoom_keeps_the_point_under_the_cursor():
    v = Viewport(0.0, 0.0, 1000.0, 1000, 800)
    before = v.screen_to_map(900, 100)
    z = v.zoomed_at(900, 100, 2.0)
    assert z.resolution == 500.0
    assert z.screen_to_map(900, 100) == pytest.approx(before)


def test_zoom_is_clamped():
    v = Viewport(0.0, 0.0, 1000.0, 100, 100)
    assert v.zoomed_at(50, 50, 1e9).resolution == MIN_RESOLUTION
    assert v.zoomed_at(50, 50, 1e-9).resolution == MAX_RESOLUTION


def test_pan_moves_content_with_the_drag():
    v = Viewport(0.0, 0.0, 10.0, 100, 100)
    p = v.panned(5, -3)
    # the map point that was at (50, 50) is now at (55, 47)
    assert p.map_to_screen(0.0, 0.0) == pytest.approx((55, 47))


def test_framing_shows_the_whole_box():
    box = (-1000.0, 2000.0, 5000.0, 3000.0)
    v = framing(box, 600, 300, margin=0.0)
    x0, y0, x1, y1 = v.bounds()
    assert x0 <= box[0] and y0 <= box[1] and x1 >= box[2] and y1 >= box[3]
    assert (x1 - x0) == pytest.approx(6000.0)


def test_single_points_project_like_pyproj():
    """Scalars take EPSG:3857's closed formulas (no pyproj load); they must agree."""
    from pyproj import Transformer

    from mapapp.geo.projection import WEB_MERCATOR

    to_map = Transformer.from_crs("EPSG:4326", "EPSG:3857", always_xy=True)
    for lon, lat in [(2.96778, 19.94861), (-179.9, -85.0), (179.9, 85.0), (0.0, 0.0)]:
        x, y = WEB_MERCATOR.forward(lon, lat)
        ex, ey = to_map.transform(lon, lat)
        assert abs(x - ex) < 1e-6 and abs(y - ey) < 1e-6
        back = WEB_MERCATOR.inverse(ex, ey)
        assert abs(back[0] - lon) < 1e-9 and abs(back[1] - lat) < 1e-9
