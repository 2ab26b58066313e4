"""The queue against the real sandbox: files arrive, money is respected, nothing is lost."""

from __future__ import annotations

import asyncio

import pytest

from app.api.models import DownloadOptions
from app.engine.model import AccountState, ItemState, Outcome, ProblemKind
from app.sandbox import run_in_thread
from tests.integration.engine_harness import job_sha256, running_engine, sha256_of, wait_for

pytestmark = pytest.mark.asyncio


@pytest.fixture
def sandbox():
    with run_in_thread(plan="business", credits=100, job_seconds=0.3, default_size=300_000) as server:
        yield server


async def test_two_urls_become_two_identical_files(sandbox, tmp_path):
    async with running_engine(sandbox, tmp_path) as engine:
        report = engine.add_text("https://example.com/watch/one\nhttps://example.com/watch/two")
        assert len(report.added) == 2
        assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
        for item in engine.items:
            assert item.state is ItemState.COMPLETED
            assert sha256_of(item.file_path) == job_sha256(sandbox, item.job_id)
        assert sorted(p.name for p in (tmp_path / "downloads").iterdir()) == ["one.mp4", "two.mp4"]
        assert sandbox.admin.state()["credits"] == 96


async def test_audio_only_costs_one_credit(sandbox, tmp_path):
    async with running_engine(sandbox, tmp_path) as engine:
        engine.add_text("https://example.com/song", DownloadOptions(audio_only=True))
        assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
        assert sandbox.admin.state()["credits"] == 99


async def test_duplicates_and_junk_are_reported_not_queued(sandbox, tmp_path):
    async with running_engine(sandbox, tmp_path) as engine:
        engine.add_text("https://example.com/a")
        report = engine.add_text("https://EXAMPLE.com/a\nhttps://example.com/b\nftp://x/y\nhello")
        assert len(report.added) == 1
        assert report.skipped["already_queued"] == 1
        assert report.skipped_total == 3


async def test_credit_shortfall_pauses_submissions_until_top_up(sandbox, tmp_path):
    sandbox.admin.set_credits(3)
    async with running_engine(sandbox, tmp_path, concurrency=1) as engine:
        engine.add_text("https://example.com/v1\nhttps://example.com/v2\nhttps://example.com/v3")
        assert await engine.wait_until_settled() is Outcome.WAITING_FOR_USER
        account = engine.account
        assert account.state is AccountState.WAITING_FOR_CREDITS
        assert (account.credits_required, account.credits_available) == (2, 1)
        assert account.waiting_items == 2 and account.waiting_credits == 4
        states = [i.state for i in engine.items]
        assert states == [ItemState.COMPLETED, ItemState.WAITING, ItemState.WAITING]

        sandbox.admin.add_credits(10)
        engine.retry_now()
        assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
        assert engine.account.state is AccountState.READY
        # v2 was refused once (nothing charged) and accepted once; v3 waited instead of trying.
        posts = [sandbox.admin.posts_for_url(f"https://example.com/v{n}") for n in (1, 2, 3)]
        assert posts == [1, 2, 1]
        assert sandbox.admin.state()["credits"] == 3 + 10 - 6


async def test_lost_reply_to_submit_is_reconciled_not_charged_twice(sandbox, tmp_path):
    url = "https://example.com/lost-reply"
    sandbox.admin.queue_faults("/v1/download", [{"status": 500, "json": {"detail": "boom"},
                                                 "after_processing": True}], method="POST")
    async with running_engine(sandbox, tmp_path) as engine:
        engine.add_text(url)
        assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
    assert sandbox.admin.posts_for_url(url) == 1
    assert sandbox.admin.state()["credits"] == 98


async def test_dropped_connection_after_submit_is_reconciled(sandbox, tmp_path):
    url = "https://example.com/dropped"
    sandbox.admin.queue_faults("/v1/download", [{"drop": True, "after_processing": True}], method="POST")
    async with running_engine(sandbox, tmp_path) as engine:
        engine.add_text(url)
        assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
    assert sandbox.admin.posts_for_url(url) == 1


