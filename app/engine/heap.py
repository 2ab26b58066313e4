"""Giving freed memory back to the system after a one-off burst of allocations.

glibc keeps freed heap memory for reuse, and the file client raises its trim threshold on purpose
(bulk_reads.reuse_freed_blocks: a download's MiB pieces reuse freed blocks). Memory freed after
a one-off burst — loading a long stored queue, whose rows are read, turned into items and
dropped — would then stay resident for the rest of the session. Elsewhere (macOS, Windows,
musl) there is nothing to do.
"""

from __future__ import annotations

import ctypes
import sys


def give_back_freed_memory() -> bool:
    """Ask glibc to return free heap pages to the system (malloc_trim); False where it cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return False
    trim.argtypes = [ctypes.c_size_t]
    return bool(trim(0))
