"""The docks around the map: layers on the left, the situation's lists and the details on
the right, the timeline below. Their shells exist from the start (so a saved window state
restores them); their contents are built once the map has painted (``ensure``), since the
lists cost more than the first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QMainWindow

from mapapp.i18n import translate
from mapapp.render.scene import LAYERS, layer_name

if TYPE_CHECKING:
    from PySide6.QtWidgets import QListWidget, QListWidgetItem

    from mapapp.model.situation import Situation
    from mapapp.ui.details import DetailsView
    from mapapp.ui.map_view import MapView
    from mapapp.ui.side_panel import SidePanel
    from mapapp.ui.timeline import TimelinePanel

# The map paints first; the side docks fill in this long after (too short to notice).
DOCKS_DELAY_MS = 15


class DockLayout(QObject):
    """``panel``, ``details``, ``timeline`` and ``layer_list`` are None until ``built``;
    ``filled`` follows every fill of the lists with a situation."""

    built = Signal()
    filled = Signal()

    def __init__(self, window: QMainWindow, map_view: MapView) -> None:
        super().__init__(window)
        self.window = window
        self.map_view = map_view
        self.panel: SidePanel | None = None
        self.details: DetailsView | None = None
        self.timeline: TimelinePanel | None = None
        self.layer_list: QListWidget | None = None
        self.situation: Situation | None = None  # the one the lists show, or will
        self.pending = False  # the lists wait for the next frame to show ``situation``
        self._scheduled = False
        self.layer_dock = self._dock(
            translate("window", "Layers"), "layers_dock", Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.layer_dock.setMinimumWidth(170)  # its list arrives after the first frame
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.panel_dock = self._dock(translate("window", "Situation"), "situation_dock", right)
        self.panel_dock.setMinimumWidth(400)
        self.details_dock = self._dock(translate("window", "Details"), "details_dock", right)
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.timeline_dock = self._dock(translate("window", "Timeline"), "timeline_dock", bottom)
        window.resizeDocks([self.panel_dock], [440], Qt.Orientation.Horizontal)
        window.resizeDocks([self.timeline_dock], [130], Qt.Orientation.Vertical)

    def _dock(self, title: str, name: str, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        self.window.addDockWidget(area, dock)
        return dock

    def docks(self) -> tuple[QDockWidget, ...]:
        return (self.layer_dock, self.panel_dock, self.details_dock, self.timeline_dock)

    # building ---------------------------------------------------------------------------
    def ensure(self) -> None:
        """Build the docks' contents now (if not yet) and show what is open."""
        if self.panel is not None:
            return
        from mapapp.ui.details import DetailsView
        from mapapp.ui.side_panel import SidePanel
        from mapapp.ui.timeline import TimelinePanel

        self._fill_layer_dock()
        self.panel = SidePanel()
        self.panel_dock.setWidget(self.panel)
        self.details = DetailsView()
        self.details_dock.setWidget(self.details)
        self.timeline = TimelinePanel()
        self.timeline_dock.setWidget(self.timeline)
        self.fit_tabs()
        self.built.emit()
        if self.situation is not None:
            self._fill()

    def map_painted(self, loading: bool) -> None:
        """After a frame: build the docks once the map shows what is open (not while a
        file given at start is still being read: the reader has the CPU), then fill the
        lists of a situation that arrived since."""
        if self.panel is None and not self._scheduled and not loading:
            self._scheduled = True
            QTimer.singleShot(DOCKS_DELAY_MS, self.ensure)
        if self.pending and self.panel is not None:
            self.pending = False
            QTimer.singleShot(0, self._fill)

    def show_situation(self, situation: Situation, now: bool = True) -> None:
        """The lists follow ``situation``: now, or (a big file) after the map's next frame."""
        self.situation = situation
        if self.timeline is not None:  # the old window means nothing for the new data
            self.timeline.pause()
        if self.panel is None:
            return
        if now:
            self._fill()
        else:
            self.panel.setEnabled(False)
            self.pending = True

    def _fill(self) -> None:
        self.pending = False
        s = self.situation
        self.panel.setEnabled(True)
        self.panel.set_situation(s)
        self.details.set_situation(s)
        self.timeline.set_table(s.events_table())
        self.filled.emit()

    def fit_tabs(self) -> None:
        """Give the side panel the width its tabs need in the interface's language, when
        the window has room (a narrow window keeps its size: the tabs scroll)."""
        bar = self.panel.tabs.tabBar()
        need = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
        need += 40  # the panel's margins and the dock's frame
        room = self.window.width() - self.layer_dock.width() - 420  # keep the map usable
        if self.panel_dock.width() < need <= room:
            self.window.resizeDocks([self.panel_dock], [need], Qt.Orientation.Horizontal)

    def word_again(self) -> None:
        """After a language change: the layer names, the lists and details, worded with
        values, again."""
        if self.panel is None:
            return
        for i in range(self.layer_list.count()):
            item = self.layer_list.item(i)
            name = layer_name(item.data(Qt.ItemDataRole.UserRole))
            item.setText(name)
            item.setToolTip(name)
        self.panel.word_again()
        self.details.word_again()
        self.timeline.word_again()
        self.fit_tabs()

    def _fill_layer_dock(self) -> None:
        """The layer list with a swatch per layer; ticks follow the map's visible layers."""
        from PySide6.QtGui import QIcon, QPixmap
        from PySide6.QtWidgets import QListWidget, QListWidgetItem

        from mapapp.render.legend import layer_swatch

        self.layer_list = QListWidget()
        self.layer_list.setIconSize(QSize(18, 18))
        scale = self.window.devicePixelRatioF()
        shown = self.map_view.options.layers
        for key in LAYERS:
            name = layer_name(key)
            icon = QIcon(QPixmap.fromImage(layer_swatch(key, scale=scale)))
            item = QListWidgetItem(icon, name)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in shown else Qt.CheckState.Unchecked)
            item.setToolTip(name)
            self.layer_list.addItem(item)
        self.layer_list.itemChanged.connect(self._layer_toggled)
        # wide enough for every name (a check box, a swatch, the text and the margins)
        fm = self.layer_list.fontMetrics()
        text = max(fm.horizontalAdvance(layer_name(key)) for key in LAYERS)
        self.layer_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.layer_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.layer_dock.setWidget(self.layer_list)
        # wide enough for every name where the window has room; narrower, names elide (a
        # hard minimum would make the window wider than an 800-pixel screen)
        wanted = text + 18 + 56
        if self.layer_dock.width() < wanted and self.window.width() >= 1024:
            self.window.resizeDocks([self.layer_dock], [wanted], Qt.Orientation.Horizontal)

    def _layer_toggled(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        self.map_view.set_layer_visible(key, item.checkState() == Qt.CheckState.Checked)

    # bringing a dock forward ---------------------------------------------------------------
    def show_article(self) -> None:
        """Authoring reads the article: its tab, with most of the height."""
        self.ensure()
        self.panel.tabs.setCurrentWidget(self.panel.article)
        self.window.resizeDocks(
            [self.panel_dock, self.details_dock], [2, 1], Qt.Orientation.Vertical
        )

    def show_details(self) -> None:
        self.details_dock.show()
        self.details_dock.raise_()
        self.details.setFocus()

    def focus_search(self) -> None:
        self.ensure()
        self.panel_dock.show()
        self.panel.search_box().setFocus()
        self.panel.search_box().selectAll()
