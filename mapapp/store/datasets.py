"""ACLED datasets in the store: a file's rows into ``mapapp.acled_rows`` and back, and the
queries a map window makes of them.

A push reads and checks the file exactly as opening it does (``read_acled_rows`` and
``acled_checked`` for a CSV, ``read_parquet_table`` for a GeoParquet), so a bad file is
refused before anything is written; then its rows go in through COPY in one transaction,
each with its point, its first and last day (the days its time precision covers, as the
events table counts them) and mapapp's kind of event, computed here column-wise. Every
cell is kept as the file has it: a codebook column typed in the table holds the cells
whose text the type prints back as written ("14.1500" in numeric), any other cell of it
(" 14.15", "1.7e9") is kept as text in ``written``; columns outside the codebook go to
``extra``. ``situations.head`` records the file's header and layout (BOM, line end,
quoting), so a pull writes the same columns in the same order, the same rows and cells —
byte for byte the file pushed when it was written as CSV writers write (see
``_csv_layout``).

The window's queries go through the indexes: the points (GiST) of a viewport and the days
(btree) of a time window, answered as numpy arrays (markers) or as the rows' text columns
(a polars frame that ``acled_frame_table`` turns into the events table of the file).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mapapp.exchange.acled_codebook import ACLED_TO_TYPE, COLUMNS
from mapapp.i18n import translate
from mapapp.store.connection import StoreError
from mapapp.store.schema import require

if TYPE_CHECKING:
    import numpy as np
    import polars as pl

# the codebook columns of the table: today's, then those only older layouts have
CODEBOOK = [*COLUMNS, "data_id", "event_id_no_cnty", "iso3", "gwno"]
# the text a value of each typed column prints as; a cell not written so is kept as text
_INT = r"^(0|[1-9][0-9]{0,8})$"
_BIG = r"^(0|[1-9][0-9]{0,17})$"
_SMALL = r"^(0|[1-9][0-9]{0,3})$"
_NUMERIC = r"^-?(0|[1-9][0-9]{0,30})(\.[0-9]{1,30})?$"
_NEGATIVE_ZERO = r"^-0(\.0+)?$"  # numeric has none: "-0.0" would come back "0.0"
TYPED = {
    "year": _INT,
    "time_precision": _SMALL,
    "iso": _INT,
    "latitude": _NUMERIC,
    "longitude": _NUMERIC,
    "geo_precision": _SMALL,
    "fatalities": _INT,
    "timestamp": _BIG,
    "data_id": _BIG,
    "event_id_no_cnty": _BIG,
    "gwno": _INT,
}
# mapapp's kinds of event an ACLED row can be (``event_kind`` is an index into these)
EVENT_KINDS = (*ACLED_TO_TYPE.values(), "takeover", "agreement")
COPY_BATCH = 100_000  # rows per chunk of the COPY stream
BOM = b"\xef\xbb\xbf"
# how a CSV file is written, tried in this order against the file's first rows
QUOTE_STYLES = ("necessary", "always", "non_numeric")


@dataclass(frozen=True)
class Dataset:
    """A dataset in the store, as its head describes it."""

    id: int
    name: str
    head: dict[str, Any]

    @property
    def format(self) -> str:  # "csv" or "geoparquet": what it was pushed as
        return self.head["format"]

    @property
    def rows(self) -> int:
        return self.head["rows"]

    @property
    def columns(self) -> list[str]:
        """The file's columns, named and ordered as the file has them."""
        return self.head["columns"]

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """West, south, east, north of its points."""
        return tuple(self.head["bbox"])

    @property
    def days(self) -> tuple[date, date]:
        """The first and last day its rows cover."""
        return date.fromisoformat(self.head["first_day"]), date.fromisoformat(self.head["last_day"])


# what is stored -----------------------------------------------------------------------


def stored_kind(conn, name: str) -> str | None:
    """'situation' or 'dataset', or None when the store holds nothing of that name."""
    require(conn)
    row = conn.execute("SELECT kind FROM mapapp.situations WHERE name = %s", (name,)).fetchone()
    return row[0] if row else None


def open_dataset(conn, name: str) -> Dataset:
    require(conn)
    row = conn.execute(
        "SELECT id, head FROM mapapp.situations WHERE name = %s AND kind = 'dataset'", (name,)
    ).fetchone()
    if row is None:
        raise StoreError(
            translate("store", "no dataset named {name!r} in the store").format(name=name)
        )
    return Dataset(row[0], name, row[1])


def dataset_sizes(conn) -> dict[str, tuple[int, int]]:
    """Each dataset's rows and the bytes of the file pushed, by name."""
    require(conn)
    rows = conn.execute(
        "SELECT name, head->>'rows', head->>'bytes' FROM mapapp.situations WHERE kind = 'dataset'"
    ).fetchall()
    return {name: (int(n), int(size)) for name, n, size in rows}


# push ---------------------------------------------------------------------------------


