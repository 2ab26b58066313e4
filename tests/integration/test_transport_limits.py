"""Every API exchange ends within its deadline and reads at most 1 MiB of reply, over real
sockets: the sandbox drips a reply a byte at a time, and a small local server sends a 150 MiB
error page (plain, chunked, or as a gzip bomb)."""

from __future__ import annotations

import asyncio
import time
import tracemalloc

import pytest
import pytest_asyncio

from app.api.client import CALL_DEADLINE, MAX_REPLY_BYTES, VideoConduitClient
from app.api.errors import MalformedReplyError, ReplyTooLargeError, TransportError
from app.api.models import DownloadOptions
from app.engine.submission import SubmitOutcome, submit_outcome
from app.engine.watcher import JobWatcher
from app.sandbox import run_in_thread
from tests.integration.chosen_cancels import one_connection_cancelling_on_connect
from tests.integration.local_servers import BigReply, MiB, gzip_of_zeros

DEADLINE = 2.0
DRIP = 0.5  # seconds per byte: a job's JSON (~500 bytes) would take minutes
# Far more than the test needs when the deadline holds, far less than a dripped reply takes.
GUARD = 20.0


@pytest.fixture(scope="module")
def sandbox():
    with run_in_thread(plan="business", credits=1000, job_seconds=0.2) as server:
        yield server


@pytest_asyncio.fixture
async def client(sandbox):
    client = VideoConduitClient(sandbox.api_base, sandbox.api_key, deadline=DEADLINE, max_attempts=1)
    yield client
    await client.aclose()


async def _finished_job(client: VideoConduitClient, url: str) -> str:
    job = await client.submit_download(url, DownloadOptions())
    while not (await client.get_job(job.job_id)).is_terminal:
        await asyncio.sleep(0.1)
    return job.job_id


def test_the_defaults_are_a_minute_and_a_mebibyte():
    assert CALL_DEADLINE == 60.0 and MAX_REPLY_BYTES == 1 << 20


@pytest.mark.asyncio
async def test_a_dripping_reply_ends_at_the_deadline(sandbox, client):
    job_id = await _finished_job(client, "https://example.com/drip-read")
    sandbox.admin.queue_faults(f"/v1/jobs/{job_id}", [{"drip": DRIP}], method="GET")

    started = time.monotonic()
    with pytest.raises(TransportError) as caught:
        await asyncio.wait_for(client.get_job(job_id), GUARD)
    elapsed = time.monotonic() - started

    assert caught.value.detail == "The VideoConduit service did not answer in time"
    # The headers came at once and a byte every half second after: no read ever timed out
    # (30 s per read), only the overall deadline ended it.
    assert DEADLINE - 0.1 <= elapsed < DEADLINE + 3
    assert sandbox.admin.state()["pending_faults"] == 0


@pytest.mark.asyncio
async def test_a_dripping_reply_to_a_submit_may_have_charged(sandbox, client):
    url = "https://example.com/drip-submit"
    sandbox.admin.queue_faults("/v1/download", [{"drip": DRIP}], method="POST")

    started = time.monotonic()
    with pytest.raises(TransportError) as caught:
        await asyncio.wait_for(client.submit_download(url, DownloadOptions()), GUARD)

    assert time.monotonic() - started < DEADLINE + 3
    # The job was made and charged before the reply started to drip: the engine must look
    # for it, never submit again on its own.
    assert caught.value.maybe_delivered and submit_outcome(caught.value) is SubmitOutcome.UNKNOWN
    assert sandbox.admin.jobs_for_url(url) == 1


@pytest.mark.asyncio
async def test_the_watchers_polls_have_the_same_deadline(sandbox):
    client = VideoConduitClient(sandbox.api_base, sandbox.api_key, deadline=DEADLINE)
    watcher = JobWatcher(client)
    try:
        job_id = await _finished_job(client, "https://example.com/drip-watch")
        sandbox.admin.clear_log()
        sandbox.admin.queue_faults(f"/v1/jobs/{job_id}", [{"drip": DRIP}], method="GET")

        job = await asyncio.wait_for(watcher.next_state(job_id), GUARD)

        assert job.job_id == job_id and job.is_completed
        polls = [e for e in sandbox.admin.log("api") if e["path"] == f"/v1/jobs/{job_id}"]
        assert len(polls) == 2  # the dripped one, cut at the deadline, and the next one
    finally:
        await watcher.close()
        await client.aclose()


