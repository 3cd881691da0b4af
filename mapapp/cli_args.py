"""What every subcommand's arguments share: one-line errors, and numbers that may start
with a minus sign."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mapapp.errors import UsageError
from mapapp.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    import argparse

# a number or a comma-separated list of them, starting with a minus sign
NUMBERS = r"^-(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?(,\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)*$"


# argparse's own words (it asks gettext for them), marked for lupdate: the help and the
# errors of every subcommand speak the interface's language
ARGPARSE_TEXTS = frozenset(
    (
        QT_TRANSLATE_NOOP("argparse", "usage: "),
        QT_TRANSLATE_NOOP("argparse", "positional arguments"),
        QT_TRANSLATE_NOOP("argparse", "options"),
        QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
        QT_TRANSLATE_NOOP("argparse", "show program's version number and exit"),
        QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
        QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
        QT_TRANSLATE_NOOP("argparse", "expected one argument"),
        QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
        QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
        QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
        QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
        QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
        QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
        QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
        QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    )
)


def _argparse_text(text: str) -> str:
    return translate("argparse", text) if text in ARGPARSE_TEXTS else text


def one_line_parser(**kwargs) -> argparse.ArgumentParser:
    """An ArgumentParser whose errors are one line (UsageError), not a usage block."""
    import argparse
    import re

    argparse._ = _argparse_text  # its gettext lookup, module-wide

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
