"""`mapapp publish`'s file, read without a browser: one page holding everything, its
policy, its provenance, its data as data; bad input refused in one line."""

from __future__ import annotations

import base64
import gzip
import json
import re
import struct
from pathlib import Path

import pytest
from cli_run import ROOT, mapapp, published


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    return published(tmp_path_factory.mktemp("publish-file"))


def data_of(text: str, element_id: str):
    kind, body = re.search(
        rf'<script id="{element_id}" type="([^"]+)">(.*?)</script>', text, re.S
    ).groups()
    if kind == "application/json":
        return json.loads(body)
    raw = gzip.decompress(base64.b64decode(body))
    return json.loads(raw) if kind == "application/json+gzip" else raw


def test_page_is_one_file_with_its_provenance_and_a_policy_against_requests(page):
    text = page.read_text(encoding="utf-8")
    assert page.stat().st_size <= 1_500_000
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text).group(1)
    assert "default-src 'none'" in policy and "connect-src 'none'" in policy
    assert re.search(r"script-src 'sha256-[^']+' 'sha256-[^']+';", policy)
    # nothing loaded from elsewhere: no src= or href= pointing out, no @import
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", text)
    assert "@import" not in text
    # the page's scripts: the library and the viewer run; every other is data
    scripts = re.findall(r"<script([^>]*)>", text)
    assert scripts.count("") == 2
    kinds = sorted(re.search(r'type="([^"]+)"', a).group(1) for a in scripts if a)
    assert kinds == ["application/json", "application/json", "application/json",
                     "application/octet-stream+gzip"], kinds  # fmt: skip
    for needed in ("Natural Earth", "GeoNames", "BBC"):
        assert re.search(rf'<meta name="dcterms.source" content="[^"]*{needed}', text), needed
    assert re.search(r'<meta name="generator" content="mapapp \d', text)
    assert re.search(r'<meta name="dcterms.created" content="\d{4}-\d\d-\d\dT', text)
    licence = (ROOT / "resources/web/leaflet/LICENSE").read_text()
    assert "BSD" in licence and "Agafonkin" in licence


def test_bad_input_is_one_line_and_writes_nothing(tmp_path):
    for args, words in (
        (["-o", tmp_path / "p.png"], "must end in .html"),
        (["-o", tmp_path / "p.html", "--from", "July"], "--from must be a day"),
        (["-o", tmp_path / "p.html", "--from", "2024-08-01", "--to", "2024-07-01"], "after"),
        (["-o", tmp_path / "p.html", "--bbox", "5,14,-6,22"], "west must be less"),
        ([tmp_path / "missing.json", "-o", tmp_path / "p.html"], "missing.json"),
    ):
        r = mapapp("publish", *args)
        assert r.returncode != 0
        assert words in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_dataset_past_the_limit_is_refused_naming_it(tmp_path, monkeypatch):
    from mapapp.exchange.convert import read_any
    from mapapp.publish import page as page_module
    from mapapp.publish.publish import CannotPublish, check_size

    situation = read_any(ROOT / "tests/data/acled-fixture.csv")
    monkeypatch.setattr("mapapp.publish.publish.MAX_EVENTS", 3)
    n = situation.event_count()
    with pytest.raises(CannotPublish, match=rf"^{n} events .* \(at most 3\); .* --from/--to$"):
        check_size(n)
    with pytest.raises(CannotPublish, match=r"^no event to publish$"):
        check_size(0)
    assert page_module.MAX_EVENTS >= 100_000


def test_json_in_a_script_element_cannot_end_it():
    from mapapp.publish.page import data_element, json_text

    hostile = "</script><script>alert(1)</script><!-- \u2028 & </SCRIPT>"
    text = json_text({"note": hostile})
    for bad in ("<", ">", "&", "\u2028"):
        assert bad not in text
    assert json.loads(text) == {"note": hostile}
    element = data_element("x", {"note": hostile})
    assert element.lower().count("</script") == 1  # its own end tag, nothing else
    big = data_element("y", {"note": hostile * 5000})  # past the gzip threshold
    assert 'type="application/json+gzip"' in big and big.lower().count("</script") == 1


def test_the_basemap_blob_gives_back_the_packs_vertices():
    from mapapp.geo.basemap_pack import load_pack
    from mapapp.publish.basemap_blob import basemap_blob
    from mapapp.resources_path import geodata_dir

    pack = load_pack(geodata_dir() / "basemap.3857.bin")
    raw = gzip.decompress(basemap_blob(pack))
    (n,) = struct.unpack_from("<I", raw)
    index = json.loads(raw[4 : 4 + n])
    offset = 4 + n + (-(4 + n) % 4)
    ints = memoryview(raw)[offset:].cast("i")
    p = 0
    border = None
    for name in index["order"]:
        for f in index["layers"][name]:
            for tol, counts in f["levels"]:
                for count in counts:
                    x = y = 0
                    ring = []
                    for _ in range(count):
                        x, y = x + ints[p], y + ints[p + 1]
                        p += 2
                        ring.append((x, y))
                    if name == "mali_algeria_border" and tol == 0:
                        border = ring
    assert p == len(ints)  # every vertex read, in the order written
    feature = pack.layers["mali_algeria_border"][0]
    start, count = feature.rings[0]
    coords = pack.ring_coords(start, count)
    assert len(border) == count
    assert max(abs(bx - coords[2 * i]) for i, (bx, _) in enumerate(border)) <= 0.5
    assert max(abs(by - coords[2 * i + 1]) for i, (_, by) in enumerate(border)) <= 0.5


def test_from_to_on_a_situation_file_keeps_those_days_events(tmp_path):
    page = published(tmp_path, "--from", "2024-07-01", "--to", "2024-07-31")
    text = page.read_text(encoding="utf-8")
    events = data_of(text, "mapapp-events")
    from mapapp.model.io import default_situation_path, load_situation

    situation = load_situation(default_situation_path())
    july = [  # closed spans only: "after 2012" or undated never falls within days
        e.id
        for e in situation.events.values()
        if not e.time.is_open() and e.time.overlaps("2024-07-01", "2024-07-31")
    ]
    assert sorted(events["id"]) == sorted(july) and "battle" in july
    r = mapapp("publish", "--from", "2024-07-01", "--to", "2024-07-31", "-o", tmp_path / "b.html")
    assert r.stdout.rstrip().endswith(f", {len(july)} events)"), r.stdout
    meta = data_of(text, "mapapp-meta")
    assert meta["days"][0] is not None
    # the first view frames July's events (around Tinzaouaten), not all of Mali's
    x0, _, x1, _ = meta["view"]
    assert x1 - x0 < 1_000_000 and x0 < 330_000 < x1  # Tinzaouaten: x ~ 330 km


def test_tile_origins_never_widen_the_policy():
    from mapapp.publish.page_tiles import tile_origins

    def origins(url: str, subdomains: str = "abc") -> list[str]:
        return tile_origins({"kind": "online", "url": url, "subdomains": subdomains})

    assert origins("https://{s}.tile.example.org/{z}/{x}/{y}.png") == [
        "https://a.tile.example.org", "https://b.tile.example.org", "https://c.tile.example.org"
    ]  # fmt: skip
    assert origins("https://tiles.example.org:8443/{z}/{x}/{y}.png") == [
        "https://tiles.example.org:8443"
    ]
    for bad in ("https://x.org;script-src *@evil/{z}", "javascript:alert(1)", "https://'a'/{z}"):
        assert origins(bad) == [], bad
