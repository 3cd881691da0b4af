"""`mapapp validate`: clean files pass; each kind of bad input fails with a JSON path."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mapapp.model.io import default_situation_path

ROOT = Path(__file__).resolve().parents[1]


def run_validate(path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "mapapp", "validate", str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture
def workdir(tmp_path):
    src = default_situation_path()
    shutil.copy(src, tmp_path / "s.json")
    shutil.copy(src.parent / "000_631ddefb58e5ec4e.txt", tmp_path)
    return tmp_path


def mutate(workdir, change):
    path = workdir / "s.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "name", [default_situation_path(), ROOT / "tests" / "data" / "reykjavik.situation.json"]
)
def test_clean_files_validate(name):
    r = run_validate(name)
    assert r.returncode == 0, r.stderr
    assert "valid" in r.stdout


def _set(path, value):
    def change(data):
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return change


CASES = {
    "schema error": (_set(["events", 0, "type"], "picnic"), "$.events[0].type", "not one of"),
    "dangling reference": (
        _set(["claims", 0, "claimant"], "nobody"),
        "$.claims[0].claimant",
        "no actor with id 'nobody'",
    ),
    "50 MB string": (
        _set(["events", 0, "summary"], "x" * 50_000_000),
        "$.events[0].summary",
        "characters long",
    ),
    "quote changed": (
        _set(["claims", 0, "citations", 0, "quote"], "Mali’s army denied everything"),
        "$.claims[0].citations[0].quote",
        "does not match",
    ),
    "span outside article": (
        _set(["claims", 0, "citations", 0, "end"], 10_000_000),
        "$.claims[0].citations[0]",
        "outside the source text",
    ),
    "latitude out of range": (_set(["places", 0, "lat"], 95.0), "$.places[0].lat", "out of range"),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_input_fails_with_a_json_path(workdir, case):
    change, where, message = CASES[case]
    r = run_validate(mutate(workdir, change))
    assert r.returncode == 1, r.stdout
    lines = r.stderr.strip().splitlines()
    assert any(where + ":" in line and message in line for line in lines), r.stderr[:2000]
    assert "Traceback" not in r.stderr
    assert max(len(line) for line in lines) < 400  # never echoes the 50 MB value


def test_markup_in_text_is_data_not_an_error(workdir):
    """A note that quotes <b> or <script> is kept as written (and escaped on output)."""

    def change(d):
        d["actors"][0]["name"] = "<b>Army</b> & co"
        d["events"][1]["title"] = "<script>alert(1)</script>"
        d["claims"][0]["statement"] = 'a <a href="javascript:x()">link</a>'

    r = run_validate(mutate(workdir, change))
    assert r.returncode == 0, r.stderr


def test_a_citation_of_the_wrong_type_anywhere_is_a_json_path(workdir):
    """Structure is checked before anything uses the values (a list as ``end`` used to
    raise TypeError when it sat where the schema let unknown keys through)."""

    def change(d):
        d["areas"].append(
            {
                "id": "box",
                "name": "A box",
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]],
                    "citations": [{"source": "article", "start": 0, "end": [1, 2], "quote": "x"}],
                },
                "citations": [dict(d["areas"][0]["citations"][0])],
            }
        )

    # the geometry's citation reached the span check unchecked: TypeError
    r = run_validate(mutate(workdir, change))
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    assert "$.areas[2].geometry: unknown field 'citations'" in r.stderr
    r = run_validate(mutate(workdir, lambda d: d["events"][0]["citations"][0].update(end=[1])))
    assert "$.events[0].citations[0].end: must be of type integer, not list" in r.stderr


@pytest.mark.parametrize(
    ("coordinates", "where"),
    [
        ([[[0, 0], [1, 0], [1, 1]]], "$.areas[2].geometry.coordinates[0]"),
        ([[[0, 0], ["a", 0], [1, 1], [0, 0]]], "$.areas[2].geometry.coordinates[0][1][0]"),
        ([[[0, 0], [1, 0], [1, 100], [0, 0]]], "$.areas[2].geometry.coordinates[0][2][1]"),
        ([[0, 0, 1, 1]], "$.areas[2].geometry.coordinates[0][0]"),
        ("[[0, 0]]", "$.areas[2].geometry.coordinates"),
    ],
)
def test_a_polygon_that_is_not_geojson_is_refused_with_its_path(workdir, coordinates, where):
    def change(d):
        d["areas"].append(
            {
                "id": "box",
                "name": "A box",
                "geometry": {"type": "Polygon", "coordinates": coordinates},
                "citations": [{"source": "article", "start": 0, "end": 3, "quote": "x"}],
            }
        )

    r = run_validate(mutate(workdir, change))
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    assert where in r.stderr, r.stderr


def test_nan_coordinate_fails_with_its_path(workdir):
    path = workdir / "s.json"
    text = path.read_text(encoding="utf-8").replace('"lon": 2.96778', '"lon": NaN', 1)
    path.write_text(text, encoding="utf-8")
    r = run_validate(path)
    assert r.returncode == 1
    assert "$.places[0].lon: nan is not a finite number" in r.stderr


def test_broken_json_names_line_and_column(workdir):
    path = workdir / "s.json"
    path.write_text('{"format": "mapapp-situation",\n  "version": 1,,\n}', encoding="utf-8")
    r = run_validate(path)
    assert r.returncode == 1
    assert "$: not valid JSON" in r.stderr and "line 2" in r.stderr


def test_missing_file_is_one_clear_line(tmp_path):
    r = run_validate(tmp_path / "nope.json")
    assert r.returncode == 1 and "cannot read file" in r.stderr and "Traceback" not in r.stderr


def test_float_offsets_and_lone_surrogates_are_refused_with_their_path(workdir):
    """Found by the fuzzer: JSON Schema takes -0.0 as an integer (then slicing the text
    failed), and JSON can escape a lone surrogate that no UTF-8 file can hold."""

    def change(d):
        d["claims"][0]["citations"][0]["start"] = -0.0
        d["events"][0]["title"] = "\ud800 lone"

    path = workdir / "s.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="ascii")  # \ud800 as an escape
    r = run_validate(path)
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    assert "$.events[0].title: text has an unpaired surrogate" in r.stderr
    data["events"][0]["title"] = "fine"
    path.write_text(json.dumps(data), encoding="ascii")
    r = run_validate(path)
    assert "$.claims[0].citations[0]: start and end must be whole numbers" in r.stderr


@pytest.mark.parametrize(
    ("time", "message"),
    [
        ({"precision": "day", "start": "2024-02-30"}, "'2024-02-30' is not a calendar date"),
        ({"precision": "month", "start": "2024-13"}, "'2024-13' is not a calendar date"),
        (
            {"precision": "day", "start": "2024-07-27", "end": "2024-07-25"},
            "ends (2024-07-25) before it starts (2024-07-27)",
        ),
    ],
)
def test_impossible_dates_are_refused_with_their_path(workdir, time, message):
    """Found by the fuzzer: the pattern let 2024-02-30 through, and the export failed."""
    r = run_validate(mutate(workdir, lambda d: d["events"][0].update(time=time)))
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    assert "$.events[0].time." in r.stderr and message in r.stderr, r.stderr


def test_an_area_may_mix_positions_with_and_without_altitude(workdir, tmp_path):
    """Found by the fuzzer: a ring mixing [lon, lat] and [lon, lat, alt] broke drawing."""
    ring = [[-22.0, 64.0, 10.0], [-21.0, 64.0], [-21.0, 64.5, 3], [-22.0, 64.0]]

    def change(d):
        d["areas"].append(
            {
                "id": "box",
                "name": "A box",
                "geometry": {"type": "Polygon", "coordinates": [ring]},
                "citations": [dict(d["areas"][0]["citations"][0])],
            }
        )

    path = mutate(workdir, change)
    assert run_validate(path).returncode == 0
    out = tmp_path / "out.png"
    r = subprocess.run(
        [sys.executable, "-m", "mapapp", "snapshot", str(path), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    r = subprocess.run(
        [sys.executable, "-m", "mapapp", "convert", str(path), "-o", str(tmp_path / "a.kml")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
