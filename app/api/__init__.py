"""The async VideoConduit API client. Imports no Qt and knows nothing of the sandbox."""

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
