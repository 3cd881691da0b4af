"""Armed actors in an article: the sourced data file, and finding its aliases in French and
English texts (the texts are written for these tests)."""

from __future__ import annotations

import json
import random
import re
from itertools import pairwise

import pytest

from mapapp.geo.gazetteer import fold
from mapapp.reading.actors import (
    Actor,
    alias_pattern,
    existed_on,
    find_actors,
    is_acronym,
    load_actors,
)
from mapapp.reading.spans import Taken
from mapapp.resources_path import resources_dir

DATE = re.compile(r"^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")


def raw() -> dict:
    return json.loads((resources_dir() / "reading" / "actors.json").read_text(encoding="utf-8"))


def by_id() -> dict[str, Actor]:
    return {a.id: a for a in load_actors()}


def found(text: str) -> list[tuple[int, int, str, str]]:
    return [(f.start, f.end, f.text, f.value["id"]) for f in find_actors(text)]


def at(text: str, words: str, actor: str, after: int = 0) -> tuple[int, int, str, str]:
    start = text.index(words, after)
    return (start, start + len(words), words, actor)


# --- the data file ---------------------------------------------------------------------


def test_the_file_says_what_it_is_and_how_it_was_made():
    data = raw()
    assert data["schema_version"] == 1
    for key in ("what", "how_compiled", "dates", "licence"):
        assert data["about"][key].strip()


def test_every_actor_has_its_names_kind_and_sources():
    schema = json.loads((resources_dir() / "schema" / "situation.schema.json").read_text("utf-8"))
    kinds = set(schema["$defs"]["actor"]["properties"]["kind"]["enum"])
    ids = [e["id"] for e in raw()["actors"]]
    assert len(ids) == len(set(ids))
    for entry in raw()["actors"]:
        assert entry["name"] and entry["name_fr"], entry["id"]
        assert entry["kind"] in kinds
        assert entry["sources"], entry["id"]
        for source in entry["sources"]:
            assert source["title"] and source["publisher"] and source["supports"]
            assert source["url"].startswith(("http://", "https://"))


def test_every_date_is_iso_and_a_missing_one_is_explained():
    for entry in raw()["actors"]:
        for period in ("existed", "in_mali"):
            if period not in entry:
                continue
            dates = entry[period]
            assert set(dates) == {"from", "to"}
            for value in dates.values():
                assert value is None or DATE.match(value), (entry["id"], value)
            if dates["from"] is None:  # an unknown start is said so, never left silent
                assert "no " in entry["note"] or "not " in entry["note"], entry["id"]
            if dates["from"] and dates["to"]:
                assert dates["from"] <= dates["to"]


def test_predecessors_and_successors_point_both_ways_and_meet_in_time():
    actors = by_id()
    for actor in actors.values():
        if actor.successor:
            nxt = actors[actor.successor]
            assert nxt.predecessor == actor.id or actor.id == "mnla"
            if actor.existed["to"] and nxt.existed["from"]:
                assert actor.existed["to"] == nxt.existed["from"]
        if actor.predecessor:
            assert actors[actor.predecessor].successor == actor.id


def test_the_tuareg_coalitions_follow_one_another():
    actors = by_id()
    chain = ["csp-psd", "csp-dpa", "fla"]
    assert [actors[a].successor for a in chain] == ["csp-dpa", "fla", None]
    assert actors["csp-dpa"].existed == {"from": "2024-05-02", "to": "2024-11-30"}
    assert actors["fla"].existed == {"from": "2024-11-30", "to": None}
    assert actors["wagner"].successor == "africa-corps"


def test_no_spelling_belongs_to_two_actors():
    owner: dict[str, str] = {}
    for actor in load_actors():
        for spelling in actor.spellings():
            key = spelling if is_acronym(spelling) else fold(spelling)
            assert owner.setdefault(key, actor.id) == actor.id, spelling


def test_the_aliases_the_brief_names_are_there():
    actors = by_id()
    needed = {
        "mali-army": [
            "FAMa",
            "Forces armées maliennes",
            "armée malienne",
            "Malian army",
            "Malian Armed Forces",
            "Mali's army",
        ],
        "jnim": [
            "JNIM",
            "GSIM",
            "Jama'at Nusrat al-Islam wal-Muslimin",
            "Groupe de soutien à l'islam et aux musulmans",
        ],
        "fla": ["FLA", "Front de libération de l'Azawad", "Azawad Liberation Front"],
        "cma": ["CMA", "Coordination des mouvements de l'Azawad"],
        "wagner": ["Wagner", "groupe Wagner", "Wagner Group"],
        "africa-corps": ["Africa Corps"],
        "minusma": ["MINUSMA"],
        "issp": ["ISSP", "EIGS", "État islamique au Sahel", "Islamic State Sahel Province"],
    }
    for actor, spellings in needed.items():
        assert set(spellings) <= set(actors[actor].spellings()), actor


# --- finding them ----------------------------------------------------------------------

