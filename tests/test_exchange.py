"""`mapapp convert`: GeoJSON, KML and ACLED-layout CSV that real clients open, round
trips that keep what each format can hold, and bad input refused with nothing written."""

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mapapp.exchange.acled import COLUMNS, to_acled_csv
from mapapp.exchange.convert import read_any, write_any
from mapapp.exchange.geojson import to_geojson
from mapapp.exchange.kml import to_kml
from mapapp.model.io import default_situation_path, load_situation

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_CSV = ROOT / "tests" / "data" / "acled-fixture.csv"
KML = "{http://www.opengis.net/kml/2.2}"


@pytest.fixture(scope="module")
def situation():
    return load_situation(default_situation_path())


def convert(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "mapapp", "convert", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def ogr_counts(path):
    """Feature count per layer, as GDAL's ogrinfo reads the file."""
    if shutil.which("ogrinfo") is None:
        if os.environ.get("CI"):
            pytest.fail("ogrinfo (gdal-bin) is missing; .ci/run must install it")
        pytest.skip("ogrinfo (gdal-bin) not installed")
    out = subprocess.run(
        ["ogrinfo", "-ro", "-al", "-so", str(path)], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    return [int(n) for n in re.findall(r"Feature Count: (\d+)", out.stdout)]


# --- GeoJSON -------------------------------------------------------------------------


def test_geojson_follows_rfc_7946(situation):
    from shapely.geometry import shape

    data = to_geojson(situation)
    assert data["type"] == "FeatureCollection" and "crs" not in data
    by_id = {f["id"]: f for f in data["features"]}
    assert len(by_id) == len(situation.places) + len(situation.areas) + len(situation.events)
    # lon, lat order
    assert by_id["place:tinzaouaten"]["geometry"]["coordinates"] == [2.96778, 19.94861]
    assert by_id["event:battle"]["geometry"]["coordinates"] == [2.96778, 19.94861]
    # right-hand rule: exterior rings counter-clockwise
    for area in ("area:azawad", "area:mali"):
        geom = shape(by_id[area]["geometry"])
        for poly in getattr(geom, "geoms", [geom]):
            assert poly.exterior.is_ccw
            assert all(not ring.is_ccw for ring in poly.interiors)
    battle = by_id["event:battle"]["properties"]
    assert battle["time_start"] == "2024-07-25" and battle["time_end"] == "2024-07-27"
    assert "JNIM" in battle["actor_names"]
    assert {c["id"] for c in battle["claims"]} >= {"jnim-casualties", "estimate-wagner-dead"}
    # an event the article places nowhere has no geometry rather than an invented one
    assert by_id["event:peace-deal"]["geometry"] is None


def test_situation_to_geojson_to_situation_keeps_every_event(tmp_path, situation):
    out = tmp_path / "t.geojson"
    write_any(situation, out)
    back = read_any(out)
    assert set(back.events) == set(situation.events)
    for eid, e in situation.events.items():
        b = back.events[eid]
        assert (b.location.place, b.location.area, b.location.precision) == (
            e.location.place,
            e.location.area,
            e.location.precision,
        )
        assert (b.time.start, b.time.end, b.time.precision) == (
            e.time.start,
            e.time.end,
            e.time.precision,
        )
        assert b == e
    assert back.claims == situation.claims and back.actors == situation.actors
    assert back.places == situation.places


def test_ogrinfo_opens_the_geojson_and_counts_every_feature(tmp_path, situation):
    out = tmp_path / "t.geojson"
    result = convert(default_situation_path(), "-o", out)
    assert result.returncode == 0, result.stderr
    expected = len(situation.places) + len(situation.areas) + len(situation.events)
    assert ogr_counts(out) == [expected]


def test_a_plain_point_geojson_imports_as_cited_events(tmp_path):
    data = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [-21.9, 64.1]},
                "properties": {"name": "Harbour (fictional)", "date": "2030-01-02"},
            }
        ],
    }
    src = tmp_path / "points.geojson"
    src.write_text(json.dumps(data))
    s = read_any(src)
    (event,) = s.events.values()
    assert event.title == "Harbour (fictional)" and event.time.start == "2030-01-02"
    place = s.places[event.location.place]
    assert (place.lon, place.lat) == (-21.9, 64.1)
    assert event.citations[0].locator == "feature 1"
    assert s.sources[event.citations[0].source].kind == "dataset"


