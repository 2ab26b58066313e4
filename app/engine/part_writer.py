"""Appending a download's bytes to its .part file on a thread of its own.

The event loop (the window's, under qasync) only hands chunks over; a thread writes them, so disk
and network work in parallel and a slow disk never stalls the loop. The loop waits only while
more than ``WRITE_AHEAD`` bytes are still unwritten (memory stays constant) — not after every
chunk: a round trip through a worker pool per chunk made the writes the bottleneck. The thread
takes everything queued in one ``writev`` — or, on a disk's file system, copies it into a
DirectSink (part_direct.py) that writes past the page cache, so the disk works while the rest
arrives and the final fsync finds nothing left to write.

Also, per file: a later writer for the same .part (a resumed download) starts only after the
earlier one has written its last byte and closed the file, so a resume never measures a .part
that is still growing; and whoever moves or deletes a .part waits for the same (``closed``,
``earlier_writer_done``).
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
from pathlib import Path
from typing import BinaryIO

from app.engine.part_direct import BUFFER_SIZE, HOLD_SECONDS, DirectSink, can_write_directly

WRITE_AHEAD = 4 << 20  # unwritten bytes the loop may run ahead of the disk
# The loop never waits for a direct write's buffer to fill: a waiting loop would force a half
# buffer out, and its unaligned end through the page cache.
assert WRITE_AHEAD >= BUFFER_SIZE
WRITE_BATCH = 1 << 20  # wake the thread per MiB: measured faster than 2 or 4 MiB (still in cache)
_HAS_WRITEV = hasattr(os, "writev")  # not on Windows
_IOV_MAX = 512
# No writeback hints on the buffered path: CPython's os has no sync_file_range. Direct writes
# (part_direct) keep the disk busy on the disks' file systems; others write back at the fsync.

_finished: dict[Path, asyncio.Future[None]] = {}  # .part → resolved when its writer is done


def write_all(fd: int, chunks: list[bytes]) -> None:
    """Every byte of chunks to fd. os.writev spares joining them (a copy of every byte)."""
    views = [memoryview(chunk) for chunk in chunks]
    while views:
        written = os.writev(fd, views[:_IOV_MAX]) if _HAS_WRITEV else os.write(fd, views[0])
        while views and written >= len(views[0]):
            written -= len(views.pop(0))
        if views and written:
            views[0] = views[0][written:]


def writer_busy(path: Path) -> bool:
    """Whether a writer of path has not closed it yet."""
    return path in _finished


async def earlier_writer_done(path: Path) -> None:
    """Until the last writer of path (if any) has closed it."""
    earlier = _finished.get(path)
    if earlier is not None:
        await asyncio.shield(earlier)


class PartWriter:
    def __init__(self, file: BinaryIO, path: Path) -> None:
        self._file = file
        self._fd = file.fileno()
        self._path = path
        self._loop = asyncio.get_running_loop()
        self._lock = threading.Condition()
        self._queue: list[bytes] = []
        self._queued = 0  # bytes in _queue, not yet taken by the thread (guarded by _lock)
        self._unwritten = 0  # bytes handed over and not yet written (guarded by _lock)
        self._batch = WRITE_BATCH  # the thread wakes once this much is queued
        self._room_below: int | None = None  # the loop waits until _unwritten ≤ this
        self._room: asyncio.Future[None] | None = None
        self._closing = False
        self._error: OSError | None = None
        # Past the page cache where the file system does it well: the disk works meanwhile.
        self._sink = (DirectSink(self._fd, os.lseek(self._fd, 0, os.SEEK_END))
                      if can_write_directly(self._fd) else None)
        self._done: asyncio.Future[None] = self._loop.create_future()
        _finished[path] = self._done
        self._thread = threading.Thread(target=self._run, name="part-writer", daemon=True)
        self._thread.start()

    async def write(self, chunks: list[bytes]) -> None:
        """Hand chunks over; returns at once unless the disk is WRITE_AHEAD behind."""
        self._raise_error()
        size = sum(len(chunk) for chunk in chunks)
        with self._lock:
            self._queue.extend(chunks)
            self._queued += size
            self._unwritten += size
            if self._queued >= self._batch:
                self._lock.notify()
        await self._until_unwritten_at_most(WRITE_AHEAD)

    async def flush(self) -> None:
        """Until every byte handed over is written (raising the first write's OSError, if any)."""
        await self._until_unwritten_at_most(0)

    def close(self) -> None:
        """No more chunks: the thread writes what it has, then closes the file. Safe to call
        after a cancel — the file is never closed under a write still running."""
        with self._lock:
            self._closing = True
            self._lock.notify()

    async def closed(self) -> None:
        """Until the thread has closed the file (after close()). Windows refuses to rename or
        delete a file that is still open, so nothing moves the .part before this."""
        await asyncio.shield(self._done)

    async def _until_unwritten_at_most(self, limit: int) -> None:
        while True:
            with self._lock:
                if self._unwritten <= limit or self._error is not None:
                    self._batch = WRITE_BATCH
                    break
                self._batch = 1  # the loop waits: write whatever is queued, however little
                self._lock.notify()
                self._room = self._loop.create_future()
                self._room_below = limit
            await self._room
        self._raise_error()

    def _raise_error(self) -> None:
        if self._error is not None:
            raise self._error

    # -- the writing thread ---------------------------------------------------------------

    def _run(self) -> None:
        try:
            while self._step():
                pass
        finally:  # whatever happened, the file is closed and closed() resolves
            try:
                try:
                    if self._sink is not None:
                        self._sink.close()
                finally:
                    self._file.close()
            finally:
                try:
                    self._loop.call_soon_threadsafe(self._finish)
                except RuntimeError:  # the loop is already closed: nobody is left to tell
                    pass

    def _step(self) -> bool:
        """Write what is queued (and what the sink holds, if someone waits for it or the file
        closes); False once the file may be closed."""
        with self._lock:
            while (self._queued < self._batch and not self._closing
                   and not self._waiter_needs_held()):
                timeout = self._hold_timeout()
                if timeout is not None and timeout <= 0:
                    break  # the sink's oldest bytes have waited long enough
                self._lock.wait(timeout)
            chunks, self._queue = self._queue, []
            size, self._queued = self._queued, 0
        written = self._write(chunks, size) if self._error is None else size
        with self._lock:
            self._unwritten -= written
            finished = self._closing and not self._queue  # close() comes after the last write
            drain = (self._sink is not None and self._sink.held > 0 and self._error is None
                     and (finished or self._waiter_needs_held()))
        if drain:
            drained = self._drain(everything=True)
        elif self._hold_timeout() == 0:
            drained = self._drain(everything=False)
        else:
            drained = 0
        if drained:
            with self._lock:
                self._unwritten -= drained
        with self._lock:
            room, below = self._room, self._room_below
            if room is not None and below is not None and (
                    self._unwritten <= below or self._error is not None):
                self._room = self._room_below = None
                self._loop.call_soon_threadsafe(_resolve, room)  # the loop is waiting
        return not finished

    def _waiter_needs_held(self) -> bool:
        """The loop waits for bytes that only a drain of the sink writes (a flush). Under _lock."""
        return (self._room_below is not None and not self._queue
                and self._unwritten > self._room_below)

    def _write(self, chunks: list[bytes], size: int) -> int:
        """Bytes of chunks (and of what the sink held before) that are in the file now."""
        try:
            if self._sink is None:
                write_all(self._fd, chunks)
                return size
            held = self._sink.held
            self._sink.add(chunks)
            return size + held - self._sink.held
        except OSError as exc:
            self._error = exc
            return size

    def _hold_timeout(self) -> float | None:
        """Seconds until the sink's oldest held bytes are due on disk (0: now); None when it
        holds nothing."""
        sink = self._sink
        if sink is None or not sink.held or self._error is not None:
            return None
        return max(0.0, sink.held_since + HOLD_SECONDS - time.monotonic())

    def _drain(self, everything: bool) -> int:
        """Write what the sink holds (everything, or only its aligned part); bytes written."""
        assert self._sink is not None
        held = self._sink.held
        try:
            if everything:
                self._sink.drain()
            else:
                self._sink.write_aligned()
        except OSError as exc:
            self._error = exc
            return held
        return held - self._sink.held

    def _finish(self) -> None:
        _resolve(self._done)
        if _finished.get(self._path) is self._done:
            del _finished[self._path]
        if self._room is not None:  # closed while the loop waited for room: let it go on
            _resolve(self._room)


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)
