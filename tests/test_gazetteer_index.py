"""The gazetteer's index in the cache: built once, opened wherever the cache folder is
(a '#' in its name included), and built again when found damaged, never a crash."""

from __future__ import annotations

import pytest

from mapapp.geo import gazetteer


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "c#ache %25"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    monkeypatch.setattr(gazetteer, "_opened", {})
    return folder / "mapapp"


def test_a_damaged_index_is_built_again(cache):
    g = gazetteer.load_gazetteer()
    assert any(p.country == "ML" for p in g.lookup("Kidal"))
    (index,) = cache.glob("*.sqlite")
    assert not list(cache.parent.parent.glob("c")), "nothing written beside the cache"
    # damaged pages in the middle of a finished index, found by the next process
    gazetteer._opened.clear()
    data = bytearray(index.read_bytes())
    start, end = len(data) // 10, len(data) * 9 // 10
    data[start:end] = b"\xff" * (end - start)
    index.write_bytes(bytes(data))
    (cache / "gazetteer-cities500-0.0-v1.pickle").write_bytes(b"old format")
    g = gazetteer.load_gazetteer()
    found = [g.lookup(name) for name in ("Kidal", "Gao", "Tombouctou", "Niamey", "Agadez")]
    assert all(found)
    assert sorted(p.name for p in cache.iterdir()) == [index.name]  # the old format gone