# --- KML -----------------------------------------------------------------------------


def test_kml_placemarks_styles_and_time_spans(situation):
    root = ET.fromstring(to_kml(situation).encode())
    marks = {pm.get("id"): pm for pm in root.iter(f"{KML}Placemark")}
    styles = {s.get("id") for s in root.iter(f"{KML}Style")}
    for pm in marks.values():
        assert pm.find(f"{KML}styleUrl").text.lstrip("#") in styles
    battle = marks["event-battle"]
    span = battle.find(f"{KML}TimeSpan")
    assert (span.find(f"{KML}begin").text, span.find(f"{KML}end").text) == (
        "2024-07-25",
        "2024-07-27",
    )
    assert marks["event-takeover-2012"].find(f"{KML}TimeStamp/{KML}when").text == "2012"
    after = marks["event-intervention"].find(f"{KML}TimeSpan")
    assert after.find(f"{KML}begin").text == "2012" and after.find(f"{KML}end") is None
    assert marks["event-peace-deal"].find(f"{KML}TimeSpan") is None
    # 'near': the point and its uncertainty circle
    multi = battle.find(f"{KML}MultiGeometry")
    assert multi.find(f"{KML}Point/{KML}coordinates").text == "2.967780,19.948610"
    ring = multi.find(f".//{KML}LinearRing/{KML}coordinates").text.split()
    from mapapp.geo.geodesy import geodesic_m

    for pair in ring[::9]:  # the 25 km drawn for 'near', on the ellipsoid
        lon, lat = map(float, pair.split(","))
        assert abs(geodesic_m(2.96778, 19.94861, lon, lat) - 25_000) < 1.0
    balloon = battle.find(f"{KML}description").text
    assert "50 Russians and 10 Malian soldiers were killed" in balloon  # quoted sentence
    assert "unverified" in balloon and "JNIM" in balloon
    assert '<a href="https://www.bbc.com/news/articles/cq5xvl1111yo">' not in balloon
    assert 'href="https://en.wikipedia.org/wiki/Tinzaouaten"' in balloon


def test_kml_balloons_escape_hostile_text(tmp_path):
    raw = json.loads(default_situation_path().read_text(encoding="utf-8"))
    raw["events"][0]["title"] = '<script>alert("x")</script> & <b>bold</b>'
    raw["events"][0]["summary"] = "<img src=x onerror=alert(1)>"
    src = tmp_path / "hostile.json"
    src.write_text(json.dumps(raw), encoding="utf-8")
    shutil.copy(default_situation_path().parent / "000_631ddefb58e5ec4e.txt", tmp_path)
    from mapapp.model.situation import situation_from_dict
    from mapapp.model.validation import validate

    _, texts = validate(raw, tmp_path)  # markup is refused by validation; build anyway
    s = situation_from_dict(raw, texts, src)
    root = ET.fromstring(to_kml(s).encode())
    pm = next(p for p in root.iter(f"{KML}Placemark") if p.get("id") == "event-battle")
    balloon = pm.find(f"{KML}description").text  # the HTML Google Earth renders
    assert "<script>" not in balloon and "<img" not in balloon and "<b>bold" not in balloon
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;" in balloon
    assert pm.find(f"{KML}name").text == raw["events"][0]["title"]  # names are plain text


def test_ogrinfo_opens_the_kml_and_counts_every_placemark(tmp_path, situation):
    out = tmp_path / "t.kml"
    result = convert(default_situation_path(), "-o", out)
    assert result.returncode == 0, result.stderr
    counts = ogr_counts(out)
    assert sorted(counts) == sorted(
        [len(situation.events), len(situation.places), len(situation.areas)]
    )


# --- ACLED CSV -----------------------------------------------------------------------


