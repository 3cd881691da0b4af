"""Tile basemaps without a window: which tiles a view needs, where they come from, how
they are drawn and loaded (against a tile server on 127.0.0.1), and the command line."""

from __future__ import annotations

import itertools
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QImage, QPainter

from mapapp.geo.projection import WEB_MERCATOR
from mapapp.geo.tile_files import open_tile_file, source_from_spec
from mapapp.geo.tile_sources import (
    TileSourceError,
    catalogue,
    custom_source,
    provider,
)
from mapapp.geo.tiles import TileKey, tile_at, tile_bounds, tiles_covering, zoom_level
from mapapp.geo.viewport import Viewport
from mapapp.net.tile_loader import USER_AGENT, TileLoader, with_tiles_now
from mapapp.render.scene import LAYERS, RenderOptions, render_map
from mapapp.render.tiles import TileCache, TileLayer, plan_tiles
from tests.cli_run import mapapp
from tests.pixels import image_rgb
from tests.tile_files import BOUNDS, make_mbtiles, make_pmtiles
from tests.tile_server import decode_colour, png_bytes, tile_colour

TINZAOUATEN = (2.96778, 19.94861)


def town_view(resolution: float = 19.0, width: int = 800, height: int = 600) -> Viewport:
    x, y = WEB_MERCATOR.forward(*TINZAOUATEN)
    return Viewport(x, y, resolution, width, height)


def tiles_only(view: Viewport, layer: TileLayer, scale: float = 1.0) -> QImage:
    """The map with every vector layer and overlay off: only the tiles (and the sea)."""
    image = QImage(
        round(view.width * scale), round(view.height * scale), QImage.Format.Format_RGB32
    )
    p = QPainter(image)
    p.scale(scale, scale)
    options = RenderOptions(
        layers=frozenset(), scale_bar=False, north_arrow=False, attribution=False
    )
    render_map(p, view, _basemap(), options, tiles=layer)
    p.end()
    return image


def _basemap():
    from mapapp.render.basemap import default_basemap

    return default_basemap()


def tile_under(view: Viewport, sx: float, sy: float, z: int) -> tuple[int, int, int]:
    """The tile under a screen point, as its colour encodes it (z, x mod 256, y mod 256)."""
    lon, lat = WEB_MERCATOR.inverse(*view.screen_to_map(sx, sy))
    key = tile_at(lon, lat, z)
    return key.z, key.x % 256, key.y % 256


def server_loader(tile_server, cache_dir) -> TileLoader:
    """A loader for the test server's tiles, with its disk cache in ``cache_dir``."""
    return TileLoader(custom_source(tile_server.template), cache_dir=cache_dir)


def wait_fetch(loader: TileLoader, plan, timeout_s: float = 20):
    out = []
    loop = QEventLoop()
    loader.fetch(plan, timeout_s, lambda r: (out.append(r), loop.quit()))
    if not out:
        loop.exec()
    return out[0]


# tile arithmetic -----------------------------------------------------------------------
def test_tile_numbering_matches_the_slippy_map_convention():
    # Tinzaouaten at zoom 10: x = floor((2.96778 + 180) / 360 * 1024) = 520, and the row
    # from the Mercator formula is 454.
    assert tile_at(*TINZAOUATEN, 10) == TileKey(10, 520, 454)
    assert tile_at(0.0001, 0.0001, 1) == TileKey(1, 1, 0)
    xmin, _, _, ymax = tile_bounds(TileKey(0, 0, 0))
    assert (xmin, ymax) == pytest.approx((-20037508.34, 20037508.34))
    assert TileKey(10, 520, 454).parent(2) == TileKey(8, 130, 113)
    assert TileKey(10, 520, 454).tms_y() == 1023 - 454


def test_the_zoom_follows_the_resolution_and_the_density():
    assert zoom_level(156543.03) == 0
    assert zoom_level(19.0) == 13  # 19.1 m/px is zoom 13's own resolution
    assert zoom_level(19.0, density=2.0) == 14
    assert zoom_level(19.0, density=2.0, tile_px=512) == 13  # @2x tiles: same zoom
    # drawn between 0.62x and 1.23x, never blown up twice
    for res in (3.0, 17.3, 250.0, 4000.0):
        z = zoom_level(res)
        drawn = (156543.03 / 2**z) / res
        assert 0.6 < drawn <= 1.25


