"""How mapapp starts itself again for work in a second process: the bundle's own
executable, or this Python with ``-m mapapp``."""

from __future__ import annotations

import sys


def self_command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "mapapp"]
