"""Every reader fed generated and mutated files (hypothesis).

Each input ends in a loaded situation or in mapapp's own error (SituationError) whose
every problem names a JSON path ("$…") or a line ("line N") — never another exception.
Whatever is accepted converts to every output format and renders a snapshot.

Profiles (tests/conftest.py): "ci" by default, a few hundred examples per reader;
``MAPAPP_FUZZ=long`` for thousands. New readers get a test here.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import math
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from mapapp.exchange.convert import WRITE_SUFFIXES, read_any, write_any
from mapapp.model.files import SituationError
from mapapp.model.io import default_situation_path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = default_situation_path().parent / "000_631ddefb58e5ec4e.txt"
TEXTS = [ARTICLE, ROOT / "tests" / "data" / "test-article.txt"]  # the sources' texts
SITUATIONS = [default_situation_path(), ROOT / "tests" / "data" / "reykjavik.situation.json"]
CSV_FILES = sorted((ROOT / "tests" / "data" / "acled-layouts").glob("*.csv"))
CSV_FILES.append(ROOT / "tests" / "data" / "acled-fixture.csv")

# numbers at the edges, wrong types, hostile and huge text
NASTY: list[Any] = [
    math.nan,
    math.inf,
    -math.inf,
    1e308,
    -1e308,
    -0.0,
    0,
    -1,
    2**63,
    -(2**63),
    1.5,
    True,
    None,
    "",
    " ",
    "0",
    "nan",
    "x" * 100_000,
    '<script>alert("x")</script>',
    "<b>bold</b> & <i>",
    "line\nbreak\r\n",
    "\ud800 lone surrogate",
    "\x00nul",
    "Tinzaouaten, Tin-Zaouatene; تين زواتين",
    [],
    [1, 2],
    {},
    {"source": "article", "start": 0, "end": [1]},
]
NASTY_CELLS = [
    "",
    "0",
    "-0",
    "9",
    "nan",
    "inf",
    "-inf",
    "1e308",
    "-1e308",
    "2147483648",
    "99999999999999999999",
    "1.5",
    "x" * 100_000,
    '"',
    '""',
    "a\nb",
    "a\r\nb",
    "a;b; c",
    "<b>bold</b>",
    "<script>x</script>",
    "State forces",
    "Rebel group-Civilians",
    "Protesters only",
    "25 July 2024",
    "2024-02-30",
    "31/12/2024",
    "\x00",
    "é",
]

# replacements that keep a value's type, so that mutated files are also often accepted and
# reach the writers and the renderer
STRINGS = [
    "",
    "<b>bold</b> & <i>",
    '<script>alert("x")</script>',
    "Anéfis / Tin-Zaouatene / تين زواتين / 北",
    "tab\tnewline\nreturn\r",
    "  padded  ",
    "x" * 5000,
    "2024-07-27",
    "2024-02-30",
    "a]]>b<!--c-->",
    "&amp; &lt;",
]
NUMBERS = [-0.0, 0, 1, -1, 0.5, 1e-300, 179.99999, -89.9999, 90, 180, 1e308, 2**53, math.nan]

FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path into a JSON document (the root excluded)."""
    out = []
    if isinstance(node, dict):
        for k, v in node.items():
            out.append((*prefix, k))
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out.append((*prefix, i))
            out += _paths(v, (*prefix, i))
    return out


def _parent(doc: Any, path: tuple) -> Any:
    for key in path[:-1]:
        doc = doc[key]
    return doc


def mutate_document(data: st.DataObject, doc: Any, rounds: int) -> Any:
    """Types swapped, values at the edges, fields dropped, items (and ids) duplicated."""
    doc = copy.deepcopy(doc)
    for _ in range(rounds):
        paths = _paths(doc)
        if not paths:
            break
        path = data.draw(st.sampled_from(paths))
        parent, key = _parent(doc, path), path[-1]
        action = data.draw(st.sampled_from(["replace", "replace", "drop", "duplicate"]))
        if action == "replace":
            current = parent[key]
            if isinstance(current, str) and data.draw(st.booleans()):
                parent[key] = data.draw(st.sampled_from(STRINGS))
            elif type(current) in (int, float) and data.draw(st.booleans()):
                parent[key] = data.draw(st.sampled_from(NUMBERS))
            else:
                parent[key] = copy.deepcopy(data.draw(st.sampled_from(NASTY)))
        elif action == "drop":
            del parent[key]
        elif isinstance(parent, list):
            parent.insert(key, copy.deepcopy(parent[key]))
        else:
            parent[key] = [copy.deepcopy(parent[key]), copy.deepcopy(parent[key])]
    return doc


