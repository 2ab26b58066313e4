"""One process owns a queue; a later launch hands its links to that owner and exits.

Every queue database has an owner: the first process that takes the exclusive lock on
``<database>.lock`` (flock on Unix, LockFileEx on Windows: app.queue_lock). The
composition root takes it before anything opens the store, keeps it for the whole session, and the
operating system drops it when the process ends, however it ends. Two processes therefore never
submit (each submit costs credits) or download the same queue at once.

The owner listens on 127.0.0.1 (a port the system picks) and writes the port and a random token
into ``<database>.channel`` (mode 0600, replaced atomically). A later launch on the same database
finds the lock taken, reads the channel, sends its links with the token, waits for the answer and
exits, without opening the store, starting a sandbox or calling the API. Window and headless owners
serve the same channel, on whatever asyncio loop they run (qasync's included): no Qt here. What
only serving or handing over needs is imported there: the window's start waits for this module.

The lock and the channel belong to the database file, not to the data folder: the sandbox keeps its
own database beside the real one, so demo links never reach a real-money session, nor the other way
round. A channel file is only ever written or removed by the process holding the lock; one left by
a killed owner is stale, and the next owner replaces it.

Frames, both directions starting with the magic:
  request  b"VCD2" | token (32 bytes) | length (4 bytes, big-endian) | links, UTF-8, one per line
           (a first line "#source=extension" or "#source=scheme" says the links come from a web
           browser, which the owner may hold for the person's OK; without it: a launch)
  reply    b"VCD2" | length (4 bytes, big-endian) | JSON
           {"ok": true, "owner": "window" | "console", "queued": n, "skipped": m, "held": h}
           {"ok": false, "code": "frame" | "token" | "too_large" | "intake" | "refused",
            "error": "..."}
The owner answers every request frame. A wrong magic or token, or a length over 16 MiB, is answered
with an error before any more is read, and the connection is closed; nothing is queued.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import struct
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from app.queue_lock import QueueLock

if TYPE_CHECKING:
    import asyncio
    import socket

log = logging.getLogger(__name__)

MAGIC = b"VCD2"
TOKEN_BYTES = 32
MAX_PAYLOAD = 16 * 1024 * 1024  # far more links than anyone pastes; refuses garbage quickly
MAX_REPLY = 64 * 1024
HAND_OFF_WAIT = 10.0  # seconds a later launch tries: an owner starting up, busy, or gone
IDLE_TIMEOUT = 10.0  # seconds the owner waits for the next part of a frame
PROBE_WAIT = 2.0  # seconds a new owner gives a channel file's owner to answer (see claim_queue)
EXIT_OWNER_DID_NOT_ANSWER = 3
_LENGTH = struct.Struct(">I")
# Where handed-over links come from: a launch's own command line, the browser extension (through
# the native-messaging host) or a videoconduit:// link (any web page can open one).
LAUNCH, EXTENSION, SCHEME = "launch", "extension", "scheme"
SOURCES = (LAUNCH, EXTENSION, SCHEME)
_SOURCE_LINE = "#source="
_LOOPBACK = "127.0.0.1"


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


def channel_path(database: Path) -> Path:
    return database.with_name(database.name + ".channel")


class Report(Protocol):
    """What an intake returns (app.engine.model.IntakeReport); only its counts travel back."""

    @property
    def added(self) -> Sequence[int]: ...

    @property
    def skipped_total(self) -> int: ...


Receive = Callable[[str, str], "Report | None"]  # (links, source)


class Refused(Exception):
    """Raised by a Receive that will not take these links; the sentence goes back to the sender."""


def tag_source(text: str, source: str) -> str:
    return text if source == LAUNCH else f"{_SOURCE_LINE}{source}\n{text}"


def split_source(body: str) -> tuple[str, str]:
    """(links, source) of a request body; an unknown source counts as the most careful one."""
    if not body.startswith(_SOURCE_LINE):
        return body, LAUNCH
    first, _, rest = body.partition("\n")
    source = first[len(_SOURCE_LINE):].strip()
    return rest, source if source in SOURCES else SCHEME


@dataclass(frozen=True)
class Channel:
    port: int
    token: bytes
    pid: int


@dataclass(frozen=True)
class HandOff:
    """A later launch's links went to the owner, which confirmed them."""

    where: str
    links: int
    reply: dict[str, Any]

    @property
    def sentence(self) -> str:
        head = f"VideoConduit Desktop is already running for {self.where}"
        if self.links == 0:
            if self.reply.get("owner") == "window":
                return f"{head}: brought its window to the front."
            return f"{head} (without a window): there were no links to hand it."
        queued, skipped = self.reply.get("queued", 0), self.reply.get("skipped", 0)
        counts = f"{queued} queued" + (f", {skipped} skipped" if skipped else "")
        return f"{head}: handed it {_links(self.links)} ({counts})."


