"""Two analysts editing one stored situation at once: no saved word is ever lost. Edits of
different items or different fields merge on their own; the same field changed two ways
is a conflict with mine, theirs and the base, and the store keeps theirs until decided.
A last-writer-wins store fails the same check. A client killed mid-save leaves nothing."""

from __future__ import annotations

import copy
import itertools
import os
import signal
import subprocess
import sys
import time

import pytest
from cli_run import ROOT, mapapp

from mapapp.store.saving import Conflict, Saved, merge, read_item, save_item

SEED = ROOT / "seeds" / "tinzaouaten-2024.situation.json"
_names = itertools.count()


@pytest.fixture
def two_clients(pg):
    """Alice's and Bob's connections to a store holding the Tinzaouaten situation."""
    import psycopg

    url = pg.create_database(f"edits{next(_names)}")
    assert mapapp("store", "init", url).returncode == 0
    assert mapapp("store", "push", SEED, url, "--as", "t").returncode == 0
    alice, bob = psycopg.connect(url, autocommit=True), psycopg.connect(url, autocommit=True)
    yield alice, bob
    alice.close()
    bob.close()


def edit(doc: dict, **changes) -> dict:
    out = copy.deepcopy(doc)
    out.update(changes)
    return out


def lost_words(save, alice, bob) -> list[str]:
    """Alice and Bob both start from the battle as stored; Alice saves a new title, then
    Bob, who never saw it, saves a new summary. What of their words did the store lose?"""
    base, version = read_item(alice, "t", "event", "battle")
    save(alice, edit(base, title="Battle of Tinzaouaten"), base, version)
    save(bob, edit(base, summary="Two days of fighting, by Bob."), base, version)
    now, _ = read_item(alice, "t", "event", "battle")
    lost = []
    if now["title"] != "Battle of Tinzaouaten":
        lost.append("Alice's title")
    if now["summary"] != "Two days of fighting, by Bob.":
        lost.append("Bob's summary")
    return lost


def ours(conn, doc, base, version):
    return save_item(conn, "t", "event", doc, base, version)


def last_writer_wins(conn, doc, base, version):
    """What QGIS on PostGIS does: the last save replaces the row."""
    import json

    conn.execute(
        "UPDATE mapapp.items SET doc = %s WHERE kind = 'event' AND id = %s",
        (json.dumps(doc), doc["id"]),
    )


def test_different_fields_merge_and_no_word_is_lost(two_clients):
    alice, bob = two_clients
    assert lost_words(ours, alice, bob) == []
    _now, version = read_item(alice, "t", "event", "battle")
    assert version == 3  # Alice's save, then Bob's merged onto it


def test_a_last_writer_wins_store_loses_alice_s_title(two_clients):
    alice, bob = two_clients
    assert lost_words(last_writer_wins, alice, bob) == ["Alice's title"]


def test_the_same_field_two_ways_is_a_conflict_and_theirs_stays(two_clients):
    alice, bob = two_clients
    base, version = read_item(alice, "t", "event", "battle")
    saved = save_item(alice, "t", "event", edit(base, title="A"), base, version)
    assert isinstance(saved, Saved) and saved.version == version + 1
    result = save_item(bob, "t", "event", edit(base, title="B", summary="S"), base, version)
    assert isinstance(result, Conflict)
    assert result.fields == ("title",)
    assert (result.base["title"], result.mine["title"], result.theirs["title"]) == (
        base["title"], "B", "A",
    )  # fmt: skip
    assert result.by == "mapapp_admin" and result.version == version + 1
    now, now_version = read_item(bob, "t", "event", "battle")
    assert now["title"] == "A" and now["summary"] == base["summary"]  # nothing of Bob's yet
    assert now_version == version + 1
    # Bob keeps his title after seeing both: saved against the version he has now seen
    chosen = edit(result.theirs, title="B", summary="S")
    kept = save_item(bob, "t", "event", chosen, result.theirs, result.version)
    assert isinstance(kept, Saved) and kept.doc["title"] == "B"


def test_edits_of_different_items_never_meet(two_clients):
    alice, bob = two_clients
    battle, v1 = read_item(alice, "t", "event", "battle")
    other_id = next(
        r[0] for r in alice.execute("SELECT id FROM mapapp.items WHERE kind = 'actor' LIMIT 1")
    )
    actor, v2 = read_item(bob, "t", "actor", other_id)
    assert isinstance(save_item(alice, "t", "event", edit(battle, title="X"), battle, v1), Saved)
    saved = save_item(bob, "t", "actor", edit(actor, name="Y"), actor, v2)
    assert isinstance(saved, Saved) and not saved.merged


