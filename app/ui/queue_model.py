"""The queue as a table: one row per Item snapshot, kept in the engine's order.

Built for 50,000 rows with progress ticking: a large add is inserted in steps (one
beginInsertRows per step of ROWS_PER_STEP rows, each step on its own turn of the event loop,
so the table paints and input is handled in between; never a model reset), changes become
dataChanged for exactly the changed rows (neighbouring rows merged into ranges), removals are
row removals — the model is never reset for a tick. An id → row map makes every lookup O(1).
"""

from __future__ import annotations

import dataclasses
import itertools
import operator
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)

from app.engine.model import AccountState, Item, ItemState
from app.ui import item_text
from app.ui.spoken_text import progress_spoken
from app.ui.theme import failure_color

ITEM_IDS_MIME = "application/x-videoconduit-item-ids"
ItemRole = Qt.ItemDataRole.UserRole + 1  # the Item snapshot itself, for the delegate and actions
ItemIdRole = Qt.ItemDataRole.UserRole + 2
# One insert step: appending rows costs Qt ~0.2 ms per 1,000 (a step of 25,000: ~4.5 ms measured
# on a loaded 2-core machine); what makes a step expensive is the paint and the loop turn after
# it — a paste's first submissions (~30 ms) start in that turn — so steps are few and large: a
# paste of 50,000 links is two.
ROWS_PER_STEP = 25_000
# Above this many separate ranges a removal is cheaper as one reset than as many row removals.
_MAX_REMOVAL_RANGES = 200

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    TITLE = 0
    STATUS = 1
    PROGRESS = 2
    SIZE = 3
    DETAILS = 4


_HEADERS = {
    Column.TITLE: QT_TRANSLATE_NOOP("QueueModel", "Video"),
    Column.STATUS: QT_TRANSLATE_NOOP("QueueModel", "Status"),
    Column.PROGRESS: QT_TRANSLATE_NOOP("QueueModel", "Progress"),
    Column.SIZE: QT_TRANSLATE_NOOP("QueueModel", "Size"),
    Column.DETAILS: QT_TRANSLATE_NOOP("QueueModel", "Details"),
}

_ANSWERED_ROLES = frozenset(int(role) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole, ItemRole, ItemIdRole))

_TEXT = {
    Column.TITLE: item_text.title,
    Column.STATUS: item_text.status_text,
    Column.SIZE: item_text.size_text,
}


# What a progress tick changes. A change of nothing else needs only the Progress and Size
# cells repainted (the bar, its spoken text, "1.2 GB of 3.4 GB"); any other change repaints the
# whole row. Painting 8 rows' Title and Details cells 10 times a second was a third of the
# window's paint time with 8 downloads running.
_TICK_FIELDS = frozenset({"bytes_done", "bytes_total", "speed", "eta"})
_NOT_TICK = operator.attrgetter(*(f.name for f in dataclasses.fields(Item) if f.name not in _TICK_FIELDS))


def contiguous_ranges(rows: Iterable[int]) -> list[tuple[int, int]]:
    """[5, 1, 2, 3, 7, 8] → [(1, 3), (5, 5), (7, 8)]."""
    ranges: list[tuple[int, int]] = []
    for _, group in itertools.groupby(enumerate(sorted(set(rows))), lambda p: p[1] - p[0]):
        block = [row for _, row in group]
        ranges.append((block[0], block[-1]))
    return ranges


