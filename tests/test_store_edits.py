"""Two analysts editing one stored situation at once, through what the window uses
(mapapp/store/sync.py): no saved word is ever lost. Edits of different items or different
fields merge on their own; the same field changed two ways is a conflict with mine, theirs
and the base, and the store keeps theirs until decided. A last-writer-wins store fails the
same check. A client killed mid-send leaves nothing."""

from __future__ import annotations

import copy
import itertools
import os
import signal
import subprocess
import sys
import time

import psycopg
import pytest
from cli_run import ROOT

from mapapp.model.doc_patch import items_of, merge, put
from mapapp.store.link import Conflict, resolve
from mapapp.store.sync import fetch, open_link, send

SEED = ROOT / "seeds" / "tinzaouaten-2024.situation.json"
BATTLE = ("event", "battle")
_names = itertools.count()


def edited(doc: dict, key: tuple[str, str], **fields) -> dict:
    """``doc`` with the item ``key`` given new ``fields``, as an edit in the window makes it."""
    item = copy.deepcopy(items_of(doc)[key])
    item.update(fields)
    return put(doc, {key: item})


def stored(conn, key: tuple[str, str]) -> tuple[dict | None, int | None]:
    """The item as the store holds it now, and its version."""
    data, _texts, versions = fetch(conn, "t")
    return items_of(data).get(key), versions.get(key)


def lost_words(save, url, alice, bob) -> list[str]:
    """Alice and Bob both open the situation as stored; Alice saves a new title for the
    battle, then Bob, who never saw it, saves a new summary. What of their words did the
    store lose?"""
    a_doc, texts, a_link = open_link(alice, url, "t")
    b_doc, _, b_link = open_link(bob, url, "t")
    save(alice, a_link, edited(a_doc, BATTLE, title="Battle of Tinzaouaten"), texts)
    save(bob, b_link, edited(b_doc, BATTLE, summary="Two days of fighting, by Bob."), texts)
    now, _ = stored(alice, BATTLE)
    lost = []
    if now["title"] != "Battle of Tinzaouaten":
        lost.append("Alice's title")
    if now["summary"] != "Two days of fighting, by Bob.":
        lost.append("Bob's summary")
    return lost


def ours(conn, link, mine, texts):
    return send(conn, link, mine, texts)


def last_writer_wins(conn, link, mine, texts):
    """What QGIS on PostGIS does: the last save replaces each row it edited."""
    import json

    for (kind, item), doc in link.unsent(mine).items():
        conn.execute(
            "UPDATE mapapp.items SET doc = %s WHERE kind = %s AND id = %s",
            (json.dumps(doc), kind, item),
        )


def test_different_fields_merge_and_no_word_is_lost(two_clients):
    url, alice, bob = two_clients
    assert lost_words(ours, url, alice, bob) == []
    _now, version = stored(alice, BATTLE)
    assert version == 3  # Alice's send, then Bob's merged onto it


def test_a_last_writer_wins_store_loses_alice_s_title(two_clients):
    url, alice, bob = two_clients
    assert lost_words(last_writer_wins, url, alice, bob) == ["Alice's title"]