def test_merge_by_field():
    base = {"id": "e", "title": "t", "summary": "s", "actors": ["a"]}
    mine = {"id": "e", "title": "T", "summary": "s", "actors": ["a"], "note": "n"}
    theirs = {"id": "e", "title": "t", "summary": "S", "actors": ["a", "b"]}
    merged, clashes = merge(base, mine, theirs)
    assert merged == {"id": "e", "title": "T", "summary": "S", "actors": ["a", "b"], "note": "n"}
    assert clashes == ()
    _, clashes = merge(base, {**mine, "summary": "mine"}, theirs)
    assert clashes == ("summary",)


def test_a_client_killed_mid_save_leaves_the_item_as_it_was(two_clients, pg):
    alice, _ = two_clients
    before, version = read_item(alice, "t", "event", "battle")
    url = alice.info.dsn + " password=" + pg.admin_url().split(":")[2].split("@")[0]
    script = (
        "import sys, time, psycopg\n"
        "c = psycopg.connect(sys.argv[1])\n"
        'c.execute("UPDATE mapapp.items SET doc = \'{\\"id\\": \\"battle\\"}\' '
        "WHERE kind = 'event' AND id = 'battle'\")\n"
        "print('written', flush=True)\n"
        "time.sleep(60)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", script, url], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "written"  # inside its transaction
    os.kill(child.pid, signal.SIGKILL)
    child.wait(10)
    time.sleep(0.2)
    after, after_version = read_item(alice, "t", "event", "battle")
    assert (after, after_version) == (before, version)
    changes = alice.execute(
        "SELECT count(*) FROM mapapp.changes WHERE item = 'battle' AND action = 'update'"
    ).fetchone()[0]
    assert changes == 0


def test_a_viewer_cannot_change_anything_even_with_psql(two_clients, pg):
    """Roles are the database's: mapapp_viewer reads, mapapp_editor also writes, and the
    history is the trigger's alone — refused to a viewer, and to an editor by hand."""
    import psycopg

    alice_admin, _ = two_clients
    db = alice_admin.info.dbname
    with psycopg.connect(pg.admin_url(db), autocommit=True) as admin:
        for role, group in (("alice", "mapapp_editor"), ("victor", "mapapp_viewer")):
            exists = admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
            if exists.fetchone() is None:
                admin.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{role}-pw'")
            admin.execute(f"GRANT {group} TO {role}")
    victor = psycopg.connect(pg.url(db, "victor", "victor-pw"), autocommit=True)
    alice = psycopg.connect(pg.url(db, "alice", "alice-pw"), autocommit=True)
    try:
        base, version = read_item(victor, "t", "event", "battle")  # a viewer reads
        for sql in (
            "UPDATE mapapp.items SET doc = '{}' WHERE id = 'battle'",
            "DELETE FROM mapapp.items WHERE id = 'battle'",
            "INSERT INTO mapapp.changes (situation, kind, item, action)"
            " VALUES (1, 'x', 'y', 'insert')",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                victor.execute(sql)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            save_item(victor, "t", "event", edit(base, title="V"), base, version)
        saved = save_item(alice, "t", "event", edit(base, title="By Alice"), base, version)
        assert isinstance(saved, Saved)
        who = alice.execute(
            "SELECT by FROM mapapp.changes WHERE item = 'battle' ORDER BY seq DESC LIMIT 1"
        ).fetchone()[0]
        assert who == "alice"
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # no forged history
            alice.execute("DELETE FROM mapapp.changes")
        assert read_item(victor, "t", "event", "battle")[0]["title"] == "By Alice"
    finally:
        victor.close()
        alice.close()


def test_another_analyst_s_save_is_heard_within_a_second(two_clients, pg):
    """A window listening on its own connection hears Bob's saved change — which item,
    which version, who — well within a second, and nothing of another situation."""
    import threading

    from mapapp.store.live import Listener

    alice, bob = two_clients
    db = alice.info.dbname
    listener = Listener(pg.admin_url(db), "t")
    heard: list = []
    started = threading.Event()

    def listen() -> None:
        started.set()
        for change in listener.changes(timeout=5):
            heard.append((change, time.monotonic()))
            break

    thread = threading.Thread(target=listen)
    thread.start()
    started.wait(5)
    time.sleep(0.2)  # listening
    base, version = read_item(bob, "t", "event", "battle")
    saved_at = time.monotonic()
    assert isinstance(save_item(bob, "t", "event", edit(base, title="B"), base, version), Saved)
    thread.join(10)
    listener.close()
    (change, at) = heard[0]
    assert (change.kind, change.item, change.action, change.version) == (
        "event", "battle", "update", version + 1,
    )  # fmt: skip
    assert change.by == "mapapp_admin"
    assert at - saved_at < 1.0
