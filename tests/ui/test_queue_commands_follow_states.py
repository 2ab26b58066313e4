"""The queue-wide commands ("Retry all failed", "Clear finished") follow the rows' states through
adds, changes and removals — the model counts states as they change instead of the window
scanning every row on each progress flush."""

from __future__ import annotations

import dataclasses

from app.api.models import DownloadOptions
from app.engine.model import Item, ItemState
from app.ui.actions import QueueActions
from app.ui.queue_model import QueueModel


def item(item_id: int, state: ItemState = ItemState.WAITING) -> Item:
    return Item(id=item_id, url=f"https://example.com/{item_id}", options=DownloadOptions(),
                state=state, position=float(item_id), added_at=0.0)


def queue_wide(model: QueueModel, actions: QueueActions) -> dict[str, bool]:
    actions.update([], model.present_states())
    return {"retry all": actions.retry_all_failed.isEnabled(),
            "clear": actions.clear_finished.isEnabled()}


def test_queue_wide_commands_follow_adds_changes_and_removals(qtbot):
    model = QueueModel()
    actions = QueueActions(model)
    model.reset_items([item(1), item(2)])
    assert queue_wide(model, actions) == {"retry all": False, "clear": False}

    model.update_items([item(1, ItemState.FAILED)])
    assert queue_wide(model, actions) == {"retry all": True, "clear": False}

    model.add_items([item(3, ItemState.COMPLETED)])
    assert queue_wide(model, actions) == {"retry all": True, "clear": True}

    model.update_items([dataclasses.replace(item(1), state=ItemState.WAITING)])
    assert queue_wide(model, actions) == {"retry all": False, "clear": True}

    model.remove_ids([3])
    assert queue_wide(model, actions) == {"retry all": False, "clear": False}


def test_a_large_removal_keeps_the_counts(qtbot):
    model = QueueModel()
    actions = QueueActions(model)
    model.reset_items([item(n, ItemState.CANCELLED if n % 2 else ItemState.WAITING)
                       for n in range(1, 1001)])
    assert queue_wide(model, actions)["clear"]
    model.remove_ids(range(1, 1001, 2))  # 500 separate ranges: removed by one reset
    assert not queue_wide(model, actions)["clear"]
    assert model.rowCount() == 500