FR = (
    "Les Forces armées maliennes (FAMa), appuyées par le groupe Wagner, ont repris Kidal en "
    "novembre 2023. Le Cadre stratégique permanent pour la défense du peuple de l’Azawad "
    "(CSP-DPA) a ensuite cédé la place au Front de libération de l'Azawad. Selon le GSIM, "
    "l’armée malienne a perdu plusieurs véhicules ; l'armée n'a pas commenté."
)
EN = (
    "Mali's army and Russia's Africa Corps said on Monday that fighters of Jama’at Nusrat "
    "al-Islam wal-Muslimin (JNIM) had attacked a convoy near Tinzaouaten. The Azawad "
    "Liberation Front (FLA) denied any role; MINUSMA left the country in 2023."
)


def test_a_french_article():
    assert found(FR) == [
        at(FR, "Forces armées maliennes", "mali-army"),
        at(FR, "FAMa", "mali-army"),
        at(FR, "groupe Wagner", "wagner"),
        at(FR, "Cadre stratégique permanent pour la défense du peuple de l’Azawad", "csp-dpa"),
        at(FR, "CSP-DPA", "csp-dpa"),
        at(FR, "Front de libération de l'Azawad", "fla"),
        at(FR, "GSIM", "jnim"),
        at(FR, "armée malienne", "mali-army"),
    ]


def test_an_english_article():
    assert found(EN) == [
        at(EN, "Mali's army", "mali-army"),
        at(EN, "Africa Corps", "africa-corps"),
        at(EN, "Jama’at Nusrat al-Islam wal-Muslimin", "jnim"),
        at(EN, "JNIM", "jnim"),
        at(EN, "Azawad Liberation Front", "fla"),
        at(EN, "FLA", "fla"),
        at(EN, "MINUSMA", "minusma"),
    ]


def test_a_find_carries_the_canonical_names_and_dates_ready_for_json():
    find = find_actors("Le groupe Wagner est arrivé.")[0]
    assert find.kind == "actor"
    assert find.value == {
        "id": "wagner",
        "name": "Wagner Group",
        "name_fr": "groupe Wagner",
        "kind": "mercenary_group",
        "existed": {"from": "2014", "to": None},
    }
    assert json.loads(json.dumps(find.as_json()))["value"] == find.value


def test_every_find_is_cut_from_the_text_sorted_and_apart():
    finds = find_actors(FR + "\n\n" + EN)
    assert all((FR + "\n\n" + EN)[f.start : f.end] == f.text for f in finds)
    assert all(a.end <= b.start for a, b in pairwise(finds))


def test_the_longest_alias_wins():
    text = "Le groupe Wagner et la force Barkhane; the Coordination of Azawad Movements."
    assert found(text) == [
        at(text, "groupe Wagner", "wagner"),
        at(text, "force Barkhane", "barkhane"),
        at(text, "Coordination of Azawad Movements", "cma"),
    ]


def test_straight_and_curly_apostrophes_and_missing_accents_match():
    text = "l’Azawad: Front de liberation de l’Azawad, Etat islamique au Sahel, Jama'at Nasr al-Islam wal Muslimin."  # noqa: E501
    assert [f[3] for f in found(text)] == ["fla", "issp", "jnim"]


def test_acronyms_are_exact_whole_words():
    assert found("a flat Fla fla tile; CMAs and cma") == []
    text = "the CMA's men, JNIM-linked cells and the CSP-PSD"
    assert found(text) == [
        at(text, "CMA", "cma"),
        at(text, "JNIM", "jnim"),
        at(text, "CSP-PSD", "csp-psd"),
    ]
    assert found("CSP-XYZ and XYZ-FLA") == []


def test_long_names_ignore_case_and_single_names_keep_their_capital():
    text = "the MALIAN ARMY and the malian army; une barkhane de sable; the Minusma"
    assert found(text) == [
        at(text, "MALIAN ARMY", "mali-army"),
        at(text, "malian army", "mali-army"),
        at(text, "Minusma", "minusma"),
    ]


def test_a_bare_army_is_no_actor():
    assert found("L'armée a annoncé que l’armée avait riposté. The army said so.") == []


def test_a_given_list_of_actors_is_used_instead_of_the_file():
    mine = Actor("x", "Ganda Izo", "Ganda Izo", "militia", ("GI",), {"from": None, "to": None})
    assert [f.value["id"] for f in find_actors("Ganda Izo and GI; JNIM", [mine])] == ["x", "x"]


@pytest.mark.parametrize(
    ("alias", "text", "hits"),
    [
        ("IS-GS", "IS-GS, IS‑GS and IS GS", ["IS-GS", "IS‑GS"]),
        ("Wagner Group", "Wagner-Group and wagner  group", ["Wagner-Group", "wagner  group"]),
        ("Barkhane", "Barkhane, BARKHANE, barkhane", ["Barkhane", "BARKHANE"]),
    ],
)
def test_alias_patterns(alias, text, hits):
    assert [m.group() for m in alias_pattern(alias).finditer(text)] == hits


