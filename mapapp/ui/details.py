"""The details dock: one item at a time, as HTML from ``details_html`` (every string from
the data escaped there). Links open only on a click, and only http/https ones.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from mapapp.i18n import translate
from mapapp.model.situation import Situation
from mapapp.ui.details_html import DetailsRenderer


class DetailsView(QTextBrowser):
    """Shows one item; internal links navigate, web links open in the browser on click."""

    navigate = Signal(str, str)  # kind, id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._clicked)
        self.renderer: DetailsRenderer | None = None
        self.current: tuple[str, str] | None = None
        self.setPlaceholderText(
            translate("details", "Click a marker or pick an item in the side panel.")
        )

    def set_situation(self, situation: Situation) -> None:
        self.renderer = DetailsRenderer(situation)
        self.current = None
        self.clear()

    def word_again(self) -> None:
        """After a language change: the item shown, worded anew."""
        if self.renderer is not None:
            self.renderer = DetailsRenderer(self.renderer.s)
            if self.current is not None:
                self.show_item(*self.current)

    def show_item(self, kind: str, item_id: str) -> None:
        if self.renderer is None:
            return
        s = self.renderer.s
        if kind == "event" and item_id in s.events:
            html = self.renderer.event(s.events[item_id])
        elif kind == "event" and s.table is not None:
            from mapapp.ui.dataset_details import dataset_event_html

            html = dataset_event_html(s, item_id)
            if html is None:
                return
        elif kind == "actor" and item_id in s.actors:
            html = self.renderer.actor(item_id)
        elif kind == "claim" and item_id in s.claims:
            html = self.renderer.claim(item_id)
        elif kind == "place" and item_id in s.places:
            html = self.renderer.place(item_id)
        else:
            return
        self.current = (kind, item_id)
        self.setHtml(html)

    def _clicked(self, url: QUrl) -> None:
        if url.scheme() == "mapapp":
            kind, _, item_id = url.path().partition("/")
            self.navigate.emit(kind, item_id)
        elif url.scheme() in ("http", "https") and url.isValid():
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(url)
