"""Resident memory of this process (Linux /proc): now, and the peak since the last reset."""

from __future__ import annotations

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
