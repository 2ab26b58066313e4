"""The client's retry loop against the sandbox's queued faults, over real sockets: waits exactly
as long as a 429 says, backs off on 5xx, and never sends a charging request twice unless it
certainly never arrived."""

import asyncio
import random
import socket
import time
from datetime import UTC, datetime

import pytest
import pytest_asyncio

from app.api.client import VideoConduitClient
from app.api.errors import (
    MalformedReplyError,
    ServerError,
    ServiceUnavailableError,
    TransportError,
    UpstreamError,
)
from app.api.events import RateLimitWait, RetryScheduled
from app.api.models import DownloadOptions
from app.sandbox import run_in_thread

VIDEO = DownloadOptions(format="mp4")
PROXY_PAGE = ("<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway"
              "</h1><hr>nginx</body></html>")


class RecordingSleep:
    """Records every requested delay. When it does not really sleep, its clock jumps ahead
    instead, so the client's clock and sleep still agree."""

    def __init__(self, really: bool) -> None:
        self.delays: list[float] = []
        self.really = really
        self.skipped = 0.0

    def clock(self) -> float:
        return time.time() + self.skipped

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)
        if self.really:
            await asyncio.sleep(delay)
        else:
            self.skipped += delay
            await asyncio.sleep(0)


@pytest.fixture
def sandbox():
    with run_in_thread(plan="starter", credits=100, job_seconds=0.3) as server:
        yield server


def make_client(base_url: str, key: str | None, sleep: RecordingSleep, **options):
    client = VideoConduitClient(base_url, key, sleep=sleep, clock=sleep.clock,
                                rng=random.Random(1), **options)
    events: list = []
    client.subscribe(events.append)
    return client, events


@pytest_asyncio.fixture
async def fast(sandbox):
    """A client whose waits are recorded but not slept through."""
    sleep = RecordingSleep(really=False)
    client, events = make_client(sandbox.api_base, sandbox.api_key, sleep)
    yield client, sleep, events
    await client.aclose()


def requests_to(sandbox, method: str, path: str):
    return [e for e in sandbox.admin.log("api")
            if e["method"] == method and e["path"].startswith(path)]


async def a_job(client: VideoConduitClient, name: str = "base"):
    return await client.submit_download(f"https://v.example.com/{name}", VIDEO)


@pytest.mark.asyncio
async def test_429_waits_exactly_retry_after_then_succeeds(sandbox):
    sleep = RecordingSleep(really=True)
    client, events = make_client(sandbox.api_base, sandbox.api_key, sleep)
    async with client:
        job = await a_job(client)
        sandbox.admin.queue_faults(f"/v1/jobs/{job.job_id}", [
            {"status": 429, "headers": {"Retry-After": "1"},
             "json": {"detail": "Rate limit exceeded. Retry after 1 seconds.",
                      "retry_after": 1}}], method="GET")
        started = time.monotonic()
        again = await client.get_job(job.job_id)
        waited = time.monotonic() - started

    assert again.job_id == job.job_id
    assert waited >= 1.0
    assert sleep.delays[0] == 1.0 and sum(sleep.delays) < 1.5
    waits = [e for e in events if isinstance(e, RateLimitWait)]
    assert len(waits) == 1 and waits[0].retry_after == 1.0
    assert waits[0].until == pytest.approx(time.time() - waited + 1.0, abs=0.5)


@pytest.mark.asyncio
async def test_429_on_submit_is_retried_and_charged_once(fast, sandbox):
    client, sleep, _ = fast
    sandbox.admin.queue_faults("/v1/download", [
        {"status": 429, "headers": {"Retry-After": "2"}, "json": {"retry_after": 2}}],
        method="POST")
    job = await a_job(client, "rate-limited")
    assert job.job_id and sleep.delays == [2.0]
    assert sandbox.admin.state()["jobs"] == 1


@pytest.mark.asyncio
async def test_503_three_times_backs_off_1_2_4_then_succeeds(fast, sandbox):
    client, sleep, events = fast
    job = await a_job(client)
    sandbox.admin.queue_faults(f"/v1/jobs/{job.job_id}", [
        {"status": 503, "json": {"detail": "Service temporarily unavailable",
                                 "code": "service_unavailable"}}] * 3, method="GET")

    again = await client.get_job(job.job_id)

    assert again.job_id == job.job_id
    assert len(sleep.delays) == 3
    for delay, base in zip(sleep.delays, (1, 2, 4), strict=True):
        assert base <= delay <= base * 1.1
    retries = [e for e in events if isinstance(e, RetryScheduled)]
    assert [r.attempt for r in retries] == [1, 2, 3]
    assert all(isinstance(r.error, ServiceUnavailableError) for r in retries)
    assert len(requests_to(sandbox, "GET", "/v1/jobs/")) == 4


@pytest.mark.asyncio
async def test_gives_up_after_max_attempts_with_the_last_error(sandbox):
    sleep = RecordingSleep(really=False)
    client, _ = make_client(sandbox.api_base, sandbox.api_key, sleep, max_attempts=3)
    async with client:
        sandbox.admin.queue_faults("/v1/jobs", [{"status": 500, "body": ""}] * 5, method="GET")
        with pytest.raises(ServerError):
            await client.list_jobs()
    assert len(sleep.delays) == 2
    assert len(requests_to(sandbox, "GET", "/v1/jobs")) == 3