def test_a_view_needs_exactly_the_tiles_that_overlap_it():
    view = town_view(19.0, 800, 600)
    plan = plan_tiles(view, custom_source("https://t.example/{z}/{x}/{y}.png"))
    assert plan.zoom == 13
    x0, y0, x1, y1 = view.bounds()
    for key in plan.keys:
        bx0, by0, bx1, by1 = tile_bounds(key)
        assert bx0 < x1 and bx1 > x0 and by0 < y1 and by1 > y0
    # 800 px at 1.006 screen px per tile px: 4-5 columns, 3-4 rows; the centre tile first
    assert 12 <= len(plan.keys) <= 20
    assert plan.keys[0] == tile_at(*TINZAOUATEN, 13)
    # nothing off the edge of the world
    world = Viewport(0, 0, 40_000, 2000, 2000)
    assert all(0 <= k.x < 4 and 0 <= k.y < 4 for k in tiles_covering(world.bounds(), 2))


# sources ---------------------------------------------------------------------------------
def test_urls_from_templates_fill_every_placeholder():
    s = custom_source("https://{s}.tiles.example/{z}/{x}/{-y}{r}.png", "© Example", 17)
    key = TileKey(3, 2, 1)
    assert s.url(key) == "https://a.tiles.example/3/2/6.png"
    assert s.url(key, hidpi=True) == "https://a.tiles.example/3/2/6@2x.png"
    assert s.hidpi and s.attribution == "© Example" and s.max_zoom == 17


@pytest.mark.parametrize(
    "template, message",
    [
        ("ftp://x/{z}/{x}/{y}", "http:// or https://"),
        ("https://x/{z}/{x}", "{z}, {x} and {y}"),
        ("https://x/{z}/{x}/{y}/{apikey}", "unknown placeholder {apikey}"),
        ("<script>", "http:// or https://"),
    ],
)
def test_bad_templates_are_refused_before_any_request(template, message):
    with pytest.raises(TileSourceError, match="(?s).*" + message.replace("{", r"\{")):
        custom_source(template)


def test_the_catalogue_comes_from_xyzservices():
    import xyzservices.providers as xyz

    entries = catalogue()
    osm = entries["OpenStreetMap.Mapnik"]
    assert osm.location == xyz.OpenStreetMap.Mapnik.url
    assert osm.max_zoom == xyz.OpenStreetMap.Mapnik.max_zoom
    assert osm.attribution == "© OpenStreetMap contributors"
    assert "Esri.WorldImagery" in entries
    assert "MapBox" not in entries  # needs a key we do not have
    assert not any(s.location.count("<insert") for s in entries.values())
    assert provider("openstreetmap") == osm  # a family means its first variant
    assert provider("esri worldimagery").name == "Esri.WorldImagery"
    with pytest.raises(TileSourceError, match="unknown basemap 'Atlantis'"):
        provider("Atlantis")


# files -----------------------------------------------------------------------------------
def test_mbtiles_metadata_and_tiles_come_from_the_file(tmp_path):
    keys = make_mbtiles(tmp_path / "field.mbtiles", range(5, 9))
    reader = open_tile_file(tmp_path / "field.mbtiles")
    s = reader.source
    assert (s.kind, s.name, s.min_zoom, s.max_zoom) == ("mbtiles", "Field tiles", 5, 8)
    assert s.bounds == BOUNDS
    assert s.attribution == "© Test tiles bold"  # markup dropped, text kept
    key = keys[-1]
    assert reader.read(key) == png_bytes(256, 256, tile_colour(*key))  # TMS row flipped
    assert reader.read(TileKey(5, 0, 0)) is None
    reader.close()


def test_pmtiles_metadata_and_tiles_come_from_the_archive(tmp_path):
    keys = make_pmtiles(tmp_path / "field.pmtiles", range(5, 9))
    reader = open_tile_file(tmp_path / "field.pmtiles")
    s = reader.source
    assert (s.kind, s.name, s.min_zoom, s.max_zoom) == ("pmtiles", "Archive tiles", 5, 8)
    assert s.bounds == pytest.approx(BOUNDS)
    assert s.attribution == "© PMTiles test archive"
    assert reader.read(keys[3]) == png_bytes(256, 256, tile_colour(*keys[3]))
    assert reader.read(TileKey(5, 0, 0)) is None
    reader.close()


