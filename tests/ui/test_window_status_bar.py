"""The status bar: plan, requests left with a ticking countdown, the last known balance, and
where requests go."""

from __future__ import annotations

import re
import time

import pytest

from app.ui.status_bar import AccountStatusBar
from app.ui.theme import sandbox_color
from tests.ui.conftest import sandbox_options

REQUESTS = re.compile(r"(\d+) of 60 requests left this minute · resets in (\d+):(\d\d)")


@pytest.fixture
def sandbox_settings():
    return sandbox_options(plan="starter", credits=1)  # one credit: the first video is refused


def test_status_bar_shows_plan_requests_and_the_balance_the_service_reported(running_app, qtbot):
    status = running_app.window.status
    assert status.credits_label.text() == "Credits: unknown until the service reports them"
    assert status.connection_label.text() == "Sandbox"
    assert status.connection_label.palette().color(
        status.connection_label.foregroundRole()) == sandbox_color()

    started = time.strftime("%H:%M")
    running_app.window.intake.add_text("https://video.example/too-expensive")
    qtbot.waitUntil(lambda: status.credits_label.text().startswith("Credits: 1 (as of "),
                    timeout=5000)
    assert status.credits_label.text() in {
        f"Credits: 1 (as of {clock})" for clock in (started, time.strftime("%H:%M"))}
    assert status.plan_label.text() == "Starter"
    match = REQUESTS.fullmatch(status.requests_label.text())
    assert match, status.requests_label.text()
    assert int(match[1]) < 60

    before = status.requests_label.text()
    qtbot.waitUntil(lambda: status.requests_label.text() != before, timeout=2500)
    assert REQUESTS.fullmatch(status.requests_label.text()), "the countdown ticks each second"


def test_the_real_service_is_named_by_its_host(qapp):
    bar = AccountStatusBar("https://videoconduit.com", sandbox=False)
    assert bar.connection_label.text() == "videoconduit.com"
    assert bar.requests_label.text() == "Requests this minute: not known yet"
    bar.deleteLater()
