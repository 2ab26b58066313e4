"""One poller for every job the queue is waiting on.

Polling counts against the same per-minute budget as submitting. One ``GET /v1/jobs`` answers
for up to 100 jobs, so while several jobs are processing the watcher asks for the list once per
round instead of once per job; a lone job is polled directly. Jobs the list does not show (pushed
off the first page by other clients of the same key) are then polled one by one.

Errors are per job: one job's 404/410 ends that job's wait alone (``JobGone``); a failed list
read or an unreadable job reply is waited out and asked again next round. Only a refused key
concerns every job. Nothing — not even a bug in one round — stops the poller.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from app.api.client import VideoConduitClient
from app.api.errors import ApiError, ForbiddenError, UnauthorizedError
from app.api.models import Job
from app.api.pacing import poll_interval

LIST_PAGE_MAX = 100
GONE_STATUSES = (404, 410)
MAX_ROUND_BACKOFF = 30.0

log = logging.getLogger("app.engine")


def job_is_gone(error: ApiError) -> bool:
    """The service itself (its documented error shape, not a proxy's page) says it no longer
    knows the job: a paid job is only given up on that word."""
    return error.status in GONE_STATUSES and error.documented


class JobGone(Exception):
    """The service no longer knows this job (404/410 on its id)."""


@dataclass
class _Watch:
    since: float
    future: asyncio.Future[Job]


class JobWatcher:
    def __init__(self, client: VideoConduitClient, clock: Callable[[], float] = time.monotonic) -> None:
        self._client = client
        self._clock = clock
        self._watches: dict[str, _Watch] = {}
        self._started: dict[str, float] = {}
        self._task: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()  # a new job may need a sooner round than the one planned
        self.requests = 0  # polls sent, for the benchmark of API economy

    async def next_state(self, job_id: str) -> Job:
        """The job as the service reports it at the next polling round."""
        future: asyncio.Future[Job] = asyncio.get_running_loop().create_future()
        since = self._started.setdefault(job_id, self._clock())
        self._watches[job_id] = _Watch(since, future)
        if self._task is None or self._task.done():
            self._task = asyncio.ensure_future(self._run())
        self._wake.set()
        try:
            job = await future
        finally:
            if self._watches.get(job_id) is not None and self._watches[job_id].future is future:
                del self._watches[job_id]
        if job.is_terminal:
            self._started.pop(job_id, None)
        return job

    def forget(self, job_id: str) -> None:
        self._started.pop(job_id, None)

    async def close(self) -> None:
        if self._task:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    async def _run(self) -> None:
        failures = 0
        while self._watches:
            round_start = self._clock()
            while True:
                youngest = min((self._clock() - w.since for w in self._watches.values()), default=0.0)
                pause = poll_interval(youngest) + min(MAX_ROUND_BACKOFF, 2.0 ** failures - 1)
                delay = round_start + pause - self._clock()
                self._wake.clear()
                if delay <= 0:
                    break
                try:
                    await asyncio.wait_for(self._wake.wait(), timeout=delay)
                except TimeoutError:
                    break
            waiting = {job_id: w for job_id, w in self._watches.items() if not w.future.done()}
            if not waiting:
                continue
            try:
                failures = 0 if await self._round(waiting) else failures + 1
            except asyncio.CancelledError:
                raise
            except Exception:  # a bug in one round must not stop every job's progress for good
                log.exception("job poll round failed; trying again")
                failures += 1

    async def _round(self, waiting: dict[str, _Watch]) -> bool:
        """One polling round; False when some read failed (the next round comes later)."""
        healthy = True
        found: dict[str, Job] = {}
        if len(waiting) > 1:
            try:
                self.requests += 1
                page = await self._client.list_jobs(limit=min(LIST_PAGE_MAX, max(20, 2 * len(waiting))))
                found = {job.job_id: job for job in page.jobs if job.job_id in waiting}
            except (UnauthorizedError, ForbiddenError) as exc:
                self._fail_all(waiting, exc)
                return False
            except ApiError as exc:
                log.info("job list unreadable this round (%s); asking job by job", type(exc).__name__)
                healthy = False
        for job_id in waiting:
            if job_id in found:
                continue
            try:
                self.requests += 1
                found[job_id] = await self._client.get_job(job_id)
            except (UnauthorizedError, ForbiddenError) as exc:
                self._fail_all(waiting, exc)
                return False
            except ApiError as exc:
                if job_is_gone(exc):
                    _settle(waiting[job_id].future, exception=JobGone(job_id))
                else:  # this job's reply alone was bad: ask again next round
                    log.info("job %s unreadable this round (%s)", job_id, type(exc).__name__)
                    healthy = False
        for job_id, job in found.items():
            _settle(waiting[job_id].future, result=job)
        return healthy

    @staticmethod
    def _fail_all(waiting: dict[str, _Watch], exc: ApiError) -> None:
        for watch in waiting.values():
            _settle(watch.future, exception=exc)


def _settle(future: asyncio.Future[Job], result: Job | None = None,
            exception: BaseException | None = None) -> None:
    if future.done():
        return
    if exception is not None:
        future.set_exception(exception)
    elif result is not None:
        future.set_result(result)