def test_unusable_tile_files_say_why(tmp_path):
    (tmp_path / "notes.mbtiles").write_text("not a database")
    with pytest.raises(TileSourceError, match="neither an MBTiles"):
        open_tile_file(tmp_path / "notes.mbtiles")
    vector = tmp_path / "vector.mbtiles"
    make_mbtiles(vector, fmt="pbf")
    with pytest.raises(TileSourceError, match="holds pbf tiles; mapapp draws raster"):
        open_tile_file(vector)
    from pmtiles.tile import TileType

    mvt = tmp_path / "vector.pmtiles"
    make_pmtiles(mvt, tile_type=TileType.MVT)
    with pytest.raises(TileSourceError, match="holds MVT tiles"):
        open_tile_file(mvt)
    with pytest.raises(TileSourceError, match="no such tile file"):
        source_from_spec(str(tmp_path / "gone.pmtiles"))


# drawing ---------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["mbtiles", "pmtiles"])
def test_a_tile_file_draws_the_right_tile_at_the_right_place(qapp, tmp_path, kind):
    path = tmp_path / f"field.{kind}"
    (make_mbtiles if kind == "mbtiles" else make_pmtiles)(path, range(5, 9))
    loader = TileLoader(open_tile_file(path).source)
    view = town_view(400.0, 400, 300)  # zoom 8 (the file's last), inside its bounds
    plan = plan_tiles(view, loader.source)
    assert plan.zoom == 8
    result = wait_fetch(loader, plan)
    assert result.loaded == len(plan.keys) and not result.failed
    rgb = image_rgb(tiles_only(view, loader.layer))
    for sx, sy in ((200, 150), (5, 5), (395, 260), (60, 250)):
        z, x, y = decode_colour(*rgb[sy, sx])
        assert (z, x, y) == (tile_under(view, sx, sy, 8)), (sx, sy)
    loader.close()


def test_tiles_meet_without_seams_at_any_scale(qapp):
    view = town_view(23.7, 700, 500)
    source = custom_source("https://t.example/{z}/{x}/{y}.png")
    for scale in (1.0, 1.5, 3.125):
        plan = plan_tiles(view, source, scale)
        cache = TileCache()
        for k in plan.keys:
            image = QImage(256, 256, QImage.Format.Format_RGB32)
            image.fill(0x3366AA)
            cache.put((k, False), image)
        rgb = image_rgb(tiles_only(view, TileLayer(source, cache, scale), scale))
        above_credit = rgb[: round(460 * scale)]  # the provider's credit is at the bottom
        assert (above_credit == (0x33, 0x66, 0xAA)).all(axis=2).all(), scale


def test_a_missing_tile_is_drawn_from_its_parent_or_its_children(qapp):
    source = custom_source("https://t.example/{z}/{x}/{y}.png")
    view = town_view(19.0, 400, 300)
    plan = plan_tiles(view, source)
    centre = plan.keys[0]
    cache = TileCache()
    parent = centre.parent(2)
    image = QImage(256, 256, QImage.Format.Format_RGB32)
    for qx in range(4):  # a 4x4 grid of colours: each grandchild's square its own
        for qy in range(4):
            for px in range(qx * 64, qx * 64 + 64):
                for py in range(qy * 64, qy * 64 + 64):
                    image.setPixel(px, py, 0xFF000000 | (qx * 60 << 16) | (qy * 60 << 8) | 0x30)
    cache.put((parent, False), image)
    requested = []
    layer = TileLayer(source, cache, request=lambda p, missing: requested.extend(missing))
    rgb = image_rgb(tiles_only(view, layer))
    x0, y0, x1, y1 = tile_bounds(centre)
    sx, sy = view.map_to_screen((x0 + x1) / 2, (y0 + y1) / 2)
    qx, qy = centre.x % 4, centre.y % 4  # the grandparent's quarter of a quarter, scaled up
    assert tuple(rgb[int(sy), int(sx)]) == (qx * 60, qy * 60, 0x30)
    assert set(requested) == set(plan.keys)  # and every tile of the view was asked for
    # children only: each quarter from its own child
    cache = TileCache()
    for i, child in enumerate(centre.children()):
        image = QImage(256, 256, QImage.Format.Format_RGB32)
        image.fill(0x30 * (i + 1))
        cache.put((child, False), image)
    rgb = image_rgb(tiles_only(view, TileLayer(source, cache)))
    x0, y0, x1, y1 = tile_bounds(centre)
    for i, (fx, fy) in enumerate(((0.25, 0.75), (0.75, 0.75), (0.25, 0.25), (0.75, 0.25))):
        sx, sy = view.map_to_screen(x0 + fx * (x1 - x0), y0 + fy * (y1 - y0))
        assert rgb[int(sy), int(sx)][2] == 0x30 * (i + 1)


