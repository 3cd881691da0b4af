"""The map leaving the window: snapshot exports (on a worker thread, after their tiles),
the clipboard copy, printing and the published web page, all of the view the map shows."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QWidget

from mapapp.errors import MapappError
from mapapp.geo.viewport import Viewport, framing
from mapapp.i18n import translate

if TYPE_CHECKING:
    from mapapp.render.export import Snapshot
    from mapapp.ui.document_session import DocumentSession
    from mapapp.ui.export_dialog import ExportChoices
    from mapapp.ui.export_job import ExportJob
    from mapapp.ui.feedback import Feedback
    from mapapp.ui.map_view import MapView
    from mapapp.ui.publish_job import PublishJob
    from mapapp.ui.selection import SelectionCoordinator

EXPORT_TILE_TIMEOUT_S = 60.0  # then the export goes ahead, missing tiles left to the vector map


class MapOutput(QObject):
    """``export_job``: the export running now (one at a time), None when idle; ``busy``
    says when one starts and ends (the Export action waits for it)."""

    busy = Signal(bool)

    def __init__(
        self,
        parent: QWidget,
        session: DocumentSession,
        selector: SelectionCoordinator,
        map_view: MapView,
        feedback: Feedback,
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent  # the dialogs' parent
        self.session = session
        self.selector = selector
        self.map_view = map_view
        self.feedback = feedback
        self.export_job: ExportJob | None = None
        self.last_export_job: ExportJob | None = None
        self.publish_job: PublishJob | None = None

    def export_snapshot(self) -> None:
        """Ask where and how, then export the current view on a worker thread."""
        from mapapp.ui.export_dialog import ExportDialog

        if self.export_job is not None:
            self.feedback.say(translate("export", "An export is already running."))
            return
        mv = self.map_view
        settings = QSettings()
        folder = Path(str(settings.value("export/folder", "") or Path.home()))
        suffix = str(settings.value("export/suffix", ".png"))
        name = f"{self.file_stem()}{suffix if suffix in ('.png', '.svg', '.pdf') else '.png'}"
        event = mv.options.selected_event
        selected = None
        if event and self.session.situation is not None and self.session.situation.has_event(event):
            selected = mv.situation.describe(event).rsplit(" — ", 1)[0]
        dialog = ExportDialog(
            self.parent_widget,
            folder / name,
            (mv.view.width, mv.view.height),
            self.session.situation.title if self.session.situation else "",
            selected,
        )
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        choices = dialog.choices()
        settings.setValue("export/folder", str(choices.path.parent))
        settings.setValue("export/suffix", choices.path.suffix.lower())
        self.start_export(choices)

    def start_export(self, choices: ExportChoices) -> ExportJob | None:

        from mapapp.ui.export_job import ExportJob, job_progress

        mv = self.map_view
        view = framing(mv.view.bounds(), choices.width, choices.height, margin=0.0)
        try:
            snap = self.snapshot_for(
                view,
                dpi=choices.dpi,
                title=choices.title,
                select=mv.options.selected_event if choices.caption else None,
                legend=choices.legend,
                scale_bar=choices.scale_bar,
                north_arrow=choices.north_arrow,
                attribution=choices.attribution,
                data_date=choices.data_date,
                tile_source=mv.tile_loader.source if mv.tile_loader else None,
            )
        except MapappError as exc:
            self.feedback.warn(str(exc), translate("export", "Export failed"))
            return None
        job = ExportJob(choices.path, snap, mv.basemap, mv.situation, self.parent_widget)
        name = choices.path.name
        # quick exports finish before the bar would show
        progress = job_progress(
            job,
            self.parent_widget,
            translate("export", "Exporting {file}…").format(file=name),
            translate("export", "Export snapshot"),
            name,
            400,
        )
        missing: list[str] = []  # what the tiles' fetch could not load, said with the result
        job.succeeded.connect(lambda path: self.feedback.say(_written(path, missing)))
        job.failed.connect(
            lambda message: self.feedback.warn(message, translate("export", "Export failed"))
        )
        job.cancelled.connect(
            lambda: self.feedback.say(translate("export", "Export cancelled; nothing written."))
        )
        job.finished.connect(self._export_done)
        self.export_job = job
        self.busy.emit(True)
        if mv.tile_loader is None:
            job.start()
            return job
        # The tiles first (on the event loop; the window stays live), then the drawing.
        progress.setLabelText(
            translate("export", "Loading basemap tiles: {file}").format(file=name)
        )
        progress.setValue(0)  # shown if the tiles take longer than its minimum duration

        def tiles_ready(snap_with_tiles: Snapshot, result) -> None:
            if result.failed:
                missing.append(result.summary())
            job.snap = snap_with_tiles
            job.start()  # cancelled meanwhile: it stops at its first step, writing nothing

        from mapapp.net.tile_loader import with_tiles

        loader = mv.tile_loader
        fetch = with_tiles(loader, snap, choices.path, EXPORT_TILE_TIMEOUT_S, tiles_ready)
        progress.canceled.connect(lambda: loader.cancel(fetch))
        return job

    def _export_done(self) -> None:
        if self.last_export_job is not None:  # the one before: nobody looks at it any more
            self.last_export_job.deleteLater()
        self.last_export_job, self.export_job = self.export_job, None
        self.busy.emit(False)

    def close(self) -> None:
        """Stop a running export or publication; its temporary file is removed on the way
        out."""
        for job in (self.export_job, self.publish_job):
            if job is not None:
                job.cancel()
                job.wait()

    def publish_page(self, path: Path | None = None) -> None:
        """File → Publish web page…: the situation as one HTML file, opening on this view
        with this selection (``path``: where, without asking)."""
        from mapapp.publish.page_data import PageChoices
        from mapapp.ui.publish_job import ask_page_path, start_publishing

        situation = self.session.situation
        if situation is None:
            return
        if self.publish_job is not None and self.publish_job.isRunning():
            self.feedback.say(translate("export", "A web page is already being published."))
            return
        path = path or ask_page_path(self.parent_widget, self.file_stem())
        if path is None:
            return
        event = self.map_view.options.selected_event or ""
        choices = PageChoices(
            title=situation.title,
            select=event if event and situation.has_event(event) else "",
            view=self.map_view.view.bounds(),
            tiles=self.map_view.tile_loader.source if self.map_view.tile_loader else None,
        )
        self.publish_job = start_publishing(
            self.parent_widget, situation, path, choices, self.feedback
        )

    def snapshot_for(self, view: Viewport, **choices) -> Snapshot:
        """The map as shown: unless told otherwise, with the timeline's window and the side
        panel's filters, which the caption and the file's metadata then name."""
        from mapapp.render.snapshot import build_snapshot

        mv = self.map_view
        if mv.situation is None:
            raise MapappError(translate("export", "no situation is open"))
        choices.setdefault("time_window", self.selector.time_window)
        choices.setdefault("filters", self.selector.filters_in_words())
        return build_snapshot(mv.situation, mv.basemap, view, base=mv.options, **choices)

    def file_stem(self) -> str:
        """A file name from the situation's title: its first six words."""
        situation = self.session.situation
        if situation is None or not situation.title:
            return "mapapp-snapshot"
        words = "".join(c if c.isalnum() else " " for c in situation.title.lower()).split()
        return "-".join(words[:6]) or "mapapp-snapshot"

    def copy_image(self) -> None:
        """The current view, as on screen (at the screen's pixel density), to the clipboard."""
        from PySide6.QtWidgets import QApplication

        from mapapp.render.export import render_image

        mv = self.map_view
        scale = self.parent_widget.devicePixelRatioF()
        tiles = mv.tile_loader.layer if mv.tile_loader else None
        image = render_image(
            mv.view, mv.basemap, mv.options, scale=scale, situation=mv.situation, tiles=tiles
        )
        image.setDevicePixelRatio(scale)
        QApplication.clipboard().setImage(image)
        said = translate("export", "Map image copied ({width}×{height} px)")
        self.feedback.say(said.format(width=image.width(), height=image.height()))

    def print_map(self) -> None:
        """The preview, once the page's tiles are in (sharper than the screen's)."""
        from mapapp.ui.printing import make_printer, page_tile_density, page_view

        mv = self.map_view
        printer = make_printer(
            mv.view, self.session.situation.title if self.session.situation else ""
        )
        if mv.tile_loader is None:
            self._print_preview(printer)
            return
        from mapapp.render.tiles import plan_tiles

        self.feedback.say(translate("export", "Loading basemap tiles for printing…"))
        view, _ = page_view(printer, mv.view)
        plan = plan_tiles(view, mv.tile_loader.source, page_tile_density(printer))
        mv.tile_loader.fetch(plan, EXPORT_TILE_TIMEOUT_S, lambda _r: self._print_preview(printer))

    def _print_preview(self, printer) -> None:
        from mapapp.ui.printing import print_preview

        mv = self.map_view
        title = self.session.situation.title if self.session.situation else ""
        tile_source = mv.tile_loader.source if mv.tile_loader else None
        dialog = print_preview(
            self.parent_widget,
            printer,
            mv.view,
            lambda view: self.snapshot_for(view, title=title, tile_source=tile_source),
            mv.basemap,
            mv.situation,
            mv.tile_loader.layer if mv.tile_loader else None,
        )
        self.feedback.say("")
        dialog.exec()


def _written(path: str, missing: list[str]) -> str:
    """The status line after an export: where, then what the tiles' fetch could not load."""
    said = translate("export", "Snapshot written to {path}").format(path=path)
    for problem in missing:
        said = translate("export", "{said}; {problem}").format(said=said, problem=problem)
    return said
