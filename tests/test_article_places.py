"""Place names marked in the Article tab: found on a worker once the tab shows, underlined
orange until placed and green after; a click on a name offers its candidates, and taking
one cites the name's exact span. Places put on the map by hand are offered next time."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat

from tests.test_authoring import ARTICLE

LEFT = Qt.MouseButton.LeftButton


def marks(w) -> list[tuple[int, int, bool]]:
    out = []
    for sel in w.docks.panel.article.extraSelections():
        style = sel.format.underlineStyle()
        none = (QTextCharFormat.UnderlineStyle.NoUnderline, QTextCharFormat.UnderlineStyle.DotLine)
        if style not in none:  # dotted: the actors, dates and figures (test_article_finds)
            placed = style == QTextCharFormat.UnderlineStyle.SingleUnderline
            out.append((sel.cursor.selectionStart(), sel.cursor.selectionEnd(), placed))
    return out


def click_text(qtbot, w, offset: int) -> None:
    view = w.docks.panel.article
    cursor = view.textCursor()
    cursor.setPosition(offset + 2)
    rect = view.cursorRect(cursor)
    qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())


def test_names_marked_clicked_and_placed(situation_window, qtbot):
    w = situation_window
    assert w.session.new_from_article_file(ARTICLE)  # shows the Article tab: finding starts
    found = w.article_places
    qtbot.waitUntil(lambda: bool(found.mentions), timeout=120_000)
    text = w.session.situation.article().text
    (m,) = found.mentions
    assert text[m.start : m.end] == "Tinzaouaten" and m.place.country == "ML"
    assert marks(w) == [(m.start, m.end, False)]  # orange: not placed yet
    # a click on the name lists the candidates, the best first
    click_text(qtbot, w, m.start)
    menu = w.article_places.mention_menu
    labels = [a.text() for a in menu.actions() if a.text()]
    assert labels[0].startswith("Place as Tinzaouaten (ML)")
    assert any("click its position on the map" in x for x in labels)
    menu.defaultAction().trigger()
    menu.close()
    (place,) = w.session.situation.places.values()
    assert (place.name, place.country) == ("Tinzaouaten", "ML")
    c = place.citations[0]
    assert (c.start, c.end, c.quote) == (m.start, m.end, "Tinzaouaten")
    assert marks(w) == [(m.start, m.end, True)]  # green now
    w.session.undo_stack.undo()
    assert marks(w) == [(m.start, m.end, False)]


def test_finding_waits_for_the_article_tab(situation_window, qtbot):
    w = situation_window  # the embedded situation, its Events tab in front
    assert w.docks.panel.tabs.currentWidget() is not w.docks.panel.article
    assert w.article_places.job is None and not w.article_places.mentions
    w.docks.panel.tabs.setCurrentWidget(w.docks.panel.article)
    qtbot.waitUntil(lambda: bool(w.article_places.mentions), timeout=120_000)
    # the embedded situation places Tinzaouaten already: every mark of it is green
    assert marks(w) and all(placed for *_, placed in marks(w))