@pytest.mark.parametrize("status", [200, 500])
@pytest.mark.parametrize("chunked", [False, True], ids=["with-length", "chunked"])
@pytest.mark.asyncio
async def test_a_150_mib_reply_is_refused_after_at_most_a_mebibyte(status, chunked):
    server = await BigReply(status=status, chunked=chunked).start()
    client = VideoConduitClient(server.url, "vc_test_key", max_attempts=1)
    try:
        tracemalloc.start()
        try:
            with pytest.raises(ReplyTooLargeError) as caught:
                await asyncio.wait_for(client.list_jobs(), GUARD)
            _current, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    finally:
        await client.aclose()
        await server.stop()

    assert isinstance(caught.value, MalformedReplyError) and caught.value.status == status
    assert peak < 8 * MiB, f"peak {peak / MiB:.1f} MiB"
    # With a Content-Length the refusal needs no body at all; chunked, reading stops at the cap
    # (the server got a few socket buffers further before the connection closed).
    assert server.sent < 16 * MiB


@pytest.mark.asyncio
async def test_a_gzip_bomb_is_never_inflated_past_the_cap():
    bomb = gzip_of_zeros(150 * MiB)
    assert len(bomb) < 200_000
    server = await BigReply(status=200, gzipped=bomb).start()
    client = VideoConduitClient(server.url, "vc_test_key", max_attempts=1)
    try:
        tracemalloc.start()
        try:
            with pytest.raises(ReplyTooLargeError):
                await asyncio.wait_for(client.list_jobs(), GUARD)
            _current, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    finally:
        await client.aclose()
        await server.stop()
    assert peak < 8 * MiB, f"peak {peak / MiB:.1f} MiB"


@pytest.mark.asyncio
async def test_a_reply_of_exactly_the_cap_is_read_and_one_byte_more_is_not(sandbox):
    """The cap is on decoded bytes and exact: the sandbox's real job page, with the cap set to
    its length and to one byte less."""
    probe = VideoConduitClient(sandbox.api_base, sandbox.api_key)
    try:
        await _finished_job(probe, "https://example.com/cap-exact")
        import httpx

        size = len(httpx.get(f"{sandbox.api_base}/v1/jobs", params={"limit": 20},
                             headers={"Authorization": f"Bearer {sandbox.api_key}"}).content)
    finally:
        await probe.aclose()
    exact = VideoConduitClient(sandbox.api_base, sandbox.api_key, max_reply_bytes=size, max_attempts=1)
    short = VideoConduitClient(sandbox.api_base, sandbox.api_key, max_reply_bytes=size - 1,
                               max_attempts=1)
    try:
        page = await exact.list_jobs(limit=20)
        assert page.jobs
        with pytest.raises(ReplyTooLargeError):
            await short.list_jobs(limit=20)
    finally:
        await exact.aclose()
        await short.aclose()


@pytest.mark.parametrize("headers, body", [
    ({"Content-Encoding": "gzip"}, '{"jobs": [], "next_cursor": null}'),  # not gzip at all
    ({"Content-Encoding": "br"}, '{"jobs": [], "next_cursor": null}'),  # not asked for, not read
])
@pytest.mark.asyncio
async def test_a_body_in_an_encoding_we_cannot_read_is_a_malformed_reply(sandbox, client, headers, body):
    sandbox.admin.queue_faults("/v1/jobs", [{"status": 200, "headers": headers, "body": body}],
                               method="GET")
    with pytest.raises(MalformedReplyError):
        await client.list_jobs()


@pytest.mark.asyncio
async def test_a_call_cancelled_as_its_connection_is_made_leaves_the_service_reachable(sandbox):
    # The call's deadline (or a quit) landing just after the connect: inside httpcore that cancel
    # left the fresh connection checked out of the pool for good; after as many as the pool holds,
    # every call to the service waited for a connection until its deadline.
    transport, backend = one_connection_cancelling_on_connect()
    async with VideoConduitClient(sandbox.api_base, sandbox.api_key, deadline=DEADLINE,
                                  max_attempts=1, transport=transport) as client:
        call = asyncio.ensure_future(client.list_jobs())
        backend.victim = call
        with pytest.raises(asyncio.CancelledError):
            await asyncio.wait_for(call, timeout=GUARD)
        assert backend.cancels == 1
        job = await asyncio.wait_for(
            client.submit_download("https://video.example/reachable", DownloadOptions()), timeout=GUARD)
        assert (await asyncio.wait_for(client.get_job(job.job_id), timeout=GUARD)).job_id == job.job_id
