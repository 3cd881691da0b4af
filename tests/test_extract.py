"""mapapp extract: a French article's places, days, actors and figures, each with its
exact span and meaning; English and mixed articles too; the same reading offered in the
window while authoring. The texts are written for these tests."""

from __future__ import annotations

import json
from datetime import date
from itertools import pairwise

import pytest
from cli_run import mapapp

from mapapp.reading.extract import extract

PUBLISHED = date(2024, 8, 2)  # a Friday
FRENCH = (
    "Gao, le 2 août 2024 — Les Forces armées maliennes (FAMa) ont annoncé mardi avoir repris "
    "Anéfis, à une centaine de kilomètres au sud de Kidal.\n\n"
    "Selon un bilan publié le 27 juillet 2024, une cinquantaine de soldats et des dizaines de "
    "combattants du CSP-DPA ont été tués près de Tin-Zaouatène. Le JNIM affirme avoir abattu "
    "entre 20 et 80 hommes.\n\n"
    "À Tombouctou, plus de 1 000 personnes ont fui vers Léré et Ber depuis la semaine "
    "dernière. L'Africa Corps est présent à Ménaka depuis sept. 2024."
)
ENGLISH = (
    "Malian soldiers and Wagner fighters retreated from Tinzaouaten on July 27, 2024, after "
    "dozens of them were killed, the army said on Tuesday. More than 1,000 people fled to "
    "Timbuktu last week."
)


