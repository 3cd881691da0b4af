"""`mapapp install-desktop [--uninstall]`: the desktop entry, icons, AppStream metadata
and the situation-file MIME type for the current user, under the XDG base directories.

The entry's Exec line names this very installation (a venv's script, pipx's shim or a
PyInstaller bundle), so the menu and a double-click on a ``*.situation.json`` file start
the mapapp that installed it. What was written is listed in a manifest, so uninstalling
removes exactly that and nothing the user made.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from mapapp import APP_ID
from mapapp.atomic import write_text
from mapapp.errors import MapappError
from mapapp.resources_path import linux_dir

MIME_TYPE = "application/x-mapapp-situation"
MANIFEST = Path("mapapp") / "installed-desktop-files.txt"


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def config_home() -> Path:
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")


def launcher() -> list[str]:
    """The command that starts this installation of mapapp."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: the binary itself
        return [str(Path(sys.executable).resolve())]
    script = Path(sys.argv[0])
    if script.name == "mapapp" and script.exists():
        return [str(script.resolve())]
    found = shutil.which("mapapp")
    if found:
        return [found]
    return [str(Path(sys.executable).resolve()), "-m", "mapapp"]


def desktop_entry(command: list[str]) -> str:
    text = (linux_dir() / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    exec_line = " ".join(shlex.quote(part) for part in command)
    out = []
    for line in text.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_line} %f"
        elif line.startswith("TryExec="):
            line = f"TryExec={command[0]}"
        out.append(line)
    return "\n".join(out) + "\n"


def planned_files() -> dict[Path, Path | str]:
    """Destination -> source file, or text to write."""
    src = linux_dir()
    data = data_home()
    files: dict[Path, Path | str] = {
        data / "applications" / f"{APP_ID}.desktop": desktop_entry(launcher()),
        data / "metainfo" / f"{APP_ID}.metainfo.xml": src / f"{APP_ID}.metainfo.xml",
        data / "mime" / "packages" / f"{APP_ID}.xml": src / f"{APP_ID}.xml",
    }
    for icon in sorted((src / "icons" / "hicolor").rglob(f"{APP_ID}.*")):
        files[data / "icons" / "hicolor" / icon.relative_to(src / "icons" / "hicolor")] = icon
    return files


def install() -> list[Path]:
    written = []
    try:
        for dest, source in planned_files().items():
            dest.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(source, Path):
                shutil.copyfile(source, dest)
            else:
                write_text(dest, source)
            written.append(dest)
    except OSError as exc:
        raise MapappError(f"cannot install the desktop files: {exc}") from None
    _set_default_handler(True)
    manifest = data_home() / MANIFEST
    manifest.parent.mkdir(parents=True, exist_ok=True)
    write_text(manifest, "".join(f"{p}\n" for p in written))
    _refresh_caches()
    return written


def uninstall() -> list[Path]:
    manifest = data_home() / MANIFEST
    listed = manifest.read_text(encoding="utf-8").splitlines() if manifest.exists() else []
    targets = {Path(p) for p in listed} | set(planned_files())
    removed = []
    for path in sorted(targets):
        if path.is_file():
            path.unlink()
            removed.append(path)
    if manifest.exists():
        manifest.unlink()
    _set_default_handler(False)
    _refresh_caches()
    return removed


def _set_default_handler(on: bool) -> None:
    """mimeapps.list: our entry as the default for situation files (or no longer)."""
    path = config_home() / "mimeapps.list"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    entry = f"{MIME_TYPE}={APP_ID}.desktop;"
    lines = [ln for ln in lines if not ln.startswith(f"{MIME_TYPE}=")]
    if on:
        if "[Default Applications]" not in lines:
            lines += ["[Default Applications]"]
        at = lines.index("[Default Applications]") + 1
        lines.insert(at, entry)
    if not on and not path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text(path, "\n".join(lines) + "\n")


def _refresh_caches() -> None:
    """The MIME database, desktop database and icon cache, where their tools exist."""
    data = data_home()
    for tool, args in (
        ("update-mime-database", [str(data / "mime")]),
        ("update-desktop-database", [str(data / "applications")]),
        ("gtk-update-icon-cache", ["-f", "-t", "-q", str(data / "icons" / "hicolor")]),
    ):
        exe = shutil.which(tool)
        target = Path(args[-1])
        if exe and target.is_dir():
            subprocess.run([exe, *args], capture_output=True, check=False, timeout=60)
