"""ACLED files as real exports write them: every published layout, inter2 = 0 where there
is no second actor, text inter codes, notes quoting markup, empty optional columns. The
rows are fictional (see tests/data/README.md); the layouts are ACLED's."""

from __future__ import annotations

import csv
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mapapp.exchange.convert import read_any
from mapapp.exchange.dataset import document_situation
from mapapp.model.files import SituationError
from tests.csv_edit import edited_copy

ROOT = Path(__file__).resolve().parents[1]
LAYOUTS = ROOT / "tests" / "data" / "acled-layouts"
KML = "{http://www.opengis.net/kml/2.2}"
FILES = sorted(LAYOUTS.glob("*.csv"))


def mapapp(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mapapp", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


def cited(path: Path):
    """The file as the situation of cited objects its import makes (places, actors,
    events, fatality claims): what details and a situation-file export show."""
    return document_situation(read_any(path))


def rows_of(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_every_layout_is_here():
    assert [p.name for p in FILES] == [
        "current-layout.csv",
        "pre-2023-layout.csv",
        "text-inter-layout.csv",
        "v8-2017-layout.csv",
    ]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_each_layout_reads_every_row(path):
    s = read_any(path)
    assert s.event_count() == len(rows_of(path)) == len(cited(path).events)


@pytest.mark.parametrize("name", ["current-layout.csv", "text-inter-layout.csv"])
def test_no_second_actor_and_text_codes(name):
    s = cited(LAYOUTS / name)
    ied = next(e for e in s.events.values() if e.subtype == "Remote explosive/landmine/IED")
    roles = [p.role for p in ied.actors]
    assert roles == ["actor 1"]  # inter2 = 0 (or empty): nobody on side 2
    kinds = {a.name: a.kind for a in s.actors.values()}
    assert kinds["Military Forces of Mali (2021-)"] == "state_military"
    assert kinds["JNIM: Group for Support of Islam and Muslims"] == "armed_group"
    assert kinds["Unidentified Armed Group (Mali)"] == "militia"
    assert kinds["Protesters (Mali)"] == "protesters"
    assert kinds["Civilians (Mali)"] == "civilians"


def test_markup_in_notes_is_kept_as_text():
    s = cited(LAYOUTS / "current-layout.csv")
    notes = {e.summary for e in s.events.values()}
    assert any("<b>bold</b> markup" in n and "\nand a second line." in n for n in notes)
    assert any('<script>alert("x")</script>' in n for n in notes)


def test_pre_2023_and_2017_layouts():
    old = cited(LAYOUTS / "pre-2023-layout.csv")
    assert sorted(e.time.start for e in old.events.values()) == [
        "2019-07-25",
        "2019-07-28",
        "2019-08-02",
    ]
    v8 = cited(LAYOUTS / "v8-2017-layout.csv")
    by_place = {v8.places[e.location.place].name: e for e in v8.events.values()}
    assert by_place["Timbuktu"].type == "battle"
    assert by_place["Timbuktu"].subtype == "Armed clash"
    assert by_place["Timbuktu"].time.start == "2016-03-12"
    assert by_place["Gao"].type == "explosion"
    assert by_place["Bamako"].type == "protest"
    assert by_place["Kidal"].subtype == "Non-violent transfer of territory"
    assert by_place["Kidal"].location.precision == "near"
    assert [p.role for p in by_place["Bamako"].actors] == ["actor 1"]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_converts_to_every_format_with_markup_escaped(path, tmp_path):
    for suffix in (".geojson", ".kml", ".csv", ".json"):
        out = tmp_path / f"out{suffix}"
        r = mapapp("convert", path, "-o", out)
        assert r.returncode == 0, r.stderr
        assert "Traceback" not in r.stderr
    kml = (tmp_path / "out.kml").read_text(encoding="utf-8")
    tree = ET.fromstring(kml)  # well-formed XML whatever the notes hold
    balloons = [d.text or "" for d in tree.iter(f"{KML}description")]
    if path.name in ("current-layout.csv", "text-inter-layout.csv", "pre-2023-layout.csv"):
        joined = "\n".join(balloons)
        assert "&lt;b&gt;bold&lt;/b&gt;" in joined  # shown as text by Google Earth
        assert "<b>bold" not in joined and "<script>" not in joined
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in joined
    again = rows_of(tmp_path / "out.csv")
    assert len(again) == len(rows_of(path))


@pytest.mark.parametrize("suffix", [".svg", ".pdf"])
def test_snapshot_text_from_data_is_escaped(tmp_path, suffix):
    """SVG and PDF keep text as text: a title or a location that quotes markup shows its
    characters and cannot break or script the document."""
    import shutil

    title = '<b>T</b> & "q" <script>x</script>'
    out = tmp_path / f"map{suffix}"
    r = mapapp(
        "snapshot",
        LAYOUTS / "current-layout.csv",
        "-o",
        out,
        "--size",
        "900x600",
        "--title",
        title,
        "--select",
        "MLI90002",
    )
    assert r.returncode == 0, r.stderr
    if suffix == ".svg":
        svg = ET.fromstring(out.read_text(encoding="utf-8"))
        texts = ["".join(t.itertext()) for t in svg.iter("{http://www.w3.org/2000/svg}text")]
        assert title in texts
        assert not list(svg.iter("script")) and not list(svg.iter("b"))
    elif shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert title in text and "Ansongo" in text


def _write(tmp_path: Path, edit) -> Path:
    return edited_copy(LAYOUTS / "current-layout.csv", tmp_path, edit)


# data rows: line 2 (MLI90001), 3-4 (MLI90002, a two-line note), 5, 6, 7
@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda r: r[1].__setitem__(12, "9"), "line 2: inter2 '9' is not an actor type code"),
        (lambda r: r[1].__setitem__(9, "Pirates"), "line 2: inter1 'Pirates'"),
        (lambda r: r[3].__setitem__(13, "2x"), "line 5: interaction '2x'"),
        (lambda r: r[4].__setitem__(3, "4"), "line 6: time_precision '4' must be 1, 2 or 3"),
        (lambda r: r[5].__setitem__(28, "-3"), "line 7: fatalities '-3' must be a whole number"),
        (
            lambda r: r[1].__setitem__(30, "yesterday"),
            "line 2: timestamp 'yesterday' must be Unix seconds",
        ),
        (
            lambda r: r[1].__setitem__(22, "nan"),
            "line 2: latitude 'nan' is not a number in -90..90",
        ),
        (lambda r: r[1].__setitem__(2, "MMXXIV"), "line 2: year 'MMXXIV' must be a whole number"),
        (lambda r: r[1].__setitem__(15, "MLI"), "line 2: iso 'MLI' is not a numeric"),
    ],
)
def test_a_bad_coded_value_is_refused_with_its_line(tmp_path, edit, message):
    src = _write(tmp_path, edit)
    out = tmp_path / "out.geojson"
    r = mapapp("convert", src, "-o", out)
    assert r.returncode == 2
    assert message in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert not out.exists()


