"""Linux desktop integration: the files in packaging/linux pass the freedesktop validators,
and `mapapp install-desktop [--uninstall]` puts them under (and takes them out of) the XDG
directories of the current user."""

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.mapapp.Mapapp"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def tool(name):
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing: packaging/bootstrap.sh must install it")
        pytest.skip(f"{name} not installed")
    return path


def test_desktop_entry_passes_desktop_file_validate():
    r = subprocess.run(
        [tool("desktop-file-validate"), str(LINUX / f"{APP_ID}.desktop")],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0 and r.stdout.strip() == "", r.stdout + r.stderr


def test_metainfo_passes_appstreamcli_validate():
    r = subprocess.run(
        [tool("appstreamcli"), "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    text = (LINUX / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    for part in ("<screenshot", "<description>", "<releases>", "<content_rating"):
        assert part in text
    assert "<project_license>" in text and "CC-BY-4.0" in text  # code and data licences


def test_icon_in_every_hicolor_size(qapp):
    hicolor = LINUX / "icons" / "hicolor"
    assert (hicolor / "scalable" / "apps" / f"{APP_ID}.svg").read_text().startswith("<?xml")
    for n in SIZES:
        image = QImage(str(hicolor / f"{n}x{n}" / "apps" / f"{APP_ID}.png"))
        assert (image.width(), image.height()) == (n, n)
        assert image.hasAlphaChannel() and image.pixelColor(0, 0).alpha() == 0  # round corners


def test_mime_type_claims_situation_files():
    text = (LINUX / f"{APP_ID}.xml").read_text(encoding="utf-8")
    assert 'type="application/x-mapapp-situation"' in text
    assert 'pattern="*.situation.json"' in text
    assert "application/x-mapapp-situation;" in (LINUX / f"{APP_ID}.desktop").read_text()


def run_install(env, *args):
    return subprocess.run(
        [sys.executable, "-m", "mapapp", "install-desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_install_desktop_and_uninstall(tmp_path):
    data, config = tmp_path / "data", tmp_path / "config"
    config.mkdir()
    (config / "mimeapps.list").write_text("[Default Applications]\ntext/plain=gedit.desktop;\n")
    env = {**os.environ, "XDG_DATA_HOME": str(data), "XDG_CONFIG_HOME": str(config)}

    r = run_install(env)
    assert r.returncode == 0, r.stderr
    desktop = data / "applications" / f"{APP_ID}.desktop"
    expected = [
        desktop,
        data / "metainfo" / f"{APP_ID}.metainfo.xml",
        data / "mime" / "packages" / f"{APP_ID}.xml",
        data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        *(data / "icons" / "hicolor" / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in SIZES),
    ]
    for path in expected:
        assert path.is_file(), f"missing {path}"
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").read_bytes() == (
        LINUX / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png"
    ).read_bytes()
    # the entry starts this installation, and still validates
    exec_line = next(ln for ln in desktop.read_text().splitlines() if ln.startswith("Exec="))
    command = shlex.split(exec_line[len("Exec=") :])
    assert command[-1] == "%f" and Path(command[0]).exists()
    version = subprocess.run([*command[:-1], "--version"], capture_output=True, text=True)
    assert version.stdout.startswith("mapapp ")
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True)
        assert check.returncode == 0, check.stdout
    # situation files open with it
    mimeapps = (config / "mimeapps.list").read_text()
    assert f"application/x-mapapp-situation={APP_ID}.desktop;" in mimeapps
    assert "text/plain=gedit.desktop;" in mimeapps
    if shutil.which("update-mime-database"):
        globs = (data / "mime" / "globs2").read_text()
        assert "application/x-mapapp-situation:*.situation.json" in globs

    r = run_install(env, "--uninstall")
    assert r.returncode == 0, r.stderr
    for path in expected:
        assert not path.exists(), f"left behind {path}"
    mimeapps = (config / "mimeapps.list").read_text()
    assert "mapapp" not in mimeapps and "text/plain=gedit.desktop;" in mimeapps
    if shutil.which("update-mime-database"):
        assert "mapapp" not in (data / "mime" / "globs2").read_text()
