"""Download jobs: their lifecycle (a pure function of elapsed monotonic time), the store, and
paging. Nothing runs in the background: a job's status is computed whenever someone looks.

Nothing here locks: the caller holds ``SandboxState.lock`` around every use.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import uuid
from dataclasses import dataclass, field
from typing import Any

QUEUED_SHARE = 0.2  # queued for the first 20 % of the job's duration
FAIL_SHARE = 0.6  # a failing job fails at 60 % of its duration

UPSTREAM_ERROR = {"detail": "The video platform returned an error", "code": "upstream_error"}


@dataclass
class Job:
    job_id: str
    seq: int
    url: str
    container: str
    quality: str
    audio_only: bool
    credits: int
    size: int
    filename: str
    fails: bool
    created_mono: float
    created_wall: float
    duration: float
    sha256: str | None = None  # set once the file's digest is known; completion waits for it
    hashed_mono: float = 0.0
    refunded: bool = False

    @property
    def ends_mono(self) -> float:
        """When the job leaves 'processing' (if its digest is ready by then)."""
        share = FAIL_SHARE if self.fails else 1.0
        return self.created_mono + share * self.duration

    def _progress_at(self, moment: float) -> int:
        queued_for = QUEUED_SHARE * self.duration
        span = max(self.duration - queued_for, 1e-9)
        return max(0, min(99, int(100 * (moment - self.created_mono - queued_for) / span)))

    def phase(self, now: float) -> tuple[str, int]:
        """(status, progress) at monotonic time ``now``."""
        if now - self.created_mono < QUEUED_SHARE * self.duration:
            return "queued", 0
        if now >= self.ends_mono:
            if self.fails:
                return "failed", self._progress_at(self.ends_mono)
            if self.sha256 is not None:
                return "completed", 100
        return "processing", self._progress_at(now)

    def finished_mono(self) -> float:
        return self.ends_mono if self.fails else max(self.ends_mono, self.hashed_mono)


@dataclass
class JobStore:
    jobs: list[Job] = field(default_factory=list)  # in creation order; seq is the index
    by_id: dict[str, Job] = field(default_factory=dict)
    fail_next: int = 0  # the next N accepted jobs fail (admin)
    _unrefunded_failures: list[Job] = field(default_factory=list)

    def create(self, *, fails: bool, **fields: Any) -> Job:
        """A new job from Job's remaining fields; it fails if asked to or if the admin queued a
        failure."""
        if self.fail_next > 0:
            self.fail_next -= 1
            fails = True
        job = Job(job_id=str(uuid.uuid4()), seq=len(self.jobs), fails=fails, **fields)
        self.jobs.append(job)
        self.by_id[job.job_id] = job
        if fails:
            self._unrefunded_failures.append(job)
        return job

    def get(self, job_id: str) -> Job | None:
        return self.by_id.get(job_id)

    def due_refunds(self, now: float) -> int:
        """Credits of the jobs that have failed by ``now`` and were not given back yet."""
        due = [job for job in self._unrefunded_failures if job.phase(now)[0] == "failed"]
        for job in due:
            job.refunded = True
            self._unrefunded_failures.remove(job)
        return sum(job.credits for job in due)

    def count_created_before(self, moment: float) -> int:
        """How many jobs were created at or before monotonic ``moment``: they are the first ones,
        since jobs are stored in creation order."""
        return bisect.bisect_right(self.jobs, moment, key=lambda job: job.created_mono)

    def page(
        self, limit: int, cursor: str | None, visible: int | None = None
    ) -> tuple[list[Job], str | None]:
        """Newest first among the first ``visible`` jobs (default: all). The cursor is opaque to
        clients: the seq of the next job, encoded. Raises ValueError for a cursor this store did
        not hand out."""
        newest = len(self.jobs) if visible is None else visible
        start = newest - 1 if cursor is None else decode_cursor(cursor, len(self.jobs))
        page = [self.jobs[seq] for seq in range(start, max(-1, start - limit), -1)]
        next_seq = start - limit
        return page, (encode_cursor(next_seq) if next_seq >= 0 else None)


def encode_cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(f"job:{seq}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str, job_count: int) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        prefix, _, number = text.partition(":")
        seq = int(number)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise ValueError("invalid cursor") from None
    if prefix != "job" or not 0 <= seq < job_count:
        raise ValueError("invalid cursor")
    return seq
