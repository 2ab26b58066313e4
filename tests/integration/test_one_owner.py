"""One process owns a queue: real `python -m app` processes on one data folder, real sockets, one
sandbox counting the POSTs (each would cost credits) — never two submits or two files for a link.

Waits are on conditions (a file appears, a process exits) with their own time limits."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.instance import EXIT_OWNER_DID_NOT_ANSWER, HAND_OFF_WAIT, TOKEN_BYTES, read_channel, send_frame
from app.sandbox import run_in_thread
from tests.integration.app_processes import REPO, Launch, app_env, common, owner, run, wait_for

pytestmark = pytest.mark.slow


@pytest.fixture
def sandbox():
    with run_in_thread(plan="business", credits=1000, job_seconds=1.0, default_size=50_000) as server:
        yield server


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    return tmp_path / "data", tmp_path / "files"


# The real entry point with an audit hook: every file opened, database connected and socket
# connected by the launch is written down, so "touched nothing" is seen, not assumed.
TRACED_LAUNCH = """
import json, os, sys
trace = open(os.environ["VIDEOCONDUIT_TRACE"], "w", buffering=1)
def hook(event, args):
    if event == "open":
        path = os.fsdecode(args[0]) if isinstance(args[0], (str, bytes)) else str(args[0])
        trace.write(json.dumps(["open", path]) + "\\n")
    elif event == "sqlite3.connect":
        trace.write(json.dumps(["sqlite3.connect", str(args[0])]) + "\\n")
    elif event == "socket.connect":
        address = list(args[1]) if isinstance(args[1], tuple) else str(args[1])
        trace.write(json.dumps(["socket.connect", address]) + "\\n")
