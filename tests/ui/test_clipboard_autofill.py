"""Clipboard autofill: with the setting on, a link copied elsewhere is queued by itself, once;
with it off, or for copied prose, nothing happens and nothing is said."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from app.ui.clipboard_watch import ClipboardWatch

LINK = "https://video.example/watch?v=copied"


def come_back_to(window) -> None:
    """The person switches back to the window (the moment autofill looks again)."""
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))


def reports_of(window) -> list[str]:
    messages: list[str] = []
    window.intake.reported.connect(lambda message, _report: messages.append(message))
    return messages


def test_with_the_setting_off_a_copied_link_is_not_queued(running_app):
    window = running_app.window
    running_app.context.settings.clipboard_autofill = False
    reports = reports_of(window)
    status_before = window.status.currentMessage()

    QGuiApplication.clipboard().setText(LINK)
    come_back_to(window)

    assert running_app.engine.items == []
    assert reports == []
    assert window.status.currentMessage() == status_before


def test_with_the_setting_on_a_copied_link_is_queued_exactly_once(running_app):
    window = running_app.window
    running_app.context.settings.clipboard_autofill = True
    reports = reports_of(window)

    QGuiApplication.clipboard().setText(f"Look at this: {LINK}")
    assert [item.url for item in running_app.engine.items] == [LINK]
    assert window.status.currentMessage() == "Queued 1 link"

    come_back_to(window)
    QGuiApplication.clipboard().setText(f"Look at this: {LINK}")  # copied again: same text
    come_back_to(window)

    assert [item.url for item in running_app.engine.items] == [LINK]
    assert reports == ["Queued 1 link"]


def test_copied_prose_without_links_queues_nothing_and_says_nothing(running_app):
    window = running_app.window
    running_app.context.settings.clipboard_autofill = True
    reports = reports_of(window)
    status_before = window.status.currentMessage()

    QGuiApplication.clipboard().setText("Meeting moved to 3 pm; bring the http slides, see www")
    come_back_to(window)

    assert running_app.engine.items == []
    assert reports == []
    assert window.status.currentMessage() == status_before


def test_what_was_on_the_clipboard_before_the_window_is_not_queued(running_app):
    QGuiApplication.clipboard().setText(LINK)
    handed_on: list[str] = []
    ClipboardWatch(running_app.window, handed_on.append, lambda: True)

    come_back_to(running_app.window)
    assert handed_on == []

    QGuiApplication.clipboard().setText("https://other.example/v/2")
    assert handed_on == ["https://other.example/v/2"]
