"""Pacing with a fake clock: backoff schedule, poll intervals, and a pacer that keeps a busy
client inside the per-minute budget without ever being answered 429."""

import heapq
import itertools
import math
import random

import pytest

from app.api.models import RateLimitInfo
from app.api.pacing import RequestPacer, backoff_delay, poll_interval

START = 1_800_000_000.0


class FakeClock:
    def __init__(self, now: float = START) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def info(limit: int, remaining: int, reset_at: float, now: float) -> RateLimitInfo:
    return RateLimitInfo(limit=limit, remaining=remaining, reset_at=reset_at, observed_at=now)


# -- backoff and polling ---------------------------------------------------------------------

def test_backoff_doubles_from_one_second_and_caps_at_thirty():
    assert [backoff_delay(n) for n in range(1, 9)] == [1, 2, 4, 8, 16, 30, 30, 30]
    assert backoff_delay(0) == 1 and backoff_delay(500) == 30


def test_backoff_jitter_only_adds_up_to_ten_percent():
    rng = random.Random(7)
    for attempt in range(1, 10):
        base = min(2 ** (attempt - 1), 30)
        delays = [backoff_delay(attempt, rng) for _ in range(50)]
        assert all(base <= d <= min(base * 1.1, 30) for d in delays)
        if base < 30:
            assert len(set(delays)) > 1  # jitter actually spreads retries


def test_poll_interval_is_fast_first_then_slower_up_to_fifteen_seconds():
    assert poll_interval(0) == 1
    assert poll_interval(5) == 1
    intervals = [poll_interval(t) for t in range(0, 600, 5)]
    assert intervals == sorted(intervals)
    assert max(intervals) == 15 and poll_interval(3600) == 15


# -- the pacer, step by step -----------------------------------------------------------------

def pacer_after_one_reply(limit: int, remaining: int) -> tuple[FakeClock, RequestPacer]:
    """A pacer that sent one request and read its reply: a window ending in 60 s."""
    clock = FakeClock()
    pacer = RequestPacer(clock)
    pacer.observe(info(limit, remaining, START + 60, START), pacer.note_request())
    return clock, pacer


def test_before_any_reply_assumes_the_free_plan():
    clock = FakeClock()
    pacer = RequestPacer(clock)
    for _ in range(10):
        assert pacer.delay_before_next() == 0
        pacer.note_request()
        clock.now += 1
    # The 11th request waits until the first leaves the sliding minute.
    assert pacer.delay_before_next() == pytest.approx(50)


def test_comfortable_budget_goes_at_once():
    _, pacer = pacer_after_one_reply(60, 59)
    assert pacer.delay_before_next() == 0
    assert pacer.limit == 60


def test_low_budget_is_spread_evenly_until_the_reset():
    clock, pacer = pacer_after_one_reply(10, 3)
    sent = []
    while len(sent) < 4:
        delay = pacer.delay_before_next()
        if delay > 0:
            clock.now += delay
            continue
        pacer.note_request()
        sent.append(clock.now - START)
    first_three, after_reset = sent[:3], sent[3]
    gaps = [b - a for a, b in zip([0.0, *first_three], first_three, strict=False)]
    assert all(gap >= 10 for gap in gaps)  # not a burst
    assert max(gaps) - min(gaps) < 6  # roughly even
    assert first_three[-1] < 60  # all three used inside the window
    assert after_reset >= 60  # the fourth waits for the reset


def test_unanswered_requests_are_subtracted_from_the_remaining_budget():
    clock, pacer = pacer_after_one_reply(10, 6)
    in_flight = [pacer.note_request() for _ in range(5)]
    assert pacer.delay_before_next() > 0  # 6 - 5 = 1 may be left: spread, not burst
    for ticket in in_flight:
        pacer.note_done(ticket)  # answered, but the replies said nothing new
    assert pacer.delay_before_next() == 0


def test_within_a_window_the_lowest_remaining_wins():
    """Parallel connections reorder replies: a later reply may carry an older count."""
    clock = FakeClock()
    pacer = RequestPacer(clock)
    first, second = pacer.note_request(), pacer.note_request()
    pacer.observe(info(10, 0, START + 60, START), second)
    pacer.observe(info(10, 9, START + 60, START), first)
    assert pacer.delay_before_next() == pytest.approx(60.5)
    # A new plan (another limit) counts at once, even within the window.
    pacer.observe(info(200, 190, START + 60, START + 1), pacer.note_request(START + 1))
    assert pacer.delay_before_next(START + 1) == 0 and pacer.limit == 200
    # A reply from the next window starts afresh.
    pacer.observe(info(200, 199, START + 120, START + 61), pacer.note_request(START + 61))
    assert pacer.delay_before_next(START + 61) == 0


