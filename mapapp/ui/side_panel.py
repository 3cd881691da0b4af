"""The side panel: events, actors, claims, figures and the article, with search and filters.

Emits ``selected(kind, id)`` when the user picks an item and ``activated`` on Enter or
double-click; ``select`` mirrors a selection made elsewhere without echoing it back.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QStackedWidget,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mapapp.i18n import translate
from mapapp.model.filters import Filters, matching_actors, matching_claims, matching_events
from mapapp.model.situation import STATUS_LABELS, Situation
from mapapp.model.vocabulary import status_label
from mapapp.render.style import STATUS_COLOURS
from mapapp.ui.article_view import ArticleView
from mapapp.ui.details_html import actor_kind_label
from mapapp.ui.figures_view import FiguresView
from mapapp.ui.item_tree import ID_ROLE, KIND_ROLE, ItemTree, find_row, item_row
from mapapp.ui.panel_words import column_names, event_where, position, whole_years

WHEN_MAX_PX = 112  # "2024-07-25 to 2024-07-27" elides; the event title gets the rest
WHERE_MAX_PX = 118


class SidePanel(QWidget):
    """A situation file's events (nested), actors, claims, figures and article; or, for a
    dataset, the filterable events table (``DatasetPanel``)."""

    selected = Signal(str, str)
    activated = Signal(str, str)
    filters_changed = Signal(object)  # Filters
    rows_changed = Signal(object)  # a dataset's rows that pass (numpy bool per row)
    item_menu = Signal(str, str, QPoint)  # kind, id, global position: edit, delete
    delete_requested = Signal(str, str)  # kind, id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.situation: Situation | None = None
        self.window_events: set[str] | None = None  # events in the timeline's window
        self._muted = False
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("side panel", "Search events, actors, claims…"))
        self.search.setClearButtonEnabled(True)
        self.actor_filter = QComboBox()
        self.status_filter = QComboBox()
        self.time_filter = QCheckBox(translate("side panel", "Between"))
        self.date_from = QDateEdit(calendarPopup=True)
        self.date_to = QDateEdit(calendarPopup=True)
        for d in (self.date_from, self.date_to):
            d.setDisplayFormat("yyyy-MM-dd")
            d.setEnabled(False)
        self.events, self.actors, self.claims, self.places = (ItemTree() for _ in range(4))
        self._word_headers()
        self.claims.setRootIsDecorated(False)
        self.places.setRootIsDecorated(False)
        self.figures = FiguresView()
        self.article = ArticleView()
        self.tabs = QTabWidget()
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)  # scrolled, never cut, if narrow
        self.tabs.addTab(self.events, translate("side panel", "Events"))
        self.tabs.addTab(self.actors, translate("side panel", "Actors"))
        self.tabs.addTab(self.claims, translate("side panel", "Claims"))
        self.tabs.addTab(self.places, translate("side panel", "Places"))
        self.tabs.addTab(self.figures, translate("side panel", "Figures"))
        self.tabs.addTab(self.article, translate("side panel", "Article"))

        filters = QHBoxLayout()
        filters.addWidget(self.actor_filter, 2)
        filters.addWidget(self.status_filter, 1)
        times = QHBoxLayout()
        times.addWidget(self.time_filter)
        times.addWidget(self.date_from)
        times.addWidget(self.date_to)
        document_page = QWidget()
        layout = QVBoxLayout(document_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addLayout(times)
        layout.addWidget(self.tabs, 1)
        from mapapp.ui.dataset_panel import DatasetPanel

        self.dataset = DatasetPanel()
        self.dataset.selected.connect(lambda eid: self._emit("event", eid))
        self.dataset.activated.connect(lambda eid: self.activated.emit("event", eid))
        self.dataset.rows_changed.connect(self.rows_changed)
        self.stack = QStackedWidget()
        self.stack.addWidget(document_page)
        self.stack.addWidget(self.dataset)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(self.stack)

        self.search.textChanged.connect(self._filters_edited)
        self.actor_filter.currentIndexChanged.connect(self._filters_edited)
        self.status_filter.currentIndexChanged.connect(self._filters_edited)
        self.time_filter.toggled.connect(self._time_toggled)
        self.date_from.dateChanged.connect(self._filters_edited)
        self.date_to.dateChanged.connect(self._filters_edited)
        for tree in (self.events, self.actors, self.claims, self.places):
            tree.currentItemChanged.connect(self._current_changed)
            tree.itemActivated.connect(self._activated)
            tree.customContextMenuRequested.connect(lambda pos, t=tree: self._menu(t, pos))
            tree.delete_pressed.connect(lambda item, t=tree: self._delete_pressed(t, item))
        self.figures.claim_selected.connect(lambda cid: self._emit("claim", cid))

    # content ---------------------------------------------------------------
    def is_dataset(self) -> bool:
        return self.situation is not None and self.situation.table is not None

    def search_box(self) -> QLineEdit:
        return self.dataset.search if self.is_dataset() else self.search

    def set_situation(self, situation: Situation) -> None:
        self.window_events = None
        if situation.table is not None:
            self.situation = situation
            self.stack.setCurrentWidget(self.dataset)
            self.dataset.set_table(situation.table)
            return
        self.stack.setCurrentIndex(0)
        self._muted = True
        self.situation = s = situation
        self.search.clear()
        self.actor_filter.clear()
        self.actor_filter.addItem(translate("side panel", "All actors"), "")
        for a in sorted(s.actors.values(), key=lambda a: a.name.casefold()):
            self.actor_filter.addItem(a.name, a.id)
        self.status_filter.clear()
        self.status_filter.addItem(translate("side panel", "Any claim status"), "")
        for key in STATUS_LABELS:
            if any(c.status == key for c in s.claims.values()):
                self.status_filter.addItem(status_label(key), key)
        first, last = whole_years(s)
        self.time_filter.setChecked(False)
        self.date_from.setDate(first)
        self.date_to.setDate(last)
        self._fill_events()
        self._fill_actors()
        self._fill_claims()
        self._fill_places()
        self.figures.set_situation(s)
        article = s.article()
        self.article.setPlainText(article.text if article else "")
        self.tabs.setTabEnabled(self.tabs.indexOf(self.article), article is not None)
        self._muted = False
        self.apply_filters(Filters())

    def _word_headers(self) -> None:
        """The lists' column names, worded here again after a language change (French
        "Type" is both an actor's kind and an event's type: no look-up can tell)."""
        trees = (self.events, self.actors, self.claims, self.places)
        for tree, labels in zip(trees, column_names(), strict=True):
            tree.setHeaderLabels(labels)

    def word_again(self) -> None:
        """After a language change: the worded columns (when, where, kinds, statuses) and
        the filters' choices anew; the filters' settings and the current rows stay."""
        self._word_headers()
        self.dataset.word_again()
        if self.situation is None or self.is_dataset():
            return
        trees = (self.events, self.actors, self.claims, self.places)
        current = [t.currentItem() for t in trees]
        current = [(i.data(0, KIND_ROLE), i.data(0, ID_ROLE)) if i else None for i in current]
        self._muted = True
        self._fill_events()
        self._fill_actors()
        self._fill_claims()
        self._fill_places()
        self.actor_filter.setItemText(0, translate("side panel", "All actors"))
        self.status_filter.setItemText(0, translate("side panel", "Any claim status"))
        for i in range(1, self.status_filter.count()):
            self.status_filter.setItemText(i, status_label(self.status_filter.itemData(i)))
        self.figures.set_situation(self.situation)
        for tree, was in zip(trees, current, strict=True):
            item = self.find_item(*was) if was else None
            if item is not None:
                tree.setCurrentItem(item)
        self._muted = False
        self.apply_filters(self.current_filters())

    def _fill_events(self) -> None:
        s = self.situation
        self.events.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for ev in s.chronological_events():
            items[ev.id] = item_row([ev.title, ev.time.label(), event_where(s, ev)], "event", ev.id)
        for ev in s.chronological_events():
            parent = items.get(ev.part_of)
            if parent is not None:
                parent.addChild(items[ev.id])
            else:
                self.events.addTopLevelItem(items[ev.id])
        self.events.expandAll()
        # every column on screen at any dock width: the title takes what is left and
        # elides (its tooltip holds it whole)
        header = self.events.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, cap in ((1, WHEN_MAX_PX), (2, WHERE_MAX_PX)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.events.resizeColumnToContents(col)
            self.events.setColumnWidth(col, min(self.events.columnWidth(col), cap))

    def _fill_actors(self) -> None:
        s = self.situation
        self.actors.clear()
        for a in sorted(s.actors.values(), key=lambda a: a.name.casefold()):
            top = item_row([a.name, actor_kind_label(a.kind)], "actor", a.id)
            claimed = translate("side panel", "claimed: {claim}")
            for c in s.claims_by(a.id):
                row = [claimed.format(claim=c.statement), status_label(c.status)]
                top.addChild(item_row(row, "claim", c.id))
            took_part = translate("side panel", "in: {event}")
            for ev in s.events_with(a.id):
                row = [took_part.format(event=ev.title), ev.time.label()]
                top.addChild(item_row(row, "event", ev.id))
            self.actors.addTopLevelItem(top)
        self.actors.setColumnWidth(0, 260)

    def _fill_claims(self) -> None:
        s = self.situation
        self.claims.clear()
        for c in s.claims.values():
            if c.claimant in s.actors:
                who = s.actors[c.claimant].name
            else:
                who = translate("side panel", "Unattributed")
            figures = "; ".join(f.label() for f in c.figures)
            item = item_row([status_label(c.status), who, c.statement, figures], "claim", c.id)
            item.setBackground(0, QBrush(QColor(STATUS_COLOURS.get(c.status, "#444"))))
            item.setForeground(0, QBrush(QColor("white")))
            self.claims.addTopLevelItem(item)
        self.claims.resizeColumnToContents(0)
        self.claims.resizeColumnToContents(1)
        self.claims.setColumnWidth(2, 240)

    def _fill_places(self) -> None:
        self.places.clear()
        for p in sorted(self.situation.places.values(), key=lambda p: p.name.casefold()):
            where = position(p.lat, p.lon)
            self.places.addTopLevelItem(item_row([p.name, p.country, where], "place", p.id))
        self.places.setColumnWidth(0, 200)

    def _delete_pressed(self, tree: QTreeWidget, item: QTreeWidgetItem) -> None:
        """An actor's rows below it list its claims and events: they are not the actor's
        to delete (the Claims and Events tabs are)."""
        if tree is self.actors and item.parent() is not None:
            return
        self.delete_requested.emit(item.data(0, KIND_ROLE), item.data(0, ID_ROLE))

    def _menu(self, tree: QTreeWidget, pos) -> None:
        item = tree.itemAt(pos)
        if item is not None:
            kind, item_id = item.data(0, KIND_ROLE), item.data(0, ID_ROLE)
            self.item_menu.emit(kind, item_id, tree.viewport().mapToGlobal(pos))

    # filters ---------------------------------------------------------------
    def current_filters(self) -> Filters:
        on = self.time_filter.isChecked()
        return Filters(
            text=self.search.text().strip(),
            actor=self.actor_filter.currentData() or "",
            status=self.status_filter.currentData() or "",
            first=self.date_from.date().toString("yyyy-MM-dd") if on else "",
            last=self.date_to.date().toString("yyyy-MM-dd") if on else "",
        )

    def _time_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self._filters_edited()

    def _filters_edited(self) -> None:
        if self._muted or self.situation is None:
            return
        f = self.current_filters()
        self.apply_filters(f)
        self.filters_changed.emit(f)

    def set_time_rows(self, alpha) -> None:
        """The timeline's window over the events table (None: no window): the events
        list keeps the events in it."""
        if alpha is None or self.situation is None:
            self.window_events = None
        else:
            ids = self.situation.events_table().column("id").to_list()
            self.window_events = {i for i, a in zip(ids, alpha, strict=True) if a > 0}
        if self.situation is not None and not self.is_dataset():
            self.apply_filters(self.current_filters())

    def apply_filters(self, f: Filters) -> None:
        s = self.situation
        events, claims, actors = matching_events(s, f), matching_claims(s, f), matching_actors(s, f)
        if self.window_events is not None:
            events &= self.window_events
        # an event stays listed when one of its parts matches, so the part stays reachable
        keep_events = events | {s.events[e].part_of for e in events if s.events[e].part_of}
        self._hide_unmatched(self.events, keep_events, "event")
        self._hide_unmatched(self.claims, claims, "claim")
        self._hide_unmatched(self.actors, actors, "actor")
        self.figures.set_visible_claims(claims)
        self.matching = (events, claims, actors)

    def _hide_unmatched(self, tree: QTreeWidget, keep: set[str], kind: str) -> None:
        def walk(item: QTreeWidgetItem) -> None:
            if item.data(0, KIND_ROLE) == kind:
                item.setHidden(item.data(0, ID_ROLE) not in keep)
            for i in range(item.childCount()):
                walk(item.child(i))

        for i in range(tree.topLevelItemCount()):
            walk(tree.topLevelItem(i))

    # selection -------------------------------------------------------------
    def _current_changed(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        if item is not None and not self._muted:
            self._emit(item.data(0, KIND_ROLE), item.data(0, ID_ROLE))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.activated.emit(item.data(0, KIND_ROLE), item.data(0, ID_ROLE))

    def _emit(self, kind: str, item_id: str) -> None:
        self.selected.emit(kind, item_id)

    def tree_for(self, kind: str) -> QTreeWidget:
        return {
            "event": self.events,
            "actor": self.actors,
            "claim": self.claims,
            "place": self.places,
        }[kind]

    def find_item(self, kind: str, item_id: str) -> QTreeWidgetItem | None:
        tree = self.tree_for(kind)
        for i in range(tree.topLevelItemCount()):
            found = find_row(tree.topLevelItem(i), kind, item_id)
            if found is not None:
                return found
        return None

    def select(self, kind: str, item_id: str, show: bool = True) -> None:
        """Reflect a selection made elsewhere (map, details links) without echoing it."""
        if self.is_dataset():
            if kind == "event":
                self.dataset.select(item_id)
            return
        item = self.find_item(kind, item_id)
        if item is None:
            return
        self._muted = True
        tree = self.tree_for(kind)
        tree.setCurrentItem(item)
        tree.scrollToItem(item)
        if show and self.tabs.currentWidget() not in (tree, self.article, self.figures):
            self.tabs.setCurrentWidget(tree)
        self._muted = False

    def highlight_spans(self, spans: list[tuple[int, int]]) -> None:
        """Mark the cited spans (character offsets) in the article, scrolled to the first."""
        if not self.is_dataset():
            self.article.highlight_spans(spans)
