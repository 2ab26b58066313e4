"""What the VideoConduit API sends and receives, as frozen dataclasses with tolerant parsing.

Parsing never trusts the shape of a reply beyond what the documentation promises: unknown keys
are ignored, missing optional fields become None, values of the wrong type become None, and
unknown status strings mean "still running".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import Enum, StrEnum
from typing import Any

from app.api._coerce import as_datetime, as_float, as_int, as_str, header
from app.api.prices import AUDIO_ONLY_CREDITS, VIDEO_CREDITS


class JobStatus(StrEnum):
    QUEUED = "queued"
    PROCESSING = "processing"
    COMPLETED = "completed"
    FAILED = "failed"
    UNKNOWN = "unknown"

    @classmethod
    def parse(cls, raw: object) -> JobStatus:
        if not isinstance(raw, str):
            return cls.UNKNOWN
        return _STATUS_ALIASES.get(raw.strip().lower(), cls.UNKNOWN)


_STATUS_ALIASES = {
    "queued": JobStatus.QUEUED,
    "pending": JobStatus.QUEUED,
    "processing": JobStatus.PROCESSING,
    "running": JobStatus.PROCESSING,
    "in_progress": JobStatus.PROCESSING,
    "completed": JobStatus.COMPLETED,
    "complete": JobStatus.COMPLETED,
    "done": JobStatus.COMPLETED,
    "succeeded": JobStatus.COMPLETED,
    "failed": JobStatus.FAILED,
    "error": JobStatus.FAILED,
    "cancelled": JobStatus.FAILED,
    "canceled": JobStatus.FAILED,
    "expired": JobStatus.FAILED,
}


@dataclass(frozen=True)
class FieldError:
    """One entry of a 422 reply's detail list."""

    loc: tuple[str | int, ...]
    msg: str
    type: str

    def describe(self) -> str:
        """"url: field required" — the leading "body" says nothing to a user."""
        loc = self.loc[1:] if self.loc[:1] == ("body",) else self.loc
        where = ".".join(str(part) for part in loc)
        return f"{where}: {self.msg}" if where else self.msg

    @classmethod
    def from_json(cls, data: object) -> FieldError | None:
        if not isinstance(data, dict):
            return None
        raw_loc = data.get("loc")
        loc: tuple[str | int, ...] = ()
        if isinstance(raw_loc, list | tuple):
            loc = tuple(p for p in raw_loc if isinstance(p, str | int) and not isinstance(p, bool))
        elif isinstance(raw_loc, str):
            loc = (raw_loc,)
        msg = as_str(data.get("msg")) or "invalid value"
        return cls(loc=loc, msg=msg, type=as_str(data.get("type")) or "")


@dataclass(frozen=True)
class JobError:
    """Why a job failed: the same {detail, code} shape as an HTTP error."""

    detail: str
    code: str | None

    @classmethod
    def from_json(cls, data: object) -> JobError | None:
        if isinstance(data, str) and data:
            return cls(detail=data, code=None)
        if not isinstance(data, dict):
            return None
        detail = as_str(data.get("detail")) or as_str(data.get("message")) or "The job failed"
        return cls(detail=detail, code=as_str(data.get("code")))


@dataclass(frozen=True)
class Job:
    job_id: str
    status: JobStatus
    raw_status: str
    job_type: str | None = None
    url: str | None = None
    progress: float | None = None
    created_at: datetime | None = None
    completed_at: datetime | None = None
    credits_used: int | None = None
    error: JobError | None = None
    download_url: str | None = None
    filename: str | None = None
    file_size: int | None = None
    expires_at: datetime | None = None

    @property
    def is_terminal(self) -> bool:
        return self.status in (JobStatus.COMPLETED, JobStatus.FAILED)

    @property
    def is_completed(self) -> bool:
        return self.status is JobStatus.COMPLETED

    @property
    def is_failed(self) -> bool:
        return self.status is JobStatus.FAILED

    @classmethod
    def from_json(cls, data: object) -> Job:
        from app.api.errors import MalformedReplyError

        if not isinstance(data, dict):
            raise MalformedReplyError("The server's reply is not a job")
        job_id = data.get("job_id")
        if isinstance(job_id, int) and not isinstance(job_id, bool):
            job_id = str(job_id)
        if not isinstance(job_id, str) or not job_id.strip():
            raise MalformedReplyError("The server's reply has no job id")
        raw_status = data.get("status")
        raw_status = raw_status if isinstance(raw_status, str) else ""
        file_size = as_int(data.get("file_size"))
        return cls(
            job_id=job_id.strip(),
            status=JobStatus.parse(raw_status),
            raw_status=raw_status,
            job_type=as_str(data.get("job_type")),
            url=as_str(data.get("url")),
            progress=as_float(data.get("progress")),
            created_at=as_datetime(data.get("created_at")),
            completed_at=as_datetime(data.get("completed_at")),
            credits_used=as_int(data.get("credits_used")),
            error=JobError.from_json(data.get("error")),
            download_url=as_str(data.get("download_url")),
            filename=as_str(data.get("filename")),
            file_size=file_size if file_size is not None and file_size >= 0 else None,
            expires_at=as_datetime(data.get("expires_at")),
        )


