"""Online geocoding against a fake Nominatim server on 127.0.0.1 (never the internet):
off by default, the User-Agent names mapapp, requests at least a second apart, errors
say what went wrong, and a place picked from the answers names the server as its
coordinates' source."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtWidgets import QInputDialog

from mapapp.geo.geocoding import GeocodingError, check_url, search
from tests.test_authoring import ARTICLE, select_in_article

ANSWER = [
    {
        "lat": "20.0309",
        "lon": "1.4149",
        "name": "Oued Tin Zaouatene",
        "display_name": "Oued Tin Zaouatene, Kidal, Mali",
        "address": {"country": "Mali", "country_code": "ml"},
    },
    {
        "lat": "19.9500",
        "lon": "2.9000",
        "name": "Tin Zaouatene",
        "display_name": "Tin Zaouatene, Tamanrasset, Algeria",
        "address": {"country": "Algeria", "country_code": "dz"},
    },
]


class FakeNominatim(BaseHTTPRequestHandler):
    requests: ClassVar[list[tuple[float, str, dict, dict]]] = []
    status = 200

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        FakeNominatim.requests.append(
            (time.monotonic(), parts.path, parse_qs(parts.query), dict(self.headers))
        )
        body = json.dumps(ANSWER if FakeNominatim.status == 200 else {"error": "x"}).encode()
        self.send_response(FakeNominatim.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeNominatim)
    FakeNominatim.requests, FakeNominatim.status = [], 200
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_search_sends_the_name_as_mapapp_a_second_apart(server):
    s = check_url(server)
    first = search(s, "Tin Zaouatene", ["ML"])
    second = search(s, "Tinzaouaten")
    assert [(p.name, p.country, p.lat) for p in first] == [
        ("Oued Tin Zaouatene", "ML", 20.0309),
        ("Tin Zaouatene", "DZ", 19.95),
    ]
    assert first[0].source == f"Nominatim at {s.domain}" and len(second) == 2
    (t1, path, query, headers), (t2, _, query2, _) = FakeNominatim.requests
    assert path == "/search" and query["q"] == ["Tin Zaouatene"]
    assert query["countrycodes"] == ["ml"] and query["format"] == ["json"]
    assert "countrycodes" not in query2
    assert headers["User-Agent"].startswith("mapapp/")
    assert t2 - t1 >= 0.99  # the usage policy: at most one request a second


def test_errors_and_bad_addresses_are_one_clear_line(server):
    FakeNominatim.status = 500
    with pytest.raises(GeocodingError, match=r"127\.0\.0\.1"):
        search(check_url(server), "Kidal")
    with pytest.raises(GeocodingError, match="not a server address"):
        check_url("nominatim")


def test_off_by_default_then_a_place_found_online(situation_window, qtbot, monkeypatch, server):
    from PySide6.QtCore import QSettings

    w = situation_window
    assert w.session.new_from_article_file(ARTICLE)
    lists = []

    def get_item(_w, _t, _l, items, *a, **k):
        lists.append(items)
        return items[0] if len(lists) > 1 else items[-2], True

    select_in_article(w, "Tinzaouaten")
    # off by default: no online entry offered, and no request made
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: lists.append(a[3]) or ("", False))
    assert not w.authoring.new_place_from_selection()
    assert not any("online" in x for x in lists[-1]) and not FakeNominatim.requests
    # turned on with the fake server's address
    QSettings().setValue("geocoding/enabled", "true")
    QSettings().setValue("geocoding/url", server)
    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    lists.clear()
    assert w.authoring.new_place_from_selection()
    assert lists[0][-2] == "Look it up online at 127.0.0.1:" + server.rsplit(":", 1)[1] + "…"
    qtbot.waitUntil(lambda: len(w.session.situation.places) == 1, timeout=20_000)
    (place,) = w.session.situation.places.values()
    assert (place.name, place.country, place.lat) == ("Oued Tin Zaouatene", "ML", 20.0309)
    src = w.session.situation.sources[place.coordinate_source]
    assert src.kind == "gazetteer" and src.url == server and "OpenStreetMap" in src.note
    assert place.citations[0].quote == "Tinzaouaten"
