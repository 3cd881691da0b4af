"""File → Export snapshot: where to write, at what size, and what goes on the map.

The dialog only gathers choices; ``MainWindow`` turns them into a ``Snapshot`` of the
current view and hands that to an ``ExportJob`` thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mapapp.i18n import QT_TRANSLATE_NOOP, translate
from mapapp.render.export import FORMATS, MAX_SIDE, raster_size_problem

FORMAT_NAMES = {  # in English; filters() gives them in the interface's language
    ".png": QT_TRANSLATE_NOOP("export", "PNG image"),
    ".svg": QT_TRANSLATE_NOOP("export", "SVG vector drawing"),
    ".pdf": QT_TRANSLATE_NOOP("export", "PDF document"),
}


def filters() -> dict[str, str]:
    """The file dialog's filter for each suffix: "PNG image (*.png)"."""
    return {
        suffix: translate("export", name) + f" (*{suffix})" for suffix, name in FORMAT_NAMES.items()
    }


@dataclass(frozen=True)
class ExportChoices:
    path: Path
    width: int
    height: int
    dpi: int
    title: str
    legend: bool
    scale_bar: bool
    north_arrow: bool
    attribution: bool
    data_date: bool
    caption: bool  # the selected event's caption (and its highlight)


class ExportDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        path: Path,
        size: tuple[int, int],
        title: str,
        selected_label: str | None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("export", "Export snapshot"))
        self.path_edit = QLineEdit(str(path))
        browse = QPushButton(translate("export", "Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        self.width_box = _spin(1, MAX_SIDE, size[0], " px")
        self.height_box = _spin(1, MAX_SIDE, size[1], " px")
        size_row = QHBoxLayout()
        size_row.addWidget(self.width_box)
        size_row.addWidget(QLabel("×"))
        size_row.addWidget(self.height_box)
        size_row.addStretch(1)
        self.dpi_box = _spin(24, 1200, 96, " dpi")
        self.dpi_box.setToolTip(
            translate("export", "PNG pixel density: 96 dpi = 1×, 192 dpi = 2× (SVG/PDF are vector)")
        )

        self.title_edit = QLineEdit(title)
        self.title_edit.setPlaceholderText(translate("export", "no title"))
        self.legend = QCheckBox(translate("export", "Legend"))
        self.scale_bar = QCheckBox(translate("export", "Scale bar"))
        self.north_arrow = QCheckBox(translate("export", "North arrow"))
        self.attribution = QCheckBox(
            translate("export", "Attribution (Natural Earth, the reports)")
        )
        self.data_date = QCheckBox(translate("export", "Data date"))
        for box in (
            self.legend,
            self.scale_bar,
            self.north_arrow,
            self.attribution,
            self.data_date,
        ):
            box.setChecked(True)
        self.caption = QCheckBox(
            translate("export", "Caption of the selected event: {event}").format(
                event=selected_label
            )
            if selected_label
            else translate("export", "Caption of the selected event (nothing selected)")
        )
        self.caption.setChecked(selected_label is not None)
        self.caption.setEnabled(selected_label is not None)

        form = QFormLayout()
        form.addRow(translate("export", "File:"), path_row)
        form.addRow(translate("export", "Size:"), size_row)
        dpi_row = QHBoxLayout()
        dpi_row.addWidget(self.dpi_box)
        dpi_row.addStretch(1)
        form.addRow(translate("export", "Density:"), dpi_row)
        form.addRow(translate("export", "Title:"), self.title_edit)
        boxes = (self.legend, self.scale_bar, self.north_arrow, self.attribution, self.data_date)
        for box in (*boxes, self.caption):
            form.addRow("", box)
        note = QLabel(
            translate(
                "export", "The map shows the current view and the layers ticked in the Layers list."
            )
        )
        note.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(translate("export", "Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.path_edit.textChanged.connect(self._format_changed)
        self._format_changed()

    def choices(self) -> ExportChoices:
        return ExportChoices(
            path=Path(self.path_edit.text().strip()).expanduser(),
            width=self.width_box.value(),
            height=self.height_box.value(),
            dpi=self.dpi_box.value(),
            title=self.title_edit.text(),
            legend=self.legend.isChecked(),
            scale_bar=self.scale_bar.isChecked(),
            north_arrow=self.north_arrow.isChecked(),
            attribution=self.attribution.isChecked(),
            data_date=self.data_date.isChecked(),
            caption=self.caption.isChecked() and self.caption.isEnabled(),
        )

    def problem(self) -> str | None:
        """Why the current choices cannot be exported, or None."""
        c = self.choices()
        if not self.path_edit.text().strip():
            return translate("export", "Choose a file to write.")
        suffix = c.path.suffix.lower()
        if suffix not in FORMATS:
            said = translate("export", "Unknown format {suffix}: use .png, .svg or .pdf.")
            return said.format(suffix=suffix or translate("export", "(no suffix)"))
        if c.path.is_dir():
            return translate("export", "{path} is a folder; choose a file name.").format(
                path=c.path
            )
        if not c.path.parent.is_dir():
            said = translate("export", "The folder {folder} does not exist.")
            return said.format(folder=c.path.parent)
        if suffix == ".png":
            problem = raster_size_problem(c.width, c.height, c.dpi / 96)
            if problem:
                return problem[0].upper() + problem[1:] + "."
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error_label.setText(problem)
            return
        super().accept()

    def _format_changed(self) -> None:
        self.dpi_box.setEnabled(Path(self.path_edit.text().strip()).suffix.lower() == ".png")
        self.error_label.setText("")

    def _browse(self) -> None:
        current = Path(self.path_edit.text().strip() or "snapshot.png")
        choices = filters()
        suffix = current.suffix.lower() if current.suffix.lower() in choices else ".png"
        path, chosen = QFileDialog.getSaveFileName(
            self,
            translate("export", "Export snapshot"),
            str(current),
            ";;".join(choices.values()),
            choices[suffix],
        )
        if not path:
            return
        if Path(path).suffix.lower() not in choices:
            path += next(s for s, f in choices.items() if f == chosen) if chosen else ".png"
        self.path_edit.setText(path)


def _spin(low: int, high: int, value: int, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(max(low, min(high, value)))
    box.setSuffix(suffix)
    box.setGroupSeparatorShown(True)
    return box