class QueueBusy(Exception):
    """Another process owns the queue, but the links could not be handed to it."""

    def __init__(self, where: str, reason: str, refused: bool = False) -> None:
        super().__init__(reason)
        self.where = where
        self.reason = reason
        self.refused = refused  # the owner answered and said no, in a sentence of its own

    @property
    def sentence(self) -> str:
        if self.refused:
            return self.reason
        return (f"VideoConduit Desktop is already running for {self.where}, but {self.reason}. "
                "This launch did not touch the queue; if that process is stuck, end it and try again.")


def claim_queue(database: Path, links: Sequence[str], *, where: str | None = None,
                wait: float = HAND_OFF_WAIT, source: str = LAUNCH,
                own: bool = True) -> QueueOwner | HandOff:
    """Own the queue of `database`, or hand `links` to the process that owns it.

    Returns a QueueOwner (keep it for the session, release() at the end) or the owner's answer.
    Raises QueueBusy when another process holds the lock but took no links within `wait` seconds.
    Tries the lock again between attempts: an owner that exits meanwhile makes this one the owner.
    With own=False (the browser's native host) it never becomes the owner: it waits `wait`
    seconds for one to open its channel (one that is starting up) and raises QueueBusy if none.
    """
    where = where or str(database.parent)
    database.parent.mkdir(parents=True, exist_ok=True)
    lock = _new_lock(database)
    text = tag_source("\n".join(links), source)
    deadline = time.monotonic() + wait
    reason = f"it did not open its hand-off channel within {wait:g} s"
    while True:
        if own and lock.try_acquire():
            answered = _owner_without_its_lock_file(database, text, where, len(links))
            if answered is None:
                return QueueOwner(database, lock)
            lock.release()
            return answered
        channel = read_channel(channel_path(database))
        if channel is not None and time.monotonic() < deadline:
            try:
                reply = send_frame(channel.port, channel.token, text, deadline)
            except TimeoutError:
                # The kernel took the connection, the owner never answered: hung, or blocked.
                raise QueueBusy(where, f"it did not answer within {wait:g} s") from None
            except (OSError, ValueError) as exc:
                # Refused or reset: a channel left by a killed owner, or one that is shutting down.
                reason = f"it could not be reached within {wait:g} s ({_why(exc)})"
            else:
                if reply.get("ok"):
                    return HandOff(where, len(links), reply)
                if reply.get("code") == "refused":
                    raise QueueBusy(where, str(reply.get("error", "it refused the links")), True)
                if reply.get("code") != "token":  # a token mismatch is a stale channel: try again
                    raise QueueBusy(where, f"it refused the links ({reply.get('error', 'no reason')})")
                reason = f"it could not be reached within {wait:g} s (its channel file is out of date)"
        if time.monotonic() >= deadline:
            raise QueueBusy(where, reason)
        time.sleep(0.05)


def _owner_without_its_lock_file(database: Path, text: str, where: str, count: int) -> HandOff | None:
    """The lock was free, yet the channel file may name an owner that is alive: one whose lock
    file was deleted under it (the lock belongs to the file it opened, not to the name). Two
    owners would submit — and pay for — the same rows, so a live owner gets the links instead.
    None when nobody answers as an owner (a channel left by a killed one, or none)."""
    channel = read_channel(channel_path(database))
    if channel is None:
        return None
    try:
        reply = send_frame(channel.port, channel.token, text, time.monotonic() + PROBE_WAIT)
    except (OSError, ValueError):  # refused, reset, silent or not our protocol: nobody lives there
        return None
    if reply.get("ok"):
        return HandOff(where, count, reply)
    if reply.get("code") == "token":  # an owner of another queue now has that port
        return None
    raise QueueBusy(where, str(reply.get("error", "it refused the links")), reply.get("code") == "refused")