async def test_html_502_before_the_job_asks_the_person_then_submits_again_when_told(sandbox, tmp_path):
    # A gateway's HTML page is not the service's documented answer: the POST may have arrived,
    # so the app looks, finds nothing, and waits for the person instead of paying on a guess.
    url = "https://example.com/gateway"
    sandbox.admin.queue_faults("/v1/download", [
        {"status": 502, "body": "<html><body><h1>502 Bad Gateway</h1></body></html>",
         "headers": {"Content-Type": "text/html"}}], method="POST")
    async with running_engine(sandbox, tmp_path) as engine:
        (item_id,) = engine.add_text(url).added
        assert await engine.wait_until_settled() is Outcome.WAITING_FOR_USER
        assert engine.item(item_id).state is ItemState.UNCONFIRMED
        assert sandbox.admin.posts_for_url(url) == 1
        engine.retry([item_id])  # Retry never pays again…
        assert engine.item(item_id).state is ItemState.UNCONFIRMED
        engine.submit_again([item_id])  # …only the person's explicit choice does
        assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
    assert sandbox.admin.posts_for_url(url) == 2
    assert sandbox.admin.jobs_for_url(url) == 1
    first, second = sandbox.admin.idempotency_keys_for_url(url)
    assert first and second and first != second


async def test_html_502_after_the_job_was_made_adopts_it(sandbox, tmp_path):
    url = "https://example.com/gateway-late"
    sandbox.admin.queue_faults("/v1/download", [
        {"status": 502, "body": "<html><body><h1>502 Bad Gateway</h1></body></html>",
         "after_processing": True}], method="POST")
    async with running_engine(sandbox, tmp_path) as engine:
        engine.add_text(url)
        assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
    assert (sandbox.admin.posts_for_url(url), sandbox.admin.jobs_for_url(url)) == (1, 1)


async def test_per_item_errors_do_not_stop_the_queue(sandbox, tmp_path):
    async with running_engine(sandbox, tmp_path) as engine:
        engine.add_text("https://unsupported.example.com/v\nhttps://example.com/will-fail\n"
                        "https://example.com/badrequest\nhttps://example.com/fine")
        assert await engine.wait_until_settled() is Outcome.SOME_FAILED
        by_url = {i.url: i for i in engine.items}
        assert by_url["https://unsupported.example.com/v"].problem_kind is ProblemKind.UNSUPPORTED
        assert by_url["https://example.com/will-fail"].problem_kind is ProblemKind.JOB_FAILED
        assert by_url["https://example.com/badrequest"].problem_kind is ProblemKind.BAD_REQUEST
        assert by_url["https://example.com/fine"].state is ItemState.COMPLETED
    # The failed job's credits came back: only the good video is paid for.
    assert sandbox.admin.state()["credits"] == 98


async def test_validation_error_lists_each_field(sandbox, tmp_path):
    sandbox.admin.queue_faults("/v1/download", [{"status": 422, "json": {"detail": [
        {"loc": ["body", "quality"], "msg": "unexpected value", "type": "value_error"},
        {"loc": ["body", "format"], "msg": "unexpected value", "type": "value_error"}]}}])
    async with running_engine(sandbox, tmp_path) as engine:
        engine.add_text("https://example.com/v")
        assert await engine.wait_until_settled() is Outcome.SOME_FAILED
        item = engine.items[0]
        assert item.problem_kind is ProblemKind.VALIDATION
        assert len(item.field_errors) == 2 and "quality" in item.field_errors[0]


async def test_missing_key_then_key_entered_resumes(sandbox, tmp_path):
    async with running_engine(sandbox, tmp_path, key=None) as engine:
        engine.add_text("https://example.com/needs-key")
        assert await engine.wait_until_settled() is Outcome.WAITING_FOR_USER
        assert engine.account.state is AccountState.WAITING_FOR_KEY
        engine.set_api_key(sandbox.api_key)
        assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED


