"""Fixtures for the sandbox's own tests: real servers on loopback, plain httpx clients."""

from __future__ import annotations

import ssl
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from app.sandbox import ThreadedSandbox, run_in_thread

# Short enough that a whole job lifecycle takes a fraction of a second.
FAST = {"job_seconds": 0.1, "plan": "business"}


@pytest.fixture
def make_sandbox() -> Iterator[Callable[..., ThreadedSandbox]]:
    started: list[ThreadedSandbox] = []

    def make(**options: Any) -> ThreadedSandbox:
        sandbox = run_in_thread(**{**FAST, **options})
        started.append(sandbox)
        return sandbox

    yield make
    for sandbox in started:
        sandbox.stop()


@pytest.fixture
def sandbox(make_sandbox: Callable[..., ThreadedSandbox]) -> ThreadedSandbox:
    return make_sandbox()


# Made once: httpx would build a TLS context per client (~50 ms), unused on plain loopback HTTP.
TLS = ssl.create_default_context()


def http_client(**options: Any) -> httpx.Client:
    return httpx.Client(verify=TLS, timeout=10, **options)


def api_client(sandbox: ThreadedSandbox, key: str | None = None) -> httpx.Client:
    headers = {"Authorization": f"Bearer {key or sandbox.api_key}"}
    return http_client(base_url=sandbox.api_base, headers=headers)


@pytest.fixture(scope="session")
def http() -> Iterator[httpx.Client]:
    """A client without credentials, for the file origin and unauthenticated calls."""
    with http_client() as client:
        yield client


@pytest.fixture
def api(sandbox: ThreadedSandbox) -> Iterator[httpx.Client]:
    with api_client(sandbox) as client:
        yield client
