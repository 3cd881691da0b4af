"""Help → About: version, the data's origins and the licences, as plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from mapapp import __version__
from mapapp.i18n import translate
from mapapp.model.situation import Situation


def about_text(situation: Situation | None) -> tuple[str, str]:
    """The headline and the details of the About box."""
    what = translate("dialogs", "A situation map of events, actors and source claims.")
    head = f"mapapp {__version__}\n{what}"
    lines = [
        translate(
            "dialogs",
            "Map data: Natural Earth 1:10m and 1:50m (public domain), via the registry packages "
            "named in resources/geodata/PROVENANCE.md.",
        ),
        translate("dialogs", "Place names and coordinates: GeoNames (CC BY 4.0)."),
    ]
    if situation is not None:
        lines.append(translate("dialogs", "Open situation: {title}").format(title=situation.title))
        kinds = {
            "article": translate("dialogs", "Article"),
            "report": translate("dialogs", "Report"),
            "dataset": translate("dialogs", "Dataset"),
        }
        for s in situation.sources.values():
            if s.kind in kinds:
                if s.publisher:
                    line = translate("dialogs", "{kind}: {publisher}: {title}")
                else:
                    line = translate("dialogs", "{kind}: {title}")
                line = line.format(kind=kinds[s.kind], publisher=s.publisher, title=s.title)
                url = f" <{s.url}>" if s.url else ""
                lines.append(f"  {line}{url}")
    lines += [
        "",
        translate(
            "dialogs",
            "Licences: mapapp's code, MIT. Qt for Python (PySide6), LGPLv3. shapely, pyproj, "
            "geopy, numpy and jsonschema under their own permissive licences.",
        ),
    ]
    return head, "\n".join(lines)


def show_about(parent: QWidget, situation: Situation | None) -> QMessageBox:
    head, details = about_text(situation)
    box = QMessageBox(parent)
    box.setWindowTitle(translate("dialogs", "About mapapp"))
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(head)
    box.setInformativeText(details)
    box.open()
    return box
