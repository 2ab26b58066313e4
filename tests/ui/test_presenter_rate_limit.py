"""429 with Retry-After: a banner counts down to zero and goes away by itself; no dialog, no
click needed, and the queue goes on."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QApplication, QDialog

from app.engine.model import ItemState


def rate_limited_reply(seconds: int) -> dict:
    # As the documentation describes it: Retry-After, the per-minute headers, retry_after.
    return {"status": 429,
            "headers": {"Retry-After": str(seconds), "X-RateLimit-Limit": "10",
                        "X-RateLimit-Remaining": "0",
                        "X-RateLimit-Reset": str(int(time.time()) + seconds)},
            "json": {"detail": f"Rate limit exceeded. Retry after {seconds} seconds.",
                     "retry_after": seconds}}


def test_rate_limit_banner_counts_down_and_goes_away(running_app, qtbot):
    presenter = running_app.window.presenter
    running_app.sandbox.admin.queue_faults("/v1/download", [rate_limited_reply(3)], "POST")
    running_app.engine.add_urls(["https://video.example/patience"])

    seen: list[str] = []

    def banner_gone_after_countdown() -> bool:
        banner = presenter.banners.get("rate_limit")
        if banner is not None:
            if not seen or seen[-1] != banner.text():
                seen.append(banner.text())
            return False
        return bool(seen)

    qtbot.waitUntil(banner_gone_after_countdown, timeout=10_000)
    assert seen[0] == ("Rate limit reached — the Free plan allows 10 requests a minute. "
                       "Resuming in 0:03")
    countdown = [text.rsplit(" ", 1)[-1] for text in seen]
    assert countdown[:3] == ["0:03", "0:02", "0:01"]
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QDialog) and w.isVisible()], "a wait that fixes itself needs no dialog"

    running_app.wait_for_items(lambda items: items[0].state is ItemState.COMPLETED)
