"""A later launch hands its links to the window that owns the queue and exits; launches on another
data folder, or on the sandbox's queue, never meet this window.

The window owns its queue the way the composition root makes it (app.instance.claim_queue, then
QueueOwner.serve on the qasync loop with window.receive_links), and the later launches are the real
command line (`python -m app`) in other processes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.instance import QueueOwner, claim_queue

REPO = Path(__file__).resolve().parents[2]


def launch(*args: str) -> subprocess.Popen:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("VIDEOCONDUIT_API_KEY", None)
    return subprocess.Popen([sys.executable, "-m", "app", *args], cwd=REPO, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(process: subprocess.Popen, qtbot) -> str:
    """Spin Qt (so the window's loop serves the channel) until the launch exits; its stderr."""
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=30_000)
    return process.stderr.read()


@pytest.fixture
def window_owner(running_app):
    """The running window owning its queue and serving later launches, as app.main wires it."""
    owner = claim_queue(running_app.context.paths.database, [])
    assert isinstance(owner, QueueOwner)
    assert running_app.run(owner.serve(running_app.window.receive_links, kind="window")) is not None
    yield owner
    running_app.run(owner.stop_serving())
    owner.release()


def test_a_later_launch_hands_its_links_to_the_window(running_app, window_owner, qtbot):
    second = launch("--no-window", "--data-dir", str(running_app.data_dir),
                    "https://a.example/watch/1", "https://b.example/watch/2")

    err = finish(second, qtbot)
    assert second.returncode == 0, err
    assert f"already running for {running_app.data_dir}: handed it 2 links (2 queued)." in err
    assert [item.url for item in running_app.engine.items] == [
        "https://a.example/watch/1", "https://b.example/watch/2"]
    assert running_app.window.isVisible()
    assert running_app.window.status.currentMessage() == "Queued 2 links"


def test_an_empty_launch_just_brings_the_window_back(running_app, window_owner, qtbot):
    running_app.window.hide()
    second = launch("--data-dir", str(running_app.data_dir))

    err = finish(second, qtbot)
    assert second.returncode == 0, err
    assert "brought its window to the front" in err
    assert running_app.window.isVisible()
    assert running_app.engine.items == []


@pytest.mark.parametrize("elsewhere", ["another data folder", "the sandbox queue"])
def test_other_queues_are_other_owners(running_app, window_owner, tmp_path, qtbot, elsewhere):
    if elsewhere == "the sandbox queue":  # same folder, its own database: demo links stay demo
        args = ["--sandbox", "--data-dir", str(running_app.data_dir)]
    else:
        args = ["--api-base", running_app.sandbox.api_base, "--data-dir", str(tmp_path / "other")]
    second = launch("--no-window", "--quit-when-done", *args)  # nothing queued: done at once

    err = finish(second, qtbot)
    assert second.returncode == 0, err
    assert "already running" not in err and "Finished: all completed" in err
    assert running_app.engine.items == []
