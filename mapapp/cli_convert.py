"""``mapapp convert``: data interchange by suffix, with a progress line on a terminal."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from mapapp.cli_args import one_line_parser, plural
from mapapp.errors import UsageError

if TYPE_CHECKING:
    import argparse


def convert_parser() -> argparse.ArgumentParser:
    p = one_line_parser(
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
    counts = ", ".join((plural(events, "event"), plural(places, "place")))
    print(f"wrote {out} ({counts}; {plural(len(notes), 'note')})")
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