class QueueOwner:
    """Holds the lock of one queue database for the session and serves its hand-off channel."""

    def __init__(self, database: Path, lock: QueueLock) -> None:
        self.database = database
        self._lock = lock
        self.channel_file = channel_path(database)
        self._server: asyncio.AbstractServer | None = None
        self._connections: set[asyncio.Task[Any]] = set()
        self._receive: Receive | None = None
        self._kind = "console"
        self._token = b""
        # We hold the lock, so a channel file now is stale (its owner died): nobody may use it.
        self.channel_file.unlink(missing_ok=True)

    @property
    def serving(self) -> bool:
        return self._server is not None

    async def serve(self, receive: Receive, *, kind: str) -> Channel | None:
        """Listen for later launches on the running loop; `receive` queues their links, as the
        owner's own command line is queued. `kind` ("window" or "console") goes into replies.

        None (and a warning in the log) when it cannot listen: the session goes on, and later
        launches say that this one did not answer."""
        import asyncio  # imported here: a launch that only hands links over never needs it
        import secrets

        if self._server is not None:
            raise RuntimeError("already serving")
        self._receive, self._kind = receive, kind
        self._token = secrets.token_bytes(TOKEN_BYTES)
        try:
            self._server = await asyncio.start_server(self._handle, host=_LOOPBACK, port=0)
            port = self._server.sockets[0].getsockname()[1]
            channel = Channel(port, self._token, os.getpid())
            _write_channel(self.channel_file, channel)
        except OSError as exc:
            log.warning("Cannot take links from other launches: %s", exc)
            await self.stop_serving()
            return None
        log.info("serving hand-offs for %s on %s:%d", self.database.name, _LOOPBACK, port)
        return channel

    async def stop_serving(self) -> None:
        """Stop taking links (before the session closes its engine); the lock stays held."""
        import asyncio

        server, self._server = self._server, None
        if server is None:
            return
        self.channel_file.unlink(missing_ok=True)
        server.close()
        for task in list(self._connections):
            task.cancel()
        await asyncio.gather(*self._connections, return_exceptions=True)
        with contextlib.suppress(Exception):
            await asyncio.wait_for(server.wait_closed(), 2)

    def release(self) -> None:
        """End of the session: remove our channel, then let go of the lock."""
        server, self._server = self._server, None
        if server is not None:
            with contextlib.suppress(Exception):  # its loop may be closed already
                server.close()
        self.channel_file.unlink(missing_ok=True)
        if self._lock.is_locked:
            self._lock.release()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        import asyncio

        task = asyncio.current_task()
        assert task is not None
        self._connections.add(task)
        try:
            while await self._serve_frame(reader, writer):
                pass
        except (ConnectionError, asyncio.IncompleteReadError, TimeoutError):
            pass  # the other side went away or went quiet: nothing was queued for this frame
        finally:
            self._connections.discard(task)
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()

    async def _serve_frame(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        """One request, one reply. False when the connection should end."""
        import asyncio

        try:
            magic = await asyncio.wait_for(reader.readexactly(len(MAGIC)), IDLE_TIMEOUT)
        except asyncio.IncompleteReadError as exc:
            if exc.partial:
                await _answer(writer, _refusal("frame", "not a hand-off frame"))
            return False  # a clean end between frames
        if magic != MAGIC:
            await _answer(writer, _refusal("frame", "not a hand-off frame"))
            return False
        try:
            token = await asyncio.wait_for(reader.readexactly(TOKEN_BYTES), IDLE_TIMEOUT)
            import hmac

            if not hmac.compare_digest(token, self._token):
                log.warning("Refused a hand-off with a wrong token")
                await _answer(writer, _refusal("token", "wrong token"))
                return False
            header = await asyncio.wait_for(reader.readexactly(_LENGTH.size), IDLE_TIMEOUT)
            (length,) = _LENGTH.unpack(header)
            if length > MAX_PAYLOAD:
                await _answer(writer, _refusal("too_large", f"more than {MAX_PAYLOAD} bytes"))
                return False
            body = await asyncio.wait_for(reader.readexactly(length), IDLE_TIMEOUT)
        except asyncio.IncompleteReadError:
            await _answer(writer, _refusal("frame", "the frame ended early"))
            return False
        assert self._receive is not None
        try:
            report = self._receive(*split_source(body.decode("utf-8", errors="replace")))
        except Refused as refusal:
            log.info("Refused handed-over links: %s", refusal)
            await _answer(writer, _refusal("refused", str(refusal)))
            return True
        except Exception:
            log.exception("Queuing handed-over links failed")
            await _answer(writer, _refusal("intake", "the links could not be queued"))
            return False
        queued = len(report.added) if report is not None else 0
        skipped = report.skipped_total if report is not None else 0
        held = getattr(report, "held", 0) if report is not None else 0
        await _answer(writer, {"ok": True, "owner": self._kind, "queued": queued, "skipped": skipped,
                               "held": held})
        return True


# -- the client side: plain blocking sockets, cheap enough to run before any window ---------------


def send_frame(port: int, token: bytes, text: str, deadline: float) -> dict[str, Any]:
    """Send one request frame to 127.0.0.1:`port` and return the decoded reply.

    Raises TimeoutError when `deadline` (time.monotonic()) passes, OSError when the connection
    fails, ValueError when the reply is not a reply frame."""
    body = text.encode("utf-8")
    if len(body) > MAX_PAYLOAD:
        raise ValueError(f"more than {MAX_PAYLOAD} bytes of links")
    import socket

    with socket.create_connection((_LOOPBACK, port), timeout=_remaining(deadline)) as sock:
        sock.settimeout(_remaining(deadline))
        sock.sendall(MAGIC + token + _LENGTH.pack(len(body)) + body)
        header = _recv_exactly(sock, len(MAGIC) + _LENGTH.size, deadline)
        if header[: len(MAGIC)] != MAGIC:
            raise ValueError("the answer is not a hand-off reply")
        (length,) = _LENGTH.unpack(header[len(MAGIC):])
        if length > MAX_REPLY:
            raise ValueError("the answer is too long")
        reply = json.loads(_recv_exactly(sock, length, deadline).decode("utf-8"))
    if not isinstance(reply, dict):
        raise ValueError("the answer is not a JSON object")
    return reply


def is_owned(database: Path) -> bool:
    """Whether a process owns this queue now (probed by taking the lock and letting go at once)."""
    if not lock_path(database).exists():
        return False
    lock = _new_lock(database)
    if lock.try_acquire():
        lock.release()
        return False
    return True


def read_channel(path: Path) -> Channel | None:
    """The owner's port and token, or None while there is no usable channel file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        channel = Channel(int(data["port"]), bytes.fromhex(data["token"]), int(data.get("pid", 0)))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if not 0 < channel.port < 65536 or len(channel.token) != TOKEN_BYTES:
        return None
    return channel


def _write_channel(path: Path, channel: Channel) -> None:
    """Atomically, readable by this user only (mkstemp creates the file with mode 0600)."""
    import tempfile

    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as temp:
            json.dump({"port": channel.port, "token": channel.token.hex(), "pid": channel.pid}, temp)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _new_lock(database: Path) -> QueueLock:
    return QueueLock(lock_path(database))



async def _answer(writer: asyncio.StreamWriter, reply: dict[str, Any]) -> None:
    body = json.dumps(reply).encode("utf-8")
    writer.write(MAGIC + _LENGTH.pack(len(body)) + body)
    with contextlib.suppress(ConnectionError):
        await writer.drain()


def _refusal(code: str, error: str) -> dict[str, Any]:
    return {"ok": False, "code": code, "error": error}


def _recv_exactly(sock: socket.socket, size: int, deadline: float) -> bytes:
    chunks: list[bytes] = []
    while size:
        sock.settimeout(_remaining(deadline))
        chunk = sock.recv(min(size, 65536))
        if not chunk:
            raise ConnectionResetError("the owner closed the connection without an answer")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("no time left")
    return left


def _why(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc) or type(exc).__name__


def _links(n: int) -> str:
    return f"{n} link" if n == 1 else f"{n} links"
