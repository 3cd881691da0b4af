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
