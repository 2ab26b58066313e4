"""Writing a .part past the page cache (O_DIRECT, Linux), so that the disk stores the bytes
while the rest of the file is still arriving and "done means fsynced" costs no wait at the end.

Buffered writes copy every byte into the page cache (on this machine the largest CPU cost of a
download) and leave the disk idle until the kernel's writeback, or the final fsync, starts it:
the time to a durable file was network + disk. Direct writes go from an aligned buffer of ours
to the disk, on the writer thread, while the loop reads the next bytes: max(network, disk).

Direct I/O wants the memory, the length and the file offset aligned (``ALIGN``, a multiple of
every logical block size in use). The bytes that cannot be — the head up to the first aligned
offset (a resumed part ends anywhere) and the tail of the file — go through the page cache as
before; the final fsync covers both. Only file systems known to do direct I/O well on a local
disk get it (``DIRECT_FILE_SYSTEMS``); anything else (tmpfs, network and FUSE file systems,
macOS, Windows) keeps buffered writes. A file system that refuses it anyway (EINVAL) gets
buffered writes from then on: never an error the user sees.
"""

from __future__ import annotations

import errno
import mmap
import os
import sys
import time
from pathlib import Path

ALIGN = 4096
BUFFER_SIZE = 4 << 20  # bytes written per direct write: measured faster than 1 or 2 MiB here
# A slow download fills a buffer slowly: no byte waits in it longer than this, so a killed app
# loses at most this long of the download (plus less than ALIGN bytes), and the .part grows.
HOLD_SECONDS = 1.0
DIRECT_FILE_SYSTEMS = frozenset({"ext2", "ext3", "ext4", "xfs", "btrfs", "f2fs"})
_O_DIRECT = getattr(os, "O_DIRECT", 0)
_MOUNTINFO = Path("/proc/self/mountinfo")

if sys.platform.startswith("linux") and _O_DIRECT:
    import fcntl
else:  # pragma: no cover - other platforms never write directly
    fcntl = None  # type: ignore[assignment]


def file_system_of(fd: int) -> str | None:
    """The type of the file system that holds fd ("ext4", "tmpfs"…), from the mount table;
    None where there is none to read (not Linux) or the device is not listed in it."""
    if not hasattr(os, "major"):  # Windows
        return None
    try:
        device = os.fstat(fd).st_dev
        # Bytes, not text: a mount point is any bytes (a stick's Latin-1 label), and one that is
        # not UTF-8 anywhere in the table must not fail every download.
        lines = _MOUNTINFO.read_bytes().decode("utf-8", "surrogateescape").splitlines()
    except OSError:
        return None
    wanted = f"{os.major(device)}:{os.minor(device)}"
    for line in lines:
        fields = line.split()
        if len(fields) > 2 and fields[2] == wanted and "-" in fields:
            after = fields.index("-") + 1
            return fields[after] if after < len(fields) else None
    return None


def can_write_directly(fd: int) -> bool:
    return fcntl is not None and file_system_of(fd) in DIRECT_FILE_SYSTEMS


class DirectSink:
    """Appends bytes to fd: gathered into an aligned buffer, written BUFFER_SIZE at a time with
    O_DIRECT; ``drain`` writes what is held (its unaligned end through the page cache). Used by
    one thread only."""

    def __init__(self, fd: int, offset: int, size: int = BUFFER_SIZE) -> None:
        self._fd = fd
        self._offset = offset  # the file's size: where the next byte goes (O_APPEND)
        self._size = size
        self._buffer = mmap.mmap(-1, size)  # page-aligned, so aligned for direct I/O
        self._view = memoryview(self._buffer)
        self._held = 0
        self.held_since = 0.0  # time.monotonic() when the oldest held byte arrived
        self._direct_on = False  # whether fd has O_DIRECT set now
        self.refused = False  # the file system said no: buffered from now on

    @property
    def held(self) -> int:
        return self._held

    def add(self, chunks: list[bytes]) -> None:
        for chunk in chunks:
            data = memoryview(chunk)
            if data and not self._held:
                self.held_since = time.monotonic()
            while data:
                room = self._fill_target() - self._held
                taken = data[:room]
                self._view[self._held:self._held + len(taken)] = taken
                self._held += len(taken)
                data = data[len(taken):]
                if self._held == self._fill_target():
                    self._write_held(self._held)

    def drain(self) -> None:
        """Write every held byte: the aligned part directly, the rest through the page cache."""
        if self._held:
            self._write_held(self._held)

    def write_aligned(self) -> None:
        """Write the held bytes up to the last aligned offset, directly; keep the rest (less
        than ALIGN) for the next write, and count its wait from now."""
        # Unaligned file end: what is held is less than the way to the next aligned offset.
        aligned = 0 if self._offset % ALIGN else self._held - self._held % ALIGN
        rest = self._held - aligned
        if aligned:
            self._write_held(aligned)
            self._view[:rest] = self._view[aligned:aligned + rest]  # apart: rest < ALIGN ≤ aligned
            self._held = rest
        self.held_since = time.monotonic()

    def close(self) -> None:
        self._view.release()
        try:
            self._buffer.close()
        except BufferError:
            # A failed write's error (kept to be raised on the loop) still holds a view of the
            # buffer in its traceback: the memory goes with it. Raising here would leave the
            # .part open and its download waiting for the writer for ever.
            pass

    def _fill_target(self) -> int:
        """Bytes to gather before the next write: up to the next aligned file offset when the
        file ends unaligned (a resumed part, after a drain), else a whole buffer."""
        return ALIGN - self._offset % ALIGN if self._offset % ALIGN else self._size

    def _write_held(self, count: int) -> None:
        done = 0
        while done < count:
            left = count - done
            aligned = left - left % ALIGN
            direct = not self.refused and self._offset % ALIGN == 0 and aligned > 0
            # Released at once, also when the write raises: an exported view of the buffer
            # would keep close() from unmapping it.
            with self._view[done:done + (aligned if direct else left)] as piece:
                written = self._write(piece, direct)
            done += written
            self._offset += written
        self._held = 0

    def _write(self, piece: memoryview, direct: bool) -> int:
        self._set_direct(direct)
        try:
            return os.write(self._fd, piece)
        except OSError as exc:
            if not direct or exc.errno != errno.EINVAL:
                raise
        self.refused = True  # the file system (or this file) takes no direct writes after all
        self._set_direct(False)
        return os.write(self._fd, piece)

    def _set_direct(self, on: bool) -> None:
        if on == self._direct_on:
            return
        assert fcntl is not None
        flags = fcntl.fcntl(self._fd, fcntl.F_GETFL)
        try:
            fcntl.fcntl(self._fd, fcntl.F_SETFL, flags | _O_DIRECT if on else flags & ~_O_DIRECT)
        except OSError as exc:
            if not on or exc.errno != errno.EINVAL:
                raise
            self.refused = True
            return
        self._direct_on = on
