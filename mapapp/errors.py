"""Errors the user can act on; the command line prints them as one line, no traceback."""

from mapapp.i18n import translate


class MapappError(Exception):
    exit_code = 1


class UsageError(MapappError):
    """Bad command-line input."""

    exit_code = 2


class ExportError(MapappError):
    """An output that cannot be written (bad path, encoding failure)."""


class ExportCancelled(ExportError):
    """The user stopped an export; nothing was written."""

    def __init__(self) -> None:
        super().__init__(translate("cli", "export cancelled"))
