"""The shared window when things happen at once (found in review, each a lost word before
it was fixed): Undo after another analyst saved into the same item, an edit made while a
send is out, two conflicts answered back to back, Save answered while a conflict waits,
a source another analyst added with its text, a viewer's every way to edit, and a server
that stops answering rather than refusing."""

from __future__ import annotations

import copy

import psycopg
from test_store_window import ROOT, alice_saves, open_shared, retitle, stored_event, window_event

from mapapp.model.doc_patch import items_of, put
from mapapp.store.sync import fetch, open_link, send

B, A = ("event", "battle"), ("event", "ambush")


def edit(w, item: str, **fields) -> None:
    def change(doc: dict) -> dict:
        event = copy.deepcopy(items_of(doc)[("event", item)]) | fields
        return put(doc, {("event", item): event})

    assert w.session.edit("Edit", change)


def test_undo_and_redo_keep_what_another_analyst_saved_in_the_same_item(
    qtbot, store_window, shared
):
    w = store_window
    open_shared(qtbot, w, shared["admin"])
    retitle(w, "battle", "My title")
    qtbot.waitUntil(w.session.undo_stack.isClean, timeout=3000)
    alice_saves(shared["alice"], "battle", summary="Alice's summary.")
    qtbot.waitUntil(
        lambda: window_event(w, "battle")["summary"] == "Alice's summary.", timeout=2000
    )
    w.session.undo_stack.undo()  # my title goes, Alice's summary stays
    qtbot.waitUntil(lambda: stored_event(shared["admin"], "battle")["title"] != "My title",
                    timeout=3000)  # fmt: skip
    assert stored_event(shared["admin"], "battle")["summary"] == "Alice's summary."
    w.session.undo_stack.redo()
    qtbot.waitUntil(lambda: stored_event(shared["admin"], "battle")["title"] == "My title",
                    timeout=3000)  # fmt: skip
    assert stored_event(shared["admin"], "battle")["summary"] == "Alice's summary."


def test_undo_is_refused_when_another_analyst_changed_the_same_field(qtbot, store_window, shared):
    w = store_window
    open_shared(qtbot, w, shared["admin"])
    retitle(w, "battle", "My title")
    qtbot.waitUntil(w.session.undo_stack.isClean, timeout=3000)
    alice_saves(shared["alice"], "battle", title="Alice's title")
    qtbot.waitUntil(lambda: window_event(w, "battle")["title"] == "Alice's title", timeout=2000)
    warned = []
    w.session.warned.connect(lambda message, _what: warned.append(message))
    w.session.undo_stack.undo()
    assert warned and "others changed what it would change" in warned[0]
    assert window_event(w, "battle")["title"] == "Alice's title"


def test_an_edit_made_while_a_send_is_out_keeps_what_the_merge_brought(qtbot, store_window, shared):
    w = store_window
    open_shared(qtbot, w, shared["admin"])
    w.session.store.hearing.stop()
    alice_saves(shared["alice"], "battle", title="Alice's title")
    edit(w, "battle", summary="My summary v1")
    w.session.store.send_now()
    assert w.session.store.in_flight
    edit(w, "battle", summary="My summary v2")  # typed before the answer came
    qtbot.waitUntil(
        lambda: stored_event(shared["admin"], "battle")["summary"] == "My summary v2",
        timeout=3000,
    )
    assert stored_event(shared["admin"], "battle")["title"] == "Alice's title"
    assert window_event(w, "battle")["title"] == "Alice's title"


def test_two_conflicts_answered_back_to_back_are_not_asked_again(qtbot, store_window, shared):
    w = store_window
    open_shared(qtbot, w, shared["admin"])
    w.session.store.hearing.stop()
    alice_saves(shared["alice"], "battle", title="Alice battle")
    alice_saves(shared["alice"], "ambush", title="Alice ambush")
    retitle(w, "battle", "My battle")
    retitle(w, "ambush", "My ambush")
    qtbot.waitUntil(lambda: len(w.session.store.conflicts) == 2, timeout=3000)
    w.store_view.conflict_box._decided("mine")
    assert w.session.store.in_flight
    w.store_view.conflict_box._decided("mine")  # while the first decision is out
    asked = []
    w.session.store.conflicted.connect(lambda c: asked.append(c.item))
    qtbot.waitUntil(lambda: stored_event(shared["admin"], "ambush")["title"] == "My ambush",
                    timeout=3000)  # fmt: skip
    assert stored_event(shared["admin"], "battle")["title"] == "My battle"
    qtbot.wait(300)
    assert asked == [] and w.store_view.button.text() == "Shared: t · all changes saved"


