"""What the platform asks of the whole app, routed to the window: one application-wide filter.

Quit: macOS sends QEvent.Quit to the application for Cmd+Q, Dock › Quit and the app menu, and
QCoreApplication.quit() sends the same event everywhere. Left to Qt, it stops the event loop
qasync runs while the session is still awaiting, so the queue is never closed. Refused here
(which also answers macOS "not now"), it becomes the window's own Quit: ask if downloads run,
then the session closes the queue and ends the loop itself.

Re-open (macOS): a click on the Dock icon sends QEvent.ApplicationActivate; a window hidden to
the tray comes back, as Mac apps do. Elsewhere activation is only focus moving between our own
windows, so `reshow` is None there.

Links (macOS): a videoconduit:// link (and a link dropped on the Dock icon) arrives as a
QFileOpenEvent, not on the command line. It goes to the same intake as a scheme launch
elsewhere, held for the person's OK (app.ui.held_links).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QFileOpenEvent

from app.browser.links import check_opened
from app.instance import SCHEME


class PlatformRequests(QObject):
    def __init__(self, app: QCoreApplication, request_quit: Callable[[], object], *,
                 reshow: Callable[[], object] | None = None,
                 receive_links: Callable[[str, str], object] | None = None) -> None:
        super().__init__()
        self._app = app
        self._request_quit = request_quit
        self._reshow = reshow
        self._receive_links = receive_links
        app.installEventFilter(self)

    def remove(self) -> None:
        self._app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is not self._app:
            return False
        kind = event.type()
        if kind == QEvent.Type.Quit:
            event.ignore()
            self._request_quit()
            return True
        if kind == QEvent.Type.ApplicationActivate and self._reshow is not None:
            self._reshow()
        elif (kind == QEvent.Type.FileOpen and self._receive_links is not None
              and isinstance(event, QFileOpenEvent)):
            self._open(event.url().toString() or event.file())
            return True
        return False

    def _open(self, address: str) -> None:
        assert self._receive_links is not None
        links = check_opened([address]).links
        if links:
            self._receive_links("\n".join(links), SCHEME)
