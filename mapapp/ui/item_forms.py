"""The forms of a new event and a new claim made from a selection in the article: what
the model holds (time and its precision, place and its precision and radius, participants;
claimant, statement, figures, status, what it is about). The form builds the item; the
edit checks it (``model.editing``) and says what to fix, keeping the form's values."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mapapp.i18n import QT_TRANSLATE_NOOP, translate
from mapapp.model.situation import STATUS_LABELS, Situation
from mapapp.model.vocabulary import (
    event_type_label,
    precision_label,
    status_label,
    time_precision_label,
)
from mapapp.render.event_styles import EVENT_STYLES
from mapapp.ui.form_widgets import (
    Form,
    Participants,
    actor_kind_label,
    checked,
    checklist,
    code_label,
    degrees_box,
    keeping_order,
    parse_number,
    set_checked,
    shown_number,
    without,
)

TIME_PRECISIONS = ("day", "week", "month", "year", "after", "unknown")
LOCATION_PRECISIONS = ("near", "exact", "region", "unknown")
QUALIFIERS = {
    "exact": QT_TRANSLATE_NOOP("forms", "exact"),
    "over": QT_TRANSLATE_NOOP("forms", "over"),
    "at least": QT_TRANSLATE_NOOP("forms", "at least"),
    "about": QT_TRANSLATE_NOOP("forms", "about"),
    "up to": QT_TRANSLATE_NOOP("forms", "up to"),
}
# a place put by hand: how precisely (the km of model.editing.ACCURACIES_KM)
ACCURACY_LABELS = {
    0.1: QT_TRANSLATE_NOOP("forms", "exact (within 100 m)"),
    1.0: QT_TRANSLATE_NOOP("forms", "within 1 km"),
    5.0: QT_TRANSLATE_NOOP("forms", "within 5 km"),
    25.0: QT_TRANSLATE_NOOP("forms", "within 25 km"),
    100.0: QT_TRANSLATE_NOOP("forms", "rough (within 100 km)"),
}


class EventForm(Form):
    """A new event (``item(id, citation)``) or an existing one's fields (``changes``)."""

    def __init__(
        self,
        situation: Situation,
        quote: str,
        parent: QWidget | None = None,
        event: dict[str, Any] | None = None,
        time: dict[str, Any] | None = None,
    ) -> None:
        """``time``: a new event's when, as read in the article (precision, start, end)."""
        title = translate("forms", "Edit event") if event else translate("forms", "New event")
        super().__init__(title, parent)
        self.old = event or {}
        self.type = QComboBox()
        for code in EVENT_STYLES:
            self.type.addItem(code_label(code, event_type_label(code)), code)
        self.title = QLineEdit(quote[:300])
        self.time_precision = QComboBox()
        for code in TIME_PRECISIONS:
            self.time_precision.addItem(code_label(code, time_precision_label(code)), code)
        self.start = QLineEdit()
        self.start.setPlaceholderText(translate("forms", "YYYY, YYYY-MM or YYYY-MM-DD"))
        self.end = QLineEdit()
        self.end.setPlaceholderText(translate("forms", "(same as start)"))
        self.place = QComboBox()
        self.place.addItem(translate("forms", "— no place —"), "")
        for p in situation.places.values():
            self.place.addItem(p.name, p.id)
        self.location_precision = QComboBox()
        for code in LOCATION_PRECISIONS:
            self.location_precision.addItem(code_label(code, precision_label(code)), code)
        self.radius = QDoubleSpinBox()
        self.radius.setRange(0, 5000)
        self.radius.setSuffix(" km")
        self.radius.setSpecialValueText(translate("forms", "no radius"))
        self.actors = Participants([(a.name, a.id) for a in situation.actors.values()])
        for label, widget in (
            (translate("forms", "Type"), self.type),
            (translate("forms", "Title"), self.title),
            (translate("forms", "Time precision"), self.time_precision),
            (translate("forms", "Start"), self.start),
            (translate("forms", "End"), self.end),
            (translate("forms", "Place"), self.place),
            (translate("forms", "Location precision"), self.location_precision),
            (translate("forms", "Radius"), self.radius),
            (translate("forms", "Actors and roles"), self.actors),
        ):
            self.form.addRow(label, widget)
        self.finish()
        if event:
            self._load(event)
        elif time:
            where = self.time_precision.findData(time.get("precision"))
            self.time_precision.setCurrentIndex(max(0, where))
            self.start.setText(time.get("start", ""))
            self.end.setText(time.get("end", "") if time.get("end") != time.get("start") else "")

    def _load(self, e: dict[str, Any]) -> None:
        self.type.setCurrentIndex(max(0, self.type.findData(e["type"])))
        self.title.setText(e["title"])
        time, loc = e["time"], e["location"]
        precision = time["precision"]
        self.time_precision.setCurrentIndex(max(0, self.time_precision.findData(precision)))
        self.start.setText(time.get("start", ""))
        self.end.setText(time.get("end", ""))
        self.place.setCurrentIndex(max(0, self.place.findData(loc.get("place", ""))))
        where = self.location_precision.findData(loc["precision"])
        self.location_precision.setCurrentIndex(max(0, where))
        self.radius.setValue(loc.get("radius_km", 0))
        self.actors.load(e.get("actors", []))

    def changes(self) -> dict[str, Any]:
        """The fields the form holds; what it does not show (a time's source, a
        location's area or note, participants' roles) is kept from the event."""
        time = without(self.old.get("time", {}), "precision", "start", "end")
        time["precision"] = self.time_precision.currentData()
        if self.start.text().strip():
            time["start"] = self.start.text().strip()
        if self.end.text().strip():
            time["end"] = self.end.text().strip()
        location = without(self.old.get("location", {}), "precision", "place", "radius_km")
        location["precision"] = self.location_precision.currentData()
        if self.place.currentData():
            location["place"] = self.place.currentData()
        if self.radius.value() > 0:
            location["radius_km"] = self.radius.value()
        roles = self.actors.participants()
        return {
            "type": self.type.currentData(),
            "title": self.title.text().strip()[:300],
            "time": time,
            "location": location,
            "actors": roles or None,
        }

    def item(self, item_id: str, citation: dict[str, Any]) -> dict[str, Any]:
        fields = {k: v for k, v in self.changes().items() if v is not None}
        return {"id": item_id, **fields, "citations": [citation]}


