"""Links the operating system hands to the running app: on macOS a videoconduit:// link (and a
link dropped on the Dock icon) arrives as a QFileOpenEvent, not on the command line. They go to
the same intake as a scheme launch elsewhere: held for the person's OK."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent

from app.browser.links import check_links, is_scheme_link, scheme_links


class OsLinks(QObject):
    """An application-wide event filter; `receive(text, source)` is the window's intake."""

    def __init__(self, receive: Callable[[str, str], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._receive = receive

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        address = event.url().toString() or event.file()
        candidates = scheme_links(address) if is_scheme_link(address) else [address]
        links = check_links(candidates).links
        if links:
            self._receive("\n".join(links), "scheme")
        return True
