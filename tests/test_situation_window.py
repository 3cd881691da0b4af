"""The situation in the window: markers, side panel, details, filters, other files."""

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from mapapp.model.io import default_situation_path, load_situation
from mapapp.render.situation_layer import SituationLayer
from mapapp.ui.item_tree import ID_ROLE
from tests.pixels import image_rgb

ROOT = Path(__file__).resolve().parents[1]
REYKJAVIK = ROOT / "tests" / "data" / "reykjavik.situation.json"


@pytest.fixture
def window(situation_window):
    return situation_window


def marker_pixel(window, event_id):
    mv = window.map_view
    x, y = mv.situation.event_position(event_id)
    sx, sy = mv.view.map_to_screen(x, y)
    return QPoint(round(sx), round(sy))


def visible_ids(tree):
    out = []

    def walk(item):
        if not item.isHidden():
            out.append(item.data(0, ID_ROLE))
        for i in range(item.childCount()):
            walk(item.child(i))

    for i in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(i))
    return out


def test_clicking_tinzaouatens_marker_shows_the_battle_with_jnims_claim(window, qtbot):
    mv = window.map_view
    qtbot.mouseClick(mv, Qt.MouseButton.LeftButton, pos=marker_pixel(window, "battle"))
    assert window.selector.current == ("event", "battle")
    text = window.docks.details.toPlainText()
    assert "Two days of fighting near Tinzaouaten" in text
    assert "JNIM" in text and "50 Russians and 10 Malian soldiers were killed" in text
    assert "unverified" in text
    # the list follows the map
    assert window.docks.panel.events.currentItem().data(0, ID_ROLE) == "battle"


def test_a_click_beside_the_marker_selects_nothing(window, qtbot):
    mv = window.map_view
    p = marker_pixel(window, "battle")
    qtbot.mouseClick(mv, Qt.MouseButton.LeftButton, pos=p + QPoint(40, 40))
    assert window.selector.current is None


def test_selecting_the_jnim_claim_selects_the_battle_marker(window, qtbot):
    panel = window.docks.panel
    panel.tabs.setCurrentWidget(panel.claims)
    item = panel.find_item("claim", "jnim-casualties")
    panel.claims.setCurrentItem(item)
    assert window.selector.current == ("claim", "jnim-casualties")
    assert window.map_view.options.selected_event == "battle"
    # ...and centres its marker
    mv = window.map_view
    assert mv.view.map_to_screen(*mv.situation.event_position("battle")) == pytest.approx(
        (mv.width() / 2, mv.height() / 2), abs=1
    )
    # the selection ring is drawn around the marker
    p = marker_pixel(window, "battle")
    rgb = image_rgb(window.map_view.grab().toImage())
    ring = rgb[p.y() - 14 : p.y() + 15, p.x() - 14 : p.x() + 15].reshape(-1, 3)
    amber = ((ring[:, 0] > 220) & (ring[:, 1] > 150) & (ring[:, 1] < 210) & (ring[:, 2] < 80)).sum()
    assert amber > 30
    # and the article shows the cited sentence highlighted
    sels = panel.article.extraSelections()
    assert [s.cursor.selectedText() for s in sels] == [
        "JNIM claimed that 50 Russians and 10 Malian soldiers were killed, but these numbers "
        "haven’t been verified."
    ]


def test_enter_on_a_list_item_opens_its_details(window, qtbot):
    panel = window.docks.panel
    panel.tabs.setCurrentWidget(panel.actors)
    panel.actors.setFocus()
    panel.actors.setCurrentItem(panel.find_item("actor", "wagner"))
    qtbot.keyClick(panel.actors, Qt.Key.Key_Return)
    text = window.docks.details.toPlainText()
    assert text.startswith("Wagner") and "allied with" in text
    assert window.docks.details.hasFocus() or window.docks.details_dock.isVisible()


def test_search_box_filters_lists_and_markers(window, qtbot):
    panel = window.docks.panel
    qtbot.keyClicks(panel.search, "helicopter")
    shown = visible_ids(panel.events)
    assert "helicopter-downed" in shown and "battle" in shown  # the parent stays reachable
    assert "coup-2020" not in shown and "sandstorm" not in shown
    assert visible_ids(panel.claims) == ["wagner-helicopter"]
    panel.search.clear()
    qtbot.keyClicks(panel.search, "coup")  # matches no marker event
    assert window.map_view.situation.markers.visible == [False]
    panel.search.clear()
    assert window.map_view.situation.markers.visible == [True]


