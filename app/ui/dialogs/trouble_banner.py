"""5xx, network trouble or an unreadable reply: the engine retries with backoff; the banner says
who is in trouble, when the next try is and which try it is — and lets the person try now."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QWidget

from app.engine.model import Account
from app.ui.dialogs.banner import CountdownBanner, Severity
from app.ui.problem_text import trouble_text


class TroubleBanner(CountdownBanner):
    retry_requested = Signal()

    def __init__(self, account: Account, clock: Callable[[], float] = time.time,
                 parent: QWidget | None = None) -> None:
        super().__init__(Severity.WAIT, trouble_text, account, clock, parent)
        self.retry_button = self.add_button(
            QCoreApplication.translate("TroubleBanner", "Retry now"), self.retry_requested.emit)
