"""Saving never loses work: a situation file is validated before it is written, written
atomically (fsync, rename) with the previous version kept as NAME.bak, and a writer killed
at any moment leaves the old version or the new one, whole — never a mix or nothing."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mapapp.model.files import SituationError
from mapapp.model.io import default_situation_path, load_situation, save_situation
from tests.cli_run import mapapp

ROOT = Path(__file__).resolve().parents[1]

# The child saves two versions of the situation to one file, alternately, as fast as it
# can; it prints "w" as each write begins, so the parent can kill it during the write.
CHILD = """
import sys
from pathlib import Path

import mapapp.atomic as atomic
from mapapp.model.io import default_situation_path, load_situation, save_situation

real = atomic.write_atomically
def announced(path, write, backup=False):
    print("w", flush=True)
    return real(path, write, backup)
atomic.write_atomically = announced

target = Path(sys.argv[1])
versions = []
for title, size in (("Version A", 10), ("Version B", 20_000)):
    s = load_situation(default_situation_path())
    s.raw = {**s.raw, "title": title, "description": "d" * size}
    versions.append(s)
save_situation(versions[0], target)
print("ready", flush=True)
while True:
    for s in versions:
        save_situation(s, target)
"""


def _titles_on_disk(folder: Path) -> list[str]:
    out = []
    for name in ("t.situation.json", "t.situation.json.bak"):
        path = folder / name
        if path.exists():
            data = json.loads(path.read_text(encoding="utf-8"))  # whole JSON, or it raises
            out.append(data["title"][:9])
    return out


def test_a_writer_killed_at_any_moment_leaves_an_old_or_new_whole_file(tmp_path):
    from shutil import copy

    article = default_situation_path().parent
    for source in load_situation(default_situation_path()).sources.values():
        if source.text_file:
            copy(article / source.text_file, tmp_path / source.text_file)
    target = tmp_path / "t.situation.json"
    rng = random.Random(20240727)
    kills = 0
    for _ in range(25):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(target)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout.readline().strip() == "w"  # the first save
        assert child.stdout.readline().strip() == "ready"
        for _ in range(rng.randrange(1, 6)):  # a few saves in, then during one
            assert child.stdout.readline().strip() == "w"
        time.sleep(rng.uniform(0.0, 0.004))
        assert child.poll() is None
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        kills += 1
        titles = _titles_on_disk(tmp_path)
        assert titles[0] in ("Version A", "Version B")
        assert all(t in ("Version A", "Version B") for t in titles)
        r = mapapp("validate", str(target))
        assert r.returncode == 0, r.stdout + r.stderr
    assert kills == 25


def test_the_previous_version_is_kept_and_an_invalid_situation_is_not_written(tmp_path):
    s = load_situation(default_situation_path())
    target = tmp_path / "s.situation.json"
    save_situation(s, target)  # the article it cites is written beside it
    assert (tmp_path / s.article().text_file).read_text(encoding="utf-8") == s.article().text
    first = target.read_bytes()
    s.raw = {**s.raw, "title": "Second"}
    save_situation(s, target)
    assert (tmp_path / "s.situation.json.bak").read_bytes() == first
    assert json.loads(target.read_text(encoding="utf-8"))["title"] == "Second"
    broken = load_situation(default_situation_path())
    event = dict(broken.raw["events"][0], location={"precision": "exact", "place": "nowhere"})
    broken.raw = {**broken.raw, "events": [event, *broken.raw["events"][1:]]}
    with pytest.raises(SituationError) as err:
        save_situation(broken, target)
    assert any("$.events[0]" in str(p) for p in err.value.problems)
    assert json.loads(target.read_text(encoding="utf-8"))["title"] == "Second"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]
    assert leftovers == []


def test_save_as_then_save_from_the_window(situation_window, tmp_path, monkeypatch, qtbot):
    from PySide6.QtWidgets import QFileDialog

    w = situation_window
    target = tmp_path / "copy"
    asked = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *a, **k: (asked.append(1), (str(target), ""))[1],
    )
    w.session.save()  # the embedded situation is never written over: Save asks where
    saved = tmp_path / "copy.json"
    assert asked == [1] and saved.exists() and w.session.situation.path == saved
    r = mapapp("validate", str(saved))
    assert r.returncode == 0, r.stdout + r.stderr
    w.session.save()  # now it writes back there, keeping the previous version
    assert asked == [1] and (tmp_path / "copy.json.bak").exists()
    assert f"Saved {saved}" in w.message_label.text()
