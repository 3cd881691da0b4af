"""Command line: ``mapapp`` opens the window; subcommands work headless.

Heavy modules are imported inside each command so ``mapapp --version`` and the
window's first frame do not pay for what they do not use.
"""

from __future__ import annotations

import os
import re
import sys
from typing import TYPE_CHECKING

from mapapp import __version__
from mapapp.errors import MapappError, UsageError

if TYPE_CHECKING:
    import argparse


def parse_size(text: str) -> tuple[int, int]:
    from mapapp.render.export import MAX_PIXELS, MAX_SIDE

    try:
        w_text, h_text = text.lower().split("x")
        w, h = int(w_text), int(h_text)
    except ValueError:
        raise UsageError(f"--size must look like 1920x1080, not {text!r}") from None
    if not (0 < w <= MAX_SIDE and 0 < h <= MAX_SIDE) or w * h > MAX_PIXELS:
        raise UsageError(
            f"--size {w}x{h} is out of range (each side 1..{MAX_SIDE}, "
            f"at most {MAX_PIXELS // 1_000_000} megapixels)"
        )
    return w, h


# a number or a comma-separated list of them, starting with a minus sign
NUMBERS = r"^-(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?(,\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)*$"


def _parser(**kwargs) -> argparse.ArgumentParser:
    """An ArgumentParser whose errors are one line (UsageError), not a usage block."""
    import argparse

    class OneLineParser(argparse.ArgumentParser):
        def __init__(self, **kw) -> None:
            super().__init__(**kw)
            # argparse takes "-6,14,5,22" for an option, since only a plain "-6" or "-6.5"
            # looks like a negative number to it: every box west of Greenwich would need
            # "--bbox=-6,…". Lists of numbers count as numbers too ("-o" stays an option).
            self._negative_number_matcher = re.compile(NUMBERS)

        def error(self, message: str):
            raise UsageError(f"{self.prog}: {message}")

    return OneLineParser(**kwargs)


def _gui_parser() -> argparse.ArgumentParser:
    p = _parser(
        prog="mapapp",
        description="Situation map of events, actors and source claims. "
        "Subcommands: snapshot, convert, validate, places, install-desktop "
        "(run 'mapapp snapshot -h').",
    )
    p.add_argument("--version", action="version", version=f"mapapp {__version__}")
    p.add_argument("file", nargs="?", help="situation file (default: the embedded one)")
    p.add_argument(
        "--basemap",
        metavar="NAME|URL|FILE",
        help="a tile basemap for this session (as for 'mapapp snapshot')",
    )
    return p


def _snapshot_parser() -> argparse.ArgumentParser:
    p = _parser(
        prog="mapapp snapshot",
        description="Export a map snapshot (format from OUT's suffix: .png .svg .pdf).",
    )
    p.add_argument("file", nargs="?", help="situation file (default: the embedded one)")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="output file")
    p.add_argument("--size", default="1600x1000", help="WIDTHxHEIGHT in pixels at 96 dpi")
    p.add_argument("--dpi", type=float, default=96.0, help="PNG pixel density (96 = 1x)")
    p.add_argument("--bbox", help="W,S,E,N in degrees (default: the situation's extent)")
    p.add_argument("--title", help="title (default: the situation's title)")
    p.add_argument("--no-title", action="store_true", help="no title box")
    p.add_argument("--select", metavar="ID", help="highlight an event (or a claim's event)")
    p.add_argument("--hide", default="", metavar="LAYERS", help="comma-separated layer keys")
    p.add_argument("--from", dest="first", metavar="DATE", help="time window: first day shown")
    p.add_argument("--to", dest="last", metavar="DATE", help="time window: last day shown")
    p.add_argument(
        "--mode",
        choices=("window", "accumulate", "fade"),
        default="window",
        help="window: events in it; accumulate: everything up to --to; fade: older fade out",
    )
    p.add_argument(
        "--basemap",
        metavar="NAME|URL|FILE",
        help="a tile basemap under the vector layers: a provider name (OpenStreetMap.Mapnik, "
        "Esri.WorldImagery, ...), an https URL template with {z}/{x}/{y}, "
        "or an .mbtiles/.pmtiles file",
    )
    p.add_argument(
        "--basemap-timeout",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="how long to wait for tiles; missing ones are reported and left to the vector map",
    )
    for flag in ("legend", "scale-bar", "north-arrow", "attribution", "data-date"):
        p.add_argument(f"--no-{flag}", action="store_true", help=f"leave out the {flag}")
    return p


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    import math

    try:
        w, s, e, n = (float(v) for v in text.split(","))
    except ValueError:
        raise UsageError(f"--bbox must be W,S,E,N in degrees, not {text!r}") from None
    if not all(math.isfinite(v) for v in (w, s, e, n)):
        raise UsageError("--bbox values must be finite numbers")
    if not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= 90 and -90 <= n <= 90):
        raise UsageError(f"--bbox {text} is outside -180..180 / -90..90")
    if w >= e or s >= n:
        raise UsageError(f"--bbox {text}: west must be less than east and south less than north")
    return w, s, e, n