def test_the_same_field_two_ways_is_a_conflict_and_theirs_stays(two_clients):
    url, alice, bob = two_clients
    a_doc, texts, a_link = open_link(alice, url, "t")
    b_doc, _, b_link = open_link(bob, url, "t")
    base, version = items_of(a_doc)[BATTLE], a_link.versions[BATTLE]
    sent = send(alice, a_link, edited(a_doc, BATTLE, title="A"), texts)
    assert sent.written == 1 and not sent.conflicts
    assert sent.link.versions[BATTLE] == version + 1
    sent = send(bob, b_link, edited(b_doc, BATTLE, title="B", summary="S"), texts)
    assert sent.written == 0 and not sent.adopted
    (conflict,) = sent.conflicts
    assert isinstance(conflict, Conflict)
    assert (conflict.kind, conflict.item, conflict.fields) == ("event", "battle", ("title",))
    assert conflict.base == base
    assert (conflict.base["title"], conflict.mine["title"], conflict.theirs["title"]) == (
        base["title"], "B", "A",
    )  # fmt: skip
    assert conflict.mine["summary"] == "S" and conflict.theirs["summary"] == base["summary"]
    assert conflict.by == "mapapp_admin" and conflict.version == version + 1
    now, now_version = stored(bob, BATTLE)
    assert now == conflict.theirs  # nothing of Bob's yet
    assert now["title"] == "A" and now["summary"] == base["summary"]
    assert now_version == version + 1
    # Bob keeps his title after seeing both: decided against the version he has now seen
    chosen = {**conflict.theirs, "title": "B", "summary": "S"}
    b_doc, b_link = resolve(sent.link, b_doc, conflict, chosen)
    kept = send(bob, b_link, b_doc, texts)
    assert kept.written == 1 and not kept.conflicts and not kept.adopted
    now, now_version = stored(alice, BATTLE)
    assert now == chosen and now["title"] == "B" and now_version == version + 2


def test_edits_of_different_items_never_meet(two_clients):
    url, alice, bob = two_clients
    a_doc, texts, a_link = open_link(alice, url, "t")
    b_doc, _, b_link = open_link(bob, url, "t")
    other = ("event", "ambush")
    sent = send(alice, a_link, edited(a_doc, BATTLE, title="X"), texts)
    assert sent.written == 1 and not sent.conflicts and not sent.adopted
    b_doc = edited(b_doc, other, title="Y")
    sent = send(bob, b_link, b_doc, texts)
    assert sent.written == 1 and not sent.conflicts and not sent.adopted  # nothing merged
    assert stored(alice, other)[0] == items_of(b_doc)[other]  # Bob's edit as he made it
    assert stored(alice, BATTLE)[0]["title"] == "X"  # and Alice's beside it


def test_merge_by_field():
    base = {"id": "e", "title": "t", "summary": "s", "actors": ["a"]}
    mine = {"id": "e", "title": "T", "summary": "s", "actors": ["a"], "note": "n"}
    theirs = {"id": "e", "title": "t", "summary": "S", "actors": ["a", "b"]}
    merged, clashes = merge(base, mine, theirs)
    assert merged == {"id": "e", "title": "T", "summary": "S", "actors": ["a", "b"], "note": "n"}
    assert clashes == ()
    _, clashes = merge(base, {**mine, "summary": "mine"}, theirs)
    assert clashes == ("summary",)


# A window that sends its edit and is killed inside the transaction: its connection's
# ``execute`` stops right after the item's UPDATE, says so, and waits to be killed.
_KILLED_MID_SEND = """
import copy, sys, time
import psycopg
from mapapp.model.doc_patch import items_of, put
from mapapp.store.sync import open_link, send

class StopsAfterTheUpdate(psycopg.Connection):
    def execute(self, query, *args, **kwargs):
        cursor = super().execute(query, *args, **kwargs)
        if str(query).startswith("UPDATE mapapp.items"):
            print("updated", self.info.backend_pid, flush=True)
            time.sleep(60)
        return cursor

conn = StopsAfterTheUpdate.connect(sys.argv[1], autocommit=True)
doc, texts, link = open_link(conn, sys.argv[1], "t")
battle = copy.deepcopy(items_of(doc)[("event", "battle")])
battle.update(title="Killed mid-send", summary="Never stored.")
send(conn, link, put(doc, {("event", "battle"): battle}), texts)
print("sent", flush=True)
"""


