"""Windows behaviour, simulated on Linux: a file that is open cannot be renamed, linked or deleted
(WinError 32), and a slow close (an antivirus scanning on close) keeps the .part open a while
after the last write."""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path

from app.engine import transfer

SHARING_VIOLATION = 32  # ERROR_SHARING_VIOLATION


def winerror(code: int, err: int = errno.EACCES, text: str = "simulated") -> OSError:
    """An OSError as Windows raises it: errno plus the Windows error number."""
    exc = PermissionError(err, text) if err in (errno.EACCES, errno.EPERM) else OSError(err, text)
    exc.winerror = code  # type: ignore[attr-defined]
    return exc


def open_in_this_process(path: Path | str) -> bool:
    target = os.path.abspath(path)
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{fd}") == target:
                return True
        except OSError:  # closed meanwhile
            continue
    return False


class WindowsLocks:
    """os.link/unlink/replace/rename refuse a path open in this process, as Windows does; every
    refusal is kept in `violations`."""

    def __init__(self, monkeypatch) -> None:
        self.violations: list[tuple[str, str]] = []
        for name in ("link", "unlink", "replace", "rename"):
            monkeypatch.setattr(os, name, self._guarded(name, getattr(os, name)))

    def _guarded(self, name: str, real):
        def guarded(src, *args, **kwargs):
            if str(src).endswith(".part") and open_in_this_process(src):
                self.violations.append((name, os.fspath(src)))
                raise winerror(SHARING_VIOLATION, text="The process cannot access the file "
                               "because it is being used by another process")
            return real(src, *args, **kwargs)

        return guarded


class SlowClose:
    """A .part whose close takes `delay` seconds (in the writer's thread), like a close that an
    antivirus scanner holds up; `closing` is set when the close begins."""

    def __init__(self, file, delay: float) -> None:
        self._file = file
        self._delay = delay
        self.closing = threading.Event()

    def fileno(self) -> int:
        return self._file.fileno()

    def close(self) -> None:
        self.closing.set()
        threading.Event().wait(self._delay)
        self._file.close()


def slow_part_closes(monkeypatch, delay: float = 0.4) -> list[SlowClose]:
    """Every .part transfer opens from now on closes slowly; returns the list of them."""
    made: list[SlowClose] = []
    real_open = transfer.open_part

    def open_slowly(path, start, own=None):
        file, made_id = real_open(path, start, own)
        made.append(SlowClose(file, delay))
        return made[-1], made_id

    monkeypatch.setattr(transfer, "open_part", open_slowly)
    return made
