"""The async VideoConduit client: one httpx.AsyncClient, the pacer before every request, and a
bounded retry loop that never risks charging a URL twice.

Retry rules:
  * 429 → announce RateLimitWait, hold the pacer, wait exactly Retry-After, try again.
  * Reads (GET /v1/jobs…): 5xx, transport failures and unreadable 2xx replies → announce
    RetryScheduled, back off 1 s, 2 s, 4 s … (+ jitter), up to ``max_attempts``.
  * Anything that costs credits (POST /v1/download, GET /v1/info) is sent again only when it
    certainly never reached the server (connect error) or was refused with 429. Everything else
    goes to the caller, which reconciles with find_job_for_url before submitting again.
  * Other 4xx are never retried.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import time
from collections.abc import Awaitable, Callable, Collection
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar
from urllib.parse import quote

import httpx

import app
from app.api import uncancelled
from app.api._coerce import as_http_date
from app.api.errors import (
    ApiError,
    InsecureServiceError,
    MalformedReplyError,
    RateLimitedError,
    ReplyTooLargeError,
    TransportError,
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
from app.api.models import DownloadOptions, Job, JobPage, RateLimitInfo
from app.api.pacing import RequestPacer, backoff_delay
from app.api.transport import (
    ACCEPT_ENCODING,
    UnreadableReply,
    proxy_mounts,
    read_capped,
    service_url_problem,
)

__all__ = [
    "ClientEvent", "RateLimitObserved", "RateLimitWait", "RequestSucceeded", "RetryScheduled",
    "VideoConduitClient", "DEFAULT_USER_AGENT",
]

logger = logging.getLogger("app.api")

DEFAULT_USER_AGENT = f"VideoConduitDesktop/{app.__version__}"
CONNECT_TIMEOUT = 10.0
# One exchange (request out, whole reply in) ends within this, however the bytes trickle:
# httpx's timeouts are per read, and a reply dripping a byte every half second never trips them.
CALL_DEADLINE = 60.0
MAX_REPLY_BYTES = 1 << 20  # decoded; the largest real answer (a 100-job page) is ~100 KB
LIST_PAGE_MAX = 100
CLOCK_SKEW_SLACK = timedelta(minutes=5)
CLOCK_ROUNDING = 2.0
MAX_LOOKUP_PAGES = 50  # 5,000 jobs back: far more than a day of any plan's submissions
PACER_RECHECK = 2.0  # re-ask the pacer at least this often: a fresh reply may free the budget

T = TypeVar("T")
RetryRule = Callable[[ApiError], bool]
Listener = Callable[[ClientEvent], None]


def _retry_transient(error: ApiError) -> bool:
    return error.retryable


def _retry_if_never_sent(error: ApiError) -> bool:
    return isinstance(error, TransportError) and not error.maybe_delivered and error.retryable


class VideoConduitClient:
    def __init__(
        self,
        base_url: str,
        api_key: str | None,
        *,
        timeout: float = 30.0,
        deadline: float = CALL_DEADLINE,
        max_reply_bytes: int = MAX_REPLY_BYTES,
        max_attempts: int = 6,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
        rng: random.Random | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        user_agent: str = DEFAULT_USER_AGENT,
    ) -> None:
        """``timeout`` is per network read, ``deadline`` for a whole exchange (sending the
        request and reading all of the reply), ``max_reply_bytes`` the most of a decoded reply
        body that is read. Without a ``transport`` (tests pass one) requests go through the
        proxy of the environment or the system, exactly as downloads do (app.api.transport)."""
        mounts = None
        if transport is None:
            transport = httpx.AsyncHTTPTransport(verify=True)
            mounts = proxy_mounts(lambda proxy: httpx.AsyncHTTPTransport(verify=True, proxy=proxy))
        self._http = httpx.AsyncClient(
            base_url=base_url,
            timeout=httpx.Timeout(min(timeout, deadline), connect=min(CONNECT_TIMEOUT, deadline)),
            follow_redirects=False,
            verify=True,
            transport=transport,
            mounts=mounts,
            headers={"User-Agent": user_agent, "Accept": "application/json",
                     "Accept-Encoding": ACCEPT_ENCODING},
        )
        self._deadline = deadline
        self._max_reply_bytes = max_reply_bytes
        self.address_problem = service_url_problem(self._http.base_url)
        if self.address_problem:
            logger.warning("Service address refused, no request will be sent: %s", self.address_problem)
        self.api_key = api_key
        self._max_attempts = max(1, max_attempts)
        self._clock = clock
        self._sleep = sleep
        self._rng = rng if rng is not None else random.Random()
        self._listeners: list[Listener] = []
        self.rate_limit: RateLimitInfo | None = None
        self.service_offset: float | None = None  # service clock minus ours, from Date headers
        self.pacer = RequestPacer(clock)

    # -- configuration and events -------------------------------------------------------

    @property
    def api_key(self) -> str | None:
        return self._api_key

    @api_key.setter
    def api_key(self, key: str | None) -> None:
        self._api_key = (key.strip() or None) if key else None

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, event: ClientEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # a listener's bug must not break a request in flight
                logger.exception("A client event listener failed on %s", type(event).__name__)

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> VideoConduitClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    # -- the API --------------------------------------------------------------------------

    async def submit_download(
        self, url: str, options: DownloadOptions, idempotency_key: str | None = None
    ) -> Job:
        """POST /v1/download. Costs credits: retried only when nothing can have been charged.
        ``idempotency_key`` travels as ``Idempotency-Key``: a service that honours it answers a
        re-send of the same intent with the same job instead of a second charge."""
        job = await self._call(
            "POST", "/v1/download", Job.from_json, retry_if=_retry_if_never_sent,
            json_body={"url": url, **options.to_json()},
            headers={"Idempotency-Key": idempotency_key} if idempotency_key else None,
        )
        return job if job.url is not None else _with_url(job, url)

    async def get_job(self, job_id: str) -> Job:
        path = f"/v1/jobs/{quote(job_id, safe='')}"
        return await self._call("GET", path, Job.from_json, retry_if=_retry_transient)

    async def list_jobs(self, limit: int = 20, cursor: str | None = None) -> JobPage:
        params: dict[str, str | int] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        return await self._call(
            "GET", "/v1/jobs", JobPage.from_json, retry_if=_retry_transient, params=params
        )

    async def find_job_for_url(
        self,
        url: str,
        since: datetime,
        exclude_ids: Collection[str] = (),
        same_url: Callable[[str, str], bool] = str.__eq__,
    ) -> Job | None:
        """The newest job for ``url`` created since ``since`` (the *service's* time, minus
        clock-skew slack) that is not in ``exclude_ids`` — how a submit whose reply was lost is
        found again. Reads every page it needs, newest first; ``same_url`` decides whether a
        job's url is ours (the engine compares canonical forms)."""
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        cutoff = since - CLOCK_SKEW_SLACK
        excluded = set(exclude_ids)
        cursor: str | None = None
        seen_cursors: set[str] = set()
        while True:
            page = await self.list_jobs(limit=LIST_PAGE_MAX, cursor=cursor)
            for job in page.jobs:  # newest first
                if job.created_at is not None and job.created_at < cutoff:
                    return None
                if job.url is not None and same_url(job.url, url) and job.job_id not in excluded:
                    return job
            cursor = page.next_cursor
            if cursor is None or cursor in seen_cursors or len(seen_cursors) >= MAX_LOOKUP_PAGES:
                return None  # (a list that never ends is "not found this time", not a hang)
            seen_cursors.add(cursor)

    def service_now(self) -> datetime | None:
        """The service's clock now, from the ``Date`` header of its last reply (None before
        any reply). Decisions about "newer than my intent" use it, never the local clock."""
        if self.service_offset is None:
            return None
        return datetime.fromtimestamp(self._clock() + self.service_offset, UTC)

    async def get_info(self, url: str) -> dict[str, Any]:
        """GET /v1/info — costs a credit, so only on the user's explicit request, and retried
        like a submit (only when nothing can have been charged)."""
        return await self._call(
            "GET", "/v1/info", _json_object, retry_if=_retry_if_never_sent, params={"url": url}
        )

    # -- the retry loop -------------------------------------------------------------------

    async def _call(
        self,
        method: str,
        path: str,
        parse: Callable[[object], T],
        *,
        retry_if: RetryRule,
        params: dict[str, str | int] | None = None,
        json_body: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> T:
        attempt = 0
        while True:
            attempt += 1
            try:
                status, body = await self._send(method, path, params, json_body, headers)
                try:
                    result = parse(json.loads(body))
                except (ValueError, UnicodeDecodeError, RecursionError):
                    raise MalformedReplyError(status=status) from None
                except MalformedReplyError as error:
                    error.status = status
                    raise
                self._emit(RequestSucceeded())
                return result
            except ApiError as error:
                if attempt >= self._max_attempts:
                    raise
                if isinstance(error, RateLimitedError):
                    await self._wait_out_rate_limit(error)
                elif retry_if(error):
                    await self._back_off(attempt, error)
                else:
                    raise

    async def _wait_out_rate_limit(self, error: RateLimitedError) -> None:
        until = self._clock() + error.retry_after
        self.pacer.block_until(until)
        self._emit(RateLimitWait(until=until, retry_after=error.retry_after))
        await self._sleep(error.retry_after)

    async def _back_off(self, attempt: int, error: ApiError) -> None:
        delay = backoff_delay(attempt, self._rng)
        until = self._clock() + delay
        self._emit(RetryScheduled(attempt=attempt, delay=delay, error=error, until=until))
        await self._sleep(delay)

    async def _wait_for_turn(self) -> int:
        """Await the pacer, then claim the slot in the same step (no await in between), so
        concurrent requests cannot all take the last one. Returns the pacer ticket."""
        while (delay := self.pacer.delay_before_next(self._clock())) > 0:
            logger.debug("Pacing: next request in %.1f s", delay)
            await self._sleep(min(delay, PACER_RECHECK))
        return self.pacer.note_request(self._clock())

    async def _send(
        self,
        method: str,
        path: str,
        params: dict[str, str | int] | None,
        json_body: dict[str, Any] | None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, bytes]:
        """One HTTP exchange: the 2xx body, or an ApiError for anything else."""
        ticket = await self._wait_for_turn()
        try:
            response, body = await self._exchange(method, path, params, json_body, headers)
        finally:
            self.pacer.note_done(ticket)  # before observe: the reply is no longer in flight
        now = self._clock()
        offset = _clock_offset(response.headers, now)
        if offset is not None:
            self.service_offset = offset
        info = RateLimitInfo.from_headers(response.headers, now, self.service_offset or 0.0)
        if info is not None:
            self.rate_limit = info
            self.pacer.observe(info)
            self._emit(RateLimitObserved(info))
        if body is None:  # whatever its status says, a reply this large is not the service's
            raise ReplyTooLargeError(status=response.status_code)
        if not 200 <= response.status_code < 300:
            raise error_from_response(response.status_code, response.headers, body)
        return response.status_code, body

    async def _exchange(
        self,
        method: str,
        path: str,
        params: dict[str, str | int] | None,
        json_body: dict[str, Any] | None,
        extra_headers: dict[str, str] | None = None,
    ) -> tuple[httpx.Response, bytes | None]:
        """Send one request and read its reply within the deadline: the response (headers)
        and its decoded body, or None for a body over the cap (reading stopped there)."""
        request = self._http.build_request(method, path, params=params, json=json_body,
                                           headers=dict(extra_headers or {}))
        # The key goes only to an https:// service (or this computer), checked on the very URL
        # about to be sent; set per request, never as a client default, so nothing else can
        # carry it along.
        problem = service_url_problem(request.url)
        if problem:
            raise InsecureServiceError(problem)
        if self._api_key:
            request.headers["Authorization"] = f"Bearer {self._api_key}"
        started = time.monotonic()
        try:
            async with asyncio.timeout(self._deadline):
                # uncancelled: a deadline landing inside httpcore must not lose a pooled connection
                response = await uncancelled.send(self._http, request)
                try:
                    body = await read_capped(response, self._max_reply_bytes)
                finally:
                    await uncancelled.close(response)
        except TimeoutError:
            logger.debug("%s %s: no whole reply within %.0f s", method, path, self._deadline)
            raise TransportError("The VideoConduit service did not answer in time") from None
        except httpx.TransportError as exc:
            logger.debug("%s %s failed after %.0f ms: %s", method, path,
                         (time.monotonic() - started) * 1000, type(exc).__name__)
            raise transport_error_from(exc) from None
        except (httpx.HTTPError, UnreadableReply) as exc:  # e.g. a body labelled gzip that is not
            logger.debug("%s %s unreadable: %s", method, path, type(exc).__name__)
            raise MalformedReplyError() from None
        logger.debug("%s %s -> %d in %.0f ms%s", method, path, response.status_code,
                     (time.monotonic() - started) * 1000, "" if body is not None else ", body over the cap")
        return response, body


def _json_object(data: object) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise MalformedReplyError("The service's reply is not a JSON object")
    return data


def _clock_offset(headers: httpx.Headers, now: float) -> float | None:
    """The service's clock minus ours, from the reply's ``Date`` header (whole seconds)."""
    when = as_http_date(headers.get("Date"))
    if when is None:
        return None
    offset = when - now
    # Date has whole seconds: a difference this small is rounding, not a wrong clock.
    return offset if abs(offset) >= CLOCK_ROUNDING else 0.0


def _with_url(job: Job, url: str) -> Job:
    """The service may leave out the url it was given; reconciliation needs it on the job."""
    return replace(job, url=url)
