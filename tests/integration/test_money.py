"""A link is charged at most once, whatever the network says — against the real sandbox.

Each test sets up one uncertain reply the way a real network produces it and counts the jobs
(charges) the sandbox made for the link. The rule under test: when we are not sure whether money
moved, we look; we never act again on our own.
"""

from __future__ import annotations

import pytest

from app.engine.model import AccountState, ItemState, Outcome, ProblemKind
from app.sandbox import run_in_thread
from tests.integration.engine_harness import job_sha256, running_engine, sha256_of, wait_for

pytestmark = pytest.mark.asyncio

GATEWAY_TIMEOUT_PAGE = "<html><head><title>504 Gateway Time-out</title></head><body>504</body></html>"


@pytest.fixture
def sandbox():
    with run_in_thread(plan="business", credits=100, job_seconds=0.3, default_size=200_000) as server:
        yield server


def charges(sandbox, url: str) -> tuple[int, int]:
    """(POSTs the sandbox saw for the link, jobs it made — the charges)."""
    return sandbox.admin.posts_for_url(url), sandbox.admin.jobs_for_url(url)


async def test_504_after_the_job_was_made_with_a_lagging_list_is_one_job(sandbox, tmp_path):
    url = "https://example.com/watch/gateway-504"
    sandbox.admin.set_list_lag(10.0)
    sandbox.admin.queue_faults("/v1/download", [{"status": 504, "body": GATEWAY_TIMEOUT_PAGE,
                                                 "after_processing": True}], method="POST")
    async with running_engine(sandbox, tmp_path, patient_look=60.0) as engine:
        (item_id,) = engine.add_text(url).added
        assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
        item = engine.item(item_id)
        assert sha256_of(item.file_path) == job_sha256(sandbox, item.job_id)
    assert charges(sandbox, url) == (1, 1)


async def test_303_after_the_job_was_made_is_one_job(sandbox, tmp_path):
    url = "https://example.com/watch/see-other"
    sandbox.admin.queue_faults("/v1/download", [{"status": 303, "headers": {"Location": "/v1/jobs"},
                                                 "after_processing": True}], method="POST")
    async with running_engine(sandbox, tmp_path) as engine:
        engine.add_text(url)
        assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
    assert charges(sandbox, url) == (1, 1)


async def test_documented_503_before_any_job_looks_then_resends_the_same_intent(sandbox, tmp_path):
    url = "https://example.com/watch/unavailable"
    trouble = {"status": 503, "json": {"detail": "Service temporarily unavailable",
                                       "code": "service_unavailable"}}
    sandbox.admin.queue_faults("/v1/download", [trouble, trouble, trouble], method="POST")
    async with running_engine(sandbox, tmp_path) as engine:
        engine.add_text(url)
        assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
    assert charges(sandbox, url) == (4, 1)
    keys = sandbox.admin.idempotency_keys_for_url(url)
    assert len(set(keys)) == 1 and keys[0], keys  # one intent, re-sent with its own key
    # Before each re-send the job list was read: POST, list…, POST, list…, POST, list…, POST.
    sequence = [("post" if e["method"] == "POST" else "list") for e in sandbox.admin.log("api")
                if e["path"] in ("/v1/download", "/v1/jobs")]
    first_post = sequence.index("post")
    between = "".join("P" if s == "post" else "l" for s in sequence[first_post:])
    assert between.count("P") == 4 and "PP" not in between, between


@pytest.mark.parametrize("service_clock_offset", [-3600.0, 3600.0])
async def test_a_wrong_local_clock_does_not_hide_the_job(sandbox, tmp_path, service_clock_offset):
    # The service's clock is an hour off ours (as if ours were wrong): the look-up must use the
    # service's time, or a job made an hour "before" our intent is skipped and paid again.
    url = "https://example.com/watch/skewed-clock"
    sandbox.admin.set_clock_offset(service_clock_offset)
    sandbox.admin.queue_faults("/v1/download", [{"status": 500, "json": {"detail": "boom"},
                                                 "after_processing": True}], method="POST")
    async with running_engine(sandbox, tmp_path) as engine:
        engine.add_text(url)
        assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
        assert engine.account.state is AccountState.READY
    assert charges(sandbox, url) == (1, 1)


