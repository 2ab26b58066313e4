"""How glibc's heap keeps the memory the app frees: reused for downloads, given back after a
one-off burst. Elsewhere (macOS, Windows, musl) there is nothing to tune and both do nothing.

* ``reuse_freed_blocks``: glibc adapts its mmap and trim thresholds only up to the size of the
  last freed block and trims the heap at twice that, so a download's MiB pieces kept coming from
  fresh pages (the kernel faulting and zeroing them: twice the CPU). The file client raises them
  once (bulk_reads.install).
* ``give_back_freed_memory``: with the trim threshold raised, memory freed after a one-off burst
  — loading a long stored queue, whose rows are read, turned into items and dropped — would stay
  resident for the rest of the session.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # glibc's malloc.h
MMAP_THRESHOLD = 16 << 20  # blocks below this come from the heap and are reused…
TRIM_THRESHOLD = 32 << 20  # …and free heap above this much is given back to the kernel


def _glibc(name: str, *argtypes: Any) -> Any | None:
    """glibc's function `name`, or None where there is none (not Linux, or not glibc)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = getattr(ctypes.CDLL(None), name)
    except (OSError, AttributeError):
        return None
    function.argtypes = list(argtypes)
    return function


def reuse_freed_blocks() -> bool:
    """Raise glibc's mmap and trim thresholds (process-wide, once)."""
    mallopt = _glibc("mallopt", ctypes.c_int, ctypes.c_int)
    return mallopt is not None and bool(
        mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD) and mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD))


def give_back_freed_memory() -> bool:
    """Ask glibc to return free heap pages to the system (malloc_trim); False where it cannot."""
    trim = _glibc("malloc_trim", ctypes.c_size_t)
    return trim is not None and bool(trim(0))