def test_tiles_lie_under_the_border_and_the_provider_is_credited(qapp, tile_server):
    from mapapp.render import style
    from tests.pixels import border_pixels, colour_mask

    loader = TileLoader(custom_source(tile_server.template, "© Test Server"))
    view = town_view(600.0, 800, 600)
    wait_fetch(loader, plan_tiles(view, loader.source))
    image = QImage(800, 600, QImage.Format.Format_RGB32)
    p = QPainter(image)
    drawn = render_map(p, view, _basemap(), RenderOptions(), tiles=loader.layer)
    p.end()
    rgb = image_rgb(image)
    on_border = [(int(x), int(y)) for x, y in border_pixels(view) if 5 < x < 795 and 5 < y < 550]
    assert on_border
    red = colour_mask(rgb, style.BORDER, tol=60)
    hits = sum(red[y - 2 : y + 3, x - 2 : x + 3].any() for x, y in on_border)
    assert hits / len(on_border) > 0.9
    assert any("Basemap: © Test Server" in line for line in drawn.footer)
    assert drawn.tiles is not None and drawn.tiles.zoom == 8
    loader.close()


# loading ---------------------------------------------------------------------------------
def test_the_loader_asks_for_exactly_the_view_s_tiles_two_at_a_time(qapp, tile_server, tmp_path):
    tile_server.latency = 0.05
    loader = server_loader(tile_server, tmp_path / "cache")
    view = town_view(19.0, 800, 600)
    plan = plan_tiles(view, loader.source)
    result = wait_fetch(loader, plan)
    assert result.loaded == len(plan.keys)
    assert sorted(tile_server.requested()) == sorted(tuple(k) for k in plan.keys)
    assert tile_server.max_concurrent <= 2
    assert all(headers.get("User-Agent") == USER_AGENT for _, headers in tile_server.log)
    assert USER_AGENT.startswith("mapapp/")
    loader.close()


def test_a_second_run_is_served_from_the_disk_cache(qapp, tile_server, tmp_path):
    view = town_view(19.0, 800, 600)
    first = server_loader(tile_server, tmp_path / "cache")
    plan = plan_tiles(view, first.source)
    wait_fetch(first, plan)
    first.close()
    n = len(tile_server.log)
    assert n == len(plan.keys)
    second = server_loader(tile_server, tmp_path / "cache")
    result = wait_fetch(second, plan)
    assert result.loaded == len(plan.keys)
    assert len(tile_server.log) == n  # not one request
    assert second.served_from_cache == len(plan.keys) and second.requests_sent == 0
    second.close()
    # headers that forbid keeping a tile are obeyed: asked again next time
    tile_server.cache_control = "no-store"
    third = server_loader(tile_server, tmp_path / "other")
    wait_fetch(third, plan)
    third.close()
    fourth = server_loader(tile_server, tmp_path / "other")
    wait_fetch(fourth, plan)
    assert fourth.requests_sent == len(plan.keys)
    fourth.close()


