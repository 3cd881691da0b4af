"""Words of an open window in the language just chosen (View → Language), without
rebuilding it: every fixed text a widget shows that came from the catalogue (actions,
menus, labels, buttons, tabs, placeholders, tooltips, titles) is looked up by what it was
translated from (mapapp.i18n.retranslated) and set again. Lists, combo boxes and tree
headers — which hold the situation's own words beside mapapp's — and texts filled in with
values are worded again by their owners (``word_again``), from their codes, so the
situation's own words are never touched."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

from mapapp.i18n import retranslated


def _again(get: Callable[[], str], put: Callable[[str], None]) -> None:
    text = get()
    if text:
        new = retranslated(text)
        if new is not None and new != text:
            put(new)


def retranslate_tree(root: QObject) -> None:
    """``root`` and everything under it: actions, menus, docks, tabs, labels, buttons,
    placeholders, combo items, group boxes, table headers, tooltips and titles."""
    for action in [*root.findChildren(QAction), *_own_actions(root)]:
        _again(action.text, action.setText)
        _again(action.toolTip, action.setToolTip)
        _again(action.statusTip, action.setStatusTip)
    widgets = root.findChildren(QWidget)
    if isinstance(root, QWidget):
        widgets.append(root)
    for w in widgets:
        _widget(w)


def _own_actions(root: QObject) -> list[QAction]:
    return list(root.actions()) if isinstance(root, QWidget) else []


def _widget(w: QWidget) -> None:
    _again(w.toolTip, w.setToolTip)
    _again(w.windowTitle, w.setWindowTitle)
    if isinstance(w, QMenu):
        _again(w.title, w.setTitle)
    elif isinstance(w, QLabel):
        if w.textFormat() != Qt.TextFormat.RichText:
            _again(w.text, w.setText)
    elif isinstance(w, QAbstractButton):
        _again(w.text, w.setText)
    elif isinstance(w, QLineEdit):
        _again(w.placeholderText, w.setPlaceholderText)
    elif isinstance(w, QGroupBox):
        _again(w.title, w.setTitle)
    elif isinstance(w, QAbstractSpinBox):
        _again(w.specialValueText, w.setSpecialValueText)
    elif isinstance(w, QTabWidget):
        for i in range(w.count()):
            _again(lambda i=i: w.tabText(i), lambda t, i=i: w.setTabText(i, t))
            _again(lambda i=i: w.tabToolTip(i), lambda t, i=i: w.setTabToolTip(i, t))
    elif isinstance(w, QTabBar):
        for i in range(w.count()):
            _again(lambda i=i: w.tabText(i), lambda t, i=i: w.setTabText(i, t))
    elif isinstance(w, (QTextEdit, QPlainTextEdit)):
        _again(w.placeholderText, w.setPlaceholderText)
    elif isinstance(w, (QTableView, QTreeView)):  # a list has no column names
        _headers(w)


def _headers(view: QAbstractItemView) -> None:
    """Column headers: a standard item model holds them as texts; a model of ours words
    them in headerData each time, and only needs to say they changed."""
    model = view.model()
    if model is None:
        return
    if isinstance(model, QStandardItemModel):
        for col in range(model.columnCount()):
            item = model.horizontalHeaderItem(col)
            if item is not None:
                _again(item.text, item.setText)
        return
    columns = model.columnCount(QModelIndex())
    if columns:
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
