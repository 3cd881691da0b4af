"""Parquet / GeoParquet 1.1: written from the events table, read back unchanged, read by a
real client (geopandas, through pyarrow), and read from elsewhere (other CRSs, other
geometries, ACLED's column layout)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mapapp.exchange.acled_table import read_acled_table
from mapapp.exchange.parquet import read_parquet_table, write_geoparquet
from mapapp.model.events_table import from_document_events
from mapapp.model.files import SituationError
from mapapp.model.io import default_situation_path

ROOT = Path(__file__).resolve().parents[1]
CURRENT = ROOT / "tests" / "data" / "acled-layouts" / "current-layout.csv"


@pytest.fixture
def document():
    return json.loads(default_situation_path().read_text(encoding="utf-8"))


def test_round_trip_keeps_every_column_and_the_document(document, tmp_path):
    table = from_document_events(document)
    out = tmp_path / "t.parquet"
    write_geoparquet(table, out, document)
    again, doc = read_parquet_table(out)
    assert again.frame.equals(table.frame)
    assert doc == document
    assert not list(tmp_path.glob("*.part"))


def test_geopandas_reads_it_as_points_in_lon_lat(document, tmp_path):
    gpd = pytest.importorskip("geopandas")
    pytest.importorskip("pyarrow")
    out = tmp_path / "t.parquet"
    table = from_document_events(document)
    write_geoparquet(table, out)
    frame = gpd.read_parquet(out)
    assert frame.crs.to_string() == "OGC:CRS84"
    battle = frame[frame["id"] == "battle"].geometry.iloc[0]
    assert (battle.x, battle.y) == (2.96778, 19.94861)
    assert len(frame) == len(table)
    meta = json.loads(__import__("pyarrow.parquet").parquet.read_metadata(out).metadata[b"geo"])
    assert meta["version"] == "1.1.0" and meta["columns"]["geometry"]["encoding"] == "WKB"
    assert meta["columns"]["geometry"]["bbox"][0] == pytest.approx(frame.total_bounds[0])


@pytest.mark.parametrize("writer", ["whole", "parts"])
def test_geo_is_in_the_arrow_schema_and_the_footer_alike(document, tmp_path, writer):
    """pyarrow takes a schema's metadata from the stored Arrow schema, DuckDB and GDAL from
    the Parquet footer: both hold the same ``geo``, and the column types stay polars'."""
    pq = pytest.importorskip("pyarrow.parquet")
    from mapapp.exchange.parquet import write_geoparquet_parts

    table = from_document_events(document)
    out = tmp_path / "t.parquet"
    if writer == "whole":
        write_geoparquet(table, out, document)
    else:
        write_geoparquet_parts([table, table], out, document)
    footer = pq.read_metadata(out).metadata
    read = pq.read_table(out)
    assert read.schema.metadata is not None
    assert read.schema.metadata[b"geo"] == footer[b"geo"]
    geo = json.loads(read.schema.metadata[b"geo"])
    assert geo["primary_column"] == "geometry" and geo["columns"]["geometry"]["encoding"] == "WKB"
    assert json.loads(read.schema.metadata[b"mapapp"]) == document
    assert str(read.schema.field("geometry").type) == "large_binary"
    assert str(read.schema.field("id").type) == "large_string"
    assert read.num_rows == len(table) * (1 if writer == "whole" else 2)
    again, _ = read_parquet_table(out)
    assert again.frame.head(len(table)).equals(table.frame)


def test_acled_rows_through_parquet(tmp_path):
    table = read_acled_table(CURRENT)
    out = tmp_path / "acled.parquet"
    write_geoparquet(table, out)
    again, doc = read_parquet_table(out)
    assert doc is None and again.frame.equals(table.frame)
    notes = again.frame["notes"].to_list()
    assert any("<b>bold</b>" in n for n in notes)  # text kept as written


