"""Autosave and recovery: unsaved edits are written aside (every few edits, and by a timer),
removed when saved or undone, and restored after the app was killed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from mapapp.model.editing import add_item, new_id

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "seeds" / "000_631ddefb58e5ec4e.txt"
LEFT = Qt.MouseButton.LeftButton

# The app as a user runs it, in a child: it opens the article, makes edits through the
# window, says when its autosave is on disk, then waits to be killed.
CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from mapapp.ui.app import create_application
    from mapapp.render.basemap import default_basemap
    from mapapp.ui.main_window import MainWindow
    from mapapp.model.editing import add_item, new_id, selection

    app = create_application()
    w = MainWindow(default_basemap(), None)
    w.autosave.interval_ms = 300
    w.show()
    assert w.session.new_from_article_file(Path(sys.argv[1]))
    texts = {"article": w.session.situation.article().text}
    for name in sys.argv[2:]:
        start = texts["article"].index(name)
        sel = selection(texts, "article", start, start + len(name))
        actor = {"id": new_id(w.session.situation.raw, name), "name": name, "kind": "armed_group",
                 "citations": [sel.citation()]}
        add = lambda d, a=actor: add_item(d, "actors", a, texts)
        assert w.session.edit("New actor " + name, add)

    def check():
        if w.autosave.file.exists():
            print("AUTOSAVED", w.autosave.file, flush=True)
        else:
            QTimer.singleShot(50, check)

    QTimer.singleShot(50, check)
    app.exec()
    """
)


def run_child_until_autosaved(names: list[str]) -> tuple[subprocess.Popen, Path]:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(ARTICLE), *names],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    line = child.stdout.readline()
    assert line.startswith("AUTOSAVED"), line
    return child, Path(line.split(" ", 1)[1].strip())


def test_work_is_restored_after_the_app_is_killed(situation_window, qtbot, tmp_path):
    from mapapp.model.io import load_situation

    child, file = run_child_until_autosaved(["JNIM", "Wagner"])
    child.send_signal(signal.SIGKILL)
    child.wait(30)
    assert file.exists()  # a killed app cannot tidy up: its work is still on disk

    w = situation_window
    box = w.autosave.offer_recovery(w)
    assert box is not None and "never saved" in box.text()
    restore = next(b for b in box.buttons() if b.text() == "Restore")
    qtbot.mouseClick(restore, LEFT)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert [a.name for a in w.session.situation.actors.values()] == ["JNIM", "Wagner"]
    assert w.isWindowModified()  # restored work is unsaved work
    assert not file.exists()  # taken over: this session's own file replaces it
    assert w.autosave.file.exists()
    assert w.autosave.offer_recovery(w) is None  # nothing left to offer
    # saving writes it, with its article, and the recovery file goes
    assert w.session.save_to(tmp_path / "restored.situation.json")
    assert not w.autosave.file.exists()
    again = load_situation(tmp_path / "restored.situation.json")
    text = again.article().text
    for actor in again.actors.values():
        c = actor.citations[0]
        assert text[c.start : c.end] == c.quote == actor.name


def test_discard_removes_the_recovery_and_not_now_keeps_it(situation_window, qtbot):
    child, file = run_child_until_autosaved(["JNIM"])
    child.kill()
    child.wait(30)
    w = situation_window
    title = w.session.situation.title
    box = w.autosave.offer_recovery(w)
    later = next(b for b in box.buttons() if b.text() == "Not now")
    qtbot.mouseClick(later, LEFT)
    assert file.exists() and w.session.situation.title == title
    box = w.autosave.offer_recovery(w)
    qtbot.mouseClick(next(b for b in box.buttons() if b.text() == "Discard"), LEFT)
    assert not file.exists() and w.session.situation.title == title


def _add_actor(w, name: str) -> None:
    texts = {s.id: s.text for s in w.session.situation.sources.values() if s.text is not None}
    text = w.session.situation.article().text
    start = text.index(name)
    actor = {
        "id": new_id(w.session.situation.raw, name),
        "name": name,
        "kind": "armed_group",
        "citations": [
            {"source": "article", "start": start, "end": start + len(name), "quote": name}
        ],
    }
    assert w.session.edit(f"New actor {name}", lambda d: add_item(d, "actors", actor, texts))


def test_autosave_every_few_edits_and_on_the_timer_and_gone_when_clean(situation_window, qtbot):
    w = situation_window
    assert w.session.new_from_article_file(ARTICLE)
    saver = w.autosave
    saver.interval_ms = 60_000
    for name in ("JNIM", "Wagner", "Algeria", "Tuareg"):
        _add_actor(w, name)
    assert not saver.file.exists() and saver.timer.isActive()  # a minute not yet up
    _add_actor(w, "Russia")  # the fifth edit writes at once
    record = json.loads(saver.file.read_text(encoding="utf-8"))
    assert [a["name"] for a in record["document"]["actors"]][-1] == "Russia"
    assert record["texts"]["article"] == w.session.situation.article().text
    saver.interval_ms = 100
    w.session.undo_stack.undo()  # one more change: written when the timer fires
    qtbot.waitUntil(lambda: len(json.loads(saver.file.read_text())["document"]["actors"]) == 4)
    for _ in range(4):
        w.session.undo_stack.undo()
    assert w.session.undo_stack.isClean() and not saver.file.exists()  # back to as opened


@pytest.mark.parametrize("content", ["{", '{"format": "other"}', "[]"])
def test_broken_recovery_files_are_not_offered(situation_window, content):
    from mapapp.ui.user_files import recovery_folder

    folder = recovery_folder()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "999999999.recovery.json").write_text(content)
    try:
        assert situation_window.autosave.offer_recovery(situation_window) is None
    finally:
        (folder / "999999999.recovery.json").unlink()


def test_no_offer_when_nothing_was_lost(situation_window):
    assert situation_window.autosave.offer_recovery(situation_window) is None
