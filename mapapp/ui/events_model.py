"""A Qt table model over an events table's filtered rows: the view asks only for the
rows it shows, so a million events cost one index array, not a million items."""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from mapapp.i18n import QT_TRANSLATE_NOOP, format_number, translate
from mapapp.model.events_table import row_title, row_when, row_where, title_expr
from mapapp.model.vocabulary import event_type_label
from mapapp.ui.plain_text import tooltip

if TYPE_CHECKING:
    import numpy as np

    from mapapp.model.events_table import EventsTable

# header (in English; headerData gives it in the interface's language), what the cell
# shows, the column(s) sorting uses
COLUMNS = (
    (QT_TRANSLATE_NOOP("side panel", "Event"), "title", "title"),
    (QT_TRANSLATE_NOOP("side panel", "When"), "when", "day_lo"),
    (QT_TRANSLATE_NOOP("side panel", "Where"), "where", "location"),
    (QT_TRANSLATE_NOOP("side panel", "Type"), "type", "type"),
    (QT_TRANSLATE_NOOP("side panel", "Actor 1"), "actor1", "actor1"),
    (QT_TRANSLATE_NOOP("side panel", "Actor 2"), "actor2", "actor2"),
    (QT_TRANSLATE_NOOP("side panel", "Fatalities"), "fatalities", "fatalities"),
    (QT_TRANSLATE_NOOP("side panel", "Country"), "country", "country"),
    (QT_TRANSLATE_NOOP("side panel", "Admin 1"), "admin1", "admin1"),
)
ROW_CACHE = 4096
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class EventsTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        import numpy as np

        self.table: EventsTable | None = None
        self.rows: np.ndarray = np.zeros(0, np.int64)  # table rows, in display order
        self.sort_column, self.sort_order = 1, Qt.SortOrder.AscendingOrder
        self._cache: OrderedDict[int, dict[str, Any]] = OrderedDict()

    # content -----------------------------------------------------------------
    def set_table(self, table: EventsTable | None) -> None:
        import numpy as np

        self.beginResetModel()
        self.table = table
        self._cache.clear()
        self.rows = np.arange(len(table) if table is not None else 0, dtype=np.int64)
        self.rows = self._sorted(self.rows)
        self.endResetModel()

    def set_rows(self, mask: np.ndarray) -> None:
        """Show the rows where ``mask`` is true, in the current sort order."""
        import numpy as np

        self.beginResetModel()
        self.rows = self._sorted(np.flatnonzero(mask))
        self.endResetModel()

    def position_of(self, table_row: int) -> int | None:
        import numpy as np

        hits = np.flatnonzero(self.rows == table_row)
        return int(hits[0]) if len(hits) else None

    def record(self, position: int) -> dict[str, Any]:
        """The table row shown at ``position`` (cached: a view repaints often)."""
        r = int(self.rows[position])
        rec = self._cache.get(r)
        if rec is None:
            rec = self.table.row(r)
            self._cache[r] = rec
            if len(self._cache) > ROW_CACHE:
                self._cache.popitem(last=False)
        return rec

    # Qt ------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("side panel", COLUMNS[section][0])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or self.table is None:
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, ID_ROLE):
            if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[index.column()][1] == (
                "fatalities"
            ):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        rec = self.record(index.row())
        if role == ID_ROLE:
            return rec["id"]
        text = cell_text(rec, COLUMNS[index.column()][1])
        return tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else text

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.beginResetModel()
        self.sort_column, self.sort_order = column, order
        self.rows = self._sorted(self.rows)
        self.endResetModel()

    def _sorted(self, rows: np.ndarray) -> np.ndarray:
        """``rows`` in the current order (nulls last)."""
        import polars as pl

        if self.table is None or len(rows) < 2:
            return rows
        key = COLUMNS[self.sort_column][2]
        frame = self.table.frame
        if key == "title":
            col = title_expr()
        elif key in ("type", "country", "admin1"):
            col = pl.col(key).cast(pl.String)
        else:
            col = pl.col(key)
        keys = frame.select(col.alias("k"))["k"].gather(pl.Series(rows))
        order = keys.arg_sort(
            descending=self.sort_order == Qt.SortOrder.DescendingOrder,
            nulls_last=True,
        ).to_numpy()
        return rows[order]


def cell_text(rec: dict[str, Any], what: str) -> str:
    if what == "title":
        return row_title(rec)
    if what == "when":
        return row_when(rec)
    if what == "where":
        return row_where(rec)
    if what == "type":
        return event_type_label(str(rec["type"] or ""))
    value = rec.get(what)
    if value is None:
        return ""
    return format_number(value) if isinstance(value, int) else str(value)