def test_an_acled_layout_parquet_goes_through_the_codebook(tmp_path):
    import polars as pl

    raw = pl.read_csv(CURRENT, infer_schema=False)
    good = tmp_path / "acled-columns.parquet"
    raw.write_parquet(good)
    table, _ = read_parquet_table(good)
    assert table.frame["id"].to_list() == read_acled_table(CURRENT).frame["id"].to_list()
    bad = tmp_path / "bad.parquet"
    raw.with_columns(
        pl.when(pl.int_range(pl.len()) == 1)
        .then(pl.lit("9"))
        .otherwise(pl.col("inter2"))
        .alias("inter2")
    ).write_parquet(bad)
    with pytest.raises(SituationError, match="inter2 '9'"):
        read_parquet_table(bad)


def test_geoparquet_from_elsewhere_other_crs_and_geometry(tmp_path):
    """A layer geopandas wrote (geoarrow WKB, UTM metres, a polygon among the points)
    opens as events at the right places in lon/lat."""
    gpd = pytest.importorskip("geopandas")
    pytest.importorskip("pyarrow")
    from shapely.geometry import Point, Polygon

    frame = gpd.GeoDataFrame(
        {"name": ["Tinzaouaten", "a field"], "type": ["battle", None], "count": [3, 4]},
        geometry=[Point(392_850, 2_205_900), Polygon([(0, 0), (10_000, 0), (0, 10_000)])],
        crs="EPSG:32631",  # UTM 31N, metres
    )
    src = tmp_path / "utm.parquet"
    frame.to_parquet(src)
    table, doc = read_parquet_table(src)
    assert doc is None and len(table) == 2
    lon, lat = table.numpy("lon"), table.numpy("lat")
    assert lon[0] == pytest.approx(1.97, abs=0.01) and lat[0] == pytest.approx(19.95, abs=0.01)
    from pyproj import Transformer

    to_lonlat = Transformer.from_crs("EPSG:32631", "OGC:CRS84", always_xy=True).transform
    (west, _), (east, north) = to_lonlat(0, 0), to_lonlat(10_000, 10_000)
    assert west < lon[1] < east and 0 < lat[1] < north  # a point on the polygon
    assert table.frame["title"].to_list() == ["Tinzaouaten", "a field"]
    assert table.frame["id"].to_list() == ["row-1", "row-2"]


def test_not_parquet_is_refused_in_one_line(tmp_path):
    src = tmp_path / "x.parquet"
    src.write_bytes(b"PAR1 not really")
    with pytest.raises(SituationError) as err:
        read_parquet_table(src)
    assert "not a readable Parquet file" in str(err.value)


def test_a_corrupt_page_is_refused_and_never_takes_the_process_down(document, tmp_path):
    """Found by the fuzzer: flipping one byte of a page made polars abort the whole
    process (SIGABRT). The file is decoded in a child process, so this one survives."""
    src = tmp_path / "t.parquet"
    write_geoparquet(from_document_events(document), src, document)
    raw = src.read_bytes()
    bad = tmp_path / "bad.parquet"
    outcomes = set()
    for at in range(188, 195):
        for flip in (0x01, 0xFF):
            bad.write_bytes(raw[:at] + bytes([raw[at] ^ flip]) + raw[at + 1 :])
            try:
                read_parquet_table(bad)
                outcomes.add("read")
            except SituationError as exc:
                assert "not a readable Parquet file" in str(exc)
                outcomes.add("refused")
    assert "refused" in outcomes


def _written(tmp_path: Path, frame, geo: dict | None) -> Path:
    out = tmp_path / "x.parquet"
    frame.write_parquet(out, metadata={"geo": json.dumps(geo)} if geo else None)
    return out