def test_failures_are_left_to_the_vector_map_and_said_once(qapp, tile_server, tmp_path):
    view = town_view(19.0, 800, 600)
    source = custom_source(tile_server.template)
    plan = plan_tiles(view, source)
    k = plan.keys
    faults = {k[0]: "404", k[1]: "500", k[2]: "truncated", k[3]: "broken"}
    tile_server.faults = {tuple(key): f for key, f in faults.items()}
    loader = TileLoader(source, cache_dir=tmp_path / "cache")
    messages = []
    loader.problem.connect(messages.append)
    result = wait_fetch(loader, plan)
    assert {key: why for (key, _), why in result.failed.items()} == {
        k[0]: "HTTP 404",
        k[1]: "HTTP 500",
        k[2]: "connection closed",
        k[3]: "broken image",
    }
    assert result.loaded == len(k) - 4
    QTimer.singleShot(2500, (loop := QEventLoop()).quit)
    loop.exec()
    assert len(messages) == 1
    assert messages[0].startswith("Basemap: 4 tiles could not be loaded (")
    assert "HTTP 404" in messages[0] and "the vector map shows there" in messages[0]
    # a later failure's message replaces this one, so it counts every failed tile
    further = plan_tiles(town_view(19.0, 800, 600).panned(-1200, 0), source)
    tile_server.faults[tuple(further.keys[0])] = "404"
    wait_fetch(loader, further)
    QTimer.singleShot(2500, (loop := QEventLoop()).quit)
    loop.exec()
    assert messages[-1].startswith("Basemap: 5 tiles could not be loaded (HTTP 404 ×2, ")
    # the failed squares show the vector map's land colour, not a blank or a stand-in
    # blown up from an ancestor that is in memory
    from mapapp.render import style

    ancestor = QImage(256, 256, QImage.Format.Format_RGB32)
    ancestor.fill(0xFF102030)
    loader.layer.cache.put((k[0].parent(2), False), ancestor)

    image = QImage(800, 600, QImage.Format.Format_RGB32)
    p = QPainter(image)
    opts = RenderOptions(layers=frozenset(LAYERS) - {"places", "markers", "graticule"})
    render_map(p, view, _basemap(), opts, tiles=loader.layer)
    p.end()
    rgb = image_rgb(image)
    x0, y0, x1, y1 = tile_bounds(k[0])
    sx, sy = view.map_to_screen((x0 + x1) / 2, (y0 + y1) / 2)  # the centre tile's middle
    land = {tuple(c.getRgb()[:3]) for c in (style.LAND, style.LAND_FOCUS)}
    assert tuple(rgb[int(sy), int(sx)]) in land
    loader.close()


def test_a_slow_server_never_holds_the_event_loop(qapp, tile_server, tmp_path):
    tile_server.latency = 1.5
    loader = server_loader(tile_server, tmp_path / "cache")
    view = town_view(19.0, 800, 600)
    plan = plan_tiles(view, loader.source)
    ticks = []
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    result = wait_fetch(loader, plan, timeout_s=2.0)
    timer.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert max(gaps) < 0.25  # the loop kept turning while tiles were on their way
    assert result.failed and all(why == "timed out" for why in result.failed.values())
    loader.close()


def test_with_tiles_freezes_what_the_export_draws(qapp, tile_server, tmp_path):
    from mapapp.render.export import Snapshot

    loader = server_loader(tile_server, tmp_path / "cache")
    view = town_view(19.0, 400, 300)
    snap = Snapshot(view, RenderOptions(), dpi=192)
    snap2, result = with_tiles_now(loader, snap, tmp_path / "x.png", 20)
    assert not result.failed
    # a PNG at 192 dpi gets the next zoom's tiles: sharp at its own pixel density
    assert {k.z for k, _ in snap2.tiles.cache._images} >= {14}
    assert snap2.tiles.request is None
    loader.close()


# command line ----------------------------------------------------------------------------
def snapshot_near_tinzaouaten(tile_server, out, *extra):
    return mapapp(
        "snapshot", "-o", out, "--basemap", tile_server.template,
        "--bbox", "2.5,19.5,3.5,20.5", "--size", "800x600", *extra,
    )  # fmt: skip


def test_snapshot_with_a_tile_server_basemap(tile_server, tmp_path):
    out = tmp_path / "tinz.png"
    r = snapshot_near_tinzaouaten(tile_server, out, "--no-legend", "--no-title")
    assert r.returncode == 0, r.stderr
    image = QImage(str(out))
    assert "127.0.0.1" in image.text("Basemap")
    assert "Basemap tiles" in image.text("Source")
    from mapapp.render.snapshot import bbox_view

    view = bbox_view((2.5, 19.5, 3.5, 20.5), 800, 600)
    plan = plan_tiles(view, custom_source(tile_server.template))
    assert sorted(tile_server.requested()) == sorted(tuple(k) for k in plan.keys)
    # a pixel away from every vector symbol is its tile's colour
    rgb = image_rgb(image)
    z, x, y = decode_colour(*rgb[120, 700])
    assert (z, x, y) == (tile_under(view, 700, 120, plan.zoom))


def test_snapshot_reports_missing_tiles_and_still_writes(tile_server, tmp_path):
    from mapapp.render.snapshot import bbox_view

    view = bbox_view((2.5, 19.5, 3.5, 20.5), 800, 600)
    first = plan_tiles(view, custom_source(tile_server.template)).keys[0]
    tile_server.faults = {tuple(first): "500"}
    out = tmp_path / "tinz.png"
    r = snapshot_near_tinzaouaten(tile_server, out)
    assert r.returncode == 0, r.stderr
    assert "1 of" in r.stderr and "HTTP 500" in r.stderr and "vector map" in r.stderr
    assert QImage(str(out)).text("Basemap").endswith("; 1 tile missing")