def push_dataset(conn, name: str, path: Path | str) -> int:
    """Store the ACLED CSV or GeoParquet at ``path`` under ``name``; its rows. The file is
    checked whole first (SituationError naming what is wrong, and nothing written); a
    name already taken, or a login that may not write, is a StoreError."""
    import polars as pl
    import psycopg
    from psycopg.copy import QueuedLibpqWriter

    require(conn)
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        raw, kept, head = _read_csv(path)
    elif suffix == ".parquet":
        raw, kept, head = _read_parquet(path)
    else:
        raise StoreError(
            translate("store", "a dataset is an ACLED CSV or a GeoParquet (.csv, .parquet)")
        )
    stream = _copy_frame(raw, kept, head)
    head |= {"rows": raw.height, "bytes": path.stat().st_size, "file": path.name}
    columns = ", ".join(f'"{c}"' for c in stream.columns)
    try:
        with conn.transaction():
            from mapapp.store.situations import new_situation_row

            situation = new_situation_row(conn, name, "dataset", head)
            table = conn.execute("SELECT mapapp.acled_rows_begin(%s)", (situation,)).fetchone()[0]
            with conn.cursor() as cur:
                sql = f"COPY {table} (situation, {columns}) FROM STDIN (FORMAT csv, FREEZE)"
                # a thread sends each chunk while the next is written
                with cur.copy(sql, writer=QueuedLibpqWriter(cur)) as copy:
                    for start in range(0, stream.height, COPY_BATCH):
                        chunk = stream.slice(start, COPY_BATCH)
                        buf = io.BytesIO()
                        chunk.select(pl.lit(situation).alias("situation"), pl.all()).write_csv(
                            buf, include_header=False
                        )
                        copy.write(buf.getbuffer())
            conn.execute("SELECT mapapp.acled_rows_end(%s)", (situation,))
    except psycopg.errors.InsufficientPrivilege:
        raise StoreError(
            translate(
                "store",
                "{user} may not write to this store: that takes the mapapp_editor role",
            ).format(user=conn.info.user)
        ) from None
    return raw.height


def _read_csv(path: Path) -> tuple[pl.DataFrame, pl.DataFrame, dict[str, Any]]:
    """The CSV's cells as written, its rows as kept (checked, as opening it checks them)
    and what its head records."""
    from mapapp.exchange.acled_table import acled_checked, read_acled_rows

    raw = read_acled_rows(path)
    kept, _numbers = acled_checked(raw.clone(), path)  # the clone's header is renamed
    head = {"format": "csv", "columns": raw.columns, "csv": _csv_layout(path, raw)}
    return raw, kept, head


def _read_parquet(path: Path) -> tuple[pl.DataFrame, pl.DataFrame, dict[str, Any]]:
    from mapapp.exchange.parquet import read_parquet_table
    from mapapp.model.files import Problem, SituationError

    table, document = read_parquet_table(path)
    if table.raw is None or "event_date" not in table.raw.columns:
        msg = translate("store", "not in ACLED's column layout: the store keeps ACLED datasets")
        raise SituationError(path, [Problem("$", msg)])
    raw = table.raw
    return raw, raw, {"format": "geoparquet", "columns": raw.columns, "document": document}


def _copy_frame(raw: pl.DataFrame, kept: pl.DataFrame, head: dict[str, Any]) -> pl.DataFrame:
    """The rows as COPY sends them, in the table's columns (the ones this file has); the
    head gains where each file column went, the typed columns with cells kept as text,
    and the extent."""
    import polars as pl

    from mapapp.exchange.acled_codebook import header
    from mapapp.exchange.acled_parse import parsed
    from mapapp.exchange.acled_table import _event_type, _sub_event_type

    names = header(list(raw.columns))  # today's codebook names (checked already)
    stored = [n if n in CODEBOOK else None for n in names]
    cells: dict[str, pl.Expr] = {}
    extra: list[pl.Expr] = []
    written: list[pl.Expr] = []
    for original, column in zip(raw.columns, stored, strict=True):
        text = pl.col(original)
        if column is None:
            extra.append(text)
        elif column in TYPED:
            exact = text.str.contains(TYPED[column])
            if TYPED[column] is _NUMERIC:
                exact = exact & text.str.contains(_NEGATIVE_ZERO).not_()
            cells[column] = pl.when(exact).then(text)
            written.append(pl.when(exact.not_() & (text != "")).then(text).alias(column))
        else:
            cells[column] = text
    out = raw.select(
        pl.int_range(pl.len(), dtype=pl.Int32).alias("position"),
        *[cells[c].alias(c) for c in CODEBOOK if c in cells],
    )
    extras = []
    if extra:
        quoted = [
            pl.lit('"') + e.str.replace_all("\\", "\\\\", literal=True).str.replace_all(
                '"', '\\"', literal=True
            ) + pl.lit('"')
            for e in extra
        ]  # fmt: skip
        extras = [(pl.lit("{") + pl.concat_str(quoted, separator=",") + pl.lit("}"))]
    kept_text = raw.select(written) if written else None
    overridden = []
    if kept_text is not None:
        overridden = [c for c in kept_text.columns if kept_text[c].null_count() < raw.height]
    if extras or overridden:
        more = raw.select(*[e.alias("extra") for e in extras])
        if overridden:
            kept_text = kept_text.select(overridden)
            any_kept = pl.any_horizontal(pl.all().is_not_null())
            json_text = pl.when(any_kept).then(pl.struct(pl.all()).struct.json_encode())
            more = more.with_columns(kept_text.select(json_text.alias("written")))
        out = out.hstack(more)
    checked = parsed(kept)
    kind = _event_type(pl.col("_type"), _sub_event_type(checked, pl.col("_implied")))
    codes = {k: i for i, k in enumerate(EVENT_KINDS)}
    tp, day = pl.col("_tp"), pl.col("_date")
    derived = checked.select(
        pl.when(tp == 3)
        .then(day.dt.month_start())
        .when(tp == 2)
        .then(day - pl.duration(days=3))
        .otherwise(day)
        .alias("first_day"),
        pl.when(tp == 3)
        .then(day.dt.month_end())
        .when(tp == 2)
        .then(day + pl.duration(days=3))
        .otherwise(day)
        .alias("last_day"),
        kind.replace_strict(codes, return_dtype=pl.Int16).alias("event_kind"),
        pl.col("_lon"),
        pl.col("_lat"),
    )
    lon, lat = derived["_lon"].to_numpy(), derived["_lat"].to_numpy()
    first, last = derived["first_day"], derived["last_day"]
    head |= {
        "stored": stored,
        "written": overridden,
        "bbox": [float(lon.min()), float(lat.min()), float(lon.max()), float(lat.max())],
        "first_day": first.min().isoformat(),
        "last_day": last.max().isoformat(),
        "longest_span": int((last - first).dt.total_days().max()),
    }
    return out.with_columns(
        geom=_ewkb_hex(lon, lat), **{c: derived[c] for c in ("first_day", "last_day", "event_kind")}
    )


