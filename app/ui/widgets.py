"""Small widgets shared by the window's parts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QToolTip, QWidget

from app.ui.qt_values import ALIGN_LEFT, ALIGN_VCENTER, TEXT_SINGLE_LINE, set_qt_property


class ElidingLabel(QLabel):
    """A one-line label that shrinks with the window, ending in "…" — so a long sentence never
    forces a minimum window width. Hovering an elided label shows the whole text. It paints in
    the first frame, so it keeps its alignment as a number (app.ui.qt_values)."""

    def __init__(self, *text_and_parent: str | QWidget | None,
                 alignment: int = ALIGN_LEFT | ALIGN_VCENTER) -> None:
        super().__init__(*text_and_parent)
        self._alignment = alignment
        set_qt_property(self, "alignment", alignment)

    def setAlignment(self, alignment) -> None:  # type: ignore[no-untyped-def]
        """Also keeps the number paintEvent draws with (reading alignment() builds Qt's enums)."""
        super().setAlignment(alignment)
        self._alignment = int(alignment)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().horizontalAdvance("…") * 8),
                     hint.height())

    def is_elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        area = self.contentsRect()
        shown = self.text()
        if self.is_elided():  # (only then Qt's enums: a text that fits is drawn as it is)
            from PySide6.QtCore import Qt

            shown = self.fontMetrics().elidedText(shown, Qt.TextElideMode.ElideRight, area.width())
        # (The painter starts with the label's foreground colour: no setPen, whose overloads
        # would build Qt's enums in the first frame.)
        painter.drawText(area, self._alignment | TEXT_SINGLE_LINE, shown)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and not self.toolTip() and self.is_elided():
            assert isinstance(event, QHelpEvent)
            QToolTip.showText(event.globalPos(), self.text(), self)
            return True
        return super().event(event)
