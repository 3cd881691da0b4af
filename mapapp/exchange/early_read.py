"""Reading the file named on the command line from the first moment, in a second process:
the window starts on one core (Qt) while the child imports polars and reads and checks
the file on the other, so the first frame can draw the events as soon as they are
checked. A thread could not do this: importing polars and mapapp's readers holds the GIL
that starting the window needs (measured: a reader thread gained nothing).

The child hands over the markers (map x/y and type of every event, in a small file of
their own) and ends; the window then builds the table itself, since reading the file
again costs less than the child writing the table and the window loading it. The child
speaks the window's language (``--lang``). It says how far it is on its stdout, one JSON
object a line: ``{"progress": [fraction, stage]}``, then ``{"markers": file, "types":
[...]}``, ``{"error": {...}}`` (the file cannot be used: the same SituationError as a read
in the window, worded in the child's language, which it names) or ``{"fallback": why}``
(what the child cannot do, a bug of its own included, the window does itself). The child leaves
when the window does (its stdin closes). A file the table cache holds gets no child: its
markers are read before Qt starts (``early_read``).

``read_with_cache`` is the reading in the window's own process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING

from mapapp.i18n import format_number, language, translate

if TYPE_CHECKING:
    from mapapp.exchange.table_cache import Markers
    from mapapp.model.situation import Situation

Progress = Callable[[float, str], None]
Preview = Callable[["Markers"], None]
CHILD_COMMAND = "_prepare-table"  # the hidden subcommand of the child (see cli.main)
PAINT_WAIT = 1.0  # seconds the table waits for the preview's frame (a hidden window)


def read_with_cache(
    path: Path, progress: Progress, preview: Preview | None = None
) -> tuple[Situation, dict | None]:
    """The situation in ``path``, and the cache key to store its table under (None: it
    came from the cache, or is not a CSV). ``preview`` is given the cached markers
    before the cached table is read."""
    from mapapp.exchange import table_cache

    path = Path(path)
    if path.suffix.lower() != ".csv":
        return _read_any(path, progress), None
    cached = _from_cache(path, progress, preview)
    if cached is not None:
        return cached, None
    try:
        key = table_cache.source_key(path)  # before reading: a later change is not stored
    except OSError:
        key = None
    situation = _read_any(path, progress)
    return situation, key if situation.table is not None else None


def _from_cache(path: Path, progress: Progress, preview: Preview | None) -> Situation | None:
    from mapapp.exchange import table_cache

    markers = table_cache.load_markers(path)
    if markers is None:
        return None
    if preview is not None:
        preview(markers)
    cached = table_cache.load(path)
    if cached is None:
        return None
    from mapapp.exchange.dataset import dataset_situation

    table, data_date = cached
    progress(0.9, translate("data", "opening the cached table"))
    return dataset_situation(path, table, {"data_date": data_date} if data_date else None)


def _read_any(path: Path, progress: Progress) -> Situation:
    """``convert.read_any``, imported only now: a cached table does not need it."""
    from mapapp.exchange import convert

    return convert.read_any(path, progress)


def early_read(path: str, lang: str) -> EarlyRead | Markers | None:
    """How the window gets ``path`` fastest, decided before Qt is imported: a child
    reading it from now on (speaking ``lang``), or the cached markers of a file the table
    cache holds (read here: the first frame draws them, and the window's own load job
    reads the table), or None where the window does better on its own (not an ACLED
    CSV)."""
    from mapapp.exchange import table_cache

    if not path.lower().endswith(".csv"):
        return None
    try:
        markers = table_cache.load_markers(Path(path))
    except OSError:
        return None  # the window's own read says what is wrong with it
    return markers if markers is not None else EarlyRead(path, lang)


class EarlyRead:
    """The child reading ``path``; ``result`` waits for it in the window's load job,
    passing on its progress (a listener that raises stops it, as the load job's Cancel
    does) and its markers."""

    def __init__(self, path: Path | str, lang: str = "en") -> None:
        from mapapp.self_command import self_command

        self.path = Path(path)
        self._painted = threading.Event()
        self.proc = subprocess.Popen(
            [*self_command(), CHILD_COMMAND, str(self.path), "--lang", lang],
            stdin=subprocess.PIPE,  # closed when the window leaves: the child goes too
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # the child writes its own crash report
        )

    def preview_painted(self) -> None:
        """The window has painted (the preview, if it had it)."""
        self._painted.set()

    def cancel(self) -> None:
        """Stop the child (a load job's Cancel, or the window closing)."""
        if self.proc.poll() is None:
            self.proc.kill()

    def result(
        self, progress: Progress, preview: Preview | None = None
    ) -> tuple[Situation, dict | None]:
        """The situation, read here once the child has handed over the markers (or
        could not), with the key to cache it under (as ``read_with_cache``); the child's
        errors are raised here, as if read here."""
        try:
            outcome = self._follow(progress, preview)
        except BaseException:
            self.cancel()
            raise
        if outcome == "markers":  # the child ends by itself
            # Built here: reading it again takes less than the child writing the table
            # and this process loading it (a million rows: ~2.5 s against ~5 s).
            self._painted.wait(PAINT_WAIT)
            return read_with_cache(self.path, lambda f, stage: progress(0.5 + f / 2, stage))
        self.cancel()
        return read_with_cache(self.path, progress, preview)

    def _follow(self, progress: Progress, preview: Preview | None) -> str:
        """Read the child's lines until it is done: "markers" (handed over) or
        "fallback" (anything the window must do itself, a crash of the child included)."""
        import numpy  # noqa: F401 - now, while the child reads: the markers need it

        from mapapp.exchange import table_cache  # noqa: F401 - the same
        from mapapp.model.files import Problem, SituationError

        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            try:
                message = json.loads(line)
            except ValueError:
                return "fallback"
            if "progress" in message:
                fraction, stage = message["progress"]
                progress(float(fraction), str(stage))
            elif "markers" in message:
                markers = _read_markers(Path(message["markers"]), message["types"])
                if markers is None:
                    return "fallback"
                if preview is not None:
                    preview(markers)
                return "markers"
            elif "error" in message:
                error = message["error"]
                if error.get("language") != language():  # the window changed its language
                    return "fallback"
                problems = [Problem(p, m) for p, m in error["problems"]]
                raise SituationError(Path(error["file"]), problems)
            else:
                return "fallback"
        return "fallback"


# the child's side ------------------------------------------------------------------------
def prepare_in_child(path_text: str) -> int:
    """Read and check ``path_text`` and hand its markers to the window that started this
    process."""
    threading.Thread(target=_leave_with_parent, args=(sys.stdin,), daemon=True).start()
    path = Path(path_text)
    try:
        _prepare(path)
    except Exception as exc:  # a bug: reported like any other, the window reads itself
        from mapapp.crash import one_line, write_report

        report = write_report(type(exc), exc, exc.__traceback__, f"reading {path} for the window")
        _say(fallback=f"internal error: {one_line(exc, report)}")
    return 0


def _prepare(path: Path) -> None:
    from mapapp.exchange import table_cache
    from mapapp.model.files import SituationError

    if path.suffix.lower() != ".csv":
        _say(fallback="not an ACLED CSV")
        return
    from mapapp.exchange import acled_table

    try:
        _say(progress=[0.02, translate("data", "reading")])
        import polars  # noqa: F401 - first, then what comes after the reading meanwhile:

        threading.Thread(target=_import_the_rest, daemon=True).start()
        raw = acled_table.read_acled_rows(path)  # polars lets go of the GIL while it reads
        rows = format_number(raw.height)
        _say(progress=[0.45, translate("data", "checking {rows} rows").format(rows=rows)])
        frame, numbers = acled_table.acled_checked(raw, path)
    except SituationError as exc:
        problems = [[p.path, p.message] for p in exc.problems]
        _say(error={"file": str(exc.file), "problems": problems, "language": language()})
        return
    del raw
    rows, types = acled_table.row_markers(frame, numbers)
    lon, lat, codes = (rows[c].to_numpy() for c in ("lon", "lat", "code"))
    markers = table_cache.markers_of(lon, lat, codes, types)
    _say(markers=str(_write_markers(markers)), types=markers.types)


def _import_the_rest() -> None:
    """numpy and what the markers and the table need, imported while polars reads the
    file (~0.2 s that would otherwise follow the reading)."""
    import numpy  # noqa: F401

    import mapapp.geo.projection
    import mapapp.model.situation  # noqa: F401


def _say(**message) -> None:
    print(json.dumps(message), flush=True)


def _leave_with_parent(stdin: IO[str]) -> None:
    """The window closed its end (it left, or gave up on this file): stop at once."""
    stdin.read()
    os._exit(0)


def _write_markers(markers: Markers) -> Path:
    """x, y (float64) and type codes (int16) of every marker, one after the other."""
    import numpy as np

    fd, name = tempfile.mkstemp(prefix="mapapp-markers-", suffix=".bin")
    with os.fdopen(fd, "wb") as f:
        f.write(np.asarray([len(markers.x)], "<u8").tobytes())
        for column, dtype in ((markers.x, "<f8"), (markers.y, "<f8"), (markers.codes, "<i2")):
            f.write(np.ascontiguousarray(column, dtype).tobytes())
    return Path(name)


def _read_markers(file: Path, types: list[str]) -> Markers | None:
    """The child's markers (the file goes once read); None if it is not whole."""
    import numpy as np

    from mapapp.exchange.table_cache import Markers

    try:
        data = np.fromfile(file, np.uint8)
    except OSError:
        return None
    finally:
        file.unlink(missing_ok=True)
    n = int(data[:8].view("<u8")[0]) if len(data) >= 8 else -1
    if n < 0 or len(data) != 8 + n * 18:
        return None
    x = data[8 : 8 + 8 * n].view("<f8")
    y = data[8 + 8 * n : 8 + 16 * n].view("<f8")
    codes = data[8 + 16 * n :].view("<i2")
    return Markers(x, y, codes, [str(t) for t in types])
