"""The actors, dates and figures of a French article, dot-underlined in the Article tab
while authoring; a click on one offers its step: the actor under its canonical name with
the words as its alias, a new event on the date, a new claim with the figure, each citing
what the article says."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QDialog
from test_article_places import click_text
from test_extract import FRENCH

DOT = QTextCharFormat.UnderlineStyle.DotLine


@pytest.fixture
def french_article(situation_window, qtbot, tmp_path):
    w = situation_window
    path = tmp_path / "article.txt"
    path.write_text(FRENCH, encoding="utf-8")
    assert w.session.new_from_article_file(path)
    qtbot.waitUntil(lambda: bool(w.article_places.finds.finds), timeout=120_000)
    return w


def dotted(w) -> list[tuple[int, int]]:
    out = []
    for sel in w.docks.panel.article.extraSelections():
        if sel.format.underlineStyle() == DOT:
            out.append((sel.cursor.selectionStart(), sel.cursor.selectionEnd()))
    return out


def find(w, words: str):
    (f,) = [f for f in w.article_places.finds.finds if f.text == words]
    return f


def test_the_finds_are_marked_apart_from_the_place_names(french_article):
    w = french_article
    kinds = {f.text: f.kind for f in w.article_places.finds.finds}
    assert kinds["FAMa"] == "actor" and kinds["27 juillet 2024"] == "date"
    assert kinds["une cinquantaine"] == "figure"
    assert not {"Kidal", "Tombouctou"} & set(kinds)  # places keep their own marks
    start = FRENCH.index("27 juillet 2024")
    assert (start, start + len("27 juillet 2024")) in dotted(w)


def test_a_click_on_an_actor_adds_it_with_the_words_as_alias(french_article, qtbot):
    w = french_article
    f = find(w, "FAMa")
    click_text(qtbot, w, f.start)
    menu = w.article_places.finds.menu_shown
    labels = [a.text() for a in menu.actions()]
    assert labels == ["Add actor Malian Armed Forces"]
    menu.actions()[0].trigger()
    menu.close()
    actor = w.session.situation.actors["mali-army"]
    assert (actor.name, actor.kind) == ("Malian Armed Forces", "state_military")
    (alias,) = actor.aliases
    assert alias.name == "FAMa"
    cite = alias.citations[0]
    assert (cite.start, cite.end, cite.quote) == (f.start, f.end, "FAMa")
    # now known: the other name of the same actor shows it
    other = find(w, "Forces armées maliennes")
    assert [a.text() for a in w.article_places.finds.menu(other).actions()] == [
        "Show Malian Armed Forces"
    ]


def test_a_date_and_a_figure_start_an_event_and_a_claim(french_article, monkeypatch):
    from mapapp.ui.item_forms import ClaimForm, EventForm

    w = french_article

    def unplaced(form):  # the user says where is not known yet, and accepts
        form.location_precision.setCurrentIndex(form.location_precision.findData("unknown"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(EventForm, "exec", unplaced)
    monkeypatch.setattr(ClaimForm, "exec", lambda self: QDialog.DialogCode.Accepted)
    day = find(w, "27 juillet 2024")
    label = w.article_places.finds.menu(day).actions()[0].text()
    assert label.startswith("New event on 2024-07-27")
    assert w.article_places.finds.new_event(day)
    (event,) = w.session.situation.events.values()
    assert (event.time.precision, event.time.start) == ("day", "2024-07-27")
    cite = event.citations[0]
    sentence = FRENCH[cite.start : cite.end]
    assert sentence.startswith("Selon un bilan publié le 27 juillet 2024")
    assert sentence.endswith("Tin-Zaouatène.")
    month = find(w, "sept. 2024")
    assert w.article_places.finds.new_event(month)
    by_start = {e.time.start: e for e in w.session.situation.events.values()}
    assert by_start["2024-09"].time.precision == "month"  # a month stays a month

    fifty = find(w, "une cinquantaine")
    assert w.article_places.finds.new_claim(fifty)
    (claim,) = w.session.situation.claims.values()
    (figure,) = claim.figures
    assert (figure.value, figure.qualifier, figure.text) == (50, "about", "une cinquantaine")
    assert figure.unit == "soldats"
    assert claim.statement.startswith("Selon un bilan publié le 27 juillet 2024")