class FigureRow(QWidget):
    """One figure of a claim: who or what is counted, a number or a range (or words),
    its unit and qualifier. ``old``: the figure it edits (what it has no field for, a
    tally, is kept)."""

    removed = Signal(object)

    def __init__(self, old: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.old = old or {}
        self.subject = QLineEdit(self.old.get("subject", ""))
        self.subject.setPlaceholderText(translate("forms", "who or what, e.g. Russians killed"))
        self.value = QLineEdit()
        self.value.setPlaceholderText(translate("forms", "50, or 20-80"))
        if "min" in self.old:
            self.value.setText(f"{shown_number(self.old['min'])}-{shown_number(self.old['max'])}")
        elif "value" in self.old:
            self.value.setText(shown_number(self.old["value"]))
        self.unit = QLineEdit(self.old.get("unit", ""))
        self.unit.setPlaceholderText(translate("forms", "unit, e.g. people"))
        self.qualifier = QComboBox()
        self.qualifier.addItem(translate("forms", "(none)"), "")
        for q, label in QUALIFIERS.items():
            self.qualifier.addItem(translate("forms", label), q)
        self.qualifier.setCurrentIndex(max(0, self.qualifier.findData(self.old.get("qualifier"))))
        self.words = QLineEdit(self.old.get("text", ""))
        self.words.setPlaceholderText(translate("forms", "or in words: heavy losses"))
        remove = QToolButton(text="×", toolTip=translate("forms", "Remove this figure"))
        remove.clicked.connect(lambda: self.removed.emit(self))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in (
            (self.subject, 3),
            (self.value, 1),
            (self.unit, 2),
            (self.qualifier, 1),
            (self.words, 2),
            (remove, 0),
        ):
            layout.addWidget(widget, stretch)

    def figure(self) -> dict[str, Any] | None:
        """The figure as the model holds it, or None for an empty row; ValueError for
        an unreadable number."""
        text = self.value.text().strip().replace(",", "")
        words = self.words.text().strip()[:300]
        subject = self.subject.text().strip()[:300]
        if not text and not words and not subject:
            return None
        figure: dict[str, Any] = without(
            self.old, "subject", "unit", "value", "min", "max", "qualifier", "text"
        )
        figure["subject"] = subject
        figure["unit"] = self.unit.text().strip()[:300]
        low, dash, high = text.partition("-")
        if dash:
            figure["min"], figure["max"] = parse_number(low), parse_number(high)
        elif text:
            figure["value"] = parse_number(text)
        elif not words:
            raise ValueError(
                translate("forms", "“{subject}” needs a number, a range or words").format(
                    subject=subject
                )
            )
        if self.qualifier.currentData():
            figure["qualifier"] = self.qualifier.currentData()
        if words:
            figure["text"] = words
        return figure


class ClaimForm(Form):
    """A new claim (``item(id, citation)``) or an existing claim's fields (``changes``):
    claimant, statement, status, its figures and the events it is about."""

    def __init__(
        self,
        situation: Situation,
        quote: str,
        parent: QWidget | None = None,
        claim: dict[str, Any] | None = None,
        figure: dict[str, Any] | None = None,
    ) -> None:
        """``figure``: a new claim's figure, as read in the article."""
        title = translate("forms", "Edit claim") if claim else translate("forms", "New claim")
        super().__init__(title, parent)
        self.old = claim or {}
        self.claimant = QComboBox()
        self.claimant.addItem(translate("forms", "Unattributed"), "")
        for a in situation.actors.values():
            self.claimant.addItem(a.name, a.id)
        self.statement = QPlainTextEdit(quote)
        self.statement.setMaximumHeight(80)
        self.status = QComboBox()
        for key in STATUS_LABELS:
            self.status.addItem(status_label(key), key)
        self.rows: list[FigureRow] = []
        self.figure_box = QVBoxLayout()
        add = QPushButton(translate("forms", "Add figure"))
        add.clicked.connect(lambda: self.add_figure())
        figures = QWidget()
        figures_layout = QVBoxLayout(figures)
        figures_layout.setContentsMargins(0, 0, 0, 0)
        figures_layout.addLayout(self.figure_box)
        figures_layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        self.about = checklist([(e.title, e.id) for e in situation.chronological_events()])
        for label, widget in (
            (translate("forms", "Claimant"), self.claimant),
            (translate("forms", "Statement"), self.statement),
            (translate("forms", "Status"), self.status),
            (translate("forms", "Figures"), figures),
            (translate("forms", "About the events"), self.about),
        ):
            self.form.addRow(label, widget)
        self.finish()
        self.setMinimumWidth(640)
        for f in self.old.get("figures", []) or [figure]:
            self.add_figure(f)
        if claim:
            self.claimant.setCurrentIndex(max(0, self.claimant.findData(claim.get("claimant"))))
            self.statement.setPlainText(claim["statement"])
            self.status.setCurrentIndex(max(0, self.status.findData(claim["status"])))
            set_checked(self.about, set(claim.get("about", [])))

    def add_figure(self, old: dict[str, Any] | None = None) -> FigureRow:
        row = FigureRow(old)
        row.removed.connect(self._remove)
        self.rows.append(row)
        self.figure_box.addWidget(row)
        return row

    def _remove(self, row: FigureRow) -> None:
        self.rows.remove(row)
        row.deleteLater()

    def changes(self) -> dict[str, Any]:
        """The fields the form holds (None: remove); ValueError for an unreadable figure."""
        figures = [f for f in (row.figure() for row in self.rows) if f is not None]
        return {
            "statement": self.statement.toPlainText().strip()[:20000],
            "status": self.status.currentData(),
            "claimant": self.claimant.currentData() or None,
            "figures": figures or None,
            "about": keeping_order(self.old.get("about", []), checked(self.about)) or None,
        }

    def item(self, item_id: str, citation: dict[str, Any]) -> dict[str, Any]:
        fields = {k: v for k, v in self.changes().items() if v is not None}
        return {"id": item_id, **fields, "citations": [citation]}


class ActorForm(Form):
    """An actor's name and kind."""

    def __init__(self, actor: dict[str, Any], kinds: tuple[str, ...], parent=None) -> None:
        super().__init__(translate("forms", "Edit actor"), parent)
        self.name = QLineEdit(actor["name"])
        self.kind = QComboBox()
        for kind in kinds:
            self.kind.addItem(code_label(kind, actor_kind_label(kind)), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(actor["kind"])))
        self.form.addRow(translate("forms", "Name"), self.name)
        self.form.addRow(translate("forms", "Kind"), self.kind)
        self.finish()

    def changes(self) -> dict[str, Any]:
        return {"name": self.name.text().strip()[:300], "kind": self.kind.currentData()}