async def test_wrong_key_waits_for_a_new_one(sandbox, tmp_path):
    async with running_engine(sandbox, tmp_path, key="vc_wrong_key_123456") as engine:
        engine.add_text("https://example.com/wrong-key")
        assert await engine.wait_until_settled() is Outcome.WAITING_FOR_USER
        assert engine.account.key_problem.value == "invalid"
        assert engine.items[0].state is ItemState.WAITING
        engine.set_api_key(sandbox.api_key)
        assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED


async def test_deactivated_key_is_forbidden(sandbox, tmp_path):
    sandbox.admin.set_key_active(sandbox.api_key, False)
    async with running_engine(sandbox, tmp_path) as engine:
        engine.add_text("https://example.com/forbidden")
        assert await engine.wait_until_settled() is Outcome.WAITING_FOR_USER
        assert engine.account.key_problem.value == "forbidden"


async def test_restart_mid_processing_resumes_without_second_charge(sandbox, tmp_path):
    url = "https://example.com/slow-restart"
    data = tmp_path / "data"
    async with running_engine(sandbox, tmp_path, data_dir=data) as engine:
        engine.add_text(url)
        await wait_for(lambda: engine.items[0].state is ItemState.PROCESSING, what="processing")
    async with running_engine(sandbox, tmp_path, data_dir=data) as engine:
        assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
    assert sandbox.admin.posts_for_url(url) == 1


async def test_pause_resume_cancel_remove(sandbox, tmp_path):
    async with running_engine(sandbox, tmp_path, concurrency=1) as engine:
        report = engine.add_text("https://example.com/slow-a\nhttps://example.com/b\nhttps://example.com/c")
        a, b, c = report.added
        engine.pause([b])
        engine.cancel([c])
        await wait_for(lambda: engine.item(a).state is ItemState.COMPLETED, what="a completes")
        assert engine.item(b).state is ItemState.PAUSED
        assert engine.item(c).state is ItemState.CANCELLED
        engine.resume([b])
        await wait_for(lambda: engine.item(b).state is ItemState.COMPLETED, what="b completes")
        engine.clear_finished()
        assert [i.id for i in engine.items] == []
    assert sandbox.admin.posts_for_url("https://example.com/c") == 0


async def test_jobs_processing_together_share_their_polls(tmp_path):
    # Polls count against the per-minute budget: five jobs at once should not cost five pollers.
    with run_in_thread(plan="business", credits=100, job_seconds=2.5, default_size=10_000) as sandbox:
        async with running_engine(sandbox, tmp_path, concurrency=5) as engine:
            engine.add_text("\n".join(f"https://example.com/batch/{n}" for n in range(5)))
            assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
        polls = [r for r in sandbox.admin.log("api")
                 if r["method"] == "GET" and r["path"].startswith("/v1/jobs")]
    # Polled one by one every second, 2.5 s jobs would need at least 2 polls each (10 in all).
    assert len(polls) <= 5, [p["path"] for p in polls]


async def test_a_new_key_while_short_of_credits_resumes_without_waiting_for_the_recheck(sandbox, tmp_path):
    # The person, paused for credits, enters a key of an account that has them: the queue looks
    # again at once instead of after the rest of the 30 s re-check interval.
    sandbox.admin.set_credits(1)
    async with running_engine(sandbox, tmp_path) as engine:
        engine.add_text("https://example.com/new-key")
        await wait_for(lambda: engine.account.state is AccountState.WAITING_FOR_CREDITS, 10,
                       what="the refusal")
        sandbox.admin.add_credits(10)
        engine.set_api_key(sandbox.api_key)
        # Far less than the 30 s the pause would otherwise wait.
        outcome = await asyncio.wait_for(engine.wait_until_settled(), timeout=12)
        assert outcome is Outcome.ALL_COMPLETED
    assert sandbox.admin.state()["credits"] == 11 - 2
