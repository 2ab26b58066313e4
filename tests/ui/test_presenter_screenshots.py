"""Screenshots of every dialog and banner, produced by the real engine against the real sandbox.

    VIDEOCONDUIT_SCREENSHOTS=1 .venv/bin/python -m pytest tests/ui/test_presenter_screenshots.py

writes them to resources/screenshots/ (PNG, named for what they show; with VIDEOCONDUIT_LANG=de
in German, to resources/screenshots/de/). Without the variable the
module is skipped: the behaviour in each picture is tested by the other test_presenter_* and
test_dialogs_* files, and regenerating PNGs on every run would only churn the repository.
Dialogs are grabbed on their own; where a banner or rows are the subject, the whole window.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from keyring.backends import fail

from app.engine.model import ItemState, ProblemKind
from app.keys import KeyStore
from tests.ui.conftest import sandbox_options
from tests.ui.screenshot_language import SCREENSHOTS, ui_language  # noqa: F401 (autouse)
from tests.ui.test_presenter_item_errors import VALIDATION_REPLY, pretend_the_disk_is_full
from tests.ui.test_presenter_waits import rate_limited_reply

pytestmark = pytest.mark.skipif(not os.environ.get("VIDEOCONDUIT_SCREENSHOTS"),
                                reason="set VIDEOCONDUIT_SCREENSHOTS=1 to regenerate the PNGs")

WINDOW_SIZE = (1000, 560)


@pytest.fixture
def sandbox_settings():
    return sandbox_options(plan="starter", credits=40, default_size=2_400_000)


@pytest.fixture
def app(running_app, qtbot):
    running_app.window.resize(*WINDOW_SIZE)
    return running_app


def save(widget, name: str, qtbot) -> None:
    qtbot.wait(150)  # let coalesced row updates and layouts settle before the picture
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    image = widget.grab().toImage()
    assert image.width() > 200 and image.height() > 100
    assert image.save(str(SCREENSHOTS / name))


def without_sandbox_banner(app) -> None:
    """Where another banner is the subject, the sandbox reminder would only distract."""
    app.window.presenter._drop_banner("sandbox")


def complete(app, urls: list[str]) -> None:
    app.engine.add_urls(urls)
    app.wait_for_items(lambda items: all(i.state is ItemState.COMPLETED for i in items), 20)


def test_dialog_credits(app, qtbot):
    app.sandbox.admin.set_credits(1)
    app.engine.add_urls(["https://video.example/watch/lecture-part-1",
                         "https://video.example/watch/lecture-part-2",
                         "https://video.example/watch/lecture-part-3"])
    qtbot.waitUntil(lambda: "credits" in app.window.presenter.dialogs, timeout=10_000)
    save(app.window.presenter.dialogs["credits"], "dialog-credits.png", qtbot)


def test_banner_rate_limit(app, qtbot):
    without_sandbox_banner(app)
    complete(app, ["https://video.example/watch/harbour-timelapse"])
    # Both submissions meet the limit, as they would on a busy Free plan.
    app.sandbox.admin.queue_faults("/v1/download", [rate_limited_reply(42)] * 2, "POST")
    app.engine.add_urls(["https://video.example/watch/city-at-night",
                         "https://video.example/watch/morning-run"])
    qtbot.waitUntil(lambda: "rate_limit" in app.window.presenter.banners, timeout=10_000)
    save(app.window, "banner-rate-limit.png", qtbot)


def test_dialog_key(app, qtbot):
    app.engine.set_api_key("vc_revoked_long_ago_0000")
    app.engine.add_urls(["https://video.example/watch/needs-a-key"])
    qtbot.waitUntil(lambda: "key" in app.window.presenter.dialogs, timeout=10_000)
    dialog = app.window.presenter.dialogs["key"]
    dialog.key_edit.setText(app.sandbox.api_key)
    save(dialog, "dialog-key.png", qtbot)


def test_dialog_forbidden(app, qtbot):
    app.sandbox.admin.set_key_active(app.sandbox.api_key, False)
    app.engine.add_urls(["https://video.example/watch/forbidden"])
    qtbot.waitUntil(lambda: "forbidden" in app.window.presenter.dialogs, timeout=10_000)
    save(app.window.presenter.dialogs["forbidden"], "dialog-forbidden.png", qtbot)


@pytest.mark.parametrize("status, name", [(500, "banner-service-trouble.png"),
                                          (502, "banner-upstream.png")])
def test_banner_trouble(app, qtbot, status, name):
    without_sandbox_banner(app)
    failures = [{"status": status, "body": ""}] * 3
    app.sandbox.admin.queue_faults("/v1/jobs", failures, "GET")
    app.engine.add_urls(["https://video.example/watch/mountain-pass"])
    presenter = app.window.presenter
    # The third attempt, in any language: "(attempt 3)", "(Versuch 3)".
    qtbot.waitUntil(lambda: "trouble" in presenter.banners
                    and "3)" in presenter.banners["trouble"].text(), timeout=15_000)
    save(app.window, name, qtbot)


def test_rows_item_errors(app, qtbot):
    without_sandbox_banner(app)
    app.window.resize(1500, 400)  # room for each whole sentence
    complete(app, ["https://video.example/watch/garden-tour"])
    app.engine.add_urls(["https://unsupported.example/watch/1",
                         "https://video.example/watch/badrequest",
                         "https://video.example/watch/conflict"])
    app.wait_for_items(lambda items: sum(i.state is ItemState.FAILED for i in items) == 3)
    app.sandbox.admin.queue_faults("/v1/download", [VALIDATION_REPLY], "POST")
    app.engine.add_urls(["https://video.example/watch/" + "very-long-name-" * 3])
    app.wait_for_items(lambda items: sum(i.state is ItemState.FAILED for i in items) == 4)
    save(app.window, "rows-item-errors.png", qtbot)


def test_banner_disk_full(app, qtbot, monkeypatch):
    without_sandbox_banner(app)
    complete(app, ["https://video.example/watch/small-clip?size=300000"])
    pretend_the_disk_is_full(monkeypatch, app.download_dir)
    app.engine.add_urls(["https://video.example/watch/feature-film-4k",
                         "https://video.example/watch/concert-recording"])
    app.wait_for_items(lambda items: sum(i.problem_kind is ProblemKind.DISK_FULL
                                         for i in items) == 2)
    qtbot.waitUntil(lambda: "disk_full" in app.window.presenter.banners, timeout=3000)
    save(app.window, "banner-disk-full.png", qtbot)


def test_dialog_welcome(app, qtbot):
    context = app.context
    context.sandbox = None
    context.key_store = KeyStore(backend=fail.Keyring(), env={})
    context.start_sandbox = lambda: None
    save(app.window.presenter.show_welcome(), "dialog-welcome.png", qtbot)


@pytest.mark.keyring
def test_dialog_settings(app, qtbot, secret_service):
    context = app.context
    context.sandbox = None  # the section as it reads for a real account
    context.settings.download_dir = Path("/home/alex/Videos/VideoConduit")
    context.key_store = KeyStore(backend=secret_service.backend(), env={})
    context.key_store.set(app.sandbox.api_key)
    dialog = app.window.presenter.show_settings()
    dialog.save_button.setFocus()
    save(dialog, "dialog-settings.png", qtbot)
    context.key_store.delete()


def test_banner_sandbox(app, qtbot):
    app.sandbox.admin.file_faults(bytes_per_second=900_000)
    app.engine.add_urls([f"https://video.example/watch/{name}" for name in
                         ("sample-nature", "sample-city", "sample-ocean", "sample-forest")])
    app.wait_for_items(lambda items: items[0].state is ItemState.COMPLETED
                       and any(i.state is ItemState.DOWNLOADING and i.bytes_done > 0
                               for i in items), 20)
    save(app.window, "banner-sandbox.png", qtbot)
    app.sandbox.admin.file_faults(bytes_per_second=0)



def test_banner_waiting_for_the_keyring(app, qtbot):
    without_sandbox_banner(app)
    app.window.presenter.wait_for_keyring()
    save(app.window, "banner-keyring.png", qtbot)
    app.window.presenter._drop_banner("keyring")
