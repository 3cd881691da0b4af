"""An ACLED-layout CSV converted as a stream: read, checked and written in batches, so
converting a file of any size needs the memory of one batch, not of the file.

Each batch goes through the same codebook checks as a whole file (``acled_table``), with
its lines counted on from the batches before. The output is written to a temporary file
while the batches pass; a problem anywhere means no output: the later batches are still
checked, so every problem (up to ``MAX_PROBLEMS``) is reported at once, and the temporary
file is removed.

Two things need the whole file and send the conversion back to reading it whole
(``WholeFile``): rows tagged by our own export (the days of one event, to be joined, may
sit in different batches) and, for the writers of events (not GeoParquet, which keeps
the rows as read), an id repeated in different batches (ids are made unique over the
whole file).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from mapapp.exchange.acled import TAG
from mapapp.exchange.acled_problems import MAX_PROBLEMS
from mapapp.exchange.acled_table import _refuse_unreadable, acled_checked, acled_events
from mapapp.model.files import Problem, SituationError

if TYPE_CHECKING:
    import numpy as np
    import polars as pl

    from mapapp.model.events_table import EventsTable

# A batch is about 50,000 ACLED rows. Its bytes (at most BATCH_BYTES + BLOCK_BYTES and the
# header) stay under 32 MB, the largest block glibc's malloc hands back for reuse: larger
# ones are mapped afresh each time, and on a 2-core machine the page faults of 500 MB of
# fresh memory cost half a second.
BATCH_BYTES = 24 << 20
BLOCK_BYTES = 4 << 20  # read and counted at a time


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
        header = b""
        try:
            ranges = record_ranges(self.path)
            header = next(ranges)
            for first_line, data in ranges:
                if len(problems) >= MAX_PROBLEMS:
                    stopped = True
                    break
                batch = pl.read_csv(data, infer_schema=False, empty_string_is_null=False)
                tags = "tags" if "tags" in batch.columns else "TAGS"
                if tags in batch.columns and batch[tags].str.contains(TAG, literal=True).any():
                    raise WholeFile
                try:
                    frame, numbers = acled_checked(batch, self.path, first_line)
                except SituationError as exc:
                    if any(p.path == "line 1" for p in exc.problems):  # the header: fatal
                        raise SituationError(self.path, exc.problems) from None
                    if exc.problems and exc.problems[0].message == "no event rows":
                        continue
                    problems += exc.problems
                else:
                    if not problems:
                        self._keep(numbers)
                        yield frame, numbers
            if self.rows == 0 and not problems:  # no rows: the header still has to be right
                columns = pl.read_csv(header, infer_schema=False).columns
                acled_checked(pl.DataFrame(schema=dict.fromkeys(columns, pl.String)), self.path)
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


STOPPED = "too many problems; stopped listing"


def _listed(problems: list[Problem], stopped: bool) -> list[Problem]:
    """At most ``MAX_PROBLEMS`` row problems, and a last line saying when there were more."""
    rows = [p for p in problems if p.message != STOPPED]
    if len(rows) > MAX_PROBLEMS or stopped or len(rows) < len(problems):
        rows = rows[:MAX_PROBLEMS]
        return [*rows, Problem(rows[-1].path, STOPPED)]
    return rows


def record_ranges(path: Path, target: int = BATCH_BYTES, block: int = BLOCK_BYTES):
    """The header line's bytes, then (first line, bytes) for each run of whole records
    of at least ``target`` bytes, with the header line in front (polars then reads its
    columns, and short rows, as in the whole file). A record ends at a line break outside
    quotes: one after an even number of '"' since the start (a doubled quote inside a
    quoted cell counts two).

    The file is read block by block into one window that is reused, so it is never in
    memory whole and each batch's bytes are copied once; each block's quotes and line
    breaks are counted at once (numpy), and only a batch's end is searched for its last
    record end."""
    import numpy as np

    window = bytearray(target + block)  # the header, then records read, not handed on
    start = filled = 0  # where the records begin (after the header) and end
    quotes = lines = 0  # the '"' and line breaks in window[start:filled]
    line = 1  # the line window[start] is on
    header = None
    with open(path, "rb") as f:
        while True:
            if filled + block > len(window):  # a record longer than the window
                window.extend(bytes(block))
            with memoryview(window) as view:
                n = f.readinto(view[filled : filled + block])
            if not n:
                break
            if filled == 0 and window.startswith(b"\xef\xbb\xbf"):
                del window[:3]  # the byte order mark: no part of the header
                n -= 3
            counted = np.frombuffer(window, np.uint8, n, filled)
            quotes += int(np.count_nonzero(counted == 34))
            lines += int(np.count_nonzero(counted == 10))
            del counted  # the window may grow again
            filled += n
            if header is None and (start := _first_end(window, filled)):
                header = bytes(window[:start])
                yield header
                quotes -= header.count(b'"')
                lines -= header.count(b"\n")
                line += header.count(b"\n")
            if header is not None and filled - start >= target:
                cut = _last_end(window, start, filled, quotes)
                if cut:
                    with memoryview(window) as view:
                        batch = view[:cut].tobytes()
                    yield line, batch
                    rest = window[cut:filled]  # the start of a record: a few bytes
                    window[start : start + len(rest)] = rest
                    filled = start + len(rest)
                    line += lines - rest.count(b"\n")
                    quotes, lines = rest.count(b'"'), rest.count(b"\n")
    if header is None:  # a header without a line break, or nothing at all
        if not window[:filled].strip():
            raise SituationError(path, [Problem("line 1", "the file is empty")])
        yield bytes(window[:filled]) + b"\n"
        return
    if window[start:filled].strip():
        yield line, bytes(window[:filled])


def _first_end(data: bytearray, end: int) -> int:
    """Where the first record of ``data[:end]`` ends (after its line break); 0 if none
    does."""
    quotes = start = 0
    while (nl := data.find(b"\n", start, end)) >= 0:
        quotes += data.count(b'"', start, nl)
        if quotes % 2 == 0:
            return nl + 1
        start = nl + 1
    return 0


def _last_end(data: bytearray, start: int, end: int, quotes: int) -> int:
    """Where the last whole record of ``data[start:end]`` ends (after its line break),
    given the '"' in it (and none open at ``start``); 0 if no record ends in it."""
    while (nl := data.rfind(b"\n", start, end)) >= 0:
        quotes -= data.count(b'"', nl, end)  # now: the quotes before this line break
        if quotes % 2 == 0:
            return nl + 1
        end = nl
    return 0
