"""The Tinzaouaten situation is drawn from the article, and nothing in it is invented."""

import json
import re
from pathlib import Path

import pytest

from mapapp.model.io import default_situation_path, load_situation
from mapapp.model.situation import TimeSpan

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "seeds" / "000_631ddefb58e5ec4e.txt"
SHARED = ROOT.parent / "shared" / "seeds" / ARTICLE.name


@pytest.fixture(scope="module")
def raw():
    return json.loads(default_situation_path().read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def situation():
    return load_situation(default_situation_path())


def citations(node, path="$"):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "citations":
                for i, c in enumerate(v):
                    yield f"{path}.citations[{i}]", c
            else:
                yield from citations(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from citations(v, f"{path}[{i}]")


# SHA-256 of ../shared/seeds/000_631ddefb58e5ec4e.txt, the article as given
ARTICLE_SHA256 = "81f361966c91f946f45d396b598fb5938effa5f0a985c8a8af98ee1adfc22910"


def test_article_is_the_shared_seed_unchanged():
    """Byte for byte the article given in shared/seeds: compared with it where it sits
    beside the checkout, and with its recorded fingerprint everywhere."""
    import hashlib

    assert hashlib.sha256(ARTICLE.read_bytes()).hexdigest() == ARTICLE_SHA256
    if SHARED.exists():
        assert ARTICLE.read_bytes() == SHARED.read_bytes()


def test_every_quoted_span_matches_the_article(raw):
    text = ARTICLE.read_text(encoding="utf-8")
    checked = 0
    for where, c in citations(raw):
        if c["source"] == "article":
            assert text[c["start"] : c["end"]] == c["quote"], where
            checked += 1
    assert checked >= 50


def test_every_item_cites_the_article_or_a_named_source(raw):
    source_ids = {s["id"] for s in raw["sources"]}
    for key in ("places", "actors", "events", "claims", "areas"):
        for item in raw[key]:
            assert item["citations"], item["id"]
            assert {c["source"] for c in item["citations"]} <= source_ids
            # the article itself supports every item; external sources only add to it
            assert any(c["source"] == "article" for c in item["citations"]), item["id"]


def test_dates_not_in_the_quotes_name_their_source(raw):
    for e in raw["events"]:
        quotes = " ".join(c.get("quote", "") for c in e["citations"])
        for key in ("start", "end"):
            date = e["time"].get(key)
            if date and date[:4] not in quotes:
                assert e["time"].get("source"), f"{e['id']}: {key} {date} has no source"


def test_aliases_not_in_the_article_name_an_external_source(raw):
    text = ARTICLE.read_text(encoding="utf-8")
    for a in raw["actors"]:
        for alias in a.get("aliases", []):
            if alias["name"] not in text:
                assert all(c["source"] != "article" for c in alias["citations"]), alias


def test_places_name_their_coordinate_source(raw):
    for p in raw["places"]:
        assert p["coordinate_source"] in {s["id"] for s in raw["sources"]}


def test_required_events_actors_and_claims_are_there(situation):
    s = situation
    types = {e.type for e in s.events.values()}
    assert {"battle", "ambush", "weather", "death", "aircraft_loss", "takeover"} <= types
    assert {"intervention", "agreement", "attacks", "coup", "expulsion", "conflict"} <= types
    battle = s.events["battle"]
    assert battle.location.precision == "near" and battle.location.place == "tinzaouaten"
    for sub in ("ambush", "sandstorm", "commander-death", "helicopter-downed"):
        assert s.events[sub].part_of == "battle"
    assert s.events["takeover-2012"].location.precision == "region"
    assert s.events["takeover-2012"].location.area == "azawad"
    names = {a.name for a in s.actors.values()}
    assert {"Malian army", "Wagner", "Tuareg separatist rebels", "JNIM", "Ukraine"} <= names
    assert {"France", "United Nations", "BBC News", "Yevgeny Prigozhin"} <= names
    rel = {(a.id, r.relation, r.actor) for a in s.actors.values() for r in a.relations}
    assert ("mali-army", "allied_with", "wagner") in rel
    assert ("jnim", "affiliate_of", "al-qaeda") in rel
    assert ("mali-army", "backed_by", "russia") in rel
    c = s.claims
    assert c["jnim-casualties"].claimant == "jnim" and c["jnim-casualties"].status == "unverified"
    assert [f.value for f in c["jnim-casualties"].figures] == [50, 10]
    est = c["estimate-wagner-dead"].figures[0]
    assert (est.min, est.max, c["estimate-wagner-dead"].claimant) == (20, 80, "")
    assert c["army-heavy-losses"].status == "self_reported"
    assert c["ukraine-intelligence"].status == "alleged"
    assert c["ukraine-flag-photo"].status == "misleading"
    link = c["army-confirms-ambush"].links[0]
    assert (link.relation, link.claim) == ("corroborates", "wagner-ambush-account")
    assert c["wagner-attackers"].figures[0].qualifier == "over"
    assert {x.id for x in s.claims_about("battle")} >= {"jnim-casualties", "wagner-helicopter"}


@pytest.mark.parametrize(
    "span, first, last, expected",
    [
        (TimeSpan("year", "2012", "2012"), "2012-06-01", "2012-06-30", True),
        (TimeSpan("year", "2012", "2012"), "2013-01-01", "2013-12-31", False),
        (TimeSpan("after", "2020"), "2024-07-01", "2024-07-31", True),
        (TimeSpan("day", "2024-07-25", "2024-07-27"), "2024-07-27", "2024-08-01", True),
        (TimeSpan("day", "2024-07-25", "2024-07-27"), "2024-07-28", "2024-08-01", False),
        (TimeSpan("unknown"), "1900-01-01", "1900-12-31", True),
    ],
)
def test_time_span_overlap(span, first, last, expected):
    assert span.overlaps(first, last) is expected


def test_time_labels_never_claim_more_than_the_data():
    assert TimeSpan("after", "2012").label() == "after 2012"
    assert TimeSpan("unknown").label() == "date unknown"
    assert TimeSpan("day", "2024-07-25", "2024-07-27").label() == "2024-07-25 to 2024-07-27"
    assert re.fullmatch(r"2020", TimeSpan("year", "2020", "2020").label())
