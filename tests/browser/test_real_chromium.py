"""A real browser: Debian's Chromium, headless, with the unpacked extension and a private profile
whose NativeMessagingHosts/ holds our host manifest (as --install-browser-integration writes it).
The test fires the extension's own send action in its service worker, over DevTools, with the
link read from a local test page; the app running on the sandbox must download the file.

How the browser reaches the host: Chromium looks for per-user host manifests in
<user-data-dir>/NativeMessagingHosts/<name>.json; ours names this checkout's
`videoconduit-desktop` entry point and allows exactly the extension id pinned by the manifest's
`key`. Chromium starts it with `chrome-extension://<id>/` as its argument and passes on its
environment (VIDEOCONDUIT_DATA_DIR: the test's queue)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from app.browser import manifests
from tests.browser.chromium import Chromium
from tests.browser.conftest import downloaded, host_env
from tests.integration.app_processes import REPO, owner, wait_for

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]
EXTENSION = REPO / "resources" / "browser-extension"
VIDEO = "https://video.example/watch?v=from-chromium"
WORKER = f"chrome-extension://{manifests.EXTENSION_ID}/"


def profile_with_host(tmp_path: Path, *, with_host: bool = True) -> Path:
    profile = tmp_path / "chromium-profile"
    hosts = profile / "NativeMessagingHosts"
    hosts.mkdir(parents=True)
    if with_host:
        (hosts / manifests.MANIFEST_FILE).write_text(
            manifests.manifest_text(manifests.own_executable(), firefox=False))
    return profile


def page_with_link(tmp_path: Path) -> Path:
    page = tmp_path / "page.html"
    page.write_text(f'<!doctype html><title>Test page</title><a id="video" href="{VIDEO}">A video</a>')
    return page


async def send_link_from_page(browser: Chromium, page: Path) -> tuple[dict, str]:
    """Read the link off the page, click our menu entry on it (its handler), return the app's
    reply and the toolbar button's badge right after."""
    await browser.wait_ready(30)
    worker = await browser.wait_target("service_worker", WORKER, 30)
    # The worker's target is listed before its script has run (seen once: "videoconduit is not
    # defined"); a real click comes only after the menu its script creates exists.
    await browser.wait_true(worker, "typeof videoconduit === 'object'", 30, "the worker's script run")
    tab = await browser.open_page(page.as_uri(), 30)
    link = await browser.evaluate(tab, "document.getElementById('video').href", 10)
    click = json.dumps({"menuItemId": "vc-link", "linkUrl": link, "pageUrl": page.as_uri()})
    reply = await browser.evaluate(worker, f"videoconduit.handleMenuClick({click}, undefined)", 60)
    badge = await browser.evaluate(worker, "chrome.action.getBadgeText({})", 10)
    return reply, badge


def test_chromium_sends_a_link_and_the_running_app_downloads_it(sandbox, folders, tmp_path):
    data, files = folders
    with owner(sandbox, folders, tmp_path, "--no-window") as app:
        browser = Chromium(profile_with_host(tmp_path), EXTENSION, host_env(sandbox, folders))
        try:
            reply, badge = asyncio.run(send_link_from_page(browser, page_with_link(tmp_path)))
        finally:
            browser.close()
        assert reply == {"ok": True, "queued": 1, "skipped": 0, "held": 0}
        assert badge == "✓"
        wait_for(lambda: len(downloaded(files)) == 1, 60, "the file of the link sent from Chromium")
        assert "Another launch handed over links. Queued 1 link(s)" in app.stderr
    assert sandbox.admin.posts_for_url(VIDEO) == 1


def test_without_the_host_manifest_the_extension_says_how_to_fix_it(sandbox, folders, tmp_path):
    browser = Chromium(profile_with_host(tmp_path, with_host=False), EXTENSION,
                       host_env(sandbox, folders))

    async def scenario() -> tuple[dict, str, list[str]]:
        reply, badge = await send_link_from_page(browser, page_with_link(tmp_path))
        help_page = await browser.wait_target("page", f"{WORKER}help.html", 10)
        return reply, badge, [help_page["url"]]

    try:
        reply, badge, opened = asyncio.run(scenario())
    finally:
        browser.close()
    assert reply["ok"] is False and reply["reason"] == "VideoConduit Desktop isn't set up — how to fix"
    assert badge == "!"
    assert opened == [f"{WORKER}help.html#set-up"]
    assert sandbox.admin.posts_for_url(VIDEO) == 0
