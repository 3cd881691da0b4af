"""MBTiles and PMTiles files made in the tests, with the tile server's colour-coded tiles."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from mapapp.geo.tiles import TileKey, tiles_covering
from tests.tile_server import png_bytes, tile_colour

# Around Tinzaouaten: W, S, E, N
BOUNDS = (2.0, 19.0, 4.0, 21.0)


def tiles_in(bounds: tuple[float, float, float, float], zooms: range) -> list[TileKey]:
    from mapapp.geo.tile_sources import TileSource

    area = TileSource("area", "", bounds=bounds).map_bounds
    return [k for z in zooms for k in sorted(tiles_covering(area, z))]


def make_mbtiles(
    path: Path,
    zooms: range = range(5, 9),
    bounds=BOUNDS,
    fmt: str = "png",
    attribution: str = "© Test tiles <b>bold</b>",
) -> list[TileKey]:
    keys = tiles_in(bounds, zooms)
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    db.execute(
        "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
        "tile_data BLOB)"
    )
    meta = {
        "name": "Field tiles",
        "format": fmt,
        "bounds": ",".join(str(v) for v in bounds),
        "minzoom": str(zooms.start),
        "maxzoom": str(zooms.stop - 1),
        "attribution": attribution,
    }
    db.executemany("INSERT INTO metadata VALUES (?, ?)", meta.items())
    db.executemany(
        "INSERT INTO tiles VALUES (?, ?, ?, ?)",
        [(k.z, k.x, k.tms_y(), png_bytes(256, 256, tile_colour(*k))) for k in keys],
    )
    db.commit()
    db.close()
    return keys


def make_pmtiles(
    path: Path, zooms: range = range(5, 9), bounds=BOUNDS, tile_type=None
) -> list[TileKey]:
    from pmtiles.tile import Compression, TileType, zxy_to_tileid
    from pmtiles.writer import write

    keys = tiles_in(bounds, zooms)
    w, s, e, n = bounds
    with write(str(path)) as writer:
        for k in sorted(keys, key=lambda k: zxy_to_tileid(*k)):
            writer.write_tile(zxy_to_tileid(*k), png_bytes(256, 256, tile_colour(*k)))
        writer.finalize(
            {
                "tile_type": tile_type or TileType.PNG,
                "tile_compression": Compression.NONE,
                "min_zoom": zooms.start,
                "max_zoom": zooms.stop - 1,
                "min_lon_e7": int(w * 1e7),
                "min_lat_e7": int(s * 1e7),
                "max_lon_e7": int(e * 1e7),
                "max_lat_e7": int(n * 1e7),
                "center_zoom": zooms.start,
                "center_lon_e7": int((w + e) / 2 * 1e7),
                "center_lat_e7": int((s + n) / 2 * 1e7),
            },
            {"name": "Archive tiles", "attribution": "© PMTiles test archive"},
        )
    return keys