def test_snapshot_times_out_instead_of_hanging(tile_server, tmp_path):
    tile_server.latency = 10
    out = tmp_path / "slow.png"
    t = time.monotonic()
    r = mapapp(
        "snapshot",
        "-o",
        out,
        "--basemap",
        tile_server.template,
        "--basemap-timeout",
        "1.5",
        "--size",
        "400x300",
    )
    assert r.returncode == 0 and out.exists()
    assert time.monotonic() - t < 10
    assert "timed out" in r.stderr


def test_snapshot_from_a_tile_file_credits_it_in_the_svg(tmp_path):
    path = tmp_path / "field.mbtiles"
    make_mbtiles(path, range(5, 9))
    out = tmp_path / "field.svg"
    r = mapapp("snapshot", "-o", out, "--basemap", path, "--bbox", "2.5,19.5,3.5,20.5")
    assert r.returncode == 0, r.stderr
    svg = out.read_text()
    assert "Basemap: © Test tiles bold" in svg  # drawn
    assert "Basemap tiles: Field tiles" in svg  # and in the metadata
    assert "<image" in svg


@pytest.mark.parametrize(
    "spec, message",
    [
        ("Atlantis", "unknown basemap 'Atlantis'"),
        ("https://x.example/{q}.png", "unknown placeholder {q}"),
        ("missing.pmtiles", "no such tile file"),
    ],
)
def test_bad_basemaps_are_one_line_errors(tmp_path, spec, message):
    out = tmp_path / "x.png"
    r = mapapp("snapshot", "-o", out, "--basemap", spec)
    assert r.returncode != 0
    assert message in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_offline_a_stale_tile_on_disk_beats_an_empty_square(qapp, tile_server, tmp_path):
    tile_server.cache_control = "max-age=1"
    view = town_view(19.0, 400, 300)
    source = custom_source(tile_server.template)
    first = TileLoader(source, cache_dir=tmp_path / "cache")
    plan = plan_tiles(view, source)
    wait_fetch(first, plan)
    first.close()
    time.sleep(2.1)  # every copy on disk is now out of date
    tile_server.close()  # and the network is gone
    second = TileLoader(source, cache_dir=tmp_path / "cache")
    result = wait_fetch(second, plan)
    assert result.loaded == len(plan.keys) and not result.failed
    assert second.served_from_cache == len(plan.keys)
    second.close()


def test_high_dpi_screens_get_the_providers_2x_tiles(situation_window, qtbot, tile_server):
    from mapapp.ui.map_view import MapView

    template = f"{tile_server.url}/{{z}}/{{x}}/{{y}}{{r}}.png"
    w = situation_window
    w.basemap_control.set_source(custom_source(template))
    mv = w.map_view
    x, y = WEB_MERCATOR.forward(*TINZAOUATEN)
    mv.set_view(Viewport(x, y, 19.0, mv.width(), mv.height()))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(MapView, "devicePixelRatioF", lambda self: 2.0)
        qtbot.waitUntil(lambda: (mv.repaint(), mv.tiles_settled())[1] is True, timeout=15_000)
        plan = mv.last_drawn.tiles
    assert plan.hidpi and plan.zoom == 13  # the same zoom, in 512-pixel tiles
    paths = [path for path, _ in tile_server.log]
    assert paths and all(path.endswith("@2x.png") for path in paths)
    image = mv.tile_loader.layer.cache.peek((plan.keys[0], True))
    assert image.width() == 512
    w.basemap_control.set_source(None)


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_damaged_tile_files_are_refused_or_read_never_a_crash(tmp_path_factory, data):
    kind = data.draw(st.sampled_from(["mbtiles", "pmtiles"]))
    folder = tmp_path_factory.mktemp("fuzz")
    good = folder / f"good.{kind}"
    keys = (make_mbtiles if kind == "mbtiles" else make_pmtiles)(good, range(5, 7))
    raw = bytearray(good.read_bytes())
    how = data.draw(st.sampled_from(["truncate", "flip"]))
    if how == "truncate":
        raw = raw[: data.draw(st.integers(0, len(raw) - 1))]
    else:
        for _ in range(data.draw(st.integers(1, 12))):
            i = data.draw(st.integers(0, len(raw) - 1))
            raw[i] = data.draw(st.integers(0, 255))
    bad = folder / f"bad.{kind}"
    bad.write_bytes(bytes(raw))
    try:
        reader = open_tile_file(bad)
    except TileSourceError as exc:
        assert str(exc).startswith(str(bad)) and "\n" not in str(exc)
        return
    for key in keys:
        try:
            data_ = reader.read(key)
        except TileSourceError:
            continue
        assert data_ is None or isinstance(data_, bytes)
    reader.close()


