"""--no-window: the queue without a window, one line on stderr per change a person cares about."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from app.engine.model import (
    Account,
    AccountChanged,
    AccountState,
    EngineEvent,
    Item,
    ItemChanged,
    ItemsAdded,
    ItemState,
)
from app.ui.problem_text import describe_problem, waiting_text


def _clock_time(when: float | None) -> str:
    return time.strftime("%H:%M:%S", time.localtime(when)) if when else "soon"


def describe_account(account: Account, billing_url: str) -> str | None:
    state = account.state
    if state is AccountState.WAITING_FOR_CREDITS:
        return (f"Paused: not enough credits (this needs {account.credits_required}, "
                f"you have {account.credits_available}). Buy credits at {billing_url}")
    if state is AccountState.WAITING_FOR_KEY:
        if account.key_problem and account.key_problem.value == "forbidden":
            return "Paused: this API key is deactivated or lacks permission. Store another with --store-key."
        if account.key_problem and account.key_problem.value == "missing":
            return "Paused: no API key. Store one with --store-key or set VIDEOCONDUIT_API_KEY."
        return "Paused: VideoConduit does not accept this API key. Store another with --store-key."
    if state is AccountState.RATE_LIMITED:
        return f"Rate limit reached; resuming at {_clock_time(account.resume_at)}"
    if state is AccountState.SERVICE_TROUBLE:
        who = "The video site" if account.trouble and account.trouble.value == "upstream" else "VideoConduit"
        return (f"{who} is having trouble; retrying at {_clock_time(account.resume_at)} "
                f"(attempt {account.retry_attempt})")
    return "Resumed"


def describe_item(item: Item) -> str:
    name = item.filename or item.url
    if item.state is ItemState.COMPLETED:
        return f"done         {item.file_path}"
    if item.state is ItemState.FAILED:
        details = "; ".join(item.field_errors)
        return f"failed       {name}: {describe_problem(item)}" + (f" ({details})" if details else "")
    if item.state is ItemState.UNCONFIRMED:
        return f"unconfirmed  {name}: {describe_problem(item)}"
    waiting = waiting_text(item)
    if item.state in (ItemState.WAITING, ItemState.SUBMITTING) and waiting:
        return f"{item.state.value:<12} {name} ({waiting})"
    return f"{item.state.value:<12} {name}"


class ConsoleReporter:
    """Prints state changes only (not progress ticks), so a log of a run stays readable."""

    def __init__(self, billing_url: str, stream: TextIO = sys.stderr) -> None:
        self._billing_url = billing_url
        self._stream = stream
        self._last_state: dict[int, tuple[ItemState, str | None]] = {}
        self._last_account: AccountState | None = None

    def __call__(self, event: EngineEvent) -> None:
        if isinstance(event, ItemsAdded):
            for item in event.items:
                self._item(item)
        elif isinstance(event, ItemChanged):
            self._item(event.item)
        elif isinstance(event, AccountChanged):
            self._account(event.account)

    def _item(self, item: Item) -> None:
        key = (item.state, item.waiting_for)
        if self._last_state.get(item.id) != key:
            self._last_state[item.id] = key
            self._print(f"[{item.id}] {describe_item(item)}")

    def _account(self, account: Account) -> None:
        if account.state is self._last_account:
            return
        first = self._last_account is None
        self._last_account = account.state
        if first and account.state is AccountState.READY:
            return
        line = describe_account(account, self._billing_url)
        if line:
            self._print(line)

    def _print(self, line: str) -> None:
        print(line, file=self._stream, flush=True)
