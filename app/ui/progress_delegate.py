"""Draws the Progress column: a rounded bar with the percent, and speed and time left when they fit.

Colours say whose work it is: the service processing the video, the app downloading it, done,
paused or failed. While a job is being submitted, or no percent is known, the bar is striped
(the indeterminate look) instead of pretending to know how far along it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.engine.model import Item, ItemState
from app.ui import item_text
from app.ui.formatting import format_percent
from app.ui.queue_model import ItemRole
from app.ui.theme import failure_color, is_dark, success_color

BAR_HEIGHT = 18
H_MARGIN = 6


class BarLook(Enum):
    DOWNLOADING = "downloading"
    PROCESSING = "processing"
    DONE = "done"
    PAUSED = "paused"
    FAILED = "failed"
    EMPTY = "empty"


@dataclass(frozen=True)
class BarSpec:
    """What one row's bar shows: a fraction (None = indeterminate), a label and a look."""

    fraction: float | None
    label: str
    look: BarLook
    extra: str = ""  # speed and time left: shown only when there is room


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProgressDelegate", text)


def bar_for(item: Item) -> BarSpec:
    fraction = item_text.progress_fraction(item)
    state = item.state
    if state is ItemState.DOWNLOADING:
        label = format_percent(fraction) if fraction is not None else _tr("Downloading")
        return BarSpec(fraction, label, BarLook.DOWNLOADING, item_text.speed_and_eta(item))
    if state is ItemState.PROCESSING:
        label = _tr("Processing")
        if fraction is not None:
            label += item_text.SEPARATOR + format_percent(fraction)
        return BarSpec(fraction, label, BarLook.PROCESSING)
    if state is ItemState.SUBMITTING:
        return BarSpec(None, _tr("Submitting…"), BarLook.PROCESSING)
    if state is ItemState.COMPLETED:
        return BarSpec(1.0, _tr("Done"), BarLook.DONE)
    if state is ItemState.PAUSED:
        label = _tr("Paused")
        if fraction:
            label += item_text.SEPARATOR + format_percent(fraction)
        return BarSpec(fraction or 0.0, label, BarLook.PAUSED)
    if state is ItemState.FAILED:
        return BarSpec(0.0, _tr("Failed"), BarLook.FAILED)
    return BarSpec(0.0, "", BarLook.EMPTY)


def _fill_color(look: BarLook, palette: QPalette) -> QColor:
    if look is BarLook.DONE:
        return success_color(palette)
    if look is BarLook.FAILED:
        return failure_color(palette)
    if look is BarLook.PAUSED:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if look is BarLook.PROCESSING:
        return QColor("#b39ddb") if is_dark(palette) else QColor("#7e57c2")
    return palette.color(QPalette.ColorRole.Highlight)


def _track_color(palette: QPalette) -> QColor:
    base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    mix = 0.12
    return QColor.fromRgbF(
        base.redF() * (1 - mix) + text.redF() * mix,
        base.greenF() * (1 - mix) + text.greenF() * mix,
        base.blueF() * (1 - mix) + text.blueF() * mix,
    )


def _text_on(fill: QColor) -> QColor:
    """Black or white, whichever reads better on `fill` (by perceived brightness)."""
    brightness = 0.299 * fill.red() + 0.587 * fill.green() + 0.114 * fill.blue()
    return QColor("#000000") if brightness > 150 else QColor("#ffffff")


class ProgressDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        item = index.data(ItemRole)
        if not isinstance(item, Item):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:  # the row's background and selection, as other cells draw them
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter,
                                opt.widget)
        spec = bar_for(item)
        if spec.look is BarLook.EMPTY:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._draw_bar(painter, opt, spec)
        painter.restore()

    def _draw_bar(self, painter: QPainter, opt: QStyleOptionViewItem, spec: BarSpec) -> None:
        palette = opt.palette
        cell = QRectF(opt.rect).adjusted(H_MARGIN, 0, -H_MARGIN, 0)
        height = min(BAR_HEIGHT, cell.height() - 6)
        bar = QRectF(cell.left(), cell.center().y() - height / 2, cell.width(), height)
        track = QPainterPath()
        track.addRoundedRect(bar, height / 2, height / 2)
        painter.fillPath(track, _track_color(palette))
        fill = _fill_color(spec.look, palette)
        painter.setClipPath(track)
        if spec.fraction is None:
            stripes = QColor(fill)
            stripes.setAlpha(110)  # quiet enough that the label on top stays readable
            painter.fillPath(track, QBrush(stripes, Qt.BrushStyle.BDiagPattern))
            filled = QRectF(bar.left(), bar.top(), 0, bar.height())
        else:
            filled = QRectF(bar.left(), bar.top(), bar.width() * spec.fraction, bar.height())
            painter.fillRect(filled, fill)
        label = spec.label
        if spec.extra:
            wide = label + item_text.SEPARATOR + spec.extra
            if opt.fontMetrics.horizontalAdvance(wide) + 12 <= bar.width():
                label = wide
        label = opt.fontMetrics.elidedText(label, Qt.TextElideMode.ElideRight, int(bar.width()) - 8)
        flags = Qt.AlignmentFlag.AlignCenter
        # Text over the filled part in the fill's contrast colour, over the rest in plain text.
        plain = fill if spec.look is BarLook.FAILED else palette.color(QPalette.ColorRole.Text)
        painter.setPen(plain)
        painter.setClipRect(QRectF(filled.right(), bar.top(), bar.width(), bar.height()))
        painter.drawText(bar, flags, label)
        painter.setPen(_text_on(fill))
        painter.setClipRect(filled)
        painter.drawText(bar, flags, label)

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), 160), max(hint.height(), BAR_HEIGHT + 8))