def test_status_actor_and_time_filters(window, qtbot):
    panel = window.docks.panel
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("misleading"))
    assert visible_ids(panel.claims) == ["ukraine-flag-photo"]
    panel.status_filter.setCurrentIndex(0)
    panel.actor_filter.setCurrentIndex(panel.actor_filter.findData("jnim"))
    assert visible_ids(panel.claims) == ["jnim-casualties"]
    panel.actor_filter.setCurrentIndex(0)
    from PySide6.QtCore import QDate

    panel.time_filter.setChecked(True)
    panel.date_from.setDate(QDate(2012, 1, 1))
    panel.date_to.setDate(QDate(2012, 12, 31))
    assert [e for e in visible_ids(panel.events)] == ["takeover-2012"]
    assert window.map_view.situation.markers.visible == [False]


def test_region_event_selects_its_area_not_a_point(window, qtbot):
    window.selector.select("event", "takeover-2012")
    mv = window.map_view
    assert mv.options.selected_event == "takeover-2012"
    assert mv.situation.event_position("takeover-2012") is None
    # the view frames the Azawad area
    box = mv.situation.event_bounds("takeover-2012")
    x0, y0, x1, y1 = mv.view.bounds()
    assert x0 <= box.left() and x1 >= box.right() and y0 <= box.top() and y1 >= box.bottom()
    assert "no point is implied" in window.docks.details.toPlainText()