def read_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_acled_export_follows_the_codebook(situation):
    text, skipped = to_acled_csv(situation)
    rows = list(csv.DictReader(text.splitlines()))
    assert list(rows[0]) == COLUMNS
    battle = [r for r in rows if r["tags"] == "mapapp:battle"]
    # two days of fighting dated 25-27 July: one row per day, to the day
    assert [r["event_date"] for r in battle] == ["2024-07-25", "2024-07-26", "2024-07-27"]
    assert {r["time_precision"] for r in battle} == {"1"}
    assert {r["geo_precision"] for r in battle} == {"2"}  # 'near' Tinzaouaten
    first = battle[0]
    assert (first["latitude"], first["longitude"]) == ("19.9486", "2.9678")
    assert (first["country"], first["iso"], first["region"], first["admin1"]) == (
        "Mali",
        "466",
        "Western Africa",
        "Kidal",
    )
    assert (first["actor1"], first["assoc_actor_1"], first["actor2"]) == (
        "Malian army",
        "Wagner",
        "Tuareg separatist rebels",
    )
    assert first["assoc_actor_2"] == "JNIM" and first["interaction"] == "12"
    # the lowest figure per group: JNIM's 10 Malian soldiers + Wagner's one commander
    assert [r["fatalities"] for r in battle] == ["11", "0", "0"]
    assert "lowest figure" in first["notes"] and "Other figures exist" in first["notes"]
    assert "20–80 fighters" in first["notes"] and "50 Russians" in first["notes"]
    # nothing finer than the data: year-dated and placeless events are left out, and said
    left_out = {s.event_id for s in skipped}
    assert {"takeover-2012", "coup-2020", "peace-deal", "prigozhin-death"} <= left_out
    assert len(rows) == 3


def test_acled_csv_imported_and_re_exported(tmp_path):
    from mapapp.exchange.dataset import document_situation

    dataset = read_any(FIXTURE_CSV)
    assert dataset.event_count() == 4
    exact = tmp_path / "exact.csv"
    assert write_any(dataset, exact) == []  # a dataset gives its rows back as read
    assert read_rows(exact) == read_rows(FIXTURE_CSV)

    s = document_situation(dataset)
    assert len(s.events) == 4
    fix1 = s.events["fix1"]
    assert fix1.location.precision == "exact" and fix1.time.label() == "2030-03-02"
    assert "Second line of the note" in fix1.summary
    assert s.events["fix2"].time.precision == "week"
    assert s.events["fix3"].time.precision == "month"
    assert s.events["fix3"].location.precision == "region"
    assert s.events["fix4"].type == "agreement"
    kinds = {a.name: a.kind for a in s.actors.values()}
    assert kinds["Fixture Army"] == "state_military" and kinds["Civilians (Mali)"] == "civilians"
    (claim,) = [c for c in s.claims.values() if "fix1" in c.about]
    assert claim.figures[0].value == 4
    assert claim.citations[0].locator == "data row 1"
    assert {src.title for src in s.sources.values()} >= {"Fixture Daily", "Fixture Radio"}

    out = tmp_path / "again.csv"
    write_any(s, out)
    before, after = read_rows(FIXTURE_CSV), read_rows(out)
    assert len(after) == len(before)
    # what the situation holds comes back unchanged; ids are lower-cased mapapp ids, and
    # source_scale, tags and timestamp are not part of a situation
    derived = {"event_id_cnty", "source_scale", "tags", "timestamp"}
    for b, a in zip(before, after, strict=True):
        assert {k: v for k, v in a.items() if k not in derived} == {
            k: v for k, v in b.items() if k not in derived
        }


