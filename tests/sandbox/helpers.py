"""Helpers for sandbox tests: submit a job, wait for a condition with a deadline."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

import httpx

T = TypeVar("T")
FINISHED = ("completed", "failed")


def wait_until(probe: Callable[[], T | None], timeout: float = 5.0, interval: float = 0.02) -> T:
    """Poll ``probe`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = probe()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s (last: {result!r})")
        time.sleep(interval)


def submit(api: httpx.Client, url: str, **fields: Any) -> dict[str, Any]:
    response = api.post("/v1/download", json={"url": url, **fields})
    assert response.status_code == 202, response.text
    return response.json()


def finished_job(api: httpx.Client, job_id: str, timeout: float = 5.0) -> dict[str, Any]:
    def probe() -> dict[str, Any] | None:
        job = api.get(f"/v1/jobs/{job_id}").json()
        return job if job["status"] in FINISHED else None

    return wait_until(probe, timeout)


def completed_job(api: httpx.Client, url: str, **fields: Any) -> dict[str, Any]:
    job = finished_job(api, submit(api, url, **fields)["job_id"])
    assert job["status"] == "completed", job
    return job
