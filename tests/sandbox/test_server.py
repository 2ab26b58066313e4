"""Starting and stopping: on the running loop (plain asyncio and qasync), in a thread."""

from __future__ import annotations

import time

import httpx
import pytest

from app.sandbox import SandboxServer, run_in_thread

from .conftest import TLS
from .helpers import completed_job


def auth(server) -> dict[str, str]:
    return {"Authorization": f"Bearer {server.api_key}"}


@pytest.mark.asyncio
async def test_serves_on_the_running_asyncio_loop():
    server = SandboxServer(credits=5, job_seconds=0.05)
    async with server, httpx.AsyncClient(verify=TLS, headers=auth(server)) as client:
        response = await client.post(f"{server.api_base}/v1/download", json={"url": "https://e.x/v"})
        assert response.status_code == 202
        assert server.admin.state()["credits"] == 3
    async with httpx.AsyncClient(verify=TLS) as client:
        with pytest.raises(httpx.ConnectError):
            await client.get(f"{server.api_base}/v1/jobs")


# qasync loops must outlive pytest-qt's teardown (engineering notes, trap 1).
_QASYNC_LOOPS: list = []


def test_serves_on_a_qasync_loop(qapp):
    import qasync

    # A loop of our own run with run_until_complete: the shared ``qasync_loop`` fixture's
    # already-running loop stays registered as this thread's running loop afterwards.
    loop = qasync.QEventLoop(qapp)
    _QASYNC_LOOPS.append(loop)

    async def scenario():
        async with SandboxServer() as server:
            async with httpx.AsyncClient(verify=TLS, headers=auth(server)) as client:
                return (await client.get(f"{server.api_base}/v1/jobs")).status_code

    assert loop.run_until_complete(scenario()) == 200


def test_a_thread_sandbox_can_be_stopped_without_a_with_block(http):
    sandbox = run_in_thread()
    assert http.get(f"{sandbox.api_base}/billing").status_code == 200
    sandbox.stop()
    sandbox.stop()  # idempotent
    with pytest.raises(httpx.ConnectError):
        http.get(f"{sandbox.api_base}/billing")


def test_stop_does_not_wait_for_a_slow_download(make_sandbox, http):
    sandbox = make_sandbox()
    with httpx.Client(verify=TLS, headers=auth(sandbox), base_url=sandbox.api_base) as api:
        job = completed_job(api, "https://example.com/v")
    sandbox.admin.file_faults(bytes_per_second=20_000)
    with http.stream("GET", job["download_url"]) as response:
        pieces = response.iter_raw()
        next(pieces)
        started = time.monotonic()
        sandbox.stop()
        assert time.monotonic() - started < 3
        with pytest.raises(httpx.HTTPError):
            for _ in pieces:
                pass


def test_only_loopback_and_known_plans_are_accepted():
    with pytest.raises(ValueError, match="loopback"):
        SandboxServer(host="0.0.0.0")
    with pytest.raises(ValueError, match="plan"):
        run_in_thread(plan="platinum")
    with pytest.raises(ValueError, match="vc_"):
        SandboxServer(api_key="sk_live_123")


def test_a_taken_port_fails_loudly(sandbox):
    port = int(sandbox.api_base.rsplit(":", 1)[1])
    with pytest.raises(OSError):
        run_in_thread(port=port)


@pytest.mark.asyncio
async def test_a_server_starts_only_once():
    server = SandboxServer()
    async with server:
        pass
    with pytest.raises(RuntimeError, match="only once"):
        await server.start()
