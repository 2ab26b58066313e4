"""Small real servers for transport tests: a plain forwarding HTTP proxy that keeps its own log,
and a server that answers every request with one (possibly enormous, possibly compressed) reply
generated piece by piece, so the server itself holds almost nothing in memory."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import socketserver
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

MiB = 1 << 20


# -- a forwarding proxy ----------------------------------------------------------------------


@dataclass
class ProxyEntry:
    method: str
    target: str  # the absolute URI the client asked the proxy for
    headers: dict[str, str]  # lower-case names
    status: int | None = None  # the upstream's status, None if it never answered


class _ProxyHandler(socketserver.BaseRequestHandler):
    server: _ProxyServer

    def handle(self) -> None:
        client: socket.socket = self.request
        client.settimeout(30)
        head, rest = _read_head(client)
        if head is None:
            return
        request_line, *header_lines = head.decode("latin-1").split("\r\n")
        method, target, _version = request_line.split(" ", 2)
        headers = {}
        for line in header_lines:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        entry = ProxyEntry(method, target, headers)
        with self.server.lock:
            self.server.entries.append(entry)
        parts = urlsplit(target)
        if method == "CONNECT" or parts.scheme != "http" or not parts.hostname:
            client.sendall(b"HTTP/1.1 501 Not Implemented\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return
        length = int(headers.get("content-length", "0") or 0)
        body = rest
        while len(body) < length:
            piece = client.recv(65536)
            if not piece:
                return
            body += piece
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        forwarded = [f"{method} {path} HTTP/1.1"]
        for line in header_lines:
            name = line.partition(":")[0].strip().lower()
            if name and name not in ("connection", "proxy-connection", "proxy-authorization",
                                     "keep-alive"):
                forwarded.append(line)
        forwarded += ["Connection: close", "Via: 1.1 test-forwarding-proxy"]
        try:
            upstream = socket.create_connection((parts.hostname, parts.port or 80), timeout=30)
        except OSError:
            client.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return
        with upstream:
            upstream.sendall(("\r\n".join(forwarded) + "\r\n\r\n").encode("latin-1") + body[:length])
            first = True
            while True:
                try:
                    piece = upstream.recv(256 * 1024)
                except OSError:
                    break
                if not piece:
                    break
                if first:
                    first = False
                    with contextlib.suppress(ValueError, IndexError):
                        entry.status = int(piece.split(b" ", 2)[1])
                try:
                    client.sendall(piece)
                except OSError:
                    break


def _read_head(sock: socket.socket) -> tuple[bytes | None, bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        piece = sock.recv(65536)
        if not piece:
            return None, b""
        data += piece
    head, _, rest = data.partition(b"\r\n\r\n")
    return head, rest


class _ProxyServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _ProxyHandler)
        self.entries: list[ProxyEntry] = []
        self.lock = threading.Lock()


@dataclass
class ForwardingProxy:
    """A plain HTTP/1.1 forwarding proxy for absolute-URI requests (no CONNECT), one request
    per connection. ``entries`` is its own log: what it was asked to fetch."""

    _server: _ProxyServer = field(default_factory=_ProxyServer)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def entries(self) -> list[ProxyEntry]:
        with self._server.lock:
            return list(self._server.entries)

    def targets(self) -> list[str]:
        return [f"{e.method} {e.target}" for e in self.entries]


@contextlib.contextmanager
def forwarding_proxy() -> Iterator[ForwardingProxy]:
    proxy = ForwardingProxy()
    thread = threading.Thread(target=proxy._server.serve_forever, name="test-proxy", daemon=True)
    thread.start()
    try:
        yield proxy
    finally:
        proxy._server.shutdown()
        proxy._server.server_close()
        thread.join(5)


# -- one big reply ---------------------------------------------------------------------------


PIECE = b"<html><body>" + b"<p>an error page that goes on and on</p>" * 1600 + b"</body></html>\n"


def gzip_of_zeros(total: int) -> bytes:
    """``total`` zero bytes, gzip-compressed (about 1/1000 of the size), made a MiB at a time."""
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    zeros = bytes(MiB)
    out = []
    left = total
    while left:
        step = min(left, MiB)
        out.append(packer.compress(zeros[:step]))
        left -= step
    out.append(packer.flush())
    return b"".join(out)


@dataclass
class BigReply:
    """Answers every request with ``status`` and a body of ``total`` bytes: plain HTML sent
    with a Content-Length (``chunked=False``) or chunked without one, or, when ``gzipped`` is
    given, that compressed body labelled ``Content-Encoding: gzip``."""

    status: int = 500
    total: int = 150 * MiB
    chunked: bool = False
    gzipped: bytes | None = None
    sent: int = 0  # body bytes the server managed to hand to the socket
    requests: int = 0
    _server: asyncio.Server | None = None
    _handlers: set[asyncio.Task[None]] = field(default_factory=set)

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.sockets[0].getsockname()[:2]
        return f"http://{host}:{port}"

    async def start(self) -> BigReply:
        self._server = await asyncio.start_server(self._answer, "127.0.0.1", 0)
        return self

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
        for task in list(self._handlers):
            task.cancel()
        await asyncio.gather(*self._handlers, return_exceptions=True)
        if self._server is not None:
            await self._server.wait_closed()

    async def _answer(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._handlers.add(task)
        try:
            await reader.readuntil(b"\r\n\r\n")
            self.requests += 1
            head = [f"HTTP/1.1 {self.status} Whatever", "Connection: close"]
            if self.gzipped is not None:
                head += ["Content-Type: application/json", "Content-Encoding: gzip",
                         f"Content-Length: {len(self.gzipped)}"]
            else:
                head.append("Content-Type: text/html")
                head.append("Transfer-Encoding: chunked" if self.chunked
                            else f"Content-Length: {self.total}")
            writer.write(("\r\n".join(head) + "\r\n\r\n").encode())
            if self.gzipped is not None:
                for start in range(0, len(self.gzipped), 64 * 1024):
                    writer.write(self.gzipped[start:start + 64 * 1024])
                    await writer.drain()
                    self.sent += min(64 * 1024, len(self.gzipped) - start)
            else:
                left = self.total
                while left:
                    piece = PIECE[:left]
                    writer.write(b"%x\r\n%s\r\n" % (len(piece), piece) if self.chunked else piece)
                    await writer.drain()
                    self.sent += len(piece)
                    left -= len(piece)
                if self.chunked:
                    writer.write(b"0\r\n\r\n")
            await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass  # the client stopped reading (what we want), or the test is over
        finally:
            self._handlers.discard(task)
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()
