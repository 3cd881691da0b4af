"""The timeline dock: events per day/week/month stacked by type, a time window to drag
and resize, play/pause with speed, and the window / accumulate / fade modes.

Emits ``window_changed(TimeWindow | None)``; None means no window (every event shown).
Keyboard, when the timeline has focus: space plays or pauses, arrows step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mapapp.i18n import QT_TRANSLATE_NOOP, tr, translate
from mapapp.model.timeline import BIN_SIZES, MODES, TimeWindow, histogram
from mapapp.ui.timeline_bar import TimelineBar

if TYPE_CHECKING:
    from mapapp.model.events_table import EventsTable

SPEEDS = (1, 2, 4, 8, 16)  # steps per second
STEP_DAYS = {"day": 1, "week": 7, "month": 30}
# the combo boxes' words for the model's codes (the items' data stay the codes)
MODE_LABELS = {
    "window": QT_TRANSLATE_NOOP("timeline", "window"),
    "accumulate": QT_TRANSLATE_NOOP("timeline", "accumulate"),
    "fade": QT_TRANSLATE_NOOP("timeline", "fade"),
}
BIN_LABELS = {
    "day": QT_TRANSLATE_NOOP("timeline", "per day"),
    "week": QT_TRANSLATE_NOOP("timeline", "per week"),
    "month": QT_TRANSLATE_NOOP("timeline", "per month"),
}


def auto_bin_size(first: int, last: int) -> str:
    span = last - first
    return "month" if span > 3 * 365 else "week" if span > 120 else "day"


class TimelinePanel(QWidget):
    window_changed = Signal(object)  # TimeWindow | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table: EventsTable | None = None
        self.window: TimeWindow | None = None
        self.bar = TimelineBar()
        self.enabled = QCheckBox(translate("timeline", "Time window"))
        self.enabled.setToolTip(
            translate("timeline", "Show only the events of a time window (off: every event)")
        )
        self.play = QToolButton()
        self.play.setText(translate("timeline", "▶ Play"))
        self.play.setToolTip(translate("timeline", "Play or pause (Space)"))
        self.play.setCheckable(True)
        self.speed = QComboBox()
        for n in SPEEDS:
            self.speed.addItem(tr("%Ln step(s)/s", "timeline", n), n)
        self.speed.setCurrentIndex(2)
        self.mode = QComboBox()
        for m in MODES:
            self.mode.addItem(translate("timeline", MODE_LABELS.get(m, m)), m)
        self.mode.setToolTip(
            translate(
                "timeline",
                "window: only events in it · accumulate: everything up to its end · "
                "fade: older events fade out",
            )
        )
        self.bin_size = QComboBox()
        for b in BIN_SIZES:
            self.bin_size.addItem(translate("timeline", BIN_LABELS[b]), b)
        self.label = QLabel(translate("timeline", "every event shown"))
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setMinimumWidth(120)
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        for w in (self.enabled, self.play, self.speed, self.mode, self.bin_size):
            controls.addWidget(w)
        controls.addWidget(self.label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addLayout(controls)
        layout.addWidget(self.bar, 1)

        self.timer = QTimer(self)
        self.timer.timeout.connect(self.step_forward)
        self.enabled.toggled.connect(self._enabled_toggled)
        self.play.toggled.connect(self._play_toggled)
        self.speed.currentIndexChanged.connect(self._speed_changed)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.bin_size.currentIndexChanged.connect(self._refresh_histogram)
        self.bar.dragged.connect(self.set_days)

    # content -------------------------------------------------------------------
    def set_table(self, table: EventsTable) -> None:
        self.pause()
        self.table = table
        self.window = None
        self.enabled.blockSignals(True)
        self.enabled.setChecked(False)
        self.enabled.blockSignals(False)
        lo, hi, dated = table.days()
        first, last = (int(lo[dated].min()), int(hi[dated].max())) if dated.any() else (0, 0)
        self.bin_size.blockSignals(True)
        self.bin_size.setCurrentIndex(BIN_SIZES.index(auto_bin_size(first, last)))
        self.bin_size.blockSignals(False)
        self._refresh_histogram()
        self.bar.set_window(None)
        self.label.setText(translate("timeline", "every event shown"))

    def word_again(self) -> None:
        """After a language change: the choices (speeds, modes, bins), the window's days
        and the histogram's axis anew."""
        for i, n in enumerate(SPEEDS):
            self.speed.setItemText(i, tr("%Ln step(s)/s", "timeline", n))
        for i, m in enumerate(MODES):
            self.mode.setItemText(i, translate("timeline", MODE_LABELS.get(m, m)))
        for i, b in enumerate(BIN_SIZES):
            self.bin_size.setItemText(i, translate("timeline", BIN_LABELS[b]))
        self._announce()
        self.bar.update()

    def _refresh_histogram(self) -> None:
        if self.table is None:
            return
        from mapapp.render.event_styles import EVENT_STYLES

        hist = histogram(self.table, self.bin_size.currentData())
        fallback = EVENT_STYLES["report"].fill
        colours = [EVENT_STYLES.get(t, EVENT_STYLES["report"]).fill or fallback for t in hist.types]
        self.bar.set_histogram(hist, [QColor(c) for c in colours])

    def step_days(self) -> int:
        return STEP_DAYS[self.bin_size.currentData()]

    # the window ----------------------------------------------------------------
    def set_days(self, first: int, last: int) -> None:
        """Show days first..last (turns the window on)."""
        mode = self.mode.currentData()
        self.window = TimeWindow(int(first), int(last), mode)
        if not self.enabled.isChecked():
            self.enabled.blockSignals(True)
            self.enabled.setChecked(True)
            self.enabled.blockSignals(False)
        self._announce()

    def set_window(self, window: TimeWindow | None) -> None:
        if window is None:
            self.enabled.setChecked(False)
            return
        index = self.mode.findData(window.mode)
        self.mode.blockSignals(True)
        self.mode.setCurrentIndex(max(index, 0))
        self.mode.blockSignals(False)
        self.set_days(window.first, window.last)

    def _announce(self) -> None:
        w = self.window if self.enabled.isChecked() else None
        self.bar.set_window((w.first, w.last) if w else None)
        self.label.setText(w.label() if w else translate("timeline", "every event shown"))
        self.window_changed.emit(w)

    def _enabled_toggled(self, on: bool) -> None:
        if on and self.window is None:
            first, last = self.bar.default_window()
            self.window = TimeWindow(first, last, self.mode.currentData())
        if not on:
            self.pause()
        self._announce()

    def _mode_changed(self) -> None:
        if self.window is not None:
            w = self.window
            self.window = TimeWindow(w.first, w.last, self.mode.currentData(), w.fade_days)
            if self.enabled.isChecked():
                self._announce()

    # playback ------------------------------------------------------------------
    def _play_toggled(self, on: bool) -> None:
        self.play.setText(
            translate("timeline", "⏸ Pause") if on else translate("timeline", "▶ Play")
        )
        if on:
            if not self.enabled.isChecked() or self.window is None:
                lo, _hi = self.bar.span()
                first, last = self.bar.default_window()
                self.set_days(lo, lo + (last - first))
            elif self.window.last >= self.bar.span()[1]:  # at the end: from the start
                lo = self.bar.span()[0]
                self.set_days(lo, lo + self.window.last - self.window.first)
            self._speed_changed()
            self.timer.start()
        else:
            self.timer.stop()

    def _speed_changed(self) -> None:
        self.timer.setInterval(int(1000 / self.speed.currentData()))

    def toggle_play(self) -> None:
        self.play.setChecked(not self.play.isChecked())

    def pause(self) -> None:
        self.play.setChecked(False)

    def step(self, sign: int) -> None:
        if self.window is None or not self.enabled.isChecked():
            first, last = self.bar.default_window()
            self.set_days(first, last)
            return
        w = self.window.stepped(sign * self.step_days())
        self.set_days(w.first, w.last)

    def step_forward(self) -> None:
        """One playback step; playback stops once the window has passed the last event."""
        if self.window is not None and self.window.last >= self.bar.span()[1]:
            self.pause()
            return
        self.step(1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Space:
            self.toggle_play()
        elif key == Qt.Key.Key_Right:
            self.step(1)
        elif key == Qt.Key.Key_Left:
            self.step(-1)
        else:
            super().keyPressEvent(event)

    def window_text(self) -> str:
        """For captions: which days the map shows."""
        w = self.window if self.enabled.isChecked() else None
        return w.label() if w else ""