def test_every_problem_of_every_row_is_listed(tmp_path):
    def edit(rows):
        rows[1][12] = "9"  # inter2
        rows[1][24] = "5"  # geo_precision
        rows[4][22] = "north"  # latitude

    with pytest.raises(SituationError) as err:
        read_any(_write(tmp_path, edit))
    found = [str(p) for p in err.value.problems]
    assert len(found) == 3
    assert found[0].startswith("line 2: geo_precision") or found[0].startswith("line 2: inter2")
    assert {f.split(":")[0] for f in found} == {"line 2", "line 6"}


def test_interaction_fills_empty_inter_columns(tmp_path):
    def edit(rows):
        rows[1][9] = rows[1][12] = ""  # inter1, inter2 empty; interaction 12 stays

    s = cited(_write(tmp_path, edit))
    kinds = {a.name: a.kind for a in s.actors.values()}
    assert kinds["Military Forces of Mali (2021-)"] == "state_military"
    assert kinds["JNIM: Group for Support of Islam and Muslims"] == "armed_group"


def test_details_show_the_note_as_written(qapp):
    from mapapp.ui.details_html import DetailsRenderer

    s = cited(LAYOUTS / "current-layout.csv")
    ied = next(e for e in s.events.values() if e.subtype == "Remote explosive/landmine/IED")
    html = DetailsRenderer(s).event(ied)
    assert "&lt;b&gt;bold&lt;/b&gt; markup" in html and "<b>bold" not in html
    assert "a semicolon;<br>and a second line." in html


@pytest.mark.parametrize(
    ("column", "value"),
    [(3, "01"), (24, "+1"), (30, "1e11"), (1, "+2024-07-25")],
)
def test_the_column_reader_refuses_what_the_codebook_does_not_allow(tmp_path, column, value):
    """Spellings the row reader refuses are refused here too (so an opened event always
    has its cited objects): '01' and '+1' precisions, a timestamp at 1e11, a '+' date."""
    src = _write(tmp_path, lambda r: r[1].__setitem__(column, value))
    with pytest.raises(SituationError) as err:
        read_any(src)
    assert str(err.value.problems[0]).startswith("line 2:")
