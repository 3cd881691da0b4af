"""What every subcommand's arguments share: one-line errors, and numbers that may start
with a minus sign."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mapapp.errors import UsageError

if TYPE_CHECKING:
    import argparse

# a number or a comma-separated list of them, starting with a minus sign
NUMBERS = r"^-(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?(,\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)*$"


def one_line_parser(**kwargs) -> argparse.ArgumentParser:
    """An ArgumentParser whose errors are one line (UsageError), not a usage block."""
    import argparse
    import re

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


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def basemap_arg(spec: str | None):
    """``--basemap`` as a TileSource (None when not given); a bad one is a UsageError."""
    if not spec:
        return None
    from mapapp.geo.tile_files import source_from_spec
    from mapapp.geo.tile_sources import TileSourceError

    try:
        return source_from_spec(spec)
    except TileSourceError as exc:
        raise UsageError(f"--basemap: {exc}") from None


def situation_arg(file: str | None):
    """The situation a subcommand works on: FILE read as any supported format, or the
    embedded one; a file that cannot be read is a UsageError naming why."""
    from mapapp.model.files import SituationError

    try:
        if file:
            from mapapp.exchange.convert import read_any

            return read_any(file)
        from mapapp.model.io import default_situation_path, load_situation

        return load_situation(default_situation_path(), trusted=True)
    except SituationError as exc:
        raise UsageError(str(exc)) from None