@pytest.mark.parametrize(
    ("change", "geo", "message"),
    [
        ({"geometry": [1, 2]}, {"primary_column": "geometry", "columns": {"geometry": {}}}, "$"),
        ({}, {"primary_column": "geometry", "columns": {"geometry": "WKB"}}, "$.geo"),
        ({"day_lo": ["abc", "x"]}, None, "$"),
    ],
)
def test_columns_of_the_wrong_kind_are_refused_in_one_line(tmp_path, change, geo, message):
    """Found in review: these raised polars or attribute errors instead of a refusal."""
    import polars as pl

    from mapapp.exchange.parquet import wkb_points
    from mapapp.model.events_table import SCHEMA

    base = {k: ["a", "b"] for k in SCHEMA}
    base |= {"lon": [1.0, 2.0], "lat": [3.0, 4.0], "geometry": wkb_points([1.0, 2], [3.0, 4])}
    frame = pl.DataFrame({**base, **change})
    if geo is None:
        frame = frame.drop("geometry")
    with pytest.raises(SituationError) as err:
        read_parquet_table(_written(tmp_path, frame, geo))
    assert err.value.problems[0].path.startswith(message)


def test_values_are_checked_and_ids_made_unique(tmp_path, document):
    import polars as pl

    table = from_document_events(document)
    frame = table.frame.head(3).with_columns(pl.Series("id", ["a", "a", "a-2"]))
    out = tmp_path / "ok.parquet"
    write_geoparquet(from_document_events(document).__class__(frame), out)
    again, _ = read_parquet_table(out)
    assert again.frame["id"].to_list() == ["a", "a-2", "a-2-2"]
    bad = frame.with_columns(pl.Series("lon", [float("inf"), 1.0, 2.0]))
    bad = bad.with_columns(pl.Series("day_lo", [5, 9, 1], dtype=pl.Int32))
    bad = bad.with_columns(pl.Series("day_hi", [6, 2, 1], dtype=pl.Int32))
    src = tmp_path / "bad.parquet"
    bad.with_columns(
        [pl.col(c).cast(pl.String) for c in bad.columns if bad[c].dtype == pl.Categorical]
    ).write_parquet(src)
    with pytest.raises(SituationError) as err:
        read_parquet_table(src)
    found = [str(p) for p in err.value.problems]
    assert "$.rows[0].lon, lat: is not a position in degrees" in found
    assert "$.rows[1].day_hi: is before day_lo" in found


def test_a_dataset_geoparquet_opens_in_geopandas_and_a_foreign_one_exports_as_a_situation(
    tmp_path,
):
    """An ACLED dataset written by convert is GeoParquet geopandas reads with every
    codebook column; a layer from elsewhere exports to a situation file mapapp reopens."""
    gpd = pytest.importorskip("geopandas")
    pytest.importorskip("pyarrow")
    import subprocess
    import sys

    from shapely.geometry import Point

    from mapapp.exchange.convert import read_any

    def convert(src, out):
        r = subprocess.run(
            [sys.executable, "-m", "mapapp", "convert", str(src), "-o", str(out)],
            capture_output=True,
            text=True,
        )
        assert r.returncode == 0, r.stderr

    out = tmp_path / "acled.parquet"
    convert(CURRENT, out)
    frame = gpd.read_parquet(out)
    assert frame.crs.to_string() == "OGC:CRS84" and len(frame) == 5
    assert {"event_id_cnty", "inter1", "source_scale", "tags"} <= set(frame.columns)
    first = frame[frame["event_id_cnty"] == "MLI90001"].geometry.iloc[0]
    assert (first.x, first.y) == (2.9678, 19.9486)

    layer = gpd.GeoDataFrame(
        {"name": ["Tinzaouaten", "Kidal"]},
        geometry=[Point(2.96778, 19.94861), Point(1.4078, 18.4411)],
        crs="OGC:CRS84",
    )
    src = tmp_path / "points.parquet"
    layer.to_parquet(src)
    doc = tmp_path / "points.json"
    convert(src, doc)
    again = read_any(doc)
    assert sorted(e.title for e in again.events.values()) == ["Kidal", "Tinzaouaten"]
    assert all(e.citations[0].locator.startswith("data row ") for e in again.events.values())
