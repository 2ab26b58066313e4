"""Time for the sandbox: every duration is measured on the monotonic clock (so a wall-clock jump
cannot expire a link or finish a job early); wall time appears only in what the service prints."""

from __future__ import annotations

import time
from datetime import UTC, datetime


def now() -> float:
    """The monotonic clock every sandbox deadline is expressed in."""
    return time.monotonic()


def wall_at(mono: float) -> float:
    """The Unix time at which the monotonic clock reads (or read) ``mono``."""
    return time.time() + (mono - time.monotonic())


def iso_utc(unix_time: float) -> str:
    """ISO 8601 in UTC with a ``Z`` suffix, millisecond precision."""
    moment = datetime.fromtimestamp(unix_time, UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")
