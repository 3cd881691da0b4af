"""Two analysts changed the same field of a shared item differently: both versions side
by side — the common base, mine, theirs — and the user keeps one, merges field by field,
or keeps both. Until then the store keeps theirs and nothing of mine is lost: it stays in
the window (and its recovery file)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mapapp.i18n import translate
from mapapp.model.doc_patch import merge
from mapapp.store.link import ITEM_KINDS

if TYPE_CHECKING:
    from mapapp.store.link import Conflict

CLASH = QColor(255, 236, 200)


def shown_value(value: Any) -> str:
    """A field's value as the user reads it: text as written, the rest as JSON."""
    if value is _ABSENT:
        return translate("store", "(not set)")
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, indent=1)


_ABSENT = object()


class ConflictDialog(QDialog):
    """``choice()`` after it is accepted: (what to keep, id of a copy to add or "")."""

    def __init__(self, conflict: Conflict, new_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflict_dialog")
        self.conflict = conflict
        self.new_id = new_id
        self.kept: dict | None = None
        self.copy_id = ""
        item = conflict.theirs or conflict.mine or conflict.base or {}
        label = item.get("title") or item.get("name") or conflict.item
        self.setWindowTitle(translate("store", "Conflicting edits: {item}").format(item=label))
        who = conflict.by or translate("store", "someone")
        if conflict.mine is None:
            said = translate("store", "You deleted “{item}”; {who} changed it after you opened it.")
        elif conflict.theirs is None:
            said = translate("store", "You changed “{item}”; {who} deleted it after you opened it.")
        else:
            said = translate(
                "store",
                "You and {who} both changed “{item}” since you opened it: {fields}. "
                "The store keeps {who}'s version until you decide.",
            )
        fields = ", ".join(f for f in conflict.fields if f != "(deleted)")
        intro = QLabel(said.format(item=label, who=who, fields=fields))
        intro.setObjectName("conflict_intro")
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("conflict_fields")
        self.table.setHorizontalHeaderLabels(
            [
                translate("store", "Field"),
                translate("store", "Common base"),
                translate("store", "Mine"),
                translate("store", "Theirs ({who})").format(who=who),
                translate("store", "Keep"),
            ]
        )
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.pick: dict[str, QComboBox] = {}
        self._fill()
        buttons = QDialogButtonBox()
        keep_mine = translate("store", "Keep &mine")
        keep_theirs = translate("store", "Keep &theirs")
        if conflict.mine is None:
            keep_mine = translate("store", "&Delete it")
        if conflict.theirs is None:
            keep_mine = translate("store", "Keep &mine (add it back)")
            keep_theirs = translate("store", "&Let it go")
        self.buttons: dict[str, QPushButton] = {}
        for key, text in (("mine", keep_mine), ("theirs", keep_theirs)):
            self.buttons[key] = buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        both = conflict.mine is not None and conflict.theirs is not None
        if both:  # keep both: an item beside another; a title or a source has no twin
            keys = ("merge", "both") if conflict.kind in ITEM_KINDS else ("merge",)
            for key, text in (
                ("merge", translate("store", "Merge as &chosen")),
                ("both", translate("store", "Keep &both")),
            ):
                if key not in keys:
                    continue
                self.buttons[key] = buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        if "both" in self.buttons:
            self.buttons["both"].setToolTip(
                translate("store", "Theirs stays; yours is added beside it as {id}").format(
                    id=new_id
                )
            )
        for key, button in self.buttons.items():
            button.setObjectName(f"conflict_{key}")
            button.clicked.connect(lambda _=False, k=key: self._decided(k))
        later = buttons.addButton(
            translate("store", "Decide &later"), QDialogButtonBox.ButtonRole.RejectRole
        )
        later.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 420)

    def _fill(self) -> None:
        c = self.conflict
        base, mine, theirs = c.base or {}, c.mine or {}, c.theirs or {}
        keys = [
            k
            for k in dict.fromkeys([*theirs, *mine, *base])
            if not (base.get(k, _ABSENT) == mine.get(k, _ABSENT) == theirs.get(k, _ABSENT))
        ]
        keys.sort(key=lambda k: k not in c.fields)  # the clashes first
        for row, key in enumerate(keys):
            self.table.insertRow(row)
            values = [
                key,
                shown_value(base.get(key, _ABSENT)),
                shown_value(mine.get(key, _ABSENT)) if c.mine is not None else "—",
                shown_value(theirs.get(key, _ABSENT)) if c.theirs is not None else "—",
            ]
            for column, text in enumerate(values):
                cell = QTableWidgetItem(text)
                if key in c.fields:
                    cell.setBackground(QBrush(CLASH))
                self.table.setItem(row, column, cell)
            if key in c.fields and c.mine is not None and c.theirs is not None:
                pick = QComboBox()
                pick.addItem(translate("store", "Theirs"), "theirs")
                pick.addItem(translate("store", "Mine"), "mine")
                self.pick[key] = pick
                self.table.setCellWidget(row, 4, pick)
            else:
                merged = translate("store", "merged") if c.mine and c.theirs else ""
                self.table.setItem(row, 4, QTableWidgetItem(merged))
        self.table.resizeColumnToContents(0)
        self.table.resizeRowsToContents()

    def merged(self) -> dict:
        """Their version with my changes that do not clash, and each clashing field as
        chosen."""
        c = self.conflict
        out, _ = merge(c.base, c.mine, c.theirs)
        for key, pick in self.pick.items():
            if pick.currentData() == "mine":
                if key in c.mine:
                    out[key] = c.mine[key]
                else:
                    out.pop(key, None)
        return out

    def _decided(self, how: str) -> None:
        c = self.conflict
        if how == "mine":
            self.kept = c.mine
        elif how == "theirs":
            self.kept = c.theirs
        elif how == "merge":
            self.kept = self.merged()
        else:
            self.kept, self.copy_id = c.theirs, self.new_id
        self.accept()
