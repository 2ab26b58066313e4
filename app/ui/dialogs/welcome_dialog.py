"""First run without a key: enter the key you have, or try everything in the sandbox first."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCommandLinkButton, QStyle, QWidget

from app.ui.dialogs.message_dialog import MessageDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("WelcomeDialog", text)


class WelcomeDialog(MessageDialog):
    key_chosen = Signal()
    sandbox_chosen = Signal()

    def __init__(self, sandbox_available: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(QStyle.StandardPixmap.SP_MessageBoxInformation, parent)
        self.setWindowTitle(_tr("Welcome to VideoConduit Desktop"))
        self.set_headline(_tr("Welcome to VideoConduit Desktop"))
        self.add_paragraph(_tr(
            "Drop or paste video links and they download one after another, through your "
            "VideoConduit account. Each video costs credits from your plan."))
        self.key_button = self._choice(
            _tr("Enter my API key"),
            _tr("Use your VideoConduit account. The key is kept in your system keyring."),
            self.key_chosen)
        self.sandbox_button = self._choice(
            _tr("Try the sandbox"),
            _tr("A practice service on this computer: nothing is charged, and downloads are "
                "sample files."),
            self.sandbox_chosen)
        self.sandbox_button.setVisible(sandbox_available)
        self.key_button.setDefault(True)
        self.add_close_button().setText(_tr("Later"))

    def _choice(self, title: str, description: str, chosen) -> QCommandLinkButton:
        button = QCommandLinkButton(title, description, self)
        button.setAccessibleName(title)
        button.setAccessibleDescription(description)
        def choose() -> None:
            chosen.emit()
            self.accept()

        button.clicked.connect(choose)
        self.body.addWidget(button)
        return button
