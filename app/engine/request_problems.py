"""The API's errors as the engine's model: the UI words a ``RequestProblem`` and never needs the
client's exception classes."""

from __future__ import annotations

from app.api import errors
from app.engine.model import RequestProblem, RequestProblemKind

_KINDS: tuple[tuple[type[errors.ApiError], RequestProblemKind], ...] = (
    (errors.InsufficientCreditsError, RequestProblemKind.CREDITS),
    (errors.UnauthorizedError, RequestProblemKind.KEY_INVALID),
    (errors.ForbiddenError, RequestProblemKind.KEY_FORBIDDEN),
    (errors.NotFoundError, RequestProblemKind.UNSUPPORTED),
    (errors.RateLimitedError, RequestProblemKind.RATE_LIMITED),
    (errors.UpstreamError, RequestProblemKind.UPSTREAM),
    (errors.TransportError, RequestProblemKind.NETWORK),
    (errors.ClientError, RequestProblemKind.REJECTED),
)


def request_problem(error: errors.ApiError) -> RequestProblem:
    kind = next((k for cls, k in _KINDS if isinstance(error, cls)), None)
    if kind is None:
        kind = RequestProblemKind.TROUBLE if error.retryable else RequestProblemKind.OTHER
    return RequestProblem(
        kind=kind,
        detail=error.detail,
        available=getattr(error, "available", None),
        retry_after=getattr(error, "retry_after", None),
        field_errors=tuple(f.describe() for f in getattr(error, "field_errors", ()) or ()),
    )
