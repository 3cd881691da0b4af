"""The article's place names, found against the offline gazetteer and marked in the
Article tab: a name the situation already places is underlined green, one still to place
orange. A click on a name lists its candidates (the best first, then the alternatives,
then "click its position on the map"); "Add all found places" takes each best one.

Finding runs on a worker thread the first time the Article tab shows a text (loading the
gazetteer takes seconds), never on the way to the first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QThread, Signal
from PySide6.QtWidgets import QMenu

from mapapp.geo.gazetteer import fold
from mapapp.i18n import format_number, tr, translate
from mapapp.model.editing import selection
from mapapp.ui.article_finds import read_only
from mapapp.ui.online_places import geocoding_server
from mapapp.ui.plain_text import menu_label
from mapapp.ui.text_offsets import python_offset, qt_position
from mapapp.ui.user_files import user_places_file

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from mapapp.model.place_mentions import Mention
    from mapapp.ui.authoring import Authoring
    from mapapp.ui.dock_layout import DockLayout
    from mapapp.ui.document_session import DocumentSession
    from mapapp.ui.online_places import OnlinePlaces
    from mapapp.ui.selection import SelectionCoordinator

MENU_CANDIDATES = 12


class MentionJob(QThread):
    """The article read on a worker: its place names (the gazetteer with the user's own
    places first), and its actors, dates and figures where no place name stands."""

    done = Signal(object, object, object)  # the text it read, its mentions, other finds

    def __init__(self, text: str, published: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.text = text
        self.published = published

    def run(self) -> None:
        from datetime import date

        from mapapp.geo.gazetteer import continents, countries, load_gazetteer, user_places
        from mapapp.model.place_mentions import find_mentions
        from mapapp.reading.extract import extract, place_find

        gazetteer = load_gazetteer(user_places(user_places_file()))
        mentions = find_mentions(self.text, gazetteer, countries(), continents())
        try:
            published = date.fromisoformat(self.published[:10])
        except ValueError:
            published = None
        places = [place_find(self.text, m) for m in mentions]
        finds = extract(self.text, published, places=places)
        kept = {(f.start, f.end) for f in finds if f.kind == "place"}
        mentions = [m for m in mentions if (m.start, m.end) in kept]
        self.done.emit(self.text, mentions, [f for f in finds if f.kind != "place"])


class ArticlePlaces(QObject):
    """``mentions``: the names found in ``text``; ``mention_menu``: the last one's menu."""

    def __init__(
        self,
        session: DocumentSession,
        docks: DockLayout,
        selector: SelectionCoordinator,
        authoring: Authoring,
        online: OnlinePlaces,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.docks = docks
        self.selector = selector
        self.authoring = authoring
        self.online = online
        self.parent_widget = parent
        self.text: str | None = None  # the text the mentions belong to
        self.mentions: list[Mention] = []
        self.job: MentionJob | None = None
        self.mention_menu: QMenu | None = None
        from mapapp.ui.article_finds import ArticleFinds

        self.finds = ArticleFinds(session, selector, authoring, parent)
        panel = docks.panel
        panel.tabs.currentChanged.connect(lambda _i: self.refresh())
        panel.article.viewport().installEventFilter(self)

    # finding ---------------------------------------------------------------------
    def _article_text(self) -> str | None:
        s = self.session.situation
        if s is None or s.table is not None or s.article() is None:
            return None
        return s.article().text

    def refresh(self) -> None:
        """After the situation changed: mark again, or find the names of a new text once
        the Article tab is on screen."""
        text = self._article_text()
        if text is None:
            self.text, self.mentions = None, []
            return
        if text == self.text:
            self.mark()
            return
        self.text, self.mentions = None, []  # a text seen before is looked at again
        self.docks.panel.article.set_mention_marks([])
        self.finds.finds = []
        self.docks.panel.article.set_find_marks([])
        panel = self.docks.panel
        if panel.tabs.currentWidget() is not panel.article:
            return
        if self.job is not None and self.job.text == text:
            return  # already looking
        source = self.session.situation.article()
        job = MentionJob(text, source.published if source else "", self)
        job.done.connect(self._found)
        job.finished.connect(job.deleteLater)
        self.job = job
        self.session.say(translate("authoring", "Looking for place names in the article…"))
        job.start()

    def _found(self, text: str, mentions: list[Mention], finds: list | None = None) -> None:
        if self.job is not None and self.job.text == text:
            self.job = None
        if text != self._article_text():
            return  # another text since
        self.text, self.mentions = text, mentions
        self.finds.finds = finds or []
        todo = sum(self.placed(m) is None for m in mentions)
        found = tr(
            "%Ln place name(s) in the article, {todo} not placed yet: click one to place it.",
            "article places",
            len(mentions),
        )
        self.session.say(found.format(todo=format_number(todo)))
        self.mark()

    # state -----------------------------------------------------------------------
    def placed(self, m: Mention) -> str | None:
        """The situation's place for this mention: one citing its span, else one by the
        same name at the gazetteer's position."""
        s = self.session.situation
        for p in s.places.values():
            if any(
                c.start is not None and c.start < m.end and m.start < c.end for c in p.citations
            ):
                return p.id
        for p in s.places.values():
            names = {fold(p.name), fold(p.gazetteer)} if p.gazetteer else {fold(p.name)}
            if fold(m.place.name) in names or fold(m.text) in names:
                return p.id
        return None

    def mark(self) -> None:
        text = self.text or ""
        marks = [
            (qt_position(text, m.start), qt_position(text, m.end), self.placed(m) is not None)
            for m in self.mentions
        ]
        self.docks.panel.article.set_mention_marks(marks)
        self.docks.panel.article.set_find_marks(self.finds.marks(text))

    def mention_at(self, offset: int) -> Mention | None:
        return next((m for m in self.mentions if m.start <= offset < m.end), None)

    # acting ----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A plain click on a marked name (no text selected) offers its places; on an
        actor, a date or a figure, what it suggests."""
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and event.button() == Qt.MouseButton.LeftButton
        ):
            view = self.docks.panel.article
            if not view.textCursor().hasSelection():
                pos = event.position().toPoint()
                at = python_offset(view.toPlainText(), view.cursorForPosition(pos).position())
                m = self.mention_at(at)
                if m is not None:
                    self.menu(m, view.viewport().mapToGlobal(pos))
                elif (f := self.finds.find_at(at)) is not None:
                    self.finds.menu(f, view.viewport().mapToGlobal(pos))
        return False

    def menu(self, m: Mention, at: QPoint | None = None) -> QMenu:
        """The mention's menu: its place on the map, or its candidates to pick from."""
        menu = QMenu(self.parent_widget)
        place_id = self.placed(m)
        if place_id is not None:
            name = self.session.situation.places[place_id].name
            menu.addAction(
                menu_label(translate("authoring", "Show {name} (placed)").format(name=name)),
                lambda: self.selector.select("place", place_id),
            ).setData("show")
        for i, p in enumerate((m.place, *m.alternatives)[:MENU_CANDIDATES]):
            label = f"{p.name} ({p.country or '?'}) {p.lat:.4f}, {p.lon:.4f}"
            if p.population:
                population = format_number(p.population)
                label += ", " + translate("authoring", "pop. {population}").format(
                    population=population
                )
            label += f" — {p.source}"
            if i == 0:
                label = translate("authoring", "Place as {place}").format(place=label)
            else:
                label = "   " + translate("authoring", "or {place}").format(place=label)
            action = menu.addAction(menu_label(label))
            action.triggered.connect(lambda _=False, p=p: self.accept(m, p))
            if i == 0 and place_id is None:
                menu.setDefaultAction(action)
        menu.addSeparator()
        server = geocoding_server()
        if server is not None:
            menu.addAction(
                menu_label(
                    translate("authoring", "Look up “{name}” online at {server}…").format(
                        name=m.text, server=server.domain
                    )
                ),
                lambda: self.online.search(m.text, self._citation(m)),
            )
        menu.addAction(
            translate("authoring", "Not these: click its position on the map…"),
            lambda: self.place_by_hand(m),
        )
        todo = [x for x in self.mentions if self.placed(x) is None]
        if len(todo) > 1:
            menu.addAction(
                translate("authoring", "Add all {n} found places not placed yet").format(
                    n=format_number(len(todo))
                ),
                self.accept_all,
            )
        read_only(menu, self.session.editable())
        if at is not None:
            menu.popup(at)
        self.mention_menu = menu
        return menu

    def _citation(self, m: Mention) -> dict:
        article = self.session.situation.article()
        return selection({article.id: article.text}, article.id, m.start, m.end).citation()

    def accept(self, m: Mention, p) -> bool:
        return self.authoring.add_gazetteer_place(p, self._citation(m))

    def accept_all(self) -> bool:
        """Each mention not placed yet, as its best candidate; one undoable edit."""
        from mapapp.model.editing import cite_gazetteer_place

        todo = [m for m in self.mentions if self.placed(m) is None]
        if not todo:
            return False
        texts = self.session.situation.texts()
        cites = [(m.place, self._citation(m)) for m in todo]

        def change(d: dict) -> dict:
            for p, cite in cites:
                d = cite_gazetteer_place(d, p, cite, texts)
            return d

        what = tr("Add %Ln place(s) found in the article", "article places", len(todo))
        return self.session.edit(what, change)

    def place_by_hand(self, m: Mention) -> bool:
        article = self.session.situation.article()
        sel = selection({article.id: article.text}, article.id, m.start, m.end)
        return self.authoring.place_on_map(sel)
