"""A banner: one line (or two) across the top of the window that says what the queue waits for,
with the buttons that fix it. Non-modal by nature: the window stays usable underneath.

Colours are tints of the system palette, so a banner reads well in light and dark themes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QAccessible, QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAccessibleWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QWidget,
)

from app.engine.model import Account
from app.ui.announce import announce


class Severity(Enum):
    # (tint, icon): blue for information, amber for a wait, red for something to fix
    INFO = ("#2f7fd8", QStyle.StandardPixmap.SP_MessageBoxInformation)
    WAIT = ("#d89a1c", QStyle.StandardPixmap.SP_MessageBoxWarning)
    FIX = ("#d43c3c", QStyle.StandardPixmap.SP_MessageBoxCritical)


def _blend(base: QColor, tint: QColor, amount: float) -> QColor:
    return QColor.fromRgbF(
        base.redF() + (tint.redF() - base.redF()) * amount,
        base.greenF() + (tint.greenF() - base.greenF()) * amount,
        base.blueF() + (tint.blueF() - base.blueF()) * amount,
    )


class _BannerAccessible(QAccessibleWidget):
    """What assistive technology sees of a banner: an alert when something needs fixing, a
    notification otherwise (AT-SPI's alert / notification roles, UIA's and VoiceOver's
    equivalents) — a live region, not a plain panel; its buttons stay its children."""

    def __init__(self, banner: Banner) -> None:
        super().__init__(banner)
        self._banner = banner

    def role(self) -> QAccessible.Role:
        # Asked when needed, not fixed at creation: the interface may be made while the banner
        # is still being built.
        severity = getattr(self._banner, "_severity", None)
        return (QAccessible.Role.AlertMessage if severity is Severity.FIX
                else QAccessible.Role.Notification)


def _accessible_for(_class_name: str, obj: object) -> QAccessibleWidget | None:
    return _BannerAccessible(obj) if isinstance(obj, Banner) else None


_factory_installed = False


def _install_accessible_factory() -> None:
    global _factory_installed
    if not _factory_installed:
        QAccessible.installFactory(_accessible_for)
        _factory_installed = True


class Banner(QFrame):
    ICON_SIZE = 20

    def __init__(self, severity: Severity, parent: QWidget | None = None) -> None:
        _install_accessible_factory()  # before the first banner asks for its interface
        super().__init__(parent)
        self.setObjectName("banner")
        self._severity = severity
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        self._icon = QLabel(self)
        self._icon.setPixmap(self.style().standardIcon(severity.value[1]).pixmap(
            QSize(self.ICON_SIZE, self.ICON_SIZE)))
        self._icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(12, 8, 8, 8)
        self._layout.setSpacing(10)
        self._layout.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignVCenter)
        self._layout.addWidget(self.label, 1)

    @property
    def severity(self) -> Severity:
        return self._severity

    def set_text(self, text: str, *, announce: bool = True) -> None:
        """`announce`: say the new words to a screen reader at once (a countdown's ticks are
        not news: it passes False)."""
        if text != self.label.text():
            self.label.setText(text)
            self.setAccessibleName(text)
            if announce and self.isVisible():
                self.announce()

    def announce(self) -> None:
        """Spoken without the focus moving here: at once for something to fix, after the
        current sentence otherwise."""
        announce(self, self.label.text(), urgent=self._severity is Severity.FIX)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not event.spontaneous():
            self.announce()

    def text(self) -> str:
        return self.label.text()

    def add_button(self, text: str, on_click: Callable[[], object],
                   accessible_name: str | None = None) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(accessible_name or text)
        button.clicked.connect(lambda _checked=False: on_click())
        self._layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        return button

    def buttons(self) -> list[QPushButton]:
        return self.findChildren(QPushButton)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Painted from the current palette on every paint, so a light/dark switch just works.
        window = self.palette().color(QPalette.ColorRole.Window)
        tint = QColor(self._severity.value[0])
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(_blend(window, tint, 0.6), 1))
        painter.setBrush(_blend(window, tint, 0.28 if window.lightness() < 128 else 0.14))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        painter.end()


class CountdownBanner(Banner):
    """A banner about an account wait that ends at a known time: its words are refreshed while
    it is shown, so the countdown ticks."""

    TICK_MS = 250  # under a second, so a countdown never visibly skips a number

    def __init__(self, severity: Severity, words: Callable[[Account, float], str],
                 account: Account, clock: Callable[[], float] = time.time,
                 parent: QWidget | None = None) -> None:
        super().__init__(severity, parent)
        self._words = words
        self._clock = clock
        self._account = account
        self._timer = QTimer(self)
        self._timer.setInterval(self.TICK_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def set_account(self, account: Account) -> None:
        self._account = account
        self.refresh()

    def refresh(self) -> None:
        self.set_text(self._words(self._account, self._clock()), announce=False)
