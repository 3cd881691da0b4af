"""The open document and its life: opening (on a worker), a new one from an article,
edits on the undo stack, saving. A QObject that speaks through signals, so the window
(or a test, without one) decides how each outcome is shown.

Questions only a person can answer (save the unsaved edits? where to?) are asked through
two hooks the window sets: ``ask_discard`` and ``ask_save_path``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from mapapp.errors import MapappError
from mapapp.i18n import tr, translate
from mapapp.model.files import SituationError
from mapapp.model.situation import Situation

if TYPE_CHECKING:
    from mapapp.exchange.early_read import EarlyRead
    from mapapp.exchange.table_cache import Markers
    from mapapp.ui.load_job import LoadJob


class DocumentSession(QObject):
    """``situation``: what is open (None before the first one); ``undo_stack``: its edits;
    ``load_job``: the file being opened now; ``old_load_jobs``: cancelled ones still
    finishing in the background (a reader cannot be stopped mid-stage), and loaded ones
    still caching their table."""

    # situation, frame the map on it, fill the lists now (else after the next frame),
    # and whether it is the same document after an edit (view, selection, history kept)
    replaced = Signal(object, bool, bool, bool)
    message = Signal(str)  # for the status bar
    warned = Signal(str, str)  # message, what could not be done
    problems = Signal(object, str, str)  # SituationError, title, what is not done
    loading = Signal(object)  # the path whose reading started
    previewed = Signal(object, object)  # path, its cached markers (nothing open yet)
    load_progressed = Signal(int, str)
    load_ended = Signal()  # read, failed or cancelled: the progress bar goes
    load_crashed = Signal(object)  # sys.exc_info() of a reader that failed unexpectedly
    saved = Signal(object)  # the path written
    article_started = Signal()  # a new situation from an article: authoring begins
    store_attached = Signal(object)  # a shared situation's StoreSync, before it is shown

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.situation: Situation | None = None
        self.undo_stack = QUndoStack(self)
        # the shared situation the open one is a copy of (mapapp.ui.store_sync), or None
        self.store = None
        self.load_job: LoadJob | None = None
        self.old_load_jobs: list[LoadJob] = []
        # "save", "discard" or "cancel" for the unsaved edits of the open situation
        self.ask_discard: Callable[[Situation], str] = lambda _s: "cancel"
        # where Save writes a situation that has no file of its own yet (None: nowhere)
        self.ask_save_path: Callable[[], Path | None] = lambda: None
        # write the unsaved work aside now (the autosaver's recovery file)
        self.write_aside: Callable[[], object] = lambda: None

    # what is open --------------------------------------------------------------------
    def set_situation(
        self, situation: Situation, frame: bool = False, panel_now=True, store=None
    ) -> None:
        """Another situation takes over, with a history of its own; ``store``: the
        StoreSync of a shared situation (mapapp.ui.store_sync)."""
        self.undo_stack.clear()
        self.undo_stack.setClean()  # clear() leaves a restored (never clean) stack dirty
        if self.store is not None:
            self.store.close()
            self.store.deleteLater()
        self.store = store
        if store is not None:
            self.store_attached.emit(store)
        self.situation = situation
        self.replaced.emit(situation, frame, panel_now, False)
        if self.store is not None and self.store.unsent():
            self.undo_stack.resetClean()  # restored unsent edits: the store lacks them
            self.store.send_now()

    def edit(self, text: str, change: Callable[[dict], dict]) -> bool:
        """Apply ``change(document) -> document`` as one undoable command; a change the
        situation cannot take is shown and nothing happens."""
        from mapapp.model.editing import EditError

        if not self.editable():  # a viewer, a dataset: every way in ends here
            self.say(
                translate("window", "{change}: not done, this situation is read only").format(
                    change=text
                )
            )
            return False
        before = self.situation.raw
        try:
            after = change(before)
        except EditError as exc:
            self.warn(
                translate("window", "{change}: {reason}").format(change=text, reason=exc),
                translate("window", "Cannot make this change"),
            )
            return False
        from mapapp.ui.document_edit import DocumentEdit

        self.undo_stack.push(DocumentEdit(self, text, before, after))
        self.say(translate("window", "{change} — Edit → Undo takes it back").format(change=text))
        return True

    def apply_document(self, data: dict, texts: dict[str, str] | None = None) -> None:
        """Show ``data`` (the document after an edit or an undo, or as the store holds it
        now, with ``texts`` of any source it brought) in place of the open one; the undo
        history stays."""
        from mapapp.model.situation import situation_from_dict

        s = self.situation
        self.situation = situation_from_dict(data, texts or s.texts(), s.path)
        self.replaced.emit(self.situation, False, True, True)

    def editable(self) -> bool:
        """A situation document is edited; a dataset (ACLED, Parquet) only filtered, and
        a shared situation only by those the store lets write."""
        return (
            self.situation is not None
            and self.situation.table is None
            and (self.store is None or self.store.can_edit)
        )

    def say(self, text: str) -> None:
        self.message.emit(text)

    def warn(self, message: str, what: str) -> None:
        self.warned.emit(message, what)

    def show_default_if_empty(self) -> None:
        """With nothing open, show the embedded situation rather than an empty map."""
        if self.situation is None:
            from mapapp.model.io import default_situation_path, load_situation

            self.set_situation(load_situation(default_situation_path(), trusted=True))

    # opening ---------------------------------------------------------------------------
    def may_replace(self) -> bool:
        """Before another situation takes over: unsaved edits are saved or let go on
        purpose, never dropped silently."""
        if self.undo_stack.isClean():
            return True
        answer = self.ask_discard(self.situation)
        if answer == "save":
            return self.save()
        return answer == "discard"

    def open_file(self, path: str | Path) -> bool:
        """Open a file here and now (scripts, tests); the menus, drops and the command
        line use ``start_loading``. On any problem show it and keep the current one."""
        from mapapp.exchange.convert import read_any

        if not self.may_replace():
            return False
        try:
            situation = read_any(path)
        except SituationError as exc:
            self.problems.emit(exc, translate("window", "Cannot open situation"), "")
            return False
        self._opened(situation, Path(path))
        return True

    def _opened(self, situation: Situation, path: Path, panel_now: bool = True) -> None:
        self.set_situation(situation, frame=True, panel_now=panel_now)
        n = situation.event_count()
        self.say(tr("Opened {file} (%Ln event(s))", "window", n).format(file=path.name))
        from mapapp.ui.recent import remember

        remember(path)

    def start_loading(
        self, path: str | Path, early: EarlyRead | None = None, markers: Markers | None = None
    ) -> LoadJob | None:
        """Read ``path`` on a worker thread (or take over ``early``, the same file being
        read since start-up; ``markers``: its cached markers, read already); the open
        situation stays until the new one is ready."""
        from mapapp.ui.load_job import LoadJob

        if not self.may_replace():
            return None
        if self.load_job is not None:
            self.cancel_loading()
        path = Path(path)
        job = LoadJob(path, self, early)
        self.load_job = job
        job.progressed.connect(lambda pct, stage: self._load_progressed(job, pct, stage))
        job.previewed.connect(lambda markers: self._load_previewed(job, markers))
        job.loaded.connect(lambda situation: self._load_finished(job, situation))
        job.failed.connect(lambda exc: self._load_failed(job, exc))
        job.crashed.connect(lambda info: self._load_crashed(job, info))
        job.finished.connect(lambda: self._forget_job(job))
        self.loading.emit(path)
        self.say(translate("window", "Opening {file}…").format(file=path.name))
        if markers is not None:
            self._load_previewed(job, markers)
        job.start()
        return job

    def cancel_loading(self) -> None:
        job = self.load_job
        if job is None:
            return
        job.cancel()
        self.old_load_jobs.append(job)
        self.load_job = None
        self.load_ended.emit()
        if self.situation is not None:
            said = translate("window", "Opening {file} cancelled; “{title}” stays open.")
        else:
            said = translate("window", "Opening {file} cancelled.")
        title = self.situation.title if self.situation is not None else ""
        self.say(said.format(file=job.path.name, title=title))

    def wait_for_readers(self) -> None:
        """On the way out: a reader cannot be interrupted mid-stage (a table not yet
        being cached is not cached)."""
        self.cancel_loading()
        for job in list(self.old_load_jobs):
            job.cancel()
            job.wait()

    def map_painted(self) -> None:
        """The map has painted: a reader waiting for its preview's frame goes on; what
        loaded jobs hold may now be cached."""
        if self.load_job is not None and self.load_job.early is not None:
            self.load_job.early.preview_painted()
        for job in self.old_load_jobs:
            if not job.cancelled:
                job.shown()

    def _load_progressed(self, job: LoadJob, pct: int, stage: str) -> None:
        if job is self.load_job:
            self.load_progressed.emit(pct, stage)
            said = translate("window", "Opening {file}: {stage}…")
            self.say(said.format(file=job.path.name, stage=stage))

    def _load_previewed(self, job: LoadJob, markers) -> None:
        """Markers to draw while the table is read: only on an empty map (an open
        situation stays as it is until the new one is ready)."""
        if job is self.load_job and self.situation is None and not job.previewed_once:
            job.previewed_once = True  # the same markers again would only repaint
            self.previewed.emit(job.path, markers)

    def _load_finished(self, job: LoadJob, situation: Situation) -> None:
        if job is not self.load_job:
            return
        self.load_job = None
        self.old_load_jobs.append(job)  # until its table is cached
        self.load_ended.emit()
        if not self.may_replace():  # edited while it was opening: ask again, now
            said = translate("window", "{file} not shown; your changes stay open.")
            self.say(said.format(file=job.path.name))
            return
        self._opened(situation, job.path, panel_now=False)

    def _load_failed(self, job: LoadJob, exc: SituationError) -> None:
        if job is not self.load_job:
            return
        self.load_job = None
        self.load_ended.emit()
        self.load_failed(exc)

    def load_failed(self, exc: SituationError) -> None:
        """A file could not be opened: say why, with the embedded situation behind the
        message rather than an empty map."""
        self.show_default_if_empty()
        self.problems.emit(exc, translate("window", "Cannot open situation"), "")

    def _load_crashed(self, job: LoadJob, info) -> None:
        if job is self.load_job:
            self.load_job = None
            self.load_ended.emit()
            self.show_default_if_empty()
            self.load_crashed.emit(info)

    def _forget_job(self, job: LoadJob) -> None:
        if job in self.old_load_jobs:
            self.old_load_jobs.remove(job)
        job.deleteLater()

    # a new situation from an article -----------------------------------------------------
    def new_from_article_file(self, path: Path) -> bool:
        """A new situation citing the article at ``path`` (.txt, or a page saved from a
        browser); the open one stays if the file cannot be read."""
        from mapapp.exchange.article import read_article
        from mapapp.model.ids import slug

        if not self.may_replace():
            return False
        try:
            article = read_article(path)
        except SituationError as exc:
            self.problems.emit(
                exc,
                translate("window", "Cannot read article"),
                translate("window", "{file} cannot be read.").format(file=path.name),
            )
            return False
        self._new_from_article(article, f"{slug(path.stem)}.txt")
        return True

    def new_from_text(self, text: str) -> bool:
        """A new situation citing pasted text."""
        from mapapp.exchange.article import article_from_text

        if not text.strip():
            self.say(translate("window", "The clipboard holds no text to make a situation from."))
            return False
        if not self.may_replace():
            return False
        self._new_from_article(article_from_text(text), "article.txt")
        return True

    def _new_from_article(self, article, text_file: str) -> None:
        from mapapp.exchange.article import situation_from_article

        self.set_situation(situation_from_article(article, text_file))
        self.article_started.emit()
        said = translate(
            "window",
            "New situation from “{title}”; File → Save as keeps it "
            "(the article is saved beside it as {file}).",
        )
        self.say(said.format(title=self.situation.title, file=text_file))

    # saving ------------------------------------------------------------------------------
    def can_save_here(self) -> bool:
        """Save writes back to a situation file; never to the embedded one (a copy of
        it is saved with Save As), and a dataset is written with Export data."""
        from mapapp.model.io import default_situation_path

        s = self.situation
        return (
            s is not None
            and s.path is not None
            and s.path.suffix.lower() == ".json"
            and s.path.resolve() != default_situation_path().resolve()
        )

    def save(self) -> bool:
        """Back to its file, or where ``ask_save_path`` says; a shared situation's edits
        to its store, now."""
        if self.store is not None:
            return self.store.save()
        if not self.editable():
            self.say(translate("window", "A dataset is written with File → Export data."))
            return False
        if self.can_save_here():
            return self.save_to(self.situation.path)
        path = self.ask_save_path()
        return path is not None and self.save_to(path)

    def save_to(self, path: Path) -> bool:
        """Validate and write atomically (the previous version kept as NAME.bak); on a
        problem say which item to fix and write nothing."""
        from mapapp.model.io import default_situation_path, save_situation

        if path.resolve() == default_situation_path().resolve():
            self.warn(
                translate(
                    "window", "the embedded situation is not overwritten; choose another file"
                ),
                translate("window", "Cannot save situation"),
            )
            return False
        try:
            save_situation(self.situation, path)
        except SituationError as exc:
            self.problems.emit(
                exc,
                translate("window", "Cannot save situation"),
                translate("window", "{file} is not written.").format(file=path.name),
            )
            return False
        except MapappError as exc:
            self.warn(str(exc), translate("window", "Cannot save situation"))
            return False
        if self.store is not None:  # a copy; the shared situation stays what is open
            self.say(translate("window", "Saved a copy in {path}").format(path=path))
            return True
        self.situation.path = path
        self.undo_stack.setClean()
        self.say(translate("window", "Saved {path}").format(path=path))
        from mapapp.ui.recent import remember

        remember(path)
        self.saved.emit(path)
        return True