class QueueModel(QAbstractTableModel):
    """Rows of Item snapshots. `on_move(ids, before_id)` is called when rows are dragged."""

    def __init__(self, on_move: Callable[[list[int], int | None], None] | None = None,
                 parent=None, download_dir: Callable[[], object] | None = None) -> None:
        super().__init__(parent)
        self._download_dir = download_dir  # where files on their way go (the Details column)
        self._account_state = AccountState.READY
        self._items: list[Item] = []
        self._rows: dict[int, int] = {}
        # Added but not yet a row (a stepped add in progress), in order; counted in _states.
        self._waiting_rows: dict[int, Item] = {}
        self._step_timer = QTimer(self)
        self._step_timer.setSingleShot(True)
        self._step_timer.setInterval(0)
        self._step_timer.timeout.connect(self._insert_step)
        self._step_size = ROWS_PER_STEP
        self._order_while_stepping: list[int] | None = None  # the engine's order, set mid-steps
        self._states: Counter[ItemState] = Counter()  # kept per change: no scan of 10,000 rows
        self._on_move = on_move

    # ---- feeding it ------------------------------------------------------------------------

    def set_account_state(self, state: AccountState) -> None:
        """A hold on the whole account (credits, key, rate limit) is every waiting row's reason."""
        if state is self._account_state:
            return
        self._account_state = state
        if self._items:
            self.dataChanged.emit(self.index(0, Column.DETAILS),
                                  self.index(len(self._items) - 1, Column.DETAILS))

    def reset_items(self, items: Sequence[Item]) -> None:
        """The whole queue at once (small queues, tests). A long stored queue goes through
        add_items_in_steps instead, after the window's first paint."""
        self._step_timer.stop()
        self._waiting_rows.clear()
        self._order_while_stepping = None
        self.beginResetModel()
        self._items = list(items)
        self._reindex()
        self._states = Counter(item.state for item in self._items)
        self.endResetModel()

    def add_items(self, items: Sequence[Item]) -> None:
        """One add, however many items it brought: see add_items_in_steps."""
        self.add_items_in_steps(items)

    def add_items_in_steps(self, items: Sequence[Item], rows_per_step: int = ROWS_PER_STEP) -> None:
        """Append `items` as rows: the first `rows_per_step` now, the rest one step per turn of
        the event loop (adding_in_steps() says whether some are still to come). Selection,
        current row and scroll position stay where they are. An id already in the table, or
        already waiting for its step, is never added twice. Changes and removals of items still
        waiting for their step apply to them; a reset drops them."""
        for item in items:
            if item.id not in self._rows and item.id not in self._waiting_rows:
                self._waiting_rows[item.id] = item
                self._states[item.state] += 1
        self._step_size = max(1, rows_per_step)
        self._insert_step()

    def adding_in_steps(self) -> bool:
        """Whether some added items are not rows yet."""
        return bool(self._waiting_rows)

    def _insert_step(self) -> None:
        if not self._waiting_rows:
            return
        ids = list(itertools.islice(self._waiting_rows, self._step_size))
        new = [self._waiting_rows.pop(item_id) for item_id in ids]
        first = len(self._items)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self._items.extend(new)
        for offset, item in enumerate(new):
            self._rows[item.id] = first + offset
        self.endInsertRows()
        if self._order_while_stepping is not None:
            self.reorder(self._order_while_stepping)
        elif first and new[0].position < self._items[first - 1].position:
            self.reorder([item.id for item in sorted(self._items, key=lambda i: i.position)])
        if self._waiting_rows:
            self._step_timer.start()
        else:
            self._order_while_stepping = None

    def update_items(self, items: Iterable[Item]) -> None:
        """Replace snapshots; one dataChanged per run of neighbouring changed rows."""
        changed: list[int] = []
        ticked: list[int] = []  # rows whose only news is progress
        for item in items:
            waiting = self._waiting_rows.get(item.id)
            if waiting is not None:  # not a row yet: its step shows the newest snapshot
                self._states[waiting.state] -= 1
                self._states[item.state] += 1
                self._waiting_rows[item.id] = item
                continue
            row = self._rows.get(item.id)
            if row is not None:
                old = self._items[row]
                self._states[old.state] -= 1
                self._states[item.state] += 1
                self._items[row] = item
                (ticked if _NOT_TICK(old) == _NOT_TICK(item) else changed).append(row)
        last_column = self.columnCount() - 1
        for first, last in contiguous_ranges(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))
        for first, last in contiguous_ranges(ticked):
            self.dataChanged.emit(self.index(first, Column.PROGRESS), self.index(last, Column.SIZE))

    def remove_ids(self, ids: Iterable[int]) -> None:
        ids = list(ids)
        for item_id in ids:
            waiting = self._waiting_rows.pop(item_id, None)
            if waiting is not None:
                self._states[waiting.state] -= 1
        rows = [self._rows[i] for i in ids if i in self._rows]
        if not rows:
            return
        ranges = contiguous_ranges(rows)
        if len(ranges) > _MAX_REMOVAL_RANGES:
            gone = set(rows)
            self.beginResetModel()
            self._states.subtract(self._items[row].state for row in gone)
            self._items = [item for row, item in enumerate(self._items) if row not in gone]
            self._reindex()
            self.endResetModel()
            return
        for first, last in reversed(ranges):  # bottom first, so earlier rows keep their numbers
            self.beginRemoveRows(QModelIndex(), first, last)
            self._states.subtract(item.state for item in self._items[first : last + 1])
            del self._items[first : last + 1]
            self.endRemoveRows()
        self._reindex()

    def reorder(self, order: Sequence[int]) -> None:
        """The engine's new order; selection and current row follow their items."""
        if self._waiting_rows:  # those not yet rows take their places as their steps come
            waiting = self._waiting_rows
            self._waiting_rows = {i: waiting[i] for i in order if i in waiting}
            self._waiting_rows.update(waiting)
            self._order_while_stepping = list(order)
        by_id = {item.id: item for item in self._items}
        new_items = [by_id[i] for i in order if i in by_id]
        listed = {item.id for item in new_items}
        new_items.extend(item for item in self._items if item.id not in listed)
        if [item.id for item in new_items] == [item.id for item in self._items]:
            return
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_ids = [self._items[index.row()].id for index in old_persistent]
        self._items = new_items
        self._reindex()
        new_persistent = [self.index(self._rows[i], index.column())
                          for i, index in zip(old_ids, old_persistent, strict=True)]
        self.changePersistentIndexList(old_persistent, new_persistent)
        self.layoutChanged.emit()

    def _reindex(self) -> None:
        self._rows = {item.id: row for row, item in enumerate(self._items)}

    # ---- reading it ------------------------------------------------------------------------

    def items(self) -> list[Item]:
        """Every item the model holds: the rows, then those still waiting for their step."""
        return [*self._items, *self._waiting_rows.values()]

    def present_states(self) -> set[ItemState]:
        """The states at least one row is in."""
        return {state for state, count in self._states.items() if count > 0}

    def item_at(self, row: int) -> Item | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, item_id: int) -> int | None:
        return self._rows.get(item_id)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(_HEADERS[Column(section)])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        # Painting asks every visible cell for ~8 roles, 10 times a second while downloading:
        # roles nobody answers go first, and no enum is built per call.
        if role not in _ANSWERED_ROLES:
            return None
        row = index.row()  # -1 for an invalid index
        if not 0 <= row < len(self._items):
            return None
        item = self._items[row]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Column.DETAILS:
                folder = self._download_dir() if self._download_dir else None
                return item_text.details_text(item, self._account_state,
                                              None if folder is None else str(folder))
            render = _TEXT.get(column)
            return render(item) if render else None
        if role == ItemRole:
            return item
        if role == ItemIdRole:
            return item.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return item_text.tooltip(item)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == Column.PROGRESS:
            return progress_spoken(item)
        if role == Qt.ItemDataRole.ForegroundRole and item.state is ItemState.FAILED:
            if column in (Column.STATUS, Column.DETAILS):
                return failure_color()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # ---- drag to reorder -------------------------------------------------------------------

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ITEM_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        ids = ",".join(str(self._items[row].id) for row in rows)
        data = QMimeData()
        data.setData(ITEM_IDS_MIME, QByteArray(ids.encode("ascii")))
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return self._on_move is not None and data.hasFormat(ITEM_IDS_MIME)

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        raw = bytes(data.data(ITEM_IDS_MIME).data()).decode("ascii", "replace")
        ids = [int(part) for part in raw.split(",") if part.isdigit()]
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._items))
        before = self.item_at(target)
        while before is not None and before.id in ids:  # dropping onto itself: next outsider
            target += 1
            before = self.item_at(target)
        if self._on_move is not None and ids:
            self._on_move(ids, before.id if before else None)
        # The engine's ItemsReordered event moves the rows; Qt must not remove the dragged ones.
        return False