def _validate_parser() -> argparse.ArgumentParser:
    p = _parser(
        prog="mapapp validate",
        description="Check a situation file; exit 0 when it is valid, 1 with every problem listed.",
    )
    p.add_argument("file", help="situation JSON file")
    return p


def run_validate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from mapapp.model.files import SituationError, read_json
    from mapapp.model.validation import validate

    path = Path(args.file)
    try:
        data = read_json(path)
    except SituationError as exc:
        problems = exc.problems
    else:
        problems, _ = validate(data, path.parent)
    for problem in problems:
        print(f"{path}: {problem}", file=sys.stderr)
    if problems:
        print(f"{path}: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"{path}: valid")
    return 0


def run_snapshot(args: argparse.Namespace) -> int:
    from pathlib import Path

    from mapapp.render.scene import LAYERS

    out = Path(args.output)
    suffix = out.suffix.lower()
    if suffix not in (".png", ".svg", ".pdf"):
        raise UsageError(
            f"unsupported output format {suffix or '(no suffix)'!r}; use .png, .svg or .pdf"
        )
    width, height = parse_size(args.size)
    if not (24 <= args.dpi <= 1200):
        raise UsageError(f"--dpi {args.dpi:g} is out of range (24..1200)")
    from mapapp.render.export import raster_size_problem

    problem = raster_size_problem(width, height, args.dpi / 96)
    if suffix == ".png" and problem:
        raise UsageError(f"--size {width}x{height} at {args.dpi:g} dpi: {problem}")
    bbox = parse_bbox(args.bbox) if args.bbox else None
    hidden = frozenset(k.strip() for k in args.hide.split(",") if k.strip())
    unknown = hidden - set(LAYERS)
    if unknown:
        raise UsageError(
            f"--hide: unknown layer {sorted(unknown)[0]!r}; layers: {', '.join(LAYERS)}"
        )
    if not (0 < args.basemap_timeout <= 3600):
        raise UsageError(f"--basemap-timeout {args.basemap_timeout:g} is out of range (0..3600 s)")
    tile_source = None
    if args.basemap:
        from mapapp.geo.tile_files import source_from_spec
        from mapapp.geo.tile_sources import TileSourceError

        try:
            tile_source = source_from_spec(args.basemap)
        except TileSourceError as exc:
            raise UsageError(f"--basemap: {exc}") from None
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["mapapp"])
    from PySide6.QtCore import QCoreApplication

    # the window's names, so both find the same tile cache under ~/.cache
    QCoreApplication.setOrganizationName("mapapp")
    QCoreApplication.setApplicationName("mapapp")
    from mapapp.model.files import SituationError
    from mapapp.model.io import default_situation_path, load_situation
    from mapapp.render.basemap import default_basemap
    from mapapp.render.export import export_snapshot
    from mapapp.render.situation_layer import SituationLayer
    from mapapp.render.snapshot import build_snapshot, default_view, time_window_for

    try:
        if args.file:
            from mapapp.exchange.convert import read_any

            situation = read_any(args.file)
        else:
            situation = load_situation(default_situation_path(), trusted=True)
    except SituationError as exc:
        raise UsageError(str(exc)) from None
    basemap = default_basemap()
    layer = SituationLayer(situation, basemap)
    window = time_window_for(layer, args.first, args.last, args.mode)
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
    )
    if tile_source is not None:
        snap = _add_tiles(snap, tile_source, out, args.basemap_timeout)
    export_snapshot(out, snap, basemap, layer)
    del app
    print(f"wrote {out} ({width}x{height}, {suffix[1:].upper()})")
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
        print(f"mapapp snapshot: warning: {result.summary()}", file=sys.stderr)
    return snap


