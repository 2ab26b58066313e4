"""The native host as a real subprocess, fed the way a browser feeds it, and the real app: a
headless owner on a sandbox queues and downloads what the host hands over; with no app running
the host starts one (offscreen) and hands the links to it. Waits are on conditions."""

from __future__ import annotations

import signal
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

from app.instance import read_channel
from tests.browser.conftest import ask_host, downloaded, host_env
from tests.integration.app_processes import owner, wait_for

pytestmark = pytest.mark.slow
VIDEO = "https://video.example/watch?v=browser-1"


def test_links_from_the_host_are_queued_and_downloaded_by_the_running_app(sandbox, folders, tmp_path):
    data, files = folders
    with owner(sandbox, folders, tmp_path, "--no-window") as app:
        replies, _ = ask_host(host_env(sandbox, folders), {"urls": [VIDEO], "title": "A video",
                                                           "source": "context-menu"})
        assert replies == [{"ok": True, "queued": 1, "skipped": 0, "held": 0}]
        wait_for(lambda: len(downloaded(files)) == 1, 60, "the handed-over link's file")
        again, _ = ask_host(host_env(sandbox, folders), {"urls": [VIDEO + "&utm_source=x"]})
        assert again == [{"ok": True, "queued": 0, "skipped": 1, "held": 0}]  # "Already in your queue"
        assert "Another launch handed over links. Queued 1 link(s)" in app.stderr
    assert sandbox.admin.posts_for_url(VIDEO) == 1  # one charge, however often it is sent


def test_the_host_answers_a_running_app_within_300_ms(sandbox, folders, tmp_path):
    with owner(sandbox, folders, tmp_path, "--no-window"):
        env = host_env(sandbox, folders)
        times = [ask_host(env, {"urls": [f"https://video.example/watch?v=t{i}"]})[1]
                 for i in range(5)]
    print(f"host round trips (start, hand-off, answer, exit): {[round(t * 1000) for t in times]} ms")
    assert statistics.median(times) < 0.300, times


def test_a_headless_owner_refuses_held_links_with_a_sentence(sandbox, folders, tmp_path):
    data, files = folders
    data.mkdir(parents=True)
    (data / "settings.json").write_text('{"hold_extension_links": true}')
    with owner(sandbox, folders, tmp_path, "--no-window") as app:
        replies, _ = ask_host(host_env(sandbox, folders), {"urls": [VIDEO]})
        assert replies[0]["ok"] is False
        assert "wait for your OK in the window" in replies[0]["reason"]
        assert "were not queued" in app.stderr
    assert downloaded(files) == []
    assert sandbox.admin.posts_for_url(VIDEO) == 0


def test_with_no_app_running_the_host_starts_it_with_the_links(sandbox, folders, tmp_path):
    data, files = folders
    env = {**host_env(sandbox, folders), "QT_QPA_PLATFORM": "offscreen"}
    channel = data / "videoconduit.sqlite3.channel"
    try:
        replies, elapsed = ask_host(env, {"urls": [VIDEO]})
        assert replies == [{"ok": True, "queued": 1, "skipped": 0, "held": 0}]
        started = read_channel(channel)
        assert started is not None, "the host answered, but no app owns the queue"
        # The started app is the window (offscreen here), downloading into its default folder.
        wait_for(lambda: len(downloaded(data / "downloads")) == 1, 60, "the started app's file")
        assert (data / "videoconduit.sqlite3.lock").exists()
    finally:
        found = read_channel(channel)
        if found is not None and found.pid:
            _stop(found.pid)


def _stop(pid: int) -> None:
    import os

    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    wait_for(lambda: not Path(f"/proc/{pid}").exists() or _zombie(pid), 30, "the started app to end")


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"
    except OSError:
        return True



def test_a_headless_launch_from_a_scheme_link_queues_nothing_and_says_why(sandbox, folders):
    from app.browser.links import scheme_address
    from tests.integration.app_processes import REPO, app_env

    # Beside a scheme link only presentation options count: the folders come from the
    # environment (a web page cannot set it), as an --api-base or --data-dir there is ignored.
    env = app_env(sandbox) | {"VIDEOCONDUIT_API_BASE": sandbox.api_base,
                              "VIDEOCONDUIT_DATA_DIR": str(folders[0])}
    result = subprocess.run([sys.executable, "-m", "app", "--no-window", "--quit-when-done",
                             scheme_address([VIDEO]), "--api-base", "https://elsewhere.example"],
                            cwd=REPO, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                            text=True, timeout=90)
    assert "wait for your OK in the window" in result.stderr and "were not queued" in result.stderr
    assert "Ignored beside a videoconduit:// link: --api-base https://elsewhere.example" in result.stderr
    assert sandbox.admin.posts_for_url(VIDEO) == 0 and downloaded(folders[1]) == []
