"""From an article to a saved, cited situation through the window's own actions only
(menus, clicks on the article, the forms as a user fills them), then reopened: `mapapp
validate` passes and every citation is the article's text, byte for byte. Twice: the
Tinzaouaten article, and a French web page of our own about other places, some of them
in no gazetteer."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog

from tests.cli_run import mapapp

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "seeds" / "000_631ddefb58e5ec4e.txt"
FRENCH_PAGE = ROOT / "tests" / "data" / "article-fr-anefis.html"
LEFT, RIGHT = Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton


def action(w, text: str) -> QAction:
    return next(a for a in w.findChildren(QAction) if a.text().replace("&", "") == text)


def select(w, phrase: str) -> QPoint:
    """Select the phrase as a user would; returns a point on it (viewport coordinates)."""
    view = w.docks.panel.article
    text = view.toPlainText()
    start = text.index(phrase)
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(phrase), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    probe = QTextCursor(view.document())
    probe.setPosition(start + 1)
    return view.cursorRect(probe).center()


def from_context_menu(w, qtbot, phrase: str, entry: str) -> None:
    """Select, right-click on the selection, pick the entry."""
    at = select(w, phrase)
    view = w.docks.panel.article
    w.article_context_menu = None
    qtbot.mouseClick(view.viewport(), RIGHT, pos=at)  # keeps the selection
    # the context-menu event a right click makes on a desktop (offscreen Qt makes none)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, view.viewport().mapToGlobal(at))
    QApplication.sendEvent(view.viewport(), event)
    menu = w.article_context_menu
    assert menu is not None and menu.isVisible()
    chosen = next(a for a in menu.actions() if a.text() == entry)
    assert chosen.isEnabled(), entry
    menu.close()
    chosen.trigger()


def when_dialog_opens(fill: Callable) -> None:
    """Fill the modal form the next action opens, then press OK (as a user does)."""

    def fill_it() -> None:
        form = QApplication.activeModalWidget()
        if form is None:
            QTimer.singleShot(20, fill_it)
            return
        fill(form)
        form.accept()

    QTimer.singleShot(0, fill_it)


def accept_mention(w, qtbot, name: str, label_start: str) -> None:
    """A click on the marked name, then the candidate whose label starts so."""
    found = w.article_places
    m = next(m for m in found.mentions if m.text == name)
    view = w.docks.panel.article
    probe = QTextCursor(view.document())
    probe.setPosition(m.start + 1)
    view.setTextCursor(probe)  # no selection: a click on a name opens its menu
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.cursorRect(probe).center())
    menu = w.article_places.mention_menu
    chosen = next(a for a in menu.actions() if a.text().startswith(label_start))
    menu.close()
    chosen.trigger()


def save_and_reopen(w, qtbot, monkeypatch, path: Path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.map_view.setFocus()
    qtbot.keyClick(w.map_view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert path.exists() and not w.isWindowModified(), (
        w.message_label.text() + w.feedback.last_error
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    action(w, "Open situation…").trigger()
    qtbot.waitUntil(
        lambda: w.session.load_job is None and w.session.situation.path == path, timeout=30_000
    )
    r = mapapp("validate", str(path))
    assert r.returncode == 0, r.stdout + r.stderr
    data = json.loads(path.read_text(encoding="utf-8"))
    (source,) = [s for s in data["sources"] if s.get("text_file")]
    text = (path.parent / source["text_file"]).read_bytes().decode("utf-8")
    cites = [
        c
        for kind in ("places", "actors", "events", "claims")
        for item in data[kind]
        for c in item["citations"]
    ]
    for c in cites:  # byte for byte: the quote's UTF-8 is the article's at those offsets
        assert text[c["start"] : c["end"]].encode("utf-8") == c["quote"].encode("utf-8")
    return data, text


def test_the_tinzaouaten_battle_and_jnims_claim_from_the_article(
    situation_window, qtbot, monkeypatch, tmp_path
):
    w = situation_window
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(ARTICLE), ""))
    action(w, "New situation from article…").trigger()
    assert w.docks.panel.tabs.currentWidget() is w.docks.panel.article
    qtbot.waitUntil(lambda: bool(w.article_places.mentions), timeout=120_000)
    accept_mention(w, qtbot, "Tinzaouaten", "Place as Tinzaouaten (ML)")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("armed_group", True))
    from_context_menu(w, qtbot, "JNIM", "New actor from selection…")

    def battle(form) -> None:
        form.type.setCurrentText("battle")
        form.title.setText("Two days of fighting near Tinzaouaten")
        form.time_precision.setCurrentText("unknown")
        form.place.setCurrentIndex(form.place.findText("Tinzaouaten"))
        form.location_precision.setCurrentText("near")
        form.actors.check(0)

    when_dialog_opens(battle)
    from_context_menu(
        w, qtbot, "two days of fighting with Tuareg separatist rebels", "New event from selection…"
    )

    def claim(form) -> None:
        form.claimant.setCurrentIndex(form.claimant.findText("JNIM"))
        form.statement.setPlainText("50 Russians and 10 Malian soldiers were killed.")
        form.status.setCurrentIndex(form.status.findData("unverified"))
        for row, (who, n) in zip(
            (form.rows[0], form.add_figure()),
            (("Russians killed", "50"), ("Malian soldiers killed", "10")),
            strict=True,
        ):
            row.subject.setText(who)
            row.value.setText(n)
            row.unit.setText("people")
        form.about.item(0).setCheckState(Qt.CheckState.Checked)

    when_dialog_opens(claim)
    from_context_menu(
        w,
        qtbot,
        "JNIM claimed that 50 Russians and 10 Malian soldiers were killed",
        "New claim from selection…",
    )
    assert w.isWindowModified()
    data, text = save_and_reopen(w, qtbot, monkeypatch, tmp_path / "battle.situation.json")
    assert text == ARTICLE.read_text(encoding="utf-8")
    (place,) = data["places"]
    assert (place["name"], place["country"]) == ("Tinzaouaten", "ML")
    (jnim,) = data["actors"]
    (event,) = data["events"]
    (said,) = data["claims"]
    assert jnim["name"] == "JNIM" and event["location"]["place"] == place["id"]
    assert said["claimant"] == jnim["id"] and said["about"] == [event["id"]]
    assert [(f["subject"], f["value"]) for f in said["figures"]] == [
        ("Russians killed", 50),
        ("Malian soldiers killed", 10),
    ]
    # reopened, the battle's marker sits on Tinzaouaten as the gazetteer places it
    from mapapp.geo.projection import WEB_MERCATOR

    x, y = w.map_view.situation.event_position(event["id"])
    px, py = WEB_MERCATOR.forward(place["lon"], place["lat"])
    assert abs(x - px) < 1 and abs(y - py) < 1  # metres


def test_a_french_page_other_places_one_placed_by_hand(
    situation_window, qtbot, monkeypatch, tmp_path
):
    w = situation_window
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(FRENCH_PAGE), ""))
    action(w, "New situation from article…").trigger()
    source = w.session.situation.article()
    assert source.title.startswith("Combats près d'Anéfis")
    assert "S'abonner" not in source.text and "cookies" not in source.text  # page chrome
    qtbot.waitUntil(lambda: bool(w.article_places.mentions), timeout=120_000)
    names = [m.text for m in w.article_places.mentions]
    assert "Kidal" in names and "Tessalit" in names and "Anéfis" not in names
    accept_mention(w, qtbot, "Kidal", "Place as Kidal (ML)")
    kidal = next(iter(w.session.situation.places.values()))
    # Anéfis is in no gazetteer: put on the map by hand, about 100 km south of Kidal
    mv = w.map_view
    mv.center_on(kidal.lon, kidal.lat)
    mv.set_view(mv.view.zoomed_at(mv.width() / 2, mv.height() / 2, 4))
    from mapapp.geo.projection import WEB_MERCATOR

    monkeypatch.setattr(
        QInputDialog, "getItem", lambda _w, _t, _l, items, *a, **k: (items[-1], True)
    )
    when_dialog_opens(lambda form: form.accuracy.setCurrentIndex(form.accuracy.findData(5.0)))
    from_context_menu(w, qtbot, "Anéfis", "New place from selection…")
    x, y = mv.view.map_to_screen(*WEB_MERCATOR.forward(0.32, 18.05))
    qtbot.mouseClick(mv, LEFT, pos=QPoint(round(x), round(y)))
    anefis = next(p for p in w.session.situation.places.values() if p.name == "Anéfis")
    assert abs(anefis.lat - 18.05) < 0.05 and abs(anefis.lon - 0.32) < 0.05
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("armed_group", True))
    from_context_menu(w, qtbot, "Front de l'Adrar", "New actor from selection…")

    def fighting(form) -> None:
        form.type.setCurrentText("battle")
        form.title.setText("Combats près d'Anéfis")
        form.time_precision.setCurrentText("unknown")
        form.place.setCurrentIndex(form.place.findText("Anéfis"))
        form.location_precision.setCurrentText("near")

    when_dialog_opens(fighting)
    from_context_menu(
        w, qtbot, "Des combats ont éclaté mardi près d'Anéfis", "New event from selection…"
    )

    def prisoners(form) -> None:
        form.claimant.setCurrentIndex(form.claimant.findText("Front de l'Adrar"))
        form.status.setCurrentIndex(form.status.findData("disputed"))
        form.rows[0].subject.setText("soldats faits prisonniers")
        form.rows[0].value.setText("20")
        form.rows[0].unit.setText("personnes")
        form.about.item(0).setCheckState(Qt.CheckState.Checked)

    when_dialog_opens(prisoners)
    from_context_menu(
        w, qtbot, "avoir fait vingt prisonniers parmi les soldats", "New claim from selection…"
    )
    data, text = save_and_reopen(w, qtbot, monkeypatch, tmp_path / "anefis.situation.json")
    assert "« plusieurs blessés »" in text
    places = {p["name"]: p for p in data["places"]}
    assert places["Kidal"]["country"] == "ML"
    assert places["Anéfis"]["coordinate_source"] == "placed-by-hand"
    assert places["Anéfis"]["accuracy_km"] == 5.0
    (src,) = [s for s in data["sources"] if s["kind"] == "article"]
    assert src["url"] == "https://example.org/courrier/2031/03/anefis"
    assert src["publisher"].startswith("Le Courrier d'Exemplie")
    (claim,) = data["claims"]
    assert claim["figures"][0]["value"] == 20 and claim["status"] == "disputed"
