"""The events table: ACLED files read column by column agree with the row-by-row reader,
problems still name their lines, and the table answers time windows, searches and id
look-ups over whole columns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mapapp.exchange.acled_table import read_acled_table
from mapapp.exchange.convert import read_any
from mapapp.model.events_table import EPOCH, from_document_events, span_days
from mapapp.model.files import SituationError
from mapapp.model.io import default_situation_path
from tests.csv_edit import edited_copy

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted((ROOT / "tests" / "data" / "acled-layouts").glob("*.csv"))
FILES.append(ROOT / "tests" / "data" / "acled-fixture.csv")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_columns_agree_with_the_row_by_row_reader(path):
    from mapapp.exchange.acled_import import read_acled_csv
    from mapapp.model.situation import situation_from_dict

    table = read_acled_table(path)
    situation = situation_from_dict(read_acled_csv(path), {}, path)
    assert len(table) == len(situation.events)
    rows = {r["id"].lower(): r for r in table.frame.iter_rows(named=True)}
    for event in situation.events.values():
        row = rows[event.id]
        assert row["type"] == event.type
        assert (row["subtype"] or "") == event.subtype
        assert row["time_precision"] == event.time.precision
        t = event.time
        assert (row["day_lo"], row["day_hi"]) == span_days(t.precision, t.start, t.end)
        assert row["location_precision"] == event.location.precision
        place = situation.places[event.location.place]
        assert (row["lon"], row["lat"]) == (place.lon, place.lat)
        assert row["location"] == place.name
        names = [situation.actors[p.actor].name for p in event.actors if p.role == "actor 1"]
        assert row["actor1"] == names[0]
        claims = [c for c in situation.claims.values() if event.id in c.about]
        fatalities = claims[0].figures[0].value if claims else None
        assert row["fatalities"] == fatalities
        assert (row["notes"] or "") == (event.summary or "")


def _day(text: str) -> int:
    from datetime import date

    return (date.fromisoformat(text) - EPOCH).days


def _write(tmp_path: Path, edit) -> Path:
    return edited_copy(FILES[0], tmp_path, edit)


def test_problems_name_their_lines_after_a_note_with_a_line_break(tmp_path):
    def edit(rows):
        rows[1][12] = "9"  # line 2: inter2
        rows[4][22] = "north"  # line 6 (row 3 spans lines 3-4)
        rows[5][3] = "7"  # line 7: time_precision

    with pytest.raises(SituationError) as err:
        read_acled_table(_write(tmp_path, edit))
    found = [str(p) for p in err.value.problems]
    assert found == [
        "line 2: inter2 '9' is not an actor type code 0..8 or an ACLED name",
        "line 6: latitude 'north' is not a number in -90..90",
        "line 7: time_precision '7' must be 1, 2 or 3",
    ]


def test_what_the_csv_reader_cannot_parse_is_located_by_line(tmp_path):
    src = tmp_path / "broken.csv"
    text = (
        FILES[0].read_text(encoding="utf-8").replace("Goundam,16.4145", "Goundam,16.4145,extra", 1)
    )
    src.write_text(text, encoding="utf-8")
    with pytest.raises(SituationError) as err:
        read_acled_table(src)
    assert str(err.value.problems[0]).startswith("line 5:")


def test_exported_days_join_into_one_event(tmp_path):
    from mapapp.exchange.convert import write_any

    out = tmp_path / "t.csv"
    write_any(read_any(default_situation_path()), out)
    table = read_acled_table(out)
    battle = table.row(table.row_of("battle"))
    assert (battle["day_lo"], battle["day_hi"]) == (_day("2024-07-25"), _day("2024-07-27"))
    assert battle["fatalities"] == 11
    assert len(table) == 1


def test_document_events_and_queries():
    data = json.loads(default_situation_path().read_text(encoding="utf-8"))
    table = from_document_events(data)
    assert len(table) == len(data["events"])
    battle = table.row_of("battle")
    assert table.row(battle)["location"] == "Tinzaouaten"
    assert table.row_of("no-such-event") is None
    inside = table.in_days(_day("2024-07-26"), _day("2024-07-26"))
    assert bool(inside[battle])
    open_ended = [i for i, e in enumerate(data["events"]) if e["time"]["precision"] == "after"]
    assert not any(inside[i] for i in open_ended)
    assert table.matching_text("WAGNER")[battle] or any(table.matching_text("wagner"))


def test_week_and_month_precision_cover_their_span():
    assert span_days("week", "2024-08-02", "") == (_day("2024-07-30"), _day("2024-08-05"))
    assert span_days("month", "2024-02", "") == (_day("2024-02-01"), _day("2024-02-29"))
    assert span_days("year", "2012", "") == (_day("2012-01-01"), _day("2012-12-31"))
    assert span_days("after", "2012", "") == (None, None)


def test_repeated_ids_are_made_unique_in_row_order(tmp_path):
    def edit(rows):
        rows[2][0] = rows[1][0]  # MLI90002 -> MLI90001
        rows[3][0] = rows[1][0]

    table = read_acled_table(_write(tmp_path, edit))
    assert table.frame["id"].to_list()[:3] == ["MLI90001", "MLI90001-2", "MLI90001-3"]
    assert table.row_of("MLI90001-3") == 2


def test_search_covers_acled_columns():
    table = read_acled_table(FILES[0])
    found = table.matching_text("wagner")
    assert found.dtype == bool and found.tolist() == [True, False, False, False, False]
    assert table.matching_text("looting").tolist() == [False, False, True, False, False]


def test_search_never_matches_across_two_columns():
    table = read_acled_table(FILES[0])
    first = table.row(0)
    across = (first["subtype"][-3:] + first["notes"][:3]).lower()
    assert first["subtype"].lower().endswith(across[:3])
    assert not table.matching_text(across)[0]
    assert table.matching_text(first["notes"][:12].upper())[0]


def test_found_in_review(tmp_path):
    """A renamed id met an existing one; a stripped line break shifted line numbers; a
    repeated header column was dropped; joined days with no figure became 0 killed."""
    import polars as pl

    from mapapp.model.events_table import unique_ids

    assert unique_ids(pl.Series(["a", "a", "a-2"])).to_list() == ["a", "a-2", "a-2-2"]

    def edit(rows):
        rows[1][21] = "Tinzaouaten\n"  # the location ends with a line break
        rows[2][22] = "north"  # the next row now starts on line 4

    with pytest.raises(SituationError) as err:
        read_acled_table(_write(tmp_path, edit))
    assert str(err.value.problems[0]).startswith("line 4: latitude")

    def twice(rows):
        rows[0][29] = "notes"  # 'tags' renamed: notes twice

    with pytest.raises(SituationError, match="'notes' appears more than once"):
        read_acled_table(_write(tmp_path, twice))

    def nul(rows):
        rows[0][29] = "ta\x00gs"  # a damaged header: Arrow cannot name a column so

    with pytest.raises(SituationError, match=r"line 1: column 'ta\\x00gs' has a control"):
        read_acled_table(_write(tmp_path, nul))

    def tagged(rows):
        for r in (1, 2):
            rows[r][28] = ""  # fatalities unknown
            rows[r][29] = "mapapp:joined"

    table = read_acled_table(_write(tmp_path, tagged))
    joined = table.row(table.row_of("joined"))
    assert joined["fatalities"] is None
