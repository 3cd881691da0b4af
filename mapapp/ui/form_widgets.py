"""What the item forms share: check lists, the participants table, number fields and a
dialog with OK and Cancel whose rows a form adds."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from mapapp.i18n import QT_TRANSLATE_NOOP, SOURCE_LANGUAGE, language, translate
from mapapp.ui.dialog_buttons import ok_cancel

# each kind of actor (authoring.ACTOR_KINDS) in words, for the languages that do not
# show the code (code_label)
ACTOR_KIND_LABELS = {
    "armed_group": QT_TRANSLATE_NOOP("forms", "armed group"),
    "state_military": QT_TRANSLATE_NOOP("forms", "state military"),
    "government": QT_TRANSLATE_NOOP("forms", "government"),
    "mercenary_group": QT_TRANSLATE_NOOP("forms", "mercenary group"),
    "militia": QT_TRANSLATE_NOOP("forms", "militia"),
    "intergovernmental": QT_TRANSLATE_NOOP("forms", "intergovernmental"),
    "media": QT_TRANSLATE_NOOP("forms", "media"),
    "person": QT_TRANSLATE_NOOP("forms", "person"),
    "civilians": QT_TRANSLATE_NOOP("forms", "civilians"),
    "protesters": QT_TRANSLATE_NOOP("forms", "protesters"),
    "rioters": QT_TRANSLATE_NOOP("forms", "rioters"),
    "state": QT_TRANSLATE_NOOP("forms", "state"),
    "other": QT_TRANSLATE_NOOP("forms", "other"),
}


def actor_kind_label(code: str) -> str:
    if code in ACTOR_KIND_LABELS:
        return translate("forms", ACTOR_KIND_LABELS[code])
    return code.replace("_", " ")


def code_label(code: str, label: str) -> str:
    """What a list of the schema's codes shows: in English the code itself, as mapapp
    always has ("aircraft_loss"); in another language ``label``, its translated word."""
    return code if language() == SOURCE_LANGUAGE else label


def checklist(items: list[tuple[str, str]]) -> QListWidget:
    widget = QListWidget()
    for label, key in items:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setMaximumHeight(110)
    return widget


def set_checked(widget: QListWidget, keys: set[str]) -> None:
    for i in range(widget.count()):
        item = widget.item(i)
        on = item.data(Qt.ItemDataRole.UserRole) in keys
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def checked(widget: QListWidget) -> list[str]:
    return [
        widget.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


class Participants(QTableWidget):
    """The situation's actors, each ticked when it takes part, with its role in words
    ("attackers", "signatory"; "involved" unless said)."""

    def __init__(self, actors: list[tuple[str, str]]) -> None:
        super().__init__(len(actors), 2)
        self.setHorizontalHeaderLabels([translate("forms", "Actor"), translate("forms", "Role")])
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.loaded: dict[str, tuple[str, list[dict[str, Any]]]] = {}
        self.original: list[dict[str, Any]] = []
        for row, (name, actor_id) in enumerate(actors):
            who = QTableWidgetItem(name)
            who.setData(Qt.ItemDataRole.UserRole, actor_id)
            who.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            who.setCheckState(Qt.CheckState.Unchecked)
            self.setItem(row, 0, who)
            self.setItem(row, 1, QTableWidgetItem(translate("forms", "involved")))
        self.resizeColumnToContents(0)
        self.setMaximumHeight(130)

    def load(self, participants: list[dict[str, Any]]) -> None:
        """An actor with several roles shows them joined by '; '."""
        self.original = list(participants)
        by_actor: dict[str, list[dict[str, Any]]] = {}
        for p in participants:
            by_actor.setdefault(p["actor"], []).append(p)
        for row in range(self.rowCount()):
            actor_id = self.item(row, 0).data(Qt.ItemDataRole.UserRole)
            entries = by_actor.get(actor_id)
            if entries:
                text = "; ".join(p["role"] for p in entries)
                self.loaded[actor_id] = (text, entries)
                self.item(row, 0).setCheckState(Qt.CheckState.Checked)
                self.item(row, 1).setText(text)

    def participants(self) -> list[dict[str, Any]]:
        """Ticked actors with their roles, where they stood in the list before (newly
        ticked ones after); a role left as loaded keeps its entries as they were."""
        now: dict[str, list[dict[str, Any]]] = {}
        for row in range(self.rowCount()):
            who, role = self.item(row, 0), self.item(row, 1)
            if who.checkState() != Qt.CheckState.Checked:
                continue
            actor_id = who.data(Qt.ItemDataRole.UserRole)
            text = role.text().strip()
            if actor_id in self.loaded and self.loaded[actor_id][0] == text:
                now[actor_id] = self.loaded[actor_id][1]
            else:
                roles = [r.strip()[:300] for r in text.split(";") if r.strip()]
                roles = roles or [translate("forms", "involved")]
                now[actor_id] = [{"actor": actor_id, "role": r} for r in roles]
        out: list[dict[str, Any]] = []
        for entry in self.original:  # unchanged entries keep their place
            a = entry["actor"]
            if a not in now:
                continue
            if now[a] is self.loaded[a][1]:
                out.append(entry)
            elif entry is self.loaded[a][1][0]:  # a changed actor: at its first place
                out.extend(now[a])
        return out + [e for a, entries in now.items() if a not in self.loaded for e in entries]

    def check(self, row: int, role: str = "") -> None:
        self.item(row, 0).setCheckState(Qt.CheckState.Checked)
        if role:
            self.item(row, 1).setText(role)


class Form(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        buttons = ok_cancel(self)
        self.buttons = buttons

    def finish(self) -> None:
        self.form.addRow(self.buttons)


def keeping_order(old: list[str], now: list[str]) -> list[str]:
    """The checked ones, those already there first and in their order."""
    return [x for x in old if x in now] + [x for x in now if x not in old]


def shown_number(value: float) -> str:
    """A number as typed back: 1234567, 0.00001 (never 1.23457e+06)."""
    text = repr(value)
    return text if "e" not in text else f"{value:.12f}".rstrip("0").rstrip(".")


def parse_number(text: str) -> int | float:
    """12 stays 12 in the file, not 12.0."""
    value = float(text)
    return int(value) if value.is_integer() else value


def degrees_box(limit: float, value: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setDecimals(7)  # a hand-placed or geocoded place keeps its 6-7 decimals
    box.setRange(-limit, limit)
    box.setValue(value)
    return box


def without(d: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in d.items() if k not in keys}