def mutate_bytes(data: st.DataObject, raw: bytes) -> bytes:
    """Truncation, broken UTF-8, a flipped byte — or nothing."""
    kind = data.draw(st.sampled_from(["none", "none", "none", "truncate", "bad-utf8", "flip"]))
    if kind == "none" or not raw:
        return raw
    at = data.draw(st.integers(0, len(raw) - 1))
    if kind == "truncate":
        return raw[:at]
    if kind == "bad-utf8":
        return raw[:at] + data.draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80"])) + raw[at:]
    return raw[:at] + bytes([raw[at] ^ data.draw(st.integers(1, 255))]) + raw[at + 1 :]


def outcome(path: Path, reader=read_any) -> Any:
    """What ``reader`` made, or None after a proper refusal; any other exception fails."""
    try:
        situation = reader(path)
    except SituationError as exc:
        event("refused")
        assert exc.problems, "a refusal without a problem"
        for p in exc.problems:
            assert p.path.startswith("$") or p.path.startswith("line "), p
            assert "\n" not in p.message and len(p.message) < 400, p
        return None
    event("accepted")
    return situation


def check_accepted(situation, folder: Path, basemap) -> None:
    """An accepted input converts to every format and renders a snapshot."""
    from mapapp.render.export import export_snapshot
    from mapapp.render.situation_layer import SituationLayer
    from mapapp.render.snapshot import build_snapshot, default_view

    for suffix in WRITE_SUFFIXES:
        out = folder / f"out{suffix}"
        write_any(situation, out)
        assert out.stat().st_size > 0
    layer = SituationLayer(situation, basemap)
    view = default_view(layer, 320, 200, None)
    snap = build_snapshot(layer, basemap, view, title=None)
    out = folder / "snap.png"
    export_snapshot(out, snap, basemap, layer)
    assert out.stat().st_size > 0


