"""Events table ↔ Parquet / GeoParquet 1.1.

Written: one row per event with the table's columns (an ACLED dataset: its rows as
read, every codebook column), the position as a WKB point in
``geometry`` (null where the event has no point) and GeoParquet's ``geo`` metadata
(encoding WKB, CRS omitted = OGC:CRS84 lon/lat, the bbox), so QGIS, GDAL, DuckDB and
geopandas read it as a point layer. A ``mapapp`` metadata entry carries the situation's
document (sources, actors, places, areas, claims) when there is one, so nothing a person
wrote is lost in a round trip.

Read: a GeoParquet's point geometry (little-endian WKB points are decoded column-wise;
other geometries and CRSs through shapely and pyproj), or a Parquet in ACLED's column
layout, which goes through the same codebook checks as the CSV.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mapapp.exchange.parquet_sink import sink_frames
from mapapp.exchange.quiet import rust_panics_quiet
from mapapp.i18n import QT_TRANSLATE_NOOP, format_number, translate
from mapapp.model.events_table import SCHEMA, EventsTable, unique_ids
from mapapp.model.files import Problem, SituationError
from mapapp.self_command import self_command

if TYPE_CHECKING:
    import numpy as np
    import polars as pl

GEO_VERSION = "1.1.0"
READ_CHILD = "_read-parquet"  # the hidden subcommand that decodes a file (see cli.main)
WKB_POINT_LE = b"\x01\x01\x00\x00\x00"  # little-endian byte order, type 1 (Point)


def wkb_points(lon: Any, lat: Any) -> pl.Series:
    """WKB points, built for the whole column at once from the coordinates' bytes; null
    where lon or lat is NaN."""
    import nanoarrow as na
    import numpy as np
    import polars as pl

    lon = np.ascontiguousarray(lon, dtype="<f8")
    lat = np.ascontiguousarray(lat, dtype="<f8")
    n = len(lon)
    buf = np.empty((n, 21), np.uint8)
    buf[:, :5] = np.frombuffer(WKB_POINT_LE, np.uint8)
    buf[:, 5:13] = lon.view(np.uint8).reshape(n, 8)
    buf[:, 13:21] = lat.view(np.uint8).reshape(n, 8)
    placed = ~(np.isnan(lon) | np.isnan(lat))
    buffers = [  # Arrow's: validity bits (least significant first), offsets, data
        np.packbits(placed, bitorder="little"),
        np.arange(0, 21 * n + 1, 21, dtype=np.int64),
        buf.reshape(-1),
    ]
    wkb = na.c_array_from_buffers(na.large_binary(), n, buffers, null_count=n - placed.sum())
    return pl.Series(wkb).alias("geometry")


def write_geoparquet(
    table: EventsTable, path: Path | str, document: dict[str, Any] | None = None
) -> None:
    write_geoparquet_parts([table], path, document)


def _metadata(bbox: list[float], document: dict[str, Any] | None) -> dict[str, str]:
    """GeoParquet's ``geo`` entry (and the situation's document, if any)."""
    spec: dict[str, Any] = {"encoding": "WKB", "geometry_types": ["Point"]}
    if bbox:
        spec["bbox"] = bbox
    geo = {"version": GEO_VERSION, "primary_column": "geometry", "columns": {"geometry": spec}}
    metadata = {"geo": json.dumps(geo)}
    if document is not None:
        metadata["mapapp"] = json.dumps(document, ensure_ascii=False)
    return metadata


def _rows(table: EventsTable) -> tuple[pl.DataFrame, np.ndarray, np.ndarray]:
    """A table's rows as written (an ACLED dataset: its file's columns as read) and their
    positions."""
    import numpy as np
    import polars as pl

    lon, lat = table.numpy("lon"), table.numpy("lat")
    raw = table.raw
    if (
        raw is not None
        and raw.height == table.frame.height
        and bool((table.raw_event == np.arange(raw.height)).all())
    ):  # ACLED rows: written as read (every codebook column) with their geometry
        return raw, lon, lat
    out = table.frame.with_columns(
        [pl.col(c).cast(pl.String) for c, t in SCHEMA.items() if t == "Categorical"]
    )
    return out, lon, lat


def write_geoparquet_parts(parts, path: Path | str, document=None, progress=None) -> int:
    """GeoParquet from tables arriving one after another (a whole table, or the batches of
    a stream), see ``write_geoparquet_rows``. Returns the rows written."""
    return write_geoparquet_rows(map(_rows, parts), path, document, progress)


def write_geoparquet_rows(
    parts: Iterable[tuple[pl.DataFrame, np.ndarray, np.ndarray]],
    path: Path | str,
    document=None,
    progress=None,
) -> int:
    """GeoParquet from rows and their positions (lon, lat; NaN where none) arriving one
    part after another, each written as it comes, so memory stays that of a few parts.
    ``document``: the situation's document, or a function giving it once the parts are
    done (a stream knows its data date at its end). ``progress(rows, None)`` follows the
    rows written; returns their number."""
    import numpy as np

    rows = 0
    box: list[float] = []

    def frames() -> Iterator[pl.DataFrame]:
        nonlocal rows, box
        for frame, lon, lat in parts:
            has = ~(np.isnan(lon) | np.isnan(lat))
            if has.any():
                x, y = lon[has], lat[has]
                bbox = [float(x.min()), float(y.min()), float(x.max()), float(y.max())]
                box = bbox if not box else [
                    min(box[0], bbox[0]), min(box[1], bbox[1]),
                    max(box[2], bbox[2]), max(box[3], bbox[3]),
                ]  # fmt: skip
            yield frame.with_columns(wkb_points(lon, lat))
            rows += frame.height
            if progress is not None:
                progress(rows, None)

    def metadata() -> dict[str, str]:
        return _metadata(box, document() if callable(document) else document)

    sink_frames(frames(), path, metadata)
    return rows


def read_parquet_table(
    path: Path | str, progress=None
) -> tuple[EventsTable, dict[str, Any] | None]:
    """The events of a (Geo)Parquet file, and the mapapp document it carries, if any.

    The file is decoded in a child process: polars' Parquet reader can abort the whole
    process on some corrupt files (found by the fuzzer: one flipped byte in a page), and
    a file from elsewhere must never take the open window with it. The child hands the
    columns back as Arrow IPC."""
    import polars as pl

    path = Path(path)
    if progress is not None:
        progress(0.02, translate("data", "reading"))
    with tempfile.TemporaryDirectory(prefix="mapapp-parquet-") as tmp:
        columns, meta_file = Path(tmp) / "columns.arrow", Path(tmp) / "meta.json"
        try:
            r = subprocess.run(
                [*self_command(), READ_CHILD, str(path), str(columns), str(meta_file)],
                capture_output=True,
                text=True,
                timeout=600,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            timeout = isinstance(exc, subprocess.TimeoutExpired)
            why = translate("data", "it took too long") if timeout else str(exc)
            raise SituationError(path, [Problem("$", _unreadable(why[:200]))]) from None
        if r.returncode != 0 or not columns.exists():
            why = (r.stdout.strip().splitlines() or [""])[-1][:200]
            if not why and r.returncode < 0:
                why = translate("data", "the Parquet reader failed on it (signal {signal})")
                why = why.format(signal=-r.returncode)
            elif not why:
                why = translate("data", "the Parquet reader failed on it")
            raise SituationError(path, [Problem("$", _unreadable(why))])
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        frame = pl.read_ipc(columns)
    document = _document(path, meta.get("mapapp"))
    if progress is not None:
        rows = format_number(frame.height)
        progress(0.5, translate("data", "checking {rows} rows").format(rows=rows))
    try:
        return _events_of(path, frame, meta), document
    except SituationError:
        raise
    except (pl.exceptions.PolarsError, AttributeError, TypeError, ValueError, KeyError) as exc:
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
        msg = translate("data", "cannot use its columns: {reason}").format(reason=reason)
        raise SituationError(path, [Problem("$", msg)]) from None


def _unreadable(why: str) -> str:
    return translate("data", "not a readable Parquet file: {reason}").format(reason=why)


def _events_of(path: Path, frame: pl.DataFrame, meta: dict[str, str]) -> EventsTable:
    if "event_date" in frame.columns or "EVENT_DATE" in frame.columns:
        # ACLED's layout (with or without a geometry, which its coordinates repeat)
        from mapapp.exchange.acled_table import acled_frame_table

        geo = json.loads(meta["geo"]) if "geo" in meta else {}
        column = geo.get("primary_column", "geometry") if isinstance(geo, dict) else "geometry"
        return acled_frame_table(frame.drop(column, strict=False), path)
    if "geo" in meta:
        return _checked_table(path, _from_geo(path, frame, meta["geo"]))
    if set(SCHEMA) <= set(frame.columns):
        return _checked_table(path, frame)
    msg = translate("data", "neither GeoParquet (no 'geo' metadata) nor ACLED's column layout")
    raise SituationError(path, [Problem("$", msg)])


def _checked_table(path: Path, frame: pl.DataFrame) -> EventsTable:
    """What the table holds must hold: finite positions in range (or none), spans that do
    not end before they start, unique ids."""
    import polars as pl

    table = EventsTable(frame)
    f = table.frame
    lon, lat = pl.col("lon"), pl.col("lat")
    none = lon.is_nan() & lat.is_nan()
    placed = lon.is_finite() & lat.is_finite() & (lon.abs() <= 180) & (lat.abs() <= 90)
    checks = (
        (
            (none | placed).not_().fill_null(False),
            "lon, lat",
            QT_TRANSLATE_NOOP("data", "is not a position in degrees"),
        ),
        (
            (pl.col("day_lo") > pl.col("day_hi")).fill_null(False),
            "day_hi",
            QT_TRANSLATE_NOOP("data", "is before day_lo"),
        ),
        (pl.col("id").is_null(), "id", QT_TRANSLATE_NOOP("data", "is missing")),
    )
    problems = []
    for bad, where, message in checks:
        rows = f.select(bad.alias("b"))["b"].arg_true().head(10).to_list()
        said = translate("data", message)
        problems += [Problem(f"$.rows[{r}].{where}", said) for r in rows]
    if problems:
        raise SituationError(path, problems)
    table.frame = f.with_columns(unique_ids(f["id"]).alias("id"))
    return table


def _document(path: Path, text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    try:
        doc = json.loads(text)
    except ValueError:
        doc = None
    if not isinstance(doc, dict):
        msg = translate("data", "the situation metadata is not JSON")
        raise SituationError(path, [Problem("$.mapapp", msg)])
    return doc


def _from_geo(path: Path, frame: pl.DataFrame, geo_text: str) -> pl.DataFrame:
    """lon/lat from the primary geometry column (in lon/lat degrees)."""
    import polars as pl

    try:
        geo = json.loads(geo_text)
        column = geo["primary_column"]
        spec = geo["columns"][column]
        if not isinstance(spec, dict):
            raise TypeError(spec)
    except (ValueError, KeyError, TypeError):
        msg = translate("data", "GeoParquet metadata is not readable")
        raise SituationError(path, [Problem("$.geo", msg)]) from None
    if column not in frame.columns:
        msg = translate("data", "no geometry column {name!r}").format(name=column)
        raise SituationError(path, [Problem("$.geo", msg)])
    if spec.get("encoding", "WKB") != "WKB":
        msg = translate("data", "geometry encoding {encoding!r}; only WKB is read")
        raise SituationError(path, [Problem("$.geo", msg.format(encoding=spec.get("encoding")))])
    g = frame[column]
    if g.dtype != pl.Binary:  # geoarrow.wkb, as geopandas writes it: WKB underneath
        g = g.to_physical()
    simple = g.is_null() | (g.bin.starts_with(WKB_POINT_LE) & (g.bin.size() == 21))
    if simple.all():
        lon = g.bin.slice(5, 8).bin.reinterpret(dtype=pl.Float64, endianness="little")
        lat = g.bin.slice(13, 8).bin.reinterpret(dtype=pl.Float64, endianness="little")
    else:
        lon, lat = _any_geometry(path, g)
    lon, lat = _to_lonlat(
        path, spec.get("crs"), lon.fill_null(float("nan")), lat.fill_null(float("nan"))
    )
    return _as_events(frame.drop(column).with_columns(lon.alias("lon"), lat.alias("lat")))


def _as_events(frame: pl.DataFrame) -> pl.DataFrame:
    """A point layer from elsewhere as events: the table's columns it has (by name, text
    kept as text), a name or title as the title, ids made where there are none."""
    import polars as pl

    if "title" not in frame.columns and "name" in frame.columns:
        frame = frame.with_columns(pl.col("name").alias("title"))
    cols = []
    for name, type_name in SCHEMA.items():
        if name not in frame.columns:
            continue
        col = pl.col(name)
        if type_name in ("String", "Categorical"):
            cols.append(col.cast(pl.String, strict=False))
        else:
            cols.append(col.cast(getattr(pl, type_name), strict=False))
    out = frame.select(cols)
    n = pl.int_range(1, pl.len() + 1).cast(pl.String)
    if "id" not in out.columns:
        out = out.with_columns(("row-" + n).alias("id"))
    if "type" not in out.columns:
        out = out.with_columns(pl.lit("report").alias("type"))
    ids = pl.col("id").fill_null("row-" + n)
    return out.with_columns(ids.alias("id"))


def _any_geometry(path: Path, g: pl.Series) -> tuple[pl.Series, pl.Series]:
    """Points of other WKB (big-endian, 3D, lines, polygons: a point on the surface)."""
    import polars as pl
    import shapely

    try:
        shapes = shapely.from_wkb(g.to_numpy(), on_invalid="raise")
    except shapely.errors.GEOSException as exc:
        msg = translate("data", "bad WKB geometry: {reason}").format(reason=exc)
        raise SituationError(path, [Problem("$.geo", msg)]) from None
    points = shapely.point_on_surface(shapes)
    return pl.Series(shapely.get_x(points)), pl.Series(shapely.get_y(points))


def _to_lonlat(path: Path, crs: Any, lon: pl.Series, lat: pl.Series) -> tuple[pl.Series, pl.Series]:
    import polars as pl

    ident = crs.get("id") if isinstance(crs, dict) else None
    if crs is None or (isinstance(ident, dict) and ident.get("code") in (4326, "CRS84")):
        return lon, lat
    from pyproj import CRS, Transformer
    from pyproj.exceptions import CRSError

    try:
        source = CRS.from_user_input(crs if not isinstance(crs, dict) else json.dumps(crs))
    except CRSError:
        msg = translate("data", "the geometry's CRS is not readable")
        raise SituationError(path, [Problem("$.geo", msg)]) from None
    t = Transformer.from_crs(source, "OGC:CRS84", always_xy=True)
    x, y = t.transform(lon.to_numpy(), lat.to_numpy())
    return pl.Series(x), pl.Series(y)


def decode_in_child(src: str, columns: str, meta_file: str) -> int:
    """The child's side of ``read_parquet_table``: Parquet -> Arrow IPC plus the key-value
    metadata as JSON; a problem is printed as one line on stdout, exit 1."""
    import polars as pl

    with rust_panics_quiet():
        try:
            meta = pl.read_parquet_metadata(src)
            frame = pl.read_parquet(src)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # PolarsError, OSError, or a panic of the reader
            print((str(exc).strip().splitlines() or [type(exc).__name__])[0][:200])
            return 1
    frame.write_ipc(columns)
    Path(meta_file).write_text(json.dumps(meta), encoding="utf-8")
    return 0
