"""403: the key is known but may not be used (deactivated, or without permission). Entering the
same key again would not help, so the dialog points to the key settings and offers another key."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialogButtonBox, QStyle, QWidget

from app.engine.model import KeyProblem
from app.ui.dialogs.message_dialog import MessageDialog
from app.ui.problem_text import KEYS_PAGE_URL, key_headline

Role = QDialogButtonBox.ButtonRole


def _tr(text: str) -> str:
    return QCoreApplication.translate("ForbiddenDialog", text)


class ForbiddenDialog(MessageDialog):
    other_key_requested = Signal()
    open_url_requested = Signal(str)

    def __init__(self, detail: str | None = None, keys_url: str = KEYS_PAGE_URL,
                 parent: QWidget | None = None) -> None:
        super().__init__(QStyle.StandardPixmap.SP_MessageBoxCritical, parent)
        self.setWindowTitle(_tr("API key not allowed"))
        self.set_headline(key_headline(KeyProblem.FORBIDDEN))
        if detail:
            self.add_paragraph(_tr("VideoConduit said: {detail}").format(detail=detail))
        self.add_paragraph(_tr(
            "Nothing new is sent to VideoConduit until this is sorted out; your queue is kept."))
        self.add_paragraph(
            _tr('Reactivate the key or make a new one in <a href="{url}">your key settings</a>, '
                'then enter a working key here.').format(url=keys_url),
            rich=True,
        ).linkActivated.connect(self.open_url_requested.emit)
        self.settings_button = self.add_button(
            _tr("Open key settings"), Role.ActionRole,
            lambda: self.open_url_requested.emit(keys_url))
        self.other_key_button = self.add_button(_tr("Enter another key…"), Role.AcceptRole,
                                                self._other_key)
        self.other_key_button.setDefault(True)
        self.add_close_button()

    def _other_key(self) -> None:
        self.other_key_requested.emit()
        self.accept()
