"""One Parquet file written in one pass from frames arriving one after another (a whole
table, or the checked batches of a file read as a stream), with key-value metadata that
is known only once the last frame has passed (a GeoParquet's bbox, a stream's data date).

polars pulls the frames from a Python source and encodes and compresses each while the
next is read and checked, so memory stays that of a few frames and nothing is written
twice. The metadata goes into the Parquet footer and into the Arrow schema stored there
(``ARROW:schema``), since Arrow readers (pyarrow, and geopandas through it) take a
schema's metadata from that stored schema, not from the footer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mapapp.atomic import write_atomically

if TYPE_CHECKING:
    import polars as pl

# zstd's fastest level: about 0.5 s less per million ACLED rows than its default (3), for
# a file 3 % larger
ZSTD_LEVEL = 1


def sink_frames(
    frames: Iterator[pl.DataFrame], path: Path | str, metadata: Callable[[], dict[str, str]]
) -> None:
    """Write ``frames`` (at least one, all of the first one's schema) as one Parquet file
    at ``path``, whole or not at all: an exception from ``frames`` leaves nothing.
    ``metadata()`` is asked for once every frame is written."""
    from polars.io.plugins import register_io_source

    first = next(frames)  # its schema is the file's
    schema = first.schema

    def source(*_request: Any) -> Iterator[pl.DataFrame]:  # columns, rows: all of them
        yield first
        yield from frames

    def footer(_context: Any) -> dict[str, str]:
        entries = metadata()
        return {**entries, "ARROW:schema": stored_schema(schema, entries)}

    def write(tmp: str) -> bool:
        register_io_source(source, schema=schema).sink_parquet(
            tmp,
            compression="zstd",
            compression_level=ZSTD_LEVEL,
            metadata=footer,
            arrow_schema=arrow_schema(schema, {}),
        )
        return True

    write_atomically(path, write)


def arrow_schema(schema: pl.Schema, metadata: dict[str, str]) -> Any:
    """The Arrow schema of a frame as stored, with ``metadata``: columns keep the types
    polars writes by default (large string and binary, not the view types its in-memory
    schema has)."""
    import nanoarrow as na

    large = {"vu": na.large_string, "vz": na.large_binary}
    fields = {
        child.name: large[child.format]() if child.format in large else na.Schema(child)
        for child in na.c_schema(schema).children
    }
    return na.Schema(na.struct(fields), metadata=metadata)


def stored_schema(schema: pl.Schema, metadata: dict[str, str]) -> str:
    """``ARROW:schema`` as Arrow's writers store it: base64 of the IPC schema message,
    the first message of an IPC stream (continuation marker, length, flatbuffer)."""
    import base64
    import io

    import nanoarrow as na
    from nanoarrow.ipc import StreamWriter

    out = io.BytesIO()
    with StreamWriter.from_writable(out) as writer:
        writer.write_stream(na.c_array_stream([], schema=arrow_schema(schema, metadata)))
    stream = out.getvalue()
    size = int.from_bytes(stream[4:8], "little")
    return base64.b64encode(stream[: 8 + size]).decode("ascii")
