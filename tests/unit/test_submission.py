"""The submission rules on a fake service and a fake clock: what may be sent again, and when.

The socket-level tests (tests/integration/test_money.py) show the same rules against the real
sandbox; these cover what a real clock can't: ten minutes of looking, in a moment.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from app.api import errors
from app.api.models import DownloadOptions, Job
from app.engine.account import AccountGate
from app.engine.model import Item, ItemState, WaitReason
from app.engine.store import IntentOutcome, Store
from app.engine.submission import (
    PATIENT_LOOK_SECONDS,
    Stopped,
    SubmitOutcome,
    Submitter,
    patient_schedule,
    submit_outcome,
)

URL = "https://example.com/watch/v"
async_test = pytest.mark.asyncio


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += max(0.0, seconds)
        await asyncio.sleep(0)


class FakeService:
    """Answers POSTs from a script; the job list shows ``listed`` from ``listed_from`` on."""

    def __init__(self, clock: FakeClock, answers: list[object]) -> None:
        self.clock = clock
        self.answers = list(answers)
        self.posts: list[str | None] = []  # the Idempotency-Key of each POST
        self.looks: list[float] = []
        self.listed: Job | None = None
        self.listed_from = float("inf")
        self.service_offset: float | None = None
        self.api_key = "vc_first_key_of_the_account"
        self.since: list[datetime] = []

    async def submit_download(self, url: str, options: DownloadOptions, idempotency_key: str | None = None):
        self.posts.append(idempotency_key)
        answer = self.answers.pop(0)
        if isinstance(answer, BaseException):
            raise answer
        return answer

    async def find_job_for_url(self, url, since, exclude_ids=(), same_url=str.__eq__):
        self.looks.append(self.clock.now)
        self.since.append(since)
        if self.listed is not None and self.clock.now >= self.listed_from:
            return self.listed
        return None

    def service_now(self):
        if self.service_offset is None:
            return None
        return datetime.fromtimestamp(self.clock.now + self.service_offset, UTC)


def _job(job_id: str = "job-1") -> Job:
    return Job.from_json({"job_id": job_id, "job_type": "download", "status": "queued", "url": URL,
                          "created_at": datetime.now(UTC).isoformat()})


def _error(status: int, body: bytes) -> errors.ApiError:
    return errors.error_from_response(status, {}, body)


@pytest.fixture
def world(tmp_path):
    clock = FakeClock()
    store = Store(tmp_path / "q.sqlite3")
    (item_id,) = store.insert_items([{"url": URL, "url_key": URL, "options": {}, "state": "waiting",
                                      "position": 1.0, "added_at": 1.0}])
    reports: list[dict] = []
    item = Item(id=item_id, url=URL, options=DownloadOptions(), state=ItemState.WAITING,
                position=1.0, added_at=1.0)

    def make(answers: list[object]) -> tuple[Submitter, FakeService]:
        service = FakeService(clock, answers)
        gate = AccountGate(lambda account: None, clock)

        def report(item_id: int, **changes) -> None:
            reports.append(changes)
            if changes.get("job_id"):
                store.update_item(item_id, job_id=changes["job_id"])

        submitter = Submitter(service, store, gate, report, str.__eq__, clock, clock.sleep,
                              brief_look=(0.0, 3.0, 10.0, 30.0), patient_look=PATIENT_LOOK_SECONDS)
        return submitter, service

    yield make, item, store, clock, reports
    store.close()


@pytest.mark.parametrize(("error", "outcome"), [
    (_error(402, b'{"detail": "Insufficient credits", "available": 1}'), SubmitOutcome.REFUSED),
    (_error(429, b'{"detail": "slow down", "retry_after": 5}'), SubmitOutcome.REFUSED),
    (_error(404, b'{"detail": "Unsupported URL"}'), SubmitOutcome.REFUSED),
    (_error(500, b'{"detail": "boom", "code": "server_error"}'), SubmitOutcome.TROUBLE),
    (_error(503, b'{"detail": "busy", "code": "service_unavailable"}'), SubmitOutcome.TROUBLE),
    (_error(502, b"<html>Bad Gateway</html>"), SubmitOutcome.UNKNOWN),
    (_error(504, b'{"detail": "gateway timeout"}'), SubmitOutcome.UNKNOWN),
    (_error(520, b""), SubmitOutcome.UNKNOWN),
    (_error(303, b""), SubmitOutcome.UNKNOWN),
    (_error(408, b'{"detail": "timeout"}'), SubmitOutcome.UNKNOWN),
    (errors.MalformedReplyError(status=202), SubmitOutcome.UNKNOWN),
    (errors.TransportError("read timeout"), SubmitOutcome.UNKNOWN),
    (errors.TransportError("refused", maybe_delivered=False), SubmitOutcome.REFUSED),
])
def test_every_failed_post_is_refused_trouble_or_unknown(error, outcome):
    assert submit_outcome(error) is outcome


def test_the_patient_schedule_looks_often_first_and_lasts_ten_minutes():
    moments = patient_schedule()
    assert moments[:4] == [0.0, 2.0, 6.0, 14.0]
    assert moments[-1] == PATIENT_LOOK_SECONDS
    assert max(b - a for a, b in zip(moments, moments[1:], strict=False)) <= 60.0


@async_test
async def test_a_reply_that_never_comes_is_looked_for_ten_minutes_and_never_sent_again(world):
    make, item, store, clock, reports = world
    submitter, service = make([errors.TransportError("The service did not answer in time")])
    started = clock.now
    result = await submitter.job_for(item)
    assert isinstance(result, Stopped) and result.changes["state"] is ItemState.UNCONFIRMED
    assert len(service.posts) == 1  # ten simulated minutes, one POST
    assert service.looks[-1] - started >= PATIENT_LOOK_SECONDS
    assert len(service.looks) >= 10
    confirming = [r for r in reports if r.get("waiting_for") is WaitReason.CONFIRMING]
    assert confirming and confirming[0]["wait_until"] == pytest.approx(started + PATIENT_LOOK_SECONDS)
    # Asked again later (a restart, "Look again"), it still only looks.
    again, service2 = make([])
    result = await again.job_for(item)
    assert isinstance(result, Stopped) and service2.posts == []


@async_test
async def test_a_job_that_shows_up_late_is_adopted(world):
    make, item, store, clock, reports = world
    submitter, service = make([errors.TransportError("connection reset")])
    service.listed, service.listed_from = _job("late-job"), clock.now + 100
    result = await submitter.job_for(item)
    assert isinstance(result, Job) and result.job_id == "late-job"
    assert len(service.posts) == 1
    assert store.open_intent(item.id) is None and store.known_job_ids() == {"late-job"}


@async_test
async def test_service_trouble_looks_briefly_then_resends_the_same_intent(world):
    make, item, store, clock, reports = world
    trouble = _error(503, b'{"detail": "busy", "code": "service_unavailable"}')
    submitter, service = make([trouble, trouble, _job("third-time")])
    result = await submitter.job_for(item)
    assert isinstance(result, Job) and result.job_id == "third-time"
    assert len(service.posts) == 3 and len(set(service.posts)) == 1 and service.posts[0]
    assert len(service.looks) == 2 * 4  # the brief look (four reads) before each re-send


@async_test
async def test_a_crash_between_post_and_job_id_is_looked_up_not_resent(world):
    make, item, store, clock, reports = world
    store.record_intent(item.id, URL, clock.now, "key-before-crash")  # as a killed process left it
    submitter, service = make([_job("should-not-be-sent")])
    service.listed, service.listed_from = _job("made-before-crash"), 0.0
    result = await submitter.job_for(item)
    assert isinstance(result, Job) and result.job_id == "made-before-crash"
    assert service.posts == []


@async_test
async def test_submit_again_makes_a_new_intent_with_a_new_key(world):
    make, item, store, clock, reports = world
    submitter, service = make([errors.TransportError("lost"), _job("second")])
    assert isinstance(await submitter.job_for(item), Stopped)
    submitter.abandon_open_intent(item.id)
    assert store.open_intent(item.id) is None
    result = await submitter.job_for(item)
    assert isinstance(result, Job) and result.job_id == "second"
    assert len(service.posts) == 2 and service.posts[0] != service.posts[1]


@async_test
async def test_a_refusal_settles_the_intent_and_nothing_is_looked_up(world):
    make, item, store, clock, reports = world
    submitter, service = make([_error(402, b'{"detail": "x", "required": 2, "available": 0}')])
    result = await submitter.job_for(item)
    assert isinstance(result, Stopped) and result.changes["waiting_for"] is WaitReason.CREDITS
    assert service.looks == [] and store.open_intent(item.id) is None


def test_the_ledger_write_is_durable_and_settled_with_the_job_id(tmp_path):
    store = Store(tmp_path / "q.sqlite3")
    assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    (item_id,) = store.insert_items([{"url": URL, "url_key": URL, "options": {}, "state": "waiting",
                                      "position": 1.0, "added_at": 1.0}])
    store.record_intent(item_id, URL, 5.0, "k")
    store.set_intent_outcome(item_id, IntentOutcome.TROUBLE, 6.0)
    assert store.open_intent(item_id).outcome is IntentOutcome.TROUBLE
    store.update_item(item_id, job_id="j", state="processing")
    assert store.open_intent(item_id) is None and store.load_items()[0].job_id == "j"


RATE_LIMITED = _error(429, b'{"detail": "Rate limit exceeded", "retry_after": 1}')
NEVER_CONNECTED = errors.TransportError("refused", maybe_delivered=False)
TROUBLE = _error(500, b'{"detail": "boom", "code": "server_error"}')


@async_test
@pytest.mark.parametrize("refusal", [RATE_LIMITED, NEVER_CONNECTED], ids=["429", "refused"])
async def test_a_refused_resend_keeps_the_first_posts_intent_and_key(world, refusal):
    # The first POST got the service's 500 (it may have made the job); its re-send is refused.
    # That refusal says nothing about the first POST: the same intent, the same key, goes on.
    make, item, store, clock, reports = world
    submitter, service = make([TROUBLE, refusal, _job("adopted")])
    result = await submitter.job_for(item)
    assert isinstance(result, Job)
    assert len(service.posts) == 3 and len(set(service.posts)) == 1


@async_test
async def test_a_resend_refused_for_good_leaves_the_intent_open_for_a_free_retry(world):
    make, item, store, clock, reports = world
    submitter, service = make([TROUBLE, _error(400, b'{"detail": "bad", "code": "bad_request"}')])
    result = await submitter.job_for(item)
    assert isinstance(result, Stopped) and result.changes["state"] is ItemState.FAILED
    assert store.open_intent(item.id).outcome is IntentOutcome.TROUBLE  # Retry looks, then re-sends
    again, service2 = make([_job("on-retry")])
    assert isinstance(await again.job_for(item), Job)
    assert service2.posts == service.posts[:1]  # the same Idempotency-Key


@async_test
async def test_an_intent_sent_under_another_api_key_is_only_looked_for(world):
    make, item, store, clock, reports = world
    submitter, service = make([TROUBLE])
    await asyncio.wait_for(_first_post_then_stop(submitter, service, item), timeout=5)
    changed, service2 = make([_job("would-pay-twice")])
    service2.api_key = "vc_second_key_of_the_account"
    result = await changed.job_for(item)
    assert isinstance(result, Stopped) and result.changes["state"] is ItemState.UNCONFIRMED
    assert service2.posts == []


async def _first_post_then_stop(submitter: Submitter, service: FakeService, item: Item) -> None:
    """Run until the first POST was answered (the intent is then TROUBLE), then stop."""
    task = asyncio.ensure_future(submitter.job_for(item))
    while not service.posts or service.answers:
        await asyncio.sleep(0)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)


@async_test
async def test_the_service_clock_is_learnt_from_the_first_reply_after_the_intent(world):
    make, item, store, clock, reports = world
    submitter, service = make([TROUBLE, _job()])
    service.service_offset = None  # no reply seen yet this session…

    async def answer_with_a_date(*args, **kwargs):
        service.service_offset = -7200.0  # …the first reply says the service is 2 h behind us
        return await FakeService.submit_download(service, *args, **kwargs)
    service.submit_download = answer_with_a_date
    await submitter.job_for(item)
    intent_at = store._db.execute("SELECT intent_at, service_at FROM ledger").fetchone()
    assert intent_at[1] == pytest.approx(intent_at[0] - 7200.0, abs=1.0)


@async_test
async def test_without_the_service_clock_a_look_reaches_a_day_back(world):
    make, item, store, clock, reports = world
    store.record_intent(item.id, URL, clock.now, "k")  # a crash before any reply: no service time
    submitter, service = make([])
    service.listed, service.listed_from = _job("found"), 0.0
    await submitter.job_for(item)
    (since,) = service.since
    assert since.timestamp() <= clock.now - 23 * 3600
