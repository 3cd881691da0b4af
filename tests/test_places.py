"""Place names in an article, offline: found with their exact offsets, matched across
diacritics and spelling variants, and resolved to the right place by the article's
countries and other places (the Kidal in Mali, not the one in Indonesia)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mapapp.geo.gazetteer import continents, countries, fold, load_gazetteer
from mapapp.model.place_mentions import find_mentions
from tests.cli_run import mapapp

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "seeds" / "000_631ddefb58e5ec4e.txt"
# written for this test, in French: other spellings, accents, sentence-initial articles
FRENCH = (
    "Des combats ont opposé l'armée malienne aux rebelles près de Kidal et de Tessalit, "
    "selon des sources locales à Gao. À Tombouctou, les habitants ont signalé des tirs. "
    "Plus au sud, la situation restait calme à Ménaka et à Mopti. Les rebelles ont ensuite "
    "gagné Tin-Zaouatène, à la frontière algérienne."
)


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def mentions(text, gazetteer):
    return find_mentions(text, gazetteer, countries(), continents())


def test_folding_ignores_case_diacritics_and_separators():
    assert fold("Anéfis") == fold("ANEFIS") == "anefis"
    assert fold("Tin-Zaouatène") == fold("tin zaouatene") == "tin zaouatene"
    assert fold("N’Djamena") == fold("N'Djamena") == "n djamena"


def test_the_article_names_tinzaouaten_and_nothing_else(gazetteer):
    text = ARTICLE.read_text(encoding="utf-8")
    found = mentions(text, gazetteer)
    assert [m.text for m in found] == ["Tinzaouaten"]  # not 'Malian', 'BBC', 'Africa'
    m = found[0]
    assert text[m.start : m.end] == "Tinzaouaten"
    assert (m.place.lat, m.place.lon, m.place.country) == (19.94861, 2.96778, "ML")


def test_another_language_other_spellings_and_the_right_kidal(gazetteer):
    found = {m.text: m for m in mentions(FRENCH, gazetteer)}
    assert list(found) == [
        "Kidal", "Tessalit", "Gao", "Tombouctou", "Ménaka", "Mopti", "Tin-Zaouatène",
    ]  # fmt: skip
    for m in found.values():
        assert FRENCH[m.start : m.end] == m.text
        assert m.place.country in ("ML", "DZ")
    kidal = found["Kidal"]
    assert kidal.place.country == "ML" and "ID" in {a.country for a in kidal.alternatives}
    assert found["Tombouctou"].place.name == "Timbuktu"  # an alternate name
    tin = found["Tin-Zaouatène"]  # a spelling variant; the Algerian town, Mali's next
    assert (tin.place.name, tin.place.country) == ("Tin Zaouatine", "DZ")
    assert "Tinzaouaten" in {a.name for a in tin.alternatives}


def test_places_command_prints_one_json_line_per_mention(tmp_path):
    src = tmp_path / "article.txt"
    src.write_text(FRENCH, encoding="utf-8")
    r = mapapp("places", str(src))
    assert r.returncode == 0, r.stderr
    lines = [json.loads(line) for line in r.stdout.splitlines()]
    assert [d["text"] for d in lines][:2] == ["Kidal", "Tessalit"]
    first = lines[0]
    assert set(first) == {
        "start", "end", "text", "name", "lat", "lon", "country", "source", "alternatives",
    }  # fmt: skip
    assert FRENCH[first["start"] : first["end"]] == "Kidal"
    assert first["source"].startswith("GeoNames cities500") or first["source"] == "mapapp places"
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Kidal et Ménaka".encode("latin-1"))
    r = mapapp("places", str(bad))
    assert r.returncode == 2 and r.stderr.strip() == f"mapapp: error: {bad}: not UTF-8 text"


def test_places_put_on_the_map_by_hand_are_found_next_time(tmp_path):
    from mapapp.geo.gazetteer import USER_SOURCE, remember_place, user_places

    file = tmp_path / "places.jsonl"
    text = "Des combats ont eu lieu près de l'Oued Zeïne, à l'est de Kidal."
    assert not any(
        m.text == "Oued Zeïne" for m in find_mentions(text, load_gazetteer(), countries())
    )
    remember_place(file, "Oued Zeine", 19.61, 1.52, "ML")
    remember_place(file, "Oued Zeine", 19.61, 1.52, "ML")  # once only
    file.write_text(file.read_text() + "{broken\n")  # a damaged line is skipped
    assert len(user_places(file)) == 1
    found = find_mentions(text, load_gazetteer(user_places(file)), countries(), continents())
    m = next(m for m in found if m.text == "Oued Zeïne")
    assert (m.place.name, m.place.lat, m.place.lon) == ("Oued Zeine", 19.61, 1.52)
    assert m.place.source == USER_SOURCE
    assert user_places(tmp_path / "missing.jsonl") == []


def test_elided_articles_go_but_a_capital_n_apostrophe_is_a_name(gazetteer):
    text = "Des renforts sont partis de N'Djamena vers l'Oued et d'Abéché."
    names = [m.text for m in mentions(text, gazetteer)]
    assert "N'Djamena" in names and "Abéché" in names
