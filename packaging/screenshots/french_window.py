"""Make packaging/screenshots/french-window.png, the README's picture of the window in
French: the embedded situation with the battle selected, at 1440x900, as
`mapapp --lang fr` shows it. Run from the repository root (offscreen, no display needed):

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/screenshots/french_window.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()  # no remembered window state

OUT = ROOT / "packaging" / "screenshots" / "french-window.png"


def main() -> int:
    from mapapp.model.io import default_situation_path, load_situation
    from mapapp.render.basemap import default_basemap
    from mapapp.ui.app import create_application, use_language
    from mapapp.ui.main_window import MainWindow

    app = create_application()
    use_language(app, "fr")
    window = MainWindow(default_basemap(), load_situation(default_situation_path()))
    window.resize(1440, 900)
    window.show()

    def settle() -> None:
        for _ in range(40):
            app.processEvents()
            time.sleep(0.02)

    settle()
    window.selector.select("event", "battle")
    settle()
    window.grab().save(str(OUT))
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