def test_block_until_after_a_429():
    clock, pacer = pacer_after_one_reply(1000, 999)
    pacer.block_until(START + 5)
    assert pacer.resume_at == START + 5
    assert pacer.delay_before_next() == pytest.approx(5)
    pacer.block_until(START + 2)  # an earlier end never shortens a block
    assert pacer.resume_at == START + 5
    clock.now = START + 5
    assert pacer.resume_at is None
    assert pacer.delay_before_next() == 0


# -- a simulated burst against a fixed-window server -----------------------------------------

class WindowServer:
    """Counts like the service: per key, per window; a 429 does not count."""

    def __init__(self, limit: int, window: float, aligned: bool) -> None:
        self.limit, self.window, self.aligned = limit, window, aligned
        self.window_start: float | None = None
        self.count = 0
        self.rejected = 0
        self.accepted_times: list[float] = []

    def handle(self, now: float) -> tuple[int, RateLimitInfo]:
        if self.window_start is None or now >= self.window_start + self.window:
            self.window_start = (now // self.window * self.window) if self.aligned else now
            self.count = 0
        status = 429 if self.count >= self.limit else 200
        if status == 200:
            self.count += 1
            self.accepted_times.append(now)
        else:
            self.rejected += 1
        reset = self.window_start + self.window
        return status, info(self.limit, self.limit - self.count, reset, now)


def run_burst(limit: int, requests: int, workers: int, latency: float, aligned: bool,
              start: float = START) -> tuple[WindowServer, float]:
    """Workers send ``requests`` requests as fast as the pacer lets them. Each leg of a request
    takes up to ``latency`` seconds at random, so requests overtake each other on the way.
    Returns the server and the time the last reply came back."""
    clock = FakeClock(start)
    pacer = RequestPacer(clock)
    server = WindowServer(limit, 60.0, aligned)
    rng = random.Random(requests * workers + limit)
    order = itertools.count()
    events = [(start, next(order), "ready", ()) for _ in range(workers)]
    left = requests

    def later(delay: float, kind: str, data: tuple = ()) -> None:
        heapq.heappush(events, (clock.now + delay, next(order), kind, data))

    while events:
        clock.now, _, kind, data = heapq.heappop(events)
        if kind == "ready" and left:
            delay = pacer.delay_before_next()
            if delay > 0:
                later(delay, "ready")
                continue
            left -= 1
            later(rng.uniform(0, latency), "arrive", (pacer.note_request(),))
        elif kind == "arrive":
            status, reply = server.handle(clock.now)
            later(rng.uniform(0, latency), "reply", (data[0], status, reply))
        elif kind == "reply":
            ticket, status, reply = data
            pacer.observe(reply, ticket)
            if status == 429:
                pacer.block_until(clock.now + math.ceil(reply.reset_at - clock.now))
                left += 1
            later(0, "ready")
    return server, clock.now - start


@pytest.mark.parametrize("aligned", [False, True], ids=["rolling", "aligned"])
@pytest.mark.parametrize(("workers", "latency"), [(1, 0.3), (4, 0.3), (25, 2.0)])
def test_burst_of_100_on_the_free_plan_never_hits_429(aligned, workers, latency):
    server, took = run_burst(limit=10, requests=100, workers=workers, latency=latency,
                             aligned=aligned, start=START + 42.0)
    assert server.rejected == 0
    assert len(server.accepted_times) == 100
    # Not needlessly slow: 100 requests need ten windows, and take not much more than that.
    assert took < 11 * 60


@pytest.mark.parametrize("aligned", [False, True], ids=["rolling", "aligned"])
@pytest.mark.parametrize(("workers", "latency"), [(1, 0.2), (8, 0.2), (16, 3.0)])
def test_burst_of_100_on_starter_never_hits_429(aligned, workers, latency):
    """16 slow requests in flight: replies lag behind what was sent, and the pacer counts it."""
    server, took = run_burst(limit=60, requests=100, workers=workers, latency=latency,
                             aligned=aligned, start=START + 17.0)
    assert server.rejected == 0
    assert len(server.accepted_times) == 100
    assert took < 3 * 60


def test_simulated_server_does_reject_a_client_without_pacing():
    """The simulation can fail: 100 unpaced requests on Free are mostly refused."""
    server = WindowServer(10, 60.0, aligned=False)
    statuses = [server.handle(START + i * 0.1)[0] for i in range(100)]
    assert statuses.count(429) == 90
