"""Opening a shared situation from a team's store: File → Open from store… and
``mapapp URL#NAME``. The database is spoken to on a worker thread, so a server that is
slow to answer (or never does) never freezes the window; the URLs used are remembered
without their passwords."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, QSettings, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mapapp.i18n import format_number, tr, translate

RECENT_KEY = "store/recent_urls"
FIRST_DAYS = timedelta(days=29)  # a dataset's first map: its last 30 days


def split_store_target(text: str) -> tuple[str, str] | None:
    """``postgresql://…/db#NAME`` -> (URL, NAME); None for anything else (a file)."""
    from mapapp.store.connection import names_a_store

    if not names_a_store(text) or "#" not in text:
        return None
    url, _, name = text.rpartition("#")
    return (url, name) if url and name else None


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class StoreOpenJob(QThread):
    """Reads a stored situation (as it is now, or as it stood at ``at``) and checks it as
    a file is checked."""

    opened = Signal(object, object)  # Situation, its Link (None: a view of the past)
    previewed = Signal(object)  # a dataset's first markers (table_cache.Markers)
    progressed = Signal(str)  # what it is doing, for the status bar
    failed = Signal(str)

    def __init__(self, url: str, name: str, at: datetime | None = None, parent=None) -> None:
        super().__init__(parent)
        self.url, self.name, self.at = url, name, at

    def run(self) -> None:
        import psycopg

        from mapapp.errors import MapappError
        from mapapp.model.situation import situation_from_dict
        from mapapp.model.validation import validate
        from mapapp.store.connection import connect
        from mapapp.store.datasets import stored_kind
        from mapapp.store.history import situation_at
        from mapapp.store.sync import open_link

        try:
            with connect(self.url) as conn:
                if stored_kind(conn, self.name) == "dataset":
                    self._open_dataset(conn)
                    return
                if self.at is None:
                    data, texts, link = open_link(conn, self.url, self.name)
                else:
                    data, texts = situation_at(conn, self.name, self.at)
                    link = None
            problems, texts = validate(data, None, texts)
            if problems:
                said = translate("store", "{name} in the store is not a valid situation: {p}")
                self.failed.emit(said.format(name=self.name, p=problems[0]))
                return
            self.opened.emit(situation_from_dict(data, texts, None), link)
        except (MapappError, psycopg.Error) as exc:
            self.failed.emit(_one_line(exc))

    def _open_dataset(self, conn) -> None:
        """The first map from what the view needs — the dataset's last month, through the
        store's indexes — then every row, checked as the file is, as the events table."""
        from pathlib import Path

        from mapapp.exchange.acled_table import acled_frame_table
        from mapapp.exchange.dataset import dataset_situation
        from mapapp.exchange.table_cache import markers_of
        from mapapp.store.connection import StoreError
        from mapapp.store.dataset_reading import dataset_markers, dataset_rows
        from mapapp.store.datasets import EVENT_KINDS, open_dataset

        if self.at is not None:
            raise StoreError(translate("store", "a dataset has no history to look back at"))
        dataset = open_dataset(conn, self.name)
        first, last = dataset.days
        recent = (max(first, last - FIRST_DAYS), last)
        m = dataset_markers(conn, dataset, None, recent)
        self.previewed.emit(markers_of(m.lon, m.lat, m.kinds, list(EVENT_KINDS)))
        self.progressed.emit(tr("reading %Ln row(s)", "store", dataset.rows))
        path = Path(f"{self.name}.{'parquet' if dataset.format == 'geoparquet' else 'csv'}")
        table = acled_frame_table(dataset_rows(conn, dataset), path)
        self.opened.emit(dataset_situation(path, table, dataset.head.get("document")), None)


class StoreListJob(QThread):
    listed = Signal(object)  # list[StoredSituation]
    failed = Signal(str)

    def __init__(self, url: str, parent=None) -> None:
        super().__init__(parent)
        self.url = url

    def run(self) -> None:
        import psycopg

        from mapapp.errors import MapappError
        from mapapp.store.connection import connect
        from mapapp.store.situations import list_situations

        try:
            with connect(self.url) as conn:
                self.listed.emit(list_situations(conn))
        except (MapappError, psycopg.Error) as exc:
            self.failed.emit(_one_line(exc))


def remember_url(url: str) -> None:
    from mapapp.store.connection import without_password

    kept = without_password(url)
    urls = [u for u in _recent_urls() if u != kept]
    QSettings().setValue(RECENT_KEY, [kept, *urls][:8])


