"""Reading the file named on the command line from the first moment: a thread started
before Qt is imported, so importing polars and reading, checking and building the table
overlap the window's start-up (polars releases the GIL in its native work), and the
window's load job takes the result over when it starts.

``read_with_cache`` is the reading itself, for this thread and for the load job: an
ACLED CSV comes from the table cache when its entry matches, else it is read and the
key to store it under is handed back (stored once the map has shown it).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mapapp.exchange.table_cache import Markers
    from mapapp.model.situation import Situation

Progress = Callable[[float, str], None]
PAINT_WAIT = 1.0  # seconds the table waits for the preview's frame (a hidden window)
Preview = Callable[["Markers"], None]


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
    markers = table_cache.load_markers(path)
    if markers is not None and preview is not None:
        preview(markers)
    cached = table_cache.load(path) if markers is not None else None
    if cached is not None:
        from mapapp.exchange.dataset import dataset_situation

        table, data_date = cached
        progress(0.9, "opening the cached table")
        document = {"data_date": data_date} if data_date else None
        return dataset_situation(path, table, document), None
    try:
        key = table_cache.source_key(path)  # before reading: a later change is not stored
    except OSError:
        key = None
    situation = _read_any(path, progress)
    return situation, key if situation.table is not None else None


def _read_any(path: Path, progress: Progress) -> Situation:
    """``convert.read_any``, imported only now: a cached table does not need it."""
    from mapapp.exchange import convert

    return convert.read_any(path, progress)


class EarlyRead:
    """``read_with_cache`` on a daemon thread; ``result`` waits for it, passing on its
    progress (the last stage reached, then each new one: a listener that raises stops
    the reading at its next stage, as the load job's Cancel does) and its preview."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._listener: Progress | None = None
        self._last: tuple[float, str] | None = None
        self._preview: Preview | None = None
        self._markers: Markers | None = None
        self._done = threading.Event()
        self._painted = threading.Event()
        self._outcome: tuple[Situation, dict | None] | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="mapapp-early-read", daemon=True)
        self._thread.start()

    def _progress(self, fraction: float, stage: str) -> None:
        with self._lock:
            self._last = (fraction, stage)
            listener = self._listener
        if listener is not None:
            listener(fraction, stage)

    def _previewed(self, markers: Markers) -> None:
        """Hand the markers over, then let the window paint them before importing
        polars for the table (its import holds the GIL the window needs)."""
        with self._lock:
            self._markers = markers
            listener = self._preview
        if listener is not None:
            listener(markers)
        self._painted.wait(PAINT_WAIT)

    def preview_painted(self) -> None:
        """The window has painted (the preview, if it had it): go on with the table."""
        self._painted.set()

    def _run(self) -> None:
        try:
            self._outcome = read_with_cache(self.path, self._progress, self._previewed)
        except BaseException as exc:  # handed to whoever takes the result
            self._error = exc
        finally:
            self._done.set()

    def take_markers(self) -> Markers | None:
        """The cached markers if already read (then not handed to ``result``'s preview):
        the window's first frame can draw them."""
        with self._lock:
            markers, self._markers = self._markers, None
        return markers

    def result(
        self, progress: Progress, preview: Preview | None = None
    ) -> tuple[Situation, dict | None]:
        """Wait for the reading; its errors are raised here, as if read here."""
        with self._lock:
            self._listener, last = progress, self._last
            self._preview, markers = preview, self._markers
        if markers is not None and preview is not None:
            preview(markers)
        if last is not None and not self._done.is_set():
            progress(*last)
        self._done.wait()
        if self._error is not None:
            raise self._error
        return self._outcome
