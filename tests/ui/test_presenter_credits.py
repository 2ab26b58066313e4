"""402 from the real sandbox: one credits dialog and one banner, however many items wait; the
ways out work; a top-up plus Retry now resumes submissions and the dialog and banner go away."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.engine.model import AccountState, ItemState
from app.ui.dialogs.credits_dialog import CreditsDialog
from tests.ui.conftest import sandbox_options


@pytest.fixture
def sandbox_settings():
    return sandbox_options(credits=1)


def credits_dialogs() -> list[CreditsDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, CreditsDialog)]


def wait_for_credits_dialog(running_app, qtbot) -> CreditsDialog:
    presenter = running_app.window.presenter
    qtbot.waitUntil(lambda: "credits" in presenter.dialogs, timeout=10_000)
    dialog = presenter.dialogs["credits"]
    assert dialog.isVisible()
    return dialog


def test_short_of_credits_shows_the_shortfall_and_recovers_after_a_top_up(running_app, qtbot):
    presenter, engine = running_app.window.presenter, running_app.engine
    engine.add_urls(["https://video.example/one", "https://video.example/two"])

    dialog = wait_for_credits_dialog(running_app, qtbot)
    assert dialog.headline.text() == "You need 1 more credit"
    assert dialog.detail.text() == "This download needs 2 credits; your balance is 1."
    assert dialog.waiting.text() == (
        "2 downloads are waiting to be sent; together they need 4 credits.")
    banner = presenter.banners["credits"]
    assert banner.isVisible()
    assert banner.text().startswith(
        "Submissions paused: not enough credits. Finished jobs keep downloading. "
        "Checking again at ")

    dialog.buy_button.click()
    dialog.upgrade_button.click()
    billing = f"{running_app.sandbox.api_base}/billing"
    assert running_app.opened_urls == [billing, billing]

    running_app.sandbox.admin.add_credits(10)
    dialog.retry_button.click()
    running_app.wait_for_items(
        lambda items: all(i.state is ItemState.COMPLETED for i in items), timeout=15)
    assert engine.account.state is AccountState.READY
    qtbot.waitUntil(lambda: not credits_dialogs(), timeout=3000)  # closed and deleted
    assert "credits" not in presenter.banners
    assert "credits" not in presenter.dialogs
    assert running_app.sandbox.admin.state()["credits"] == 11 - 4


def test_twenty_items_short_of_credits_make_exactly_one_dialog(running_app, qtbot):
    presenter = running_app.window.presenter
    running_app.engine.add_urls([f"https://video.example/clip-{n}" for n in range(20)])
    dialog = wait_for_credits_dialog(running_app, qtbot)
    qtbot.waitUntil(lambda: dialog.waiting.text().startswith("20 downloads"), timeout=5000)
    assert "together they need 40 credits" in dialog.waiting.text()

    # A re-check that is refused again is the same occurrence: still one dialog, updated.
    running_app.engine.retry_now()
    qtbot.wait(500)
    assert credits_dialogs() == [dialog]
    assert [b for b in presenter.banners if b == "credits"] == ["credits"]

    # Closed by the person, the dialog stays closed while the same shortage lasts; the banner
    # keeps saying what the queue waits for.
    dialog.close()
    running_app.engine.retry_now()
    qtbot.wait(500)
    assert "credits" not in presenter.dialogs
    assert presenter.banners["credits"].isVisible()