@pytest.mark.asyncio
async def test_html_502_on_a_read_is_retried(fast, sandbox):
    client, sleep, events = fast
    sandbox.admin.queue_faults("/v1/jobs", [{"status": 502, "body": PROXY_PAGE,
                                             "headers": {"Content-Type": "text/html"}}],
                               method="GET")
    page = await client.list_jobs()
    assert page.jobs == []
    error = next(e.error for e in events if isinstance(e, RetryScheduled))
    assert isinstance(error, UpstreamError) and "<" not in error.detail


@pytest.mark.asyncio
async def test_html_502_on_submit_is_raised_not_resent(fast, sandbox):
    client, sleep, _ = fast
    sandbox.admin.queue_faults("/v1/download", [{"status": 502, "body": PROXY_PAGE}],
                               method="POST")
    with pytest.raises(UpstreamError) as caught:
        await a_job(client, "proxy-trouble")
    assert "nginx" not in str(caught.value) and len(str(caught.value)) < 100
    assert sleep.delays == []
    assert len(requests_to(sandbox, "POST", "/v1/download")) == 1


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("fault", "error_type"),
    [({"status": 500, "after_processing": True, "json": {"detail": "oops"}}, ServerError),
     ({"drop": True, "after_processing": True}, TransportError),
     ({"status": 200, "body": '{"job_id": "trunc', "after_processing": True},
      MalformedReplyError)],
    ids=["500", "drop", "truncated"],
)
async def test_lost_submit_reply_is_raised_once_and_found_again(fast, sandbox, fault,
                                                                error_type):
    client, sleep, _ = fast
    url = "https://v.example.com/lost-reply"
    since = datetime.now(UTC)
    earlier = await client.submit_download(url, VIDEO)  # an older job for the same URL
    sandbox.admin.queue_faults("/v1/download", [fault], method="POST")

    with pytest.raises(error_type) as caught:
        await client.submit_download(url, VIDEO)
    if isinstance(caught.value, TransportError):
        assert caught.value.maybe_delivered

    assert len(requests_to(sandbox, "POST", "/v1/download")) == 2  # never resent
    assert sandbox.admin.state()["credits"] == 100 - 2 * VIDEO.credit_cost
    found = await client.find_job_for_url(url, since, exclude_ids={earlier.job_id})
    assert found is not None and found.url == url and found.job_id != earlier.job_id
    assert await client.find_job_for_url("https://v.example.com/never", since) is None


@pytest.mark.asyncio
async def test_dropped_connection_on_a_read_is_retried(fast, sandbox):
    client, sleep, _ = fast
    job = await a_job(client)
    sandbox.admin.queue_faults("/v1/jobs/", [{"drop": True}], method="GET")
    assert (await client.get_job(job.job_id)).job_id == job.job_id
    assert len(sleep.delays) == 1


@pytest.mark.asyncio
async def test_read_timeout_is_retried_on_a_read_but_raised_on_a_submit(sandbox):
    sleep = RecordingSleep(really=False)
    client, _ = make_client(sandbox.api_base, sandbox.api_key, sleep, timeout=0.3)
    async with client:
        slow = [{"delay": 1, "status": 200, "json": {"jobs": [], "next_cursor": None}}]
        sandbox.admin.queue_faults("/v1/jobs", slow, method="GET")
        assert (await client.list_jobs()).jobs == []
        assert len(sleep.delays) == 1

        sandbox.admin.queue_faults("/v1/download", slow, method="POST")
        with pytest.raises(TransportError) as caught:
            await a_job(client, "slow-answer")
    assert caught.value.maybe_delivered is True
    assert len(sleep.delays) == 1  # the submit was not sent again
    assert len(requests_to(sandbox, "POST", "/v1/download")) == 1


@pytest.mark.asyncio
async def test_refused_connection_is_resent_even_for_a_submit():
    with socket.socket() as probe:  # a port with nobody listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sleep = RecordingSleep(really=False)
    client, events = make_client(f"http://127.0.0.1:{port}", "vc_x", sleep, max_attempts=3)
    async with client:
        with pytest.raises(TransportError) as caught:
            await a_job(client)
    assert caught.value.maybe_delivered is False
    assert [e.attempt for e in events if isinstance(e, RetryScheduled)] == [1, 2]
    assert "vc_x" not in str(caught.value)


@pytest.mark.asyncio
async def test_many_polls_on_the_free_plan_stay_within_the_budget():
    """25 concurrent reads against 10 per (shortened) window: paced, never answered 429."""
    with run_in_thread(plan="free", credits=25, job_seconds=0.3, window_seconds=1.0) as server:
        async with VideoConduitClient(server.api_base, server.api_key) as client:
            events: list = []
            client.subscribe(events.append)
            job = await a_job(client)
            results = await asyncio.wait_for(
                asyncio.gather(*(client.get_job(job.job_id) for _ in range(25))), timeout=30)
        statuses = [e["status"] for e in server.admin.log("api")]
    assert len(results) == 25
    assert 429 not in statuses and len(statuses) == 26
    assert not any(isinstance(e, RateLimitWait) for e in events)
