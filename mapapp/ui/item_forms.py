"""The forms of a new event and a new claim made from a selection in the article: what
the model holds (time and its precision, place and its precision and radius, participants;
claimant, statement, figures, status, what it is about). The form builds the item; the
edit checks it (``model.editing``) and says what to fix, keeping the form's values."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from mapapp.model.situation import STATUS_LABELS, Situation
from mapapp.render.situation_layer import EVENT_STYLES

TIME_PRECISIONS = ("day", "week", "month", "year", "after", "unknown")
LOCATION_PRECISIONS = ("near", "exact", "region", "unknown")
QUALIFIERS = ("exact", "over", "at least", "about", "up to")


def _checklist(items: list[tuple[str, str]]) -> QListWidget:
    widget = QListWidget()
    for label, key in items:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setMaximumHeight(110)
    return widget


def checked(widget: QListWidget) -> list[str]:
    return [
        widget.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


class _Form(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

    def finish(self) -> None:
        self.form.addRow(self.buttons)


class EventForm(_Form):
    """A new event; ``item(id, citation)`` is what it holds."""

    def __init__(self, situation: Situation, quote: str, parent: QWidget | None = None) -> None:
        super().__init__("New event", parent)
        self.type = QComboBox()
        self.type.addItems(list(EVENT_STYLES))
        self.title = QLineEdit(quote[:300])
        self.time_precision = QComboBox()
        self.time_precision.addItems(list(TIME_PRECISIONS))
        self.start = QLineEdit()
        self.start.setPlaceholderText("YYYY, YYYY-MM or YYYY-MM-DD")
        self.end = QLineEdit()
        self.end.setPlaceholderText("(same as start)")
        self.place = QComboBox()
        self.place.addItem("— no place —", "")
        for p in situation.places.values():
            self.place.addItem(p.name, p.id)
        self.location_precision = QComboBox()
        self.location_precision.addItems(list(LOCATION_PRECISIONS))
        self.radius = QDoubleSpinBox()
        self.radius.setRange(0, 5000)
        self.radius.setSuffix(" km")
        self.radius.setSpecialValueText("no radius")
        self.actors = _checklist([(a.name, a.id) for a in situation.actors.values()])
        for label, widget in (
            ("Type", self.type),
            ("Title", self.title),
            ("Time precision", self.time_precision),
            ("Start", self.start),
            ("End", self.end),
            ("Place", self.place),
            ("Location precision", self.location_precision),
            ("Radius", self.radius),
            ("Actors involved", self.actors),
        ):
            self.form.addRow(label, widget)
        self.finish()

    def item(self, item_id: str, citation: dict[str, Any]) -> dict[str, Any]:
        time: dict[str, Any] = {"precision": self.time_precision.currentText()}
        if self.start.text().strip():
            time["start"] = self.start.text().strip()
        if self.end.text().strip():
            time["end"] = self.end.text().strip()
        location: dict[str, Any] = {"precision": self.location_precision.currentText()}
        if self.place.currentData():
            location["place"] = self.place.currentData()
        if self.radius.value() > 0:
            location["radius_km"] = self.radius.value()
        event = {
            "id": item_id,
            "type": self.type.currentText(),
            "title": self.title.text().strip()[:300],
            "time": time,
            "location": location,
            "citations": [citation],
        }
        roles = [{"actor": a, "role": "involved"} for a in checked(self.actors)]
        if roles:
            event["actors"] = roles
        return event


class ClaimForm(_Form):
    """A new claim with up to one figure; ``item(id, citation)`` is what it holds."""

    def __init__(self, situation: Situation, quote: str, parent: QWidget | None = None) -> None:
        super().__init__("New claim", parent)
        self.claimant = QComboBox()
        self.claimant.addItem("Unattributed", "")
        for a in situation.actors.values():
            self.claimant.addItem(a.name, a.id)
        self.statement = QPlainTextEdit(quote)
        self.statement.setMaximumHeight(80)
        self.status = QComboBox()
        for key, label in STATUS_LABELS.items():
            self.status.addItem(label, key)
        self.subject = QLineEdit()
        self.subject.setPlaceholderText("who or what is counted, e.g. Russians killed")
        self.value = QLineEdit()
        self.value.setPlaceholderText("a number, or 20-80 for a range")
        self.unit = QLineEdit()
        self.unit.setPlaceholderText("e.g. people")
        self.qualifier = QComboBox()
        self.qualifier.addItems(list(QUALIFIERS))
        self.about = _checklist([(e.title, e.id) for e in situation.chronological_events()])
        for label, widget in (
            ("Claimant", self.claimant),
            ("Statement", self.statement),
            ("Status", self.status),
            ("Figure: subject", self.subject),
            ("Figure: value", self.value),
            ("Figure: unit", self.unit),
            ("Figure: qualifier", self.qualifier),
            ("About the events", self.about),
        ):
            self.form.addRow(label, widget)
        self.finish()

    def figure(self) -> dict[str, Any] | None:
        """The figure as the model holds it, or None; ValueError for an unreadable value."""
        text = self.value.text().strip().replace(",", "")
        if not text and not self.subject.text().strip():
            return None
        figure: dict[str, Any] = {
            "subject": self.subject.text().strip()[:300],
            "unit": self.unit.text().strip()[:300],
        }
        low, dash, high = text.partition("-")
        if dash:
            figure["min"], figure["max"] = float(low), float(high)
        else:
            figure["value"] = float(text)
            figure["qualifier"] = self.qualifier.currentText()
        return figure

    def item(self, item_id: str, citation: dict[str, Any]) -> dict[str, Any]:
        claim: dict[str, Any] = {
            "id": item_id,
            "statement": self.statement.toPlainText().strip()[:20000],
            "status": self.status.currentData(),
            "citations": [citation],
        }
        if self.claimant.currentData():
            claim["claimant"] = self.claimant.currentData()
        figure = self.figure()
        if figure is not None:
            claim["figures"] = [figure]
        if checked(self.about):
            claim["about"] = checked(self.about)
        return claim
