"""Kill the real app (a subprocess) mid-download, start it again: one charge, bytes identical,
the file finished with a Range request. And the key never leaks to disk or the file host."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.engine.store import Store
from app.sandbox import run_in_thread
from tests.integration.app_processes import app_env
from tests.integration.engine_harness import job_sha256, sha256_of

pytestmark = pytest.mark.slow


def _app(sandbox, data: Path, downloads: Path, *urls: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "app", *_headless(sandbox, data, downloads), *urls],
        env=app_env(sandbox), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _headless(sandbox, data: Path, downloads: Path) -> list[str]:
    return ["--no-window", "--quit-when-done", "--api-base", sandbox.api_base,
            "--data-dir", str(data), "--download-dir", str(downloads)]


def _wait_for_partial(downloads: Path, at_least: int, timeout: float = 30.0) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        parts = [p for p in downloads.glob("*.part") if p.stat().st_size >= at_least]
        if parts:
            return parts[0]
        time.sleep(0.05)
    raise AssertionError(f"no .part file of {at_least} bytes appeared in {timeout} s")


def _all_bytes_under(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_killed_mid_download_resumes_with_one_charge_and_identical_bytes(tmp_path):
    url = "https://example.com/watch/long-film?size=3000000"
    data, downloads = tmp_path / "data", tmp_path / "downloads"
    with run_in_thread(plan="business", credits=10, job_seconds=0.2) as sandbox:
        sandbox.admin.file_faults(bytes_per_second=400_000)
        first = _app(sandbox, data, downloads, url)
        try:
            part = _wait_for_partial(downloads, 300_000)
        finally:
            first.send_signal(signal.SIGKILL)
            first.wait(10)
        kept = part.stat().st_size
        assert kept >= 300_000, "the partial file survives the kill"

        sandbox.admin.file_faults(bytes_per_second=0)
        second = _app(sandbox, data, downloads)  # no URL given: the queue remembers it
        out, err = second.communicate(timeout=60)
        assert second.returncode == 0, err

        files = [p for p in downloads.iterdir() if p.is_file()]
        assert [p.name for p in files] == ["long-film.mp4"], err
        job_ids = list({e["path"].rsplit("/", 1)[-1] for e in sandbox.admin.log("api")
                        if e["path"].startswith("/v1/jobs/")})
        assert len(job_ids) == 1
        assert sha256_of(files[0]) == job_sha256(sandbox, job_ids[0])
        assert files[0].stat().st_size == 3_000_000
        assert sandbox.admin.posts_for_url(url) == 1
        assert sandbox.admin.state()["credits"] == 8

        file_requests = sandbox.admin.log("files")
        ranges = [r["headers"].get("range") for r in file_requests if r["headers"].get("range")]
        assert ranges and int(ranges[-1].split("=")[1].rstrip("-")) >= kept - 1
        # The key goes only to the API: never to the file host, never to disk.
        for request in file_requests:
            assert "authorization" not in request["headers"]
            assert sandbox.api_key not in repr(request["headers"])
        assert sandbox.api_key.encode() not in _all_bytes_under(data)
        assert sandbox.api_key not in out + err


# `python -m app` with one moment of the move of a finished .part to its name cut short by
# os._exit (no handler, no flush, no store write: what SIGKILL leaves), at a place no outside
# timer can hit reliably.
KILLED_WHILE_MOVING = """
import os, sys
from app.engine import part_disk, pipeline

moment = sys.argv[1]
if moment == "before the link":  # the final name is recorded, nothing moved yet
    part_disk._place = lambda part, target: os._exit(137)
elif moment == "between link and unlink":  # the file has both names
    def _linked(part, target):
        os.link(part, target)
        os._exit(137)
    part_disk._place = _linked
elif moment == "after the history entry":  # written, the row not yet: neither may count
    from app.engine.store import Store
    _real_add = Store.add_history
    def _added(self, entry):
        _real_add(self, entry)
        os._exit(137)
    Store.add_history = _added
else:  # "after the move": the .part is gone, the row does not say "completed" yet
    _real_finalize = pipeline.finalize_part
    def _moved(*args, **kwargs):
        _real_finalize(*args, **kwargs)
        os._exit(137)
    pipeline.finalize_part = _moved
from app.main import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("moment", ["before the link", "between link and unlink", "after the move",
                                    "after the history entry"])
def test_killed_while_moving_the_finished_file_leaves_one_file_done_and_fetches_nothing_again(
        tmp_path, moment):
    url = "https://example.com/watch/short-film?size=400000"
    data, downloads = tmp_path / "data", tmp_path / "downloads"
    with run_in_thread(plan="business", credits=10, job_seconds=0.2) as sandbox:
        killed = subprocess.run(
            [sys.executable, "-c", KILLED_WHILE_MOVING, moment, *_headless(sandbox, data, downloads),
             url], env=app_env(sandbox), capture_output=True, text=True, timeout=60)
        assert killed.returncode == 137, killed.stderr
        fetched = len(sandbox.admin.log("files"))
        credits = sandbox.admin.state()["credits"]
        assert credits < 10, "the first run paid for the link"

        second = _app(sandbox, data, downloads)  # the queue remembers the link
        out, err = second.communicate(timeout=60)
        assert second.returncode == 0, err

        files = sorted(p.name for p in downloads.iterdir())
        assert files == ["short-film.mp4"], err  # no "short-film (1).mp4", no .part left
        job_ids = {e["path"].rsplit("/", 1)[-1] for e in sandbox.admin.log("api")
                   if e["path"].startswith("/v1/jobs/")}
        assert len(job_ids) == 1
        assert sha256_of(downloads / "short-film.mp4") == job_sha256(sandbox, job_ids.pop())
        assert sandbox.admin.posts_for_url(url) == 1
        assert sandbox.admin.state()["credits"] == credits  # the restart paid nothing
        if moment != "before the link":  # the whole file was on disk under its name
            assert len(sandbox.admin.log("files")) == fetched, "the finished file was fetched again"
        history = Store(data / "videoconduit.sqlite3").history()
        assert [(Path(h.file_path).name, h.size) for h in history] == [("short-film.mp4", 400_000)]
