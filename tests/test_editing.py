"""Edits of a situation document from selections in its article: each edit is a new,
validated document (an invalid one is refused and nothing changes), citations carry the
exact offsets and quote, and deleting what others refer to says what refers to it.
Rebuilds part of the Tinzaouaten situation from the article's text alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from mapapp.exchange.article import read_article, situation_from_article
from mapapp.geo.gazetteer import continents, countries, load_gazetteer
from mapapp.model.editing import (
    EditError,
    add_item,
    change_item,
    delete_item,
    dependents,
    new_id,
    selection,
)
from mapapp.model.io import save_situation
from mapapp.model.place_mentions import find_mentions
from mapapp.model.situation import situation_from_dict
from tests.cli_run import mapapp

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "seeds" / "000_631ddefb58e5ec4e.txt"


def select(texts, phrase: str, after: int = 0):
    start = texts["article"].index(phrase, after)
    return selection(texts, "article", start, start + len(phrase))


def test_the_battle_and_jnims_claim_from_the_article_alone(tmp_path):
    s = situation_from_article(read_article(ARTICLE), "article.txt")
    texts = {"article": s.article().text}
    data = s.raw
    # the place, as the gazetteer finds it, citing its mention
    (mention,) = find_mentions(texts["article"], load_gazetteer(), countries(), continents())
    where = selection(texts, "article", mention.start, mention.end)
    place = {
        "id": new_id(data, mention.place.name),
        "name": mention.place.name,
        "lon": mention.place.lon,
        "lat": mention.place.lat,
        "country": mention.place.country,
        "gazetteer": mention.place.name,
        "citations": [where.citation()],
    }
    data = add_item(data, "places", place, texts)
    fighting = select(texts, "two days of fighting with Tuareg separatist rebels")
    battle = {
        "id": new_id(data, "battle"),
        "type": "battle",
        "title": "Two days of fighting near Tinzaouaten",
        "time": {"precision": "unknown"},
        "location": {"precision": "near", "place": place["id"], "radius_km": 30},
        "citations": [
            fighting.citation(),
            select(texts, "in the desert near Tinzaouaten").citation(),
        ],
    }
    data = add_item(data, "events", battle, texts)
    jnim = {
        "id": new_id(data, "JNIM"),
        "name": "JNIM",
        "kind": "armed_group",
        "citations": [select(texts, "an al-Qaeda affiliate, JNIM").citation()],
    }
    data = add_item(data, "actors", jnim, texts)
    said = select(texts, "JNIM claimed that 50 Russians and 10 Malian soldiers were killed")
    claim = {
        "id": new_id(data, "jnim casualty claim"),
        "claimant": jnim["id"],
        "statement": "50 Russians and 10 Malian soldiers were killed.",
        "status": "unverified",
        "figures": [
            {"subject": "Russians killed", "unit": "people", "value": 50},
            {"subject": "Malian soldiers killed", "unit": "soldiers", "value": 10},
        ],
        "about": [battle["id"]],
        "citations": [
            said.citation(),
            select(texts, "these numbers haven’t been verified").citation(),
        ],
    }
    data = add_item(data, "claims", claim, texts)

    # every quote is the article's text at its offsets, character for character
    for kind in ("places", "events", "actors", "claims"):
        for item in data[kind]:
            for c in item["citations"]:
                assert texts["article"][c["start"] : c["end"]] == c["quote"]
    out = tmp_path / "rebuilt.situation.json"
    save_situation(situation_from_dict(data, texts, None), out)
    r = mapapp("validate", str(out))
    assert r.returncode == 0, r.stdout + r.stderr
    assert (tmp_path / "article.txt").read_bytes() == texts["article"].encode("utf-8")

    # deleting JNIM is refused while its claim cites it, and says so
    assert dependents(data, "actors", jnim["id"]) == [f"claim {claim['id']} (its claimant)"]
    with pytest.raises(EditError, match="its claimant"):
        delete_item(data, "actors", jnim["id"], texts)
    # an edit that breaks a quote is refused, and the document is as it was
    before = repr(data)
    bad = {"citations": [{**said.citation(), "start": said.start + 1}]}
    with pytest.raises(EditError) as err:
        change_item(data, "claims", claim["id"], bad, texts)
    assert any("citations" in str(p) for p in err.value.problems)
    assert repr(data) == before
    # ... and edits that keep it valid go through
    data = change_item(data, "claims", claim["id"], {"status": "disputed"}, texts)
    data = delete_item(data, "claims", claim["id"], texts)
    data = delete_item(data, "actors", jnim["id"], texts)
    assert [a["id"] for a in data["actors"]] == []


def test_a_selection_is_trimmed_to_its_words_and_never_empty():
    texts = {"article": "  Kidal,  Gao  "}
    sel = selection(texts, "article", 0, 8)
    assert (sel.start, sel.end, sel.text) == (2, 8, "Kidal,")
    with pytest.raises(EditError):
        selection(texts, "article", 0, 2)


def test_deleting_with_its_references_keeps_what_held_them():
    from mapapp.model.io import default_situation_path, load_situation

    s = load_situation(default_situation_path())
    texts = {x.id: x.text for x in s.sources.values() if x.text is not None}
    data = s.raw
    jnim = next(a["id"] for a in data["actors"] if a["name"] == "JNIM")
    held = dependents(data, "actors", jnim)
    assert any(h.startswith("claim") for h in held) and any(h.startswith("event") for h in held)
    out = delete_item(data, "actors", jnim, texts, detach=True)
    assert jnim not in {a["id"] for a in out["actors"]}
    assert not dependents(out, "actors", jnim)
    # the claims JNIM made stay, unattributed; the events it fought in stay, without it
    assert len(out["claims"]) == len(data["claims"])
    assert len(out["events"]) == len(data["events"])
    was_claimant = [c["id"] for c in data["claims"] if c.get("claimant") == jnim]
    assert was_claimant and all(
        "claimant" not in c for c in out["claims"] if c["id"] in was_claimant
    )
    # a place: its events keep going, their location now unknown (or their region)
    town = next(p["id"] for p in data["places"] if p["name"] == "Tinzaouaten")
    out = delete_item(data, "places", town, texts, detach=True)
    for before, after in zip(data["events"], out["events"], strict=True):
        if before["location"].get("place") == town:
            assert "place" not in after["location"]
            assert after["location"]["precision"] in ("unknown", "region")
    assert data["places"] and town in {p["id"] for p in data["places"]}  # input untouched
