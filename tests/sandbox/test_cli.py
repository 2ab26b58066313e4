"""``python -m app.sandbox`` prints where it listens and the key, serves, and stops on SIGTERM."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PREFIXES = ("VideoConduit sandbox API: ", "Files: ", "API key: ", "Buy credits: ")


def first_lines(stream, count: int, timeout: float) -> list[str]:
    """The first ``count`` lines, or fail after ``timeout`` seconds (without blocking forever)."""
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in stream], daemon=True).start()
    deadline = time.monotonic() + timeout
    return [lines.get(timeout=max(0.01, deadline - time.monotonic())) for _ in range(count)]


def test_cli_prints_the_urls_and_key_serves_and_stops_on_sigterm(http):
    command = [sys.executable, "-m", "app.sandbox", "--plan", "free", "--credits", "25", "--port", "0"]
    with subprocess.Popen(
        command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        try:
            lines = first_lines(process.stdout, len(PREFIXES), timeout=15)
            values = []
            for line, prefix in zip(lines, PREFIXES, strict=True):
                assert line.startswith(prefix), lines
                values.append(line.removeprefix(prefix).strip())
            api_base, file_base, key, billing = values
            assert api_base.startswith("http://127.0.0.1:")
            assert file_base.startswith("http://127.0.0.1:") and file_base != api_base
            assert key.startswith("vc_sandbox_") and billing == f"{api_base}/billing"

            response = http.get(f"{api_base}/v1/jobs", headers={"Authorization": f"Bearer {key}"})
            assert response.status_code == 200
            assert response.headers["X-RateLimit-Limit"] == "10"
            assert 'id="balance">25<' in http.get(billing).text
        finally:
            process.terminate()  # SIGTERM on POSIX
            returncode = process.wait(timeout=10)
        if os.name == "posix":
            assert returncode == 0, process.stderr.read()