@dataclass(frozen=True)
class JobPage:
    jobs: list[Job]
    next_cursor: str | None

    @classmethod
    def from_json(cls, data: object) -> JobPage:
        """Entries without a job id are skipped: one odd job must not hide the others."""
        from app.api.errors import MalformedReplyError

        if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
            raise MalformedReplyError("The server's reply is not a list of jobs")
        jobs = []
        for entry in data["jobs"]:
            try:
                jobs.append(Job.from_json(entry))
            except MalformedReplyError:
                continue
        return cls(jobs=jobs, next_cursor=as_str(data.get("next_cursor")))


class Plan(Enum):
    # value: (requests per minute, label, credits per month)
    FREE = (10, "Free", 25)
    STARTER = (60, "Starter", 1_000)
    PRO = (200, "Pro", 2_000)
    GROWTH = (500, "Growth", 10_000)
    BUSINESS = (1000, "Business", 35_000)
    UNKNOWN = (None, "Unknown plan", None)

    @classmethod
    def from_limit(cls, limit: int | None) -> Plan:
        """The plan follows from X-RateLimit-Limit: there is no documented plan endpoint."""
        for plan in cls:
            if limit is not None and plan.requests_per_minute == limit:
                return plan
        return cls.UNKNOWN

    @property
    def requests_per_minute(self) -> int | None:
        return self.value[0]

    @property
    def label(self) -> str:
        return self.value[1]

    @property
    def monthly_credits(self) -> int | None:
        return self.value[2]


@dataclass(frozen=True)
class RateLimitInfo:
    limit: int | None
    remaining: int | None
    reset_at: float | None  # Unix time at which the server's window resets
    observed_at: float  # local time.time() when the headers were read

    @property
    def plan(self) -> Plan:
        return Plan.from_limit(self.limit)

    @classmethod
    def from_headers(
        cls, headers: Mapping[str, str], now: float, service_offset: float = 0.0
    ) -> RateLimitInfo | None:
        """``service_offset`` (the service's clock minus ours) turns the service's reset time
        into ours, so a wrong local clock does not stretch or skip a window."""
        raw = [header(headers, f"X-RateLimit-{name}") for name in ("Limit", "Remaining", "Reset")]
        if all(value is None for value in raw):
            return None
        limit, remaining, reset_at = as_int(raw[0]), as_int(raw[1]), as_float(raw[2])
        return cls(
            limit=limit if limit is not None and limit > 0 else None,
            remaining=max(remaining, 0) if remaining is not None else None,
            reset_at=reset_at - service_offset if reset_at is not None else None,
            observed_at=now,
        )


@dataclass(frozen=True)
class DownloadOptions:
    format: str | None = None
    quality: str | None = None
    audio_only: bool = False

    @property
    def credit_cost(self) -> int:
        """Our ⚑ choice (the docs say 1–2): audio-only costs 1 credit, video 2."""
        return AUDIO_ONLY_CREDITS if self.audio_only else VIDEO_CREDITS

    def to_json(self) -> dict[str, Any]:
        """The request fields, only those that are set, so the service applies its defaults."""
        body: dict[str, Any] = {}
        if self.format:
            body["format"] = self.format
        if self.quality:
            body["quality"] = self.quality
        if self.audio_only:
            body["audio_only"] = True
        return body

    def to_dict(self) -> dict[str, Any]:
        return {"format": self.format, "quality": self.quality, "audio_only": self.audio_only}

    @classmethod
    def from_dict(cls, data: object) -> DownloadOptions:
        if not isinstance(data, dict):
            return cls()
        return cls(
            format=as_str(data.get("format")),
            quality=as_str(data.get("quality")),
            audio_only=data.get("audio_only") is True,
        )
