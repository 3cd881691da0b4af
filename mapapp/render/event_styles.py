"""The marker symbol of each event type: violence orange, politics blue, deaths dark.

One table for the map, the legend, the timeline's bars and the item forms, so a type
looks the same wherever it is shown.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from mapapp.render.symbols import MarkerStyle

VIOLENCE = QColor("#d9480f")
POLITICAL = QColor("#1f5fa8")
DEATH = QColor("#343a40")
OTHER = QColor("#7b5ea7")
EVENT_STYLES: dict[str, MarkerStyle] = {
    "battle": MarkerStyle("diamond", VIOLENCE, size=18.0),
    "ambush": MarkerStyle("triangle", VIOLENCE),
    "attacks": MarkerStyle("triangle", VIOLENCE),
    "conflict": MarkerStyle("diamond", VIOLENCE),
    "aircraft_loss": MarkerStyle("square", VIOLENCE),
    "death": MarkerStyle("square", DEATH),
    "weather": MarkerStyle("circle", OTHER),
    "takeover": MarkerStyle("diamond", POLITICAL),
    "coup": MarkerStyle("diamond", POLITICAL),
    "intervention": MarkerStyle("circle", POLITICAL),
    "agreement": MarkerStyle("circle", POLITICAL),
    "expulsion": MarkerStyle("circle", POLITICAL),
    "explosion": MarkerStyle("square", VIOLENCE),
    "violence_against_civilians": MarkerStyle("triangle", DEATH),
    "protest": MarkerStyle("circle", POLITICAL),
    "riot": MarkerStyle("square", POLITICAL),
    "strategic_development": MarkerStyle("circle", OTHER),
    "report": MarkerStyle("circle", OTHER),
}
