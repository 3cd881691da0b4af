"""``mapapp snapshot``: the map of a situation as PNG, SVG or PDF, headless."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from mapapp.cli_args import basemap_arg, one_line_parser, situation_arg
from mapapp.cli_filters import add_filter_options, filters_for, in_words
from mapapp.errors import UsageError
from mapapp.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    import argparse


LEAVE_OUT = {
    "legend": QT_TRANSLATE_NOOP("cli", "leave out the legend"),
    "scale-bar": QT_TRANSLATE_NOOP("cli", "leave out the scale bar"),
    "north-arrow": QT_TRANSLATE_NOOP("cli", "leave out the north arrow"),
    "attribution": QT_TRANSLATE_NOOP("cli", "leave out the attribution"),
    "data-date": QT_TRANSLATE_NOOP("cli", "leave out the data's date"),
}


def parse_size(text: str) -> tuple[int, int]:
    from mapapp.render.export import MAX_PIXELS, MAX_SIDE

    try:
        w_text, h_text = text.lower().split("x")
        w, h = int(w_text), int(h_text)
    except ValueError:
        raise UsageError(
            translate("cli", "--size must look like 1920x1080, not {given!r}").format(given=text)
        ) from None
    if not (0 < w <= MAX_SIDE and 0 < h <= MAX_SIDE) or w * h > MAX_PIXELS:
        raise UsageError(
            translate(
                "cli",
                "--size {w}x{h} is out of range (each side 1..{side}, at most {mp} megapixels)",
            ).format(w=w, h=h, side=MAX_SIDE, mp=MAX_PIXELS // 1_000_000)
        )
    return w, h


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    import math

    try:
        w, s, e, n = (float(v) for v in text.split(","))
    except ValueError:
        raise UsageError(
            translate("cli", "--bbox must be W,S,E,N in degrees, not {given!r}").format(given=text)
        ) from None
    if not all(math.isfinite(v) for v in (w, s, e, n)):
        raise UsageError(translate("cli", "--bbox values must be finite numbers"))
    if not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= 90 and -90 <= n <= 90):
        raise UsageError(
            translate("cli", "--bbox {box} is outside -180..180 / -90..90").format(box=text)
        )
    if w >= e or s >= n:
        raise UsageError(
            translate(
                "cli", "--bbox {box}: west must be less than east and south less than north"
            ).format(box=text)
        )
    return w, s, e, n


def snapshot_parser() -> argparse.ArgumentParser:
    p = one_line_parser(
        prog="mapapp snapshot",
        description=translate(
            "cli", "Export a map snapshot (format from OUT's suffix: .png .svg .pdf)."
        ),
    )
    p.add_argument(
        "file", nargs="?", help=translate("cli", "situation file (default: the embedded one)")
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="OUT", help=translate("cli", "output file")
    )
    p.add_argument(
        "--size", default="1600x1000", help=translate("cli", "WIDTHxHEIGHT in pixels at 96 dpi")
    )
    p.add_argument(
        "--dpi", type=float, default=96.0, help=translate("cli", "PNG pixel density (96 = 1x)")
    )
    p.add_argument(
        "--bbox", help=translate("cli", "W,S,E,N in degrees (default: the situation's extent)")
    )
    p.add_argument("--title", help=translate("cli", "title (default: the situation's title)"))
    p.add_argument("--no-title", action="store_true", help=translate("cli", "no title box"))
    p.add_argument(
        "--select", metavar="ID", help=translate("cli", "highlight an event (or a claim's event)")
    )
    p.add_argument(
        "--hide", default="", metavar="LAYERS", help=translate("cli", "comma-separated layer keys")
    )
    p.add_argument(
        "--from",
        dest="first",
        metavar="DATE",
        help=translate("cli", "time window: first day shown"),
    )
    p.add_argument(
        "--to", dest="last", metavar="DATE", help=translate("cli", "time window: last day shown")
    )
    p.add_argument(
        "--mode",
        choices=("window", "accumulate", "fade"),
        default="window",
        help=translate(
            "cli", "window: events in it; accumulate: everything up to --to; fade: older fade out"
        ),
    )
    p.add_argument(
        "--basemap",
        metavar="NAME|URL|FILE",
        help=translate(
            "cli",
            "a tile basemap under the vector layers: a provider name (OpenStreetMap.Mapnik, "
            "Esri.WorldImagery, ...), an https URL template with {z}/{x}/{y}, or an "
            ".mbtiles/.pmtiles file",
        ),
    )
    p.add_argument(
        "--basemap-timeout",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help=translate(
            "cli",
            "how long to wait for tiles; missing ones are reported and left to the vector map",
        ),
    )
    add_filter_options(p)
    for flag, help_text in LEAVE_OUT.items():
        p.add_argument(f"--no-{flag}", action="store_true", help=translate("cli", help_text))
    return p


def run_snapshot(args: argparse.Namespace) -> int:
    from pathlib import Path

    from mapapp.render.scene import LAYERS

    out = Path(args.output)
    suffix = out.suffix.lower()
    if suffix not in (".png", ".svg", ".pdf"):
        raise UsageError(
            translate("cli", "unsupported output format {suffix!r}; use .png, .svg or .pdf").format(
                suffix=suffix or translate("cli", "(no suffix)")
            )
        )
    width, height = parse_size(args.size)
    if not (24 <= args.dpi <= 1200):
        raise UsageError(
            translate("cli", "--dpi {dpi:g} is out of range (24..1200)").format(dpi=args.dpi)
        )
    from mapapp.render.export import raster_size_problem

    problem = raster_size_problem(width, height, args.dpi / 96)
    if suffix == ".png" and problem:
        raise UsageError(
            translate("cli", "--size {w}x{h} at {dpi:g} dpi: {problem}").format(
                w=width, h=height, dpi=args.dpi, problem=problem
            )
        )
    bbox = parse_bbox(args.bbox) if args.bbox else None
    hidden = frozenset(k.strip() for k in args.hide.split(",") if k.strip())
    unknown = hidden - set(LAYERS)
    if unknown:
        raise UsageError(
            translate("cli", "--hide: unknown layer {layer!r}; layers: {layers}").format(
                layer=sorted(unknown)[0], layers=", ".join(LAYERS)
            )
        )
    if not (0 < args.basemap_timeout <= 3600):
        raise UsageError(
            translate("cli", "--basemap-timeout {seconds:g} is out of range (0..3600 s)").format(
                seconds=args.basemap_timeout
            )
        )
    tile_source = basemap_arg(args.basemap)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["mapapp"])
    from PySide6.QtCore import QCoreApplication

    # the window's names, so both find the same tile cache under ~/.cache
    QCoreApplication.setOrganizationName("mapapp")
    QCoreApplication.setApplicationName("mapapp")
    from mapapp.render.basemap import default_basemap
    from mapapp.render.export import export_snapshot
    from mapapp.render.situation_layer import SituationLayer
    from mapapp.render.snapshot import build_snapshot, default_view, shape_layer, time_window_for

    situation = situation_arg(args.file)
    basemap = default_basemap()
    layer = SituationLayer(situation, basemap)
    window = time_window_for(layer, args.first, args.last, args.mode)
    filters = filters_for(args, situation)
    shape_layer(layer, window, filters)
    view = default_view(layer, width, height, bbox)
    snap = build_snapshot(
        layer,
        basemap,
        view,
        dpi=args.dpi,
        title="" if args.no_title else args.title,
        select=args.select,
        hidden=hidden,
        legend=not args.no_legend,
        scale_bar=not args.no_scale_bar,
        north_arrow=not args.no_north_arrow,
        attribution=not args.no_attribution,
        data_date=not args.no_data_date,
        time_window=window,
        tile_source=tile_source,
        filters=in_words(filters, situation),
    )
    if tile_source is not None:
        snap = _add_tiles(snap, tile_source, out, args.basemap_timeout)
    export_snapshot(out, snap, basemap, layer)
    del app
    print(
        translate("cli", "wrote {path} ({w}x{h}, {kind})").format(
            path=out, w=width, h=height, kind=suffix[1:].upper()
        )
    )
    return 0


def _add_tiles(snap, source, out, timeout_s: float):
    """The snapshot with the tiles its view needs; what could not be had is said on
    stderr and in the image's metadata, and left to the vector basemap."""
    from mapapp.geo.tile_sources import TileSourceError
    from mapapp.net.tile_loader import TileLoader, with_tiles_now

    try:
        loader = TileLoader(source)
    except TileSourceError as exc:
        raise UsageError(f"--basemap: {exc}") from None
    try:
        snap, result = with_tiles_now(loader, snap, out, timeout_s)
    finally:
        loader.close()
    if result.failed:
        print(
            translate("cli", "mapapp snapshot: warning: {what}").format(what=result.summary()),
            file=sys.stderr,
        )
    return snap
