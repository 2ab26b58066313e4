"""Banners that stay while the whole queue waits for the person: credits, the API key — and the
reminder that the sandbox is not the real service."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QWidget

from app.engine.model import Account, KeyProblem
from app.ui.dialogs.banner import Banner, Severity
from app.ui.problem_text import credits_banner_text, key_banner_text, sandbox_banner_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("AccountBanners", text)


class CreditsBanner(Banner):
    buy_requested = Signal()
    retry_requested = Signal()

    def __init__(self, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(Severity.WAIT, parent)
        self.buy_button = self.add_button(_tr("Buy credits"), self.buy_requested.emit)
        self.retry_button = self.add_button(_tr("Retry now"), self.retry_requested.emit)
        self.set_account(account)

    def set_account(self, account: Account) -> None:
        self.set_text(credits_banner_text(account))


class KeyBanner(Banner):
    key_requested = Signal()

    def __init__(self, problem: KeyProblem | None, parent: QWidget | None = None) -> None:
        super().__init__(Severity.FIX, parent)
        self.key_button = self.add_button(_tr("Enter API key…"), self.key_requested.emit)
        self.set_problem(problem)

    def set_problem(self, problem: KeyProblem | None) -> None:
        self.set_text(key_banner_text(problem))


class SandboxBanner(Banner):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Severity.INFO, parent)
        self.set_text(sandbox_banner_text())
