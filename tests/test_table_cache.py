"""The table cache: a second open of an ACLED file comes from it (the CSV reader is not
called), and anything that makes an entry untrustworthy — the file changed, a byte
flipped, the entry cut short — gives a fresh read with the right data, never a crash.
The early reader's errors are the reader's own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mapapp.exchange import convert, table_cache
from mapapp.exchange.early_read import EarlyRead, read_with_cache
from mapapp.model.files import SituationError
from tests.benchmarks.make_acled import write


def _noop(fraction: float, stage: str) -> None:
    pass


@pytest.fixture
def cache_home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


@pytest.fixture
def acled(tmp_path) -> Path:
    return write(400, tmp_path / "acled-400.csv")


@pytest.fixture
def reads(monkeypatch) -> list[Path]:
    """Every call of the CSV reader (which still reads)."""
    calls: list[Path] = []
    real = convert.read_any

    def counting(path, progress=None):
        calls.append(Path(path))
        return real(path, progress)

    monkeypatch.setattr(convert, "read_any", counting)
    return calls


def _cached(path: Path):
    situation, key = read_with_cache(path, _noop)
    assert key is not None
    assert table_cache.store(key, situation.table, situation.data_date) is not None
    return situation


def _same(a, b) -> None:
    assert a.table.frame.equals(b.table.frame)
    assert a.table.raw.equals(b.table.raw)
    assert (a.table.raw_event == b.table.raw_event).all()
    assert (a.title, a.data_date) == (b.title, b.data_date)


def test_a_second_open_comes_from_the_cache(cache_home, acled, reads):
    first = _cached(acled)
    assert reads == [acled]
    markers = []
    second, key = read_with_cache(acled, _noop, markers.append)
    assert reads == [acled] and key is None  # the CSV was not read again
    _same(first, second)
    assert len(markers) == 1 and len(markers[0].x) == 400
    assert sorted(set(markers[0].types)) == sorted(set(first.table.frame["type"].cast(str)))


def test_a_file_changed_on_disk_is_read_again(cache_home, acled, reads):
    _cached(acled)
    st = acled.stat()
    os.utime(acled, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    again, key = read_with_cache(acled, _noop)
    assert len(reads) == 2 and key is not None
    table_cache.store(key, again.table, again.data_date)
    write(399, acled)  # another file under the same name
    fresh, _ = read_with_cache(acled, _noop)
    assert len(reads) == 3 and len(fresh.table) == 399


@pytest.mark.parametrize("damage", ["flip", "truncate", "garbage"])
def test_a_damaged_entry_is_dropped_and_the_file_read_again(cache_home, acled, reads, damage):
    first = _cached(acled)
    entry = table_cache.entry_path(str(acled.resolve()))
    data = bytearray(entry.read_bytes())
    if damage == "flip":
        data[len(data) * 2 // 3] ^= 0xFF  # inside a segment
    elif damage == "truncate":
        data = data[: len(data) - 100]
    else:
        data = bytearray(b"not a cache at all")
    entry.write_bytes(bytes(data))
    assert table_cache.load_markers(acled) is None or damage == "flip"
    again, key = read_with_cache(acled, _noop)
    assert len(reads) == 2 and key is not None  # read from the CSV, to be stored again
    _same(first, again)


def test_an_unwritable_cache_folder_does_not_stop_opening(tmp_path, monkeypatch, acled, reads):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    situation, key = read_with_cache(acled, _noop)
    assert table_cache.store(key, situation.table, situation.data_date) is None
    again, _ = read_with_cache(acled, _noop)
    assert len(reads) == 2
    _same(situation, again)


def test_the_folder_keeps_the_most_recently_used_entries(cache_home, tmp_path, monkeypatch):
    a = _cached(write(300, tmp_path / "a.csv"))
    size = table_cache.entry_path(str(a.path.resolve())).stat().st_size
    monkeypatch.setattr(table_cache, "LIMIT", int(size * 2.5))
    for name in ("b", "c"):
        os.utime(table_cache.entry_path(str((tmp_path / "a.csv").resolve())), (1, 1))
        _cached(write(300, tmp_path / f"{name}.csv"))
    kept = {p.name for p in table_cache.cache_dir().iterdir()}
    assert len(kept) == 2
    assert table_cache.entry_path(str((tmp_path / "a.csv").resolve())).name not in kept


def test_the_early_read_raises_what_the_reader_raises(tmp_path, cache_home):
    bad = tmp_path / "bad.csv"
    bad.write_text("event_id_cnty,event_date\nX1,not a date\n", encoding="utf-8")
    with pytest.raises(SituationError) as direct:
        convert.read_any(bad)
    stages = []
    with pytest.raises(SituationError) as early:
        EarlyRead(bad).result(lambda f, s: stages.append(s))
    assert str(early.value) == str(direct.value)
    assert [p.message for p in early.value.problems] == [p.message for p in direct.value.problems]


def test_a_bad_file_on_the_command_line_still_fails_in_one_line(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("event_id_cnty,event_date\nX1,not a date\n", encoding="utf-8")
    env = dict(os.environ, MAPAPP_EXIT_AFTER_FIRST_PAINT="1", QT_QPA_PLATFORM="offscreen")
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    run = subprocess.run(
        [sys.executable, "-m", "mapapp", str(bad)], env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert run.returncode != 0
    errors = [line for line in run.stderr.splitlines() if line.startswith("mapapp: error:")]
    assert len(errors) == 1 and "bad.csv" in errors[0]


def test_the_window_caches_what_it_opened_and_opens_it_again_from_there(
    situation_window, cache_home, acled, reads, qtbot
):
    w = situation_window
    w.session.start_loading(acled)
    qtbot.waitUntil(lambda: w.session.situation.path == acled, timeout=30_000)
    entry = table_cache.entry_path(str(acled.resolve()))
    qtbot.waitUntil(entry.exists, timeout=30_000)  # written once the map painted it
    first = w.session.situation
    w.session.start_loading(acled)
    qtbot.waitUntil(lambda: w.session.situation is not first, timeout=30_000)
    assert reads == [acled]
    _same(first, w.session.situation)
    assert len(w.map_view.situation.marker_events) == 400
