"""Video details cost a credit: the dialog says so and asks the real sandbox only when the
person presses the button — once."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.engine.model import ItemState
from app.ui.dialogs.details_dialog import DetailsDialog
from tests.ui.conftest import sandbox_options

START_CREDITS = 10


@pytest.fixture
def sandbox_settings():
    return sandbox_options(credits=START_CREDITS)


def info_requests(sandbox) -> int:
    return sum(1 for entry in sandbox.admin.log() if entry["path"] == "/v1/info")


def test_details_are_fetched_only_on_request_and_cost_one_credit(running_app, qtbot):
    engine, sandbox = running_app.engine, running_app.sandbox
    engine.add_urls(["https://video.example/watch/sunset"])
    running_app.wait_for_items(lambda items: items[0].state is ItemState.COMPLETED)
    balance = sandbox.admin.state()["credits"]
    assert balance == START_CREDITS - 2

    dialog = running_app.window.presenter.show_details(engine.items[0].id)
    assert "1 credit" in dialog.status.text()
    assert dialog.fetch_button.text() == "Fetch details (1 credit)"
    qtbot.wait(300)
    assert info_requests(sandbox) == 0, "nothing is fetched behind the person's back"

    dialog.fetch_button.click()
    qtbot.waitUntil(lambda: dialog.form.rowCount() > 0, timeout=5000)
    assert dialog.headline.text() == "Sandbox video sunset"
    fields = {dialog.form.itemAt(row, dialog.form.ItemRole.LabelRole).widget().text():
              dialog.form.itemAt(row, dialog.form.ItemRole.FieldRole).widget().text()
              for row in range(dialog.form.rowCount())}
    assert fields["Uploader:"] == "VideoConduit Sandbox"
    assert fields["Duration:"].endswith("s") or "min" in fields["Duration:"]
    assert not dialog.fetch_button.isVisible()
    assert info_requests(sandbox) == 1
    assert sandbox.admin.state()["credits"] == balance - 1


def test_a_refused_lookup_says_why_in_words(running_app, qtbot):
    engine, sandbox = running_app.engine, running_app.sandbox
    engine.add_urls(["https://video.example/watch/dusk"])
    running_app.wait_for_items(lambda items: items[0].state is ItemState.COMPLETED)
    sandbox.admin.set_credits(0)
    dialog = running_app.window.presenter.show_details(engine.items[0].id)
    dialog.fetch_button.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Not enough credits"), timeout=5000)
    assert dialog.status.text() == "Not enough credits: your balance is 0."
    assert dialog.fetch_button.isEnabled(), "the person may try again after a top-up"


def test_one_details_dialog_at_a_time(running_app, qtbot):
    engine, presenter = running_app.engine, running_app.window.presenter
    engine.add_urls(["https://video.example/watch/first", "https://video.example/watch/second"])
    running_app.wait_for_items(lambda items: all(i.state is ItemState.COMPLETED for i in items))
    first, second = (item.id for item in engine.items)
    assert presenter.show_details(first) is presenter.show_details(first)
    newest = presenter.show_details(second)
    assert newest.item_id == second
    qtbot.waitUntil(lambda: [w for w in QApplication.topLevelWidgets()
                             if isinstance(w, DetailsDialog)] == [newest], timeout=2000)
