"""error_from_response: every example of the documented error page, and what real life adds."""

import json
from datetime import UTC, datetime
from email.utils import format_datetime

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.api.errors import (
    DEFAULT_RETRY_AFTER,
    ApiError,
    BadRequestError,
    ClientError,
    ConflictError,
    ForbiddenError,
    InsufficientCreditsError,
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
from app.api.models import FieldError


def build(status: int, body: object = None, headers: dict | None = None, raw: bytes | None = None):
    payload = raw if raw is not None else json.dumps(body).encode()
    return error_from_response(status, headers or {}, payload)


# -- the documented examples, verbatim -------------------------------------------------------

def test_401_example_without_code():
    error = build(401, {"detail": "Invalid or missing API key"})
    assert type(error) is UnauthorizedError
    assert (error.status, error.code, str(error)) == (401, None, "Invalid or missing API key")
    assert not error.retryable


def test_402_example_carries_required_and_available():
    error = build(402, {"detail": "Insufficient credits", "code": "insufficient_credits",
                        "required": 3, "available": 1})
    assert type(error) is InsufficientCreditsError
    assert (error.required, error.available) == (3, 1)
    assert error.code == "insufficient_credits"
    assert error.detail == "Insufficient credits"


def test_404_example_without_code():
    error = build(404, {"detail": "Could not extract info from URL: Unsupported URL"})
    assert type(error) is NotFoundError
    assert error.code is None
    assert error.detail == "Could not extract info from URL: Unsupported URL"


def test_422_example_list_becomes_field_errors():
    error = build(422, {"detail": [{"loc": ["body", "url"], "msg": "field required",
                                    "type": "value_error.missing"}]})
    assert type(error) is ValidationError
    assert error.field_errors == [FieldError(("body", "url"), "field required",
                                             "value_error.missing")]
    assert error.detail == "url: field required"


def test_429_example_takes_retry_after_from_body_when_no_header():
    error = build(429, {"detail": "Rate limit exceeded. Retry after 5 seconds.",
                        "retry_after": 5})
    assert type(error) is RateLimitedError
    assert error.retry_after == 5
    assert error.code is None
    assert "Retry after 5 seconds" in error.detail


@pytest.mark.parametrize(
    ("status", "code", "cls"),
    [(400, "bad_request", BadRequestError), (403, "forbidden", ForbiddenError),
     (409, "conflict", ConflictError), (500, "server_error", ServerError),
     (502, "upstream_error", UpstreamError), (503, "service_unavailable",
                                              ServiceUnavailableError)],
)
def test_documented_status_table(status, code, cls):
    error = build(status, {"detail": "Something specific", "code": code})
    assert type(error) is cls
    assert (error.status, error.code, error.detail) == (status, code, "Something specific")
    assert error.retryable == (status >= 500)


# -- what real life adds ---------------------------------------------------------------------

PROXY_PAGE = b"""<html><head><title>502 Bad Gateway</title></head>
<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"""


def test_html_502_page_gives_upstream_error_with_short_generic_detail():
    error = build(502, raw=PROXY_PAGE, headers={"Content-Type": "text/html"})
    assert type(error) is UpstreamError
    assert error.retryable
    assert "<" not in error.detail and "nginx" not in error.detail
    assert 0 < len(error.detail) < 100


def test_empty_503_gives_service_unavailable():
    error = build(503, raw=b"")
    assert type(error) is ServiceUnavailableError
    assert error.detail == ServiceUnavailableError.default_detail


def test_truncated_json_500_gives_server_error():
    error = build(500, raw=b'{"detail": "Internal err')
    assert type(error) is ServerError
    assert error.detail == ServerError.default_detail


def test_unknown_4xx_is_a_client_error_not_retried():
    error = build(418, {"detail": "I'm a teapot"})
    assert type(error) is ClientError
    assert error.status == 418 and not error.retryable


def test_unknown_5xx_is_a_server_error_retried():
    error = build(599, raw=b"")
    assert type(error) is ServerError
    assert error.status == 599 and error.retryable
    assert "599" in error.detail


def test_code_refines_but_status_decides():
    error = build(400, {"detail": "No credits", "code": "insufficient_credits"})
    assert type(error) is BadRequestError
    assert error.code == "insufficient_credits"


def test_huge_detail_is_cut_short():
    error = build(400, {"detail": "x" * 10_000})
    assert len(error.detail) <= 500


def test_422_with_plain_string_detail():
    error = build(422, {"detail": "url must be http(s)"})
    assert error.field_errors == [] and error.detail == "url must be http(s)"


def test_402_tolerates_missing_and_odd_fields():
    error = build(402, {"detail": "Insufficient credits", "required": "2", "available": None})
    assert (error.required, error.available) == (2, None)


# -- Retry-After -----------------------------------------------------------------------------

def test_retry_after_header_wins_over_body():
    error = build(429, {"retry_after": 5}, headers={"Retry-After": "12"})
    assert error.retry_after == 12


def test_retry_after_header_name_is_case_insensitive():
    assert build(429, {}, headers={"retry-after": "7"}).retry_after == 7


def test_retry_after_as_http_date():
    now = 1_800_000_000.0
    when = format_datetime(datetime.fromtimestamp(now + 30, UTC), usegmt=True)
    error = error_from_response(429, {"Retry-After": when}, b"", now=now)
    assert error.retry_after == pytest.approx(30)


def test_retry_after_date_in_the_past_means_now():
    now = 1_800_000_000.0
    when = format_datetime(datetime.fromtimestamp(now - 30, UTC), usegmt=True)
    assert error_from_response(429, {"Retry-After": when}, b"", now=now).retry_after == 0


def test_retry_after_junk_header_falls_back_to_body_then_default():
    assert build(429, {"retry_after": 3}, headers={"Retry-After": "soon"}).retry_after == 3
    assert build(429, raw=b"").retry_after == DEFAULT_RETRY_AFTER


# -- fuzzing ---------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)
error_bodies = st.one_of(
    st.binary(max_size=300),
    st.dictionaries(
        st.sampled_from(["detail", "code", "required", "available", "retry_after", "loc"]),
        json_values, max_size=5,
    ).map(lambda d: json.dumps(d).encode()),
)
header_maps = st.dictionaries(
    st.sampled_from(["Retry-After", "retry-after", "Content-Type", "X-RateLimit-Limit"])
    | st.text(max_size=12),
    st.text(max_size=40),
    max_size=4,
)


@settings(max_examples=400, deadline=None)
@given(status=st.integers(400, 599), headers=header_maps, body=error_bodies)
def test_any_error_reply_gives_the_class_of_its_status(status, headers, body):
    error = error_from_response(status, headers, body)
    assert isinstance(error, ApiError)
    assert error.status == status
    assert isinstance(error.detail, str) and 0 < len(error.detail) <= 500
    assert isinstance(error, ClientError if status < 500 else ServerError)
    assert error.retryable == (status >= 500)
    if status == 429:
        assert 0 <= error.retry_after <= 3600


# -- network failures ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("failure", "maybe_delivered"),
    [(httpx.ConnectError, False), (httpx.ConnectTimeout, False), (httpx.PoolTimeout, False),
     (httpx.ReadTimeout, True), (httpx.WriteTimeout, True), (httpx.ReadError, True),
     (httpx.WriteError, True), (httpx.RemoteProtocolError, True)],
)
def test_network_failures_say_whether_the_request_may_have_arrived(failure, maybe_delivered):
    error = transport_error_from(failure("details that may name the host"))
    assert isinstance(error, TransportError) and error.retryable
    assert error.maybe_delivered is maybe_delivered
    assert error.status is None and "details" not in error.detail
