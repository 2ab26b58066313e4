"""AccountGate.credits_short ignores a 402 for a submit sent before the latest credit refusal.
Can a real shortage then go unnoticed, an item stick in "waiting for credits" with the queue
ready, or the queue spin on 402s? (From hostile review 20, on the sandbox.)"""

from __future__ import annotations

import asyncio

import pytest

from app.engine.model import AccountState, ItemState, Outcome
from app.sandbox import run_in_thread
from tests.integration.engine_harness import running_engine, wait_for

pytestmark = pytest.mark.asyncio


@pytest.fixture
def sandbox():
    with run_in_thread(plan="business", credits=100, job_seconds=0.3, default_size=300_000) as server:
        yield server


def _second_refusal_late(sandbox) -> None:
    """With 1 credit, two submits on their way: the first refused at once, the second processed
    at once but answered 1.5 s later."""
    sandbox.admin.set_credits(1)
    sandbox.admin.queue_faults("/v1/download", [{"after_processing": True},
                                                {"after_processing": True, "delay": 1.5}],
                               method="POST")


async def test_a_late_refusal_from_before_the_top_up_does_not_pause_the_queue_again(sandbox, tmp_path):
    # Two submits on their way with 1 credit: the first refusal pauses the queue; the person tops
    # up and presses Retry now. The second refusal comes late (processed at once, answered 1.5 s
    # later): it is old news and must not put the queue back to waiting 30 s for its re-check.
    _second_refusal_late(sandbox)
    async with running_engine(sandbox, tmp_path, concurrency=2) as engine:
        engine.add_text("https://example.com/late-one\nhttps://example.com/late-two")
        await wait_for(lambda: engine.account.state is AccountState.WAITING_FOR_CREDITS, 10,
                       what="the first refusal")
        sandbox.admin.add_credits(10)
        engine.retry_now()
        # Far less than the 30 s a re-armed pause would wait.
        outcome = await asyncio.wait_for(engine.wait_until_settled(), timeout=12)
        assert outcome is Outcome.ALL_COMPLETED
        assert engine.account.state is AccountState.READY
    assert sandbox.admin.state()["credits"] == 11 - 4


async def test_a_late_refusal_that_is_real_news_still_pauses_the_queue(sandbox, tmp_path):
    # Two submits on their way with 1 credit (a video costs 2). The first refusal pauses; the
    # person tops up just enough for ONE and presses Retry now; the probe takes the credits.
    # The second refusal, late, is ignored as old news — but the balance really is short now.
    # The item must not stay "waiting for credits" under a READY queue, the queue must end up
    # paused for credits, and it must not spin on refused POSTs.
    one, two = "https://example.com/short-one", "https://example.com/short-two"
    _second_refusal_late(sandbox)
    async with running_engine(sandbox, tmp_path, concurrency=2) as engine:
        engine.add_text(f"{one}\n{two}")
        await wait_for(lambda: engine.account.state is AccountState.WAITING_FOR_CREDITS, 10,
                       what="the first refusal")
        sandbox.admin.add_credits(2)  # 3: enough for one video
        engine.retry_now()
        outcome = await asyncio.wait_for(engine.wait_until_settled(), timeout=15)
        assert outcome is Outcome.WAITING_FOR_USER
        assert engine.account.state is AccountState.WAITING_FOR_CREDITS
        states = sorted(i.state.value for i in engine.items)
        assert states == sorted([ItemState.COMPLETED.value, ItemState.WAITING.value]), states
        posts = sandbox.admin.posts_for_url(one) + sandbox.admin.posts_for_url(two)
        assert posts <= 4, posts  # 2 first sends, the probe, one re-send of the stale-refused one
    assert sandbox.admin.state()["credits"] == 1


async def test_concurrency_three_with_late_refusals_and_retry_now_twice(sandbox, tmp_path):
    # Three submits on their way with no credits, every refusal answered late; one top-up for
    # one video, Retry now pressed twice. The queue must pause again, charge nobody twice and
    # not spin: a bounded number of POSTs, one video bought.
    urls = [f"https://example.com/three-{n}" for n in range(4)]
    sandbox.admin.set_credits(0)
    sandbox.admin.queue_faults("/v1/download", [{"after_processing": True, "delay": 0.2 * n}
                                                for n in range(1, 4)], method="POST")
    async with running_engine(sandbox, tmp_path, concurrency=3) as engine:
        engine.add_text("\n".join(urls))
        await wait_for(lambda: engine.account.state is AccountState.WAITING_FOR_CREDITS, 10,
                       what="the first refusal")
        sandbox.admin.add_credits(2)
        engine.retry_now()
        engine.retry_now()
        outcome = await asyncio.wait_for(engine.wait_until_settled(), timeout=20)
        assert outcome is Outcome.WAITING_FOR_USER
        assert engine.account.state is AccountState.WAITING_FOR_CREDITS
        done = [i for i in engine.items if i.state is ItemState.COMPLETED]
        assert len(done) == 1, [(i.url, i.state) for i in engine.items]
        posts = {u: sandbox.admin.posts_for_url(u) for u in urls}
        assert sum(posts.values()) <= 8, posts
    assert sandbox.admin.state()["credits"] == 0