async def test_a_reply_slower_than_the_client_waits_is_one_job(sandbox, tmp_path):
    url = "https://example.com/watch/slow-reply"
    sandbox.admin.queue_faults("/v1/download", [{"delay": 4.0, "after_processing": True}], method="POST")
    async with running_engine(sandbox, tmp_path, timeout=1.5) as engine:
        engine.add_text(url)
        assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
    assert charges(sandbox, url) == (1, 1)


async def test_one_vanished_job_among_five_changes_only_its_row(sandbox, tmp_path):
    # The list lags, so every processing job is asked for by id; one of them answers 404.
    with run_in_thread(plan="business", credits=100, job_seconds=3.0, default_size=50_000) as slow:
        slow.admin.set_list_lag(1000.0)
        links = [f"https://example.com/watch/five-{n}" for n in range(5)]
        async with running_engine(slow, tmp_path, concurrency=5) as engine:
            ids = engine.add_text("\n".join(links)).added
            await wait_for(lambda: all(engine.item(i).job_id for i in ids), what="five jobs")
            gone = engine.item(ids[2])
            not_found = {"status": 404, "json": {"detail": "Not Found"}}
            slow.admin.queue_faults(f"/v1/jobs/{gone.job_id}", [not_found])
            assert await engine.wait_until_settled() is Outcome.SOME_FAILED
            states = {i: engine.item(i).state for i in ids}
            assert states.pop(ids[2]) is ItemState.FAILED
            assert engine.item(ids[2]).problem_kind is ProblemKind.JOB_GONE
            assert set(states.values()) == {ItemState.COMPLETED}
            free, paid, credits = engine.retry_plan(engine.failed_ids())
            assert (free, paid, credits) == ([], [ids[2]], 2)
            engine.retry(engine.failed_ids())  # never pays on its own…
            assert engine.item(ids[2]).state is ItemState.FAILED
            assert slow.admin.jobs_for_url(links[2]) == 1


async def test_a_list_reply_labelled_gzip_that_is_not_leaves_the_jobs_running(sandbox, tmp_path):
    with run_in_thread(plan="business", credits=100, job_seconds=1.5, default_size=20_000) as slow:
        links = [f"https://example.com/watch/gzip-{n}" for n in range(3)]
        async with running_engine(slow, tmp_path) as engine:
            ids = engine.add_text("\n".join(links)).added
            await wait_for(lambda: all(engine.item(i).job_id for i in ids), what="three jobs")
            slow.admin.queue_faults("/v1/jobs", [
                {"status": 200, "headers": {"Content-Encoding": "gzip", "Content-Type": "application/json"},
                 "body": "this is not gzip"}] * 2, method="GET")
            assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED


async def test_tracking_parameter_variants_of_one_link_are_one_item(sandbox, tmp_path):
    async with running_engine(sandbox, tmp_path) as engine:
        report = engine.add_text("https://www.youtube.com/watch?v=abc123&utm_source=x\n"
                                 "https://youtu.be/abc123?si=tracking\n"
                                 "https://m.youtube.com/watch?v=abc123#t=10")
        assert len(report.added) == 1
        assert engine.items[0].url == "https://www.youtube.com/watch?v=abc123"


async def test_links_queued_by_an_older_version_are_matched_in_canonical_form(sandbox, tmp_path):
    from app.engine.store import Store

    data = tmp_path / "data"
    data.mkdir()
    old = Store(data / "queue.sqlite3")  # a row as an older version stored it: key = raw link
    raw = "https://Example.com:443/watch/old?utm_source=newsletter#t=3"
    old.insert_items([{"url": raw, "url_key": raw, "options": {}, "state": "paused",
                       "position": 1.0, "added_at": 1.0}])
    old.close()
    async with running_engine(sandbox, tmp_path, data_dir=data) as engine:
        report = engine.add_text("https://example.com/watch/old")
        assert report.added == () and report.skipped == {"already_queued": 1}


SERVICE_500 = {"status": 500, "json": {"detail": "boom", "code": "server_error"}, "after_processing": True}


