"""Network backends that cancel a chosen task at a chosen moment: as its TCP connection is made
(where a cancel inside httpcore 1.0.9 lost a pooled connection for good: a header deadline
falling just after a connect; encode/httpcore#1093), or as the first piece of its reply
arrives. The connections and the servers are real; only the moment of the cancel is chosen."""

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


class CancelOnFirstRead(httpcore.AsyncNetworkBackend):
    """Cancels a chosen task as the first piece of its reply arrives: a small reply (headers and
    body in one piece) is then whole, and the cancel is delivered at the task's next wait, the
    one inside the close that httpx's aiter_raw() makes by itself once the body has ended."""

    def __init__(self) -> None:
        self._real = AutoBackend()
        self.victim: asyncio.Task | None = None
        self.cancels = 0

    async def connect_tcp(self, *args, **kwargs) -> httpcore.AsyncNetworkStream:
        return _ReadWatch(await self._real.connect_tcp(*args, **kwargs), self)

    async def connect_unix_socket(self, *args, **kwargs) -> httpcore.AsyncNetworkStream:
        return await self._real.connect_unix_socket(*args, **kwargs)

    async def sleep(self, seconds: float) -> None:
        await self._real.sleep(seconds)


class _ReadWatch(httpcore.AsyncNetworkStream):
    def __init__(self, real: httpcore.AsyncNetworkStream, backend: CancelOnFirstRead) -> None:
        self._real, self._backend = real, backend

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        data = await self._real.read(max_bytes, timeout)
        if data and self._backend.victim is asyncio.current_task():
            self._backend.victim.cancel()
            self._backend.victim = None
            self._backend.cancels += 1
        return data

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._real.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._real.aclose()

    async def start_tls(self, *args, **kwargs) -> httpcore.AsyncNetworkStream:
        return await self._real.start_tls(*args, **kwargs)

    def get_extra_info(self, info: str):
        return self._real.get_extra_info(info)
