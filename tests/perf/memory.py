"""Resident memory of this process (Linux /proc): now, and the peak since the last reset."""

from __future__ import annotations

import mmap
import re
from pathlib import Path

_STATUS = Path("/proc/self/status")


def _kib(field: str) -> int | None:
    try:
        match = re.search(rf"^{field}:\s+(\d+) kB", _STATUS.read_text(), re.MULTILINE)
    except OSError:
        return None
    return int(match.group(1)) * 1024 if match else None


def rss() -> int | None:
    return _kib("VmRSS")


def peak_rss() -> int | None:
    return _kib("VmHWM")


def reset_peak() -> bool:
    """Make the peak start again from the current RSS (Linux ≥ 4.0: clear_refs value 5)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def host_backed(download: int) -> None:
    """Touch, then free, the memory a download of that many bytes will need (its file's pages
    and the tool's buffers, with room to spare), so that the pages the kernel hands out next (a
    tmpfs file, the page cache) are backed by the host. This VM's balloon device reports free
    pages back to its host (free page reporting), and the first touch of such a page costs a
    fault on the host. Writing 2 GiB to tmpfs in 1 MiB writes, 5 s after the last run, measured
    560-770 MiB/s (1.3-1.8 CPU s/GiB) on reported pages against 2,500-3,300 MiB/s (0.32-0.41
    CPU s/GiB) right after this (`python -m tests.perf.host_pages`, 5 pairs). Whichever tool
    ran on reported pages lost by up to 4x, so both get this before they are timed. Untimed; a
    no-op where the platform has no MAP_POPULATE."""
    populate = getattr(mmap, "MAP_POPULATE", None)
    if populate is None:
        return
    room = download + download // 8 + (64 << 20)
    mmap.mmap(-1, room, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS | populate).close()
