"""Two windows' copies of one stored situation (mapapp/store/sync.py), on a real
PostgreSQL: unsent edits of different items or fields merge on their own, the same field
changed two ways is a conflict the user decides (mine, theirs, a merge, or both), edits
made while the other analyst saved are kept on top of theirs, and two edits that cannot
stand together are refused, never stored broken."""

from __future__ import annotations

import copy
import itertools
import json

import pytest
from cli_run import ROOT

from mapapp.model.doc_patch import items_of, put
from mapapp.store.connection import StoreError
from mapapp.store.link import rebase, resolve
from mapapp.store.sync import fetch, open_link, send

SEED = ROOT / "seeds" / "tinzaouaten-2024.situation.json"
_names = itertools.count()


def edited(doc: dict, kind: str, item: str, **fields) -> dict:
    new = copy.deepcopy(items_of(doc)[(kind, item)])
    new.update(fields)
    return put(doc, {(kind, item): new})


def stored(conn, kind: str, item: str) -> dict | None:
    data, _texts, _versions = fetch(conn, "t")
    return items_of(data).get((kind, item))


def test_edits_of_different_fields_merge_and_the_window_takes_the_merge(two_clients):
    url, alice, bob = two_clients
    a_doc, texts, a_link = open_link(alice, url, "t")
    b_doc, _, b_link = open_link(bob, url, "t")
    assert a_link.can_edit  # the store's owner
    a_doc = edited(a_doc, "event", "battle", title="Battle of Tinzaouaten")
    sent = send(alice, a_link, a_doc, texts)
    assert sent.written == 1 and not sent.conflicts and not sent.adopted
    assert sent.link.unsent(a_doc) == {}
    b_doc = edited(b_doc, "event", "battle", summary="Two days of fighting, by Bob.")
    sent = send(bob, b_link, b_doc, texts)
    assert sent.written == 1 and not sent.conflicts
    merged = sent.adopted[("event", "battle")]
    assert merged["title"] == "Battle of Tinzaouaten"
    assert merged["summary"] == "Two days of fighting, by Bob."
    assert stored(alice, "event", "battle") == merged
    # Bob's window takes the merge in: nothing is left unsent
    b_doc = put(b_doc, sent.adopted)
    assert sent.link.unsent(b_doc) == {}
    assert sent.link.versions[("event", "battle")] == 3


def test_the_same_field_two_ways_is_a_conflict_and_keep_both_keeps_both(two_clients):
    url, alice, bob = two_clients
    a_doc, texts, a_link = open_link(alice, url, "t")
    b_doc, _, b_link = open_link(bob, url, "t")
    a_doc = edited(a_doc, "event", "ambush", title="Alice's title")
    assert send(alice, a_link, a_doc, texts).written == 1
    b_doc = edited(b_doc, "event", "ambush", title="Bob's title", summary="Bob's summary")
    sent = send(bob, b_link, b_doc, texts)
    assert sent.written == 0 and not sent.adopted
    (conflict,) = sent.conflicts
    assert conflict.fields == ("title",) and conflict.by == "mapapp_admin"
    assert conflict.mine["title"] == "Bob's title" and conflict.theirs["title"] == "Alice's title"
    assert conflict.base["title"] not in ("Bob's title", "Alice's title")
    assert stored(alice, "event", "ambush")["title"] == "Alice's title"  # nothing written
    # Bob keeps both: theirs stays under its id, his as a new event beside it
    b_doc, b_link = resolve(sent.link, b_doc, conflict, conflict.theirs, copy_id="ambush-2")
    sent = send(bob, b_link, b_doc, texts)
    assert not sent.conflicts and sent.written == 1
    assert stored(alice, "event", "ambush")["title"] == "Alice's title"
    copy_ = stored(alice, "event", "ambush-2")
    assert copy_["title"] == "Bob's title" and copy_["summary"] == "Bob's summary"


