"""View → Language while the window is open: every word mapapp says changes at once —
menus, toolbar, docks, tabs, headers, filters, the details shown, the timeline, the status
bar —, the situation's own words do not, filters and the selection stay, and the choice is
what the next start speaks."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from cli_run import ROOT
from PySide6.QtWidgets import QMenu
from test_i18n_window import data_words, english_left, english_sources, shown_texts


@pytest.fixture
def back_to_english(qapp):
    yield
    from mapapp import i18n

    i18n.set_language("en")
    i18n.install(qapp)


def language_action(w, name: str):
    menu = w.findChild(QMenu, "language_menu")
    assert menu is not None
    (action,) = [a for a in menu.actions() if a.text() == name]
    return menu, action


def french_left(texts, allowed: set[str]) -> list[tuple[str, str]]:
    """Texts shown in the catalogue's French (and not English as well)."""
    root = ET.parse(ROOT / "resources" / "i18n" / "mapapp_fr.ts").getroot()
    every_source = {m.findtext("source") for m in root.iter("message")}
    french = {fr for fr in english_sources().values() if fr} - every_source
    return [(w, t) for w, t in texts if t in french and t not in allowed]


def test_switching_language_rewords_the_open_window(back_to_english, qtbot, situation_window):
    from PySide6.QtCore import QSettings

    w = situation_window
    s = w.session.situation
    allowed = data_words(s)
    w.docks.panel.search.setText("Wagner")  # a filter the switch must not drop
    w.selector.select("event", "battle")
    qtbot.wait(50)
    english = shown_texts(w)
    assert french_left(english, allowed) == []
    assert "Events" in [t for where, t in english if where == "tab"]

    menu, francais = language_action(w, "Français")
    assert not francais.isChecked()
    francais.trigger()
    qtbot.wait(50)
    assert QSettings().value("language") == "fr"
    texts = shown_texts(w)
    assert english_left(texts, allowed) == []
    tabs = [t for where, t in texts if where == "tab"]
    assert "Événements" in tabs and "Events" not in tabs
    menus = [t for where, t in texts if where == "menu"]
    assert "&Fichier" in menus and "&Affichage" in menus
    # worded with values: the details, the events' days, the status bar's scale
    details = w.docks.details.toPlainText()
    assert "du 25 juillet 2024 au 27 juillet 2024" in details
    when = w.docks.panel.find_item("event", "battle").text(1)
    assert "juillet" in when, when
    assert "," in w.scale_label.text() or "km/px" in w.scale_label.text()
    assert "domaine public" in w.map_view.options.attribution_text  # the map's credit
    speeds = w.docks.timeline.speed
    assert "pas/s" in speeds.itemText(speeds.currentIndex())
    # what the user had stays: the search, the selection, the situation's own words
    assert w.docks.panel.search.text() == "Wagner"
    assert w.selector.current == ("event", "battle")
    assert w.docks.panel.events.currentItem().text(0) == s.events["battle"].title
    menu.aboutToShow.emit()
    assert francais.isChecked()
    # the windows of their own that were open speak it too
    w.dialogs.show_undo_history()
    w.dialogs.show_figures()
    _menu, english = language_action(w, "English")
    english.trigger()
    francais.trigger()
    assert w.dialogs.undo_history.windowTitle() == "Historique des annulations — mapapp"
    assert w.dialogs.figures_window.windowTitle().startswith("Chiffres contradictoires")
    w.dialogs.undo_history.close()
    w.dialogs.figures_window.close()

    _menu, english_action = language_action(w, "English")
    english_action.trigger()
    qtbot.wait(50)
    assert QSettings().value("language") == "en"
    back = shown_texts(w)
    assert french_left(back, allowed) == []
    assert "Events" in [t for where, t in back if where == "tab"]
    assert "juillet" not in w.docks.details.toPlainText()
    assert "public domain" in w.map_view.options.attribution_text
    assert "juillet" not in w.docks.panel.find_item("event", "battle").text(1)


def test_the_language_chosen_is_the_next_start_s(back_to_english, qapp, clean_settings):
    from mapapp.i18n import language
    from mapapp.ui.app import use_language
    from mapapp.ui.window_actions import switch_language

    switch_language("fr")
    assert language() == "fr"
    use_language(qapp)  # a start without --lang
    assert language() == "fr"
    assert use_language(qapp, "en") == "en"  # --lang still wins


def test_a_switch_leaves_the_situation_s_own_words_alone(back_to_english, qtbot, situation_window):
    """An actor called "État" is data, though "État" is also the French of "state"; and
    French "Type" is both "Kind" and "Type": each column gets its own word back."""
    import copy

    from mapapp.model.situation import situation_from_dict
    from mapapp.ui.window_actions import switch_language

    w = situation_window
    s = w.session.situation
    data = copy.deepcopy(s.raw)
    data["actors"][0]["name"] = "État"
    w.session.set_situation(situation_from_dict(data, s.texts(), s.path))
    switch_language("fr")
    qtbot.wait(20)
    switch_language("en")
    qtbot.wait(20)
    panel = w.docks.panel
    choices = [panel.actor_filter.itemText(i) for i in range(panel.actor_filter.count())]
    assert "État" in choices and "state" not in choices
    assert choices[0] == "All actors"
    assert panel.actors.headerItem().text(1) == "Kind"
    assert panel.events.headerItem().text(1) == "When"


def test_a_dataset_switches_too(back_to_english, qtbot, clean_settings, basemap):
    from cli_run import ROOT

    from mapapp.ui.main_window import MainWindow
    from mapapp.ui.window_actions import switch_language

    w = MainWindow(basemap)
    w.show()
    qtbot.waitExposed(w)
    w.docks.ensure()
    w.session.start_loading(ROOT / "tests" / "data" / "acled-fixture.csv")
    qtbot.waitUntil(lambda: w.session.situation is not None, timeout=60_000)
    qtbot.waitUntil(lambda: w.docks.panel.is_dataset(), timeout=60_000)
    dataset = w.docks.panel.dataset
    switch_language("fr")
    qtbot.wait(20)
    assert dataset.fatalities_filter.specialValueText() == "tous"
    assert dataset.type_filter.itemText(0) == "Tout type"
    assert "événements" in dataset.count.text()
    switch_language("en")
    qtbot.wait(20)
    assert dataset.fatalities_filter.specialValueText() == "any"
    assert dataset.type_filter.itemText(0) == "Any type"
    w.close()
