"""Crash reports: what escaped every expected error, written where a user can find it and
send it, so the terminal (or the window) shows one line instead of a traceback.

The window installs the handler at start-up, so the modules a report needs are imported
when one is written, not before (start-up is measured)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mapapp import __version__
from mapapp.i18n import translate

if TYPE_CHECKING:
    from types import TracebackType

EXIT_INTERNAL = 70  # EX_SOFTWARE in sysexits.h: an internal software error


def crash_dir() -> Path:
    """The user's cache directory for mapapp's crash reports."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "mapapp" / "crashes"


def write_report(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    context: str = "",
) -> Path | None:
    """Write the traceback and what was running; the report's path, or None if no folder
    (not even the temporary one) would take it."""
    import platform
    import tempfile
    import traceback
    from datetime import datetime, timezone

    stamp = datetime.now(timezone.utc)
    name = f"crash-{stamp:%Y%m%d-%H%M%S-%f}-{os.getpid()}.txt"
    text = "\n".join(
        [
            f"mapapp {__version__} crash report, {stamp.isoformat(timespec='seconds')}",
            f"python {platform.python_version()} on {platform.platform()}",
            f"command: {' '.join(sys.argv)}",
            f"while: {context or 'running'}",
            "",
            "".join(traceback.format_exception(exc_type, exc, tb)),
        ]
    )
    text = without_passwords(text)
    for folder in (crash_dir(), Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / name
            # a file name or message that is not valid Unicode must not stop the report
            path.write_text(text, encoding="utf-8", errors="backslashreplace")
            return path
        except OSError:
            continue
    return None


def without_passwords(text: str) -> str:
    """A store's password never goes into a report: ``postgresql://user:SECRET@host`` and
    ``password=SECRET`` (a libpq connection string) are written with the secret masked."""
    import re

    text = re.sub(r"(postgres(?:ql)?://[^:/@\s]*:)[^@\s]*@", r"\1***@", text)
    return re.sub(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)", r"\1***", text)


def one_line(exc: BaseException, report: Path | None) -> str:
    """``RuntimeError: what went wrong; details in /path`` on a single line."""
    message = without_passwords(" ".join(str(exc).split()))
    if len(message) > 200:
        message = message[:197] + "…"
    what = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    if report:
        return translate("cli", "{error}; details in {report}").format(error=what, report=report)
    return translate("cli", "{error}; no crash report could be written").format(error=what)
