"""A submit whose answer got lost, as the person meets it: the row says what may have happened,
Look again costs nothing, and nothing is paid again without one clear question."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from app.engine.model import ItemState
from app.ui.queue_model import Column

GATEWAY_PAGE = {"status": 502, "body": "<html><body><h1>502 Bad Gateway</h1></body></html>",
                "headers": {"Content-Type": "text/html"}}


def visible_dialogs() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def unconfirmed_rows(running_app, urls: list[str]) -> list[int]:
    """Queue the links behind gateway pages and wait until their rows ask the person."""
    running_app.engine.pipeline.submitter.patience = 1.0  # ten minutes in production
    running_app.sandbox.admin.queue_faults("/v1/download", [GATEWAY_PAGE] * len(urls), "POST")
    ids = list(running_app.engine.add_urls(urls).added)
    running_app.wait_for_items(lambda items: all(i.state is ItemState.UNCONFIRMED for i in items))
    return ids


def row_of(window, item_id: int) -> int:
    return next(r for r in range(window.model.rowCount()) if window.model.item_at(r).id == item_id)


def test_an_unconfirmed_row_says_so_and_offers_only_what_costs_nothing_first(running_app, qtbot):
    window = running_app.window
    url = "https://video.example/watch/lost-answer"
    (item_id,) = unconfirmed_rows(running_app, [url])
    row = row_of(window, item_id)
    qtbot.waitUntil(lambda: window.model.index(row, Column.STATUS).data() == "Not confirmed", timeout=2000)
    assert window.model.index(row, Column.DETAILS).data().startswith("May have been accepted")
    assert "its answer got lost" in window.model.index(row, Column.STATUS).data(Qt.ItemDataRole.ToolTipRole)
    window.view.selectRow(row)
    acts = window.commands
    qtbot.waitUntil(lambda: acts.look_again.isEnabled(), timeout=2000)
    assert acts.submit_again.isEnabled() and not acts.retry.isEnabled()
    assert acts.look_again.isVisible() and acts.submit_again.isVisible()  # on the toolbar now
    window.view.clearSelection()
    qtbot.waitUntil(lambda: not acts.look_again.isVisible(), timeout=2000)
    window.view.selectRow(row)

    acts.look_again.trigger()  # looks once more (the job list still doesn't have it)…
    running_app.wait_for_items(lambda items: items[0].state is ItemState.UNCONFIRMED)
    assert running_app.sandbox.admin.posts_for_url(url) == 1  # …and never posts


def test_submit_again_and_retry_all_ask_once_with_the_price_then_pay_once_each(running_app, qtbot):
    window = running_app.window
    urls = ["https://video.example/watch/lost-1", "https://video.example/watch/lost-2"]
    unconfirmed_rows(running_app, urls)
    qtbot.waitUntil(window.commands.retry_all_failed.isEnabled, timeout=2000)
    window.commands.retry_all_failed.trigger()
    qtbot.waitUntil(lambda: len(visible_dialogs()) == 1, timeout=2000)
    (dialog,) = visible_dialogs()
    assert dialog.headline.text() == "Submit 2 downloads again?"
    confirm = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Submit again (4 credits)")
    assert [running_app.sandbox.admin.posts_for_url(u) for u in urls] == [1, 1]  # nothing yet
    confirm.click()
    running_app.wait_for_items(lambda items: all(i.state is ItemState.COMPLETED for i in items))
    assert [running_app.sandbox.admin.posts_for_url(u) for u in urls] == [2, 2]
    assert [running_app.sandbox.admin.jobs_for_url(u) for u in urls] == [1, 1]
    assert not visible_dialogs()


def test_while_it_looks_the_row_says_for_what_and_until_when(running_app, qtbot):
    window = running_app.window
    running_app.sandbox.admin.set_list_lag(1000.0)  # the job exists but the list won't show it
    late_page = dict(GATEWAY_PAGE, after_processing=True)
    running_app.sandbox.admin.queue_faults("/v1/download", [late_page], "POST")
    (item_id,) = running_app.engine.add_urls(["https://video.example/watch/confirming"]).added
    row = row_of(window, item_id)
    qtbot.waitUntil(lambda: window.model.index(row, Column.STATUS).data() == "Confirming…", timeout=5000)
    details = window.model.index(row, Column.DETAILS).data()
    until = running_app.engine.item(item_id).wait_until
    assert details.startswith("Its answer got lost: looking in your job list until ")
    assert details.endswith(time.strftime("%H:%M", time.localtime(until)))
    assert until - time.time() > 500  # ten minutes of looking, not a quick give-up
    # It may be paid already and is never sent again by itself: not counted as cost to come.
    assert running_app.engine.account.waiting_credits == 0
