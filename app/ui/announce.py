"""Words a screen reader should speak without the focus moving there — a live region's news:
a banner that appears, the answer to "Test the key". Qt passes the announcement to AT-SPI,
UI Automation and VoiceOver alike."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget


def announce(source: QWidget, text: str, *, urgent: bool = False) -> None:
    """`urgent`: interrupt what is being said (something to fix); otherwise after it."""
    if not text:
        return
    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if urgent
                        else QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)
