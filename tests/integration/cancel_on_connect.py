"""A transport whose network backend cancels a chosen task the moment its TCP connection is
made: the instant where a cancel inside httpcore 1.0.9 lost a pooled connection for good (a
header deadline falling just after a connect; encode/httpcore#1093). The connection and the
server are real; only the moment of the cancel is chosen."""

from __future__ import annotations

import asyncio
from typing import Any

import httpcore
import httpx
from httpcore._backends.auto import AutoBackend


class CancelOnConnect(httpcore.AsyncNetworkBackend):
    def __init__(self) -> None:
        self._real = AutoBackend()
        self.victim: asyncio.Task[Any] | None = None
        self.cancels = 0

    async def connect_tcp(self, *args: Any, **kwargs: Any) -> httpcore.AsyncNetworkStream:
        stream = await self._real.connect_tcp(*args, **kwargs)
        if self.victim is not None:
            self.victim.cancel()  # delivered at the task's next wait after this return
            self.victim = None
            self.cancels += 1
        return stream

    async def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.AsyncNetworkStream:
        return await self._real.connect_unix_socket(*args, **kwargs)

    async def sleep(self, seconds: float) -> None:
        await self._real.sleep(seconds)


def one_connection_cancelling_on_connect() -> tuple[httpx.AsyncHTTPTransport, CancelOnConnect]:
    """A transport with a pool of one connection, so a single lost connection is noticed."""
    transport = httpx.AsyncHTTPTransport(limits=httpx.Limits(max_connections=1))
    backend = CancelOnConnect()
    transport._pool._network_backend = backend  # httpx offers no public way to pass one
    return transport, backend
