"""What escapes every expected error: one line and exit 70 on the command line, a dialog in
the window, a crash report with the traceback in the user's cache directory, and nothing
lost."""

from __future__ import annotations

import sys
import tempfile

import pytest
from PySide6.QtWidgets import QMessageBox

from mapapp import cli
from mapapp.exchange import convert
from mapapp.model.io import default_situation_path


def boom(*_args, **_kwargs):
    raise RuntimeError("reader fell over\non two lines")


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    home = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


def test_cli_internal_error_is_one_line_exit_70_and_a_report(
    cache_home, tmp_path, monkeypatch, capsys
):
    monkeypatch.setattr(convert, "read_any", boom)
    out = tmp_path / "out.geojson"
    code = cli.main(["convert", str(default_situation_path()), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 70
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert err.startswith("mapapp: internal error: RuntimeError: reader fell over on two lines")
    (report,) = (cache_home / "mapapp" / "crashes").glob("crash-*.txt")
    assert f"details in {report}" in err
    text = report.read_text(encoding="utf-8")
    assert "Traceback" in text and "reader fell over" in text and "convert" in text
    assert not out.exists()


def test_report_falls_back_to_the_temporary_folder(tmp_path, monkeypatch):
    from mapapp import crash

    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    try:
        raise ValueError("x")
    except ValueError as exc:
        path = crash.write_report(type(exc), exc, exc.__traceback__)
    assert path is not None and path.parent == tmp_path


@pytest.mark.qt_no_exception_capture
def test_window_shows_one_dialog_and_keeps_the_situation(
    situation_window, cache_home, monkeypatch, qtbot
):
    from mapapp.ui.crash_handler import CrashHandler

    w = situation_window
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored afterwards
    handler = CrashHandler(w)
    handler.install()
    handler.happened.connect(w.feedback.report_internal_error)
    before = w.session.situation
    monkeypatch.setattr(convert, "read_any", boom)
    # a real slot raises: File -> Open Recent -> an entry
    from mapapp.ui.recent import remember

    remember(default_situation_path())
    w.menu_actions.recent_menu.rebuild()
    entry = next(
        a for a in w.menu_actions.recent_menu.actions() if a.isEnabled() and a.text()[:1] == "&"
    )
    entry.trigger()
    qtbot.waitUntil(
        lambda: (
            w.feedback.internal_error_box is not None and w.feedback.internal_error_box.isVisible()
        )
    )
    assert "RuntimeError: reader fell over" in w.feedback.internal_error_box.informativeText()
    assert w.session.situation is before and w.isVisible()
    # more errors while it is open: no dialog storm, the count goes up (each open runs on
    # a worker; one started before the last finished would be cancelled by it)
    entry.trigger()
    qtbot.waitUntil(lambda: "2 errors" in w.feedback.internal_error_box.informativeText())
    entry.trigger()
    qtbot.waitUntil(lambda: "3 errors" in w.feedback.internal_error_box.informativeText())
    boxes = [b for b in w.findChildren(QMessageBox) if b.isVisible()]
    assert boxes == [w.feedback.internal_error_box]
    assert len(list((cache_home / "mapapp" / "crashes").glob("crash-*.txt"))) >= 1
    w.feedback.internal_error_box.close()
    # the window still works
    res = w.map_view.view.resolution
    w.map_view.zoom_by(2)
    assert w.map_view.view.resolution == pytest.approx(res / 2)


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_worker_thread_reaches_the_window(
    situation_window, cache_home, monkeypatch, qtbot
):
    import threading

    from mapapp.ui.crash_handler import CrashHandler

    w = situation_window
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    handler = CrashHandler(w)
    handler.install()
    handler.happened.connect(w.feedback.report_internal_error)
    t = threading.Thread(target=boom)
    t.start()
    t.join()
    qtbot.waitUntil(
        lambda: (
            w.feedback.internal_error_box is not None and w.feedback.internal_error_box.isVisible()
        )
    )
    assert "reader fell over" in w.feedback.last_error
    w.feedback.internal_error_box.close()


def test_a_report_is_written_whatever_the_text_holds(cache_home, monkeypatch):
    """Found in review: a file name that is not valid Unicode stopped the report."""
    from mapapp import crash

    monkeypatch.setattr(sys, "argv", ["mapapp", "\udcff.csv"])
    try:
        raise ValueError("bad \udcff name")
    except ValueError as exc:
        path = crash.write_report(type(exc), exc, exc.__traceback__)
    assert path is not None and "\\udcff" in path.read_text(encoding="utf-8")


def test_quiet_reading_without_a_stderr(monkeypatch):
    from mapapp.exchange.quiet import rust_panics_quiet

    monkeypatch.setattr(sys, "stderr", None)
    with rust_panics_quiet():
        pass


def test_a_store_password_never_reaches_a_report(cache_home, monkeypatch, capsys):
    """mapapp postgresql://alice:SECRET@host/db#t, and a libpq connection string with
    password=…, crash: the report and the one line printed keep the user and host, never
    the secret."""
    from mapapp import crash

    url = "postgresql://alice:s3cr%40t-pw@db.example.org:5432/newsroom#t"
    monkeypatch.setattr(sys, "argv", ["mapapp", url])
    try:
        raise RuntimeError("while talking to host=db password='two words' dbname=x")
    except RuntimeError as exc:
        path = crash.write_report(type(exc), exc, exc.__traceback__, f"opening {url}")
    text = path.read_text(encoding="utf-8")
    assert "s3cr" not in text and "two words" not in text
    assert "postgresql://alice:***@db.example.org:5432/newsroom#t" in text
    assert "password=***" in text
