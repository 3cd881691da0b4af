"""Online geocoding in the window: off by default (Edit → Online geocoding… turns it on
and sets the server); when on, a name the offline gazetteer does not know can be looked
up on the server from its menu, on a worker thread, and the place picked from the
answers cites the article's span and names the server as its coordinates' source."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
)

from mapapp.errors import MapappError
from mapapp.i18n import translate
from mapapp.ui.dialog_buttons import ok_cancel
from mapapp.ui.plain_text import menu_label

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from mapapp.geo.geocoding import Server
    from mapapp.ui.document_session import DocumentSession


def geocoding_server() -> Server | None:
    """The server the user turned on, or None (the default: offline only)."""
    from mapapp.geo.geocoding import DEFAULT_URL, GeocodingError, check_url

    s = QSettings()
    if str(s.value("geocoding/enabled", "false")).lower() != "true":
        return None
    try:
        return check_url(str(s.value("geocoding/url", DEFAULT_URL) or DEFAULT_URL))
    except GeocodingError:
        return None


class GeocodingSettings(QDialog):
    def __init__(self, parent=None) -> None:
        from mapapp.geo.geocoding import DEFAULT_URL

        super().__init__(parent)
        self.setWindowTitle(translate("places", "Online geocoding"))
        s = QSettings()
        self.enabled = QCheckBox(
            translate("places", "Look up names the offline gazetteer does not know")
        )
        self.enabled.setChecked(str(s.value("geocoding/enabled", "false")).lower() == "true")
        self.url = QLineEdit(str(s.value("geocoding/url", DEFAULT_URL) or DEFAULT_URL))
        note = QLabel(
            translate(
                "places",
                "The name you look up is sent to this Nominatim server, one search per click, "
                "at most one request a second, identified as mapapp (the Nominatim usage "
                "policy). Off by default: mapapp works offline.",
            )
        )
        note.setWordWrap(True)
        self.error = QLabel()
        form = QFormLayout(self)
        form.addRow(self.enabled)
        form.addRow(translate("places", "Server"), self.url)
        form.addRow(note)
        form.addRow(self.error)
        buttons = ok_cancel(self)
        form.addRow(buttons)

    def accept(self) -> None:
        from mapapp.geo.geocoding import GeocodingError, check_url

        try:
            check_url(self.url.text())
        except GeocodingError as exc:
            self.error.setText(str(exc))
            return
        s = QSettings()
        s.setValue("geocoding/enabled", "true" if self.enabled.isChecked() else "false")
        s.setValue("geocoding/url", self.url.text().strip())
        super().accept()


class GeocodeJob(QThread):
    answered = Signal(object)  # list of gazetteer Places
    failed = Signal(str)

    def __init__(self, server: Server, name: str, countries: list[str], parent=None) -> None:
        super().__init__(parent)
        self.server, self.name, self.countries = server, name, countries

    def run(self) -> None:
        from mapapp.geo.geocoding import search

        try:
            self.answered.emit(search(self.server, self.name, self.countries))
        except MapappError as exc:
            self.failed.emit(str(exc))


class OnlinePlaces(QObject):
    """Looking names up on the server the user turned on; ``job``: the latest search."""

    def __init__(self, session: DocumentSession, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.parent_widget = parent
        self.job: GeocodeJob | None = None

    def search(self, name: str, citation: dict) -> GeocodeJob | None:
        """Look ``name`` up on the server; the user picks among the answers."""
        server = geocoding_server()
        if server is None:
            return None
        countries = sorted({p.country for p in self.session.situation.places.values() if p.country})
        job = GeocodeJob(server, name, countries, self)
        job.answered.connect(lambda places: self._pick(server, name, citation, places))
        job.failed.connect(
            lambda msg: self.session.say(
                translate("places", "Online search failed: {reason}").format(reason=msg)
            )
        )
        job.finished.connect(job.deleteLater)
        self.session.say(
            translate("places", "Looking up “{name}” at {server}…").format(
                name=name[:40], server=server.domain
            )
        )
        self.job = job
        job.start()
        return job

    def _pick(self, server: Server, name: str, citation: dict, places) -> bool:
        if not places:
            self.session.say(
                translate("places", "{server} knows no place called “{name}”.").format(
                    server=server.domain, name=name[:40]
                )
            )
            return False
        labels = [
            menu_label(f"{p.name} ({p.country or '?'}) {p.lat:.4f}, {p.lon:.4f}") for p in places
        ]
        label, ok = QInputDialog.getItem(
            self.parent_widget,
            translate("places", "Place found online"),
            translate("places", "Which “{name}”? ({server})").format(
                name=name[:60], server=server.domain
            ),
            labels,
            0,
            False,
        )
        if not ok:
            return False
        return self.add_place(server, places[labels.index(label)], citation)

    def add_place(self, server: Server, p, citation: dict) -> bool:
        """The place with the server named as its coordinates' source (added once)."""
        from mapapp.geo.geocoding import ATTRIBUTION
        from mapapp.model.editing import add_item, new_id
        from mapapp.model.ids import slug

        texts = self.session.situation.texts()
        source = {
            "id": slug(f"nominatim {server.domain}")[:60],
            "kind": "gazetteer",
            "title": f"Nominatim at {server.domain}",
            "url": server.url,
            "accessed": dt.date.today().isoformat(),
            "note": ATTRIBUTION,
        }

        def change(d: dict) -> dict:
            d = dict(d)
            if not any(s["id"] == source["id"] for s in d.get("sources", [])):
                d["sources"] = [*d.get("sources", []), source]
            place = {
                "id": new_id(d, p.name),
                "name": p.name[:300],
                "lon": p.lon,
                "lat": p.lat,
                "coordinate_source": source["id"],
                "citations": [citation],
            }
            if p.country:
                place["country"] = p.country
            return add_item(d, "places", place, texts)

        label = translate("places", "New place {name} (found online)").format(name=p.name[:40])
        return self.session.edit(label, change)
