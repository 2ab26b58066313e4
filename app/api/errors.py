"""One exception type per documented error, built in one place: error_from_response.

The status code decides the class; the body's ``code`` only refines it (kept as ``.code``).
Bodies are read tolerantly: the documented examples differ from each other (some have no
``code``, 422 has a list as ``detail``), and in real life a proxy may answer with an HTML page,
an empty body or truncated JSON. Then ``detail`` is a short generic text — never the raw body,
which could be a whole HTML page.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from typing import TypedDict, Unpack

import httpx

from app.api._coerce import as_float, as_http_date, as_int, as_str, header
from app.api.models import FieldError

DEFAULT_RETRY_AFTER = 5.0  # the documentation's own example falls back to 5 s
MAX_RETRY_AFTER = 3600.0  # a larger value is more likely junk than a real instruction
MAX_DETAIL_CHARS = 500


class ErrorContext(TypedDict, total=False):
    """Where an error came from, common to every HTTP error."""

    status: int | None
    code: str | None
    headers: Mapping[str, str] | None


class ApiError(Exception):
    """An error from the VideoConduit API or from the way to it. ``str()`` is the detail."""

    status_code: int | None = None  # the status this class stands for
    default_detail = "The VideoConduit service reported an error"
    retryable = False

    def __init__(
        self,
        detail: str | None = None,
        *,
        status: int | None = None,
        code: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.detail = detail or self.default_detail
        self.status = status if status is not None else self.status_code
        self.code = code
        self.headers: dict[str, str] = dict(headers or {})
        # True when the body had the documented error shape (a JSON object with a detail): the
        # service itself answered, not a gateway or proxy in front of it.
        self.documented = False
        super().__init__(self.detail)

    def __str__(self) -> str:
        return self.detail

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status}, code={self.code!r}, {self.detail!r})"


class ClientError(ApiError):
    """A 4xx without a class of its own: the request itself is wrong; retrying cannot help."""

    default_detail = "The service refused the request"


class BadRequestError(ClientError):
    status_code = 400
    default_detail = "The service rejected the request as invalid"


class UnauthorizedError(ClientError):
    status_code = 401
    default_detail = "Invalid or missing API key"


class InsufficientCreditsError(ClientError):
    status_code = 402
    default_detail = "Insufficient credits"

    def __init__(
        self, detail: str | None = None, *, required: int | None = None,
        available: int | None = None, **context: Unpack[ErrorContext],
    ) -> None:
        super().__init__(detail, **context)
        self.required = required
        self.available = available


class ForbiddenError(ClientError):
    status_code = 403
    default_detail = "The API key is deactivated or lacks permission"


class NotFoundError(ClientError):
    status_code = 404
    default_detail = "Not found: the site may be unsupported or the video unavailable"


class ConflictError(ClientError):
    status_code = 409
    default_detail = "The resource already exists"


class ValidationError(ClientError):
    status_code = 422
    default_detail = "The request failed validation"

    def __init__(
        self, detail: str | None = None, *, field_errors: list[FieldError] | None = None,
        **context: Unpack[ErrorContext],
    ) -> None:
        self.field_errors = list(field_errors or [])
        if detail is None and self.field_errors:
            detail = "; ".join(error.describe() for error in self.field_errors)
        super().__init__(detail, **context)


class RateLimitedError(ClientError):
    status_code = 429
    default_detail = "Rate limit exceeded"

    def __init__(
        self, detail: str | None = None, *, retry_after: float = DEFAULT_RETRY_AFTER,
        **context: Unpack[ErrorContext],
    ) -> None:
        super().__init__(detail, **context)
        self.retry_after = retry_after


class ServerError(ApiError):
    """A 5xx: the trouble is on the service's side; retry with backoff."""

    status_code = 500
    default_detail = "The VideoConduit service had an internal error"
    retryable = True


class UpstreamError(ServerError):
    status_code = 502
    default_detail = "The video platform or a gateway returned an error"


class ServiceUnavailableError(ServerError):
    status_code = 503
    default_detail = "The VideoConduit service is temporarily unavailable"


class TransportError(ApiError):
    """No HTTP answer: connection refused, timeout, connection dropped.

    ``maybe_delivered`` is False only when the request certainly never reached the server
    (connect error, connect timeout), so that even a charging POST may safely be sent again.
    """

    default_detail = "Could not reach the VideoConduit service"
    retryable = True

    def __init__(self, detail: str | None = None, *, maybe_delivered: bool = True) -> None:
        super().__init__(detail)
        self.maybe_delivered = maybe_delivered


class InsecureServiceError(TransportError):
    """Not sent at all: the service address is not https:// (nor this computer), and the API
    key does not travel in clear. Retrying cannot help; the address must change."""

    default_detail = "The service address must start with https://"
    retryable = False

    def __init__(self, detail: str | None = None) -> None:
        super().__init__(detail, maybe_delivered=False)


