"""The claims comparison: every figure for the same count on one axis, with who claimed it
and how far it is verified. Word-only figures ('heavy losses') are shown, not scaled."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QScrollArea, QWidget

from mapapp.i18n import format_number, translate
from mapapp.model.figures import FigureGroup, figure_groups
from mapapp.model.situation import Situation
from mapapp.model.vocabulary import status_label
from mapapp.render.style import STATUS_COLOURS

ROW_H = 58
HEADER_H = 28
PAD = 12
BADGE_W = 96
ARROW_W = 22  # room right of the bars for an 'over' arrow


class FiguresCanvas(QWidget):
    claim_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: list[FigureGroup] = []
        self.title = ""
        self.footer = ""
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
        groups = self.shown_groups()
        rows = sum(len(g.rows) for g in groups)
        return QSize(420, 96 + len(groups) * (HEADER_H + 10) + rows * ROW_H)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            self.paint(p, self.width())
        finally:
            p.end()

    def paint(self, p: QPainter, width: float) -> None:
        """Draw the comparison at ``width``: on screen, or into an image to copy or save."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(QRectF(0, 0, width, self.sizeHint().height()), QColor("white"))
        self._rows = []
        base = QFont(self.font())
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(6.0, base.pointSizeF() * 0.85))
        y = PAD
        p.setFont(bold)
        p.setPen(QColor("#111"))
        p.drawText(QRectF(PAD, y, width - 2 * PAD, 20), Qt.AlignmentFlag.AlignLeft, self.title)
        y += 22
        p.setFont(small)
        p.setPen(QColor("#555"))
        p.drawText(
            QRectF(PAD, y, width - 2 * PAD, 30),
            Qt.TextFlag.TextWordWrap,
            translate(
                "figures",
                "Each figure as its claimant gave it, on one scale per count. "
                "A bar is a number, a band a range, an arrow 'over'.",
            ),
        )
        y += 34
        for group in self.shown_groups():
            p.setFont(bold)
            p.setPen(QColor("#111"))
            p.drawText(QRectF(PAD, y, width, HEADER_H), Qt.AlignmentFlag.AlignVCenter, group.title)
            top = group.scale_max() or 1.0
            p.setFont(small)
            p.setPen(QColor("#777"))
            axis = QRectF(PAD, y, width - 2 * PAD, HEADER_H)
            p.drawText(
                axis,
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                translate("figures", "scale 0 to {top}").format(top=format_number(top)),
            )
            p.setPen(QPen(QColor("#d0d0d0"), 1))
            p.drawLine(QPointF(PAD, y + HEADER_H), QPointF(width - PAD, y + HEADER_H))
            y += HEADER_H + 6
            for row in group.rows:
                rect = QRectF(0, y, width, ROW_H)
                self._rows.append((rect, row.claim.id))
                if row.claim.id == self.selected_claim:
                    p.fillRect(rect, QColor(255, 213, 79, 90))
                self._paint_row(p, row, y, width, top, base, bold, small)
                y += ROW_H
            y += 4
        if not self.groups:
            p.setPen(QColor("#777"))
            p.drawText(
                QRectF(0, 0, width, 80),
                Qt.AlignmentFlag.AlignCenter,
                translate("figures", "No figures."),
            )
        p.setFont(small)
        p.setPen(QColor("#777"))
        p.drawText(QRectF(PAD, y + 4, width - 2 * PAD, 36), Qt.TextFlag.TextWordWrap, self.footer)

    def _paint_row(self, p, row, y, width, top, base, bold, small) -> None:
        fig = row.figure
        line1 = QRectF(PAD, y + 2, width - 2 * PAD, 20)
        badge = QRectF(width - PAD - BADGE_W, y + 3, BADGE_W, 18)
        label_w = QFontMetricsF(bold).horizontalAdvance(fig.label()) + 8
        name_w = max(40.0, badge.left() - PAD - label_w - 12)
        p.setFont(base)
        p.setPen(QColor("#111"))
        name = QFontMetricsF(base).elidedText(row.claimant, Qt.TextElideMode.ElideRight, name_w)
        p.drawText(
            QRectF(line1.left(), line1.top(), name_w, 20), Qt.AlignmentFlag.AlignVCenter, name
        )
        p.setFont(bold)
        label_x = line1.left() + name_w + 8
        p.drawText(
            QRectF(label_x, line1.top(), label_w, 20), Qt.AlignmentFlag.AlignVCenter, fig.label()
        )
        colour = QColor(STATUS_COLOURS.get(row.claim.status, "#444"))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawRoundedRect(badge, 4, 4)
        p.setPen(QColor("white"))
        p.setFont(small)
        p.drawText(badge, Qt.AlignmentFlag.AlignCenter, status_label(row.claim.status))
        bar_x, bar_w = PAD, max(40.0, width - 2 * PAD - ARROW_W)
        mid = y + 32
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#efefef"))
        p.drawRect(QRectF(bar_x, mid - 6, bar_w, 12))
        k = bar_w / top
        if fig.value is not None:
            p.setBrush(colour)
            p.drawRect(QRectF(bar_x, mid - 6, max(2.0, fig.value * k), 12))
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
            p.drawRect(QRectF(bar_x + fig.min * k, mid - 6, (fig.max - fig.min) * k, 12))
            p.setPen(QPen(colour, 2))
            for v in (fig.min, fig.max):
                p.drawLine(QPointF(bar_x + v * k, mid - 8), QPointF(bar_x + v * k, mid + 8))
        else:
            p.setPen(QColor("#666"))
            p.setFont(small)
            p.drawText(
                QRectF(bar_x, mid - 7, bar_w, 14),
                Qt.AlignmentFlag.AlignCenter,
                translate("figures", "no number given"),
            )
        p.setPen(QColor("#777"))
        p.setFont(small)
        p.drawText(
            QRectF(PAD, mid + 7, width - 2 * PAD, 16), Qt.AlignmentFlag.AlignVCenter, fig.subject
        )

    def to_image(self, width: int = 720, scale: float = 2.0) -> QImage:
        """The whole comparison as an image (for the clipboard or a PNG)."""
        height = self.sizeHint().height()
        image = QImage(round(width * scale), round(height * scale), QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(scale)
        image.fill(QColor("white"))
        p = QPainter(image)
        try:
            self.paint(p, width)
        finally:
            p.end()
        return image

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
        self.canvas.title = situation.title
        article = situation.article()
        source = (
            translate("figures", "Source: {title}.").format(title=article.title) if article else ""
        )
        compiled = translate(
            "figures", "Compiled with mapapp; statuses as the source reports them."
        )
        self.canvas.footer = f"{source} {compiled}" if source else compiled
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


class FiguresWindow(QWidget):
    """The comparison in its own window, sized for a screenshot, with copy and save."""

    def __init__(self, situation: Situation, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout

        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(
            translate("figures", "Conflicting figures — {title}").format(title=situation.title)
        )
        self.view = FiguresView()
        self.view.set_situation(situation)
        copy = QPushButton(translate("figures", "Copy image"))
        save = QPushButton(translate("figures", "Save PNG…"))
        copy.clicked.connect(self.copy_image)
        save.clicked.connect(self.save_png)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(copy)
        buttons.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(720, min(760, self.view.canvas.sizeHint().height() + 70))

    def copy_image(self) -> None:
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.clipboard().setImage(self.view.canvas.to_image())

    def save_png(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from mapapp.errors import MapappError
        from mapapp.render.export import save_png

        path, _ = QFileDialog.getSaveFileName(
            self, translate("figures", "Save figures"), "figures.png", "PNG (*.png)"
        )
        if not path:
            return
        try:
            save_png(self.view.canvas.to_image(), path if path.endswith(".png") else path + ".png")
        except MapappError as exc:
            QMessageBox.warning(self, translate("figures", "Save failed"), str(exc))
