"""The Details column says what the progress bar does not: where a file on its way goes, why a
row waits. What is asserted is the cell's text, as the person reads it."""

from __future__ import annotations

import pytest

from app.engine.model import ItemState
from app.ui.item_text import shown_folder
from app.ui.queue_model import Column
from tests.ui.conftest import sandbox_options


@pytest.fixture
def sandbox_settings():
    return sandbox_options(credits=1, default_size=4_000_000)


def details(window) -> list[str]:
    return [window.model.index(row, Column.DETAILS).data() for row in range(window.model.rowCount())]


def test_every_row_held_for_credits_says_so(running_app, qtbot):
    window = running_app.window
    running_app.engine.add_urls([f"https://video.example/clip-{n}" for n in range(4)])
    qtbot.waitUntil(lambda: "credits" in window.presenter.dialogs, timeout=10_000)
    qtbot.waitUntil(lambda: [window.model.index(row, Column.STATUS).data()
                             for row in range(4)] == ["Waiting"] * 4, timeout=5000)
    assert details(window) == ["Waiting for credits"] * 4


def test_a_download_on_its_way_says_where_it_goes_not_its_speed(running_app, qtbot):
    running_app.sandbox.admin.set_credits(10)
    running_app.sandbox.admin.file_faults(bytes_per_second=400_000)
    window = running_app.window
    running_app.engine.add_urls(["https://video.example/watch/slow-one"])
    qtbot.waitUntil(lambda: running_app.engine.items[0].state is ItemState.DOWNLOADING
                    and running_app.engine.items[0].speed, timeout=15_000)
    assert details(window) == [f"To {shown_folder(running_app.download_dir)}"]


def test_rows_held_by_a_rate_limit_say_so(running_app, qtbot):
    from tests.ui.test_presenter_waits import rate_limited_reply

    running_app.sandbox.admin.set_credits(10)
    running_app.sandbox.admin.queue_faults("/v1/download", [rate_limited_reply(30)] * 2, "POST")
    window = running_app.window
    running_app.engine.add_urls(["https://video.example/watch/a", "https://video.example/watch/b"])
    # The rows read "Submitting…": the engine is sending them as soon as the limit lifts.
    qtbot.waitUntil(lambda: "rate_limit" in window.presenter.banners and [
        window.model.index(row, Column.STATUS).data() for row in range(2)] == ["Submitting…"] * 2,
        timeout=10_000)
    assert details(window) == ["Waiting for the rate limit to lift"] * 2
