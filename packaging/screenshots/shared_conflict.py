"""Make packaging/screenshots/shared-conflict.png, the README's picture of a conflict in
a shared situation: the embedded situation pushed to a PostgreSQL started for the
occasion (tests/pg_server.py), Alice saving a new title for the ambush while this window
retitles it too, and the dialog that puts the base, mine and theirs side by side. Run
from the repository root on an X server (Xvfb will do: the dialog is a window of its own):

    DISPLAY=:77 QT_QPA_PLATFORM=xcb .venv/bin/python packaging/screenshots/shared_conflict.py
"""

from __future__ import annotations

import copy
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
for folder in ("XDG_CONFIG_HOME", "XDG_DATA_HOME"):
    os.environ[folder] = tempfile.mkdtemp()  # no remembered state, no recovery offered

OUT = ROOT / "packaging" / "screenshots" / "shared-conflict.png"
AMBUSH = ("event", "ambush")


def main() -> int:
    from pg_server import PgServer

    server = PgServer()
    try:
        return shoot(server)
    finally:
        server.close()


def shoot(server) -> int:
    import psycopg

    from mapapp.model.doc_patch import items_of, put
    from mapapp.render.basemap import default_basemap
    from mapapp.store.sync import open_link, send
    from mapapp.ui.app import create_application
    from mapapp.ui.main_window import MainWindow

    url = server.create_database("newsroom")
    seed = ROOT / "seeds" / "tinzaouaten-2024.situation.json"
    for cmd in (["init", url], ["push", str(seed), url, "--as", "tinzaouaten"]):
        subprocess.run([sys.executable, "-m", "mapapp", "store", *cmd], check=True, cwd=ROOT)
    alice = server.team_roles("newsroom")["alice"]
    app = create_application()
    window = MainWindow(default_basemap(), None)
    window.resize(1280, 800)
    window.show()

    def settle(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    window.store_view.open_store(url, "tinzaouaten")
    settle(3)
    window.session.store.hearing.stop()  # this window has not heard of Alice's save yet
    with psycopg.connect(alice, autocommit=True) as conn:
        doc, texts, link = open_link(conn, alice, "tinzaouaten")
        theirs = copy.deepcopy(items_of(doc)[AMBUSH]) | {"title": "Ambush near the border"}
        send(conn, link, put(doc, {AMBUSH: theirs}), texts)

    def mine(doc: dict) -> dict:
        return put(doc, {AMBUSH: items_of(doc)[AMBUSH] | {"title": "Ambush by JNIM and CSP"}})

    window.session.edit("Rename", mine)
    settle(2)
    box = window.store_view.conflict_box
    if box is None:
        print("no conflict was shown", file=sys.stderr)
        return 1
    shot = window.grab()
    from PySide6.QtGui import QPainter

    painter = QPainter(shot)  # the dialog (a window of its own) over the window, where it is
    painter.drawPixmap(box.geometry().topLeft() - window.geometry().topLeft(), box.grab())
    painter.end()
    shot.save(str(OUT))
    print(f"wrote {OUT}")
    window.session.ask_discard = lambda _s: "discard"
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
