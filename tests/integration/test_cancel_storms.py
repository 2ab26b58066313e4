"""The orphan sweep of app.api.uncancelled under cancels at every step (from hostile review 20).

A victim is cancelled after k event-loop steps (k = 0..K) while other requests share its small
pool; the survivors must all get their whole bodies (the sweep must never close a connection a
live request uses), and afterwards the pool must serve a fresh GET within 2 s."""

from __future__ import annotations

import asyncio
import hashlib
import warnings

import httpx
import pytest
from aiohttp import web

from app.api import uncancelled
from app.api.client import VideoConduitClient
from app.api.models import DownloadOptions
from app.engine import bulk_reads
from app.engine.transfer import TransferError, download_to_part
from app.sandbox import run_in_thread
from tests.integration.chosen_cancels import CancelOnConnect, CancelOnFirstRead
from tests.integration.local_servers import forwarding_proxy
from tests.integration.test_transfer import completed_job, origin, sandbox, serve  # noqa: F401  (fixtures)

KiB = 1 << 10
pytestmark = pytest.mark.asyncio


async def _get_all(client: httpx.AsyncClient, url: str) -> bytes:
    """As transfer._stream reads: the raw stream, so that only uncancelled.close closes (aread()
    and aiter_raw() close by themselves, a hole read_capped had too: see the last test)."""
    response = await uncancelled.send(client, client.build_request("GET", url))
    try:
        body = bytearray()
        async for piece in response.stream:
            body += piece
        return bytes(body)
    finally:
        await uncancelled.close(response)


async def _cancel_after(task: asyncio.Task, steps: int) -> None:
    for _ in range(steps):
        await asyncio.sleep(0)
    task.cancel()


@pytest.mark.parametrize("keep_alive", [True, False], ids=["reused", "fresh"])
@pytest.mark.parametrize("max_connections", [1, 2, 3])
async def test_a_cancel_at_any_step_never_breaks_a_neighbour_nor_loses_the_pool(
        sandbox, max_connections, keep_alive):  # noqa: F811
    # fresh: no keep-alive, so every request connects and the cancels land around connects too
    job = await completed_job(sandbox, 64 * KiB)
    url, digest = job["download_url"], job["sha256"]
    kept = max_connections if keep_alive else 0
    transport = httpx.AsyncHTTPTransport(limits=httpx.Limits(max_connections=max_connections,
                                                             max_keepalive_connections=kept))
    loop = asyncio.get_running_loop()
    unretrieved: list[dict] = []
    loop.set_exception_handler(lambda _loop, context: unretrieved.append(context))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        async with httpx.AsyncClient(transport=transport, timeout=httpx.Timeout(10.0, pool=5.0)) as c:
            for k in range(0, 120, 1 if keep_alive else 2):
                neighbours = [asyncio.ensure_future(_get_all(c, url)) for _ in range(4)]
                victims = [asyncio.ensure_future(_get_all(c, url)) for _ in range(2)]
                cancels = [asyncio.ensure_future(_cancel_after(v, k + i))
                           for i, v in enumerate(victims)]
                more = [asyncio.ensure_future(_get_all(c, url)) for _ in range(2)]  # queued for a slot
                done = await asyncio.wait_for(
                    asyncio.gather(*neighbours, *more, *victims, *cancels, return_exceptions=True), 30)
                pool = transport._pool
                for result in done[:6]:
                    assert isinstance(result, bytes), (k, repr(result), pool._connections,
                                                       [r.connection for r in pool._requests])
                    assert hashlib.sha256(result).hexdigest() == digest, k
                try:
                    again = await asyncio.wait_for(_get_all(c, url), 2.0)  # the pool still serves
                except TimeoutError:
                    raise AssertionError((k, pool._connections,
                                          [r.connection for r in pool._requests])) from None
                assert hashlib.sha256(again).hexdigest() == digest, k
    assert not unretrieved, unretrieved[:3]
    assert not [w for w in caught if issubclass(w.category, ResourceWarning)], caught[:3]


@pytest.fixture(scope="module")
def business():
    # 1000 requests a minute: the storm must not meet the rate limit's client-side wait
    with run_in_thread(plan="business", credits=1000, job_seconds=0.05) as server:
        yield server


async def test_a_cancel_storm_on_paid_posts_never_sends_one_twice_nor_loses_the_pool(business):
    # Each POST is cancelled after k loop steps. A cancelled submit may or may not have been
    # charged (that is what intents are for: its bytes may be in flight when the cancel lands),
    # but it never reaches the service twice, and the pool still serves within 2 s.
    transport = httpx.AsyncHTTPTransport(limits=httpx.Limits(max_connections=1))
    async with VideoConduitClient(business.api_base, business.api_key, deadline=10.0,
                                  max_attempts=1, transport=transport) as client:
        for k in range(0, 200, 2):
            url = f"https://video.example/storm-{k}"
            other = asyncio.ensure_future(client.list_jobs())
            call = asyncio.ensure_future(client.submit_download(url, DownloadOptions()))
            await _cancel_after(call, k)
            outcome = (await asyncio.gather(call, return_exceptions=True))[0]
            await asyncio.wait_for(other, 5.0)
            pool = transport._pool
            try:
                await asyncio.wait_for(client.list_jobs(), 2.0)
            except TimeoutError:
                raise AssertionError((k, outcome, pool._connections,
                                      [r.connection for r in pool._requests])) from None
            await asyncio.sleep(0.05)
            later = business.admin.posts_for_url(url)
            assert later <= 1, (k, later)  # a cancelled submit is never sent twice