class PlaceForm(Form):
    """A place's name, position and country."""

    def __init__(self, place: dict[str, Any], parent=None) -> None:
        super().__init__(translate("forms", "Edit place"), parent)
        self.old = place
        self.name = QLineEdit(place["name"])
        self.lat = degrees_box(90, place["lat"])
        self.lon = degrees_box(180, place["lon"])
        self.country = QLineEdit(place.get("country", ""))
        self.country.setInputMask(">AA;_")
        for label, widget in (
            (translate("forms", "Name"), self.name),
            (translate("forms", "Latitude"), self.lat),
            (translate("forms", "Longitude"), self.lon),
            (translate("forms", "Country (ISO code)"), self.country),
        ):
            self.form.addRow(label, widget)
        self.finish()

    def _unless_same(self, value: float, key: str) -> float:
        """The position as it was unless the user moved it (the box shows 7 decimals)."""
        return self.old[key] if abs(value - self.old[key]) < 5e-8 else round(value, 7)

    def changes(self) -> dict[str, Any]:
        country = self.country.text().strip().upper()
        return {
            "name": self.name.text().strip()[:300],
            "lat": self._unless_same(self.lat.value(), "lat"),
            "lon": self._unless_same(self.lon.value(), "lon"),
            "country": country if len(country) == 2 else None,
        }


class HandPlaceForm(Form):
    """A place put on the map by hand: its name and how precisely it is placed."""

    def __init__(self, name: str, where: str, parent=None) -> None:
        from mapapp.model.editing import ACCURACIES_KM

        super().__init__(translate("forms", "Place on the map"), parent)
        self.name = QLineEdit(name[:300])
        self.accuracy = QComboBox()
        for label, km in ACCURACIES_KM.items():
            self.accuracy.addItem(translate("forms", ACCURACY_LABELS.get(km, label)), km)
        self.accuracy.setCurrentIndex(2)
        self.form.addRow(translate("forms", "Name"), self.name)
        if where:
            self.form.addRow(translate("forms", "Position"), QLabel(where))
        self.form.addRow(translate("forms", "Precision"), self.accuracy)
        self.finish()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.name.textChanged.connect(lambda t: ok.setEnabled(bool(t.strip())))
        ok.setEnabled(bool(name.strip()))

    def values(self) -> tuple[str, float]:
        return self.name.text().strip()[:300], float(self.accuracy.currentData())
