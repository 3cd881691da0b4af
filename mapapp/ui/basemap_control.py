"""View → Basemap and File → Add basemap file…: which tile basemap the map shows.

The choice is remembered with every field of its source (not just a name), so the next
start draws it without loading xyzservices' catalogue. A source that cannot be used
says why in a dialog and leaves the map as it was.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QFontMetrics
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox

from mapapp.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from mapapp.geo.tile_sources import TileSource
    from mapapp.net.tile_loader import TileLoader
    from mapapp.ui.basemap_dialogs import ProviderDialog
    from mapapp.ui.feedback import Feedback
    from mapapp.ui.map_view import MapView

SETTINGS_KEY = "basemap/source"
STATUS_PX = 420  # the basemap's status line is cut here; its tooltip has it whole
# The menu's short list (every other provider of xyzservices' catalogue is one dialog
# away). geo.tile_sources is imported only when a tile basemap is used: start-up without
# one does not pay for it.
FEATURED_LABELS = {
    "OpenStreetMap.Mapnik": QT_TRANSLATE_NOOP("basemap", "OpenStreetMap (standard tiles)"),
    "Esri.WorldImagery": QT_TRANSLATE_NOOP("basemap", "Esri World Imagery (satellite)"),
    "OpenTopoMap": QT_TRANSLATE_NOOP("basemap", "OpenTopoMap (terrain)"),
    "Esri.WorldTopoMap": QT_TRANSLATE_NOOP("basemap", "Esri World Topographic"),
}


class BasemapControl(QObject):
    """Owns the window's tile loader; ``loader`` is None for the vector basemap alone."""

    def __init__(self, window: QMainWindow, map_view: MapView, feedback: Feedback) -> None:
        super().__init__(window)
        self.window = window  # the dialogs' parent, and its status bar holds our line
        self.map_view = map_view
        self.feedback = feedback
        self.loader: TileLoader | None = None
        self.menu = QMenu(translate("basemap", "&Basemap"), window)
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.none_action = self._choice(
            translate("basemap", "&None (vector map only)"), lambda: self.set_source(None)
        )
        self.menu.addSeparator()
        self.featured: dict[str, QAction] = {}
        for name, label in FEATURED_LABELS.items():
            self.featured[name] = self._choice(
                translate("basemap", label), lambda n=name: self._featured(n)
            )
        # the chosen source when it is not in the list above (already shown: no action)
        self.other_action = self._choice("", lambda: None)
        self.other_action.setVisible(False)
        self.menu.addSeparator()
        more = self.menu.addAction(translate("basemap", "More &providers…"))
        more.triggered.connect(self.provider_dialog)
        custom = self.menu.addAction(translate("basemap", "&Custom tile URL…"))
        custom.triggered.connect(self.custom_dialog)
        self.file_action = QAction(
            translate("basemap", "Add &basemap file (MBTiles, PMTiles)…"), window
        )
        self.file_action.triggered.connect(self.file_dialog)
        self.menu.addAction(self.file_action)
        self.none_action.setChecked(True)
        # The basemap's own line in the status bar: a tile failure arriving later never
        # replaces the message of an export or a save.
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.hide()
        window.statusBar().addPermanentWidget(self.status)

    def say(self, text: str) -> None:
        """Show ``text`` on the basemap's status line, cut to fit, whole in its tooltip."""
        metrics = QFontMetrics(self.status.font())
        self.status.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, STATUS_PX))
        self.status.setToolTip(text)
        self.status.setVisible(bool(text))

    def _choice(self, label: str, on_trigger) -> QAction:
        action = self.menu.addAction(label)
        action.setCheckable(True)
        self.group.addAction(action)
        action.triggered.connect(on_trigger)
        return action

    def _featured(self, name: str) -> None:
        from mapapp.geo.tile_sources import provider

        self.set_source(provider(name))

    # the source -------------------------------------------------------------------
    @property
    def source(self) -> TileSource | None:
        return self.loader.source if self.loader is not None else None

    def set_source(
        self, source: TileSource | None, remember: bool = True, quiet: bool = False
    ) -> bool:
        """Show ``source`` under the vector layers (None: no tiles). False, with the
        reason in a dialog (``quiet``: the status bar), if it cannot be opened; the map
        keeps what it had."""
        from mapapp.geo.tile_sources import TileSourceError
        from mapapp.net.tile_loader import TileLoader

        loader = None
        if source is not None:
            try:
                loader = TileLoader(source, parent=self)
            except TileSourceError as exc:
                if quiet:
                    self.say(
                        translate("basemap", "Basemap not restored: {reason}").format(reason=exc)
                    )
                else:
                    self._refuse(str(exc))
                self._check(self.source)
                return False
            loader.problem.connect(self.say)
        old, self.loader = self.loader, loader
        self.map_view.set_tile_loader(loader)
        if old is not None:
            old.close()
            old.deleteLater()
        self._check(source)
        if remember:
            QSettings().setValue(SETTINGS_KEY, json.dumps(asdict(source)) if source else "")
        if source is None:
            self.say("")
        elif source.attribution:
            self.say(
                translate("basemap", "Basemap: {name} — {credit}").format(
                    name=source.name, credit=source.attribution
                )
            )
        else:
            self.say(translate("basemap", "Basemap: {name}").format(name=source.name))
        return True

    def restore(self) -> None:
        """The basemap of the last session, if it can still be opened (quietly not)."""
        text = str(QSettings().value(SETTINGS_KEY, "") or "")
        if not text:
            return
        from mapapp.geo.tile_sources import TileSourceError

        try:
            source = _saved_source(text)
        except (ValueError, TypeError, KeyError, AttributeError, TileSourceError):
            QSettings().remove(SETTINGS_KEY)  # damaged: the vector map, and no crash
            return
        if not source.online and not Path(source.location).is_file():
            self.say(
                translate("basemap", "Basemap file {path} is gone.").format(path=source.location)
            )
            return
        self.set_source(source, remember=False, quiet=True)

    def close(self) -> None:
        if self.loader is not None:
            self.loader.close()

    def _check(self, source: TileSource | None) -> None:
        if source is None:
            self.none_action.setChecked(True)
            self.other_action.setVisible(False)
            return
        action = self.featured.get(source.spec) if source.online else None
        if action is None:
            action = self.other_action
            action.setText(source.name)
            action.setVisible(True)
        else:
            self.other_action.setVisible(False)
        action.setChecked(True)

    def _refuse(self, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, translate("basemap", "Basemap"), message, parent=self.window
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        self.feedback.last_error = message
        box.open()

    # dialogs ----------------------------------------------------------------------
    # (the dialogs' module is imported when one opens: its widget classes cost start-up)
    def provider_dialog(self) -> QDialog:
        from mapapp.ui.basemap_dialogs import ProviderDialog

        dialog = ProviderDialog(self.window)
        dialog.accepted.connect(lambda: self._provider_chosen(dialog))
        dialog.open()
        return dialog

    def _provider_chosen(self, dialog: ProviderDialog) -> None:
        source = dialog.chosen()
        if source is not None:
            self.set_source(source)

    def custom_dialog(self) -> QDialog:
        from mapapp.ui.basemap_dialogs import CustomUrlDialog

        dialog = CustomUrlDialog(self.window)
        dialog.accepted.connect(lambda: self.set_source(dialog.source))
        dialog.open()
        return dialog

    def file_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        settings = QSettings()
        folder = str(settings.value("basemap/folder", "") or Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            translate("basemap", "Add basemap file"),
            folder,
            translate("basemap", "Tile files")
            + " (*.mbtiles *.pmtiles);;"
            + translate("basemap", "All files")
            + " (*)",
        )
        if path:
            settings.setValue("basemap/folder", str(Path(path).parent))
            self.add_file(Path(path))

    def add_file(self, path: Path) -> bool:
        """Open a tile file as the basemap and bring its area into view if it is not."""
        from mapapp.geo.tile_files import open_tile_file
        from mapapp.geo.tile_sources import TileSourceError

        try:
            reader = open_tile_file(path)
        except TileSourceError as exc:
            self._refuse(str(exc))
            return False
        reader.close()
        if not self.set_source(reader.source):
            return False
        self._show_area(reader.source)
        return True

    def _show_area(self, source: TileSource) -> None:
        if source.map_bounds is None:
            return
        mv = self.map_view
        x0, y0, x1, y1 = source.map_bounds
        vx0, vy0, vx1, vy1 = mv.view.bounds()
        if x1 < vx0 or x0 > vx1 or y1 < vy0 or y0 > vy1:
            mv.set_view(mv.view.fitted(source.map_bounds))


def _saved_source(text: str) -> TileSource:
    """A source from its saved fields, checked as carefully as a new one: a setting is
    a file anyone can edit."""
    from mapapp.geo.tile_sources import TileSource, custom_source, lonlat_bounds_ok
    from mapapp.geo.tiles import TileKey

    fields = json.loads(text)
    bounds = fields.get("bounds")
    fields["bounds"] = tuple(float(v) for v in bounds) if bounds is not None else None
    if fields["bounds"] is not None and not lonlat_bounds_ok(fields["bounds"]):
        raise ValueError("bounds")
    source = TileSource(**fields)
    if not all(isinstance(getattr(source, f), str) for f in ("name", "location", "kind")):
        raise TypeError("names")
    if source.kind not in ("xyz", "mbtiles", "pmtiles"):
        raise ValueError(source.kind)
    if source.online:
        custom_source(source.location)  # raises on a template it could not fill
    source.covers(TileKey(0, 0, 0))  # raises on zooms that are not numbers
    return source