def test_save_answered_while_a_conflict_waits_keeps_the_window(qtbot, store_window, shared):
    w = store_window
    open_shared(qtbot, w, shared["admin"])
    w.session.store.hearing.stop()
    alice_saves(shared["alice"], "battle", title="Alice's title")
    retitle(w, "battle", "My title")
    qtbot.waitUntil(lambda: bool(w.session.store.conflicts), timeout=3000)
    w.session.ask_discard = lambda _s: "save"  # the user answers Save, then opens a file
    assert not w.session.open_file(ROOT / "seeds" / "tinzaouaten-2024.situation.json")
    assert w.session.store is not None and window_event(w, "battle")["title"] == "My title"
    assert w.autosave.file.exists()  # and the recovery file keeps it


def test_a_source_another_analyst_added_comes_with_its_text(qtbot, store_window, shared):
    w = store_window
    open_shared(qtbot, w, shared["admin"])
    with psycopg.connect(shared["alice"], autocommit=True) as c:
        doc, texts, link = open_link(c, shared["alice"], "t")
        source = {"id": "second", "kind": "article", "title": "A second article",
                  "text_file": "second.txt"}  # fmt: skip
        sent = send(c, link, {**doc, "sources": [*doc["sources"], source]},
                    {**texts, "second": "Fighting resumed near Tinzaouaten."})  # fmt: skip
        assert sent.written == 1
    qtbot.waitUntil(lambda: "second" in w.session.situation.texts(), timeout=2000)
    assert w.session.situation.texts()["second"] == "Fighting resumed near Tinzaouaten."
    alice_saves(shared["alice"], "battle", summary="Alice's later summary.")
    qtbot.waitUntil(
        lambda: window_event(w, "battle")["summary"] == "Alice's later summary.", timeout=2000
    )


def test_a_viewer_cannot_edit_by_any_way(qtbot, store_window, shared):
    w = store_window
    open_shared(qtbot, w, shared["victor"])
    assert not w.session.edit("Edit", lambda d: d)  # every edit path ends in edit()
    assert w.session.undo_stack.count() == 0
    assert not w.session.save()  # says Save as keeps a copy
    from PySide6.QtWidgets import QMenu

    from mapapp.ui.article_finds import read_only

    menu = QMenu()
    menu.addAction("Show X").setData("show")
    menu.addAction("New event…")
    read_only(menu, w.session.editable())
    assert [a.isEnabled() for a in menu.actions()] == [True, False]


def test_a_server_that_stops_answering_counts_as_away_and_nothing_blocks(
    qtbot, store_window, shared, pg, monkeypatch
):
    import time

    from freezing_proxy import FreezingProxy

    from mapapp.ui import store_sync

    monkeypatch.setattr(store_sync, "HUNG_MS", 1500)
    proxy = FreezingProxy(pg.port)
    try:
        url = shared["admin"].replace(f":{pg.port}/", f":{proxy.port}/")
        w = store_window
        open_shared(qtbot, w, url)
        proxy.frozen.set()
        retitle(w, "battle", "Edited while the store hangs")
        qtbot.waitUntil(lambda: "unreachable" in w.store_view.button.text(), timeout=5000)
        record = w.autosave.file.read_text(encoding="utf-8")
        assert "Edited while the store hangs" in record  # written aside
        started = time.monotonic()
        w.session.ask_discard = lambda _s: "discard"
        assert w.session.open_file(ROOT / "seeds" / "tinzaouaten-2024.situation.json")
        assert time.monotonic() - started < 1.0  # leaving a hung store never waits on it
    finally:
        proxy.close()
    with psycopg.connect(shared["admin"], autocommit=True) as conn:
        data, _, _ = fetch(conn, "t")
    assert items_of(data)[B]["title"] != "Edited while the store hangs"  # discarded on purpose


def test_a_send_given_up_on_that_commits_later_is_not_a_conflict_with_oneself(
    qtbot, store_window, shared
):
    """The watchdog gives up on a send held by a lock elsewhere; the send commits after
    all; the user's next edit of the same field goes on top of their own, not into a
    conflict with themselves (found in review)."""
    w = store_window
    open_shared(qtbot, w, shared["alice"])
    sync = w.session.store
    sync.watchdog.setInterval(1500)
    admin = psycopg.connect(shared["admin"])  # a long transaction elsewhere holds the lock
    admin.execute("SELECT id FROM mapapp.situations WHERE name = 't' FOR UPDATE")
    retitle(w, "battle", "A1")
    qtbot.waitUntil(lambda: not sync.online, timeout=5000)
    retitle(w, "battle", "A2")
    admin.commit()
    admin.close()
    qtbot.waitUntil(lambda: stored_event(shared["admin"], "battle")["title"] == "A2",
                    timeout=10000)  # fmt: skip
    assert not sync.conflicts
    qtbot.waitUntil(lambda: w.store_view.button.text() == "Shared: t · all changes saved",
                    timeout=5000)  # fmt: skip
