"""File → Print: the current view fitted to the page, through the same ``render_map``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from mapapp.errors import ExportError
from mapapp.geo.viewport import Viewport, framing
from mapapp.i18n import translate
from mapapp.render.basemap import Basemap
from mapapp.render.export import Snapshot
from mapapp.render.scene import render_map
from mapapp.render.situation_layer import SituationLayer
from mapapp.render.tiles import TileLayer

# Tiles for paper at up to 3x the screen's density (~290 dpi): sharper would need
# thousands of tiles for one page.
PRINT_TILE_DENSITY = 3.0

# Builds the snapshot for a view of the page's size (title, legend, caption as exported).
SnapshotFor = Callable[[Viewport], Snapshot]


def page_view(printer: QPrinter, current: Viewport) -> tuple[Viewport, float]:
    """The view that shows ``current``'s extent on the printable area, and its scale.

    The view is in 96-dpi logical pixels so symbols and text keep their screen size in
    points; the painter is scaled by printer dpi / 96.
    """
    dpi = printer.resolution()
    rect = printer.pageLayout().paintRectPixels(dpi)
    scale = dpi / 96.0
    width, height = round(rect.width() / scale), round(rect.height() / scale)
    return framing(current.bounds(), width, height, margin=0.0), scale


def paint_page(
    printer: QPrinter,
    current: Viewport,
    snapshot_for: SnapshotFor,
    basemap: Basemap,
    situation: SituationLayer | None,
    tiles: TileLayer | None = None,
) -> None:
    """``tiles``: the window's tile layer; the page draws from its memory (fetched by
    the window before the preview opened) at the page's density."""
    view, scale = page_view(printer, current)
    snap = snapshot_for(view)
    if tiles is not None:
        layer = TileLayer(
            tiles.source, tiles.cache, page_tile_density(printer), failed=tiles.failed
        )
        snap = replace(snap, tiles=layer)
    painter = QPainter()
    if not painter.begin(printer):
        raise ExportError(translate("export", "the printer could not be opened"))
    try:
        painter.scale(scale, scale)
        render_map(painter, view, basemap, snap.options, None, situation, snap.tiles)
    finally:
        painter.end()


def make_printer(current: Viewport, title: str) -> QPrinter:
    """The printer as the preview starts with it: the view's orientation."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title or translate("export", "mapapp map"))
    landscape = current.width >= current.height
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    return printer


def page_tile_density(printer: QPrinter) -> float:
    return min(PRINT_TILE_DENSITY, printer.resolution() / 96.0)


def print_preview(
    parent: QWidget,
    printer: QPrinter,
    current: Viewport,
    snapshot_for: SnapshotFor,
    basemap: Basemap,
    situation: SituationLayer | None,
    tiles: TileLayer | None = None,
) -> QPrintPreviewDialog:
    """A preview dialog (not yet shown) whose Print button prints what it previews."""
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(translate("export", "Print preview"))
    dialog.printer = printer  # the dialog holds only a C++ pointer to it
    dialog.paintRequested.connect(
        lambda p: paint_page(p, current, snapshot_for, basemap, situation, tiles)
    )
    return dialog
