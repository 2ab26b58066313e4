"""A sandbox in a thread, the app's folders, and the native host as browsers start it."""

from __future__ import annotations

import json
import struct
import subprocess
import time
from pathlib import Path

import pytest

from app.browser import manifests
from tests.integration.app_processes import REPO, app_env


@pytest.fixture
def sandbox():
    from app.sandbox import run_in_thread

    with run_in_thread(plan="business", credits=1000, job_seconds=0.5, default_size=50_000) as server:
        yield server


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    return tmp_path / "data", tmp_path / "files"


def host_env(sandbox, folders) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """What the browser passes on to the host (and the host to an app it starts): the test's data
    folder and service, through the environment, as browsers give no other way."""
    data, files = folders
    return {**app_env(sandbox), "VIDEOCONDUIT_DATA_DIR": str(data),
            "VIDEOCONDUIT_API_BASE": sandbox.api_base}


def host_command() -> list[str]:
    """The program a host manifest names: this checkout's `videoconduit-desktop` entry point."""
    return [manifests.own_executable()]


def frame(message: object) -> bytes:
    body = json.dumps(message).encode("utf-8")
    return struct.pack("=I", len(body)) + body


def unframe(data: bytes) -> list[dict]:
    replies = []
    while data:
        (length,) = struct.unpack("=I", data[:4])
        replies.append(json.loads(data[4 : 4 + length]))
        data = data[4 + length :]
    return replies


def ask_host(env: dict[str, str], *messages: object, timeout: float = 60) -> tuple[list[dict], float]:
    """Run the host as Chromium does (our origin as its argument), send `messages`, close its
    stdin; (its replies, seconds from start to exit)."""
    started = time.perf_counter()
    result = subprocess.run([*host_command(), f"chrome-extension://{manifests.EXTENSION_ID}/"],
                            input=b"".join(frame(m) for m in messages), capture_output=True,
                            env=env, cwd=REPO, timeout=timeout)
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stderr.decode()
    return unframe(result.stdout), elapsed


def downloaded(files: Path) -> list[str]:
    """Finished files in the download folder (what a person finds there)."""
    if not files.exists():
        return []
    return sorted(p.name for p in files.iterdir() if p.is_file() and not p.name.endswith(".part")
                  and not p.name.startswith("."))

