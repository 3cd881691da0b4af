"""Make packaging/screenshots/authoring.png, the README's picture of authoring: the
Tinzaouaten article opened as a new situation, its place name accepted, JNIM, the battle
and JNIM's claim made from selections through the same functions the menus call, the
battle selected. Run under a display (Xvfb) from the repository root:

    xvfb-run -s "-screen 0 1440x900x24" .venv/bin/python packaging/screenshots/authoring.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QInputDialog

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from mapapp.render.basemap import default_basemap  # noqa: E402
from mapapp.ui.app import create_application  # noqa: E402
from mapapp.ui.authoring import new_actor_from_selection, new_item_from_selection  # noqa: E402
from mapapp.ui.item_forms import ClaimForm, EventForm  # noqa: E402
from mapapp.ui.main_window import MainWindow  # noqa: E402

ARTICLE = ROOT / "seeds" / "000_631ddefb58e5ec4e.txt"
OUT = ROOT / "packaging" / "screenshots" / "authoring.png"


def select(w: MainWindow, phrase: str) -> None:
    start = w.docks.panel.article.toPlainText().index(phrase)
    cursor = w.docks.panel.article.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(phrase), QTextCursor.MoveMode.KeepAnchor)
    w.docks.panel.article.setTextCursor(cursor)


def settle(app: QApplication, ms: int = 300) -> None:
    QTimer.singleShot(ms, app.quit)
    app.exec()


def main() -> int:
    app = create_application()
    w = MainWindow(default_basemap(), None)
    w.resize(1440, 900)
    w.show()
    settle(app)
    w.session.new_from_article_file(ARTICLE)
    while not w.article_places.mentions:
        settle(app, 200)
    (mention,) = w.article_places.mentions
    w.article_places.accept(mention, mention.place)
    QInputDialog.getItem = staticmethod(lambda *a, **k: ("armed_group", True))
    select(w, "JNIM")
    new_actor_from_selection(w)
    select(w, "two days of fighting with Tuareg separatist rebels")
    event = EventForm(w.session.situation, "Two days of fighting near Tinzaouaten")
    event.type.setCurrentText("battle")
    event.time_precision.setCurrentText("unknown")
    event.place.setCurrentIndex(1)
    event.location_precision.setCurrentText("near")
    event.radius.setValue(30)
    event.actors.check(0, "attackers")
    new_item_from_selection(w, "events", event)
    select(w, "JNIM claimed that 50 Russians and 10 Malian soldiers were killed")
    claim = ClaimForm(w.session.situation, "50 Russians and 10 Malian soldiers were killed.")
    claim.claimant.setCurrentIndex(1)
    claim.status.setCurrentIndex(claim.status.findData("unverified"))
    for row, (who, n) in zip(
        (claim.rows[0], claim.add_figure()),
        (("Russians killed", "50"), ("Malian soldiers killed", "10")),
        strict=True,
    ):
        row.subject.setText(who)
        row.value.setText(n)
        row.unit.setText("people")
    claim.about.item(0).setCheckState(claim.about.item(0).checkState().Checked)
    new_item_from_selection(w, "claims", claim)
    w.frame_situation()
    mv = w.map_view
    mv.set_view(mv.view.zoomed_at(mv.width() / 2, mv.height() / 2, 1 / 24))
    battle = next(iter(w.session.situation.events))
    w.selector.select("event", battle)
    w.docks.panel.tabs.setCurrentWidget(w.docks.panel.article)
    settle(app, 600)
    w.grab().save(str(OUT))
    print(f"wrote {OUT}")
    w.session.undo_stack.setClean()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
