"""The sandbox account: credit balance, plan, API keys, and the per-key rate-limit windows.

Nothing here locks: the caller holds ``SandboxState.lock`` around every use.
"""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass

from . import clock

# Requests per rate-limit window, by plan (the documented per-minute limits).
PLAN_LIMITS: dict[str, int] = {
    "free": 10,
    "starter": 60,
    "pro": 200,
    "growth": 500,
    "business": 1000,
}


def new_api_key() -> str:
    return "vc_sandbox_" + secrets.token_hex(12)


def check_plan(plan: str) -> str:
    if plan not in PLAN_LIMITS:
        raise ValueError(f"unknown plan {plan!r}; one of {', '.join(PLAN_LIMITS)}")
    return plan


class Account:
    """One account: every key spends the same credits, each key has its own rate limit."""

    def __init__(self, plan: str, credits: int, api_key: str) -> None:
        self.plan = check_plan(plan)
        self.credits = credits
        self.keys: dict[str, bool] = {api_key: True}

    @property
    def rate_limit(self) -> int:
        return PLAN_LIMITS[self.plan]

    def key_active(self, key: str | None) -> bool | None:
        """True or False for a known key (active or deactivated), None for an unknown one."""
        return None if key is None else self.keys.get(key)


@dataclass(frozen=True)
class RateStatus:
    """What the X-RateLimit-* headers say about one request, and whether it may proceed."""

    allowed: bool
    limit: int
    remaining: int
    resets_at: float  # monotonic time at which the window ends

    def headers(self, now: float, clock_offset: float = 0.0) -> dict[str, str]:
        """``clock_offset``: how far the service's wall clock is off (admin clock-offset)."""
        headers = {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(self.remaining),
            # Whole Unix seconds, rounded up so that waiting until then is always enough.
            "X-RateLimit-Reset": str(math.ceil(clock.wall_at(self.resets_at) + clock_offset)),
        }
        if not self.allowed:
            headers["Retry-After"] = str(self.retry_after(now))
        return headers

    def retry_after(self, now: float) -> int:
        return max(1, math.ceil(self.resets_at - now))


@dataclass
class _Window:
    ends_at: float
    count: int = 0


class RateLimiter:
    """Fixed windows per key: a window opens with the first counted request after the previous
    one ended and lasts ``window_seconds``; at most ``limit`` requests count in it."""

    def __init__(self, window_seconds: float) -> None:
        self.window_seconds = window_seconds
        self._windows: dict[str, _Window] = {}

    def _current(self, key: str, now: float) -> _Window | None:
        window = self._windows.get(key)
        return window if window is not None and now < window.ends_at else None

    def peek(self, key: str, limit: int, now: float) -> RateStatus:
        """The status without counting the request (for answers that do not count: 401)."""
        window = self._current(key, now)
        if window is None:
            return RateStatus(True, limit, limit, now + self.window_seconds)
        return RateStatus(True, limit, max(0, limit - window.count), window.ends_at)

    def take(self, key: str, limit: int, now: float) -> RateStatus:
        """Count the request if the window has room; otherwise refuse it without counting."""
        window = self._current(key, now)
        if window is None:
            window = self._windows[key] = _Window(now + self.window_seconds)
        if window.count >= limit:
            return RateStatus(False, limit, 0, window.ends_at)
        window.count += 1
        return RateStatus(True, limit, limit - window.count, window.ends_at)
