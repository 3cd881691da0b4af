"""Command line: ``mapapp`` opens the window; subcommands work headless.

Heavy modules are imported inside each command so ``mapapp --version`` and the
window's first frame do not pay for what they do not use.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from mapapp import __version__
from mapapp.cli_args import one_line_parser
from mapapp.errors import MapappError
from mapapp.i18n import LANGUAGES, choose_language, set_language, tr, translate

SUBCOMMANDS = (
    "snapshot",
    "publish",
    "convert",
    "install-desktop",
    "validate",
    "places",
    "extract",
    "store",
)

if TYPE_CHECKING:
    import argparse


def _gui_parser() -> argparse.ArgumentParser:
    p = one_line_parser(
        prog="mapapp",
        description=translate(
            "cli",
            "Situation map of events, actors and source claims. Subcommands: snapshot, publish, "
            "convert, validate, places, extract, install-desktop (run 'mapapp snapshot -h'). "
            "--lang fr|en, anywhere: the language (default: the window's last choice, else the "
            "system's).",
        ),
    )
    p.add_argument("--version", action="version", version=f"mapapp {__version__}")
    p.add_argument(
        "file",
        nargs="?",
        help=translate(
            "cli", "situation file, or a team's store as URL#NAME (default: the embedded one)"
        ),
    )
    p.add_argument(
        "--basemap",
        metavar="NAME|URL|FILE",
        help=translate("cli", "a tile basemap for this session (as for 'mapapp snapshot')"),
    )
    return p


def _validate_parser() -> argparse.ArgumentParser:
    p = one_line_parser(
        prog="mapapp validate",
        description=translate(
            "cli", "Check a situation file; exit 0 when it is valid, 1 with every problem listed."
        ),
    )
    p.add_argument("file", help=translate("cli", "situation JSON file"))
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
        count = tr("%Ln problem(s)", "validate", len(problems))
        print(f"{path}: {count}", file=sys.stderr)
        return 1
    print(translate("cli", "{path}: valid").format(path=path))
    return 0


def _places_parser() -> argparse.ArgumentParser:
    p = one_line_parser(
        prog="mapapp places",
        description=translate(
            "cli",
            "Place names found in an article (UTF-8 text), one JSON line each: start, end, text, "
            "the chosen place's name, lat, lon, country, source, and the alternatives. Offline: "
            "the project's places and GeoNames cities500.",
        ),
    )
    p.add_argument(
        "article", metavar="ARTICLE", help=translate("cli", "the article as a UTF-8 text file")
    )
    return p


def run_places(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from mapapp.cli_extract import read_for_finding
    from mapapp.geo.gazetteer import continents, countries, load_gazetteer
    from mapapp.model.place_mentions import find_mentions

    text, _published = read_for_finding(Path(args.article))

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
    p = one_line_parser(
        prog="mapapp install-desktop",
        description=translate(
            "cli",
            "Add mapapp to the desktop menu and open *.situation.json files with it (current "
            "user, under $XDG_DATA_HOME).",
        ),
    )
    p.add_argument(
        "--uninstall", action="store_true", help=translate("cli", "remove what was installed")
    )
    return p


def run_install_desktop(args: argparse.Namespace) -> int:
    from mapapp import desktop

    if not sys.platform.startswith("linux"):
        raise MapappError(
            translate("cli", "install-desktop is for Linux desktops (freedesktop.org standards)")
        )
    if args.uninstall:
        files = tr("%Ln file(s)", "install-desktop", len(desktop.uninstall()))
        text = translate("cli", "removed {files} from {folder}")
    else:
        files = tr("%Ln file(s)", "install-desktop", len(desktop.install()))
        text = translate("cli", "installed {files} under {folder}")
    print(text.format(files=files, folder=desktop.data_home()))
    return 0


def run_gui(argv: list[str], language: str | None = None) -> int:
    # plain 'mapapp' skips argparse's import: start-up is measured
    args = _gui_parser().parse_args(argv) if argv else None
    early = None
    if args is not None and args.file:
        from mapapp.store.connection import names_a_store

        if not names_a_store(args.file):  # a file: a second process reads it while Qt starts
            from mapapp.exchange.early_read import early_read

            early = early_read(args.file, choose_language(language))
    tile_source = None
    if args is not None and args.basemap:
        from mapapp.cli_args import basemap_arg

        tile_source = basemap_arg(args.basemap)
    from mapapp.ui.app import run

    return run(args.file if args else None, tile_source, early, language)


def take_language(argv: list[str]) -> tuple[str | None, list[str]]:
    """``--lang CODE`` (or ``--lang=CODE``) wherever it stands, taken out of the rest: every
    subcommand and the window speak it, their help and errors included."""
    rest, asked, i = [], None, 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--lang" and i + 1 < len(argv):
            asked, i = argv[i + 1], i + 2
            continue
        if arg.startswith("--lang="):
            asked = arg.split("=", 1)[1]
        else:
            rest.append(arg)
        i += 1
    return asked, rest


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # extract's --lang is the article's language: the interface keeps the system's
    asked, argv = take_language(argv) if argv[:1] != ["extract"] else (None, argv)
    if asked is not None and asked not in LANGUAGES:
        print(
            f"mapapp: error: --lang {asked!r}: use one of {', '.join(LANGUAGES)}",
            file=sys.stderr,
        )
        return 2
    if argv[:1] == ["_read-parquet"] and len(argv) == 4:  # internal: see exchange/parquet
        from mapapp.exchange.parquet import decode_in_child

        return decode_in_child(*argv[1:])
    if argv[:1] == ["_prepare-table"] and len(argv) == 2:  # internal: see exchange/early_read
        from mapapp.exchange.early_read import prepare_in_child

        set_language(choose_language(asked))  # the window's, which it passes on
        return prepare_in_child(argv[1])
    if argv and argv[0] in SUBCOMMANDS:  # the window decides with its settings
        set_language(choose_language(asked))
    try:
        if argv and argv[0] == "snapshot":
            from mapapp.cli_snapshot import run_snapshot, snapshot_parser

            return run_snapshot(snapshot_parser().parse_args(argv[1:]))
        if argv and argv[0] == "publish":
            from mapapp.cli_publish import publish_parser, run_publish

            return run_publish(publish_parser().parse_args(argv[1:]))
        if argv and argv[0] == "convert":
            from mapapp.cli_convert import convert_parser, run_convert

            return run_convert(convert_parser().parse_args(argv[1:]))
        if argv and argv[0] == "install-desktop":
            return run_install_desktop(_install_desktop_parser().parse_args(argv[1:]))
        if argv and argv[0] == "validate":
            return run_validate(_validate_parser().parse_args(argv[1:]))
        if argv and argv[0] == "places":
            return run_places(_places_parser().parse_args(argv[1:]))
        if argv and argv[0] == "store":
            from mapapp.cli_store import run_store, store_parser

            return run_store(store_parser().parse_args(argv[1:]))
        if argv and argv[0] == "extract":
            from mapapp.cli_extract import extract_parser, run_extract

            return run_extract(extract_parser().parse_args(argv[1:]))
        return run_gui(argv, asked)
    except MapappError as exc:
        print(translate("cli", "mapapp: error: {message}").format(message=exc), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(translate("cli", "mapapp: interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:  # `mapapp extract … | head`: the reader has what it wanted
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no flush error
        return 141
    except Exception as exc:  # a bug, not the user's input: report it, in one line
        from mapapp.crash import EXIT_INTERNAL, one_line, write_report

        report = write_report(type(exc), exc, exc.__traceback__, f"mapapp {' '.join(argv)}")
        text = translate("cli", "mapapp: internal error: {message}")
        print(text.format(message=one_line(exc, report)), file=sys.stderr)
        return EXIT_INTERNAL
