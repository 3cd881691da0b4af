"""Debian's Chromium, headless, driven through Debian's chromedriver by Selenium: what the
published page's tests and benchmarks open it in.

No network of any kind: the flags stop Chromium's own background connections (this
machine refuses them, and a reader's page must not need them), and the performance log
lets a test count every request the page made.
"""

from __future__ import annotations

import json
import shutil
import tempfile

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def available() -> bool:
    return bool(shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER))


def chromium(width: int = 1280, height: int = 800, webgl: bool = False):
    """A new headless Chromium with an empty profile, its window ``width``x``height``.
    ``webgl``: allow WebGL on the software rasteriser (there is no GPU here)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--window-size={width},{height}",
        f"--user-data-dir={tempfile.mkdtemp(prefix='mapapp-chromium-')}",
    ):
        options.add_argument(flag)
    if webgl:
        options.add_argument("--enable-unsafe-swiftshader")
        options.add_argument("--use-angle=swiftshader")
    else:
        options.add_argument("--disable-gpu")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    # headless windows count the browser's frame: make the page's viewport the asked size
    inner = driver.execute_script("return [window.innerWidth, window.innerHeight]")
    driver.set_window_size(2 * width - inner[0], 2 * height - inner[1])
    return driver


def requests(driver) -> list[str]:
    """The URLs the page asked for since the last call (data: and blob: excluded)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if not url.startswith(("data:", "blob:")):
                urls.append(url)
    return urls


# A drag with the mouse as a reader does it: pointer and mouse events as a browser sends
# them, one move a frame for 2 s; returns the frames per second the page kept up.
DRAG = """
const done = arguments[1], el = document.getElementById(arguments[0]);
const r = el.getBoundingClientRect(), x0 = r.left + r.width / 2, y = r.top + r.height / 2;
const send = (type, x) => { const o = {clientX: x, clientY: y, bubbles: true, buttons: 1,
    button: 0, pointerId: 1, isPrimary: true, pointerType: 'mouse', view: window};
  const target = document.elementFromPoint(x0, y) || el;
  target.dispatchEvent(new PointerEvent('pointer' + type, o));
  target.dispatchEvent(new MouseEvent('mouse' + type, o)); };
send('down', x0); let n = 0, x = x0; const t0 = performance.now();
(function step() { x += 3; send('move', x); n++;
  if (performance.now() - t0 < 2000) requestAnimationFrame(step);
  else { send('up', x); done(n / ((performance.now() - t0) / 1000)); } })();
"""


def drag_fps(driver, element_id: str = "map") -> float:
    """Frames per second while the element is dragged (see ``DRAG``)."""
    driver.set_script_timeout(30)
    return driver.execute_async_script(DRAG, element_id)