class MalformedReplyError(ApiError):
    """A 2xx whose body is not the JSON we expect, or any reply we cannot read at all."""

    default_detail = "The service sent a reply that could not be read"
    retryable = True


class ReplyTooLargeError(MalformedReplyError):
    """A reply body over the client's cap (1 MiB): no VideoConduit answer is that large, so it
    is someone else's page (a proxy's, a portal's) or a hostile one. Reading stopped at the cap."""

    default_detail = "The service sent a reply far larger than any VideoConduit answer"


_CLASS_BY_STATUS: dict[int, type[ApiError]] = {
    cls.status_code: cls
    for cls in (
        BadRequestError, UnauthorizedError, InsufficientCreditsError, ForbiddenError,
        NotFoundError, ConflictError, ValidationError, RateLimitedError, ServerError,
        UpstreamError, ServiceUnavailableError,
    )
    if cls.status_code is not None
}


def error_class_for(status: int) -> type[ApiError]:
    if status in _CLASS_BY_STATUS:
        return _CLASS_BY_STATUS[status]
    if 400 <= status < 500:
        return ClientError
    if status >= 500:
        return ServerError
    return ApiError  # a redirect or other surprise: we never follow redirects with the key


def error_from_response(
    status: int, headers: Mapping[str, str], body: bytes, *, now: float | None = None
) -> ApiError:
    """Build the error for a non-2xx answer. Never raises; ``now`` is for HTTP-date tests."""
    error = _build_error(status, headers, body, now)
    error.documented = "detail" in _json_object(body)
    return error


def _build_error(status: int, headers: Mapping[str, str], body: bytes, now: float | None) -> ApiError:
    cls = error_class_for(status)
    payload = _json_object(body)
    context: ErrorContext = {"status": status, "code": as_str(payload.get("code")),
                             "headers": headers}
    detail = _short_text(payload.get("detail")) or _generic_detail(cls, status)
    if cls is InsufficientCreditsError:
        return InsufficientCreditsError(
            detail, required=as_int(payload.get("required")),
            available=as_int(payload.get("available")), **context,
        )
    if cls is ValidationError:
        raw = payload.get("detail")
        items = raw if isinstance(raw, list) else []
        field_errors = [error for error in map(FieldError.from_json, items) if error]
        # A list detail is described by its field errors, not dumped as JSON.
        text = None if field_errors else detail
        return ValidationError(text, field_errors=field_errors, **context)
    if cls is RateLimitedError:
        retry_after = _retry_after(headers, payload, time.time() if now is None else now)
        return RateLimitedError(detail, retry_after=retry_after, **context)
    return cls(detail, **context)


def _generic_detail(cls: type[ApiError], status: int) -> str:
    if cls.status_code == status:
        return cls.default_detail
    if cls is ApiError:
        return f"The service answered with an unexpected HTTP {status}"
    return f"{cls.default_detail} (HTTP {status})"


def _json_object(body: bytes) -> dict:
    """The body as a JSON object, or {} for HTML, empty, truncated or non-object bodies."""
    try:
        parsed = json.loads(body.decode("utf-8")) if body else None
    except (UnicodeDecodeError, ValueError, RecursionError):
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _short_text(value: object) -> str | None:
    text = value if isinstance(value, str) else None
    if isinstance(value, list | dict) and value:
        try:
            text = json.dumps(value, ensure_ascii=False)
        except (ValueError, RecursionError):
            text = None
    text = " ".join(text.split()) if text else None
    if text and len(text) > MAX_DETAIL_CHARS:
        text = text[: MAX_DETAIL_CHARS - 1] + "…"
    return text or None


def _retry_after(headers: Mapping[str, str], payload: dict, now: float) -> float:
    """Retry-After header (seconds or HTTP date) wins over the body's retry_after; else 5 s."""
    for candidate in (_header_retry_after(header(headers, "Retry-After"), now),
                      as_float(payload.get("retry_after"))):
        if candidate is not None:
            return min(max(candidate, 0.0), MAX_RETRY_AFTER)
    return DEFAULT_RETRY_AFTER


def _header_retry_after(value: str | None, now: float) -> float | None:
    if value is None:
        return None
    seconds = as_float(value)
    if seconds is not None:
        return seconds
    when = as_http_date(value)
    return None if when is None else when - now


def transport_error_from(exc: httpx.TransportError) -> TransportError:
    """Whether the request may have reached the server decides whether a POST may be resent."""
    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout
                  | httpx.UnsupportedProtocol):
        return TransportError("Could not connect to the VideoConduit service",
                              maybe_delivered=False)
    if isinstance(exc, httpx.TimeoutException):
        return TransportError("The VideoConduit service did not answer in time")
    return TransportError("The connection to the VideoConduit service broke off")
