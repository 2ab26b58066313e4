"""One process owns a queue (app.instance): the lock, the channel file and the frames, in one
process. The owner's server runs on its own loop in a thread, the way a real owner's runs on its
session's loop, so the blocking client side is exercised exactly as a later launch runs it.
Real processes are in tests/integration/test_one_owner.py."""

from __future__ import annotations

import asyncio
import json
import socket
import stat
import struct
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from app.instance import (
    MAGIC,
    MAX_PAYLOAD,
    TOKEN_BYTES,
    HandOff,
    QueueBusy,
    QueueOwner,
    channel_path,
    claim_queue,
    lock_path,
    read_channel,
    send_frame,
)
from app.settings import AppPaths


@dataclass
class Report:
    added: tuple[int, ...] = ()
    skipped_total: int = 0


@dataclass
class Recorder:
    texts: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def __call__(self, text: str, source: str = "launch") -> Report:
        self.texts.append(text)
        self.sources.append(source)
        lines = [line for line in text.splitlines() if line]
        return Report(added=tuple(range(len(lines) - 1)), skipped_total=1 if len(lines) > 1 else 0)


class ServingOwner:
    """A QueueOwner serving on a loop in a thread, until stop()."""

    def __init__(self, owner: QueueOwner, receive=None) -> None:  # type: ignore[no-untyped-def]
        self.owner = owner
        self.received = receive or Recorder()
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.channel = self.call(owner.serve(self.received, kind="console"))

    def call(self, coro):  # type: ignore[no-untyped-def]
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout=10)

    def stop(self) -> None:
        self.call(self.owner.stop_serving())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)
        self.loop.close()
        self.owner.release()


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "data" / "videoconduit.sqlite3"


@pytest.fixture
def serving(database: Path):
    owner = claim_queue(database, [])
    assert isinstance(owner, QueueOwner)
    served = ServingOwner(owner)
    yield served
    served.stop()


