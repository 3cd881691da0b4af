"""Bring the translation catalogues up to date with the code and compile them.

    .venv/bin/python packaging/i18n/build.py

pyside6-lupdate (from PySide6 itself) reads every translate(), tr() and QT_TRANSLATE_NOOP()
call of mapapp's modules into resources/i18n/mapapp_<lang>.ts: new texts come in
unfinished, texts no longer in the code are dropped, translations already made are kept.
A translator fills in the .ts (Qt Linguist: pyside6-linguist); pyside6-lrelease then
compiles each into the .qm that mapapp loads and the wheel and the bundle ship. No line
numbers are stored, so a catalogue changes only when a text does; tests/test_i18n.py
checks that the committed files are what this script makes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = ROOT / "resources" / "i18n"
# English is the source: its catalogue holds only the counts, each text's singular and
# plural (lupdate -pluralonly)
LANGUAGES = ("fr", "en")


def tool(name: str) -> str:
    return str(Path(sys.executable).parent / f"pyside6-{name}")


def sources() -> list[str]:
    return [str(p) for p in sorted((ROOT / "mapapp").rglob("*.py"))]


def update(ts: Path, language: str) -> str:
    """Run lupdate into ``ts``; returns what it printed."""
    cmd = [tool("lupdate"), *sources(), "-ts", str(ts), "-no-obsolete", "-locations", "none"]
    cmd += ["-source-language", "en", "-target-language", language]
    if language == "en":
        cmd.append("-pluralonly")
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def compile_catalogue(ts: Path, qm: Path) -> str:
    cmd = [tool("lrelease"), str(ts), "-qm", str(qm)]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def main() -> int:
    CATALOGUES.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = CATALOGUES / f"mapapp_{language}.ts"
        print(update(ts, language).strip())
        print(compile_catalogue(ts, ts.with_suffix(".qm")).strip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
