"""The queue table: full-row selection, drag to reorder, sensible column widths and, while the
queue is empty, a placeholder that says how to add something."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QRect
from PySide6.QtGui import QFont, QIcon, QPainter, QPaintEvent, QPalette, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from app.resources import icon
from app.ui.columns import Column, column_title
from app.ui.qt_values import (
    ALIGN_CENTER,
    ALIGN_LEFT,
    ALIGN_VCENTER,
    CUSTOM_CONTEXT_MENU,
    MOVE_ACTION,
    set_qt_property,
)

if TYPE_CHECKING:  # imported after the first paint, with the engine's item types
    from app.ui.queue_model import QueueModel

ROW_HEIGHT = 32


class _MiddleElidingDelegate(QStyledItemDelegate):
    """Names and links keep both ends visible ("example.com/wat…/video.mp4"). Made once the
    window has painted (the empty first frame has no names; see app.ui.qt_values)."""

    def __init__(self, parent: QWidget) -> None:
        from PySide6.QtCore import Qt

        super().__init__(parent)
        self._middle = Qt.TextElideMode.ElideMiddle

    def initStyleOption(self, option: QStyleOptionViewItem, index) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = self._middle


def column_titles_only(parent: QWidget) -> QAbstractItemModel:
    """An empty table's model: the column titles, nothing in Python for Qt to call while it
    paints. The window starts with it and gets its QueueModel once the engine is imported."""
    titles = QStandardItemModel(0, len(Column), parent)
    titles.setHorizontalHeaderLabels([column_title(column) for column in Column])
    return titles


class QueueView(QTableView):
    def __init__(self, model: QueueModel | None = None, parent: QWidget | None = None) -> None:
        """Without `model` the table is empty, with its titles, until `setModel(QueueModel)`;
        the columns keep their widths then (same columns)."""
        super().__init__(parent)
        # A viewport made here, so Python knows its type: wrapping Qt's own (the first paint asks
        # for it) makes PySide6 load every QWidget subclass it might be, ~10 ms of enums.
        self.setViewport(QWidget(self))
        # The placeholder's painter starts in this colour (QPainter takes a widget's foreground
        # role): no setPen in the first frame, whose overloads build Qt's enums (qt_values).
        # Items paint with colours of their own.
        self.viewport().setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.opening = False
        self.setObjectName("queueView")
        self.setModel(model if model is not None else column_titles_only(self))
        self.setAccessibleName(self.tr("Download queue"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        # (Elided at the right: the view's default. Qt-typed settings by number: app.ui.qt_values)
        set_qt_property(self, "contextMenuPolicy", CUSTOM_CONTEXT_MENU)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDragEnabled(True)
        self.setDropIndicatorShown(True)
        set_qt_property(self, "defaultDropAction", MOVE_ACTION)
        self.setDragDropOverwriteMode(False)
        self.setCornerButtonEnabled(False)

        rows = self.verticalHeader()
        rows.setVisible(False)
        # Fixed row heights keep 10,000 rows cheap: Qt never measures each row.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_HEIGHT)

        header = self.horizontalHeader()
        header.setHighlightSections(False)
        set_qt_property(header, "defaultAlignment", ALIGN_LEFT | ALIGN_VCENTER)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((Column.STATUS, 230), (Column.PROGRESS, 220), (Column.SIZE, 140),
                              (Column.DETAILS, 240)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setMinimumSectionSize(60)

    def paint_progress_bars(self) -> None:
        """Draw the Progress column as bars, and names elided in the middle, from now on.
        Called once the window has painted: the bar painter's Qt style classes take ~9 ms to
        load, and an empty table needs neither."""
        from app.ui.progress_delegate import ProgressDelegate

        self.setItemDelegateForColumn(Column.PROGRESS, ProgressDelegate(self))
        self.setItemDelegateForColumn(Column.TITLE, _MiddleElidingDelegate(self))

    def placeholder_text(self) -> str:
        if self.opening:
            return self.tr("Opening your queue…")
        return self.tr("Drop links here or press Ctrl+V")

    def set_opening(self, opening: bool) -> None:
        """While the window starts, the empty table says so instead of inviting drops."""
        self.opening = opening
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0:
            self._paint_placeholder()

    def _paint_placeholder(self) -> None:
        viewport = self.viewport()
        painter = QPainter(viewport)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = viewport.rect()
        side = 64
        art = QRect(area.center().x() - side // 2, area.center().y() - side - 12, side, side)
        icon("download").paint(painter, art, mode=QIcon.Mode.Disabled)  # centred: the default
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        painter.setFont(font)
        below = QRect(area.left(), art.bottom() + 12, area.width(), painter.fontMetrics().height())
        painter.drawText(below, ALIGN_CENTER, self.placeholder_text())
        font.setPointSizeF(self.font().pointSizeF())
        painter.setFont(font)
        if self.opening:
            painter.end()
            return
        hint = self.tr("Links from your browser, a text file or the clipboard — one or many.")
        second = below.translated(0, below.height() + 6)
        second.setHeight(painter.fontMetrics().height())
        painter.drawText(second, ALIGN_CENTER, hint)
        painter.end()