def test_a_frame_that_needs_nothing_drops_the_wishes_of_the_one_before(qapp, tile_server, tmp_path):
    tile_server.latency = 0.3
    source = custom_source(tile_server.template)
    loader = TileLoader(source, cache_dir=tmp_path / "cache")
    left = plan_tiles(town_view(19.0, 800, 600), source)
    loader.request(left, left.keys)  # a frame lacked these…
    QTimer.singleShot(100, (loop := QEventLoop()).quit)
    loop.exec()
    loader.request(left, [])  # …then the view moved to tiles all in memory
    QTimer.singleShot(1500, (loop := QEventLoop()).quit)
    loop.exec()
    assert len(tile_server.requested()) <= 2  # only the two already on their way
    loader.close()


def test_a_tile_a_worker_cannot_read_fails_instead_of_jamming_the_file(qapp, tmp_path):
    import sqlite3

    path = tmp_path / "odd.mbtiles"
    keys = make_mbtiles(path, range(5, 7))
    db = sqlite3.connect(path)
    db.execute("UPDATE tiles SET tile_data = 'text, not bytes' WHERE zoom_level = 5")
    db.commit()
    db.close()
    loader = TileLoader(open_tile_file(path).source)
    from mapapp.render.tiles import TilePlan

    result = wait_fetch(loader, TilePlan(6, False, keys))
    z5 = [k for k in keys if k.z == 5]
    assert result.loaded == len(keys) - len(z5)
    assert sorted(k for k, _ in result.failed) == sorted(z5)
    loader.close()


def test_high_dpi_tiles_keep_their_own_pixels(qapp):
    source = custom_source("https://t.example/{z}/{x}/{y}{r}.png")
    view = town_view(19.0, 300, 200)
    plan = plan_tiles(view, source, 2.0)
    assert plan.hidpi
    cache = TileCache()
    stripes = QImage(512, 512, QImage.Format.Format_RGB32)
    for x in range(512):
        for y in range(0, 512, 64):
            stripes.setPixel(x, y, 0xFFFFFFFF if x % 2 else 0xFF000000)
    for k in plan.keys:
        cache.put((k, True), stripes)
    image = QImage(600, 400, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(2.0)
    p = QPainter(image)
    options = RenderOptions(layers=frozenset(), scale_bar=False, north_arrow=False)
    render_map(p, view, _basemap(), options, tiles=TileLayer(source, cache, 2.0, keep_scaled=True))
    p.end()
    rgb = image_rgb(image).astype(int)
    # one-pixel stripes survive at the screen's density: neighbours differ, not grey mush
    row = max(range(400), key=lambda r: abs(rgb[r, 1:200, 0] - rgb[r, :199, 0]).mean())
    assert abs(rgb[row, 1:200, 0] - rgb[row, :199, 0]).mean() > 100


def test_an_svg_stand_in_is_the_right_part_of_its_ancestor(qapp, tmp_path):
    import base64
    import re

    from mapapp.render.export import Snapshot, export_snapshot

    source = custom_source("https://t.example/{z}/{x}/{y}.png")
    view = town_view(19.0, 300, 200)
    plan = plan_tiles(view, source)
    parent = plan.keys[0].parent(1)
    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(0xFF336699)
    cache = TileCache()
    cache.put((parent, False), image)
    snap = Snapshot(view, RenderOptions(layers=frozenset()), tiles=TileLayer(source, cache))
    out = tmp_path / "standin.svg"
    export_snapshot(out, snap, _basemap())
    sizes = set()
    for data in re.findall(r'href="data:image/png;base64,([^"]+)"', out.read_text()):
        embedded = QImage.fromData(base64.b64decode(data))
        sizes.add((embedded.width(), embedded.height()))
    assert sizes == {(128, 128)}  # each square gets its quarter, not the whole parent
