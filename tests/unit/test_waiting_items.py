"""Items made many at once (a paste of 50,000 links) are the very snapshots Item(...) makes."""

from __future__ import annotations

import dataclasses

import pytest

from app.api.models import DownloadOptions
from app.engine.model import Item, ItemState, waiting_items


def test_items_made_at_once_equal_items_made_one_by_one():
    options = DownloadOptions(audio_only=True)
    made = waiting_items([7, 9], ["https://a.example/1", "https://a.example/2"], options, 3.0, 42.0)
    assert made == [
        Item(id=7, url="https://a.example/1", options=options, state=ItemState.WAITING,
             position=3.0, added_at=42.0),
        Item(id=9, url="https://a.example/2", options=options, state=ItemState.WAITING,
             position=4.0, added_at=42.0),
    ]
    # Every field is set (equality reads them all), and the snapshot is as frozen as any other.
    with pytest.raises(dataclasses.FrozenInstanceError):
        made[0].state = ItemState.PAUSED  # type: ignore[misc]


def test_ids_and_links_of_different_lengths_are_a_programming_error():
    with pytest.raises(ValueError):
        waiting_items([1, 2], ["https://a.example/1"], DownloadOptions(), 1.0, 1.0)
