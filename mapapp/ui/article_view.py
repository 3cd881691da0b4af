"""The Article tab: the source text, read-only, with cited spans, place names and the
actors, dates and figures found in it marked.

Offsets from the situation are Python character offsets; Qt counts UTF-16 units, so
every span is converted (``qt_position``) before it becomes a text cursor.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from mapapp.ui.text_offsets import qt_position

HIGHLIGHT = QColor(255, 213, 79, 170)
PLACED = QColor(46, 125, 50)
UNPLACED = QColor(230, 81, 0)
UNPLACED_BACKGROUND = QColor(255, 224, 178, 110)
# what else the article says, dotted: who, when, how many
FIND_COLOURS = {
    "actor": QColor(106, 61, 154),
    "date": QColor(31, 120, 180),
    "figure": QColor(0, 121, 107),
}


class ArticleView(QPlainTextEdit):
    """The article with two layers of marks: the selection's citations over the place
    names found while authoring."""

    def __init__(self) -> None:
        super().__init__()
        self._cited: list[QTextEdit.ExtraSelection] = []
        self._mentions: list[QTextEdit.ExtraSelection] = []
        self._finds: list[QTextEdit.ExtraSelection] = []
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def highlight_spans(self, spans: list[tuple[int, int]]) -> None:
        """Mark the cited spans (character offsets) in the article and scroll to the
        first."""
        text = self.toPlainText()
        spans = [(qt_position(text, a), qt_position(text, b)) for a, b in spans]
        fmt = QTextCharFormat()
        fmt.setBackground(HIGHLIGHT)
        self._cited = [self._extra(a, b, fmt) for a, b in spans]
        self._show_marks()
        if spans:
            cursor = QTextCursor(self.document())
            cursor.setPosition(spans[0][0])
            self.setTextCursor(cursor)
            self.centerCursor()

    def set_mention_marks(self, marks: list[tuple[int, int, bool]]) -> None:
        """Underline place names (Qt positions): green when placed, orange when not."""
        out = []
        for start, end, placed in marks:
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(
                QTextCharFormat.UnderlineStyle.SingleUnderline
                if placed
                else QTextCharFormat.UnderlineStyle.WaveUnderline
            )
            fmt.setUnderlineColor(PLACED if placed else UNPLACED)
            if not placed:
                fmt.setBackground(UNPLACED_BACKGROUND)
            out.append(self._extra(start, end, fmt))
        self._mentions = out
        self._show_marks()

    def set_find_marks(self, marks: list[tuple[int, int, str]]) -> None:
        """Dot-underline the actors, dates and figures found (Qt positions, kind)."""
        out = []
        for start, end, kind in marks:
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(FIND_COLOURS[kind])
            out.append(self._extra(start, end, fmt))
        self._finds = out
        self._show_marks()

    def _extra(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        sel = QTextEdit.ExtraSelection()
        sel.cursor = cursor
        sel.format = fmt
        return sel

    def _show_marks(self) -> None:
        self.setExtraSelections(self._finds + self._mentions + self._cited)