def test_keep_mine_after_a_conflict_overwrites_theirs_on_purpose(two_clients):
    url, alice, bob = two_clients
    a_doc, texts, a_link = open_link(alice, url, "t")
    b_doc, _, b_link = open_link(bob, url, "t")
    assert send(alice, a_link, edited(a_doc, "event", "battle", title="A"), texts).written
    sent = send(bob, b_link, edited(b_doc, "event", "battle", title="B"), texts)
    (conflict,) = sent.conflicts
    b_doc, b_link = resolve(sent.link, b_doc, conflict, conflict.mine)
    assert send(bob, b_link, b_doc, texts).written == 1
    assert stored(alice, "event", "battle")["title"] == "B"


def test_a_deleted_item_someone_changed_is_a_conflict(two_clients):
    url, alice, bob = two_clients
    a_doc, texts, a_link = open_link(alice, url, "t")
    b_doc, _, b_link = open_link(bob, url, "t")
    assert send(alice, a_link, edited(a_doc, "event", "sandstorm", title="A"), texts).written
    b_doc = put(b_doc, {("event", "sandstorm"): None})
    b_doc["claims"] = [c for c in b_doc["claims"] if c.get("event") != "sandstorm"]
    sent = send(bob, b_link, b_doc, texts)
    deleted = [c for c in sent.conflicts if c.item == "sandstorm"]
    assert deleted and deleted[0].mine is None and deleted[0].theirs["title"] == "A"
    assert stored(alice, "event", "sandstorm") is not None


def test_unsent_edits_stay_on_top_of_what_others_saved(two_clients):
    url, alice, bob = two_clients
    a_doc, texts, a_link = open_link(alice, url, "t")
    b_doc, _, b_link = open_link(bob, url, "t")
    assert send(alice, a_link, edited(a_doc, "event", "battle", title="A"), texts).written
    b_doc = edited(b_doc, "event", "ambush", title="Bob's unsent title")
    store_doc, _, versions = fetch(bob, "t")
    b_doc, b_link = rebase(b_link, b_doc, store_doc, versions)
    assert items_of(b_doc)[("event", "battle")]["title"] == "A"
    assert items_of(b_doc)[("event", "ambush")]["title"] == "Bob's unsent title"
    assert list(b_link.unsent(b_doc)) == [("event", "ambush")]
    assert send(bob, b_link, b_doc, texts).written == 1
    assert stored(alice, "event", "battle")["title"] == "A"


def test_two_edits_that_cannot_stand_together_are_refused(two_clients):
    url, alice, bob = two_clients
    a_doc, texts, a_link = open_link(alice, url, "t")
    b_doc, _, b_link = open_link(bob, url, "t")
    # Alice adds a place; Bob, who has it too, adds an event there
    place = copy.deepcopy(a_doc["places"][0]) | {"id": "camp", "name": "Camp"}
    a_doc = put(a_doc, {("place", "camp"): place})
    sent = send(alice, a_link, a_doc, texts)
    assert sent.written == 1
    a_link = sent.link
    store_doc, _, versions = fetch(bob, "t")
    b_doc, b_link = rebase(b_link, b_doc, store_doc, versions)
    event = copy.deepcopy(items_of(b_doc)[("event", "battle")])
    event["id"] = "raid"
    event["location"] = {**event["location"], "place": "camp"}
    b_doc = put(b_doc, {("event", "raid"): event})
    # Alice deletes the place, which in her copy nothing uses
    a_doc = put(a_doc, {("place", "camp"): None})
    assert send(alice, a_link, a_doc, texts).written == 1
    with pytest.raises(StoreError, match="cannot stand together"):
        send(bob, b_link, b_doc, texts)
    assert stored(alice, "event", "raid") is None  # nothing of Bob's send was written


