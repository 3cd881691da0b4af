"""``mapapp publish``: a situation as one self-contained interactive web page, headless."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from mapapp.cli_args import basemap_arg, one_line_parser, situation_arg
from mapapp.errors import UsageError
from mapapp.i18n import format_number, tr, translate

if TYPE_CHECKING:
    import argparse


def publish_parser() -> argparse.ArgumentParser:
    p = one_line_parser(
        prog="mapapp publish",
        description=translate(
            "cli",
            "Write a situation as one self-contained HTML page that opens offline in any current "
            "browser.",
        ),
    )
    p.add_argument(
        "file", nargs="?", help=translate("cli", "situation or dataset (default: the embedded one)")
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="PAGE.html", help=translate("cli", "the page")
    )
    p.add_argument("--title", help=translate("cli", "the page's title (default: the situation's)"))
    p.add_argument(
        "--from",
        dest="first",
        metavar="DATE",
        help=translate("cli", "only events from this day on"),
    )
    p.add_argument(
        "--to", dest="last", metavar="DATE", help=translate("cli", "only events up to this day")
    )
    p.add_argument(
        "--bbox",
        help=translate("cli", "W,S,E,N in degrees: the first view (default: the situation)"),
    )
    p.add_argument(
        "--select", metavar="ID", help=translate("cli", "an event (or a claim's event) selected")
    )
    p.add_argument(
        "--basemap",
        metavar="NAME|URL|FILE",
        help=translate(
            "cli",
            "tiles under the vector map: from an .mbtiles/.pmtiles file, those of the first "
            "view's area are embedded; from a provider name or URL, the reader's browser fetches "
            "them when it can (the map never depends on them)",
        ),
    )
    return p


def run_publish(args: argparse.Namespace) -> int:
    from pathlib import Path

    from mapapp.cli_snapshot import parse_bbox

    out = Path(args.output)
    if out.suffix.lower() not in (".html", ".htm"):
        raise UsageError(
            translate("cli", "the page must end in .html, not {suffix!r}").format(
                suffix=out.suffix or translate("cli", "(no suffix)")
            )
        )
    bbox = parse_bbox(args.bbox) if args.bbox else None
    tiles = basemap_arg(args.basemap)
    from mapapp.render.snapshot import parse_day

    first = parse_day(args.first, "--from") if args.first else None
    last = parse_day(args.last, "--to") if args.last else None
    if first is not None and last is not None and first > last:
        raise UsageError(
            translate("cli", "--from {first} is after --to {last}").format(
                first=args.first, last=args.last
            )
        )
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["mapapp"])  # noqa: F841 - fonts
    from mapapp.publish.publish import CannotPublish, PageChoices, publish
    from mapapp.render.snapshot import bbox_map_box, resolve_selection

    situation = situation_arg(args.file)
    select = resolve_selection(situation, args.select) if args.select else ""
    view = bbox_map_box(bbox) if bbox is not None else None
    choices = PageChoices(args.title or "", first, last, select, view, tiles)
    try:
        done = publish(situation, out, choices)
    except CannotPublish as exc:
        raise UsageError(str(exc)) from None
    size = format_number(done.bytes / 1e6, 2)
    print(
        translate("cli", "wrote {path} ({size} MB, {events})").format(
            path=out, size=size, events=tr("%Ln event(s)", "cli", done.events)
        )
    )
    return 0