def test_when_an_actor_existed():
    csp_dpa = by_id()["csp-dpa"].existed
    assert existed_on(csp_dpa, "2024-07-27") is True
    assert existed_on(csp_dpa, "2023-11-14") is False
    assert existed_on(csp_dpa, "2025-01-01") is False
    assert existed_on(csp_dpa, "2024") is True  # shares the year: not ruled out
    assert existed_on(by_id()["fla"].existed, "2026-03") is True
    assert existed_on({"from": None, "to": None}, "2020") is None
    with pytest.raises(ValueError):
        existed_on(csp_dpa, "27/07/2024")


# --- the article's day --------------------------------------------------------------------


def on(text: str, day: str | None, actors: list[Actor] | None = None) -> list[tuple]:
    return [(f.start, f.end, f.text, f.value["id"]) for f in find_actors(text, actors, day)]


def test_a_name_is_read_as_the_group_it_stood_for_on_the_day():
    text = "Le 27 juillet 2024, les rebelles du CSP ont repoussé l'armée malienne."
    assert found(text)[0] == at(text, "CSP", "csp-psd")  # as written, without a day
    assert on(text, "2024-07-30") == [
        at(text, "CSP", "csp-dpa"),  # the CSP-PSD ended on 2024-05-02, its successor began
        at(text, "armée malienne", "mali-army"),
    ]
    assert on(text, "2023-11-14")[0] == at(text, "CSP", "csp-psd")  # it existed then
    # the FLA does not go by "CSP": in 2025 the name stays the group that bore it
    assert on(text, "2025-03-01")[0] == at(text, "CSP", "csp-psd")
    assert on(text, "2024")[0] == at(text, "CSP", "csp-psd")  # a year it shares: not ruled out


def test_a_name_of_one_group_only_stays_that_group_whatever_the_day():
    """History is what a later article may speak of: "MNLA" in 2025 is the MNLA, not the
    FLA it became; "CSP-DPA" is that coalition even in an article dated before it."""
    text = "Selon le CSP-DPA, le convoi a été attaqué."
    assert on(text, "2023-06-01") == [at(text, "CSP-DPA", "csp-dpa")]
    assert on(text, "2024-07-30") == [at(text, "CSP-DPA", "csp-dpa")]
    text = "En 2012, le MNLA avait proclamé l'indépendance de l'Azawad."
    assert on(text, "2025-03-01")[0] == at(text, "MNLA", "mnla")


def test_an_alias_two_actors_share_goes_to_the_one_that_existed():
    old = Actor(
        "old", "Old Front", "Ancien front", "armed_group", ("FA",), {"from": "2010", "to": "2015"}
    )
    new = Actor(
        "new", "New Front", "Nouveau front", "armed_group", ("FA",), {"from": "2016", "to": None}
    )
    text = "Le FA a revendiqué l'attaque."
    assert on(text, "2012-05-01", [old, new]) == [at(text, "FA", "old")]
    assert on(text, "2020-05-01", [old, new]) == [at(text, "FA", "new")]
    assert on(text, "2020-05-01", [new, old]) == [at(text, "FA", "new")]
    assert on(text, None, [old, new]) == [at(text, "FA", "old")]  # no day: the first listed


def test_an_actor_whose_start_is_unknown_stays_as_written():
    mine = Actor("x", "Ganda Izo", "Ganda Izo", "militia", ("GI",), {"from": None, "to": None})
    assert on("Ganda Izo and GI", "2024-07-30", [mine]) == [
        (0, 9, "Ganda Izo", "x"),
        (14, 16, "GI", "x"),
    ]


def test_a_day_that_is_no_date_is_refused():
    with pytest.raises(ValueError):
        find_actors("Le JNIM a revendiqué l'attaque.", day="30/07/2024")


def test_the_longest_alias_wins_in_a_long_text_as_in_a_short_one():
    # many candidates in one text (the kept spans are looked up by bisection): the same
    # finds as each sentence alone, shifted
    sentence = "Les Forces armées maliennes (FAMa), le groupe Wagner et le CSP-DPA. "
    alone = found(sentence)
    assert [f[3] for f in alone] == ["mali-army", "mali-army", "wagner", "csp-dpa"]
    n = 3000
    shifted = [(a + i * len(sentence), b + i * len(sentence), w, x) for i in range(n)
               for a, b, w, x in alone]  # fmt: skip
    assert found(sentence * n) == shifted


def test_taken_spans_agree_with_comparing_every_pair():
    rng = random.Random(7)
    taken, kept = Taken(), []
    for _ in range(2000):
        start = rng.randrange(0, 5000)
        end = start + rng.randrange(1, 30)
        free = all(end <= s or start >= e for s, e in kept)
        assert taken.free(start, end) == free
        if free:
            taken.add(start, end, (start, end))
            kept.append((start, end))
    assert taken.spans() == [(s, e, (s, e)) for s, e in sorted(kept)]