def test_a_new_item_gets_its_point_and_days_and_the_title_is_shared(two_clients):
    url, alice, bob = two_clients
    a_doc, texts, a_link = open_link(alice, url, "t")
    event = copy.deepcopy(items_of(a_doc)[("event", "battle")]) | {"id": "raid2"}
    a_doc = put(a_doc, {("event", "raid2"): event})
    a_doc = {**a_doc, "title": "Tinzaouaten, shared"}
    sent = send(alice, a_link, a_doc, texts)
    assert sent.written == 2
    row = alice.execute(
        "SELECT ST_X(geom), first_day::text, last_day::text FROM mapapp.items WHERE id = 'raid2'"
    ).fetchone()
    assert row[1:] == ("2024-07-25", "2024-07-27") and row[0] is not None
    b_doc, _, _ = open_link(bob, url, "t")
    assert b_doc["title"] == "Tinzaouaten, shared"
    assert json.dumps(b_doc) == json.dumps(a_doc)  # the same document, order and all


def test_every_kind_of_item_can_be_edited(two_clients):
    """An actor, a place and an event without a radius: each edit is written (their
    point, radius and days are set again from the edit, typed as the columns are)."""
    url, alice, _bob = two_clients
    doc, texts, link = open_link(alice, url, "t")
    items = items_of(doc)
    actor = next(k for k in items if k[0] == "actor")
    no_radius = next(
        k for k, v in items.items() if k[0] == "event" and "radius_km" not in v.get("location", {})
    )
    doc = edited(doc, *actor, name="Renamed actor")
    doc = edited(doc, "place", "tinzaouaten", name="Tinzaouaten (edited)")
    doc = edited(doc, *no_radius, title="An event without a radius, edited")
    sent = send(alice, link, doc, texts)
    assert sent.written == 3 and not sent.conflicts
    assert stored(alice, *actor)["name"] == "Renamed actor"
    assert stored(alice, "place", "tinzaouaten")["name"] == "Tinzaouaten (edited)"
    assert stored(alice, *no_radius)["title"] == "An event without a radius, edited"


def test_restore_brings_sources_back_and_never_leaves_a_broken_situation(two_clients):
    """A claim citing a source, both deleted: restoring to before brings both back (the
    history keeps sources too). Found in review: the source stayed gone and the store
    was left invalid for every window."""
    import time
    from datetime import datetime, timezone

    from mapapp.model.validation import validate
    from mapapp.store.history import restore
    from mapapp.store.situations import pull_situation

    url, alice, _ = two_clients
    claim = {
        "id": "bbc-says",
        "claimant": "bbc",
        "statement": "BBC says so.",
        "status": "unverified",
        "about": ["battle"],
        "citations": [{"source": "bbc"}],
    }
    doc, texts, link = open_link(alice, url, "t")
    sent = send(alice, link, put(doc, {("claim", "bbc-says"): claim}), texts)
    assert sent.written == 1
    time.sleep(0.05)
    t1 = datetime.now(timezone.utc)
    time.sleep(0.05)
    doc, texts, link = open_link(alice, url, "t")
    gone = put(doc, {("claim", "bbc-says"): None, ("source", "bbc"): None})
    assert send(alice, link, gone, texts).written == 2
    assert restore(alice, "t", t1) == 2
    doc, texts = pull_situation(alice, "t")
    assert {("claim", "bbc-says"), ("source", "bbc")} <= set(items_of(doc))
    assert validate(doc, None, texts)[0] == []
    # a restore that would leave it invalid is refused whole: the article's text is not
    # in the history, so a deleted article cannot come back from it
    doc, texts, link = open_link(alice, url, "t")
    t2 = datetime.now(timezone.utc)
    time.sleep(0.05)
    cited = [c for c in doc["claims"] if any(x["source"] == "article" for x in c["citations"])]
    assert cited  # the article is cited: deleting it takes an edit the store refuses
    with pytest.raises(StoreError):
        send(alice, link, put(doc, {("source", "article"): None}), texts)
    assert restore(alice, "t", t2) == 0
