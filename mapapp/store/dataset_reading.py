"""Reading a stored ACLED dataset: back to the file it was pushed from (``pull_dataset``),
and the queries a map window makes of it, answered through the store's indexes — the
points (GiST) of a viewport and the days (btree) of a time window — as numpy arrays
(markers) or as the rows' text columns (a polars frame that ``acled_frame_table`` turns
into the events table of the file)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mapapp.i18n import translate
from mapapp.store.connection import StoreError
from mapapp.store.datasets import BOM, CODEBOOK, TYPED, Dataset, csv_bytes, open_dataset

if TYPE_CHECKING:
    import numpy as np
    import polars as pl


@dataclass(frozen=True)
class Markers:
    """The rows of a window: their positions in the file (0-based), points and kinds
    (indexes into ``EVENT_KINDS``), in no particular order."""

    rows: np.ndarray  # int32
    lon: np.ndarray  # float64
    lat: np.ndarray  # float64
    kinds: np.ndarray  # int16

    def __len__(self) -> int:
        return len(self.rows)


def _window(
    dataset: Dataset, bbox: tuple[float, float, float, float] | None, days: tuple[date, date] | None
) -> tuple[str, list[Any]]:
    """The WHERE of a viewport and a time window (both inclusive), in terms the indexes
    answer: the points' bounding boxes (GiST, then the exact coordinates), and the first
    day within the window widened by the dataset's longest span (btree)."""
    sql = "situation = %s"
    params: list[Any] = [dataset.id]
    if bbox is not None:
        west, south, east, north = (float(v) for v in bbox)
        sql += (
            " AND geom && ST_MakeEnvelope(%s, %s, %s, %s, 4326)"
            " AND ST_X(geom) BETWEEN %s AND %s AND ST_Y(geom) BETWEEN %s AND %s"
        )
        params += [west, south, east, north, west, east, south, north]
    if days is not None:
        first, last = days
        earliest = first - timedelta(days=dataset.head["longest_span"])
        sql += " AND first_day BETWEEN %s AND %s AND last_day >= %s"
        params += [earliest, last, first]
    return sql, params


MARKERS_SQL = (
    "SELECT count(*), string_agg(int4send(position), ''),"
    " string_agg(float8send(ST_X(geom)), ''), string_agg(float8send(ST_Y(geom)), ''),"
    " string_agg(int2send(event_kind), '') FROM mapapp.acled_rows WHERE "
)


def dataset_markers(
    conn,
    dataset: Dataset,
    bbox: tuple[float, float, float, float] | None = None,
    days: tuple[date, date] | None = None,
) -> Markers:
    """The markers of the rows in ``bbox`` (west, south, east, north) whose days meet
    ``days`` (first, last; inclusive), each None for no limit: one query, its columns
    packed by the server into four binary strings that numpy takes as they are."""
    import numpy as np

    where, params = _window(dataset, bbox, days)
    # never prepared: a generic plan, blind to how narrow the window is, would scan the
    # whole viewport's points (ten times slower at a million rows)
    query = conn.execute(MARKERS_SQL + where, params, prepare=False)
    n, rows, lon, lat, kinds = query.fetchone()
    if not n:
        empty = np.zeros(0)
        return Markers(empty.astype(np.int32), empty, empty.copy(), empty.astype(np.int16))
    return Markers(
        np.frombuffer(rows, ">i4").astype(np.int32),
        np.frombuffer(lon, ">f8").astype(np.float64),
        np.frombuffer(lat, ">f8").astype(np.float64),
        np.frombuffer(kinds, ">i2").astype(np.int16),
    )


def explain_markers(
    conn,
    dataset: Dataset,
    bbox: tuple[float, float, float, float] | None = None,
    days: tuple[date, date] | None = None,
) -> str:
    """The database's plan of ``dataset_markers`` for this window (which indexes it uses)."""
    where, params = _window(dataset, bbox, days)
    rows = conn.execute("EXPLAIN " + MARKERS_SQL + where, params, prepare=False).fetchall()
    return "\n".join(r[0] for r in rows)


def dataset_rows(
    conn,
    dataset: Dataset,
    bbox: tuple[float, float, float, float] | None = None,
    days: tuple[date, date] | None = None,
) -> pl.DataFrame:
    """The rows of a window (or all of them), in file order, every column of the file
    named as the file names it and as text, each cell as written: what ``read_acled_rows``
    reads from the file (``acled_frame_table`` makes the events table of it)."""
    import polars as pl

    where, params = _window(dataset, bbox, days)
    written = set(dataset.head["written"])
    cells = []
    extra = 0
    for column in dataset.head["stored"]:
        if column is not None and column not in CODEBOOK:  # never SQL from the head
            raise StoreError(
                translate("store", "dataset {name!r} has a damaged head").format(name=dataset.name)
            )
        if column is None:
            extra += 1
            cells.append(f"coalesce(extra[{extra}], '')")
        elif column in written:
            cells.append(f"coalesce(written->>'{column}', \"{column}\"::text, '')")
        elif column in TYPED:
            cells.append(f"coalesce(\"{column}\"::text, '')")
        else:
            cells.append(f"coalesce(\"{column}\", '')")
    sql = (
        f"COPY (SELECT {', '.join(cells)} FROM mapapp.acled_rows WHERE {where}"
        " ORDER BY position) TO STDOUT (FORMAT csv)"
    )
    data = bytearray()
    with conn.cursor() as cur, cur.copy(sql, params) as copy:
        for chunk in copy:
            data += chunk
    schema = {name: pl.String for name in dataset.columns}
    if not data:
        return pl.DataFrame(schema=schema)
    return pl.read_csv(bytes(data), has_header=False, schema=schema, empty_string_is_null=False)


def pull_dataset(conn, name: str, path: Path | str) -> int:
    """Write the dataset to ``path`` as it was pushed: a CSV for a CSV (same columns, rows
    and cells; the same bytes when ``head.csv.matched``), a GeoParquet for a GeoParquet
    (same columns, rows, cells and document). Returns the rows written."""
    from mapapp.atomic import write_atomically

    dataset = open_dataset(conn, name)
    path = Path(path)
    want = ".csv" if dataset.format == "csv" else ".parquet"
    if path.suffix.lower() != want:
        raise StoreError(
            translate("store", "{name} was pushed as {suffix}: pull it to a {suffix} file").format(
                name=name, suffix=want
            )
        )
    frame = dataset_rows(conn, dataset)
    if dataset.format == "csv":
        layout = dataset.head["csv"]

        def write(tmp: str) -> bool:
            with open(tmp, "wb") as f:
                if layout["bom"]:
                    f.write(BOM)
                csv_bytes(frame, layout, f)
            return True

        write_atomically(path, write)
    else:
        from mapapp.exchange.acled_parse import numbers
        from mapapp.exchange.parquet import write_geoparquet_rows

        where = frame.select(numbers(frame))
        part = (frame, where["_lon"].to_numpy(), where["_lat"].to_numpy())
        write_geoparquet_rows([part], path, dataset.head.get("document"))
    return frame.height
