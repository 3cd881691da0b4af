"""What both benchmark scripts need."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def compile_sources() -> None:
    """Byte-compile mapapp as pip does on install, so no run pays for compiling it (this
    machine sets PYTHONDONTWRITEBYTECODE; the peers' packages came precompiled)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "mapapp")], check=True)
