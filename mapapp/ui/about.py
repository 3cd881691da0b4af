"""Help → About: version, the data's origins and the licences, as plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from mapapp import __version__
from mapapp.model.situation import Situation


def about_text(situation: Situation | None) -> tuple[str, str]:
    """The headline and the details of the About box."""
    head = f"mapapp {__version__}\nA situation map of events, actors and source claims."
    lines = [
        "Map data: Natural Earth 1:10m and 1:50m (public domain), via the registry packages "
        "named in resources/geodata/PROVENANCE.md.",
        "Place names and coordinates: GeoNames (CC BY 4.0).",
    ]
    if situation is not None:
        lines.append(f"Open situation: {situation.title}")
        for s in situation.sources.values():
            if s.kind in ("article", "report", "dataset"):
                who = f"{s.publisher}: " if s.publisher else ""
                url = f" <{s.url}>" if s.url else ""
                lines.append(f"  {s.kind.capitalize()}: {who}{s.title}{url}")
    lines += [
        "",
        "Licences: mapapp's code, MIT. Qt for Python (PySide6), LGPLv3. shapely, pyproj, "
        "geopy, numpy and jsonschema under their own permissive licences.",
    ]
    return head, "\n".join(lines)


def show_about(parent: QWidget, situation: Situation | None) -> QMessageBox:
    head, details = about_text(situation)
    box = QMessageBox(parent)
    box.setWindowTitle("About mapapp")
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(head)
    box.setInformativeText(details)
    box.open()
    return box
