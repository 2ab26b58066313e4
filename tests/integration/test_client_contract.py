"""The client against the sandbox over real sockets: the documented flow and every documented
error, as the engine will meet them."""

import asyncio
import logging
import time
from datetime import UTC, datetime

import pytest
import pytest_asyncio

from app.api.client import VideoConduitClient
from app.api.errors import InsufficientCreditsError, NotFoundError, UnauthorizedError, ValidationError
from app.api.events import RateLimitObserved, RequestSucceeded
from app.api.models import DownloadOptions, JobStatus, Plan
from app.sandbox import run_in_thread

VIDEO = DownloadOptions(format="mp4", quality="720p")


@pytest.fixture
def sandbox():
    with run_in_thread(plan="starter", credits=100, job_seconds=0.3) as server:
        yield server


@pytest_asyncio.fixture
async def client(sandbox):
    client = VideoConduitClient(sandbox.api_base, sandbox.api_key)
    yield client
    await client.aclose()


async def wait_until_terminal(client: VideoConduitClient, job_id: str, timeout: float = 10.0):
    deadline = time.monotonic() + timeout
    while True:
        job = await client.get_job(job_id)
        if job.is_terminal or time.monotonic() > deadline:
            return job
        await asyncio.sleep(0.1)


def api_log(sandbox, method: str | None = None, path: str = "/v1/"):
    return [entry for entry in sandbox.admin.log("api")
            if entry["path"].startswith(path) and method in (None, entry["method"])]


@pytest.mark.asyncio
async def test_submit_then_poll_until_completed_with_a_download_url(client, sandbox):
    url = "https://videos.example.com/watch?v=first"
    job = await client.submit_download(url, VIDEO)
    assert job.status in (JobStatus.QUEUED, JobStatus.PROCESSING)
    assert job.url == url and job.job_id

    done = await wait_until_terminal(client, job.job_id)

    assert done.status is JobStatus.COMPLETED
    assert done.download_url and done.download_url.startswith(sandbox.file_base)
    assert done.filename and done.file_size and done.file_size > 0
    assert done.credits_used == VIDEO.credit_cost
    assert done.created_at is not None and done.created_at <= datetime.now(UTC)


@pytest.mark.asyncio
async def test_list_jobs_pages_through_every_job_newest_first(client):
    submitted = [await client.submit_download(f"https://v.example.com/clip{n}", VIDEO)
                 for n in range(5)]

    first = await client.list_jobs(limit=2)
    seen = [job.job_id for job in first.jobs]
    cursor = first.next_cursor
    assert len(first.jobs) == 2 and cursor is not None
    while cursor is not None:
        page = await client.list_jobs(limit=2, cursor=cursor)
        seen += [job.job_id for job in page.jobs]
        cursor = page.next_cursor

    assert seen == [job.job_id for job in reversed(submitted)]


@pytest.mark.asyncio
async def test_missing_key_gives_401_and_no_authorization_header_is_sent(sandbox):
    async with VideoConduitClient(sandbox.api_base, None) as anonymous:
        with pytest.raises(UnauthorizedError) as caught:
            await anonymous.get_job("00000000-0000-0000-0000-000000000000")
    assert caught.value.status == 401 and caught.value.code is None
    assert caught.value.detail == "Invalid or missing API key"
    assert "authorization" not in api_log(sandbox, "GET")[-1]["headers"]


@pytest.mark.asyncio
async def test_a_wrong_key_gives_401(sandbox):
    async with VideoConduitClient(sandbox.api_base, "vc_not_a_real_key") as stranger:
        with pytest.raises(UnauthorizedError):
            await stranger.list_jobs()


@pytest.mark.asyncio
async def test_402_tells_required_and_available(client, sandbox):
    sandbox.admin.set_credits(1)
    with pytest.raises(InsufficientCreditsError) as caught:
        await client.submit_download("https://v.example.com/too-expensive", VIDEO)
    assert (caught.value.required, caught.value.available) == (2, 1)
    assert caught.value.code == "insufficient_credits"
    # Audio-only costs 1 credit, and that is affordable.
    job = await client.submit_download("https://v.example.com/too-expensive",
                                       DownloadOptions(audio_only=True))
    assert job.job_id


@pytest.mark.asyncio
async def test_unsupported_site_gives_404(client):
    with pytest.raises(NotFoundError) as caught:
        await client.submit_download("https://unsupported.example.org/v/1", VIDEO)
    assert caught.value.detail == "Could not extract info from URL: Unsupported URL"
    assert caught.value.code is None


@pytest.mark.asyncio
async def test_422_lists_the_fields_at_fault(client, sandbox):
    with pytest.raises(ValidationError) as caught:
        await client.submit_download("https://v.example.com/x", DownloadOptions(format="avi"))
    fields = [error.loc[-1] for error in caught.value.field_errors]
    assert "format" in fields
    assert "format" in caught.value.detail
    assert len(api_log(sandbox, "POST")) == 1  # a 422 is never retried


@pytest.mark.asyncio
async def test_requests_carry_the_key_and_user_agent_and_logs_never_the_key(
        client, sandbox, caplog):
    caplog.set_level(logging.DEBUG, logger="app.api")
    job = await client.submit_download("https://v.example.com/logged", VIDEO)
    await client.get_job(job.job_id)

    for entry in api_log(sandbox):
        assert entry["headers"]["authorization"] == f"Bearer {sandbox.api_key}"
        assert entry["headers"]["user-agent"].startswith("VideoConduitDesktop/")
    assert "POST /v1/download -> 202" in caplog.text
    assert f"GET /v1/jobs/{job.job_id} -> 200" in caplog.text
    assert sandbox.api_key not in caplog.text


@pytest.mark.asyncio
async def test_rate_limit_headers_update_rate_limit_and_plan(client, sandbox):
    events = []
    client.subscribe(events.append)
    await client.list_jobs()
    assert client.rate_limit is not None
    assert client.rate_limit.plan is Plan.STARTER
    assert client.rate_limit.limit == 60 and client.rate_limit.remaining == 59
    assert client.rate_limit.reset_at > time.time()
    assert [type(e) for e in events] == [RateLimitObserved, RequestSucceeded]

    sandbox.admin.set_plan("pro")
    await client.list_jobs()
    assert client.rate_limit.plan is Plan.PRO
    assert client.pacer.limit == 200


@pytest.mark.asyncio
async def test_api_key_can_be_swapped_while_running(sandbox):
    async with VideoConduitClient(sandbox.api_base, "vc_wrong") as client:
        with pytest.raises(UnauthorizedError):
            await client.list_jobs()
        client.api_key = sandbox.api_key
        assert (await client.list_jobs()).jobs == []
