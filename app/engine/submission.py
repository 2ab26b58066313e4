"""Paying for a link: at most one charge per intent, whatever the network does.

The rule: **when we are not sure whether money moved, we look; we never act again on our own.**
Every failed POST is one of three outcomes (``submit_outcome``):

* REFUSED — the request never reached the service, or the service gave a documented refusal
  (400/401/402/403/404/409/422/429): nothing was charged.
* TROUBLE — the service's own documented 500/502/503: its advice is to retry with backoff, which
  we follow, but only after a brief look in the job list (it may have made the job anyway).
* UNKNOWN — the request may have arrived and no documented answer came back (timeout, dropped
  connection, a gateway's 504, an HTML page, any 3xx, 408, an unreadable 2xx, or a crash between
  the POST and recording its job id). Then we look for the job patiently; if it never shows,
  the item waits for the person ("Look again" / "Submit again"), never for a timer.

The ledger (``Store``) records every intent durably before its POST, with the Idempotency-Key
that every re-send of that intent carries, and what became of it.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum

from app.api import errors
from app.api.client import VideoConduitClient
from app.api.models import Job
from app.api.pacing import backoff_delay
from app.engine.account import AccountGate
from app.engine.model import Item, ItemState, ProblemKind, WaitReason
from app.engine.store import Intent, IntentOutcome, Store

log = logging.getLogger("app.engine")

MAX_SUBMIT_ATTEMPTS = 6
# Seconds after the trouble at which the job list is read before a re-send ("about half a minute").
BRIEF_LOOK = (0.0, 3.0, 10.0, 30.0)
# How long a submit with an unknown outcome is looked for before the person is asked.
PATIENT_LOOK_SECONDS = 600.0
PATIENT_LOOK_MAX_GAP = 60.0
UNKNOWN_CLOCK_SLACK = 24 * 3600.0

DOCUMENTED_REFUSALS = frozenset({400, 401, 402, 403, 404, 409, 422, 429})
DOCUMENTED_TROUBLE = frozenset({500, 502, 503})

ITEM_REFUSALS: dict[type[errors.ApiError], ProblemKind] = {
    errors.BadRequestError: ProblemKind.BAD_REQUEST,
    errors.NotFoundError: ProblemKind.UNSUPPORTED,
    errors.ConflictError: ProblemKind.CONFLICT,
    errors.ValidationError: ProblemKind.VALIDATION,
    errors.ClientError: ProblemKind.OTHER,
}


class SubmitOutcome(Enum):
    REFUSED = "refused"
    TROUBLE = "trouble"
    UNKNOWN = "unknown"


def submit_outcome(error: errors.ApiError) -> SubmitOutcome:
    """Whether a failed POST may have charged: the one place this is decided."""
    if isinstance(error, errors.TransportError):
        return SubmitOutcome.UNKNOWN if error.maybe_delivered else SubmitOutcome.REFUSED
    if isinstance(error, errors.MalformedReplyError):  # a 2xx we could not read: it was accepted
        return SubmitOutcome.UNKNOWN
    if error.status in DOCUMENTED_REFUSALS:
        return SubmitOutcome.REFUSED
    if error.status in DOCUMENTED_TROUBLE and error.documented:
        return SubmitOutcome.TROUBLE
    return SubmitOutcome.UNKNOWN


def key_fingerprint(api_key: str | None) -> str | None:
    """Which API key an intent was sent with, without keeping the key: a one-way digest."""
    if not api_key:
        return None
    return hashlib.sha256(b"videoconduit-intent:" + api_key.encode()).hexdigest()[:16]


def patient_schedule(total: float = PATIENT_LOOK_SECONDS) -> list[float]:
    """Seconds after the start at which to read the job list: often at first (the list lags by
    seconds), then once a minute, until ``total`` has passed."""
    moments, gap, at = [0.0], 2.0, 0.0
    while at < total:
        at = min(at + gap, total)
        moments.append(at)
        gap = min(gap * 2, PATIENT_LOOK_MAX_GAP)
    return moments


@dataclass(frozen=True)
class Stopped:
    """The item cannot go on now; what it waits for or why it failed, for its row."""

    changes: dict[str, object]


Report = Callable[..., object]


class Submitter:
    """Turns an item without a job into an item with its (one) paid job."""

    def __init__(
        self,
        client: VideoConduitClient,
        ledger: Store,
        gate: AccountGate,
        report: Report,
        same_url: Callable[[str, str], bool],
        clock: Callable[[], float],
        sleep: Callable[[float], Awaitable[object]],
        brief_look: Sequence[float] = BRIEF_LOOK,
        patient_look: float = PATIENT_LOOK_SECONDS,
    ) -> None:
        self._client = client
        self._ledger = ledger
        self._gate = gate
        self._report = report
        self._same_url = same_url
        self._clock = clock
        self._sleep = sleep
        self._brief = tuple(brief_look)
        self._patient = patient_schedule(patient_look)

    @property
    def patience(self) -> float:
        """Seconds a submit with an unknown outcome is looked for before the person is asked."""
        return self._patient[-1]

    @patience.setter
    def patience(self, seconds: float) -> None:
        self._patient = patient_schedule(seconds)

    @property
    def _brief_look(self) -> tuple[float, ...]:
        """The look before a re-send never outlasts the patient one."""
        return tuple(m for m in self._brief if m <= self.patience) or (0.0,)

    async def job_for(self, item: Item) -> Job | Stopped:
        attempt = 0
        resend_at = 0.0
        while True:
            intent = self._ledger.open_intent(item.id) or self._inherit(item)
            if intent is not None and intent.outcome is IntentOutcome.SENDING:
                return await self._confirm(item, intent)
            resending = intent is not None
            if intent is not None:  # TROUBLE: the service asked for a re-send; look first
                found = await self._look(item, intent, self._brief_look)
                if isinstance(found, Stopped):
                    return found
                if found is not None:
                    return self._adopt(item, found)
                if (wait := resend_at - self._clock()) > 0:
                    await self._sleep(wait)  # the rest of the backoff the look did not cover
                self._ledger.set_intent_outcome(item.id, IntentOutcome.SENDING, self._clock())
                if not self._same_key(intent):
                    # Sent under another API key (changed meanwhile): its Idempotency-Key means
                    # nothing under this one, so a re-send could pay twice. Only looking is safe.
                    continue
            else:
                intent = self._new_intent(item)
            self._report(item.id, state=ItemState.SUBMITTING, waiting_for=None, wait_until=None)
            generation = self._gate.credit_generation
            try:
                job = await self._client.submit_download(item.url, item.options, intent.idempotency_key)
            except errors.ApiError as exc:
                self._learn_service_time(item, intent)
                outcome = submit_outcome(exc)
                log.info("submit of item %s: %s (%s)", item.id, outcome.value, type(exc).__name__)
                if outcome is SubmitOutcome.UNKNOWN:
                    continue  # the intent stays SENDING: the top of the loop looks for its job
                if outcome is SubmitOutcome.TROUBLE or resending:
                    # An earlier POST of this intent may have charged: a refusal of the re-send
                    # says nothing about that one, so the intent stays open (and keeps its key).
                    self._ledger.set_intent_outcome(item.id, IntentOutcome.TROUBLE, self._clock())
                else:
                    self._ledger.set_intent_outcome(item.id, IntentOutcome.REFUSED, self._clock())
                if outcome is SubmitOutcome.REFUSED:
                    stopped = await self._after_refusal(item, exc, generation)
                    if stopped is not None:
                        return stopped
                    if isinstance(exc, errors.RateLimitedError):
                        continue
                attempt += 1
                if attempt >= MAX_SUBMIT_ATTEMPTS:
                    network = isinstance(exc, errors.TransportError)
                    return failed(ProblemKind.NETWORK if network else ProblemKind.SERVER, exc.detail)
                delay = backoff_delay(attempt)
                if outcome is SubmitOutcome.TROUBLE:
                    # The brief look before the re-send takes time of its own; the backoff runs
                    # alongside it rather than after it.
                    resend_at = self._clock() + delay
                    self._gate.trouble(exc, attempt, self._clock() + max(delay, self._brief_look[-1]))
                else:
                    await self._pause(exc, attempt, delay)
                continue
            self._learn_service_time(item, intent)
            return self._adopt(item, job, generation)

    def abandon_open_intent(self, item_id: int) -> None:
        """The person chose "Submit again": the unconfirmed intent is given up, knowingly."""
        self._ledger.set_intent_outcome(item_id, IntentOutcome.ABANDONED, self._clock())

    # -- what a failed POST means -----------------------------------------------------------

    def _new_intent(self, item: Item) -> Intent:
        service_now = self._client.service_now()
        return self._ledger.record_intent(
            item.id, item.url, self._clock(), str(uuid.uuid4()),
            service_now.timestamp() if service_now else None, key_fingerprint(self._client.api_key))

    def _inherit(self, item: Item) -> Intent | None:
        """An open intent left by a removed item for this same link: money may have moved for
        it, so the link queued again takes it over (and looks) instead of paying anew."""
        for ledger_id, url in self._ledger.detached_intents():
            if self._same_url(url, item.url):
                self._ledger.attach_intent(ledger_id, item.id)
                return self._ledger.open_intent(item.id)
        return None

    def _same_key(self, intent: Intent) -> bool:
        return intent.key_fingerprint in (None, key_fingerprint(self._client.api_key))

    def _learn_service_time(self, item: Item, intent: Intent) -> None:
        """The first reply after an intent made without the service's clock tells it."""
        if intent.service_at is None and (service_now := self._client.service_now()) is not None:
            elapsed = max(0.0, self._clock() - intent.intent_at)
            self._ledger.set_intent_service_time(item.id, service_now.timestamp() - elapsed)

    async def _after_refusal(self, item: Item, exc: errors.ApiError, generation: int) -> Stopped | None:
        """Nothing was charged. Stop the item (for the person or for good) or carry on."""
        if isinstance(exc, errors.InsufficientCreditsError):
            self._gate.credits_short(exc, generation)
            return waiting(WaitReason.CREDITS)
        if isinstance(exc, errors.UnauthorizedError | errors.ForbiddenError):
            self._gate.key_refused(exc)
            return waiting(WaitReason.KEY)
        if isinstance(exc, errors.RateLimitedError):  # the client gave up waiting
            self._gate.rate_limited(self._clock() + exc.retry_after, exc.detail)
            await self._sleep(exc.retry_after)
            return None
        if isinstance(exc, tuple(ITEM_REFUSALS)):
            kind = next(k for cls, k in ITEM_REFUSALS.items() if isinstance(exc, cls))
            fields = tuple(f.describe() for f in getattr(exc, "field_errors", ()) or ())
            return failed(kind, exc.detail, fields)
        return None  # never connected: back off and try again

    # -- looking for the job ----------------------------------------------------------------

    async def _confirm(self, item: Item, intent: Intent) -> Job | Stopped:
        """Patiently: the outcome is unknown, so only the job list may move the item on."""
        deadline = self._clock() + self._patient[-1]
        self._report(item.id, state=ItemState.SUBMITTING, waiting_for=WaitReason.CONFIRMING,
                     wait_until=deadline)
        found = await self._look(item, intent, self._patient)
        if isinstance(found, Stopped):
            return found
        if found is not None:
            return self._adopt(item, found)
        log.warning("item %s: the job of a submit with a lost answer is not in the job list", item.id)
        return Stopped({"state": ItemState.UNCONFIRMED, "waiting_for": None, "wait_until": None})

    async def _look(self, item: Item, intent: Intent, schedule: Sequence[float]) -> Job | Stopped | None:
        """Read the job list at each moment of ``schedule``; a failed read is one more try
        later, never a reason to POST."""
        started = self._clock()
        for moment in schedule:
            wait = started + moment - self._clock()
            if wait > 0:
                await self._sleep(wait)
            try:
                job = await self._client.find_job_for_url(
                    intent.url, since=self._since(intent),
                    exclude_ids=self._ledger.known_job_ids(), same_url=self._same_url)
            except (errors.UnauthorizedError, errors.ForbiddenError) as exc:
                self._gate.key_refused(exc)
                return waiting(WaitReason.KEY)
            except errors.ApiError as exc:  # the client has already retried and told the gate
                log.info("item %s: job list unreadable while looking (%s)", item.id, type(exc).__name__)
                continue
            if job is not None:
                return job
        return None

    def _since(self, intent: Intent) -> datetime:
        """The intent's moment on the service's clock. Without a reply after the intent (a
        crash, a timeout) our clock of that time is all there is, and it may have been wrong
        then: look a day further back (more pages read; a same-link job of the last day adopted
        at worst — already paid either way)."""
        if intent.service_at is not None:
            return datetime.fromtimestamp(intent.service_at, UTC)
        guess = intent.intent_at + (self._client.service_offset or 0.0) - UNKNOWN_CLOCK_SLACK
        return datetime.fromtimestamp(guess, UTC)

    def _adopt(self, item: Item, job: Job, generation: int = -1) -> Job:
        # One write: the job id on the row and the settled intent in the ledger, together.
        self._report(item.id, job_id=job.job_id, state=ItemState.PROCESSING,
                     job_progress=job.progress, waiting_for=None, wait_until=None)
        self._gate.submission_accepted(generation)
        return job

    async def _pause(self, error: errors.ApiError, attempt: int, delay: float) -> None:
        self._gate.trouble(error, attempt, self._clock() + delay)
        await self._sleep(delay)


def waiting(reason: WaitReason) -> Stopped:
    return Stopped({"state": ItemState.WAITING, "waiting_for": reason, "wait_until": None,
                    "speed": None, "eta": None})


def failed(kind: ProblemKind, detail: str | None, fields: tuple[str, ...] = ()) -> Stopped:
    return Stopped({"state": ItemState.FAILED, "problem_kind": kind, "problem": detail,
                    "field_errors": fields, "speed": None, "eta": None, "waiting_for": None,
                    "wait_until": None})
