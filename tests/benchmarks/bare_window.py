"""The start-up peer: a bare PySide6 window that leaves right after its first paint, as
mapapp does with MAPAPP_EXIT_AFTER_FIRST_PAINT=1 (os._exit once the frame is painted)."""

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


class Canvas(QWidget):
    def paintEvent(self, event):
        QTimer.singleShot(0, lambda: os._exit(0))


app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(Canvas())
window.resize(1280, 800)
window.show()
sys.exit(app.exec())
