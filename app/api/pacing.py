"""When to send the next request: backoff schedule, poll intervals and the request pacer.

Everything here is a function of (state, now) so it is tested with a fake clock, no network
(the idea of MusicBrainz Picard's ratecontrol, written for a per-minute request budget).

The budget is per API key and per window (a minute), shared by submits and polls. The pacer
never wants to see a 429 in steady state, so it:
  * counts its own requests, and before the first reply assumes the Free plan (10 a minute) in
    any sliding minute;
  * trusts X-RateLimit-Remaining/Reset once seen, minus the requests sent since that reply was
    asked for (their effect is not in it yet);
  * lets requests go at once while the window's budget is comfortable, and when it runs low
    spreads what is left evenly until the reset instead of bursting and then hitting the wall;
  * after a 429 holds everything until the announced time (block_until).
"""

from __future__ import annotations

import bisect
import math
import random
import time
from collections.abc import Callable

from app.api.models import Plan, RateLimitInfo

BACKOFF_FIRST = 1.0
BACKOFF_CAP = 30.0
BACKOFF_JITTER = 0.1  # jitter only adds, up to 10 %, so a wait is never shorter than promised

POLL_FIRST = 1.0
POLL_SLOWEST = 15.0
POLL_SLOWDOWN = 8.0  # elapsed seconds per second of poll interval

WINDOW_SECONDS = 60.0  # documented: the limit is per minute
ASSUMED_LIMIT = Plan.FREE.requests_per_minute or 10  # before any reply: the smallest plan
LOW_BUDGET_SHARE = 0.3  # below this share of the limit left, requests are spread out
LOW_BUDGET_MIN = 2
RESET_MARGIN = 0.5  # a whole-second Reset header or a skewed clock: step over it, not onto it


def backoff_delay(attempt: int, rng: random.Random | None = None) -> float:
    """1 s, 2 s, 4 s … for attempts 1, 2, 3 …, capped at 30 s; rng adds up to 10 % jitter."""
    exponent = min(max(attempt, 1) - 1, 16)
    delay = min(BACKOFF_FIRST * 2**exponent, BACKOFF_CAP)
    if rng is not None:
        delay *= 1.0 + rng.uniform(0.0, BACKOFF_JITTER)
    return min(delay, BACKOFF_CAP)


def poll_interval(elapsed: float) -> float:
    """How long to wait before polling a job again that has been running ``elapsed`` seconds:
    every second at first (short jobs feel instant), slower for long jobs (≤ 15 s)."""
    return min(max(POLL_FIRST, elapsed / POLL_SLOWDOWN), POLL_SLOWEST)


def low_budget_threshold(limit: int) -> int:
    """Remaining requests at or below which the pacer spreads them out."""
    return max(LOW_BUDGET_MIN, math.ceil(limit * LOW_BUDGET_SHARE))


def spread_delay(now: float, last_sent: float | None, window_end: float, remaining: int) -> float:
    """Delay so that ``remaining`` requests are spaced evenly between the last one and the
    reset, the last of them still a gap before the reset (it is the one a submit may need)."""
    if remaining <= 0:
        return max(0.0, window_end + RESET_MARGIN - now)
    start = now if last_sent is None else min(last_sent, now)
    gap = max(0.0, window_end - start) / (remaining + 1)
    return max(0.0, start + gap - now)


