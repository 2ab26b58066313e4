"""The one place engine events become Qt signals.

Progress arrives up to ~10 times a second per downloading item; with thousands of rows that
would flood the view. So ItemChanged events are coalesced: only the latest snapshot per id is
kept and flushed as one list every ~100 ms. Adds, removals, reorders and account changes go out
at once — but pending changes are flushed first, so signals keep the engine's order.
"""

from __future__ import annotations

import weakref
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.engine.model import (
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
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FLUSH_INTERVAL_MS)
        self._timer.timeout.connect(self.flush)
        engine.subscribe(_listener_for(self))

    def handle(self, event: EngineEvent) -> None:
        if isinstance(event, ItemChanged):
            self._pending[event.item.id] = event.item
            if not self._timer.isActive():
                self._timer.start()
            return
        if isinstance(event, ItemsRemoved):
            for item_id in event.ids:  # a change to a removed row is news nobody needs
                self._pending.pop(item_id, None)
        self.flush()
        if isinstance(event, ItemsAdded):
            self.itemsAdded.emit(event.items)
        elif isinstance(event, ItemsRemoved):
            self.itemsRemoved.emit(event.ids)
        elif isinstance(event, ItemsReordered):
            self.itemsReordered.emit(event.order)
        elif isinstance(event, AccountChanged):
            self.accountChanged.emit(event.account)

    def flush(self) -> None:
        self._timer.stop()
        if not self._pending:
            return
        changed = list(self._pending.values())
        self._pending.clear()
        self.itemsChanged.emit(changed)


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
