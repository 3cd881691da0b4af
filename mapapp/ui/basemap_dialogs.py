"""The basemap's dialogs: a provider from xyzservices' catalogue, or a URL template of the
user's own. Apart from ``basemap_control`` so that start-up does not build their widget
classes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mapapp.geo.tile_sources import TileSource, TileSourceError, catalogue, custom_source
from mapapp.i18n import translate
from mapapp.ui.dialog_buttons import ok_cancel


class ProviderDialog(QDialog):
    """Every keyless provider of xyzservices' catalogue, filtered as you type."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("basemap", "Basemap providers"))
        self.resize(520, 560)
        self.filter = QLineEdit(
            placeholderText=translate("basemap", "Filter, e.g. imagery, topo, OpenStreetMap")
        )
        self.list = QListWidget()
        for name, source in sorted(catalogue().items()):
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, name)
            zooms = (
                translate("basemap", "zoom {min}–{max} (regional)")
                if source.bounds
                else translate("basemap", "zoom {min}–{max}")
            ).format(min=source.min_zoom, max=source.max_zoom)
            item.setToolTip(f"{source.attribution}\n{zooms}")
            self.list.addItem(item)
        self.filter.textChanged.connect(self._filter)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        note = QLabel(
            translate(
                "basemap",
                "Tiles are fetched from the provider's servers as you look at the map, under "
                "its terms of use; its credit is drawn on the map and in every export.",
            )
        )
        note.setWordWrap(True)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        for widget in (self.filter, self.list, note, buttons):
            layout.addWidget(widget)
        self.list.setCurrentRow(0)

    def _filter(self, text: str) -> None:
        words = text.lower().split()
        first = None
        for i in range(self.list.count()):
            item = self.list.item(i)
            hay = f"{item.text()} {item.toolTip()}".lower()
            hidden = not all(w in hay for w in words)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        if first is not None:
            self.list.setCurrentItem(first)

    def chosen(self) -> TileSource | None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return catalogue()[item.data(Qt.ItemDataRole.UserRole)]


class CustomUrlDialog(QDialog):
    """An XYZ URL template of the user's own (a national mapping agency, a local tile
    server), checked before it is accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("basemap", "Custom tile URL"))
        self.source: TileSource | None = None
        self.template = QLineEdit(placeholderText="https://tiles.example.org/{z}/{x}/{y}.png")
        self.attribution = QLineEdit(
            placeholderText=translate("basemap", "© the tiles' owner (drawn on the map)")
        )
        self.max_zoom = QSpinBox(minimum=0, maximum=22, value=19)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b91c1c")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(translate("basemap", "URL template"), self.template)
        form.addRow(translate("basemap", "Attribution"), self.attribution)
        form.addRow(translate("basemap", "Maximum zoom"), self.max_zoom)
        form.addRow(
            QLabel(
                translate(
                    "basemap",
                    "Placeholders: {z} {x} {y} (or {-y} for TMS rows), {s} subdomain, {r} @2x.",
                )
            )
        )
        form.addRow(self.error)
        buttons = ok_cancel(self)
        form.addRow(buttons)
        self.setMinimumWidth(560)

    def accept(self) -> None:
        try:
            self.source = custom_source(
                self.template.text(), self.attribution.text(), self.max_zoom.value()
            )
        except TileSourceError as exc:
            self.error.setText(str(exc))
            return
        super().accept()
