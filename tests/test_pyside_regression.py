"""PySide6 6.12.0 aborts CPython 3.11 after a few thousand calls of a method returning
nothing (each drops a reference to None). Our version range excludes it; this proves
the installed version survives such calls in bulk."""

import subprocess
import sys

SCRIPT = """
from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath
p = QPointF()
path = QPainterPath()
for i in range(100_000):
    p.setX(float(i))
    path.lineTo(p)
print("ok", path.elementCount())
"""


def test_void_methods_called_100k_times_do_not_abort():
    # A fresh interpreter: the bug kills the process, which must not take pytest with it.
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr[-2000:]
    word, count = out.stdout.split()
    assert word == "ok" and int(count) >= 100_000
