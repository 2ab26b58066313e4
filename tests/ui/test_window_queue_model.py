"""The queue table keeps up with thousands of rows: a large add inserted in steps, change bursts coalesced
into a few dataChanged ranges, never a reset for a tick, and the selection follows reorders."""

from __future__ import annotations

import dataclasses
import time

from PySide6.QtCore import QItemSelectionModel, Qt

from app.engine.model import ItemChanged, ItemState
from app.ui.queue_model import Column, contiguous_ranges


class ModelSignals:
    def __init__(self, model) -> None:
        self.changed: list[tuple[int, int]] = []
        self.resets = 0
        self.inserted: list[tuple[int, int]] = []
        self.removed: list[tuple[int, int]] = []
        model.dataChanged.connect(lambda a, b, _roles: self.changed.append((a.row(), b.row())))
        model.modelReset.connect(self._reset)
        model.rowsInserted.connect(lambda _p, a, b: self.inserted.append((a, b)))
        model.rowsRemoved.connect(lambda _p, a, b: self.removed.append((a, b)))

    def _reset(self) -> None:
        self.resets += 1


def quiet(app) -> None:
    """No key: the engine holds every item where it is, so the only changes are ours."""
    app.engine.set_api_key(None)


def add_links(app, qtbot, count: int) -> list[int]:
    """Adds `count` links and waits until the table has a row for each (large adds go in steps)."""
    text = "\n".join(f"https://many.example/video/{n}" for n in range(count))
    added = list(app.window.intake.add_text(text).added)
    qtbot.waitUntil(lambda: app.window.model.rowCount() == len(app.engine.items), timeout=10_000)
    return added


def test_a_command_on_many_rows_reaches_the_view_as_one_update(running_app, qtbot):
    quiet(running_app)
    ids = add_links(running_app, qtbot, 500)
    window = running_app.window
    signals = ModelSignals(window.model)
    batches: list[int] = []
    window.bridge.itemsChanged.connect(lambda items: batches.append(len(items)))

    running_app.engine.pause(ids)
    running_app.engine.resume(ids)
    running_app.engine.pause(ids)
    qtbot.waitUntil(lambda: bool(batches), timeout=2000)

    assert batches == [500], "1,500 engine events became one batch of the latest snapshots"
    assert signals.changed == [(0, 499)]
    assert signals.resets == 0
    assert window.model.index(499, Column.STATUS).data() == "Paused"


def test_progress_ticks_on_10000_rows_are_coalesced(running_app, qtbot):
    """Ten progress ticks for each of 10,000 downloading rows: the view sees one update."""
    quiet(running_app)
    add_links(running_app, qtbot, 10_000)
    window = running_app.window
    signals = ModelSignals(window.model)
    batches: list[int] = []
    window.bridge.itemsChanged.connect(lambda items: batches.append(len(items)))
    ticks = [ItemChanged(dataclasses.replace(
        item, state=ItemState.DOWNLOADING, bytes_done=tick * 1000, bytes_total=10_000,
        speed=1e6, eta=10 - tick)) for tick in range(1, 11) for item in running_app.engine.items]

    started = time.perf_counter()
    for event in ticks:
        window.bridge.handle(event)
    qtbot.waitUntil(lambda: bool(batches), timeout=2000)
    window.view.viewport().repaint()
    elapsed = time.perf_counter() - started

    assert batches == [10_000]
    assert signals.changed == [(0, 9_999)] and signals.resets == 0
    assert window.model.index(0, Column.SIZE).data() == "10.0 KB of 10.0 KB"
    assert elapsed < 3, f"100,000 ticks took {elapsed:.2f} s to reach the screen"


def test_scattered_changes_are_reported_as_ranges_of_neighbours(running_app, qtbot):
    quiet(running_app)
    ids = add_links(running_app, qtbot, 40)
    signals = ModelSignals(running_app.window.model)

    running_app.engine.pause(ids[0:10] + ids[20:25] + [ids[39]])
    qtbot.waitUntil(lambda: bool(signals.changed), timeout=2000)

    assert sorted(signals.changed) == [(0, 9), (20, 24), (39, 39)]
    assert signals.resets == 0


