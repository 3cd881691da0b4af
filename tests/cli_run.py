"""Running the command line as a user does, from the repository root."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def mapapp(*args, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mapapp", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
    )


def published(tmp: Path, *args, name: str = "page.html") -> Path:
    """`mapapp publish ARGS -o tmp/name`, which must succeed; the page's path."""
    out = tmp / name
    r = mapapp("publish", *args, "-o", out)
    assert r.returncode == 0, r.stderr
    assert str(out) in r.stdout and out.is_file()  # "wrote PAGE (…)", in any language
    return out
