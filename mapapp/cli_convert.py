"""``mapapp convert``: data interchange by suffix, with a progress line on a terminal."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from mapapp.cli_args import one_line_parser
from mapapp.errors import UsageError
from mapapp.i18n import format_number, tr, translate

if TYPE_CHECKING:
    import argparse


def convert_parser() -> argparse.ArgumentParser:
    p = one_line_parser(
        prog="mapapp convert",
        description=translate(
            "cli",
            "Convert by suffix: from .json (situation), .geojson or .csv (ACLED layout) to "
            ".geojson, .kml, .csv (ACLED layout) or .json (situation).",
        ),
    )
    p.add_argument(
        "input", metavar="IN", help=translate("cli", "situation, GeoJSON or ACLED-layout CSV file")
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="OUT", help=translate("cli", "output file")
    )
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
            translate("cli", "unsupported output format {suffix!r}; use {suffixes}").format(
                suffix=out.suffix or translate("cli", "(no suffix)"),
                suffixes=", ".join(WRITE_SUFFIXES),
            )
        )
    if src.suffix.lower() not in READ_SUFFIXES:
        kind = src.suffix or translate("cli", "files without a suffix")
        raise UsageError(
            translate("cli", "cannot read {kind!r}; use {suffixes}").format(
                kind=kind, suffixes=", ".join(READ_SUFFIXES)
            )
        )
    if src.resolve() == out.resolve():
        raise UsageError(
            translate("cli", "the output would overwrite the input; choose another name")
        )
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
        print(translate("cli", "mapapp: note: {note}").format(note=note), file=sys.stderr)
    print(
        translate("cli", "wrote {path} ({events}, {places}; {notes})").format(
            path=out,
            events=tr("%Ln event(s)", "cli", events),
            places=tr("%Ln place(s)", "cli", places),
            notes=tr("%Ln note(s)", "cli", len(notes)),
        )
    )
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
        text = translate("cli", "mapapp: reading {file}: {stage} ({percent})")
        self._show(text.format(file=self.src, stage=stage, percent=f"{fraction:.0%}"), force=True)

    def writing(self, done: int, total: int | None) -> None:
        if total is None:  # a stream: its length is known at its end
            text = translate("cli", "mapapp: converting to {file}: {events}")
            self._show(text.format(file=self.out, events=tr("%Ln event(s)", "cli", done)))
            return
        share = done / total if total else 1.0
        text = translate("cli", "mapapp: writing {file}: {done} of {events} ({percent})").format(
            file=self.out,
            done=format_number(done),
            events=tr("%Ln event(s)", "cli", total),
            percent=f"{share:.0%}",
        )
        self._show(text, force=done >= total)

    def clear(self) -> None:
        sys.stderr.write("\r" + " " * self.width + "\r")
        sys.stderr.flush()
