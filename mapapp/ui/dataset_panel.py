"""The side panel of a dataset (ACLED, Parquet): search, filters that combine, a count,
and a sortable table of the events that pass them and the timeline's window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mapapp.i18n import format_number, translate
from mapapp.model.table_filters import TableFilters, choices, matching_rows, top_actors
from mapapp.model.vocabulary import event_type_label
from mapapp.ui.events_model import ID_ROLE, EventsTableModel

if TYPE_CHECKING:
    import numpy as np

    from mapapp.model.events_table import EventsTable

SEARCH_DELAY_MS = 200  # typing a word runs one search, not one per key
LIST_DELAY_MS = 120  # the list follows the timeline once playback leaves it a moment


class EventsView(QTableView):
    """Enter activates the current row (opens its details)."""

    activated_row = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class DatasetPanel(QWidget):
    selected = Signal(str)  # event id
    activated = Signal(str)
    rows_changed = Signal(object)  # numpy bool per table row: passes filters and window

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table: EventsTable | None = None
        self.time_rows: np.ndarray | None = None
        self.filter_mask: np.ndarray | None = None  # rows passing the filters
        self.shown: np.ndarray | None = None  # ... and the time window
        self._muted = False
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("side panel", "Search notes, actors, locations…"))
        self.search.setClearButtonEnabled(True)
        self.type_filter = QComboBox()
        self.actor_filter = QLineEdit()
        self.actor_filter.setPlaceholderText(translate("side panel", "Any actor"))
        self.actor_filter.setClearButtonEnabled(True)
        self.actor_names = QStringListModel(self)
        completer = QCompleter(self.actor_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.actor_filter.setCompleter(completer)
        self.country_filter = QComboBox()
        self.admin1_filter = QComboBox()
        self.fatalities_filter = QSpinBox()
        self.fatalities_filter.setRange(-1, 1_000_000)
        self.fatalities_filter.setSpecialValueText(translate("side panel", "any"))
        self.fatalities_filter.setPrefix("")
        self.fatalities_filter.setValue(-1)
        self.fatalities_filter.setToolTip(
            translate("side panel", "At least this many fatalities recorded")
        )
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.model = EventsTableModel(self)
        self.view = EventsView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(22)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for col, width in enumerate((170, 118, 112, 90, 150, 150, 70, 90, 90)):
            self.view.setColumnWidth(col, width)

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.search, 0, 0, 1, 4)
        grid.addWidget(QLabel(translate("side panel", "Type")), 1, 0)
        grid.addWidget(self.type_filter, 1, 1)
        grid.addWidget(QLabel(translate("side panel", "Actor")), 1, 2)
        grid.addWidget(self.actor_filter, 1, 3)
        grid.addWidget(QLabel(translate("side panel", "Country")), 2, 0)
        grid.addWidget(self.country_filter, 2, 1)
        grid.addWidget(QLabel(translate("side panel", "Admin 1")), 2, 2)
        grid.addWidget(self.admin1_filter, 2, 3)
        grid.addWidget(QLabel(translate("side panel", "Fatalities ≥")), 3, 0)
        grid.addWidget(self.fatalities_filter, 3, 1)
        grid.addWidget(self.count, 3, 2, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.view, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply)
        self._list_timer = QTimer(self)
        self._list_timer.setSingleShot(True)
        self._list_timer.setInterval(LIST_DELAY_MS)
        self._list_timer.timeout.connect(self._update_list)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.actor_filter.editingFinished.connect(self.apply)
        self.actor_filter.textChanged.connect(lambda t: self.apply() if not t else None)
        completer.activated.connect(lambda _t: self.apply())
        self.type_filter.currentIndexChanged.connect(self.apply)
        self.country_filter.currentIndexChanged.connect(self._country_changed)
        self.admin1_filter.currentIndexChanged.connect(self.apply)
        self.fatalities_filter.valueChanged.connect(self.apply)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.doubleClicked.connect(self._activate)
        self.view.activated_row.connect(self._activate)

    # content -----------------------------------------------------------------
    def set_table(self, table: EventsTable) -> None:
        self._muted = True
        self.table = table
        self.time_rows = None
        self.search.clear()
        self.actor_filter.clear()
        self.fatalities_filter.setValue(-1)
        self.type_filter.clear()
        self.type_filter.addItem(translate("side panel", "Any type"), "")
        for t in choices(table, "type"):
            self.type_filter.addItem(event_type_label(t), t)
        self.country_filter.clear()
        self.country_filter.addItem(translate("side panel", "Any country"), "")
        for c in choices(table, "country"):
            self.country_filter.addItem(c, c)
        self._fill_admin1()
        self.actor_names.setStringList(top_actors(table))
        self.model.set_table(table)
        self._muted = False
        self.apply()

    def word_again(self) -> None:
        """After a language change: the filters' first choices, the event types and the
        count in the new language (the countries and regions are the data's own words)."""
        if self.table is None:
            return
        self.type_filter.setItemText(0, translate("side panel", "Any type"))
        self.country_filter.setItemText(0, translate("side panel", "Any country"))
        self.admin1_filter.setItemText(0, translate("side panel", "Any admin 1"))
        for i in range(1, self.type_filter.count()):
            self.type_filter.setItemText(i, event_type_label(self.type_filter.itemData(i)))
        self._update_list()

    def _fill_admin1(self) -> None:
        was = self._muted
        self._muted = True
        self.admin1_filter.clear()
        self.admin1_filter.addItem(translate("side panel", "Any admin 1"), "")
        country = self.country_filter.currentData() or ""
        if self.table is not None:
            within = None
            if country:
                import polars as pl

                col = self.table.column("country").cast(pl.String)
                within = (col == country).fill_null(False).to_numpy()
            for a in choices(self.table, "admin1", within)[:2000]:
                self.admin1_filter.addItem(a, a)
        self._muted = was

    def _country_changed(self) -> None:
        self._fill_admin1()
        self.apply()

    def filters(self) -> TableFilters:
        fat = self.fatalities_filter.value()
        return TableFilters(
            text=self.search.text().strip(),
            event_type=self.type_filter.currentData() or "",
            actor=self.actor_filter.text().strip(),
            country=self.country_filter.currentData() or "",
            admin1=self.admin1_filter.currentData() or "",
            min_fatalities=None if fat < 0 else fat,
        )

    def set_time_rows(self, rows: np.ndarray | None) -> None:
        """The timeline's window (None: no window): the map follows now (``rows_changed``),
        the list and the count just after."""
        self.time_rows = rows
        if self.table is None or self.filter_mask is None:
            return
        self._emit_rows()
        self._list_timer.start()

    def apply(self) -> None:
        """Run the filters; the map (through ``rows_changed``), the list and the count
        follow."""
        if self._muted or self.table is None:
            return
        self._search_timer.stop()
        self.filter_mask = matching_rows(self.table, self.filters())
        self._emit_rows()
        self._update_list()

    def _emit_rows(self) -> None:
        mask = self.filter_mask
        if self.time_rows is not None:
            mask = mask & (self.time_rows > 0)
        self.shown = mask
        self.rows_changed.emit(mask)

    def _update_list(self) -> None:
        self._list_timer.stop()
        if self.shown is None:
            return
        current = self.current_id()
        self.model.set_rows(self.shown)
        n, total = int(self.shown.sum()), len(self.table)
        events = translate("side panel", "{n} of {total} events")
        self.count.setText(events.format(n=format_number(n), total=format_number(total)))
        if current is not None:
            self.select(current)

    # selection -----------------------------------------------------------------
    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return self.model.data(index, ID_ROLE) if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._muted:
            self.selected.emit(self.model.data(current, ID_ROLE))

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.activated.emit(self.model.data(index, ID_ROLE))

    def select(self, event_id: str) -> bool:
        """Show ``event_id`` as current without echoing it; False if it is filtered out."""
        if self.table is None:
            return False
        row = self.table.row_of(event_id)
        pos = self.model.position_of(row) if row is not None else None
        self._muted = True
        try:
            if pos is None:
                self.view.clearSelection()
                return False
            index = self.model.index(pos, 0)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
            return True
        finally:
            self._muted = False
