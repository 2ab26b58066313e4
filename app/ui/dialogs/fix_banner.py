"""A problem that stopped downloads and that only the person can fix on this machine (a full
disk, a folder the app may not write to, an expired link): one banner per kind, with the fix."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QWidget

from app.engine.model import ProblemKind
from app.ui.dialogs.banner import Banner, Severity
from app.ui.problem_text import fix_banner_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("FixBanner", text)


class FixBanner(Banner):
    retry_requested = Signal()
    change_folder_requested = Signal()

    def __init__(self, kind: ProblemKind, parent: QWidget | None = None) -> None:
        super().__init__(Severity.FIX, parent)
        self.kind = kind
        if kind is ProblemKind.NOT_WRITABLE:
            self.action_button = self.add_button(_tr("Change folder…"),
                                                 self.change_folder_requested.emit)
        else:
            self.action_button = self.add_button(_tr("Retry"), self.retry_requested.emit)

    def set_count(self, count: int, folder: str | None = None) -> None:
        self.set_text(fix_banner_text(self.kind, count, folder))