def _convert_parser() -> argparse.ArgumentParser:
    p = _parser(
        prog="mapapp convert",
        description="Convert by suffix: from .json (situation), .geojson or .csv (ACLED "
        "layout) to .geojson, .kml, .csv (ACLED layout) or .json (situation).",
    )
    p.add_argument("input", metavar="IN", help="situation, GeoJSON or ACLED-layout CSV file")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="output file")
    return p


def run_convert(args: argparse.Namespace) -> int:
    from pathlib import Path

    from mapapp.exchange.convert import (
        READ_SUFFIXES,
        WRITE_SUFFIXES,
        convert_stream,
        read_any,
        write_any,
    )
    from mapapp.model.files import SituationError

    src, out = Path(args.input), Path(args.output)
    if out.suffix.lower() not in WRITE_SUFFIXES:
        raise UsageError(
            f"unsupported output format {out.suffix or '(no suffix)'!r}; "
            f"use {', '.join(WRITE_SUFFIXES)}"
        )
    if src.suffix.lower() not in READ_SUFFIXES:
        kind = src.suffix or "files without a suffix"
        raise UsageError(f"cannot read {kind!r}; use {', '.join(READ_SUFFIXES)}")
    if src.resolve() == out.resolve():
        raise UsageError("the output would overwrite the input; choose another name")
    line = TerminalProgress(src.name, out.name) if sys.stderr.isatty() else None
    try:
        streamed = convert_stream(src, out, progress=line.writing if line else None)
        if streamed is None:  # formats and files that are read whole
            situation = read_any(src, progress=line.reading if line else None)
            notes = write_any(situation, out, progress=line.writing if line else None)
            events, places = situation.event_count(), len(situation.places)
        else:
            (notes, events), places = streamed, 0
    except SituationError as exc:
        if line:
            line.clear()
        raise UsageError(str(exc)) from None
    if line:
        line.clear()
    for note in notes:
        print(f"mapapp: note: {note}", file=sys.stderr)
    counts = ", ".join((_plural(events, "event"), _plural(places, "place")))
    print(f"wrote {out} ({counts}; {_plural(len(notes), 'note')})")
    return 0


class TerminalProgress:
    """One line on the terminal, rewritten in place: the reading stage, then the rows
    written (at most ten updates a second)."""

    def __init__(self, src: str, out: str) -> None:
        self.src, self.out = src, out
        self.last = 0.0
        self.width = 0

    def _show(self, text: str, force: bool = False) -> None:
        import time

        now = time.monotonic()
        if not force and now - self.last < 0.1:
            return
        self.last = now
        sys.stderr.write("\r" + text.ljust(self.width))
        sys.stderr.flush()
        self.width = len(text)

    def reading(self, fraction: float, stage: str) -> None:
        self._show(f"mapapp: reading {self.src}: {stage} ({fraction:.0%})", force=True)

    def writing(self, done: int, total: int | None) -> None:
        if total is None:  # a stream: its length is known at its end
            self._show(f"mapapp: converting to {self.out}: {done:,} events")
            return
        share = done / total if total else 1.0
        text = f"mapapp: writing {self.out}: {done:,} of {total:,} events ({share:.0%})"
        self._show(text, force=done >= total)

    def clear(self) -> None:
        sys.stderr.write("\r" + " " * self.width + "\r")
        sys.stderr.flush()


