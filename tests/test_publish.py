"""`mapapp publish`: one self-contained page, opened in Debian's Chromium with the network
off, clicked, dragged, searched and followed by deep link as a reader does."""

from __future__ import annotations

import json
import math
import re
import time
from pathlib import Path

import pytest
from chromium import available, chromium, requests
from cli_run import ROOT, mapapp, published

pytestmark = pytest.mark.skipif(not available(), reason="needs chromium and chromedriver")

TINZAOUATEN = (2.96778, 19.94861)  # lon, lat (DESIGN.md)
BORDER = (0xB5, 0x13, 0x5A)  # the Mali–Algeria border's colour, window and page alike
HOSTILE = [
    "</script><script>window.pwned = 1</script>",
    '<img src=x onerror="window.pwned = 2">',
    "javascript:window.pwned = 3",
]


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    return published(tmp_path_factory.mktemp("publish"))


@pytest.fixture(scope="module")
def browser():
    driver = chromium(1280, 800)
    yield driver
    driver.quit()


def open_page(driver, path: Path, fragment: str = "") -> list[str]:
    """Open the page offline; the URLs it asked for besides itself."""
    driver.get("about:blank")
    driver.get_log("performance")  # what came before is not the page's
    driver.get_log("browser")
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd(
        "Network.emulateNetworkConditions",
        {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    driver.get(path.as_uri() + fragment)
    deadline = time.monotonic() + 20
    while driver.execute_script("return document.body.dataset.ready") != "true":
        assert time.monotonic() < deadline, driver.get_log("browser")
        time.sleep(0.05)
    time.sleep(0.3)  # the fragment is written 150 ms after a change
    return [u for u in requests(driver) if u != path.as_uri() + fragment and u != path.as_uri()]


def errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def view_of(driver) -> tuple[float, float, float]:
    """zoom, lat, lon from the page's own URL fragment."""
    fragment = driver.execute_script("return location.hash")
    zoom, lat, lon = re.search(r"map=([-\d.]+)/([-\d.]+)/([-\d.]+)", fragment).groups()
    return float(zoom), float(lat), float(lon)


def projected(driver, lon: float, lat: float) -> tuple[float, float]:
    """Where Web Mercator puts (lon, lat) on the page, worked out here from the view the
    page reports (pyproj), not asked of the page."""
    from pyproj import Transformer

    t = Transformer.from_crs("EPSG:4326", "EPSG:3857", always_xy=True)
    zoom, clat, clon = view_of(driver)
    k = 256 * 2**zoom / (2 * math.pi * 6378137)
    x, y = t.transform(lon, lat)
    cx, cy = t.transform(clon, clat)
    box = driver.execute_script(
        "const r = document.getElementById('map').getBoundingClientRect();"
        "return [r.left, r.top, r.width, r.height];"
    )
    return box[0] + box[2] / 2 + (x - cx) * k, box[1] + box[3] / 2 - (y - cy) * k


def click_at(driver, x: float, y: float) -> None:
    from selenium.webdriver.common.actions.action_builder import ActionBuilder

    actions = ActionBuilder(driver)
    actions.pointer_action.move_to_location(round(x), round(y)).click()
    actions.perform()


def details_text(driver) -> str:
    return driver.execute_script("return document.getElementById('details-body').innerText")


def test_from_to_publish_only_the_events_of_those_days(tmp_path, browser):
    r = mapapp("publish", ROOT / "tests/data/acled-fixture.csv", "--from", "2030-03-01",
               "--to", "2030-03-31", "-o", tmp_path / "march.html")  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert r.stdout.rstrip().endswith(", 2 events)"), (
        r.stdout
    )  # FIX1 on 2 March, FIX2 in the week of 10 March
    open_page(browser, tmp_path / "march.html")
    ids = browser.execute_script("return document.getElementById('list-count').textContent")
    assert ids.startswith("2 of 2")
    about = browser.execute_script("return document.getElementById('about-body').textContent")
    assert "from 2030-03-01 to 2030-03-31" in about
    r = mapapp("publish", "--from", "1990-01-01", "--to", "1990-12-31", "-o", tmp_path / "x.html")
    assert r.returncode == 2 and "none falls within --from/--to" in r.stderr
    assert not (tmp_path / "x.html").exists()


# ---- in the browser -----------------------------------------------------------------------
def test_page_opens_offline_without_a_single_request(browser, page):
    assert open_page(browser, page) == []
    assert errors(browser) == []
    title = browser.execute_script("return document.getElementById('title').textContent")
    assert title == "Fighting near Tinzaouaten, northern Mali, July 2024"
    about = browser.execute_script("return document.getElementById('about-body').textContent")
    assert "Natural Earth" in about and "GeoNames" in about and "mapapp" in about
    # the window's furniture: scale bar (true at the centre's latitude), north arrow,
    # legend of what is drawn, credit
    scale = browser.find_element("css selector", ".scale-box").text
    assert re.fullmatch(r"[\d,]+ km\ntrue at \d+\.\d°[NS]", scale), scale
    assert browser.find_elements("css selector", ".north-box canvas")
    legend = browser.find_element("css selector", ".legend-box").text
    for entry in ("Event: battle", "'near' a place", "Mali–Algeria border (1:10m)", "Azawad"):
        assert entry in legend, legend
    credit = browser.find_element("css selector", ".credit-box").text
    assert "Natural Earth" in credit and "GeoNames" in credit


def test_clicking_the_marker_at_its_projected_position_opens_its_details(browser, page):
    open_page(browser, page)
    x, y = projected(browser, *TINZAOUATEN)
    click_at(browser, x, y)
    time.sleep(0.3)  # the URL follows 150 ms after a change
    assert browser.execute_script("return window.mapapp.selected()") == "battle"
    text = details_text(browser)
    assert text.startswith("Two days of fighting near Tinzaouaten")
    assert "near Tinzaouaten (near a named place)" in text
    # every claim with its claimant and status, and the cited sentence in its paragraph
    assert "claims (" in text.lower() and "self-reported" in text
    marks = browser.execute_script(
        "return [...document.querySelectorAll('#details-body .quote mark')].map(m => m.textContent)"
    )
    # each highlight is exactly the span a citation of the event or of its claims names
    from mapapp.model.io import default_situation_path, load_situation

    s = load_situation(default_situation_path())
    cited = [*s.events["battle"].citations]
    for c in s.claims_about("battle"):
        cited += c.citations
    spans = {s.sources[c.source].text[c.start : c.end] for c in cited if c.start is not None}
    assert marks and set(marks) == spans
    assert "#" in browser.current_url and "event=battle" in browser.current_url
    # a click on empty desert selects nothing new
    click_at(browser, x + 200, y + 150)
    assert browser.execute_script("return window.mapapp.selected()") == "battle"


def test_figures_that_disagree_are_side_by_side(browser, page):
    open_page(browser, page, "#event=battle")
    rows = browser.execute_script(
        "return [...document.querySelectorAll('#details-body table.figures')].map(t =>"
        " [t.caption.textContent, t.rows.length])"
    )
    assert rows and any(n >= 2 for _, n in rows), rows


def test_dragging_the_time_window_changes_the_drawn_markers(browser, page):
    from selenium.webdriver.common.action_chains import ActionChains

    open_page(browser, page)
    browser.find_element("id", "in-view").click()  # every event, not only those in view
    assert browser.execute_script("return window.mapapp.drawnMarkers()") == 1  # the battle
    # the list holds the 9 events; their 4 parts are reached through them, as in the window
    assert browser.find_element("id", "list-count").text.startswith("9 of 9")
    canvas = browser.find_element("id", "histogram")
    width = canvas.size["width"]

    def drag(from_fraction: float, to_fraction: float) -> None:
        ActionChains(browser).move_to_element_with_offset(
            canvas, round((from_fraction - 0.5) * width), 0
        ).click_and_hold().move_by_offset(
            round((to_fraction - from_fraction) * width), 0
        ).release().perform()
        time.sleep(0.3)

    # a new window over the last 4 % of the years shown: the battle's days are in it
    drag(0.96, 1.05)  # past the end: the window stops at the last day
    window = browser.execute_script("return window.mapapp.window()")
    assert window is not None and window[0] <= "2024-07-25" and window[1] == "2024-07-27", window
    assert browser.execute_script("return window.mapapp.drawnMarkers()") == 1
    shown = int(browser.find_element("id", "list-count").text.split()[0])
    assert 1 <= shown < 9
    assert f"from={window[0]}" in browser.current_url
    # the window dragged a quarter of the way back: no marker left, fewer rows
    drag(0.975, 0.7)
    moved = browser.execute_script("return window.mapapp.window()")
    assert moved[1] < "2024-07-25" and moved[1] > "2012-01-01", moved
    assert browser.execute_script("return window.mapapp.drawnMarkers()") == 0


def test_search_filters_the_list_and_the_map(browser, page):
    open_page(browser, page)
    browser.find_element("id", "in-view").click()
    box = browser.find_element("id", "search")
    box.send_keys("Prigozhin")
    time.sleep(0.2)
    titles = browser.execute_script(
        "return [...document.querySelectorAll('#list .item .t')].map(e => e.textContent)"
    )
    assert titles == ["Death of Wagner leader Yevgeny Prigozhin"]
    assert browser.find_element("id", "list-count").text.startswith("1 of 9")
    from selenium.webdriver.support.select import Select

    box.clear()
    box.send_keys(" ")  # an input event with an empty search
    time.sleep(0.2)
    assert browser.find_element("id", "list-count").text.startswith("9 of 9")
    status = Select(browser.find_element("id", "status-filter"))
    labels = [o.text for o in status.options[1:]]
    assert "self-reported" in labels
    status.select_by_visible_text("self-reported")
    time.sleep(0.2)
    titles = browser.execute_script(
        "return [...document.querySelectorAll('#list .item .t')].map(e => e.textContent)"
    )
    assert "Two days of fighting near Tinzaouaten" in titles and 1 <= len(titles) < 9
    # an actor: the events it took part in or made a claim about
    status.select_by_index(0)
    Select(browser.find_element("id", "actor-filter")).select_by_visible_text("Wagner")
    time.sleep(0.2)
    titles = browser.execute_script(
        "return [...document.querySelectorAll('#list .item .t')].map(e => e.textContent)"
    )
    assert "Two days of fighting near Tinzaouaten" in titles
    assert "Death of Wagner leader Yevgeny Prigozhin" in titles and len(titles) < 9


def test_the_list_follows_the_map(browser, page):
    open_page(browser, page, "#map=8.00/25.0/-10.0")  # empty desert: the battle is elsewhere
    count = browser.find_element("id", "list-count").text
    assert count == "8 of 9 events in view", count  # region-level events have no point
    browser.find_element("id", "in-view").click()
    assert browser.find_element("id", "list-count").text == "9 of 9 events"


def test_a_deep_link_restores_the_event_and_the_week(browser, page):
    fragment = "#map=6.00/19.9/3.0&event=battle&from=2024-07-22&to=2024-07-28&mode=window"
    open_page(browser, page, fragment)
    assert browser.execute_script("return window.mapapp.selected()") == "battle"
    assert browser.execute_script("return window.mapapp.window()") == ["2024-07-22", "2024-07-28"]
    zoom, lat, lon = view_of(browser)
    assert (round(zoom, 1), round(lat, 1), round(lon, 1)) == (6.0, 19.9, 3.0)
    assert details_text(browser).startswith("Two days of fighting")
    # a broken fragment is ignored, not a broken page
    open_page(browser, page, "#map=zz&event=%E0%A4%A&from=soon")
    assert errors(browser) == []
    open_page(browser, page, "#map=1/1.2.3/4&from=2024-08-01&to=2024-07-01")
    assert errors(browser) == [] and browser.execute_script("return window.mapapp.ready")
    assert browser.execute_script("return window.mapapp.window()") == ["2024-07-01", "2024-08-01"]
    # a link followed from the page shows what it names, nothing left from before
    browser.execute_script("location.hash = '#map=5.00/18.0/0.0&q=Prigozhin'")
    time.sleep(0.4)
    assert browser.execute_script("return window.mapapp.window()") is None
    assert browser.execute_script("return window.mapapp.selected()") is None
    assert browser.find_element("id", "search").get_attribute("value") == "Prigozhin"


def test_page_border_lies_where_the_snapshot_draws_it(browser, tmp_path):
    """The same box in the page and in `mapapp snapshot` at the map's pixel size: the
    border's pixels fall in the same place."""
    import numpy as np
    from pixels import colour_mask, image_rgb
    from PySide6.QtGui import QColor, QImage

    bbox = "-1,17,6,23"
    page = published(tmp_path, "--bbox", bbox)
    open_page(browser, page)
    # the map alone: the legend has a swatch of the border's colour
    browser.execute_script(
        "document.querySelector('.leaflet-control-container').style.display = 'none'"
    )
    left, top, w, h = browser.execute_script(
        "const r = document.getElementById('map').getBoundingClientRect();"
        "return [r.left, r.top, Math.round(r.width), Math.round(r.height)]"
    )
    shot = tmp_path / "page.png"
    browser.save_screenshot(str(shot))
    ours = image_rgb(QImage(str(shot)))[round(top) : round(top) + h, round(left) : round(left) + w]
    snap = tmp_path / "snap.png"
    r = mapapp("snapshot", "-o", snap, "--size", f"{w}x{h}", "--bbox", bbox, "--no-title",
               "--no-legend", "--no-scale-bar", "--no-north-arrow", "--no-attribution")  # fmt: skip
    assert r.returncode == 0, r.stderr
    theirs = image_rgb(QImage(str(snap)))
    border = QColor(*BORDER)
    ay, ax = np.nonzero(colour_mask(ours, border))
    by, bx = np.nonzero(colour_mask(theirs, border))
    assert len(ax) > 1000 and len(bx) > 1000

    def near(xs, ys, to_x, to_y) -> float:
        """95th percentile of the distance from each pixel to the other image's nearest."""
        pick = np.linspace(0, len(xs) - 1, min(len(xs), 1500)).astype(int)
        d2 = (xs[pick, None] - to_x[None, :]) ** 2 + (ys[pick, None] - to_y[None, :]) ** 2
        return float(np.percentile(np.sqrt(d2.min(axis=1)), 95))

    # both ways: the page draws no border the snapshot lacks, and misses none of it (the
    # marker and its ring cover a few pixels of it differently, hence not the 100th)
    assert near(ax, ay, bx, by) < 3 and near(bx, by, ax, ay) < 3


def test_hostile_text_stays_text(browser, tmp_path):
    from mapapp.model.io import default_situation_path

    src = default_situation_path()
    data = json.loads(src.read_text(encoding="utf-8"))
    battle = next(e for e in data["events"] if e["id"] == "battle")
    battle["summary"] = " ".join(HOSTILE)
    battle["title"] = HOSTILE[0]
    data["title"] = HOSTILE[1]
    wagner = next(a for a in data["actors"] if a["id"] == "wagner")
    wagner["name"] = HOSTILE[1]
    situation = tmp_path / "hostile.json"
    situation.write_text(json.dumps(data), encoding="utf-8")
    for p in src.parent.glob("*.txt"):  # the article beside it, for the citations
        (tmp_path / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    page = published(tmp_path, situation)
    assert open_page(browser, page, "#event=battle") == []
    assert browser.execute_script("return window.pwned === undefined")
    assert (
        browser.execute_script("return document.getElementById('title').textContent") == HOSTILE[1]
    )
    text = details_text(browser)
    assert text.startswith(HOSTILE[0])
    assert HOSTILE[1] in text  # Wagner's claims, under its hostile name
    options = browser.execute_script(
        "return [...document.querySelectorAll('#actor-filter option')].map(o => o.textContent)"
    )
    assert HOSTILE[1] in options
    for h in HOSTILE:
        assert h in text or h in browser.execute_script("return document.body.innerText")
    made = "#details-body img, #details-body a[href], #list img, #bar img, #bar a[href]"
    assert browser.execute_script(f"return document.querySelectorAll('{made}').length") == 0
    assert errors(browser) == []


# ---- the window ---------------------------------------------------------------------------
def test_the_window_publishes_its_view_and_offers_the_browser(
    situation_window, qtbot, tmp_path, monkeypatch, browser
):
    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QMessageBox

    w = situation_window
    out = tmp_path / "from-window.html"
    monkeypatch.setattr("mapapp.ui.publish_job.ask_page_path", lambda parent, stem: out)
    opened: list[QUrl] = []
    monkeypatch.setattr("mapapp.ui.publish_job.QDesktopServices.openUrl", opened.append)
    w.selector.select("event", "battle")
    file_menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "&File")
    action = next(a for a in file_menu.actions() if a.text() == "Publish &web page…")
    action.trigger()
    qtbot.waitUntil(lambda: w.findChild(QMessageBox, "published-box") is not None, timeout=20_000)
    box = w.findChild(QMessageBox, "published-box")
    assert out.exists() and "from-window.html" in box.text()
    assert w.feedback.label.text().startswith(f"Web page written to {out}")
    button = next(b for b in box.buttons() if b.text() == "Open in browser")
    button.click()
    assert opened == [QUrl.fromLocalFile(str(out))]
    # the page opens on the window's selection
    open_page(browser, out)
    assert browser.execute_script("return window.mapapp.selected()") == "battle"
    # on the window's view: the page's centre is the window's (its size differs)
    from mapapp.geo.projection import WEB_MERCATOR

    x0, y0, x1, y1 = w.map_view.view.bounds()
    lon, lat = WEB_MERCATOR.inverse((x0 + x1) / 2, (y0 + y1) / 2)
    _, page_lat, page_lon = view_of(browser)
    assert abs(page_lon - lon) < 0.05 and abs(page_lat - lat) < 0.05


def test_tiles_from_a_file_are_embedded_and_need_no_network(browser, tmp_path):
    from tile_files import make_mbtiles

    tiles = tmp_path / "field.mbtiles"
    make_mbtiles(tiles, zooms=range(4, 9))
    page = published(tmp_path, "--bbox", "2,19,4,21", "--basemap", tiles)
    assert open_page(browser, page) == []
    assert errors(browser) == []
    drawn = browser.execute_script(
        "return [...document.querySelectorAll('img.leaflet-tile')]"
        ".filter(i => i.src.startsWith('data:image/png') && i.complete && i.naturalWidth)"
        ".length"
    )
    assert drawn >= 4
    credit = browser.find_element("css selector", ".credit-box").text
    assert "Tiles: © Test tiles bold" in credit  # the file's HTML credit, as plain text


def test_online_tiles_are_the_only_request_and_the_map_shows_without_them(browser, tmp_path):
    page = published(tmp_path, "--basemap", "OpenStreetMap.Mapnik")
    text = page.read_text(encoding="utf-8")
    policy = re.search(r'Content-Security-Policy" content="([^"]+)"', text).group(1)
    assert "img-src data: https://tile.openstreetmap.org;" in policy
    asked = open_page(browser, page)
    assert asked and all(u.startswith("https://tile.openstreetmap.org/") for u in asked)
    # offline, the vector map is there all the same: Mali's own fill in its south-west
    import numpy as np
    from pixels import colour_mask, image_rgb
    from PySide6.QtGui import QColor, QImage

    x, y = projected(browser, -9.0, 12.5)
    shot = tmp_path / "offline.png"
    browser.save_screenshot(str(shot))
    box = image_rgb(QImage(str(shot)))[round(y) - 6 : round(y) + 7, round(x) - 6 : round(x) + 7]
    assert np.mean(colour_mask(box, QColor("#f8f6f0"), tol=12)) > 0.6


def test_play_moves_the_window_and_the_modes_show_what_they_say(browser, page):
    open_page(browser, page, "#from=2024-07-01&to=2024-07-10&mode=window")
    assert browser.execute_script("return window.mapapp.drawnMarkers()") == 0
    open_page(browser, page, "#from=2024-07-01&to=2024-07-26&mode=window")
    assert browser.execute_script("return window.mapapp.drawnMarkers()") == 1
    # ended ten days before the window: gone in 'window', kept in 'accumulate', fading in 'fade'
    for mode, drawn in (("window", 0), ("accumulate", 1), ("fade", 1)):
        open_page(browser, page, f"#from=2024-08-06&to=2024-08-10&mode={mode}")
        assert browser.execute_script("return window.mapapp.drawnMarkers()") == drawn, mode
    assert 0 < browser.execute_script("return window.mapapp.opacity('battle')") < 1
    open_page(browser, page, "#from=2012-01-01&to=2012-06-30&mode=window")
    browser.find_element("id", "play").click()
    time.sleep(1.5)
    browser.find_element("id", "play").click()  # pause
    first, last = browser.execute_script("return window.mapapp.window()")
    assert first > "2012-01-01" and last > "2012-06-30"
    # a window keeps its length while it plays
    from datetime import date

    assert (date.fromisoformat(last) - date.fromisoformat(first)).days == 181


def test_keyboard_mouse_and_touch_move_the_map(browser, page):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    open_page(browser, page)
    zoom, lat, lon = view_of(browser)
    the_map = browser.find_element("id", "map")
    the_map.click()  # focus (a click on empty map selects nothing)
    the_map.send_keys("+")
    time.sleep(0.6)
    assert view_of(browser)[0] > zoom
    zoom, lat, lon = view_of(browser)
    the_map.send_keys(Keys.ARROW_RIGHT)
    time.sleep(0.6)
    assert view_of(browser)[2] > lon  # the map moved east
    zoom, lat, lon = view_of(browser)
    ActionChains(browser).move_to_element(the_map).click_and_hold().move_by_offset(
        150, 0
    ).move_by_offset(150, 0).release().perform()
    time.sleep(0.6)
    assert view_of(browser)[2] < lon  # dragged right: the map shows what lies west
    zoom, lat, lon = view_of(browser)
    box = browser.execute_script(
        "const r = document.getElementById('map').getBoundingClientRect();"
        "return [r.left + r.width / 2, r.top + r.height / 2]"
    )

    def touch(kind: str, x: float, y: float | None = None) -> None:
        points = [] if kind == "touchEnd" else [{"x": x, "y": y, "id": 1}]
        browser.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    touch("touchStart", box[0], box[1])
    for step in range(1, 11):
        touch("touchMove", box[0], box[1] + 15 * step)
    touch("touchEnd", 0)
    time.sleep(0.6)
    assert view_of(browser)[1] > lat  # a finger drawn down: the map shows what lies north


def test_hovering_a_marker_names_it(browser, page):
    from selenium.webdriver.common.actions.action_builder import ActionBuilder

    open_page(browser, page)
    x, y = projected(browser, *TINZAOUATEN)
    actions = ActionBuilder(browser)
    actions.pointer_action.move_to_location(round(x), round(y))
    actions.perform()
    time.sleep(0.2)
    tip = browser.find_element("css selector", ".map-tip")
    assert tip.is_displayed()
    assert tip.text == "Two days of fighting near Tinzaouaten — 2024-07-25 to 2024-07-27"
    actions = ActionBuilder(browser)
    actions.pointer_action.move_to_location(round(x) + 150, round(y) + 150)
    actions.perform()
    time.sleep(0.2)
    assert not tip.is_displayed()


def test_events_at_one_spot_are_listed_not_zoomed_into(browser, tmp_path):
    """ACLED codes events to a town: the fixture's FIX1 and FIX4 share one position."""
    page = published(tmp_path, ROOT / "tests/data/acled-fixture.csv")
    open_page(browser, page, "#map=12.00/16.2/0.5")
    x, y = projected(browser, 0.5, 16.2)
    click_at(browser, x, y)
    time.sleep(0.3)
    text = details_text(browser)
    assert text.startswith("2 events at this spot"), text
    links = browser.find_elements("css selector", "#details-body a.link")
    assert len(links) == 2
    links[0].click()
    assert browser.execute_script("return window.mapapp.selected()") in ("FIX1", "FIX4")


def test_a_highlight_counts_characters_as_the_file_does(browser, tmp_path):
    """Citations count code points; an emoji before a span must not shift its highlight."""
    data = json.loads((ROOT / "tests/data/reykjavik.situation.json").read_text(encoding="utf-8"))
    text = (ROOT / "tests/data/test-article.txt").read_text(encoding="utf-8")
    (tmp_path / "test-article.txt").write_text("🙂🙂 " + text, encoding="utf-8")

    def shift(node):
        if isinstance(node, dict):
            if "start" in node and "end" in node and "source" in node:
                node["start"] += 3
                node["end"] += 3
            for v in node.values():
                shift(v)
        elif isinstance(node, list):
            for v in node:
                shift(v)

    shift(data)
    data.get("sources", [{}])[0].pop("sha256", None)
    situation = tmp_path / "emoji.json"
    situation.write_text(json.dumps(data), encoding="utf-8")
    page = published(tmp_path, situation)
    open_page(browser, page, "#event=storm")
    marks = browser.execute_script(
        "return [...document.querySelectorAll('#details-body .quote mark')].map(m => m.textContent)"
    )
    assert "A fictional storm closed the harbour road in Reykjavik for one day." in marks


def test_a_page_in_french(browser, tmp_path):
    page = published(tmp_path, "--lang", "fr")
    assert open_page(browser, page, "#event=battle") == []
    assert errors(browser) == []
    assert browser.execute_script("return document.documentElement.lang") == "fr"
    text = browser.execute_script("return document.body.innerText").lower()
    for words in ("À propos de cette carte", "9 sur 9 événements visibles", "Légende",
                  "Événement\u00a0: bataille", "Quand\u00a0:", "25 juillet 2024 au 27",
                  "près de Tinzaouaten", "Ce que dit la source", "auto-déclaré",
                  "exacte à"):  # fmt: skip
        assert words.lower() in text, words
    assert "données au 24 novembre 2026" in text
    # the situation's own words stay as written
    assert "two days of fighting near tinzaouaten" in text
    for english in ("about this map", "events in view", "legend", "when:", "self-reported"):
        assert english not in text, english
