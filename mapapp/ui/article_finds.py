"""What else the article says, offered while authoring: the actors, dates and figures found
in it (mapapp.reading) are dot-underlined in the Article tab, and a click on one offers
the step it suggests — the actor added under its canonical name with the words cited as
its alias, a new event on that date, a new claim with that figure — each citing the
sentence it stands in."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QMenu

from mapapp.geo.gazetteer import fold
from mapapp.i18n import format_date, language, translate
from mapapp.model.editing import add_item, new_id, selection
from mapapp.model.vocabulary import time_precision_label
from mapapp.ui.plain_text import menu_label
from mapapp.ui.text_offsets import qt_position

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from mapapp.reading.finds import Find
    from mapapp.ui.authoring import Authoring
    from mapapp.ui.document_session import DocumentSession
    from mapapp.ui.selection import SelectionCoordinator

_SENTENCE_END = re.compile(r"[.!?…](?=\s)|\n")


class ArticleFinds(QObject):
    """``finds``: the actors, dates and figures of the article's text; ``menu_shown``: the
    last menu offered."""

    def __init__(
        self,
        session: DocumentSession,
        selector: SelectionCoordinator,
        authoring: Authoring,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.session, self.selector, self.authoring = session, selector, authoring
        self.parent_widget = parent
        self.finds: list[Find] = []
        self.menu_shown: QMenu | None = None

    def marks(self, text: str) -> list[tuple[int, int, str]]:
        return [(qt_position(text, f.start), qt_position(text, f.end), f.kind) for f in self.finds]

    def find_at(self, offset: int) -> Find | None:
        return next((f for f in self.finds if f.start <= offset < f.end), None)

    # the menus -----------------------------------------------------------------------
    def menu(self, f: Find, at: QPoint | None = None) -> QMenu:
        menu = QMenu(self.parent_widget)
        if f.kind == "actor":
            self._actor_menu(menu, f)
        elif f.kind == "date":
            when = date_words(f.value)
            if when:
                menu.addAction(
                    menu_label(translate("authoring", "New event on {when}…").format(when=when)),
                    lambda: self.new_event(f),
                )
            else:
                undated = translate(
                    "authoring", "A date relative to a publication day the article does not give"
                )
                menu.addAction(undated).setEnabled(False)
        else:
            menu.addAction(
                menu_label(
                    translate("authoring", "New claim with the figure “{words}”…").format(
                        words=f.text
                    )
                ),
                lambda: self.new_claim(f),
            )
        read_only(menu, self.session.editable())
        if at is not None:
            menu.popup(at)
        self.menu_shown = menu
        return menu

    def _actor_menu(self, menu: QMenu, f: Find) -> None:
        known = self.known_actor(f)
        name = self.actor_name(f)
        if known is not None:
            menu.addAction(
                menu_label(translate("authoring", "Show {name}").format(name=known.name)),
                lambda: self.selector.select("actor", known.id),
            ).setData("show")
            return
        menu.addAction(
            menu_label(translate("authoring", "Add actor {name}").format(name=name)),
            lambda: self.add_actor(f),
        )

    # what the situation already has -------------------------------------------------
    def known_actor(self, f: Find):
        """The situation's actor this find names: by the id the reading gave, or by one of
        its names or aliases."""
        s = self.session.situation
        if f.value["id"] in s.actors:
            return s.actors[f.value["id"]]
        names = {fold(f.text), fold(f.value["name"]), fold(f.value.get("name_fr") or "")}
        for a in s.actors.values():
            if {fold(a.name), *(fold(x.name) for x in a.aliases)} & names:
                return a
        return None

    def actor_name(self, f: Find) -> str:
        """The canonical name in the interface's language."""
        if language() == "fr" and f.value.get("name_fr"):
            return f.value["name_fr"]
        return f.value["name"]

    # acting ----------------------------------------------------------------------------
    def _span(self, start: int, end: int):
        article = self.session.situation.article()
        return selection({article.id: article.text}, article.id, start, end)

    def sentence(self, f: Find):
        """The sentence ``f`` stands in (to the paragraph's end at most), as a span."""
        text = self.session.situation.article().text
        start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, f.start)), default=0)
        end_match = _SENTENCE_END.search(text, f.end)
        end = end_match.end() if end_match and end_match.group() != "\n" else len(text)
        if end_match and end_match.group() == "\n":
            end = end_match.start()
        while start < f.start and text[start].isspace():
            start += 1
        return self._span(start, end)

    def add_actor(self, f: Find) -> bool:
        """The actor under its canonical name, citing the words; the words an alias when
        they are not that name."""
        data = self.session.situation.raw
        cite = self._span(f.start, f.end).citation()
        name = self.actor_name(f)
        actor = {
            "id": f.value["id"] if f.value["id"] not in self.session.situation.actors else "",
            "name": name,
            "kind": f.value.get("kind") or "armed_group",
            "citations": [cite],
        }
        actor["id"] = actor["id"] or new_id(data, name)
        if fold(f.text) != fold(name):
            actor["aliases"] = [{"name": f.text, "citations": [cite]}]
        texts = self.session.situation.texts()
        return self.session.edit(
            translate("authoring", "New actor {name}").format(name=name[:40]),
            lambda d: add_item(d, "actors", actor, texts),
        )

    def new_event(self, f: Find, form=None) -> bool:
        v = f.value
        time = {"precision": v["precision"], "start": _shown(v), "end": _shown(v, "end")}
        return self.authoring.new_item_from_selection("events", form, self.sentence(f), time=time)

    def new_claim(self, f: Find, form=None) -> bool:
        v = f.value
        # who or what is counted: the noun after the figure, for the user to refine
        figure = {"subject": v.get("unit") or f.text, "unit": v.get("unit", ""), "text": f.text}
        for key in ("value", "min", "max"):
            if v.get(key) is not None:
                figure[key] = v[key]
        if v.get("qualifier"):
            figure["qualifier"] = v["qualifier"]
        return self.authoring.new_item_from_selection(
            "claims", form, self.sentence(f), figure=figure
        )


def _shown(v: dict, key: str = "start") -> str:
    """A found date as the event form writes it: YYYY, YYYY-MM or YYYY-MM-DD."""
    day = v.get(key) or ""
    if v["precision"] == "week" and day:  # the form's week is its middle day, ± 3 days
        from datetime import date, timedelta

        return (date.fromisoformat(v["start"]) + timedelta(days=3)).isoformat()
    if v["precision"] == "year":
        return day[:4]
    if v["precision"] == "month":
        return day[:7]
    return day


def date_words(v: dict) -> str:
    if not v.get("start"):
        return ""
    precision = time_precision_label(v["precision"])
    if v["precision"] == "day":
        return f"{format_date(v['start'])} ({precision})"
    return f"{v['iso']} ({precision})"


def read_only(menu: QMenu, editable: bool) -> None:
    """In a situation the user may not change (a viewer's shared one): only the entries
    that show something stay enabled."""
    if not editable:
        for action in menu.actions():
            if action.data() != "show":
                action.setEnabled(False)
