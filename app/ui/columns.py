"""The queue table's columns and their titles, apart from the model: the window shows the empty
table (titles, widths) before it imports the model and the engine's item types behind it."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


class Column(IntEnum):
    TITLE = 0
    STATUS = 1
    PROGRESS = 2
    SIZE = 3
    DETAILS = 4


_TITLES = {
    Column.TITLE: QT_TRANSLATE_NOOP("QueueModel", "Video"),
    Column.STATUS: QT_TRANSLATE_NOOP("QueueModel", "Status"),
    Column.PROGRESS: QT_TRANSLATE_NOOP("QueueModel", "Progress"),
    Column.SIZE: QT_TRANSLATE_NOOP("QueueModel", "Size"),
    Column.DETAILS: QT_TRANSLATE_NOOP("QueueModel", "Details"),
}


def column_title(column: int) -> str:
    """"Video", "Status"…, in the interface's language."""
    return QCoreApplication.translate("QueueModel", _TITLES[Column(column)])