def _recent_urls() -> list[str]:
    value = QSettings().value(RECENT_KEY, [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in value or []]


class StoreOpenDialog(QDialog):
    """A store's URL, the situations it holds, and which one to open — as it is now
    (shared, live) or as it stood at a time (a read-only look at the past)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("store_open_dialog")
        self.setWindowTitle(translate("store", "Open from store"))
        self.job: StoreListJob | None = None
        self.url = QComboBox(editable=True)
        self.url.setObjectName("store_url")
        self.url.addItems(_recent_urls())
        self.url.setMinimumWidth(420)
        self.url.lineEdit().setPlaceholderText("postgresql://user@host/database")
        self.url.lineEdit().returnPressed.connect(self._url_entered)
        self.listed_url = ""  # the URL whose situations are listed
        self.list_button = QPushButton(translate("store", "&List situations"))
        self.list_button.setObjectName("store_list")
        self.list_button.clicked.connect(self.list_situations)
        row = QHBoxLayout()
        row.addWidget(self.url, 1)
        row.addWidget(self.list_button)
        self.situations = QTreeWidget()
        self.situations.setObjectName("store_situations")
        self.situations.setRootIsDecorated(False)
        self.situations.setHeaderLabels(
            [
                translate("store", "Name"),
                translate("store", "Kind"),
                translate("store", "Items"),
                translate("store", "Last change"),
            ]
        )
        self.situations.itemDoubleClicked.connect(lambda *_: self.accept())
        self.situations.currentItemChanged.connect(lambda *_: self._enable())
        self.past = QCheckBox(translate("store", "As it stood at"))
        self.past.setObjectName("store_past")
        self.at = QDateTimeEdit(QDateTime.currentDateTime())
        self.at.setCalendarPopup(True)
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.at.setEnabled(False)
        self.past.toggled.connect(self.at.setEnabled)
        past = QHBoxLayout()
        past.addWidget(self.past)
        past.addWidget(self.at, 1)
        self.state = QLabel(
            translate(
                "store",
                "Passwords come from ~/.pgpass, PGPASSWORD or a service file; mapapp never "
                "keeps them.",
            )
        )
        self.state.setObjectName("store_state")
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(translate("store", "Store:"), row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.situations, 1)
        layout.addLayout(past)
        layout.addWidget(self.state)
        layout.addWidget(self.buttons)
        self.resize(640, 380)
        self._enable()

    def _enable(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(
            self.situations.currentItem() is not None
        )

    def _url_entered(self) -> None:
        """Enter on a new URL lists its situations; on the URL listed, Enter opens the one
        chosen (the dialog's default button)."""
        if self.url.currentText().strip() != self.listed_url:
            self.list_situations()

    def list_situations(self) -> None:
        url = self.url.currentText().strip()
        if not url or self.job is not None:
            return
        self.situations.clear()
        self.listed_url = ""
        self.state.setText(translate("store", "Asking the store…"))
        self.list_button.setEnabled(False)
        job = StoreListJob(url, self)
        job.listed.connect(lambda found: self._listed(url, found))
        job.failed.connect(self._failed)
        job.finished.connect(self._job_done)
        self.job = job
        job.start()

    def _job_done(self) -> None:
        self.list_button.setEnabled(True)
        if self.job is not None:
            self.job.deleteLater()
        self.job = None

    def _listed(self, url: str, found: list) -> None:
        remember_url(url)
        self.listed_url = url
        for s in found:
            when = s.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
            item = QTreeWidgetItem(
                [
                    s.name,
                    s.kind,
                    format_number(s.items),
                    translate("store", "{when} by {who}").format(when=when, who=s.updated_by),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, s.name)
            self.situations.addTopLevelItem(item)
        for column in range(4):
            self.situations.resizeColumnToContents(column)
        if found:
            self.situations.setCurrentItem(self.situations.topLevelItem(0))
        self.state.setText(tr("%Ln situation(s) in this store.", "store", len(found)))

    def _failed(self, message: str) -> None:
        self.state.setText(message)

    def choice(self) -> tuple[str, str, datetime | None]:
        """(URL, name, the time to look at or None for the shared situation now)."""
        item = self.situations.currentItem()
        name = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else ""
        at = self.at.dateTime().toPython().astimezone() if self.past.isChecked() else None
        return self.url.currentText().strip(), name, at

    def done(self, result: int) -> None:
        if self.job is not None:
            self.job.wait(100)
        super().done(result)
