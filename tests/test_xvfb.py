"""The window on a real X server (Xvfb, started here), not only the offscreen platform."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def xvfb():
    exe = shutil.which("Xvfb")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("Xvfb missing on CI: packaging/bootstrap.sh should install it")
        pytest.skip("Xvfb is not installed")
    display = f":{90 + os.getpid() % 400}"
    proc = subprocess.Popen(
        [exe, display, "-screen", "0", "1440x900x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    sock = Path(f"/tmp/.X11-unix/X{display[1:]}")
    deadline = time.monotonic() + 15
    while not sock.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    if not sock.exists():
        proc.kill()
        pytest.fail("Xvfb did not start")
    yield display
    proc.terminate()
    proc.wait(10)


@pytest.mark.xvfb
def test_window_paints_a_map_on_a_real_x_server(xvfb, tmp_path):
    env = dict(os.environ, DISPLAY=xvfb, QT_QPA_PLATFORM="xcb")
    env["MAPAPP_EXIT_AFTER_FIRST_PAINT"] = "1"
    env["XDG_CONFIG_HOME"] = str(tmp_path)
    r = subprocess.run(
        [sys.executable, "-m", "mapapp"], env=env, capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 0, r.stderr[-2000:]


def _xdotool() -> str:
    exe = shutil.which("xdotool")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("xdotool missing on CI: packaging/bootstrap.sh should install it")
        pytest.skip("xdotool is not installed")
    return exe


def typed_on_the_window(xvfb: str, config: Path, keys: list[list[str]], *args: str) -> str:
    """Start mapapp on the X server, type each group of ``keys`` through XTEST as a user
    does (with a pause for the window to follow), then Ctrl+Q; its stderr once it quit."""
    xdotool = _xdotool()
    env = dict(os.environ, DISPLAY=xvfb, QT_QPA_PLATFORM="xcb", XDG_CONFIG_HOME=str(config))
    env.pop("MAPAPP_EXIT_AFTER_FIRST_PAINT", None)
    app = subprocess.Popen(
        [sys.executable, "-m", "mapapp", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        found = subprocess.run(
            [xdotool, "search", "--sync", "--onlyvisible", "--name", "mapapp"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        window = found.stdout.split()[0]
        subprocess.run([xdotool, "windowfocus", "--sync", window], env=env, timeout=10)
        time.sleep(0.5)  # the first frame and the docks settle
        for group in [*keys, ["ctrl+q"]]:
            subprocess.run([xdotool, "key", *group], env=env, check=True, timeout=10)
            time.sleep(0.4)
        _, err = app.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        app.kill()
        _, err = app.communicate()
        pytest.fail(f"the window did not quit on Ctrl+Q; stderr: {err[-1000:]}")
    assert app.returncode == 0, err[-1000:]
    return err


@pytest.mark.xvfb
def test_ctrl_q_typed_on_the_real_window_quits(xvfb, tmp_path):
    """A real key press through the X server (XTEST), as a user types it."""
    err = typed_on_the_window(xvfb, tmp_path, [])
    assert "Ambiguous shortcut" not in err


@pytest.mark.xvfb
def test_shortcut_tests_pass_on_the_real_x_server(xvfb, tmp_path):
    """The platform theme expands standard keys differently on xcb (Quit is Ctrl+Q there,
    not under offscreen): run every shortcut test again on the real X server."""
    env = dict(os.environ, DISPLAY=xvfb, QT_QPA_PLATFORM="xcb")
    r = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_shortcuts.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stdout[-3000:]


@pytest.mark.xvfb
def test_view_language_francais_chosen_with_the_keyboard(xvfb, tmp_path):
    """Alt+V, L (the Language submenu), then Français, typed on the real window (and
    Quitter, still Ctrl+Q): the choice is what the settings keep for the next start."""
    typed_on_the_window(xvfb, tmp_path, [["alt+v"], ["l"], ["Down", "Return"]], "--lang", "en")
    kept = [p.read_text() for p in tmp_path.rglob("*.ini")]
    assert any("language=fr" in text for text in kept), kept


@pytest.mark.xvfb
def test_a_shared_situation_opened_with_the_keyboard(xvfb, tmp_path, pg):
    """Ctrl+Shift+O, the store's URL typed, Enter lists its situations, Enter opens the
    first: the window then listens to the store on a connection of its own, and the URL it
    remembers has no password."""
    import psycopg

    url = pg.create_database("xvfb_store")
    seed = ROOT / "seeds" / "tinzaouaten-2024.situation.json"
    for cmd in (["init", url], ["push", str(seed), url, "--as", "t"]):
        r = subprocess.run([sys.executable, "-m", "mapapp", "store", *cmd], cwd=ROOT,
                           capture_output=True, text=True, timeout=60)  # fmt: skip
        assert r.returncode == 0, r.stderr
    xdotool = _xdotool()
    env = dict(os.environ, DISPLAY=xvfb, QT_QPA_PLATFORM="xcb", XDG_CONFIG_HOME=str(tmp_path))
    env.pop("MAPAPP_EXIT_AFTER_FIRST_PAINT", None)
    app = subprocess.Popen([sys.executable, "-m", "mapapp"], env=env, text=True,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip

    def key(*keys: str) -> None:
        subprocess.run([xdotool, "key", *keys], env=env, check=True, timeout=10)
        time.sleep(0.6)

    def listening() -> int:
        with psycopg.connect(pg.admin_url(), autocommit=True) as admin:
            return admin.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = 'xvfb_store'"
                " AND application_name = 'mapapp' AND query = 'LISTEN mapapp'"
            ).fetchone()[0]

    try:
        found = subprocess.run(
            [xdotool, "search", "--sync", "--onlyvisible", "--name", "mapapp"],
            env=env, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        window = found.stdout.split()[0]
        subprocess.run([xdotool, "windowfocus", "--sync", window], env=env, timeout=10)
        time.sleep(0.5)
        key("ctrl+shift+o")
        subprocess.run([xdotool, "type", "--delay", "5", url], env=env, check=True, timeout=30)
        key("Return")  # lists the store's situations
        time.sleep(1.0)
        key("Return")  # opens the one chosen
        deadline = time.monotonic() + 15
        while listening() == 0 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert listening() == 1
        # no window manager here to give the focus back once the dialog is gone
        subprocess.run([xdotool, "windowfocus", "--sync", window], env=env, timeout=10)
        key("ctrl+q")
        _, err = app.communicate(timeout=15)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == 0, err[-1000:]
    kept = "".join(p.read_text() for p in tmp_path.rglob("*.ini"))
    assert "xvfb_store" in kept and "admin-secret" not in kept