async def test_a_500_then_a_refused_resend_is_still_one_job(sandbox, tmp_path):
    # The 500 came after the job was made; the list lags past the brief look; the re-send meets
    # 429s until the client gives up. The next re-send must carry the first POST's key.
    url = "https://example.com/watch/500-then-429"
    sandbox.admin.set_list_lag(30.0)
    too_many = {"status": 429, "headers": {"Retry-After": "0"},
                "json": {"detail": "Rate limit exceeded. Retry after 0 seconds.", "retry_after": 0}}
    sandbox.admin.queue_faults("/v1/download", [SERVICE_500] + [too_many] * 6, method="POST")
    async with running_engine(sandbox, tmp_path) as engine:
        engine.add_text(url)
        assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
    assert sandbox.admin.jobs_for_url(url) == 1
    assert len(set(sandbox.admin.idempotency_keys_for_url(url))) == 1


async def test_changing_the_api_key_between_a_500_and_its_resend_does_not_pay_twice(sandbox, tmp_path):
    url = "https://example.com/watch/key-change"
    other_key = "vc_second_key_of_the_same_account"
    sandbox.admin.add_key(other_key)
    sandbox.admin.set_list_lag(4.0)
    sandbox.admin.queue_faults("/v1/download", [SERVICE_500], method="POST")
    async with running_engine(sandbox, tmp_path, brief_look=(0.0, 2.0), patient_look=20.0) as engine:
        (item_id,) = engine.add_text(url).added
        await wait_for(lambda: sandbox.admin.posts_for_url(url) == 1, what="the first POST")
        engine.set_api_key(other_key)  # the person pasted another key of the same account
        assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
        assert engine.item(item_id).state is ItemState.COMPLETED
    assert charges(sandbox, url) == (1, 1)


async def test_removing_and_queuing_a_link_again_looks_for_its_job_instead_of_paying(sandbox, tmp_path):
    url = "https://example.com/watch/removed-then-readded"
    other = "https://example.com/watch/a-different-link"
    sandbox.admin.set_list_lag(1000.0)
    sandbox.admin.queue_faults("/v1/download", [{"status": 504, "body": GATEWAY_TIMEOUT_PAGE,
                                                 "after_processing": True}], method="POST")
    async with running_engine(sandbox, tmp_path, patient_look=1.0) as engine:
        (first,) = engine.add_text(url).added
        await wait_for(lambda: engine.item(first).state is ItemState.UNCONFIRMED, what="unconfirmed")
        engine.remove([first])
        # A different link may get the removed row's id: it must not inherit its intent.
        (different,) = engine.add_text(other).added
        (again,) = engine.add_text(url).added
        await wait_for(lambda: engine.item(again).state is ItemState.UNCONFIRMED, what="looked again")
        assert sandbox.admin.posts_for_url(url) == 1  # looked, never paid again
        sandbox.admin.set_list_lag(0.0)
        engine.look_again([again])
        assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
        assert engine.item(different).state is ItemState.COMPLETED
        assert engine.item(different).job_id != engine.item(again).job_id
    assert charges(sandbox, url) == (1, 1) and charges(sandbox, other) == (1, 1)


async def test_looking_for_a_lost_submit_does_not_hold_up_the_queue(sandbox, tmp_path):
    lost = "https://example.com/watch/lost-while-others-wait"
    others = [f"https://example.com/watch/next-{n}" for n in range(2)]
    sandbox.admin.set_list_lag(1000.0)  # the lost submit's job stays out of the list
    sandbox.admin.queue_faults("/v1/download", [{"status": 504, "body": GATEWAY_TIMEOUT_PAGE,
                                                 "after_processing": True}], method="POST")
    async with running_engine(sandbox, tmp_path, concurrency=1, patient_look=600.0) as engine:
        (first,) = engine.add_text(lost).added
        rest = engine.add_text("\n".join(others)).added
        await wait_for(lambda: all(engine.item(i).state is ItemState.COMPLETED for i in rest),
                       what="the other links to finish while the first is being looked for")
        assert engine.item(first).state is ItemState.SUBMITTING  # still looking, never re-sent
    assert charges(sandbox, lost) == (1, 1)