def _places_parser() -> argparse.ArgumentParser:
    p = _parser(
        prog="mapapp places",
        description="Place names found in an article (UTF-8 text), one JSON line each: "
        "start, end, text, the chosen place's name, lat, lon, country, source, and the "
        "alternatives. Offline: the project's places and GeoNames cities500.",
    )
    p.add_argument("article", metavar="ARTICLE", help="the article as a UTF-8 text file")
    return p


def run_places(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from mapapp.geo.gazetteer import continents, countries, load_gazetteer
    from mapapp.model.place_mentions import find_mentions

    path = Path(args.article)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path} is not UTF-8 text") from None
    text = text.replace("\r\n", "\n")  # offsets count characters of the text as stored

    def place(p) -> dict:
        return {"name": p.name, "lat": p.lat, "lon": p.lon, "country": p.country}

    for m in find_mentions(text, load_gazetteer(), countries(), continents()):
        line = {"start": m.start, "end": m.end, "text": m.text, **place(m.place)}
        line["source"] = m.place.source
        line["alternatives"] = [
            {**place(a), "population": a.population, "source": a.source} for a in m.alternatives
        ]
        print(json.dumps(line, ensure_ascii=False))
    return 0


def _install_desktop_parser() -> argparse.ArgumentParser:
    p = _parser(
        prog="mapapp install-desktop",
        description="Add mapapp to the desktop menu and open *.situation.json files with it "
        "(current user, under $XDG_DATA_HOME).",
    )
    p.add_argument("--uninstall", action="store_true", help="remove what was installed")
    return p


def run_install_desktop(args: argparse.Namespace) -> int:
    from mapapp import desktop

    if not sys.platform.startswith("linux"):
        raise MapappError("install-desktop is for Linux desktops (freedesktop.org standards)")
    if args.uninstall:
        print(f"removed {_plural(len(desktop.uninstall()), 'file')} from {desktop.data_home()}")
    else:
        print(f"installed {_plural(len(desktop.install()), 'file')} under {desktop.data_home()}")
    return 0


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def run_gui(argv: list[str]) -> int:
    # plain 'mapapp' skips argparse's import: start-up is measured
    args = _gui_parser().parse_args(argv) if argv else None
    tile_source = None
    if args is not None and args.basemap:
        from mapapp.geo.tile_files import source_from_spec
        from mapapp.geo.tile_sources import TileSourceError

        try:
            tile_source = source_from_spec(args.basemap)
        except TileSourceError as exc:
            raise UsageError(f"--basemap: {exc}") from None
    from mapapp.ui.app import run

    return run(args.file if args else None, tile_source)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_read-parquet"] and len(argv) == 4:  # internal: see exchange/parquet
        from mapapp.exchange.parquet import decode_in_child

        return decode_in_child(*argv[1:])
    try:
        if argv and argv[0] == "snapshot":
            return run_snapshot(_snapshot_parser().parse_args(argv[1:]))
        if argv and argv[0] == "convert":
            return run_convert(_convert_parser().parse_args(argv[1:]))
        if argv and argv[0] == "install-desktop":
            return run_install_desktop(_install_desktop_parser().parse_args(argv[1:]))
        if argv and argv[0] == "validate":
            return run_validate(_validate_parser().parse_args(argv[1:]))
        if argv and argv[0] == "places":
            return run_places(_places_parser().parse_args(argv[1:]))
        return run_gui(argv)
    except MapappError as exc:
        print(f"mapapp: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("mapapp: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug, not the user's input: report it, in one line
        from mapapp.crash import EXIT_INTERNAL, one_line, write_report

        report = write_report(type(exc), exc, exc.__traceback__, f"mapapp {' '.join(argv)}")
        print(f"mapapp: internal error: {one_line(exc, report)}", file=sys.stderr)
        return EXIT_INTERNAL
