"""An exclusive lock on one file that the operating system drops when the process ends, however
it ends: flock on Unix, a byte-range lock (msvcrt.locking, LockFileEx underneath) on Windows.

The file stays after release, so every process locks the same inode; there is no PID file that a
killed process could leave behind. The lock belongs to an open file, not to a thread: a second
QueueLock on the same path in the same process is refused too (that is how `is_owned` probes).
Small on purpose: the window's start waits for it (the filelock package took 15 ms to import).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


class QueueLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def is_locked(self) -> bool:
        return self._fd is not None

    def try_acquire(self) -> bool:
        """Take the lock without waiting: False when another open file holds it. OSError when
        it cannot be taken at all (a read-only folder; a network disk without file locks says
        ENOLCK): that is no owner to wait for or hand links to."""
        if self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        try:
            _lock(fd)
        except _HELD:
            os.close(fd)
            return False
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        return True

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        finally:
            os.close(fd)


if sys.platform == "win32":
    import msvcrt

    _HELD: type[OSError] = OSError  # LK_NBLCK fails with EACCES or EDEADLOCK when held

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # the first byte, even of an empty file

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    _HELD = BlockingIOError  # EWOULDBLOCK: another open file holds it; anything else is no owner

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
