"""The one poller: errors are per job, and nothing stops it for good."""

from __future__ import annotations

import asyncio

import pytest

from app.api import errors
from app.api.models import Job, JobPage
from app.engine.watcher import JobGone, JobWatcher

pytestmark = pytest.mark.asyncio


def _job(job_id: str, status: str = "processing") -> Job:
    return Job.from_json({"job_id": job_id, "job_type": "download", "status": status})


class FlakyService:
    """A list that fails in a scripted way, then answers; single jobs answer from ``jobs``."""

    def __init__(self, list_failures: list[BaseException], jobs: dict[str, object]) -> None:
        self.list_failures = list_failures
        self.jobs = jobs

    async def list_jobs(self, limit: int = 20, cursor: str | None = None) -> JobPage:
        if self.list_failures:
            raise self.list_failures.pop(0)
        return JobPage(jobs=[j for j in self.jobs.values() if isinstance(j, Job)], next_cursor=None)

    async def get_job(self, job_id: str) -> Job:
        answer = self.jobs[job_id]
        if isinstance(answer, list):  # scripted: one answer per poll
            answer = answer.pop(0)
        if isinstance(answer, BaseException):
            raise answer
        return answer


async def _states(watcher: JobWatcher, *job_ids: str):
    return await asyncio.wait_for(
        asyncio.gather(*(watcher.next_state(j) for j in job_ids), return_exceptions=True), timeout=10)


async def test_a_bug_in_one_round_is_waited_out_and_the_next_round_runs():
    service = FlakyService([RuntimeError("a bug while reading the list")],
                           {"a": _job("a"), "b": _job("b", "completed")})
    watcher = JobWatcher(service)  # type: ignore[arg-type]
    a, b = await _states(watcher, "a", "b")
    assert (a.job_id, b.status.value) == ("a", "completed")
    await watcher.close()


async def test_one_gone_job_ends_only_its_own_wait():
    gone = errors.error_from_response(404, {}, b'{"detail": "Not Found"}')
    broken = errors.MalformedReplyError()
    service = FlakyService([errors.ServiceUnavailableError()] * 3,
                           {"a": _job("a"), "gone": gone, "c": _job("c", "completed")})
    watcher = JobWatcher(service)  # type: ignore[arg-type]
    a, lost, c = await _states(watcher, "a", "gone", "c")
    assert isinstance(lost, JobGone)
    assert a.job_id == "a" and c.status.value == "completed"
    # A job whose reply is unreadable is asked again next round, not failed.
    service.jobs["b"] = [broken, _job("b", "completed")]
    (b,) = await _states(watcher, "b")
    assert b.status.value == "completed" and service.jobs["b"] == []
    await watcher.close()


async def test_a_proxys_404_page_is_not_the_service_saying_the_job_is_gone():
    proxy_page = errors.error_from_response(404, {}, b"<html><body>404 Not Found</body></html>")
    service = FlakyService([], {"a": [proxy_page, _job("a", "completed")]})
    watcher = JobWatcher(service)  # type: ignore[arg-type]
    (a,) = await _states(watcher, "a")
    assert a.status.value == "completed"
    await watcher.close()