async def test_a_call_cancelled_as_its_whole_reply_arrives_leaves_the_service_reachable(sandbox):  # noqa: F811
    # The call's deadline, or a quit, landing once the reply is in: read_capped's aiter_raw()
    # closes the response itself as the body ends, and the cancel lands inside that close
    # (httpcore's state lock), before uncancelled.close is reached; that one then finds the
    # response closed and does nothing. Does the connection come back?
    transport = httpx.AsyncHTTPTransport(limits=httpx.Limits(max_connections=1))
    backend = CancelOnFirstRead()
    transport._pool._network_backend = backend
    async with VideoConduitClient(sandbox.api_base, sandbox.api_key, deadline=2.0,
                                  max_attempts=1, transport=transport) as client:
        await client.list_jobs()  # the one connection is made and idle
        call = asyncio.ensure_future(client.list_jobs())
        backend.victim = call
        with pytest.raises(asyncio.CancelledError):
            await asyncio.wait_for(call, timeout=20)
        assert backend.cancels == 1
        await asyncio.wait_for(client.list_jobs(), timeout=20)  # TransportError if it is lost


@pytest.mark.parametrize("path", ["/video.mp4", "/redirect/3"])
async def test_a_download_cancelled_at_any_step_leaves_its_one_connection_serving(
        origin, tmp_path, path):  # noqa: F811
    # A pause at every loop step k of a download (and of a redirect chain, whose hops are closed
    # by uncancelled.close): the single pooled connection must still serve a GET within 2 s.
    made = httpx.AsyncHTTPTransport(limits=httpx.Limits(max_connections=1))
    bulk_reads.install(made)
    loop = asyncio.get_running_loop()
    unretrieved: list[dict] = []
    loop.set_exception_handler(lambda _loop, context: unretrieved.append(context))
    async with httpx.AsyncClient(transport=made, timeout=httpx.Timeout(10.0, pool=5.0)) as one:
        for k in range(0, 200, 2):
            download = asyncio.ensure_future(download_to_part(
                one, origin.base + path, tmp_path / f"{k}.part"))
            await _cancel_after(download, k)
            await asyncio.gather(download, return_exceptions=True)
            pool = made._pool
            try:
                again = await asyncio.wait_for(one.get(origin.base + "/page"), 2.0)
            except TimeoutError:
                raise AssertionError((k, pool._connections,
                                      [r.connection for r in pool._requests])) from None
            assert again.status_code == 200, k
    assert not unretrieved, unretrieved[:3]


async def test_a_call_through_a_proxy_cancelled_as_its_connection_is_made_leaves_it_serving(
        sandbox):  # noqa: F811
    # HTTP_PROXY: the request goes through a proxy mount, whose pool is httpcore's HTTP proxy
    # pool. Does the sweep find that pool (client._transport_for_url) and free its one slot?
    with forwarding_proxy() as proxy:
        via = httpx.AsyncHTTPTransport(proxy=proxy.url, limits=httpx.Limits(max_connections=1))
        backend = CancelOnConnect()
        via._pool._network_backend = backend
        async with httpx.AsyncClient(mounts={"all://": via},
                                     timeout=httpx.Timeout(5.0, pool=2.0)) as c:
            url = sandbox.api_base + "/v1/jobs"
            call = asyncio.ensure_future(_get_all(c, url))
            backend.victim = call
            with pytest.raises(asyncio.CancelledError):
                await asyncio.wait_for(call, timeout=10)
            assert backend.cancels == 1
            await asyncio.wait_for(_get_all(c, url), 5.0)  # PoolTimeout if the slot is lost
            assert len(proxy.entries) >= 1


async def test_a_redirect_to_a_malformed_location_gives_its_connection_back(tmp_path):
    # Not a cancel, but the same promise in _open: the redirect's response is closed by
    # uncancelled.close only after current.join(Location); could a Location that join cannot
    # parse leave that response open for good?
    async def bad(_request: web.Request) -> web.Response:
        return web.Response(status=302, headers={"Location": "http://[::1/"})

    async def page(_request: web.Request) -> web.Response:
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_get("/bad", bad)
    app.router.add_get("/page", page)
    runner, port = await serve(app)
    try:
        made = httpx.AsyncHTTPTransport(limits=httpx.Limits(max_connections=1))
        async with httpx.AsyncClient(transport=made, timeout=httpx.Timeout(5.0, pool=2.0)) as one:
            with pytest.raises(TransferError) as caught:
                await download_to_part(one, f"http://127.0.0.1:{port}/bad", tmp_path / "a.part")
            # httpx itself parses Location for next_request (and closes the response) first
            assert caught.value.kind == "network", str(caught.value)
            again = await asyncio.wait_for(one.get(f"http://127.0.0.1:{port}/page"), 5.0)
            assert again.text == "ok"
    finally:
        await runner.cleanup()
