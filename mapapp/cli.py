"""Command line: ``mapapp`` opens the window; subcommands work headless.

Heavy modules are imported inside each command so ``mapapp --version`` and the
window's first frame do not pay for what they do not use.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from mapapp import __version__
from mapapp.errors import MapappError, UsageError

if TYPE_CHECKING:
    import argparse

MAX_SIDE = 16_384
MAX_PIXELS = 120_000_000


def parse_size(text: str) -> tuple[int, int]:
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


def _gui_parser() -> argparse.ArgumentParser:
    import argparse

    p = argparse.ArgumentParser(
        prog="mapapp",
        description="Situation map of events, actors and source claims. "
        "Subcommands: snapshot, validate (run 'mapapp snapshot -h').",
    )
    p.add_argument("--version", action="version", version=f"mapapp {__version__}")
    p.add_argument("file", nargs="?", help="situation file (default: the embedded one)")
    return p


def _snapshot_parser() -> argparse.ArgumentParser:
    import argparse

    p = argparse.ArgumentParser(prog="mapapp snapshot", description="Export a map snapshot.")
    p.add_argument("file", nargs="?", help="situation file (default: the embedded one)")
    p.add_argument("-o", "--output", required=True, help="output file (.png)")
    p.add_argument("--size", default="1600x1000", help="WIDTHxHEIGHT in pixels")
    p.add_argument("--title", default="", help="title drawn on the map")
    return p


def _validate_parser() -> argparse.ArgumentParser:
    import argparse

    p = argparse.ArgumentParser(
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

    out = Path(args.output)
    if out.suffix.lower() != ".png":
        raise UsageError(f"unsupported output format {out.suffix or '(none)'!r}; use .png")
    width, height = parse_size(args.size)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["mapapp"])
    from mapapp.geo.viewport import framing
    from mapapp.model.files import SituationError
    from mapapp.model.io import default_situation_path, load_situation
    from mapapp.render.basemap import default_basemap
    from mapapp.render.export import render_image, save_png
    from mapapp.render.scene import RenderOptions
    from mapapp.render.situation_layer import SituationLayer
    from mapapp.ui.home import home_view

    try:
        if args.file:
            situation = load_situation(args.file)
        else:
            situation = load_situation(default_situation_path(), trusted=True)
    except SituationError as exc:
        raise UsageError(str(exc)) from None
    basemap = default_basemap()
    layer = SituationLayer(situation, basemap)
    extent = layer.extent() if args.file else None
    view = framing(extent, width, height) if extent else home_view(basemap, width, height)
    options = RenderOptions(title=args.title, focus_places=layer.focus_names())
    save_png(render_image(view, basemap, options, situation=layer), out)
    del app
    print(f"wrote {out} ({width}x{height})")
    return 0


def run_gui(argv: list[str]) -> int:
    # plain 'mapapp' skips argparse's import: start-up is measured
    file = _gui_parser().parse_args(argv).file if argv else None
    from mapapp.ui.app import run

    return run(file)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv and argv[0] == "snapshot":
            return run_snapshot(_snapshot_parser().parse_args(argv[1:]))
        if argv and argv[0] == "validate":
            return run_validate(_validate_parser().parse_args(argv[1:]))
        return run_gui(argv)
    except MapappError as exc:
        print(f"mapapp: error: {exc}", file=sys.stderr)
        return exc.exit_code
