"""One poller for every job the queue is waiting on.

Polling counts against the same per-minute budget as submitting. One ``GET /v1/jobs`` answers
for up to 100 jobs, so while several jobs are processing the watcher asks for the list once per
round instead of once per job; a lone job is polled directly. Jobs the list does not show (pushed
off the first page by other clients of the same key) are then polled one by one.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass

from app.api.client import VideoConduitClient
from app.api.errors import ApiError
from app.api.models import Job
from app.api.pacing import poll_interval

LIST_PAGE_MAX = 100


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
        while self._watches:
            round_start = self._clock()
            while True:
                youngest = min((self._clock() - w.since for w in self._watches.values()), default=0.0)
                delay = round_start + poll_interval(youngest) - self._clock()
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
                found = await self._poll(list(waiting))
            except ApiError as exc:
                for watch in waiting.values():
                    if not watch.future.done():
                        watch.future.set_exception(exc)
                continue
            for job_id, job in found.items():
                pending = waiting.get(job_id)
                if pending is not None and not pending.future.done():
                    pending.future.set_result(job)

    async def _poll(self, job_ids: list[str]) -> dict[str, Job]:
        found: dict[str, Job] = {}
        if len(job_ids) > 1:
            self.requests += 1
            page = await self._client.list_jobs(limit=min(LIST_PAGE_MAX, max(20, 2 * len(job_ids))))
            wanted = set(job_ids)
            found = {job.job_id: job for job in page.jobs if job.job_id in wanted}
        for job_id in job_ids:
            if job_id not in found:
                self.requests += 1
                found[job_id] = await self._client.get_job(job_id)
        return found
