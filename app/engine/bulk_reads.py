"""A network backend for the file client that reads the socket in large pieces.

httpx (through httpcore and anyio) receives a response body 64 KiB at a time, and for every
piece re-arms the socket in the selector, wakes the event loop and walks through anyio's cancel
scopes: on loopback that costs more CPU than moving the bytes, and the app downloaded at a third
of curl's speed. This backend keeps httpx and httpcore (the HTTP/1.1 parsing, pooling, TLS
checks, redirects, exceptions) and swaps only the layer under them, through httpcore's own
network-backend interface:

* an ``asyncio.Protocol`` keeps reading while the reader works, and each receive is one
  ``recv`` of up to ``READ_SIZE`` (less while several connections receive: ``READ_BUDGET``)
  straight into the bytes object that is handed on — no copy,
  no re-arming, one loop wake-up per receive (asyncio's transports receive 256 KiB at most unless
  told otherwise: ``max_size``, set per transport where the transport has it);
* httpcore asks for ``READ_SIZE`` per read instead of 64 KiB (``AsyncHTTP11Connection.READ_NUM_BYTES``,
  a plain class attribute; raising it also lets the API client's small replies arrive in one read);
* TLS is asyncio's own (``loop.start_tls``);
* glibc is asked to reuse freed blocks of a few MiB instead of handing each back to the kernel:
  httpcore and h11 copy every piece (four copies per MiB, see the profile in tests/perf), and
  each copy into freshly mapped pages made the kernel fault in and zero them — twice the CPU.

Memory stays constant: at most ``QUEUE_PIECES`` receives plus one are queued per connection; above it
the socket is not read (back-pressure to the server) until the reader has caught up.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
from collections import deque
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx

from app.engine import body_pieces
from app.engine.heap import reuse_freed_blocks

READ_SIZE = 1 << 20  # per recv and per httpcore read: 1 MiB (measured here: 256 KiB is ~40 % slower)
# What one turn of the loop may receive, shared by the connections that are receiving: the
# window's loop also paints, while a lone download needs its full MiB to keep up with curl (P1).
# So each receive takes READ_BUDGET / (connections receiving), within [MIN_READ, READ_SIZE]. A
# connection is receiving while its reader waits for bytes or has some to take; an idle pooled
# one is not. Measured with 8 downloads at full speed (tests/perf P3, a 5 ms timer's lateness at
# the 99th percentile, 3-4 runs each): 1 MiB each → ~20 ms; 256 KiB → 9.4-11.9 ms at 780 MB/s;
# 192 KiB → 7.2-8.4 ms at 750 MB/s; 128 KiB → 3.8-4.9 ms at 680 MB/s (a bare Qt window beside 8
# curls: ~4 ms); 96 KiB → 4.0-4.3 ms at 560 MB/s. With 3 downloads (the default) 682 or 341 KiB
# each made no difference (p99 5-7 ms).
READ_BUDGET = 1 << 20
MIN_READ = 128 << 10
# Stop reading the socket once QUEUE_PIECES receives are unread, start again below one: this
# also bounds what one step of a download handles before the loop runs again (a reader takes
# what is queued without yielding). Counted in receives, not bytes, so 8 downloads sharing the
# budget queue little (the window's loop stays smooth) while a lone download's 1 MiB receives
# do not stop and restart the socket's reading after every one (two epoll_ctl and the selector's
# bookkeeping per MiB, with a fixed 1 MiB bound).
QUEUE_PIECES = 2
HAPPY_EYEBALLS_DELAY = 0.25  # RFC 8305's recommended head start for the first address
SocketOption = tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]


# Connections from connection_made to connection_lost (asyncio calls it once a transport closes;
# a TLS handshake that never finished is forgotten by start_tls itself). A plain set: a WeakSet's
# iteration cost ~4 % of a lone download's loop time.
_open_receivers: set[_Receiver] = set()


def read_size_for(connections: int) -> int:
    """Bytes per receive while `connections` are receiving (READ_BUDGET shared)."""
    return max(MIN_READ, min(READ_SIZE, READ_BUDGET // max(1, connections)))


def _receiving() -> int:
    return sum(1 for receiver in _open_receivers if receiver.is_receiving())


def _share_read_budget() -> None:
    """A connection came or went: every open one gets its new share."""
    size = read_size_for(_receiving())
    for receiver in _open_receivers:
        receiver.set_read_size(size)


class _Receiver(asyncio.Protocol):
    """Received pieces, in order, until the reader takes them."""

    def __init__(self) -> None:
        self._pieces: deque[bytes] = deque()
        self.buffered = 0
        self.transport: asyncio.Transport | None = None
        self.closed = False  # the peer closed, or the connection broke
        self.error: BaseException | None = None
        self._reading_paused = False
        self._writing_paused = False
        self._read_size = READ_SIZE
        self._waiter: asyncio.Future[None] | None = None  # the reader, waiting for bytes
        self._drain: asyncio.Future[None] | None = None  # a writer, waiting for buffer room

    # -- asyncio's side -------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        _open_receivers.add(self)
        _share_read_budget()

    def set_read_size(self, size: int) -> None:
        """Receive at most size bytes at a time from now on."""
        self._read_size = size
        transport = self.transport
        if transport is not None and isinstance(getattr(transport, "max_size", None), int):
            transport.max_size = size  # type: ignore[attr-defined]

    def is_receiving(self) -> bool:
        return self._waiter is not None or self.buffered > 0

    def data_received(self, data: bytes) -> None:
        self._pieces.append(bytes(data))  # bytes(bytes) is the same object: no copy
        self.buffered += len(data)
        if self.buffered >= QUEUE_PIECES * self._read_size and not self._reading_paused:
            self._reading_paused = True
            assert self.transport is not None
            self.transport.pause_reading()
        _wake(self._waiter)

    def eof_received(self) -> bool:
        self.closed = True
        _wake(self._waiter)
        return False  # let the transport close (and TLS would ignore True anyway)

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self.error = exc
        _open_receivers.discard(self)
        _share_read_budget()
        _wake(self._waiter)
        _wake(self._drain)

    def pause_writing(self) -> None:
        self._writing_paused = True

    def resume_writing(self) -> None:
        self._writing_paused = False
        _wake(self._drain)

    # -- the stream's side ----------------------------------------------------------------

    def take(self, max_bytes: int) -> bytes:
        data = self._pieces.popleft()
        if len(data) > max_bytes:
            self._pieces.appendleft(data[max_bytes:])
            data = data[:max_bytes]
        self.buffered -= len(data)
        if self._reading_paused and self.buffered < self._read_size:
            self._reading_paused = False
            assert self.transport is not None
            self.transport.resume_reading()
        return data

    async def wait_readable(self, timeout: float | None) -> None:
        self._waiter = asyncio.get_running_loop().create_future()
        # Its share of READ_BUDGET from the next receive on: asked each time the reader has
        # caught up (also a pooled connection in use again, from its first receive).
        self.set_read_size(read_size_for(_receiving()))
        try:
            await _within(self._waiter, timeout)
        finally:
            self._waiter = None

    async def wait_drained(self, timeout: float | None) -> None:
        if not self._writing_paused or self.closed:
            return
        self._drain = asyncio.get_running_loop().create_future()
        try:
            await _within(self._drain, timeout)
        finally:
            self._drain = None

    def switched_to(self, transport: asyncio.Transport) -> None:
        """After start_tls: the TLS transport is the one to pause and resume now."""
        self.transport = transport
        self._reading_paused = False
        self.set_read_size(read_size_for(_receiving()))


def _wake(future: asyncio.Future[None] | None) -> None:
    if future is not None and not future.done():
        future.set_result(None)


def _expire(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_exception(TimeoutError())


async def _within(future: asyncio.Future[None], timeout: float | None) -> None:
    """Await future; TimeoutError after timeout seconds (a timer, not a task per wait)."""
    if timeout is None:
        await future
        return
    timer = asyncio.get_running_loop().call_later(timeout, _expire, future)
    try:
        await future
    finally:
        timer.cancel()


class BulkReadStream(httpcore.AsyncNetworkStream):
    def __init__(self, transport: asyncio.Transport, receiver: _Receiver) -> None:
        self._transport = transport
        self._receiver = receiver

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        receiver = self._receiver
        if not receiver.buffered and not receiver.closed:
            try:
                await receiver.wait_readable(timeout)
            except TimeoutError:
                raise httpcore.ReadTimeout("timed out waiting for the file server") from None
        if receiver.buffered:
            return receiver.take(max_bytes)
        if receiver.error is not None:
            raise httpcore.ReadError(str(receiver.error) or type(receiver.error).__name__)
        return b""  # the server closed the connection

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        if self._receiver.closed or self._transport.is_closing():
            raise httpcore.WriteError("the connection is closed")
        self._transport.write(buffer)
        try:
            await self._receiver.wait_drained(timeout)
        except TimeoutError:
            raise httpcore.WriteTimeout("timed out sending to the file server") from None

    async def aclose(self) -> None:
        self._transport.close()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        try:
            transport = await loop.start_tls(
                self._transport, self._receiver, ssl_context, server_hostname=server_hostname,
                ssl_handshake_timeout=timeout)
        except BaseException as exc:
            self._transport.close()
            # Closed before the handshake finished (timed out, refused, cancelled by a pause):
            # asyncio's TLS layer then never calls the receiver's connection_lost, and it would
            # stay among the open connections for good.
            self._receiver.connection_lost(None)
            if isinstance(exc, TimeoutError):
                raise httpcore.ConnectTimeout("timed out during the TLS handshake") from None
            if isinstance(exc, OSError | ssl.SSLError):
                raise httpcore.ConnectError(str(exc)) from exc
            raise
        assert transport is not None
        self._receiver.switched_to(transport)
        return BulkReadStream(transport, self._receiver)

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":  # an idle pooled connection with news is a dead one
            return self._receiver.buffered > 0 or self._receiver.closed
        if info in ("ssl_object", "socket"):
            return self._transport.get_extra_info(info)
        if info == "client_addr":
            return self._transport.get_extra_info("sockname")
        if info == "server_addr":
            return self._transport.get_extra_info("peername")
        return None


class BulkReadBackend(httpcore.AsyncNetworkBackend):
    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        connecting = loop.create_connection(
            _Receiver, host, port,
            local_addr=(local_address, 0) if local_address else None,
            happy_eyeballs_delay=HAPPY_EYEBALLS_DELAY)
        transport, receiver = await _connected(connecting, timeout)
        _apply_options(transport, socket_options)
        return BulkReadStream(transport, receiver)

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        connecting = loop.create_unix_connection(_Receiver, path)
        transport, receiver = await _connected(connecting, timeout)
        _apply_options(transport, socket_options)
        return BulkReadStream(transport, receiver)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


async def _connected(connecting: Any, timeout: float | None) -> tuple[asyncio.Transport, _Receiver]:
    try:
        transport, receiver = await asyncio.wait_for(connecting, timeout)
    except TimeoutError:
        raise httpcore.ConnectTimeout("timed out connecting to the file server") from None
    except OSError as exc:
        raise httpcore.ConnectError(str(exc)) from exc
    return transport, receiver


def _apply_options(transport: asyncio.Transport, options: Iterable[SocketOption] | None) -> None:
    sock: socket.socket | None = transport.get_extra_info("socket")
    for option in options or ():
        if sock is not None:
            sock.setsockopt(*option)


def install(transport: httpx.AsyncHTTPTransport, backend: BulkReadBackend | None = None) -> bool:
    """Make transport's connection pool use a BulkReadBackend. httpx has no public setting for
    httpcore's ``network_backend``, so the pool httpx built gets it directly; returns False
    (and leaves httpx as it was) if a new httpx/httpcore laid this out differently — the
    download still works, only slower, and tests/unit/test_bulk_reads.py says so."""
    pool = getattr(transport, "_pool", None)
    if not isinstance(pool, httpcore.AsyncConnectionPool) or not hasattr(pool, "_network_backend"):
        return False
    if httpcore.AsyncHTTP11Connection.READ_NUM_BYTES < READ_SIZE:
        httpcore.AsyncHTTP11Connection.READ_NUM_BYTES = READ_SIZE
        reuse_freed_blocks()
        body_pieces.install()  # the received pieces themselves become the body, uncopied
    pool._network_backend = backend or BulkReadBackend()
    return True


def uses_bulk_reads(client: httpx.AsyncClient) -> bool:
    pool = getattr(getattr(client, "_transport", None), "_pool", None)
    return isinstance(getattr(pool, "_network_backend", None), BulkReadBackend)
