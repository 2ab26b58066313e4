"""402: the account is short of credits. Says how many are missing, what the waiting downloads
would cost, and offers the three ways out: buy, upgrade, or try again after a top-up."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialogButtonBox, QStyle, QWidget

from app.engine.model import Account
from app.ui.dialogs.message_dialog import MessageDialog
from app.ui.problem_text import (
    credits_detail,
    credits_headline,
    credits_options,
    credits_recheck,
    waiting_summary,
)

Role = QDialogButtonBox.ButtonRole


def _tr(text: str) -> str:
    return QCoreApplication.translate("CreditsDialog", text)


class CreditsDialog(MessageDialog):
    buy_requested = Signal()
    upgrade_requested = Signal()
    retry_requested = Signal()

    def __init__(self, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(QStyle.StandardPixmap.SP_MessageBoxWarning, parent)
        self.setWindowTitle(_tr("Not enough credits"))
        self.detail = self.add_paragraph()
        self.waiting = self.add_paragraph()
        self.recheck = self.add_paragraph()
        self.options = self.add_paragraph(credits_options())
        self.buy_button = self.add_button(_tr("Buy credits"), Role.ActionRole,
                                          self.buy_requested.emit)
        self.upgrade_button = self.add_button(_tr("Upgrade plan"), Role.ActionRole,
                                              self.upgrade_requested.emit)
        self.retry_button = self.add_button(_tr("Retry now"), Role.ActionRole,
                                            self.retry_requested.emit)
        self.add_close_button()
        self.buy_button.setDefault(True)
        self.set_account(account)

    def set_account(self, account: Account) -> None:
        self.set_headline(credits_headline(account))
        self.detail.setText(credits_detail(account))
        summary = waiting_summary(account)
        self.waiting.setText(summary)
        self.waiting.setVisible(bool(summary))
        recheck = credits_recheck(account)
        if recheck:
            recheck = _tr("Downloads already accepted keep going. {recheck}").format(
                recheck=recheck)
        self.recheck.setText(recheck)
        self.recheck.setVisible(bool(recheck))
        self.describe()