def read_and_check(raw: bytes, name: str, basemap) -> None:
    """Write ``raw`` as ``name`` beside the sources' texts, read it, check the outcome."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for text in TEXTS:
            shutil.copy(text, folder)
        path = folder / name
        path.write_bytes(raw)
        situation = outcome(path)
        if situation is not None:
            check_accepted(situation, folder, basemap)


@pytest.mark.parametrize("base", SITUATIONS, ids=lambda p: p.stem)
@FUZZ
@given(data=st.data())
def test_situation_json_reader(base, data, basemap):
    doc = json.loads(base.read_text(encoding="utf-8"))
    doc = mutate_document(data, doc, data.draw(st.integers(0, 3)))
    raw = json.dumps(doc, ensure_ascii=data.draw(st.booleans()), allow_nan=True).encode(
        "utf-8", "surrogatepass"
    )
    read_and_check(mutate_bytes(data, raw), "fuzzed.situation.json", basemap)


def _geojson_bases() -> list[dict]:
    from mapapp.exchange.geojson import to_geojson

    mapapp_geojson = to_geojson(read_any(default_situation_path()))
    foreign = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [2.96778, 19.94861]},
                "properties": {"name": "Tinzaouaten", "date": "2024-07-27", "note": "<b>x</b>"},
            },
            {
                "type": "Feature",
                "id": 7,
                "geometry": {"type": "Point", "coordinates": [1.40778, 18.44111, 500]},
                "properties": {"title": "Kidal", "time": "2024-07"},
            },
        ],
    }
    return [mapapp_geojson, foreign]


@pytest.mark.parametrize("which", [0, 1], ids=["mapapp-geojson", "foreign-geojson"])
@FUZZ
@given(data=st.data())
def test_geojson_reader(which, data, basemap):
    doc = mutate_document(data, _geojson_bases()[which], data.draw(st.integers(1, 3)))
    raw = mutate_bytes(data, json.dumps(doc, allow_nan=True).encode("utf-8", "surrogatepass"))
    read_and_check(raw, "fuzzed.geojson", basemap)


def mutate_rows(data: st.DataObject, rows: list[list[str]]) -> list[list[str]]:
    """Cells replaced, rows too short or too long, rows duplicated, columns dropped."""
    rows = [list(r) for r in rows]
    for _ in range(data.draw(st.integers(1, 4))):
        r = data.draw(st.integers(0, len(rows) - 1))
        action = data.draw(
            st.sampled_from(["cell", "cell", "cell", "short", "long", "dup", "drop-col"])
        )
        if action == "cell" and rows[r]:
            c = data.draw(st.integers(0, len(rows[r]) - 1))
            rows[r][c] = data.draw(st.sampled_from(NASTY_CELLS))
        elif action == "short" and rows[r]:
            rows[r].pop()
        elif action == "long":
            rows[r].append(data.draw(st.sampled_from(NASTY_CELLS)))
        elif action == "dup":
            rows.insert(r, list(rows[r]))
        elif action == "drop-col" and rows[0]:
            c = data.draw(st.integers(0, len(rows[0]) - 1))
            for row in rows:
                if c < len(row):
                    row.pop(c)
    return rows


@pytest.mark.parametrize("base", CSV_FILES, ids=lambda p: p.stem)
@FUZZ
@given(data=st.data())
def test_acled_csv_reader(base, data, basemap):
    with open(base, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    rows = mutate_rows(data, rows)
    text = io.StringIO()
    csv.writer(text, lineterminator=data.draw(st.sampled_from(["\r\n", "\n"]))).writerows(rows)
    raw = text.getvalue().encode("utf-8", "surrogatepass")
    if data.draw(st.booleans()):
        raw = b"\xef\xbb\xbf" + raw
    read_and_check(mutate_bytes(data, raw), "fuzzed.csv", basemap)


def _csv_bytes(data: st.DataObject, base: Path) -> bytes:
    with open(base, encoding="utf-8-sig", newline="") as f:
        rows = mutate_rows(data, list(csv.reader(f)))
    text = io.StringIO()
    csv.writer(text, lineterminator=data.draw(st.sampled_from(["\r\n", "\n"]))).writerows(rows)
    raw = text.getvalue().encode("utf-8", "surrogatepass")
    if data.draw(st.booleans()):
        raw = b"\xef\xbb\xbf" + raw
    return mutate_bytes(data, raw)


def check_table(table, folder: Path) -> None:
    """An accepted table answers its queries and survives a GeoParquet round trip."""
    from mapapp.exchange.parquet import read_parquet_table, write_geoparquet

    assert len(table) > 0
    table.in_days(0, 30_000)
    table.matching_text("a")
    assert table.row_of(table.row(0)["id"]) == 0
    out = folder / "t.parquet"
    write_geoparquet(table, out)
    again, _ = read_parquet_table(out)
    assert again.frame.equals(table.frame)


@pytest.mark.parametrize("base", CSV_FILES, ids=lambda p: p.stem)
@FUZZ
@given(data=st.data())
def test_acled_column_reader(base, data):
    """The column-wise ACLED reader (the events table) on the same mutated files."""
    from mapapp.exchange.acled_table import read_acled_table

    raw = _csv_bytes(data, base)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzzed.csv"
        path.write_bytes(raw)
        table = outcome(path, read_acled_table)
        if table is not None:
            check_table(table, Path(tmp))


@settings(FUZZ, max_examples=max(1, settings.default.max_examples // 3))  # a child each
@given(data=st.data())
def test_parquet_reader(data):
    """(Geo)Parquet: a file we wrote, its bytes mutated, or an ACLED-layout Parquet whose
    cells were mutated."""
    import polars as pl

    from mapapp.exchange.parquet import read_parquet_table, write_geoparquet
    from mapapp.model.events_table import from_document_events

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "fuzzed.parquet"
        if data.draw(st.booleans()):
            doc = json.loads(SITUATIONS[0].read_text(encoding="utf-8"))
            write_geoparquet(from_document_events(doc), path, doc)
            path.write_bytes(mutate_bytes(data, path.read_bytes()))
        else:
            csv_path = folder / "rows.csv"
            csv_path.write_bytes(_csv_bytes(data, data.draw(st.sampled_from(CSV_FILES))))
            try:
                frame = pl.read_csv(csv_path, infer_schema=False, truncate_ragged_lines=True)
            except pl.exceptions.PolarsError:
                return  # not even CSV: nothing to put in a Parquet file
            frame.write_parquet(path)
        result = outcome(path, read_parquet_table)
        if result is not None:
            check_table(result[0], folder)
