"""Links in: drops anywhere on the window and pastes, handed to the engine as raw MIME payloads
(the engine extracts and de-duplicates), and one sentence saying what happened — never silently.

"Queued 3 links · skipped 2 (1 already in the queue, 1 not a web link)"
"3 links were not added: the queue could not be saved (database or disk is full)"
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QWidget

from app.api.models import DownloadOptions
from app.engine.model import IntakeReport
from app.ui.i18n import tr_n
from app.ui.queue_model import ITEM_IDS_MIME

# What browsers, file managers and editors put on a drag or the clipboard when it holds links.
LINK_FORMATS = ("text/x-moz-url", "text/uri-list", "text/html", "text/plain")

# Skip reasons → a phrase for one and for many, in the order they are listed.
def _reason(reason: str, n: int) -> str:
    """Why links of a drop were skipped: "2 not web links"."""
    if reason == "already_queued":
        return tr_n("intake", n, "%n already in the queue", "%n already in the queue")
    if reason == "repeated":
        return tr_n("intake", n, "%n repeated", "%n repeated")
    if reason == "not_http":
        return tr_n("intake", n, "%n not a web link", "%n not web links")
    if reason == "junk":
        return tr_n("intake", n, "%n not a link", "%n not links")
    return tr_n("intake", n, "%n skipped", "%n skipped")


# The order reasons are listed in.
_REASONS = ("already_queued", "repeated", "not_http", "junk")


def _tr(text: str) -> str:
    return QCoreApplication.translate("intake", text)


def link_payload(mime: QMimeData | None) -> dict[str, bytes]:
    """The link-carrying formats of a drag or clipboard, as the engine's add_mime takes them."""
    if mime is None or mime.hasFormat(ITEM_IDS_MIME):  # our own rows being reordered
        return {}
    payload: dict[str, bytes] = {}
    for fmt in LINK_FORMATS:
        if mime.hasFormat(fmt):
            data = bytes(mime.data(fmt).data())
            if data:
                payload[fmt] = data
    if "text/plain" not in payload and mime.hasText() and mime.text():
        payload["text/plain"] = mime.text().encode("utf-8")
    return payload


def report_message(report: IntakeReport) -> str:
    """What one drop or paste did, in one line."""
    added = len(report.added)
    skipped = report.skipped_total
    if not added and not skipped and not report.not_added:
        return _tr("No links found — drop or paste web links (https://…)")
    if report.not_added:
        head = tr_n("intake", report.not_added,
                    "%n link was not added: the queue could not be saved",
                    "%n links were not added: the queue could not be saved")
        if report.not_added_reason:
            head = _tr("{head} ({reason})").format(head=head, reason=report.not_added_reason)
    else:
        head = (tr_n("intake", added, "Queued %n link", "Queued %n links") if added
                else _tr("Nothing new queued"))
    if not skipped:
        return head
    reasons = [_reason(reason, n) for reason, n in _ordered(report.skipped)]
    return _tr("{head} · skipped {n} ({reasons})").format(
        head=head, n=skipped, reasons=", ".join(reasons))


def _ordered(skipped: dict[str, int]) -> list[tuple[str, int]]:
    known = [(reason, skipped[reason]) for reason in _REASONS if skipped.get(reason)]
    other = [(reason, n) for reason, n in skipped.items() if reason not in _REASONS and n]
    return known + other


class LinkIntake(QObject):
    """Accepts link drops on the widgets it watches and pastes from the clipboard.

    `options` supplies the download options chosen in the window at the moment of the drop.
    `reported(message, report)` fires after every drop or paste.
    """

    reported = Signal(str, object)

    def __init__(self, engine: Any, options: Callable[[], DownloadOptions],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._options = options

    def watch(self, widget: QWidget) -> None:
        """Accept link drops on `widget` (a window, or a view's viewport) through this filter."""
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDragMoveEvent)
            if link_payload(event.mimeData()):
                event.setDropAction(event.proposedAction())
                event.accept()
                return True
        elif kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            payload = link_payload(event.mimeData())
            if payload:
                event.setDropAction(event.proposedAction())
                event.accept()
                self.add_payload(payload)
                return True
        return False

    def paste(self) -> IntakeReport:
        """Queue the clipboard's links (Ctrl+V anywhere in the window)."""
        return self.add_payload(link_payload(QGuiApplication.clipboard().mimeData()))

    def add_payload(self, payload: dict[str, bytes]) -> IntakeReport:
        report = self._engine.add_mime(payload, self._options()) if payload else IntakeReport()
        self.reported.emit(report_message(report), report)
        return report

    def add_text(self, text: str) -> IntakeReport:
        """Links typed into the Add dialog or handed over by a second launch."""
        report = self._engine.add_text(text, self._options())
        self.reported.emit(report_message(report), report)
        return report