def test_opening_a_broken_file_keeps_the_situation_and_reports(window, tmp_path, qtbot):
    before = window.session.situation
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "mapapp-situation", ', encoding="utf-8")
    assert window.session.open_file(broken) is False
    assert window.session.situation is before
    assert "not valid JSON" in window.feedback.last_error
    assert "broken.json" in window.message_label.text()


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["events"][0].update(time={"precision": "day", "start": [2024]}),
        lambda d: d["places"][0].update(lon=float("nan")),
        lambda d: d["claims"][0].update(claimant="nobody"),
    ],
)
def test_bad_files_never_replace_the_open_situation(window, tmp_path, change):
    shutil.copy(ROOT / "seeds" / "000_631ddefb58e5ec4e.txt", tmp_path)
    data = json.loads(default_situation_path().read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    before = window.session.situation
    assert window.session.open_file(path) is False
    assert window.session.situation is before


def test_another_situation_elsewhere_in_the_world(window, qtbot):
    from mapapp.geo.projection import WEB_MERCATOR

    assert window.session.open_file(REYKJAVIK)
    assert window.session.situation.title.startswith("Test fixture")
    mv = window.map_view
    x, y = mv.situation.event_position("storm")
    assert (x, y) == pytest.approx(WEB_MERCATOR.forward(-21.89541, 64.13548))
    sx, sy = mv.view.map_to_screen(x, y)
    assert 0 < sx < mv.width() and 0 < sy < mv.height()
    qtbot.mouseClick(mv, Qt.MouseButton.LeftButton, pos=QPoint(round(sx), round(sy)))
    assert window.selector.current == ("event", "storm")
    assert "Coast guard" in window.docks.details.toPlainText()


def test_markup_in_data_opens_and_shows_as_written(window, tmp_path, qtbot):
    """A title that quotes markup is data: the file opens, and every view shows the
    characters, never rendered HTML."""
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QToolTip

    from mapapp.ui.plain_text import tooltip

    shutil.copy(ROOT / "seeds" / "000_631ddefb58e5ec4e.txt", tmp_path)
    data = json.loads(default_situation_path().read_text(encoding="utf-8"))
    title = '<b>Battle</b> & <img src=x onerror="alert(1)">'
    battle = next(e for e in data["events"] if e["id"] == "battle")
    battle["title"] = title
    data["actors"][0]["name"] = "<i>Army</i>"
    path = tmp_path / "markup.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert window.session.open_file(path) is True
    window.selector.select("event", "battle")
    assert title in window.docks.details.toPlainText()
    item = window.docks.panel.find_item("event", "battle")
    assert title in [item.text(c) for c in range(item.columnCount())]
    tips = [item.toolTip(c) for c in range(item.columnCount())]
    assert tooltip(title) in tips  # escaped: Qt would render a bare '<b>' as bold
    doc = QTextDocument()
    doc.setHtml(tooltip(title))
    assert doc.toPlainText() == title
    # the hover tooltip over the marker
    mv = window.map_view
    pos = marker_pixel(window, "battle")
    mv._hover(QPointF(pos))
    doc.setHtml(QToolTip.text())
    assert title in doc.toPlainText()
    # a list of co-located events: '&' stays an ampersand, not a mnemonic
    battle = mv.situation.marker_of("battle")
    window.selector.markers_clicked((battle, battle), QPointF(pos))
    labels = [a.text() for a in window.selector.cluster_menu.actions()]
    assert any(label.startswith("<b>Battle</b> && <img") for label in labels)
    window.selector.cluster_menu.close()


def test_details_show_data_as_plain_text(basemap):
    """Even if markup reached the model, the details view escapes it."""
    from dataclasses import replace

    from mapapp.ui.details_html import DetailsRenderer

    s = load_situation(default_situation_path())
    s.events["battle"] = replace(s.events["battle"], title="<img src=x onerror=alert(1)>")
    html = DetailsRenderer(s).event(s.events["battle"])
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_clusters_split_on_click_or_list_their_members(window, qtbot, basemap):
    """Two events far apart at low zoom form one cluster; clicking it zooms in."""
    from dataclasses import replace

    s = load_situation(default_situation_path())
    moved = replace(s.events["sandstorm"], part_of="", id="sandstorm")
    s.events["sandstorm"] = moved
    s.places["kidal"] = replace(s.places["tinzaouaten"], id="kidal", lon=1.40778, lat=18.44111)
    s.events["sandstorm"] = replace(moved, location=replace(moved.location, place="kidal"))
    window.session.set_situation(s)
    mv = window.map_view
    layer: SituationLayer = mv.situation
    assert len(layer.marker_events) == 2
    mv.set_view(mv.view.zoomed_at(mv.width() / 2, mv.height() / 2, 1 / 40))
    hit = layer.hit_test(mv.view, *mv.view.map_to_screen(layer.markers.x[0], layer.markers.y[0]))
    assert hit is not None and len(hit.members) == 2
    from PySide6.QtWidgets import QToolTip

    mv._hover(QPointF(hit.sx, hit.sy))  # the tooltip counts the cluster's members by type
    assert "2 events: 1 battle, 1 weather" in QToolTip.text()
    res = mv.view.resolution
    qtbot.mouseClick(mv, Qt.MouseButton.LeftButton, pos=QPoint(round(hit.sx), round(hit.sy)))
    assert mv.view.resolution < res / 4


def test_co_located_events_are_listed_from_their_cluster(window, qtbot):
    from dataclasses import replace

    s = load_situation(default_situation_path())
    s.events["sandstorm"] = replace(s.events["sandstorm"], part_of="")
    window.session.set_situation(s)
    mv = window.map_view
    p = marker_pixel(window, "battle")
    res = mv.view.resolution
    qtbot.mouseClick(mv, Qt.MouseButton.LeftButton, pos=p)
    assert mv.view.resolution == res  # zooming would not separate them
    titles = [a.text() for a in window.selector.cluster_menu.actions()]
    assert len(titles) == 2 and any("Sandstorm" in t for t in titles)
    window.selector.cluster_menu.actions()[0].trigger()
    assert window.selector.current[0] == "event"


def test_dropping_a_file_opens_it(window, qtbot):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(REYKJAVIK))])
    event = QDropEvent(
        QPointF(100, 100),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.session.situation.title.startswith("Test fixture"))


def test_at_1440_by_900_nothing_is_cut_off(situation_window, qtbot):
    """Every layer name fits its list and every events column is on screen (titles that
    are too long elide, with the whole text in the tooltip)."""
    w = situation_window
    w.resize(1440, 900)
    qtbot.wait(50)
    ll = w.docks.layer_list
    fm = ll.fontMetrics()
    assert not ll.horizontalScrollBar().isVisible()
    for i in range(ll.count()):
        item = ll.item(i)
        rect = ll.visualItemRect(item)
        assert rect.left() + 40 + fm.horizontalAdvance(item.text()) <= ll.viewport().width()
        assert item.toolTip() == item.text()
    tree = w.docks.panel.events
    assert not tree.horizontalScrollBar().isVisible()
    right = sum(tree.columnWidth(c) for c in range(tree.columnCount()))
    assert right <= tree.viewport().width()
    assert min(tree.columnWidth(c) for c in range(3)) >= 100
    item = w.docks.panel.find_item("event", "battle")
    assert "Two days of fighting" in item.toolTip(0)
