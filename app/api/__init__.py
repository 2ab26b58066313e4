"""The async VideoConduit API client. Imports no Qt and knows nothing of the sandbox.

The names below load on first use (PEP 562): the window needs the models before its first paint,
and importing the client (httpx) then would delay it."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.api.client import DEFAULT_USER_AGENT, VideoConduitClient
    from app.api.errors import (
        ApiError,
        BadRequestError,
        ClientError,
        ConflictError,
        ForbiddenError,
        InsufficientCreditsError,
        MalformedReplyError,
        NotFoundError,
        RateLimitedError,
        ServerError,
        ServiceUnavailableError,
        TransportError,
        UnauthorizedError,
        UpstreamError,
        ValidationError,
        error_from_response,
        transport_error_from,
    )
    from app.api.events import (
        ClientEvent,
        RateLimitObserved,
        RateLimitWait,
        RequestSucceeded,
        RetryScheduled,
    )
    from app.api.models import (
        DownloadOptions,
        FieldError,
        Job,
        JobError,
        JobPage,
        JobStatus,
        Plan,
        RateLimitInfo,
    )
    from app.api.pacing import RequestPacer, backoff_delay, poll_interval

_WHERE = {
    "DEFAULT_USER_AGENT": "app.api.client",
    "VideoConduitClient": "app.api.client",
    "ApiError": "app.api.errors",
    "BadRequestError": "app.api.errors",
    "ClientError": "app.api.errors",
    "ConflictError": "app.api.errors",
    "ForbiddenError": "app.api.errors",
    "InsufficientCreditsError": "app.api.errors",
    "MalformedReplyError": "app.api.errors",
    "NotFoundError": "app.api.errors",
    "RateLimitedError": "app.api.errors",
    "ServerError": "app.api.errors",
    "ServiceUnavailableError": "app.api.errors",
    "TransportError": "app.api.errors",
    "UnauthorizedError": "app.api.errors",
    "UpstreamError": "app.api.errors",
    "ValidationError": "app.api.errors",
    "error_from_response": "app.api.errors",
    "transport_error_from": "app.api.errors",
    "ClientEvent": "app.api.events",
    "RateLimitObserved": "app.api.events",
    "RateLimitWait": "app.api.events",
    "RequestSucceeded": "app.api.events",
    "RetryScheduled": "app.api.events",
    "DownloadOptions": "app.api.models",
    "FieldError": "app.api.models",
    "Job": "app.api.models",
    "JobError": "app.api.models",
    "JobPage": "app.api.models",
    "JobStatus": "app.api.models",
    "Plan": "app.api.models",
    "RateLimitInfo": "app.api.models",
    "RequestPacer": "app.api.pacing",
    "backoff_delay": "app.api.pacing",
    "poll_interval": "app.api.pacing",
}

__all__ = [
    "DEFAULT_USER_AGENT", "VideoConduitClient",
    "ApiError", "BadRequestError", "ClientError", "ConflictError", "ForbiddenError",
    "InsufficientCreditsError", "MalformedReplyError", "NotFoundError", "RateLimitedError",
    "ServerError", "ServiceUnavailableError", "TransportError", "UnauthorizedError",
    "UpstreamError", "ValidationError", "error_from_response", "transport_error_from",
    "ClientEvent", "RateLimitObserved", "RateLimitWait", "RequestSucceeded", "RetryScheduled",
    "DownloadOptions", "FieldError", "Job", "JobError", "JobPage", "JobStatus", "Plan",
    "RateLimitInfo",
    "RequestPacer", "backoff_delay", "poll_interval",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(importlib.import_module(_WHERE[name]), name)
        globals()[name] = value
        return value
    if name in ("errors", "models", "events", "pacing", "client", "transport"):
        return importlib.import_module(f"app.api.{name}")
    raise AttributeError(f"module 'app.api' has no attribute {name!r}")
