"""The window in French (--lang fr): every menu, toolbar, dock, tab, button, label, column
header and dialog walked, and no English left in what mapapp itself words; the situation's
own words (titles, names, quotes) stay as written. And French fits at 1440x900."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from cli_run import ROOT
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QToolBar,
    QWidget,
)

# English words that French sentences do not hold (whole words, any case)
ENGLISH = re.compile(
    r"\b(the|of|and|with|from|by|for|or|no|is|are|not|this|that|these|open|save|file|"
    r"edit|view|help|search|events?|claims?|actors?|places?|show|hide|"
    r"close|cancel|layers?|details|timeline|basemap|window|new|add|delete|all|none|"
    r"select|selected|find|data|time|map|legend|undo|redo|quit|print|copy)\b",
    re.IGNORECASE,
)
# proper names and codes that read the same in both languages
ALLOWED = {
    "mapapp", "GeoJSON", "KML", "CSV", "ACLED", "GeoParquet", "PNG", "SVG", "PDF", "JNIM",
    "OpenStreetMap", "Esri", "MBTiles", "PMTiles", "Nominatim", "Natural Earth", "GeoNames",
    "Azawad", "Mali", "Wagner", "BBC", "EPSG:3857", "WGS 84", "Qt for Python", "CC BY 4.0",
}  # fmt: skip


def english_sources() -> dict[str, str]:
    """The catalogue's English texts whose French differs."""
    root = ET.parse(ROOT / "resources" / "i18n" / "mapapp_fr.ts").getroot()
    out = {}
    for m in root.iter("message"):
        source, tr = m.findtext("source"), m.find("translation")
        forms = [f.text for f in tr.iter("numerusform")] or [tr.text]
        if source not in forms:
            out[source] = forms[0]
    return out


def data_words(situation) -> set[str]:
    """The situation's own words, which no translation touches."""
    words = {situation.title, situation.description}
    for e in situation.events.values():
        words |= {e.title, e.summary}
    for a in situation.actors.values():
        words |= {a.name, *(x.name for x in a.aliases)}
    for c in situation.claims.values():
        words |= {c.statement}
    for p in situation.places.values():
        words |= {p.name}
    for s in situation.sources.values():
        words |= {s.title, s.publisher}
    return {w for w in words if w}


def shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything mapapp words in ``root`` and its children."""
    out: list[tuple[str, str]] = []

    def actions(where: str, acts) -> None:
        for a in acts:
            if a.isSeparator():
                continue
            out.append((where, a.text()))
            if a.toolTip() and a.toolTip() != a.text().replace("&", ""):
                out.append((where + " tooltip", a.toolTip()))
            if a.menu() is not None:
                actions(f"{where} > {a.text()}", a.menu().actions())

    if hasattr(root, "menuBar"):
        actions("menu", root.menuBar().actions())
    for bar in root.findChildren(QToolBar):
        actions("toolbar", bar.actions())
    for menu in root.findChildren(QMenu):
        actions("menu " + menu.title(), menu.actions())
    for dock in root.findChildren(QDockWidget):
        out.append(("dock", dock.windowTitle()))
    for tabs in root.findChildren(QTabBar):
        out += [("tab", tabs.tabText(i)) for i in range(tabs.count())]
    for w in root.findChildren(QAbstractButton):
        out += [("button", w.text()), ("button tooltip", w.toolTip())]
    for w in root.findChildren(QLabel):
        if w.textFormat() != Qt.TextFormat.RichText:
            out += [("label", w.text()), ("label tooltip", w.toolTip())]
    for w in root.findChildren(QGroupBox):
        out.append(("group", w.title()))
    for w in root.findChildren(QLineEdit):
        out.append(("placeholder", w.placeholderText()))
    for w in root.findChildren(QComboBox):
        out += [("choice", w.itemText(i)) for i in range(w.count())]
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None:
            from PySide6.QtCore import QModelIndex

            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model: one column, no header of its own
                columns = 0
            for col in range(columns):
                head = model.headerData(col, Qt.Orientation.Horizontal)
                out.append(("column", str(head) if head is not None else ""))
    if hasattr(root, "windowTitle"):
        out.append(("title", root.windowTitle()))
    return [(where, text) for where, text in out if text and text.strip()]


def english_left(texts, allowed: set[str]) -> list[tuple[str, str]]:
    sources = english_sources()
    left = []
    for where, text in texts:
        plain = text.replace("&", "").strip()
        if plain in allowed or text in allowed:
            continue
        if text in sources or plain in sources:
            left.append((where, text))  # a catalogue text shown untranslated
            continue
        rest = plain
        for name in sorted(allowed | ALLOWED, key=len, reverse=True):
            rest = rest.replace(name, " ")
        if ENGLISH.search(rest):
            left.append((where, text))
    return left


@pytest.fixture
def french(qapp):
    from mapapp import i18n

    i18n.set_language("fr")
    i18n.install(qapp)  # as the window does (no reference of the test's keeps them alive)
    yield
    i18n.set_language("en")
    i18n.install(qapp)


def test_the_french_window_has_no_english_left(french, qtbot, clean_settings, basemap):
    from mapapp.model.io import default_situation_path, load_situation
    from mapapp.ui.main_window import MainWindow

    situation = load_situation(default_situation_path())
    w = MainWindow(basemap, situation)
    w.resize(1440, 900)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.docks.panel is not None)
    w.selector.select("event", "battle")  # the details and the map's caption filled
    qtbot.wait(50)
    texts = shown_texts(w)
    assert len(texts) > 150  # the walk saw the window, not an empty shell
    menus = [t for where, t in texts if where == "menu"]
    assert "&Fichier" in menus and "&Affichage" in menus, menus
    allowed = data_words(situation)
    left = english_left(texts, allowed)
    w.close()  # no window left open for the tests after this one
    assert left == []


def test_the_french_dialogs_have_no_english_left(french, qtbot, situation_window, tmp_path):
    from mapapp.ui.about import show_about
    from mapapp.ui.basemap_dialogs import CustomUrlDialog, ProviderDialog
    from mapapp.ui.export_dialog import ExportDialog
    from mapapp.ui.item_forms import ActorForm, ClaimForm, EventForm, PlaceForm
    from mapapp.ui.online_places import GeocodingSettings

    w = situation_window
    s = w.session.situation
    battle = next(e for e in s.raw["events"] if e["id"] == "battle")
    claim = s.raw["claims"][0]
    dialogs = [
        ExportDialog(w, tmp_path / "carte.png", (1600, 1000), s.title, "battle"),
        EventForm(s, "two days", w),
        EventForm(s, battle["title"], w, event=battle),
        ClaimForm(s, claim["statement"], w, claim=claim),
        ActorForm(s.raw["actors"][0], ("armed_group", "state"), w),
        PlaceForm(s.raw["places"][0], w),
        ProviderDialog(w),
        CustomUrlDialog(w),
        GeocodingSettings(w),
        show_about(w, s),
    ]
    allowed = data_words(s) | {claim["statement"], battle["title"]}
    for dialog in dialogs:
        texts = shown_texts(dialog)
        assert texts, type(dialog).__name__
        assert english_left(texts, allowed) == [], type(dialog).__name__
        dialog.close()


def test_french_fits_at_1440_by_900(french, qtbot, clean_settings, basemap):
    """No button, label or tab of the window is narrower than its French text."""
    from mapapp.model.io import default_situation_path, load_situation
    from mapapp.ui.main_window import MainWindow

    w = MainWindow(basemap, load_situation(default_situation_path()))
    w.resize(1440, 900)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.docks.panel is not None)
    QApplication.processEvents()
    cut = []
    for b in w.findChildren(QAbstractButton):
        if b.isVisible() and b.text() and b.width() < b.minimumSizeHint().width():
            cut.append(("button", b.text(), b.width(), b.minimumSizeHint().width()))
    for label in w.findChildren(QLabel):
        if label.isVisible() and label.text() and not label.wordWrap():
            need = label.fontMetrics().horizontalAdvance(label.text().split("\n")[0])
            if label.width() + 1 < need and label.textFormat() != Qt.TextFormat.RichText:
                cut.append(("label", label.text(), label.width(), need))
    for tabs in w.findChildren(QTabBar):
        if tabs.isVisible():
            for i in range(tabs.count()):
                need = tabs.fontMetrics().horizontalAdvance(tabs.tabText(i).replace("&", ""))
                if tabs.tabRect(i).width() < need:
                    cut.append(("tab", tabs.tabText(i), tabs.tabRect(i).width(), need))
                # every tab on screen: none scrolled out of the bar
                if not tabs.rect().contains(tabs.tabRect(i)):
                    cut.append(("tab off the bar", tabs.tabText(i), tabs.tabRect(i), tabs.rect()))
    w.close()
    assert cut == []
