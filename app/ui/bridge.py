"""The one place engine events become Qt signals.

Progress arrives up to ~10 times a second per downloading item, and a command on thousands of
rows sends thousands of events at once; passed on one by one they would flood the view. So
ItemChanged events are coalesced: only the latest snapshot per id is kept and flushed as one
list every ~100 ms. Account changes that only update numbers (waiting counts, requests left)
are coalesced the same way; a change of the account's state (credits, key, rate limit, trouble)
goes out at once, as do adds, removals and reorders.
"""

from __future__ import annotations

import weakref
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.engine.model import (
    Account,
    AccountChanged,
    EngineEvent,
    Item,
    ItemChanged,
    ItemsAdded,
    ItemsRemoved,
    ItemsReordered,
)

FLUSH_INTERVAL_MS = 100


class EngineBridge(QObject):
    itemsAdded = Signal(object)  # tuple[Item, ...] — one add, one signal
    itemsChanged = Signal(object)  # list[Item] — the latest snapshot of each changed item
    itemsRemoved = Signal(object)  # tuple[int, ...]
    itemsReordered = Signal(object)  # tuple[int, ...] — every id, in the new order
    accountChanged = Signal(object)  # Account

    def __init__(self, engine: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self._pending: dict[int, Item] = {}
        self._pending_account: Account | None = None
        self._shown_account: Account | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FLUSH_INTERVAL_MS)
        self._timer.timeout.connect(self.flush)
        engine.subscribe(_listener_for(self))

    def handle(self, event: EngineEvent) -> None:
        if isinstance(event, ItemChanged):
            self._pending[event.item.id] = event.item
            self._schedule()
        elif isinstance(event, AccountChanged):
            self._account_changed(event.account)
        elif isinstance(event, ItemsAdded):
            self.itemsAdded.emit(event.items)
        elif isinstance(event, ItemsRemoved):
            for item_id in event.ids:  # a change to a removed row is news nobody needs
                self._pending.pop(item_id, None)
            self.itemsRemoved.emit(event.ids)
        elif isinstance(event, ItemsReordered):
            self.itemsReordered.emit(event.order)

    def _account_changed(self, account: Account) -> None:
        shown = self._shown_account
        if shown is None or (shown.state, shown.key_problem) != (account.state, account.key_problem):
            self._pending_account = None
            self._emit_account(account)
        else:
            self._pending_account = account
            self._schedule()

    def _emit_account(self, account: Account) -> None:
        self._shown_account = account
        self.accountChanged.emit(account)

    def _schedule(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Send what is pending now (also called by the timer)."""
        self._timer.stop()
        if self._pending:
            changed = list(self._pending.values())
            self._pending.clear()
            self.itemsChanged.emit(changed)
        if self._pending_account is not None:
            account, self._pending_account = self._pending_account, None
            self._emit_account(account)


def _listener_for(bridge: EngineBridge):
    """The engine has no unsubscribe: hold the bridge weakly and go quiet once it is gone."""
    ref = weakref.ref(bridge)

    def listener(event: EngineEvent) -> None:
        target = ref()
        if target is None:
            return
        try:
            target.handle(event)
        except RuntimeError:  # the C++ side was deleted with its window; nothing to show it on
            pass

    return listener
