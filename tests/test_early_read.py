"""A file named on the command line is read in a second process while the window starts:
its markers come first (the table's own), the table is what the window would have read
itself, the child goes when the window gives up on it, and whatever the child cannot do
the window does itself."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mapapp.exchange import convert, table_cache
from mapapp.exchange.early_read import EarlyRead, early_read
from mapapp.exchange.table_cache import Markers
from tests.benchmarks.make_acled import write


@pytest.fixture
def cache_home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))  # the child inherits it
    return home


@pytest.fixture
def acled(tmp_path) -> Path:
    return write(500, tmp_path / "acled-500.csv")


def test_the_child_hands_over_the_markers_then_the_window_has_the_table(cache_home, acled):
    seen: list[str] = []
    stages: list[str] = []
    early = EarlyRead(acled)
    situation, key = early.result(
        lambda f, stage: seen.append("progress") or stages.append(stage),
        lambda markers: seen.append(f"markers {len(markers.x)}"),
    )
    direct = convert.read_any(acled)
    assert situation.table.frame.equals(direct.table.frame)
    assert situation.table.raw.equals(direct.table.raw)
    assert (situation.table.raw_event == direct.table.raw_event).all()
    assert (situation.title, situation.data_date) == (direct.title, direct.data_date)
    assert "reading" in stages and seen[0] == "progress"
    assert seen.count("markers 500") == 1  # once, after the reading and checking
    assert key is not None  # the window caches it after its first frame
    assert early.proc.wait(timeout=30) == 0


def _markers_files(folder: Path) -> list[Path]:
    return list(folder.glob("mapapp-markers-*"))


def test_the_child_leaves_as_soon_as_the_window_does(cache_home, tmp_path, monkeypatch):
    big = write(20_000, tmp_path / "big.csv")
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # where the child leaves its markers
    early = EarlyRead(big)
    early.proc.stdin.close()  # what the window's exit does to it
    assert early.proc.wait(timeout=20) == 0
    time.sleep(1.5)  # it would have read, checked and handed over 20,000 rows by now
    assert _markers_files(tmp_path) == []


def test_cancel_stops_the_child_and_the_reading(cache_home, tmp_path, monkeypatch):
    big = write(20_000, tmp_path / "big.csv")
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    early = EarlyRead(big)

    class Cancelled(Exception):
        pass

    def progress(fraction, stage):
        raise Cancelled  # the load job's Cancel, at the first stage it hears of

    with pytest.raises(Cancelled):
        early.result(progress)
    assert early.proc.wait(timeout=20) != 0  # killed
    time.sleep(1.5)
    assert _markers_files(tmp_path) == []


def test_an_unwritable_cache_folder_makes_the_window_read_itself(tmp_path, monkeypatch, acled):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    reads: list[Path] = []
    real = convert.read_any
    monkeypatch.setattr(convert, "read_any", lambda p, progress=None: reads.append(p) or real(p))
    situation, _ = EarlyRead(acled).result(lambda f, s: None)
    assert reads == [acled]  # read here, since the child could not hand it over
    assert situation.table.frame.equals(real(acled).table.frame)


def _opened_and_cached(path: Path) -> None:
    """A first start: the child's markers, the window's table, cached after its frame."""
    situation, key = EarlyRead(path).result(lambda f, s: None)
    assert table_cache.store(key, situation.table, situation.data_date) is not None


def test_the_command_line_takes_the_cached_markers_instead_of_a_child(cache_home, acled):
    assert isinstance(early_read(str(acled), "en"), EarlyRead)  # nothing cached yet: a child
    _opened_and_cached(acled)
    again = early_read(str(acled), "en")
    assert isinstance(again, Markers) and len(again.x) == 500
    assert early_read(str(acled.with_suffix(".json")), "en") is None  # not a CSV: the window


def test_the_window_opens_a_csv_from_the_command_line_through_the_child(cache_home, acled):
    """The first frame with the file's events is painted, and the window leaves cleanly
    (its child with it)."""
    env = dict(os.environ, MAPAPP_EXIT_AFTER_FIRST_PAINT="1", QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [sys.executable, "-m", "mapapp", str(acled)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "error" not in run.stderr


@pytest.mark.parametrize("source", ["generated", "exported"])
def test_the_markers_drawn_before_the_table_are_the_tables_own(tmp_path, source, acled):
    """The child draws markers from the checked rows, before the events table is built:
    the same places and types, an exported event's days one marker (its first day's)."""
    import numpy as np

    from mapapp.exchange import acled_table
    from mapapp.model.io import default_situation_path

    if source == "exported":  # the embedded situation as ACLED rows: multi-day events tagged
        path = tmp_path / "tinzaouaten.csv"
        subprocess.run(
            [sys.executable, "-m", "mapapp", "convert", str(default_situation_path()), "-o",
             str(path)], check=True, capture_output=True, timeout=120,
        )  # fmt: skip
    else:
        path = acled
    frame, numbers = acled_table.acled_checked(acled_table.read_acled_rows(path), path)
    rows, types = acled_table.row_markers(frame, numbers)
    lon, lat, codes = (rows[c].to_numpy() for c in ("lon", "lat", "code"))
    early = table_cache.markers_of(lon, lat, codes, types)
    final = table_cache.table_markers(acled_table.read_acled_table(path))
    if source == "exported":
        assert frame.height > len(final.x)  # some events span several rows
    assert np.array_equal(early.x, final.x) and np.array_equal(early.y, final.y)
    assert [early.types[c] for c in early.codes] == [final.types[c] for c in final.codes]


@pytest.mark.parametrize(("lang", "words"), [("en", "line "), ("fr", "ligne ")])
def test_the_child_speaks_the_windows_language(cache_home, tmp_path, lang, words):
    """A bad file's problems come from the child worded in the language the window gave
    it, and the child names that language (one the window no longer speaks is not
    believed: the window reads the file itself)."""
    import json

    bad = tmp_path / "bad.csv"
    text = write(50, tmp_path / "good.csv").read_text(encoding="utf-8").splitlines()
    text[3] = text[3].replace(",", ",not-a-number,", 1)  # one field too many on line 4
    bad.write_text("\n".join(text) + "\n", encoding="utf-8")
    early = EarlyRead(bad, lang)  # its stdin stays open while the window is there
    messages = [json.loads(line) for line in early.proc.stdout]
    early.cancel()
    error = next(m["error"] for m in messages if "error" in m)
    assert error["language"] == lang
    assert all(path.startswith(words) for path, _ in error["problems"]), error["problems"]