def test_removals_remove_rows_and_keep_the_rest_in_order(running_app, qtbot):
    quiet(running_app)
    ids = add_links(running_app, qtbot, 10)
    signals = ModelSignals(running_app.window.model)

    running_app.engine.remove(ids[2:4] + [ids[7]])

    assert signals.removed == [(7, 7), (2, 3)]  # bottom first: upper rows keep their numbers
    assert signals.resets == 0
    model = running_app.window.model
    assert [model.item_at(r).id for r in range(model.rowCount())] == [
        i for i in ids if i not in (ids[2], ids[3], ids[7])]
    assert model.row_of(ids[8]) == 5


def test_the_selection_follows_its_rows_when_the_queue_is_reordered(running_app, qtbot):
    quiet(running_app)
    ids = add_links(running_app, qtbot, 5)
    window = running_app.window
    window.view.selectionModel().select(
        window.model.index(4, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    running_app.engine.move([ids[4]], before_id=ids[0])

    assert window.selected_ids() == [ids[4]]
    assert window.model.item_at(0).id == ids[4]


def test_status_words(running_app, qtbot):
    quiet(running_app)
    (item_id,) = add_links(running_app, qtbot, 1)
    window = running_app.window
    assert window.model.index(0, Column.STATUS).data() == "Waiting"
    assert window.model.index(0, Column.DETAILS).data() == "Waiting for a working API key"
    running_app.engine.pause([item_id])
    qtbot.waitUntil(lambda: window.model.item_at(0).state is ItemState.PAUSED)
    assert window.model.index(0, Column.STATUS).data() == "Paused"


def test_contiguous_ranges():
    assert contiguous_ranges([5, 1, 2, 3, 7, 8, 8]) == [(1, 3), (5, 5), (7, 8)]
    assert contiguous_ranges([]) == []


def test_a_rejected_request_lists_each_field_error_in_the_tooltip(running_app, qtbot):
    reply = {"status": 422, "json": {"detail": [
        {"loc": ["body", "url"], "msg": "URL is too long", "type": "value_error"},
        {"loc": ["body", "quality"], "msg": "unexpected value", "type": "value_error.const"},
    ]}}
    running_app.sandbox.admin.queue_faults("/v1/download", [reply], "POST")
    running_app.window.intake.add_text("https://a.example/rejected")
    window = running_app.window
    qtbot.waitUntil(lambda: window.model.item_at(0).state is ItemState.FAILED, timeout=5000)

    tooltip = window.model.index(0, Column.STATUS).data(Qt.ItemDataRole.ToolTipRole)
    lines = tooltip.splitlines()
    assert lines[0] == "https://a.example/rejected"
    assert lines[1].startswith("Failed: VideoConduit rejected the request")
    assert lines[-3:] == ["What VideoConduit rejected:", "  • url: URL is too long",
                          "  • quality: unexpected value"]


def test_a_progress_tick_repaints_only_the_progress_and_size_cells(running_app, qtbot):
    """8 downloads tick 10 times a second: their Title and Details cells need no repaint; any
    other change (here: the state) still repaints the whole row."""
    quiet(running_app)
    (item_id,) = add_links(running_app, qtbot, 1)
    window = running_app.window
    ranges: list[tuple[int, int, int, int]] = []
    window.model.dataChanged.connect(
        lambda a, b, _roles: ranges.append((a.row(), a.column(), b.row(), b.column())))
    item = running_app.engine.item(item_id)
    downloading = dataclasses.replace(item, state=ItemState.DOWNLOADING, bytes_done=1000,
                                      bytes_total=10_000, speed=1e6, eta=9.0)
    window.bridge.handle(ItemChanged(downloading))
    window.bridge.flush()
    window.bridge.handle(ItemChanged(dataclasses.replace(downloading, bytes_done=5000, eta=5.0)))
    window.bridge.flush()

    last = len(Column) - 1
    assert ranges == [(0, 0, 0, last), (0, Column.PROGRESS, 0, Column.SIZE)]
    model = window.model
    assert model.index(0, Column.SIZE).data() == "5.00 KB of 10.0 KB"
    spoken = model.index(0, Column.PROGRESS).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "50" in spoken and "5 s" in spoken
