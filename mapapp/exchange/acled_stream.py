"""An ACLED-layout CSV converted as a stream: read, checked and written in batches, so
converting a file of any size needs the memory of one batch, not of the file.

Each batch goes through the same codebook checks as a whole file (``acled_table``), with
its lines counted on from the batches before. The output is written to a temporary file
while the batches pass; a problem anywhere means no output: the later batches are still
checked, so every problem (up to ``MAX_PROBLEMS``) is reported at once, and the temporary
file is removed.

Two things need the whole file and send the conversion back to reading it whole
(``WholeFile``): rows tagged by our own export (the days of one event, to be joined, may
sit in different batches) and an id repeated in different batches (ids are made unique
over the whole file).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from mapapp.exchange.acled import TAG
from mapapp.exchange.acled_problems import MAX_PROBLEMS
from mapapp.exchange.acled_table import _refuse_unreadable, acled_frame_table
from mapapp.model.files import Problem, SituationError

if TYPE_CHECKING:
    import numpy as np

    from mapapp.model.events_table import EventsTable

BATCH_BYTES = 48 << 20  # about 100,000 ACLED rows
BLOCK_BYTES = 16 << 20  # scanned for record ends at a time


class WholeFile(Exception):
    """This file needs reading whole (see the module docstring)."""


class AcledStream:
    """Iterating yields each batch's events table; ``rows`` counts the events so far and
    ``data_date`` is the newest row's upload day once the stream has ended."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.rows = 0
        self.data_date = ""
        self._newest: float | None = None  # the largest timestamp so far
        self._hashes: list[np.ndarray] = []  # each batch's id hashes

    def __iter__(self) -> Iterator[EventsTable]:
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
                # the header in front: columns (and short rows) read as in the whole file
                batch = pl.read_csv(header + data, infer_schema=False, empty_string_is_null=False)
                tags = "tags" if "tags" in batch.columns else "TAGS"
                if tags in batch.columns and batch[tags].str.contains(TAG, literal=True).any():
                    raise WholeFile
                try:
                    table = acled_frame_table(batch, self.path, first_line=first_line)
                except SituationError as exc:
                    if any(p.path == "line 1" for p in exc.problems):  # the header: fatal
                        raise SituationError(self.path, exc.problems) from None
                    if exc.problems and exc.problems[0].message == "no event rows":
                        continue
                    problems += exc.problems
                else:
                    if not problems:
                        self._keep(table, batch)
                        yield table
            if self.rows == 0 and not problems:  # no rows: the header still has to be right
                columns = pl.read_csv(header, infer_schema=False).columns
                acled_frame_table(pl.DataFrame(schema=dict.fromkeys(columns, pl.String)), self.path)
        except (WholeFile, SituationError):
            raise
        except (KeyboardInterrupt, SystemExit, GeneratorExit):
            raise
        except BaseException as exc:  # the CSV reader: broken UTF-8, quotes, …
            _refuse_unreadable(self.path, exc)
        if problems:
            raise SituationError(self.path, _listed(problems, stopped))
        self._check_ids()
        if self._newest is not None:
            from datetime import datetime, timezone

            newest = datetime.fromtimestamp(self._newest, timezone.utc)
            self.data_date = newest.date().isoformat()

    def _keep(self, table: EventsTable, batch) -> None:
        import polars as pl

        self.rows += len(table)
        self._hashes.append(table.column("id").hash(seed=1).to_numpy())
        column = "timestamp" if "timestamp" in batch.columns else "TIMESTAMP"
        if column in batch.columns:
            newest = batch[column].cast(pl.Float64, strict=False).max()
            if newest is not None:
                self._newest = max(self._newest or 0.0, float(newest))

    def _check_ids(self) -> None:
        """Ids are unique within each batch; one repeated across batches (the sorted
        hashes of all of them, once at the end) means reading the file whole."""
        import numpy as np

        if len(self._hashes) > 1:
            hashes = np.sort(np.concatenate(self._hashes))
            if (hashes[1:] == hashes[:-1]).any():
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
    of at least ``target`` bytes. A record ends at a line break outside quotes: one after
    an even number of '"' since the start (a doubled quote inside a quoted cell counts
    two). The file is read block by block, so it is never in memory whole."""
    import numpy as np

    quotes = lines = 0  # '"' and line breaks before the current block
    pending = bytearray()  # read, not yet handed on
    pending_line = 1  # the line ``pending`` starts on
    header = None
    with open(path, "rb") as f:
        first = True
        while block_bytes := f.read(block):
            if first and block_bytes.startswith(b"\xef\xbb\xbf"):
                block_bytes = block_bytes[3:]
            first = False
            arr = np.frombuffer(block_bytes, np.uint8)
            q = np.flatnonzero(arr == 34)
            nl = np.flatnonzero(arr == 10)
            ends = nl[(quotes + np.searchsorted(q, nl)) % 2 == 0]  # breaks outside quotes
            end_lines = lines + np.searchsorted(nl, ends) + 1  # the line each one ends
            base = len(pending)
            pending += block_bytes
            quotes, lines = quotes + len(q), lines + len(nl)
            if header is None and len(ends):
                cut = base + int(ends[0]) + 1
                header = bytes(pending[:cut])
                yield header
                del pending[:cut]
                pending_line = int(end_lines[0]) + 1
                base -= cut
                ends, end_lines = ends[1:], end_lines[1:]
            if header is not None and len(ends) and len(pending) >= target:
                cut = base + int(ends[-1]) + 1
                yield pending_line, memoryview(pending)[:cut].tobytes()
                del pending[:cut]
                pending_line = int(end_lines[-1]) + 1
    if header is None:  # a header without a line break, or nothing at all
        if not pending.strip():
            raise SituationError(path, [Problem("line 1", "the file is empty")])
        yield bytes(pending) + b"\n"
        return
    if pending.strip():
        yield pending_line, bytes(pending)
