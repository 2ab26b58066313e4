"""The status bar: the plan, the requests left this minute with a live countdown, the last known
credit balance and where requests go. Intake reports appear in its message area on the left."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from app.ui.formatting import format_clock_time, format_count, format_countdown
from app.ui.theme import sandbox_color
from app.ui.widgets import ElidingLabel

if TYPE_CHECKING:  # the bar shows (nothing known yet) before the engine's types load
    from app.engine.model import Account

MESSAGE_MS = 10_000


def connection_label(api_base: str, sandbox: bool) -> str:
    if sandbox:
        return QCoreApplication.translate("AccountStatusBar", "Sandbox")
    return urlsplit(api_base).hostname or api_base


class AccountStatusBar(QStatusBar):
    def __init__(self, api_base: str, sandbox: bool, parent: QWidget | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self._clock = clock
        self._account: Account | None = None  # nothing known yet
        self._credits_seen_at: float | None = None
        self.starting_label = QLabel(self)
        self.starting_label.setObjectName("startingLabel")
        self.starting_label.setContentsMargins(6, 0, 6, 0)
        self.addWidget(self.starting_label)
        self.starting_label.hide()
        self.plan_label = self._permanent("planLabel", self.tr("Plan"))
        self.requests_label = self._permanent("requestsLabel", self.tr("Requests left"))
        self.credits_label = self._permanent("creditsLabel", self.tr("Credit balance"))
        self.connection_label = self._permanent("connectionLabel", self.tr("Connected to"))
        self._sandbox = sandbox
        self.set_connection(api_base, sandbox)
        self._ticker = QTimer(self)  # one timer for every countdown in the bar
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._refresh_requests)
        self.plan_label.setToolTip(self.tr("Worked out from the service's rate limit"))
        self._refresh()

    def _permanent(self, name: str, accessible: str) -> QLabel:
        label = ElidingLabel(self)
        label.setObjectName(name)
        label.setAccessibleName(accessible)
        label.setContentsMargins(6, 0, 6, 0)
        self.addPermanentWidget(label)
        return label

    def show_report(self, message: str) -> None:
        self.showMessage(message, MESSAGE_MS)

    def show_starting(self) -> None:
        """Until the queue is loaded (start-up): what the window is waiting for. A label of its
        own, not a message: a status tip (hovering a button) would wipe a message for good."""
        self.starting_label.setText(self.tr("Starting…"))
        self.starting_label.show()

    def show_loading(self, loaded: int, total: int) -> None:
        self.starting_label.setText(self.tr("Loading your queue… {loaded} of {total}").format(
            loaded=format_count(loaded), total=format_count(total)))
        self.starting_label.show()

    def started(self) -> None:
        self.starting_label.hide()

    def set_connection(self, api_base: str, sandbox: bool) -> None:
        self._sandbox = sandbox
        label = self.connection_label
        label.setText(self.tr("Sandbox") if sandbox else connection_label(api_base, False))
        if sandbox:
            label.setStyleSheet(f"QLabel {{ color: {sandbox_color().name()}; font-weight: bold; }}")
            label.setToolTip(self.tr("Requests go to the built-in sandbox: nothing is charged and "
                                     "downloads are sample files."))
        else:
            label.setStyleSheet("")
            label.setToolTip(self.tr("Requests go to {base}").format(base=api_base))

    def set_account(self, account: Account) -> None:
        previous = self._account
        self._account = account
        if account.credits_available is not None and (
            self._credits_seen_at is None or previous is None
            or account.credits_available != previous.credits_available
        ):
            self._credits_seen_at = self._clock()
        self._refresh()

    def _refresh(self) -> None:
        info = self._account.rate_limit if self._account else None
        self.plan_label.setText(info.plan.label if info and info.limit else self.tr("Plan: not known yet"))
        self._refresh_credits()
        self._refresh_requests()

    def _refresh_credits(self) -> None:
        available = self._account.credits_available if self._account else None
        if available is None or self._credits_seen_at is None:
            self.credits_label.setText(self.tr("Credits: unknown until the service reports them"))
            self.credits_label.setToolTip(self.tr(
                "VideoConduit has no balance request; the app learns the balance when the service "
                "reports it (for example when credits run short)."))
            return
        self.credits_label.setText(self.tr("Credits: {n} (as of {time})").format(
            n=available, time=format_clock_time(self._credits_seen_at, self._clock())))
        self.credits_label.setToolTip("")

    def requests_text(self) -> str:
        info = self._account.rate_limit if self._account else None
        if info is None or info.limit is None:
            return self.tr("Requests this minute: not known yet")
        left = None if info.reset_at is None else info.reset_at - self._clock()
        if left is not None and left <= 0:  # the window has reset since we last heard
            return self.tr("{limit} requests a minute").format(limit=info.limit)
        remaining = info.remaining if info.remaining is not None else info.limit
        text = self.tr("{remaining} of {limit} requests left this minute").format(
            remaining=remaining, limit=info.limit)
        if left is not None:
            text += " · " + self.tr("resets in {countdown}").format(
                countdown=format_countdown(left))
        return text

    def _refresh_requests(self) -> None:
        self.requests_label.setText(self.requests_text())
        info = self._account.rate_limit if self._account else None
        ticking = bool(info and info.reset_at and info.reset_at > self._clock())
        if ticking and not self._ticker.isActive():
            self._ticker.start()
        elif not ticking:
            self._ticker.stop()