class RequestPacer:
    """Shares the per-minute budget between submits and polls. Not thread-safe: one event loop.

    Use: ``delay_before_next()`` → wait that long → ask again; when it says 0, call
    ``note_request()`` in the same step (no await between) and send; hand its ticket back with
    the reply (``observe(info, ticket)``) or, for a reply without rate-limit headers or no
    reply at all, to ``note_done(ticket)``.

    Replies come back out of order (parallel connections), so a reply's Remaining may be
    older than another's: within one window the lowest Remaining seen is the truth, minus the
    requests still unanswered (the server may not have counted them yet).
    """

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._sent_times: list[float] = []  # ascending; pruned to the last two windows
        self._tickets = 0
        self._unanswered: dict[int, float] = {}  # ticket → when it was sent
        self._info: RateLimitInfo | None = None  # the current window, lowest Remaining
        self._blocked_until: float | None = None

    # -- what the client tells the pacer ------------------------------------------------

    def note_request(self, now: float | None = None) -> int:
        """A request is being sent. Returns its ticket, to hand back when it is answered."""
        now = self._now(now)
        bisect.insort(self._sent_times, now)
        horizon = now - 2 * WINDOW_SECONDS
        del self._sent_times[: bisect.bisect_left(self._sent_times, horizon)]
        # A request unanswered that long has timed out long ago: stop holding budget for it.
        for ticket, sent in list(self._unanswered.items()):
            if sent < horizon:
                del self._unanswered[ticket]
        self._tickets += 1
        self._unanswered[self._tickets] = now
        return self._tickets

    def note_done(self, ticket: int) -> None:
        """The request with this ticket is over (answered or failed)."""
        self._unanswered.pop(ticket, None)

    def observe(self, info: RateLimitInfo, ticket: int | None = None) -> None:
        """X-RateLimit-* of a reply (to the request with ``ticket``, if given)."""
        if ticket is not None:
            self.note_done(ticket)
        current = self._info
        if current is not None and info.reset_at is not None and current.reset_at is not None:
            if info.reset_at < current.reset_at:
                return  # a late reply from a window that is already over
            same_window = info.reset_at == current.reset_at and info.limit == current.limit
            if (same_window and current.remaining is not None
                    and (info.remaining is None or info.remaining > current.remaining)):
                return  # the same window: a lower Remaining was already seen
        self._info = info

    def block_until(self, until: float) -> None:
        """A 429 said: nothing before ``until``."""
        if self._blocked_until is None or until > self._blocked_until:
            self._blocked_until = until

    # -- what the pacer tells the client ------------------------------------------------

    @property
    def resume_at(self) -> float | None:
        """When a 429 block ends (for a countdown); None when not blocked."""
        if self._blocked_until is not None and self._blocked_until > self._clock():
            return self._blocked_until
        return None

    @property
    def limit(self) -> int:
        """The per-window limit the pacer works with."""
        if self._info is not None and self._info.limit:
            return self._info.limit
        return ASSUMED_LIMIT

    def delay_before_next(self, now: float | None = None) -> float:
        """Seconds to wait before the next request may go; 0 means now."""
        now = self._now(now)
        if self._blocked_until is not None and now < self._blocked_until:
            return self._blocked_until - now
        info = self._info
        window_end = self._window_end(info)
        if info is None or window_end is None or info.remaining is None:
            return self._sliding_window_delay(now, WINDOW_SECONDS)
        if now >= window_end:
            # The window the replies spoke of is over; until a reply speaks of the new one,
            # count what was sent since it began and what may still arrive in it.
            return self._sliding_window_delay(now, now - window_end)
        remaining = info.remaining - len(self._unanswered)
        if remaining > low_budget_threshold(self.limit):
            return 0.0
        last_sent = self._sent_times[-1] if self._sent_times else None
        return spread_delay(now, last_sent, window_end, remaining)

    # -- helpers ------------------------------------------------------------------------

    def _now(self, now: float | None) -> float:
        return self._clock() if now is None else now

    @staticmethod
    def _window_end(info: RateLimitInfo | None) -> float | None:
        if info is None or info.reset_at is None:
            return None
        # A reset far in the future means a skewed clock or junk: fall back to counting.
        if info.reset_at - info.observed_at > 2 * WINDOW_SECONDS:
            return None
        return info.reset_at

    def _sliding_window_delay(self, now: float, span: float) -> float:
        """At most ``limit`` requests sent in the last ``span`` seconds (≤ one window) or
        still unanswered from before."""
        span = min(max(span, 0.0), WINDOW_SECONDS)
        first = bisect.bisect_left(self._sent_times, now - span)
        recent = self._sent_times[first:]
        earlier_unanswered = sum(1 for sent in self._unanswered.values() if sent < now - span)
        excess = len(recent) + earlier_unanswered - self.limit
        if excess < 0:
            return 0.0
        # Wait until enough of the requests that count leave the sliding minute.
        oldest_that_counts = recent[min(excess, len(recent) - 1)] if recent else now
        return max(0.0, oldest_that_counts + WINDOW_SECONDS - now)
