"""The start-up peer: a bare PySide6 window that quits after its first paint, as mapapp does."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


class Canvas(QWidget):
    def paintEvent(self, event):
        QTimer.singleShot(0, QApplication.quit)


app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(Canvas())
window.resize(1280, 800)
window.show()
sys.exit(app.exec())
