"""Real `python -m app` processes for tests: the environment, a long-running owner of a data
folder's queue, and one-shot launches. Shared by the one-owner and browser hand-off tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from app.instance import read_channel

REPO = Path(__file__).resolve().parents[2]


def app_env(sandbox) -> dict[str, str]:  # type: ignore[no-untyped-def]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "VIDEOCONDUIT_API_KEY": sandbox.api_key}
    env.pop("VIDEOCONDUIT_API_BASE", None)
    return env


def common(sandbox, folders) -> list[str]:  # type: ignore[no-untyped-def]
    data, files = folders
    return ["--api-base", sandbox.api_base, "--data-dir", str(data), "--download-dir", str(files)]


class Launch:
    """One `python -m app` process; its stderr goes to a file (a long-lived owner never blocks)."""

    def __init__(self, sandbox, args: list[str], log: Path) -> None:  # type: ignore[no-untyped-def]
        self.log = log
        with open(log, "w") as err:
            self.process = subprocess.Popen([sys.executable, "-m", "app", *args], cwd=REPO,
                                            env=app_env(sandbox), stdin=subprocess.DEVNULL,
                                            stdout=subprocess.DEVNULL, stderr=err)

    @property
    def stderr(self) -> str:
        return self.log.read_text()

    def wait(self, timeout: float = 90) -> int:
        return self.process.wait(timeout=timeout)


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.05)


@contextmanager
def owner(sandbox, folders, tmp_path: Path, *extra: str) -> Iterator[Launch]:  # type: ignore[no-untyped-def]
    """A long-running owner of the folder's queue (headless unless told), up and serving."""
    launch = Launch(sandbox, [*extra, *common(sandbox, folders)], tmp_path / "owner.log")
    channel = folders[0] / "videoconduit.sqlite3.channel"

    def serving() -> bool:
        if launch.process.poll() is not None:
            pytest.fail(f"the owner exited with {launch.process.returncode}:\n{launch.stderr}")
        return read_channel(channel) is not None

    try:
        wait_for(serving, 60, "the owner's hand-off channel")
        yield launch
    finally:
        if launch.process.poll() is None:
            launch.process.send_signal(signal.SIGCONT)
            launch.process.terminate()
        try:
            launch.wait(30)
        except subprocess.TimeoutExpired:
            launch.process.kill()
            launch.wait(10)


def run(sandbox, folders, *args: str, timeout: float = 90) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run([sys.executable, "-m", "app", *args, *common(sandbox, folders)], cwd=REPO,
                          env=app_env(sandbox), stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, timeout=timeout)