sys.addaudithook(hook)
from app.main import main
sys.exit(main(sys.argv[1:]))
"""


def run_traced(sandbox, folders, trace: Path, *args: str,  # type: ignore[no-untyped-def]
               timeout: float = 90) -> tuple[subprocess.CompletedProcess[str], list[list]]:
    env = {**app_env(sandbox), "VIDEOCONDUIT_TRACE": str(trace)}
    result = subprocess.run([sys.executable, "-c", TRACED_LAUNCH, *args, *common(sandbox, folders)],
                            cwd=REPO, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                            text=True, timeout=timeout)
    return result, [json.loads(line) for line in trace.read_text().splitlines()]


def assert_touched_only_the_lock_and_channel(events: list[list], folders, channel_port: int) -> None:  # type: ignore[no-untyped-def]
    data, files = folders
    opened = {Path(path).name for kind, path in events
              if kind == "open" and path.startswith((str(data), str(files)))}
    assert opened <= {"videoconduit.sqlite3.lock", "videoconduit.sqlite3.channel"}, opened
    assert [e for e in events if e[0] == "sqlite3.connect"] == []
    connects = [e[1] for e in events if e[0] == "socket.connect"]
    assert connects and all(address == ["127.0.0.1", channel_port] for address in connects), connects


def queued_urls(data: Path) -> list[str]:
    with sqlite3.connect(f"file:{data / 'videoconduit.sqlite3'}?mode=ro", uri=True) as db:
        return [url for (url,) in db.execute("SELECT url FROM items ORDER BY id")]


def test_two_launches_at_once_submit_and_download_each_link_once(sandbox, folders, tmp_path):
    names = [f"together-{n}" for n in range(3)]
    urls = [f"https://example.com/watch/{name}" for name in names]
    args = ["--no-window", "--quit-when-done", *common(sandbox, folders), *urls]
    first = Launch(sandbox, args, tmp_path / "first.log")
    second = Launch(sandbox, args, tmp_path / "second.log")

    codes = [first.wait(), second.wait()]
    logs = [first.stderr, second.stderr]
    assert codes == [0, 0], logs
    handed = [log for log in logs if "already running" in log]
    assert len(handed) == 1, logs  # exactly one of them owned the queue
    assert f"already running for {folders[0]}: handed it 3 links (0 queued, 3 skipped)." in handed[0]
    assert "Finished: all completed" in next(log for log in logs if log not in handed)
    assert [sandbox.admin.posts_for_url(url) for url in urls] == [1, 1, 1]
    assert sorted(p.name for p in folders[1].iterdir()) == [f"{name}.mp4" for name in names]


def test_a_headless_launch_hands_its_link_to_the_window_that_owns_the_queue(sandbox, folders, tmp_path):
    url = "https://example.com/watch/for-the-window"
    with owner(sandbox, folders, tmp_path):  # the window, offscreen: no --no-window
        channel = read_channel(folders[0] / "videoconduit.sqlite3.channel")
        assert channel is not None
        result, events = run_traced(sandbox, folders, tmp_path / "trace.jsonl", "--no-window",
                                    "--quit-when-done", url)

        assert result.returncode == 0, result.stderr
        assert f"already running for {folders[0]}: handed it 1 link (1 queued)." in result.stderr
        assert_touched_only_the_lock_and_channel(events, folders, channel.port)
        # The window queued it: it submits and downloads it, once.
        wait_for(lambda: (folders[1] / "for-the-window.mp4").exists(), 60, "the window's download")
    assert sandbox.admin.posts_for_url(url) == 1


def test_after_the_owner_is_killed_the_next_launch_takes_the_queue_and_runs(sandbox, folders, tmp_path):
    url = "https://example.com/watch/after-a-kill"
    channel = folders[0] / "videoconduit.sqlite3.channel"
    with owner(sandbox, folders, tmp_path, "--no-window") as killed:
        stale = read_channel(channel)
        killed.process.kill()  # SIGKILL: no clean-up of any kind
        killed.wait(30)
    assert read_channel(channel) == stale  # left behind, as a crash leaves it

    result = run(sandbox, folders, "--no-window", "--quit-when-done", url)

    assert result.returncode == 0, result.stderr
    assert "already running" not in result.stderr
    assert "Finished: all completed" in result.stderr
    assert (folders[1] / "after-a-kill.mp4").exists()
    assert sandbox.admin.posts_for_url(url) == 1
    assert not channel.exists()  # the stale one was replaced, and the new owner removed its own


def test_a_hung_owner_makes_a_later_launch_exit_3_having_touched_nothing(sandbox, folders, tmp_path):
    url = "https://example.com/watch/while-hung"
    data = folders[0]
    with owner(sandbox, folders, tmp_path, "--no-window") as hung:
        channel = read_channel(data / "videoconduit.sqlite3.channel")
        assert channel is not None
        hung.process.send_signal(signal.SIGSTOP)
        before = {p: (p.stat().st_size, p.stat().st_mtime_ns) for p in data.rglob("*")}
        started = time.monotonic()

        result, events = run_traced(sandbox, folders, tmp_path / "trace.jsonl", "--no-window",
                                    "--quit-when-done", url, timeout=60)

        elapsed = time.monotonic() - started
        assert result.returncode == EXIT_OWNER_DID_NOT_ANSWER, result.stderr
        assert elapsed < HAND_OFF_WAIT + 10
        assert f"already running for {data}, but it did not answer" in result.stderr
        assert {p: (p.stat().st_size, p.stat().st_mtime_ns) for p in data.rglob("*")} == before
        assert_touched_only_the_lock_and_channel(events, folders, channel.port)
        assert not folders[1].exists() or not any(folders[1].iterdir())
        assert sandbox.admin.posts_for_url(url) == 0


def test_a_connection_without_the_token_is_refused_and_queues_nothing(sandbox, folders, tmp_path):
    refused, handed = "https://example.com/watch/no-token", "https://example.com/watch/with-token"
    with owner(sandbox, folders, tmp_path, "--no-window") as running:
        channel = read_channel(folders[0] / "videoconduit.sqlite3.channel")
        assert channel is not None
        reply = send_frame(channel.port, bytes(TOKEN_BYTES), refused, time.monotonic() + 10)
        assert reply == {"ok": False, "code": "token", "error": "wrong token"}

        result = run(sandbox, folders, "--no-window", handed)  # the real channel still works
        assert result.returncode == 0, result.stderr

        running.process.terminate()  # SIGTERM: the headless owner closes cleanly
        assert running.wait(30) == 0, running.stderr
    assert queued_urls(folders[0]) == [handed]
    assert sandbox.admin.posts_for_url(refused) == 0
    assert "wrong token" in (folders[0] / "logs" / "videoconduit.log").read_text()
    assert not (folders[0] / "videoconduit.sqlite3.channel").exists()