def _ewkb_hex(lon: np.ndarray, lat: np.ndarray) -> pl.Series:
    """PostGIS's hex EWKB of each point (SRID 4326), built for the whole column at once:
    the exact doubles, no text round trip."""
    import numpy as np
    import polars as pl

    n = len(lon)
    buf = np.empty((n, 25), np.uint8)
    buf[:, :9] = np.frombuffer(b"\x01\x01\x00\x00\x20\xe6\x10\x00\x00", np.uint8)
    buf[:, 9:17] = np.ascontiguousarray(lon, "<f8").view(np.uint8).reshape(n, 8)
    buf[:, 17:25] = np.ascontiguousarray(lat, "<f8").view(np.uint8).reshape(n, 8)
    text = np.frombuffer(buf.tobytes().hex().encode("ascii"), dtype="S50")
    return pl.Series("geom", text).cast(pl.String)


def _csv_layout(path: Path, raw: pl.DataFrame) -> dict[str, Any]:
    """How the file is written: a BOM or not, its line end, whether its last line ends,
    how its cells are quoted (the style whose writing of the first rows gives the file's
    own bytes) and whether empty cells are written as "" ; ``matched`` says whether one
    did (if not, a pull writes the same cells, not the same bytes)."""
    with open(path, "rb") as f:
        start = f.read(1 << 20)
        f.seek(0, 2)
        size = f.tell()
        f.seek(max(0, size - 2))
        end = f.read()
    bom = start.startswith(BOM)
    body = start[len(BOM) :] if bom else start
    first_break = body.find(b"\n")
    line_end = "\r\n" if first_break > 0 and body[first_break - 1 : first_break] == b"\r" else "\n"
    layout = {
        "bom": bom,
        "line_end": line_end,
        "last_line_ends": end.endswith(line_end.encode()),
        "quote": "necessary",
        "empty_quoted": False,
        "matched": False,
    }
    sample = raw.head(50)
    whole = sample.height == raw.height
    for quote in QUOTE_STYLES:
        for empty_quoted in (False, True):
            trial = layout | {"quote": quote, "empty_quoted": empty_quoted}
            if not whole:
                trial["last_line_ends"] = True
            text = csv_bytes(sample, trial)
            if len(text) <= len(body) and body.startswith(text):
                return layout | {"quote": quote, "empty_quoted": empty_quoted, "matched": True}
    return layout


def csv_bytes(frame: pl.DataFrame, layout: dict[str, Any], out=None) -> bytes:
    """``frame`` written as the layout says (without the BOM), to ``out`` if given."""
    import polars as pl

    if not layout["empty_quoted"]:  # a null is written as nothing, "" as ""
        frame = frame.with_columns(pl.all().replace("", None))
    buf = io.BytesIO()
    frame.write_csv(buf, quote_style=layout["quote"], line_terminator=layout["line_end"])
    data = buf.getbuffer()
    if not layout["last_line_ends"] and data.nbytes:
        data = data[: data.nbytes - len(layout["line_end"])]
    if out is None:
        return bytes(data)
    out.write(data)
    return b""


# pull ---------------------------------------------------------------------------------