def raw_exchange(port: int, data: bytes, *, timeout: float = 5.0) -> tuple[dict | None, bytes]:
    """Send bytes, read until the owner closes: (first reply decoded, everything read)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(data)
        sock.shutdown(socket.SHUT_WR)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    if len(received) < 8:
        return None, received
    assert received[:4] == MAGIC
    (length,) = struct.unpack(">I", received[4:8])
    return json.loads(received[8 : 8 + length]), received


def request(token: bytes, text: str) -> bytes:
    body = text.encode()
    return MAGIC + token + struct.pack(">I", len(body)) + body


def test_lock_and_channel_sit_beside_their_own_database(tmp_path):
    paths = AppPaths(tmp_path)
    real, demo = paths.queue_database(sandbox=False), paths.queue_database(sandbox=True)
    assert real != demo and real.parent == demo.parent
    assert lock_path(real).name == "videoconduit.sqlite3.lock"
    assert channel_path(demo).name == "sandbox-queue.sqlite3.channel"
    first, second = claim_queue(real, []), claim_queue(demo, [], wait=0.5)
    try:  # the sandbox's queue has its own owner: it never meets the real-money one
        assert isinstance(first, QueueOwner) and isinstance(second, QueueOwner)
    finally:
        first.release()
        second.release()


def test_a_held_lock_without_a_channel_is_busy_within_the_wait_and_names_the_folder(database):
    owner = claim_queue(database, [])
    assert isinstance(owner, QueueOwner)
    try:
        started = time.monotonic()
        with pytest.raises(QueueBusy) as busy:
            claim_queue(database, ["https://a.example/1"], wait=0.6)
        assert 0.5 < time.monotonic() - started < 5
        assert str(database.parent) in busy.value.sentence
        assert "hand-off channel" in busy.value.sentence
    finally:
        owner.release()
    assert isinstance(again := claim_queue(database, [], wait=0.5), QueueOwner)
    again.release()


def test_a_later_claim_hands_its_links_over_and_gets_the_counts(serving, database):
    result = claim_queue(database, ["https://a.example/1", "https://b.example/2"], where="here")
    assert isinstance(result, HandOff)
    assert serving.received.texts == ["https://a.example/1\nhttps://b.example/2"]
    assert result.reply == {"ok": True, "owner": "console", "queued": 1, "skipped": 1, "held": 0}
    assert result.sentence == ("VideoConduit Desktop is already running for here: "
                               "handed it 2 links (1 queued, 1 skipped).")


def test_the_channel_file_is_private_and_names_the_port(serving):
    file = serving.owner.channel_file
    if sys.platform != "win32":
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
    channel = read_channel(file)
    assert channel is not None and channel.port == serving.channel.port
    assert len(channel.token) == TOKEN_BYTES
    assert not list(file.parent.glob("*.tmp"))  # written beside and renamed: no leftovers


def test_a_wrong_token_is_refused_and_queues_nothing(serving):
    reply, _ = raw_exchange(serving.channel.port, request(b"\0" * TOKEN_BYTES, "https://a.example/1"))
    assert reply == {"ok": False, "code": "token", "error": "wrong token"}
    assert serving.received.texts == []
    reply = send_frame(serving.channel.port, b"\1" * TOKEN_BYTES, "https://a.example/1",
                       time.monotonic() + 5)
    assert reply["ok"] is False and reply["code"] == "token"
    assert serving.received.texts == []
    good = send_frame(serving.channel.port, serving.channel.token, "https://a.example/1",
                      time.monotonic() + 5)
    assert good["ok"] is True and serving.received.texts == ["https://a.example/1"]


def test_garbage_and_oversized_frames_are_answered_and_never_queued(serving):
    token = serving.channel.token
    reply, _ = raw_exchange(serving.channel.port, b"GET / HTTP/1.1\r\n\r\n")
    assert reply is not None and reply["code"] == "frame"
    oversized = MAGIC + token + struct.pack(">I", MAX_PAYLOAD + 1)
    reply, _ = raw_exchange(serving.channel.port, oversized)  # no body: refused from the header
    assert reply is not None and reply["code"] == "too_large"
    reply, _ = raw_exchange(serving.channel.port, MAGIC + token[:5])  # cut short
    assert reply is not None and reply["code"] == "frame"
    assert serving.received.texts == []


def test_every_frame_on_a_connection_is_answered(serving):
    token = serving.channel.token
    frames = request(token, "https://a.example/1") + request(token, "") + request(token, "ünï ✓")
    _, received = raw_exchange(serving.channel.port, frames)
    replies = []
    while received:
        (length,) = struct.unpack(">I", received[4:8])
        replies.append(json.loads(received[8 : 8 + length]))
        received = received[8 + length :]
    assert [r["ok"] for r in replies] == [True, True, True]
    assert serving.received.texts == ["https://a.example/1", "", "ünï ✓"]


def test_a_channel_left_by_a_dead_owner_is_replaced_by_the_next(database):
    database.parent.mkdir(parents=True)
    stale = channel_path(database)
    stale.write_text(json.dumps({"port": 9, "token": "00" * TOKEN_BYTES, "pid": 1}))
    owner = claim_queue(database, [])
    assert isinstance(owner, QueueOwner)
    assert not stale.exists()  # the lock holder knows nobody else may be behind it
    served = ServingOwner(owner)
    try:
        assert read_channel(stale) == served.channel
    finally:
        served.stop()
    assert not stale.exists() and not owner.serving


def test_a_launch_waiting_on_an_owner_that_exits_becomes_the_owner(database):
    owner = claim_queue(database, [])
    assert isinstance(owner, QueueOwner)
    threading.Timer(0.3, owner.release).start()
    successor = claim_queue(database, ["https://a.example/1"], wait=10)
    assert isinstance(successor, QueueOwner)
    successor.release()


def test_an_owner_that_never_answers_is_busy_after_the_wait(database):
    owner = claim_queue(database, [])
    assert isinstance(owner, QueueOwner)
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()  # the kernel completes connections; nobody ever reads or answers (hung)
    try:
        channel_path(database).write_text(json.dumps(
            {"port": silent.getsockname()[1], "token": "11" * TOKEN_BYTES, "pid": 1}))
        started = time.monotonic()
        with pytest.raises(QueueBusy) as busy:
            claim_queue(database, ["https://a.example/1"], wait=0.8)
        assert time.monotonic() - started < 5
        assert "did not answer" in busy.value.reason
    finally:
        silent.close()
        owner.release()


@pytest.mark.skipif(sys.platform == "win32", reason="flock")
def test_a_disk_without_file_locks_is_said_not_taken_for_a_running_owner(tmp_path, monkeypatch, capsys):
    """A network disk without its lock service answers ENOLCK: nobody owns the queue, so the
    launch must not wait for an owner and then say one 'did not open its hand-off channel'."""
    import errno
    import fcntl

    from app.main import main

    def flock(fd: int, operation: int) -> None:  # such a disk cannot be mounted here
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", flock)
    started = time.monotonic()
    code = main(["--no-window", "--data-dir", str(tmp_path / "data"), "--api-base",
                 "http://127.0.0.1:9", "https://example.com/watch/x"])
    said = capsys.readouterr().err
    assert code == 1 and time.monotonic() - started < 5
    assert "cannot use the queue" in said and "No locks available" in said
    assert "already running" not in said


def test_an_owner_whose_lock_file_was_deleted_still_gets_the_links(serving, database):
    # The lock belongs to the file the owner opened: a new launch can take a new file's lock.
    lock_path(database).unlink()
    result = claim_queue(database, ["https://a.example/1"], where="here")
    assert isinstance(result, HandOff), "a second owner would submit (and pay for) the same rows"
    assert serving.received.texts == ["https://a.example/1"]
    assert read_channel(channel_path(database)) == serving.channel, "the live owner's channel stays"
