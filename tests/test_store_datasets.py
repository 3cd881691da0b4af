"""ACLED datasets in the store (tests/pg_server.py's real PostgreSQL 15 + PostGIS 3): a CSV
pushed and pulled back byte for byte (with a BOM or without, CRLF or LF, every layout,
cells no type would print back as written, columns outside the codebook), a GeoParquet
back with the same rows and document, a bad file refused with nothing written, the
window's queries returning exactly the rows a polars filter of the opened file gives
(through the indexes), and a viewer refused by the database itself."""

from __future__ import annotations

import csv
import itertools
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from cli_run import ROOT, mapapp

from mapapp.exchange.acled_codebook import COLUMNS
from mapapp.exchange.acled_table import acled_frame_table, read_acled_rows, read_acled_table
from mapapp.model.events_table import EPOCH
from mapapp.store import dataset_reading as reading
from mapapp.store import datasets
from tests.benchmarks.make_acled import rows as acled_rows
from tests.benchmarks.make_acled import write

DATA = ROOT / "tests" / "data"
FIXTURE = DATA / "acled-fixture.csv"  # a BOM, CRLF line ends, a note with a line break
_names = itertools.count()


@pytest.fixture
def store(pg):
    """A fresh database with mapapp's schema: its admin URL."""
    url = pg.create_database(f"datasets{next(_names)}")
    r = mapapp("store", "init", url)
    assert r.returncode == 0, r.stderr
    return url


@pytest.fixture
def conn(store):
    from mapapp.store.connection import connect

    with connect(store) as c:
        yield c


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """5,000 fictional rows in ACLED's current layout (a BOM, LF line ends)."""
    return write(5000, tmp_path_factory.mktemp("acled") / "acled-5000.csv")


