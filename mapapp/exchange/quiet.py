"""Keep a Rust library's panic message off the user's terminal.

polars turns a panic inside its readers (some corrupt Parquet files trigger one) into a
Python exception, which the readers report as one line; but Rust's panic hook has already
written "thread '…' panicked at …" to file descriptor 2. Reading an untrusted file runs
with descriptor 2 pointed at a temporary file; what landed there is dropped, and the
exception (if any) carries the reason."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def rust_panics_quiet() -> Iterator[None]:
    try:
        if sys.stderr is not None:
            sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):  # no real stderr (a GUI without a terminal): nothing to hide
        yield
        return
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
