"""The progress bar is painted, so a screen reader gets it as words: each row's Progress cell
answers Qt's AccessibleTextRole with status, percent and time left (the AT-SPI test hears the
same through the bus)."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt

from app.engine.model import DownloadOptions, Item, ItemState
from app.ui.queue_model import Column, QueueModel

SPOKEN = Qt.ItemDataRole.AccessibleTextRole


def row(**fields) -> Item:
    return Item(id=1, url="https://a.example/watch/clip", options=DownloadOptions(),
                state=fields.pop("state"), position=1.0, added_at=time.time(), **fields)


def spoken(item: Item) -> str:
    model = QueueModel()
    model.reset_items([item])
    return model.index(0, Column.PROGRESS).data(SPOKEN)


def test_a_download_is_spoken_with_its_percent_and_time_left(qapp):
    downloading = row(state=ItemState.DOWNLOADING, bytes_done=42, bytes_total=100, eta=200.0,
                      speed=1000.0)
    assert spoken(downloading) == "Downloading, 42 %, 3 min 20 s left"


def test_other_states_say_what_the_bar_shows(qapp):
    assert spoken(row(state=ItemState.PAUSED, bytes_done=30, bytes_total=100)) == "Paused, 30 %"
    assert spoken(row(state=ItemState.PROCESSING, job_progress=17.0)) == (
        "Processing on VideoConduit 17 %")
    assert spoken(row(state=ItemState.COMPLETED, bytes_done=100, bytes_total=100)) == "Done"
    assert spoken(row(state=ItemState.WAITING)) == "Waiting"