def test_exported_battle_days_join_back_into_one_event(tmp_path):
    out = tmp_path / "t.csv"
    assert convert(default_situation_path(), "-o", out).returncode == 0
    from mapapp.exchange.dataset import document_situation

    s = document_situation(read_any(out))
    battle = s.events["battle"]
    assert (battle.time.start, battle.time.end) == ("2024-07-25", "2024-07-27")
    (claim,) = s.claims.values()
    assert claim.figures[0].value == 11
    assert ogr_counts(out) == [3]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda rows: rows[3].__setitem__(22, "north"), "line 5: latitude 'north' is not a number"),
        (lambda rows: rows[2].__setitem__(1, "yesterday"), "line 4: event_date 'yesterday'"),
        (lambda rows: rows[1].__setitem__(5, "Parties"), "line 2: event_type 'Parties'"),
        # a short row reads as empty trailing cells (as CSV readers do); the required ones
        # then name the line
        (lambda rows: rows[4].__delitem__(slice(20, None)), "line 6: latitude '' is not a number"),
        (lambda rows: rows[0].remove("latitude"), "line 1: not an ACLED-layout header"),
    ],
)
def test_a_bad_acled_row_is_refused_naming_its_line(tmp_path, edit, message):
    with open(FIXTURE_CSV, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    edit(rows)  # the first data row spans lines 2-3 (a line break inside its quoted notes)
    src = tmp_path / "bad.csv"
    with open(src, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    out = tmp_path / "out.json"
    result = convert(src, "-o", out)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]


def test_csv_with_and_without_bom_read_the_same(tmp_path):
    plain = tmp_path / "plain.csv"
    plain.write_bytes(FIXTURE_CSV.read_bytes().removeprefix(b"\xef\xbb\xbf"))
    assert FIXTURE_CSV.read_bytes().startswith(b"\xef\xbb\xbf")
    assert read_any(plain).events == read_any(FIXTURE_CSV).events


def test_non_utf8_csv_is_refused_with_its_line(tmp_path):
    src = tmp_path / "latin1.csv"
    text = FIXTURE_CSV.read_text(encoding="utf-8-sig").replace("Fixture Camp", "Fixturé Camp")
    src.write_bytes(text.encode("latin-1"))
    result = convert(src, "-o", tmp_path / "x.json")
    assert result.returncode == 2 and "not UTF-8 text" in result.stderr
    assert "line 4" in result.stderr  # the row of Fixture Camp (the first row has 2 lines)


# --- the command ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "x.shp"], "unsupported output format '.shp'"),
        (["-o", "x"], "unsupported output format '(no suffix)'"),
        (["-o", "missing/x.geojson"], "does not exist"),
    ],
)
def test_bad_outputs_are_refused_with_nothing_written(tmp_path, args, message):
    result = convert(default_situation_path(), *args, cwd=tmp_path)
    assert result.returncode != 0 and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_unknown_input_and_overwriting_the_input_are_refused(tmp_path):
    src = tmp_path / "data.kmz"
    src.write_bytes(b"PK")
    result = convert(src, "-o", tmp_path / "x.geojson")
    assert result.returncode == 2 and "cannot read '.kmz'" in result.stderr
    same = tmp_path / "same.csv"
    shutil.copy(FIXTURE_CSV, same)
    result = convert(same, "-o", same)
    assert result.returncode == 2 and "overwrite the input" in result.stderr
    assert same.read_bytes() == FIXTURE_CSV.read_bytes()


def _on_a_terminal(*args) -> tuple[int, str]:
    """Run mapapp with a pseudo-terminal as its stdout and stderr; exit code and output."""
    import os
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mapapp", *map(str, args)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        close_fds=True,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    return proc.wait(timeout=120), b"".join(chunks).decode()


def test_convert_shows_a_progress_line_on_a_terminal(tmp_path):
    """On a terminal, convert rewrites one line with what it is doing and clears it;
    piped (as in every other test here), it prints nothing of the kind."""
    from tests.benchmarks.make_acled import write

    src = write(120_000, tmp_path / "acled.csv")
    out = tmp_path / "out.geojson"
    code, text = _on_a_terminal("convert", src, "-o", out)
    assert code == 0
    # at most ten updates a second: which counts show depends on the machine's speed
    assert re.search(r"\rmapapp: converting to out\.geojson: \d{2,3},000 events", text), text
    assert text.rstrip().endswith("wrote " + str(out) + " (120,000 events, 0 places; 0 notes)")
    piped = convert(src, "-o", tmp_path / "again.geojson")
    assert piped.returncode == 0 and "\r" not in piped.stderr + piped.stdout
    # a conversion that reads the file whole (to a situation file) shows its stages
    small = write(2_000, tmp_path / "small.csv")
    code, text = _on_a_terminal("convert", small, "-o", tmp_path / "s.json")
    assert code == 0 and "\rmapapp: reading small.csv: checking 2,000 rows" in text