def test_a_client_killed_mid_save_leaves_the_item_as_it_was(two_clients, pg):
    _url, alice, _ = two_clients
    before = stored(alice, BATTLE)
    url = pg.admin_url(alice.info.dbname)
    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED_MID_SEND, url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        line = child.stdout.readline().split()
        if line[:1] != ["updated"]:
            child.kill()
            pytest.fail(f"the child never reached its UPDATE: {line} {child.stderr.read()}")
        backend = int(line[1])
        # inside its transaction: the row is written but not committed, and locked
        state = alice.execute(
            "SELECT state FROM pg_stat_activity WHERE pid = %s", (backend,)
        ).fetchone()
        assert state == ("idle in transaction",)
        with pytest.raises(psycopg.errors.LockNotAvailable):
            alice.execute(
                "SELECT 1 FROM mapapp.items WHERE kind = 'event' AND id = 'battle'"
                " FOR UPDATE NOWAIT"
            )
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)
    deadline = time.monotonic() + 10
    while alice.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", (backend,)).fetchone():
        assert time.monotonic() < deadline, "the server never noticed the killed client"
        time.sleep(0.05)
    with psycopg.connect(url, autocommit=True) as fresh:
        assert stored(fresh, BATTLE) == before
        changes = fresh.execute(
            "SELECT count(*) FROM mapapp.changes WHERE item = 'battle' AND action = 'update'"
        ).fetchone()[0]
        assert changes == 0


def test_a_viewer_cannot_change_anything_even_with_psql(two_clients, pg):
    """Roles are the database's: mapapp_viewer reads, mapapp_editor also writes, and the
    history is the trigger's alone — refused to a viewer, and to an editor by hand."""
    _url, admin_conn, _ = two_clients
    db = admin_conn.info.dbname
    roles = pg.team_roles(db)
    victor_url, alice_url = roles["victor"], roles["alice"]
    victor = psycopg.connect(victor_url, autocommit=True)
    alice = psycopg.connect(alice_url, autocommit=True)
    try:
        v_doc, texts, v_link = open_link(victor, victor_url, "t")  # a viewer reads
        assert not v_link.can_edit
        before = stored(victor, BATTLE)
        for sql in (
            "UPDATE mapapp.items SET doc = '{}' WHERE id = 'battle'",
            "DELETE FROM mapapp.items WHERE id = 'battle'",
            "INSERT INTO mapapp.changes (situation, kind, item, action)"
            " VALUES (1, 'x', 'y', 'insert')",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                victor.execute(sql)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # the database refuses
            send(victor, v_link, edited(v_doc, BATTLE, title="V"), texts)
        assert stored(victor, BATTLE) == before
        a_doc, texts, a_link = open_link(alice, alice_url, "t")
        sent = send(alice, a_link, edited(a_doc, BATTLE, title="By Alice"), texts)
        assert sent.written == 1 and not sent.conflicts
        who = alice.execute(
            "SELECT by FROM mapapp.changes WHERE item = 'battle' ORDER BY seq DESC LIMIT 1"
        ).fetchone()[0]
        assert who == "alice"
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # no forged history
            alice.execute("DELETE FROM mapapp.changes")
        assert stored(victor, BATTLE)[0]["title"] == "By Alice"
    finally:
        victor.close()
        alice.close()


def test_another_analyst_s_save_is_heard_within_a_second(two_clients, pg):
    """A window listening on its own connection hears Bob's sent change — which item,
    which version, who — well within a second, and nothing of another situation."""
    import threading

    from mapapp.store.live import Listener

    url, alice, bob = two_clients
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
    b_doc, texts, b_link = open_link(bob, url, "t")
    version = b_link.versions[BATTLE]
    saved_at = time.monotonic()
    assert send(bob, b_link, edited(b_doc, BATTLE, title="B"), texts).written == 1
    thread.join(10)
    listener.close()
    (change, at) = heard[0]
    assert (change.kind, change.item, change.action, change.version) == (
        "event", "battle", "update", version + 1,
    )  # fmt: skip
    assert change.by == "mapapp_admin"
    assert at - saved_at < 1.0
