"""API calls and downloads take the same proxy: the environment's (HTTP_PROXY / NO_PROXY) or the
system's (what urllib.request.getproxies() reads from the Windows registry or macOS
SystemConfiguration). A real forwarding proxy started here is the witness: its own log lists
every request it carried.

Loopback is not exempt from a proxy unless NO_PROXY says so (httpx's rule, which
app.api.transport keeps), so the sandbox on 127.0.0.1 is reached through the proxy here.
"""

from __future__ import annotations

import asyncio
import urllib.request

import httpx
import pytest

from app.api import errors
from app.api.client import VideoConduitClient
from app.api.models import DownloadOptions, Job
from app.engine import bulk_reads
from app.engine.model import ItemState
from app.engine.transfer import make_file_client
from app.sandbox import run_in_thread
from tests.integration.engine_harness import job_sha256, only, running_engine, sha256_of, wait_for
from tests.integration.local_servers import forwarding_proxy

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "REQUEST_METHOD")


@pytest.fixture(scope="module")
def sandbox():
    with run_in_thread(plan="business", credits=1000, job_seconds=0.2, default_size=300_000) as server:
        yield server


@pytest.fixture
def proxy():
    with forwarding_proxy() as running:
        yield running


@pytest.fixture
def clean_env(monkeypatch):
    """No proxy setting of the developer's machine leaks into these tests."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    return monkeypatch


def _origin(url: str) -> str:
    return url.rstrip("/")


async def _finished(api: VideoConduitClient, url: str) -> Job:
    job = await api.submit_download(url, DownloadOptions())
    while not (job := await api.get_job(job.job_id)).is_terminal:
        await asyncio.sleep(0.05)
    assert job.download_url and job.file_size
    return job


@pytest.mark.asyncio
async def test_api_calls_and_downloads_both_go_through_the_environments_proxy(sandbox, proxy, clean_env,
                                                                            tmp_path):
    clean_env.setenv("HTTP_PROXY", proxy.url)
    link = "https://example.com/watch/through-the-proxy"

    async with running_engine(sandbox, tmp_path) as engine:
        engine.add_urls([link])
        item = await wait_for(lambda: only(engine.items).state is ItemState.COMPLETED and only(engine.items),
                              what="the download through the proxy")

    assert sha256_of(item.file_path) == job_sha256(sandbox, item.job_id)
    api, files = _origin(sandbox.api_base), _origin(sandbox.file_base)
    carried = proxy.targets()
    assert f"POST {api}/v1/download" in carried
    assert any(t.startswith(f"GET {api}/v1/jobs") for t in carried)
    downloads = [e for e in proxy.entries if e.target.startswith(f"{files}/files/")]
    assert downloads and all(e.method == "GET" and e.status in (200, 206) for e in downloads)
    # The proxy saw the key only on the API's requests, never on the file host's.
    assert all("authorization" not in e.headers for e in downloads)
    assert all(e.headers.get("authorization") == f"Bearer {sandbox.api_key}"
               for e in proxy.entries if e.target.startswith(api))
    # And the sandbox saw those requests arrive from the proxy.
    file_requests = sandbox.admin.log("files")
    assert file_requests and all(r["headers"].get("via") == "1.1 test-forwarding-proxy"
                                 for r in file_requests if r["path"].startswith("/files/"))


@pytest.mark.asyncio
async def test_the_systems_proxy_is_used_by_both_clients(sandbox, proxy, clean_env):
    """Windows and macOS report their system proxy through urllib.request.getproxies() (registry,
    SystemConfiguration); stand in for it the way the standard library would answer there."""
    host_port = proxy.url.removeprefix("http://")
    clean_env.setattr(urllib.request, "getproxies", lambda: {"http": host_port, "https": host_port})

    api = VideoConduitClient(sandbox.api_base, sandbox.api_key)
    files = make_file_client()
    try:
        job = await _finished(api, "https://example.com/watch/system-proxy")
        async with files.stream("GET", job.download_url) as response:
            body = await response.aread()
        assert response.status_code == 200 and len(body) == job.file_size
    finally:
        await api.aclose()
        await files.aclose()

    carried = proxy.targets()
    assert f"POST {_origin(sandbox.api_base)}/v1/download" in carried
    assert f"GET {job.download_url}" in carried


@pytest.mark.asyncio
async def test_no_proxy_sends_both_direct(sandbox, proxy, clean_env):
    clean_env.setenv("HTTP_PROXY", proxy.url)
    clean_env.setenv("NO_PROXY", "example.org,127.0.0.1")

    api = VideoConduitClient(sandbox.api_base, sandbox.api_key)
    files = make_file_client()
    try:
        job = await _finished(api, "https://example.com/watch/no-proxy")
        response = await files.get(job.download_url)
        assert response.status_code == 200
    finally:
        await api.aclose()
        await files.aclose()
    assert proxy.entries == []


@pytest.mark.asyncio
async def test_the_file_clients_proxy_route_keeps_the_large_piece_reads(proxy, clean_env):
    clean_env.setenv("HTTP_PROXY", proxy.url)
    files = make_file_client()
    try:
        routes = [t for t in files._mounts.values() if t is not None]
        assert routes, "no proxy route mounted"
        assert all(isinstance(getattr(t._pool, "_network_backend", None), bulk_reads.BulkReadBackend)
                   for t in routes)
        assert bulk_reads.uses_bulk_reads(files)
    finally:
        await files.aclose()


@pytest.mark.asyncio
async def test_a_proxy_the_app_cannot_use_refuses_traffic_instead_of_going_direct(sandbox, clean_env):
    # socks5:// needs a package the app does not ship: the key and the download must not leave
    # outside the proxy the person configured (a Tor or mandatory-proxy user).
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    clean_env.setenv("ALL_PROXY", f"socks5://127.0.0.1:{listener.getsockname()[1]}")
    clean_env.setenv("HTTP_PROXY", f"socks5://127.0.0.1:{listener.getsockname()[1]}")
    sandbox.admin.clear_log()
    api = VideoConduitClient(sandbox.api_base, sandbox.api_key, max_attempts=1)
    files = make_file_client()
    try:
        with pytest.raises(errors.TransportError) as refused:
            await api.submit_download("https://example.com/watch/socks", DownloadOptions())
        assert refused.value.maybe_delivered is False  # a refusal: nothing can have been charged
        with pytest.raises(httpx.ConnectError):
            await files.get(f"{sandbox.file_base}/files/anything")
    finally:
        await api.aclose()
        await files.aclose()
        listener.close()
    assert sandbox.admin.log("api") == [] and sandbox.admin.log("files") == []
