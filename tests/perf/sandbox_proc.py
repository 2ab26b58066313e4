"""The sandbox in a child process of its own, so that serving bytes never competes with the
measured code for one interpreter's GIL — the same footing curl gets."""

from __future__ import annotations

import json
import os
import selectors
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT = 20.0


class SandboxProcess:
    """``python -m app.sandbox`` with the given options; a context manager."""

    def __init__(self, *, plan: str = "business", credits: int = 1_000_000, job_seconds: float = 0.2,
                 window_seconds: float = 60.0, link_ttl: float = 3600.0) -> None:
        self.args = [sys.executable, "-m", "app.sandbox", "--plan", plan, "--credits", str(credits),
                     "--job-seconds", str(job_seconds), "--window-seconds", str(window_seconds),
                     "--link-ttl", str(link_ttl)]
        self.process: subprocess.Popen[bytes] | None = None
        self.api_base = self.file_base = self.api_key = ""

    def __enter__(self) -> SandboxProcess:
        self.process = subprocess.Popen(self.args, cwd=REPO, stdout=subprocess.PIPE)
        assert self.process.stdout is not None
        found: dict[str, str] = {}
        text = ""
        deadline = time.monotonic() + START_TIMEOUT
        with selectors.DefaultSelector() as selector:
            selector.register(self.process.stdout, selectors.EVENT_READ)
            while "Press Ctrl+C" not in text:
                if time.monotonic() > deadline or not selector.select(deadline - time.monotonic()):
                    self.__exit__()
                    raise RuntimeError("the sandbox did not start in time")
                chunk = os.read(self.process.stdout.fileno(), 4096)
                if not chunk:
                    raise RuntimeError("the sandbox exited during start-up")
                text += chunk.decode()
        for line in text.splitlines():
            label, _, value = line.partition(": ")
            found[label] = value.strip()
        self.api_base = found["VideoConduit sandbox API"]
        self.file_base = found["Files"]
        self.api_key = found["API key"]
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stdout:
            self.process.stdout.close()
        self.process = None

    # -- plain HTTP helpers (urllib: nothing of the app's client is involved) -------------

    def _call(self, method: str, path: str, body: Any = None, auth: bool = False) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.api_base + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        if auth:
            request.add_header("Authorization", f"Bearer {self.api_key}")
        with urllib.request.urlopen(request, timeout=30) as reply:
            return json.loads(reply.read() or b"null")

    def admin(self, path: str, body: Any = None) -> Any:
        return self._call("POST" if body is not None else "GET", f"/_sandbox/{path}", body)

    def api_log(self) -> list[dict[str, Any]]:
        return self.admin("log?origin=api")

    def download_url(self, size: int, timeout: float = 60.0) -> str:
        """A finished job's file link for a file of ``size`` bytes (for the curl reference)."""
        job = self._call("POST", "/v1/download",
                         {"url": f"https://example.com/bench/reference?size={size}"}, auth=True)
        deadline = time.monotonic() + timeout
        while job["status"] != "completed":
            if time.monotonic() > deadline or job["status"] == "failed":
                raise RuntimeError(f"the reference job did not complete: {job}")
            time.sleep(0.2)
            job = self._call("GET", f"/v1/jobs/{job['job_id']}", auth=True)
        return str(job["download_url"])
