"""Clipboard autofill (Settings → "clipboard_autofill"): links copied in another app are queued
without pressing Paste.

The clipboard is read when its text changes and when the window becomes active (some systems
only tell an application about clipboard changes while it is in front). Text is handed on only
if it holds at least one http(s) link, so copied prose never produces a "no links found"
message, and each clipboard text is handled once per session: switching back and forth to the
window does not queue — or report — the same links again.

Not queued: what was on the clipboard before the window existed (yesterday's link is not news),
what was copied while the setting was off, and what this app put there itself (Copy URL).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from app.engine.urls import extract_urls


def has_web_link(text: str) -> bool:
    # The substring test spares the parser most copied prose.
    return "http" in text.lower() and bool(extract_urls(text).urls)


class ClipboardWatch(QObject):
    """Calls `add_text(text)` for new clipboard text with links while `enabled()` is true."""

    def __init__(self, window: QWidget, add_text: Callable[[str], object],
                 enabled: Callable[[], bool]) -> None:
        super().__init__(window)
        self._clipboard = QGuiApplication.clipboard()
        self._add_text = add_text
        self._enabled = enabled
        self._seen: set[int] = {hash(self._clipboard.text())}  # hashes: copied texts can be large
        self._clipboard.dataChanged.connect(self.check)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate:
            self.check()
        return False

    def check(self) -> None:
        text = self._clipboard.text()
        if hash(text) in self._seen:
            return
        self._seen.add(hash(text))
        if self._enabled() and not self._clipboard.ownsClipboard() and has_web_link(text):
            self._add_text(text)
