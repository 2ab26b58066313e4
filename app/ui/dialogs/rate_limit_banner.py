"""429: a wait that fixes itself — a live countdown, no button to press, no dialog."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.engine.model import Account
from app.ui.dialogs.banner import CountdownBanner, Severity
from app.ui.problem_text import rate_limit_text


class RateLimitBanner(CountdownBanner):
    def __init__(self, account: Account, clock: Callable[[], float] = time.time,
                 parent: QWidget | None = None) -> None:
        super().__init__(Severity.WAIT, rate_limit_text, account, clock, parent)
