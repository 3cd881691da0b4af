"""Render the app icon (scalable SVG) into the PNG sizes of the hicolor theme, and the
Windows .ico and macOS .icns the PyInstaller spec uses. Deterministic; run after editing
the SVG:

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/build_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "org.mapapp.Mapapp"
HERE = Path(__file__).resolve().parent
HICOLOR = HERE / "linux" / "icons" / "hicolor"
SVG = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    for size in SIZES:
        out = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        if not render(renderer, size).save(str(out), "PNG"):
            return 1
    # one file each for the other platforms' bundles (Qt writes both formats)
    render(renderer, 256).save(str(HERE / "mapapp.ico"), "ICO")
    render(renderer, 512).save(str(HERE / "mapapp.icns"), "ICNS")
    del app
    print(f"wrote {len(SIZES)} PNG sizes, mapapp.ico and mapapp.icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
