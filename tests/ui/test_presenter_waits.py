"""Waits that fix themselves, from the real sandbox: a 429 counts down in a banner and goes
away by itself (no dialog, no click); 5xx and unreadable replies show who is in trouble, which
try comes next and when. Each banner goes away when a request succeeds and the download
completes."""

from __future__ import annotations

import re
import time

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from app.engine.model import ItemState
from app.ui.queue_model import Column

JOB_POLLS = "/v1/jobs/"


def banner_texts_until_gone(running_app, qtbot, kind: str) -> list[str]:
    """Every text the `kind` banner showed, until it went away and the download completed."""
    presenter = running_app.window.presenter
    seen: list[str] = []

    def gone() -> bool:
        banner = presenter.banners.get(kind)
        if banner is not None:
            if not seen or seen[-1] != banner.text():
                seen.append(banner.text())
            return False
        return bool(seen)

    qtbot.waitUntil(gone, timeout=15_000)
    running_app.wait_for_items(lambda items: items[0].state is ItemState.COMPLETED)
    return seen


def rate_limited_reply(seconds: int) -> dict:
    # As the documentation describes it: Retry-After, the per-minute headers, retry_after.
    return {"status": 429,
            "headers": {"Retry-After": str(seconds), "X-RateLimit-Limit": "10",
                        "X-RateLimit-Remaining": "0",
                        "X-RateLimit-Reset": str(int(time.time()) + seconds)},
            "json": {"detail": f"Rate limit exceeded. Retry after {seconds} seconds.",
                     "retry_after": seconds}}


def test_rate_limit_banner_counts_down_and_goes_away(running_app, qtbot):
    running_app.sandbox.admin.queue_faults("/v1/download", [rate_limited_reply(3)], "POST")
    running_app.engine.add_urls(["https://video.example/patience"])

    seen = banner_texts_until_gone(running_app, qtbot, "rate_limit")
    assert seen[0] == ("Rate limit reached — the Free plan allows 10 requests a minute. "
                       "Resuming in 0:03")
    countdown = [text.rsplit(" ", 1)[-1] for text in seen]
    assert countdown[:3] == ["0:03", "0:02", "0:01"]
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QDialog) and w.isVisible()], "a wait that fixes itself needs no dialog"


def test_server_errors_show_attempt_and_countdown_then_success(running_app, qtbot):
    running_app.sandbox.admin.queue_faults(JOB_POLLS, [
        {"status": 500, "json": {"detail": "Internal error", "code": "server_error"}},
        {"status": 500, "body": ""},
    ], "GET")
    running_app.engine.add_urls(["https://video.example/bumpy"])
    seen = banner_texts_until_gone(running_app, qtbot, "trouble")

    assert seen[0].startswith("VideoConduit is having trouble — retrying in ")
    assert re.search(r"retrying in \d s \(attempt 1\)$", seen[0])
    # The second wait is at least 2 s (backoff 1 s, 2 s … plus jitter): the banner counts it
    # down second by second ("retrying now" once it is due on a slow machine).
    second = [int(found.group(1)) for text in seen if text.endswith("(attempt 2)")
              and (found := re.search(r"in (\d+) s", text))]
    assert second[0] >= 2 and second[-1] == 1
    assert second == list(range(second[0], 0, -1))


@pytest.mark.parametrize("status, words", [
    (502, "The video site is having trouble (not VideoConduit) — retrying in "),
    (503, "VideoConduit is having trouble — retrying in "),
])
def test_bad_gateway_names_the_video_site_and_unavailable_names_the_service(
        running_app, qtbot, status, words):
    running_app.sandbox.admin.queue_faults(
        JOB_POLLS, [{"status": status, "body": "<html><body>Bad gateway</body></html>"}], "GET")
    running_app.engine.add_urls([f"https://video.example/status-{status}"])
    seen = banner_texts_until_gone(running_app, qtbot, "trouble")
    assert seen[0].startswith(words)
    assert seen[0].endswith("(attempt 1)")


def test_a_truncated_reply_does_not_hurt_the_window_and_the_item_completes(running_app, qtbot):
    running_app.sandbox.admin.queue_faults(
        JOB_POLLS, [{"status": 200, "body": '{"job_id": "1234", "status": "compl'}], "GET")
    running_app.engine.add_urls(["https://video.example/garbled"])
    seen = banner_texts_until_gone(running_app, qtbot, "trouble")
    assert seen[0].startswith("VideoConduit sent a reply the app could not read — retrying")
    assert running_app.window.isVisible()
    model = running_app.window.model
    qtbot.waitUntil(lambda: model.index(0, Column.STATUS).data() == "Done", timeout=2000)
