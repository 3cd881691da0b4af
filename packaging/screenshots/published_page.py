"""Make packaging/screenshots/published-page.png, the README's picture of a published page:
`mapapp publish` on the embedded situation, opened in headless Chromium at 1440x900 with
the battle selected through the page's own deep link. Run from the repository root:

    .venv/bin/python packaging/screenshots/published_page.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from chromium import chromium  # noqa: E402

OUT = ROOT / "packaging" / "screenshots" / "published-page.png"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "tinzaouaten.html"
        subprocess.run([sys.executable, "-m", "mapapp", "publish", "-o", str(page)], check=True)
        driver = chromium(1440, 900)
        try:
            driver.get(page.as_uri() + "#event=battle")
            while driver.execute_script("return document.body.dataset.ready") != "true":
                time.sleep(0.05)
            time.sleep(0.5)
            driver.save_screenshot(str(OUT))
        finally:
            driver.quit()
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
