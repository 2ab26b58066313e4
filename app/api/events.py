"""What the client tells its listeners (the engine) while it works: rate limits seen, waits
about to start, success after trouble. Each wait is announced before the client sleeps."""

from __future__ import annotations

from dataclasses import dataclass

from app.api.errors import ApiError
from app.api.models import RateLimitInfo


@dataclass(frozen=True)
class ClientEvent:
    """Base of everything the client announces."""


@dataclass(frozen=True)
class RateLimitObserved(ClientEvent):
    """A reply carried X-RateLimit-* headers (so also the plan)."""

    info: RateLimitInfo


@dataclass(frozen=True)
class RateLimitWait(ClientEvent):
    """Got 429: waiting exactly ``retry_after`` seconds, until ``until`` (Unix time)."""

    until: float
    retry_after: float


@dataclass(frozen=True)
class RetryScheduled(ClientEvent):
    """A 5xx, transport or malformed-reply failure: retrying after ``delay`` seconds."""

    attempt: int
    delay: float
    error: ApiError
    until: float


@dataclass(frozen=True)
class RequestSucceeded(ClientEvent):
    """A request got a 2xx reply: any "trouble" banner can go."""
