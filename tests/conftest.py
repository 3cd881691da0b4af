"""Headless Qt for every test, and settings kept away from the user's own."""

from __future__ import annotations

import itertools
import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QSettings reads XDG_CONFIG_HOME once per process: point it somewhere disposable first.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="mapapp-test-config-")
# Autosave's recovery files go to the user's data folder: a disposable one too.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="mapapp-test-data-")
# The tile disk cache goes to the user's cache folder: a disposable one too.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="mapapp-test-cache-")

import pytest
from hypothesis import settings

# The tests read mapapp in English, whatever the machine's language (test_i18n asks for
# French where it means to).
if os.environ.get("LC_ALL", "").split("_")[0] not in ("", "C", "POSIX", "en"):
    os.environ["LC_ALL"] = "C.UTF-8"
for _name in ("LC_MESSAGES", "LANG"):
    if os.environ.get(_name, "").split("_")[0] not in ("", "C", "POSIX", "en"):
        os.environ[_name] = "C.UTF-8"

# Fuzzing (tests/test_fuzz_readers.py): "ci" is bounded and repeatable (the same examples
# every run); MAPAPP_FUZZ=long explores thousands of new ones per reader.
settings.register_profile("ci", max_examples=150, derandomize=True, print_blob=True)
settings.register_profile("long", max_examples=3000, print_blob=True)
settings.load_profile("long" if os.environ.get("MAPAPP_FUZZ") == "long" else "ci")


@pytest.fixture(scope="session")
def basemap(qapp):
    from mapapp.render.basemap import default_basemap

    return default_basemap()


@pytest.fixture
def clean_settings(qapp):
    from PySide6.QtCore import QSettings

    from mapapp.ui.app import create_application

    create_application()
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture
def situation_window(qtbot, clean_settings, basemap):
    """The main window on the embedded situation, shown, with its docks filled."""
    from mapapp.model.io import default_situation_path, load_situation
    from mapapp.ui.main_window import MainWindow

    w = MainWindow(basemap, load_situation(default_situation_path()))
    w.resize(1400, 860)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.docks.panel is not None)  # built right after the first frame
    yield w
    # Closed here rather than by qtbot (which closes before fixtures are torn down): a
    # test's unsaved edits are dropped first, so closing never waits for an answer.
    w.session.undo_stack.setClean()
    w.close()
    w.deleteLater()


@pytest.fixture
def tile_server():
    """Flat-colour tiles whose colour encodes z/x/y, on 127.0.0.1 (tests/tile_server.py)."""
    from tests.tile_server import TileServer

    server = TileServer()
    yield server
    server.close()


@pytest.fixture(scope="session")
def pg():
    """A real PostgreSQL 15 + PostGIS 3 server for the store's tests (tests/pg_server.py),
    started the first time a test asks for it."""
    from pg_server import PgServer

    server = PgServer()
    yield server
    server.close()


_store_names = itertools.count()


@pytest.fixture
def shared(pg):
    """A store holding the seed as 't', with login roles alice (editor) and victor
    (viewer); the URL of each."""
    from cli_run import ROOT, mapapp

    url = pg.create_database(f"win{next(_store_names)}")
    assert mapapp("store", "init", url).returncode == 0
    seed = ROOT / "seeds" / "tinzaouaten-2024.situation.json"
    assert mapapp("store", "push", seed, url, "--as", "t").returncode == 0
    db = url.rsplit("/", 1)[1]
    return {"admin": url, **pg.team_roles(db)}


@pytest.fixture
def two_clients(pg):
    """The store's URL, and Alice's and Bob's connections to it, holding the Tinzaouaten
    situation as 't'."""
    import psycopg
    from cli_run import ROOT, mapapp

    url = pg.create_database(f"edits{next(_store_names)}")
    assert mapapp("store", "init", url).returncode == 0
    seed = ROOT / "seeds" / "tinzaouaten-2024.situation.json"
    assert mapapp("store", "push", seed, url, "--as", "t").returncode == 0
    alice, bob = psycopg.connect(url, autocommit=True), psycopg.connect(url, autocommit=True)
    yield url, alice, bob
    alice.close()
    bob.close()


@pytest.fixture
def store_window(qtbot, clean_settings, basemap):
    """An empty main window, shown, for a shared situation to open in."""
    from mapapp.ui.main_window import MainWindow

    w = MainWindow(basemap, None)
    w.resize(1200, 800)
    w.show()
    yield w
    # closed here, not by qtbot (which closes first): unsent edits of a failed test are
    # dropped, so closing never waits for an answer
    w.session.ask_discard = lambda _s: "discard"
    w.close()
    w.deleteLater()
