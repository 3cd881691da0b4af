"""An ACLED-layout CSV converted as a stream: read, checked and written in batches, so
converting a file of any size needs the memory of one batch, not of the file.

polars reads the batches; each goes through the same codebook checks as a whole file
(``acled_table``), and a bad row is named by its line, which only then is looked for in
the file (``LineIndex``). The output is written to a temporary file while the batches
pass; a problem anywhere means no output: the later batches are still checked, so every
problem (up to ``MAX_PROBLEMS``) is reported at once, and the temporary file is removed.

Two things need the whole file and send the conversion back to reading it whole
(``WholeFile``): rows tagged by our own export (the days of one event, to be joined, may
sit in different batches) and, for the writers of events (not GeoParquet, which keeps
the rows as read), an id repeated in different batches (ids are made unique over the
whole file).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from mapapp.exchange.acled import TAG
from mapapp.exchange.acled_problems import MAX_PROBLEMS, line_path
from mapapp.exchange.acled_table import _refuse_unreadable, acled_checked, acled_events
from mapapp.i18n import translate
from mapapp.model.files import Problem, SituationError

if TYPE_CHECKING:
    import numpy as np
    import polars as pl

    from mapapp.model.events_table import EventsTable

BATCH_ROWS = 50_000  # polars reads the file in batches of this many rows
BLOCK_BYTES = 16 << 20  # read at a time when a bad row's line is looked for


class WholeFile(Exception):
    """This file needs reading whole (see the module docstring)."""


class AcledStream:
    """Iterating yields each batch's events table (``batches``: its rows as kept and
    checked); ``rows`` counts the events so far and ``data_date`` is the newest row's
    upload day once the stream has ended."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.rows = 0
        self.data_date = ""
        self._newest: float | None = None  # the largest timestamp so far

    def __iter__(self) -> Iterator[EventsTable]:
        hashes = []  # each batch's id hashes
        for frame, _numbers in self.batches():
            table = acled_events(frame)
            hashes.append(table.column("id").hash(seed=1).to_numpy())
            yield table
        _check_ids(hashes)

    def batches(self) -> Iterator[tuple[pl.DataFrame, pl.DataFrame]]:
        """Each batch's rows as kept and their coordinates and upload times, once
        checked (``acled_checked``); our own export's tagged days are no batch
        (``WholeFile``)."""
        import polars as pl

        problems: list[Problem] = []
        stopped = False
        lines = LineIndex(self.path)
        rows = 0  # read so far
        header = line_path(1)
        no_rows = translate("data", "no event rows")
        try:
            scan = pl.scan_csv(self.path, infer_schema=False, empty_string_is_null=False)
            for batch in scan.collect_batches(chunk_size=BATCH_ROWS):
                if len(problems) >= MAX_PROBLEMS:
                    stopped = True
                    break
                tags = "tags" if "tags" in batch.columns else "TAGS"
                if tags in batch.columns and batch[tags].str.contains(TAG, literal=True).any():
                    raise WholeFile
                first_line = partial(lines.line_of, rows)  # looked for only if a row is bad
                rows += batch.height
                try:
                    frame, numbers = acled_checked(batch, self.path, first_line)
                except SituationError as exc:
                    if any(p.path == header for p in exc.problems):  # the header: fatal
                        raise SituationError(self.path, exc.problems) from None
                    if exc.problems and exc.problems[0].message == no_rows:
                        continue
                    problems += exc.problems
                else:
                    if not problems:
                        self._keep(numbers)
                        yield frame, numbers
            if self.rows == 0 and not problems:  # no rows: the header still has to be right
                acled_checked(pl.DataFrame(schema=scan.collect_schema()), self.path)
        except (WholeFile, SituationError):
            raise
        except (KeyboardInterrupt, SystemExit, GeneratorExit):
            raise
        except BaseException as exc:  # the CSV reader: broken UTF-8, quotes, …
            _refuse_unreadable(self.path, exc)
        if problems:
            raise SituationError(self.path, _listed(problems, stopped))
        if self._newest is not None:
            from datetime import datetime, timezone

            newest = datetime.fromtimestamp(self._newest, timezone.utc)
            self.data_date = newest.date().isoformat()

    def _keep(self, numbers: pl.DataFrame) -> None:
        self.rows += numbers.height
        newest = numbers["_stamp"].max()
        if newest is not None:
            self._newest = max(self._newest or 0.0, float(newest))


def _check_ids(hashes: list[np.ndarray]) -> None:
    """Ids are unique within each batch; one repeated across batches (the sorted hashes
    of all of them, once at the end) means reading the file whole."""
    import numpy as np

    if len(hashes) > 1:
        joined = np.sort(np.concatenate(hashes))
        if (joined[1:] == joined[:-1]).any():
            raise WholeFile


def _listed(problems: list[Problem], stopped: bool) -> list[Problem]:
    """At most ``MAX_PROBLEMS`` row problems, and a last line saying when there were more."""
    said = translate("data", "too many problems; stopped listing")
    rows = [p for p in problems if p.message != said]
    if len(rows) > MAX_PROBLEMS or stopped or len(rows) < len(problems):
        rows = rows[:MAX_PROBLEMS]
        return [*rows, Problem(rows[-1].path, said)]
    return rows


class LineIndex:
    """The line each data row of a CSV starts on, read from the file only as far as asked
    (only a batch with a bad row asks). A row ends at a line break outside quotes: one
    after an even number of '"' since the start (a doubled quote inside a quoted cell
    counts two); the header is the first row."""

    def __init__(self, path: Path):
        import numpy as np

        self._starts = _row_starts(path)
        self._before = 0  # rows before those in ``_current``
        self._current: np.ndarray = np.empty(0, np.int64)

    def line_of(self, row: int) -> int:
        """The line data row ``row`` (0 for the first after the header) starts on."""
        while row >= self._before + len(self._current):
            self._before += len(self._current)
            self._current = next(self._starts)
        return int(self._current[row - self._before])


def _row_starts(path: Path) -> Iterator[np.ndarray]:
    """Block by block, the lines the data rows start on after each row end in it."""
    import numpy as np

    quotes = lines = 0  # '"' and line breaks before the current block
    with open(path, "rb") as f:
        first = True
        while block := f.read(BLOCK_BYTES):
            if first and block.startswith(b"\xef\xbb\xbf"):
                block = block[3:]
            first = False
            arr = np.frombuffer(block, np.uint8)
            q = np.flatnonzero(arr == 34)
            nl = np.flatnonzero(arr == 10)
            ends = np.flatnonzero((quotes + np.searchsorted(q, nl)) % 2 == 0)
            yield lines + ends + 2  # the line after the one ending a row (first: the header)
            quotes, lines = quotes + len(q), lines + len(nl)