def plain_export(path: Path, n: int, **writer) -> Path:
    """A plain UTF-8 export as Python's csv module writes it: no BOM, CRLF unless told."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, **writer)
        w.writerow(COLUMNS)
        w.writerows(acled_rows(n))
    return path


def round_trip(store: str, src: Path, out: Path, name: str = "d") -> None:
    r = mapapp("store", "push", src, store, "--as", name)
    assert r.returncode == 0, r.stderr
    r = mapapp("store", "pull", store, name, "-o", out)
    assert r.returncode == 0, r.stderr


def test_a_store_of_schema_2_is_brought_up_to_date_and_keeps_its_situations(pg):
    import psycopg

    from mapapp.store.schema import MIGRATIONS

    url = pg.create_database(f"older{next(_names)}")
    with psycopg.connect(url, autocommit=True) as conn:
        for _number, sql in MIGRATIONS[:2]:
            conn.execute(sql)
        conn.execute("INSERT INTO mapapp.meta VALUES ('schema_version', '2')")
    situation = ROOT / "seeds" / "tinzaouaten-2024.situation.json"
    r = mapapp("store", "push", situation, url, "--as", "t")
    assert r.returncode == 1 and "run 'mapapp store init'" in r.stderr
    r = mapapp("store", "init", url)
    assert r.returncode == 0 and "store ready (schema 4)" in r.stdout
    assert mapapp("store", "push", situation, url, "--as", "t").returncode == 0
    assert mapapp("store", "push", FIXTURE, url, "--as", "acled").returncode == 0
    listed = mapapp("store", "list", url).stdout.splitlines()
    assert [x.split("\t")[:2] for x in listed] == [["acled", "dataset"], ["t", "situation"]]


def test_a_csv_comes_back_byte_for_byte_and_is_listed(store, tmp_path):
    plain = plain_export(tmp_path / "plain.csv", 300)
    lf = plain_export(tmp_path / "lf.csv", 300, lineterminator="\n")
    quoted = plain_export(tmp_path / "quoted.csv", 50, quoting=csv.QUOTE_ALL)
    layouts = sorted((DATA / "acled-layouts").glob("*.csv"))  # 2017, pre-2023, text inter
    files = [FIXTURE, plain, lf, quoted, *layouts]
    assert FIXTURE.read_bytes().startswith(b"\xef\xbb\xbf")
    for k, src in enumerate(files):
        out = tmp_path / f"pulled-{k}.csv"
        r = mapapp("store", "push", src, store, "--as", f"d{k}")
        assert r.returncode == 0, r.stderr
        rows = len(read_acled_rows(src))
        assert f"pushed {src} as d{k} ({rows:,} row" in r.stdout
        assert mapapp("store", "pull", store, f"d{k}", "-o", out).returncode == 0
        assert out.read_bytes() == src.read_bytes(), src.name
    listed = mapapp("store", "list", store).stdout.splitlines()
    assert any(line.startswith("d0\tdataset\t4 row") for line in listed), listed
    assert any(line.startswith("d1\tdataset\t300 row") for line in listed), listed


def test_cells_no_type_prints_back_and_columns_outside_the_codebook(store, conn, tmp_path):
    """Typed columns keep what their type would not print as written (padding, a leading
    zero, an exponent, a negative zero) as text, and other columns in `extra`."""
    src = tmp_path / "odd.csv"
    header = [*COLUMNS, "analyst_note", "Reviewed"]
    odd = list(acled_rows(6))
    odd[0][COLUMNS.index("latitude")] = " 16.2000 "
    odd[1][COLUMNS.index("fatalities")] = "007"
    odd[2][COLUMNS.index("timestamp")] = "1.7223e+09"
    odd[3][COLUMNS.index("longitude")] = "-0.0"
    odd[4][COLUMNS.index("year")] = ""
    notes = ['say "hi", {braces} \\ back', "", "two\nlines", "x", "", "NULL"]
    with open(src, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        for row, note in zip(odd, notes, strict=True):
            w.writerow([*row, note, "yes"])
    out = tmp_path / "back.csv"
    round_trip(store, src, out)
    assert out.read_bytes() == src.read_bytes()
    dataset = datasets.open_dataset(conn, "d")
    assert sorted(dataset.head["written"]) == ["fatalities", "latitude", "longitude", "timestamp"]
    stored = conn.execute(
        "SELECT latitude::text, extra FROM mapapp.acled_rows WHERE position = 0"
    ).fetchone()
    assert stored == (None, ['say "hi", {braces} \\ back', "yes"])
    typed = conn.execute(
        "SELECT latitude::text FROM mapapp.acled_rows WHERE position = 1"
    ).fetchone()[0]
    assert typed == odd[1][COLUMNS.index("latitude")]  # "14.1500" stays "14.1500"
    assert reading.dataset_rows(conn, dataset).equals(read_acled_rows(src))


def test_a_file_quoted_its_own_way_comes_back_with_the_same_cells(store, conn, tmp_path):
    """A cell quoted where no CSV writer would quote it: the pull writes the same rows and
    cells, quoted as writers quote (not the same bytes), and the head says so."""
    src = plain_export(tmp_path / "plain.csv", 20)
    odd = tmp_path / "odd.csv"
    odd.write_bytes(src.read_bytes().replace(b"\r\nFIX3,", b'\r\n"FIX3",'))
    assert odd.read_bytes() != src.read_bytes()
    out = tmp_path / "back.csv"
    round_trip(store, odd, out)
    assert not datasets.open_dataset(conn, "d").head["csv"]["matched"]
    assert out.read_bytes() == src.read_bytes()  # written as writers write
    assert read_acled_rows(out).equals(read_acled_rows(odd))


def test_a_geoparquet_comes_back_with_its_rows_and_document(store, tmp_path):
    import polars as pl

    src = tmp_path / "fixture.parquet"
    assert mapapp("convert", FIXTURE, "-o", src).returncode == 0
    out = tmp_path / "back.parquet"
    round_trip(store, src, out)
    assert pl.read_parquet(out).equals(pl.read_parquet(src))
    assert pl.read_parquet_metadata(out) == pl.read_parquet_metadata(src)  # geo, mapapp
    assert out.read_bytes() == src.read_bytes()  # one row group: the same bytes too
    wrong = mapapp("store", "pull", store, "d", "-o", tmp_path / "back.csv")
    assert wrong.returncode == 1 and "pull it to a .parquet file" in wrong.stderr


def test_a_bad_file_is_refused_in_one_line_and_nothing_is_written(store, conn, tmp_path):
    import psycopg

    bad = tmp_path / "bad.csv"
    text = FIXTURE.read_text(encoding="utf-8-sig")
    bad.write_text(text.replace(",Protests,", ",Picnics,"), encoding="utf-8")
    r = mapapp("store", "push", bad, store, "--as", "bad")
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1
    assert "line 5" in r.stderr and "'Picnics' is not an ACLED event type" in r.stderr
    foreign = tmp_path / "events.parquet"
    assert mapapp("convert", ROOT / "seeds" / "tinzaouaten-2024.situation.json",
                  "-o", foreign).returncode == 0  # fmt: skip
    r = mapapp("store", "push", foreign, store, "--as", "foreign")
    assert r.returncode == 2 and "not in ACLED's column layout" in r.stderr
    assert conn.execute("SELECT count(*) FROM mapapp.situations").fetchone()[0] == 0
    tables = conn.execute(
        "SELECT count(*) FROM pg_tables WHERE schemaname = 'mapapp'"
        " AND tablename LIKE 'acled_rows_%'"
    ).fetchone()[0]
    assert tables == 0
    assert datasets.push_dataset(conn, "good", FIXTURE) == 4
    with pytest.raises(datasets.StoreError, match="already holds"):
        datasets.push_dataset(conn, "good", FIXTURE)
    good = datasets.open_dataset(conn, "good").id
    with pytest.raises(psycopg.errors.CheckViolation):  # a partition holds one dataset
        conn.execute(
            f"INSERT INTO mapapp.acled_rows_{good} (situation, position, geom, first_day,"
            " last_day, event_kind) VALUES (%s, 9, 'SRID=4326;POINT(0 0)', '2020-01-01',"
            " '2020-01-01', 0)",
            (good + 1,),
        )


def test_the_window_gets_exactly_the_rows_of_a_polars_filter_of_the_file(conn, generated):
    """Markers and rows of viewports and time windows against the opened file's events
    table filtered by polars (make_acled rows are one event each, in file order)."""
    assert datasets.push_dataset(conn, "acled", generated) == 5000
    dataset = datasets.open_dataset(conn, "acled")
    table = read_acled_table(generated)
    frame, raw = table.frame, read_acled_rows(generated)
    lon, lat = table.numpy("lon"), table.numpy("lat")
    first, last = dataset.days
    assert dataset.bbox == (lon.min(), lat.min(), lon.max(), lat.max())
    assert (first - EPOCH).days == frame["day_lo"].min()
    assert (last - EPOCH).days == frame["day_hi"].max()
    windows = [
        ((0.0, 10.0, 8.0, 18.0), None),
        (None, (date(2024, 3, 1), date(2024, 3, 31))),
        ((2.0, 5.0, 30.0, 14.0), (date(2019, 1, 1), date(2019, 12, 31))),
        (dataset.bbox, (last - timedelta(days=29), last)),
        ((-3.0, 9.5, 2.2, 15.0), (date(2025, 6, 1), date(2025, 6, 7))),
        ((100.0, 0.0, 110.0, 5.0), None),  # nothing there
        (None, None),
    ]
    for bbox, days in windows:
        want = np.ones(len(table), bool)
        if bbox is not None:
            w, s, e, n = bbox
            want &= (lon >= w) & (lon <= e) & (lat >= s) & (lat <= n)
        if days is not None:
            want &= table.in_days((days[0] - EPOCH).days, (days[1] - EPOCH).days)
        expected = np.flatnonzero(want)
        markers = reading.dataset_markers(conn, dataset, bbox, days)
        order = np.argsort(markers.rows)
        assert markers.rows[order].tolist() == expected.tolist(), (bbox, days)
        assert markers.lon[order].tolist() == lon[expected].tolist()
        assert markers.lat[order].tolist() == lat[expected].tolist()
        kinds = [datasets.EVENT_KINDS[k] for k in markers.kinds[order]]
        assert kinds == frame["type"].cast(str).gather(expected).to_list()
        rows = reading.dataset_rows(conn, dataset, bbox, days)
        assert rows.equals(raw[expected]), (bbox, days)
    whole = acled_frame_table(reading.dataset_rows(conn, dataset), generated)
    assert whole.frame.equals(table.frame) and whole.raw.equals(table.raw)


def test_the_window_s_queries_use_the_indexes(conn, generated):
    datasets.push_dataset(conn, "acled", generated)
    dataset = datasets.open_dataset(conn, "acled")
    last = dataset.days[1]
    month = (last - timedelta(days=29), last)
    plan = reading.explain_markers(conn, dataset, dataset.bbox, month)
    assert "situation_first_day_last_day_idx" in plan, plan  # the btree of days
    assert "Seq Scan" not in plan
    plan = reading.explain_markers(conn, dataset, (0.0, 10.0, 1.0, 11.0))
    assert "geom_idx" in plan, plan  # the GiST of points
    indexes = {r[0] for r in conn.execute(
        "SELECT indexdef FROM pg_indexes WHERE tablename = 'acled_rows'")}  # fmt: skip
    assert any("USING gist (geom)" in i for i in indexes)
    assert any("(situation, first_day, last_day)" in i for i in indexes)


def test_a_viewer_is_refused_by_the_database_itself(store, pg, generated):
    """alice (mapapp_editor) pushes; victor (mapapp_viewer) reads the markers but cannot
    insert, change or delete a row — through the table, its partition or the functions
    that fill one — and neither can alice write the partition once it is attached."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    from mapapp.store.connection import StoreError, connect

    db = conninfo_to_dict(store)["dbname"]
    roles = pg.team_roles(db)
    with (
        connect(roles["alice"]) as alice,
        connect(roles["victor"]) as victor,
    ):
        assert datasets.push_dataset(alice, "acled", FIXTURE) == 4
        dataset = datasets.open_dataset(victor, "acled")
        assert len(reading.dataset_markers(victor, dataset)) == 4  # a viewer reads
        part = f"mapapp.acled_rows_{dataset.id}"
        refused = [
            "INSERT INTO mapapp.acled_rows (situation, position, geom, first_day, last_day,"
            " event_kind) VALUES (%s, 9, 'SRID=4326;POINT(0 0)', '2020-01-01', '2020-01-01', 0)",
            "DELETE FROM mapapp.acled_rows WHERE situation = %s",
            "UPDATE mapapp.acled_rows SET notes = 'x' WHERE situation = %s",
            f"DELETE FROM {part} WHERE situation = %s",
            "SELECT mapapp.acled_rows_begin(%s)",
        ]
        for sql in refused:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                victor.execute(sql, (dataset.id,))
        with pytest.raises(StoreError, match="victor may not write to this store"):
            datasets.push_dataset(victor, "mine", FIXTURE)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # filled once, by COPY
            alice.execute(f"DELETE FROM {part} WHERE situation = %s", (dataset.id,))
        alice.execute("UPDATE mapapp.acled_rows SET notes = 'checked' WHERE position = 0")
        assert victor.execute("SELECT count(*) FROM mapapp.acled_rows").fetchone()[0] == 4
        rls = victor.execute(
            "SELECT relrowsecurity FROM pg_class WHERE oid = 'mapapp.acled_rows'::regclass"
        ).fetchone()[0]
        assert rls
    listed = mapapp("store", "list", store).stdout
    assert listed.startswith("acled\tdataset\t4 row") and "by alice" in listed
