"""The API key travels only to an https:// service, or over loopback to this computer (the
sandbox). Settings refuse any other address with a sentence; the client refuses to send to one."""

from __future__ import annotations

import json
import logging
import socket
import threading

import httpx
import pytest

from app.api.client import VideoConduitClient
from app.api.errors import InsecureServiceError
from app.api.models import DownloadOptions
from app.api.transport import INSECURE_SERVICE_SENTENCE, is_loopback_host, service_url_problem
from app.engine.submission import SubmitOutcome, submit_outcome
from app.settings import AppPaths, SettingsStore, service_address_problem

ALLOWED = [
    "https://videoconduit.com",
    "https://api.example.test:8443/base/",
    "http://127.0.0.1:8765",
    "http://127.8.9.10",
    "http://[::1]:9000",
    "http://localhost:1234",
    "http://LOCALHOST.",
]
REFUSED = [
    "http://videoconduit.com",
    "http://192.0.2.2:8765",
    "http://10.0.0.1",
    "http://0.0.0.0:8000",
    "http://[::2]",
    "http://[fd00::2]",
    "http://127.0.0.1.example.com",
    "http://localhost.example.com",
    "http://127.0.0.1@example.com",  # user info before the real host
]
NOT_WEB = ["ftp://127.0.0.1", "videoconduit.com", "", "https://", "javascript:alert(1)"]


@pytest.mark.parametrize("url", ALLOWED)
def test_https_anywhere_and_http_on_this_computer_are_allowed(url):
    assert service_url_problem(url) is None
    assert service_address_problem(url) is None


@pytest.mark.parametrize("url", REFUSED)
def test_plain_http_elsewhere_is_refused_with_a_sentence(url):
    assert service_url_problem(url) == INSECURE_SERVICE_SENTENCE
    assert "https://" in INSECURE_SERVICE_SENTENCE and "unencrypted" in INSECURE_SERVICE_SENTENCE


@pytest.mark.parametrize("url", NOT_WEB)
def test_what_is_no_web_address_is_refused_too(url):
    assert service_address_problem(url) is not None


def test_loopback_is_127_slash_8_and_v6_one_and_localhost():
    assert all(is_loopback_host(h) for h in ("127.0.0.1", "127.255.255.254", "::1", "[::1]", "localhost"))
    assert not any(is_loopback_host(h) for h in ("128.0.0.1", "::2", "localhost6x", "10.0.0.1"))


def test_the_settings_file_refuses_an_insecure_address_and_says_why(tmp_path, caplog):
    paths = AppPaths(tmp_path)
    paths.config_file.write_text(json.dumps({"api_base": "http://videoconduit.com"}))
    with caplog.at_level(logging.WARNING, logger="app.settings"):
        settings = SettingsStore.for_paths(paths).load()
    assert settings.api_base == "https://videoconduit.com"
    assert INSECURE_SERVICE_SENTENCE in caplog.text


def test_the_settings_file_keeps_the_sandbox_address(tmp_path):
    paths = AppPaths(tmp_path)
    paths.config_file.write_text(json.dumps({"api_base": "http://127.0.0.1:8765"}))
    assert SettingsStore.for_paths(paths).load().api_base == "http://127.0.0.1:8765"


def _outward_address() -> str | None:
    """An address of this machine that is not loopback (no packet is sent to find it)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))
        address = probe.getsockname()[0]
    except OSError:
        return None
    finally:
        probe.close()
    return None if address.startswith("127.") else address


@pytest.mark.asyncio
async def test_the_client_sends_nothing_to_a_plain_http_address_off_this_computer():
    """A real listener on this machine's own non-loopback address: reachable, but over a network
    interface, so the key must not go there in clear. Not one connection arrives."""
    address = _outward_address()
    if address is None:
        pytest.skip("this machine has no non-loopback IPv4 address to listen on")
    listener = socket.create_server((address, 0))
    listener.settimeout(0.2)
    port = listener.getsockname()[1]
    connections: list[bytes] = []
    stop, arrived = threading.Event(), threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                connections.append(conn.recv(65536))
                arrived.set()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    client = VideoConduitClient(f"http://{address}:{port}", "vc_NeverInClear_123")
    try:
        assert client.address_problem == INSECURE_SERVICE_SENTENCE
        with pytest.raises(InsecureServiceError) as caught:
            await client.list_jobs()
        # And a POST that costs credits: refused before sending, so certainly not charged.
        with pytest.raises(InsecureServiceError) as refused_submit:
            await client.submit_download("https://example.com/v", DownloadOptions())
        # The control: the listener does see a connection when something is really sent.
        with socket.create_connection((address, port), timeout=2) as control:
            control.sendall(b"CONTROL")
        assert arrived.wait(5)
    finally:
        await client.aclose()
        stop.set()
        thread.join(2)
        listener.close()
    assert connections == [b"CONTROL"]
    assert caught.value.detail == INSECURE_SERVICE_SENTENCE and not caught.value.retryable
    assert submit_outcome(refused_submit.value) is SubmitOutcome.REFUSED


@pytest.mark.asyncio
async def test_the_client_refuses_on_the_url_it_is_about_to_send_whatever_the_transport():
    sent: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda request: sent.append(request) or httpx.Response(200, json={}))
    client = VideoConduitClient("http://api.example.test", "vc_NeverInClear_123", transport=transport)
    try:
        with pytest.raises(InsecureServiceError):
            await client.get_info("https://example.com/v")
    finally:
        await client.aclose()
    assert sent == []


def test_a_host_that_is_no_valid_idna_is_refused_not_a_crash(tmp_path):
    from app.api.transport import service_url_problem

    assert service_url_problem("https://xn--ab.example") is not None
    paths = AppPaths(tmp_path)
    paths.config_file.parent.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text('{"api_base": "https://xn--ab.example"}')
    assert SettingsStore.for_paths(paths).load().api_base == "https://videoconduit.com"