def at(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def by_span(finds, text: str) -> dict[str, object]:
    for f in finds:
        assert text[f.start : f.end] == f.text  # every span cut from the text itself
    return {f.text: f for f in finds}


@pytest.fixture(scope="module")
def french():
    return extract(FRENCH, PUBLISHED)


def test_french_places_with_their_exonyms_and_the_places_cities500_lacks(french):
    found = by_span(french, FRENCH)
    places = {t: f.value for t, f in found.items() if f.kind == "place"}
    assert set(places) == {"Gao", "Kidal", "Tin-Zaouatène", "Tombouctou", "Léré", "Ménaka"}
    # Tombouctou: the map's Timbuktu (its French name), GeoNames' own among the others
    assert places["Tombouctou"]["name"] == "Timbuktu"
    assert places["Tombouctou"]["id"] == "mapapp:timbuktu"
    assert "geonames:2449067" in [a["id"] for a in places["Tombouctou"]["alternatives"]]
    # Léré of Mali is not in cities500 (only Léré of Chad and Lere of Nigeria are): the
    # project's table has it, with the source of its coordinates
    lere = places["Léré"]
    assert (lere["country"], lere["id"]) == ("ML", "mapapp:lere")
    assert "Wikipedia" in lere["source"]
    assert {a["country"] for a in lere["alternatives"]} >= {"TD", "NG"}
    assert (found["Léré"].start, found["Léré"].end) == at(FRENCH, "Léré")
    # no source here gives Anéfis' or Ber's position: not found rather than misplaced
    # (Ber was Berlin's airport code, then a Greek town's nickname)
    assert "Anéfis" not in places and "Ber" not in places


def test_french_dates_absolute_and_relative_to_the_publication_day(french):
    dates = {f.text: f for f in french if f.kind == "date"}
    assert dates["2 août 2024"].value["iso"] == "2024-08-02"
    assert dates["27 juillet 2024"].value == {
        "iso": "2024-07-27", "precision": "day", "start": "2024-07-27", "end": "2024-07-27",
    }  # fmt: skip
    assert (dates["27 juillet 2024"].start, dates["27 juillet 2024"].end) == at(
        FRENCH, "27 juillet 2024"
    )
    assert dates["mardi"].value["iso"] == "2024-07-30"  # the Tuesday before that Friday
    assert dates["mardi"].value["relative_to"] == "2024-08-02"
    assert dates["la semaine dernière"].value["precision"] == "week"
    assert dates["la semaine dernière"].value["iso"] == "2024-W30"
    assert dates["sept. 2024"].value["precision"] == "month"  # a month stays a month
    assert dates["sept. 2024"].value["start"] == "2024-09-01"
    assert dates["sept. 2024"].value["end"] == "2024-09-30"


def test_french_actors_by_their_canonical_names(french):
    actors = {f.text: f.value["id"] for f in french if f.kind == "actor"}
    assert actors == {
        "Forces armées maliennes": "mali-army",
        "FAMa": "mali-army",
        "CSP-DPA": "csp-dpa",
        "JNIM": "jnim",
        "Africa Corps": "africa-corps",
    }


def test_french_figures_keep_their_words_and_their_range(french):
    figures = {f.text: f.value for f in french if f.kind == "figure"}
    fifty = figures["une cinquantaine"]
    assert (fifty["value"], fifty["qualifier"]) == (50, "about")
    dozens = figures["des dizaines"]
    assert dozens["value"] == 12 and "ACLED" in dozens["convention"]
    between = figures["entre 20 et 80"]
    assert (between["min"], between["max"], between["value"]) == (20, 80, None)
    over = figures["plus de 1 000"]
    assert (over["value"], over["qualifier"]) == (1000, "over")
    assert "une centaine" in figures
    # the day numbers and years of dates are not figures
    assert not {"27", "2024", "2"} & set(figures)


def test_the_finds_never_overlap_and_come_in_text_order(french):
    for a, b in pairwise(french):
        assert a.end <= b.start


def test_english_and_mixed_articles():
    finds = extract(ENGLISH, PUBLISHED)
    got = {(f.kind, f.text) for f in finds}
    assert {
        ("place", "Tinzaouaten"), ("place", "Timbuktu"), ("date", "July 27, 2024"),
        ("date", "Tuesday"), ("date", "last week"), ("actor", "Wagner"),
        ("figure", "dozens"), ("figure", "More than 1,000"),
    } <= got  # fmt: skip
    mixed = FRENCH + "\n\n" + ENGLISH
    both = {(f.kind, f.text) for f in extract(mixed, PUBLISHED)}
    assert ("date", "27 juillet 2024") in both and ("date", "July 27, 2024") in both
    assert ("figure", "une cinquantaine") in both and ("figure", "dozens") in both


def test_an_actor_name_holding_a_place_is_the_actor():
    text = "Le Front de libération de l'Azawad a revendiqué l'attaque."
    finds = extract(text, PUBLISHED)
    assert [(f.kind, f.text) for f in finds] == [("actor", "Front de libération de l'Azawad")]


def test_the_command_prints_one_json_line_per_find(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(FRENCH, encoding="utf-8")
    r = mapapp("extract", path, "--published", "2024-08-02")
    assert r.returncode == 0, r.stderr
    lines = [json.loads(line) for line in r.stdout.splitlines()]
    assert {line["kind"] for line in lines} == {"place", "date", "actor", "figure"}
    for line in lines:
        assert set(line) == {"kind", "text", "start", "end", "value"}
        assert FRENCH[line["start"] : line["end"]] == line["text"]
    assert [line["text"] for line in lines] == [f.text for f in extract(FRENCH, PUBLISHED)]
    # --lang is the article's language here, and the interface stays the system's
    forced = mapapp("extract", path, "--lang", "fr")
    assert forced.returncode == 0, forced.stderr
    relative = [json.loads(x) for x in forced.stdout.splitlines() if '"mardi"' in x]
    assert relative and relative[0]["value"]["iso"] is None  # no publication day given


def test_bad_input_is_one_line(tmp_path):
    r = mapapp("extract", tmp_path / "missing.txt")
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1
    assert "missing.txt" in r.stderr
    path = tmp_path / "a.txt"
    path.write_text("Gao.", encoding="utf-8")
    r = mapapp("extract", path, "--published", "2 août")
    assert r.returncode == 2 and "--published" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    r = mapapp("extract", path, "--lang", "de")
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Tombouctou, été".encode("latin-1"))
    r = mapapp("extract", latin1)
    assert r.returncode == 2 and "UTF-8" in r.stderr


def test_a_reader_that_stops_early_is_no_error(tmp_path):
    """`mapapp extract … | head -1`: no crash report, no traceback."""
    import subprocess
    import sys

    from cli_run import ROOT

    path = tmp_path / "long.txt"
    path.write_text("\n\n".join([FRENCH] * 150), encoding="utf-8")  # > a pipe's buffer
    proc = subprocess.Popen(
        [sys.executable, "-m", "mapapp", "extract", str(path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout.readline().startswith(b'{"kind"')
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert err == ""


def test_the_command_reads_as_the_window_does(tmp_path):
    """Decomposed accents, blank lines before the text and a publication moment: the
    offsets are those of the article text the window cites (NFC, trimmed)."""
    import unicodedata

    from mapapp.exchange.article import read_article

    said = "Les Forces armées maliennes ont repris Ménaka le 1er août 2024, près de Léré."
    path = tmp_path / "nfd.txt"
    path.write_text("\n\n" + unicodedata.normalize("NFD", said), encoding="utf-8")
    r = mapapp("extract", path, "--published", "2024-08-02T10:00:00+02:00")
    assert r.returncode == 0, r.stderr
    text = read_article(path).text
    assert text == said
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert [(x["kind"], x["text"]) for x in lines] == [
        ("actor", "Forces armées maliennes"), ("place", "Ménaka"),
        ("date", "1er août 2024"), ("place", "Léré"),
    ]  # fmt: skip
    assert all(text[x["start"] : x["end"]] == x["text"] for x in lines)


def test_an_actor_is_read_as_it_stood_on_the_publication_day():
    text = "Le 27 juillet 2024, les rebelles du CSP ont repoussé l'armée malienne."
    (csp,) = [f for f in extract(text, date(2024, 7, 30)) if f.text == "CSP"]
    assert csp.value["id"] == "csp-dpa"  # the CSP-PSD had become the CSP-DPA in May 2024
    (undated,) = [f for f in extract(text) if f.text == "CSP"]
    assert undated.value["id"] == "csp-psd"
