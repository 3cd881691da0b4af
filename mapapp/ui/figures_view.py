"""The claims comparison: every figure for the same count on one axis, with who claimed it
and how far it is verified. Word-only figures ('heavy losses') are shown, not scaled."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QScrollArea, QWidget

from mapapp.model.figures import FigureGroup, figure_groups
from mapapp.model.situation import STATUS_LABELS, Situation
from mapapp.render.style import STATUS_COLOURS

ROW_H = 44
HEADER_H = 30
PAD = 10
NAME_W = 120
LABEL_W = 130
BADGE_W = 92


class FiguresCanvas(QWidget):
    claim_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: list[FigureGroup] = []
        self.visible_claims: set[str] | None = None
        self.selected_claim: str | None = None
        self._rows: list[tuple[QRectF, str]] = []
        self.setMouseTracking(True)

    def shown_groups(self) -> list[FigureGroup]:
        if self.visible_claims is None:
            return self.groups
        out = []
        for g in self.groups:
            rows = tuple(r for r in g.rows if r.claim.id in self.visible_claims)
            if rows:
                out.append(FigureGroup(g.tally, g.title, rows))
        return out

    def sizeHint(self) -> QSize:
        rows = sum(len(g.rows) for g in self.shown_groups())
        return QSize(560, 40 + len(self.shown_groups()) * (HEADER_H + 8) + rows * ROW_H)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        self._rows = []
        bold = QFont(self.font())
        bold.setBold(True)
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, self.font().pointSizeF() * 0.85))
        y = PAD
        p.setFont(small)
        p.setPen(QColor("#555"))
        p.drawText(
            QRectF(PAD, y, self.width() - 2 * PAD, 20),
            Qt.AlignmentFlag.AlignLeft,
            "Casualty and other figures as each claimant gave them, on one scale per count.",
        )
        y += 26
        bar_x = PAD + NAME_W + LABEL_W + BADGE_W + 12
        bar_w = max(60.0, self.width() - bar_x - PAD - 30)
        for group in self.shown_groups():
            p.setFont(bold)
            p.setPen(QColor("#111"))
            p.drawText(
                QRectF(PAD, y, self.width(), HEADER_H), Qt.AlignmentFlag.AlignVCenter, group.title
            )
            p.setPen(QPen(QColor("#ddd"), 1))
            p.drawLine(
                QPointF(PAD, y + HEADER_H - 2), QPointF(self.width() - PAD, y + HEADER_H - 2)
            )
            y += HEADER_H + 4
            top = group.scale_max() or 1.0
            for row in group.rows:
                rect = QRectF(0, y, self.width(), ROW_H)
                self._rows.append((rect, row.claim.id))
                if row.claim.id == self.selected_claim:
                    p.fillRect(rect, QColor(255, 213, 79, 90))
                self._paint_row(p, row, y, bar_x, bar_w, top, bold, small)
                y += ROW_H
            y += 8
        if not self.groups:
            p.setPen(QColor("#777"))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No figures in this situation.")
        p.end()

    def _paint_row(self, p, row, y, bar_x, bar_w, top, bold, small) -> None:
        fig = row.figure
        mid = y + ROW_H / 2
        p.setFont(self.font())
        p.setPen(QColor("#111"))
        elided = QFontMetricsF(self.font()).elidedText(
            row.claimant, Qt.TextElideMode.ElideRight, NAME_W
        )
        p.drawText(QRectF(PAD, y, NAME_W, ROW_H / 2 + 6), Qt.AlignmentFlag.AlignBottom, elided)
        p.setFont(small)
        p.setPen(QColor("#666"))
        sub = QFontMetricsF(small).elidedText(
            fig.subject, Qt.TextElideMode.ElideRight, NAME_W + LABEL_W
        )
        p.drawText(
            QRectF(PAD, mid + 2, NAME_W + LABEL_W, ROW_H / 2), Qt.AlignmentFlag.AlignTop, sub
        )
        p.setFont(bold)
        p.setPen(QColor("#111"))
        p.drawText(
            QRectF(PAD + NAME_W, y, LABEL_W, ROW_H / 2 + 6),
            Qt.AlignmentFlag.AlignBottom,
            fig.label(),
        )
        badge = QRectF(PAD + NAME_W + LABEL_W, mid - 10, BADGE_W - 6, 20)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(STATUS_COLOURS.get(row.claim.status, "#444")))
        p.drawRoundedRect(badge, 4, 4)
        p.setPen(QColor("white"))
        p.setFont(small)
        p.drawText(badge, Qt.AlignmentFlag.AlignCenter, STATUS_LABELS[row.claim.status])
        colour = QColor(STATUS_COLOURS.get(row.claim.status, "#444"))
        track = QRectF(bar_x, mid - 7, bar_w, 14)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#f1f1f1"))
        p.drawRect(track)
        k = bar_w / top
        if fig.value is not None:
            p.setBrush(colour)
            p.drawRect(QRectF(bar_x, mid - 7, fig.value * k, 14))
            if fig.qualifier in ("over", "at least"):
                tip = bar_x + fig.value * k
                p.setPen(QPen(colour, 2))
                p.drawLine(QPointF(tip + 2, mid), QPointF(tip + 16, mid))
                p.drawLine(QPointF(tip + 10, mid - 5), QPointF(tip + 16, mid))
                p.drawLine(QPointF(tip + 10, mid + 5), QPointF(tip + 16, mid))
        elif fig.min is not None and fig.max is not None:
            light = QColor(colour)
            light.setAlpha(110)
            p.setBrush(light)
            p.drawRect(QRectF(bar_x + fig.min * k, mid - 7, (fig.max - fig.min) * k, 14))
            p.setPen(QPen(colour, 2))
            for v in (fig.min, fig.max):
                p.drawLine(QPointF(bar_x + v * k, mid - 9), QPointF(bar_x + v * k, mid + 9))
        else:
            p.setPen(QColor("#777"))
            p.setFont(small)
            p.drawText(track, Qt.AlignmentFlag.AlignCenter, "no number given")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        for rect, claim_id in self._rows:
            if rect.contains(event.position()):
                self.claim_selected.emit(claim_id)
                return


class FiguresView(QScrollArea):
    claim_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = FiguresCanvas()
        self.setWidget(self.canvas)
        self.setWidgetResizable(True)
        self.canvas.claim_selected.connect(self.claim_selected)

    def set_situation(self, situation: Situation) -> None:
        self.canvas.groups = figure_groups(situation)
        self.canvas.visible_claims = None
        self._refresh()

    def set_visible_claims(self, claims: set[str]) -> None:
        self.canvas.visible_claims = claims
        self._refresh()

    def set_selected_claim(self, claim_id: str | None) -> None:
        self.canvas.selected_claim = claim_id
        self.canvas.update()

    def _refresh(self) -> None:
        self.canvas.setMinimumHeight(self.canvas.sizeHint().height())
        self.canvas.update()
