"""P6·floor: the best any client of the documented contract can do, with none of the app's code.

It has the app's concurrency (a link's slot frees when its file is downloaded) and knows what
no real client knows: how long a job takes. So it polls only once its jobs must be done, and
it sends the moment the whole-second X-RateLimit-Reset passes, with no safety margin. What it
measures is the floor the contract sets: the request budget and the Reset's one-second grain.
Prints one JSON line: seconds, completed, polls.

    python -m tests.perf.p6_floor_child API_BASE API_KEY COUNT CONCURRENCY JOB_SECONDS
"""

from __future__ import annotations

import json
import sys
import time
import urllib.error
import urllib.request
from typing import Any

FILE_SIZE = 65_536


class FloorClient:
    def __init__(self, api_base: str, key: str) -> None:
        self.api_base = api_base
        self.key = key
        self.remaining = 1  # before the first reply: one request to learn the budget
        self.reset_at = 0.0

    def call(self, method: str, path: str, body: Any = None) -> Any:
        """One API request, sent only when the last reply's budget allows it."""
        if self.remaining <= 0:
            time.sleep(max(0.0, self.reset_at - time.time()))
        request = urllib.request.Request(
            self.api_base + path, method=method,
            data=json.dumps(body).encode() if body is not None else None,
            headers={"Authorization": f"Bearer {self.key}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as reply:
            self.remaining = int(reply.headers["X-RateLimit-Remaining"])
            self.reset_at = float(reply.headers["X-RateLimit-Reset"])
            return json.loads(reply.read())


def run(api_base: str, key: str, count: int, concurrency: int, job_seconds: float) -> dict:
    client = FloorClient(api_base, key)
    waiting = [f"https://example.com/bench/floor{n}?size={FILE_SIZE}" for n in range(count)]
    started = time.perf_counter()
    running: set[str] = set()
    completed = polls = 0
    last_submit = 0.0
    while waiting or running:
        if waiting and len(running) < concurrency:
            job = client.call("POST", "/v1/download", {"url": waiting.pop(0)})
            running.add(job["job_id"])
            last_submit = time.monotonic()
            continue
        time.sleep(max(0.0, last_submit + job_seconds - time.monotonic()))
        polls += 1
        for job in client.call("GET", "/v1/jobs?limit=100")["jobs"]:
            if job["job_id"] in running and job["status"] == "completed":
                with urllib.request.urlopen(job["download_url"], timeout=30) as file:
                    file.read()
                running.discard(job["job_id"])
                completed += 1
    return {"seconds": time.perf_counter() - started, "completed": completed, "polls": polls}


def main() -> None:
    api_base, key, count, concurrency, job_seconds = sys.argv[1:6]
    try:
        result = run(api_base, key, int(count), int(concurrency), float(job_seconds))
    except urllib.error.HTTPError as exc:  # a 429 here would mean the floor is not a floor
        result = {"error": exc.code}
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
