"""One window per user and data folder: a second launch hands its links to the first and exits.

The first instance listens on a local socket (QLocalServer); a later launch connects, sends its
links in one frame, waits for the acknowledgement and exits. The server's name contains the user
and a hash of the data folder, so two people — or tests with their own temporary data folders —
never meet each other's window.

Frame: the magic b"VCD1", a 4-byte big-endian length, then the links as UTF-8 text (one per
line). The reply is b"OK" once the first instance has them.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import struct
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

MAGIC = b"VCD1"
ACK = b"OK"
_HEADER = struct.Struct(">4sI")
MAX_PAYLOAD = 16 * 1024 * 1024  # far more links than anyone pastes; refuses garbage quickly


def server_name(instance_dir: Path | str) -> str:
    """"videoconduit-<user>-<hash of the folder>": short enough for any socket path."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (some containers)
        user = "user"
    safe_user = "".join(ch for ch in user if ch.isalnum())[:24] or "user"
    digest = hashlib.sha256(str(Path(instance_dir).expanduser().resolve()).encode()).hexdigest()
    return f"videoconduit-{safe_user}-{digest[:16]}"


def encode(text: str) -> bytes:
    body = text.encode("utf-8")
    return _HEADER.pack(MAGIC, len(body)) + body


def decode(buffer: bytes) -> tuple[str | None, bool]:
    """(text, False) for a complete frame; (None, False) if more bytes are needed;
    (None, True) for a frame that can never be valid."""
    if len(buffer) < _HEADER.size:
        return None, buffer[: len(MAGIC)] != MAGIC[: len(buffer)]
    magic, length = _HEADER.unpack_from(buffer)
    if magic != MAGIC or length > MAX_PAYLOAD:
        return None, True
    if len(buffer) < _HEADER.size + length:
        return None, False
    body = buffer[_HEADER.size : _HEADER.size + length]
    return body.decode("utf-8", errors="replace"), False


def hand_off(instance_dir: Path | str, text: str, timeout_ms: int = 3000) -> bool:
    """In a later launch: give `text` to the running instance. True when it confirmed receipt;
    False when none runs (the caller then becomes the first instance)."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(instance_dir))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(encode(text))
    socket.flush()
    reply = b""
    while len(reply) < len(ACK) and socket.waitForReadyRead(timeout_ms):
        reply += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    if reply[: len(ACK)] != ACK:
        log.warning("The running instance did not confirm the hand-off")
        return False
    return True


class InstanceServer(QObject):
    """In the first instance: receives links from later launches."""

    linksReceived = Signal(str)  # the text a later launch sent (may be empty: just "show me")

    def __init__(self, instance_dir: Path | str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(instance_dir)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start listening. A socket file left by a crashed instance is removed first — callers
        have already found that nobody answers on it (hand_off returned False)."""
        if self._server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        if self._server.listen(self.name):
            return True
        log.warning("Cannot listen for other launches: %s", self._server.errorString())
        return False

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        text, invalid = decode(buffer)
        if invalid:
            log.warning("Ignored a malformed hand-off from another launch")
            self._forget(socket)
            socket.abort()
            return
        if text is None:
            self._buffers[socket] = buffer
            return
        self._buffers[socket] = b""
        socket.write(ACK)
        socket.flush()
        self.linksReceived.emit(text)

    def _forget(self, socket: QLocalSocket) -> None:
        if self._buffers.pop(socket, None) is not None:
            socket.deleteLater()
