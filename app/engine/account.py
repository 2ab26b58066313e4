"""The account-wide gate: whether the queue may submit, and what it is waiting for.

Pure state plus a clock, so it can be tested without a network. Per-item problems never come
here; only what stops the whole queue does (credits, the key, rate limits, service trouble).
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable

from app.api import errors
from app.api.events import ClientEvent, RateLimitObserved, RateLimitWait, RequestSucceeded, RetryScheduled
from app.engine.model import Account, AccountState, KeyProblem, TroubleKind

# Without a balance endpoint the only way to notice a top-up is to try again; a refused POST
# costs nothing but one request of the per-minute budget.
CREDIT_RECHECK_SECONDS = 30.0


def trouble_kind(error: errors.ApiError) -> TroubleKind:
    if isinstance(error, errors.UpstreamError):
        return TroubleKind.UPSTREAM
    if isinstance(error, errors.ServiceUnavailableError):
        return TroubleKind.UNAVAILABLE
    if isinstance(error, errors.TransportError):
        return TroubleKind.NETWORK
    if isinstance(error, errors.MalformedReplyError):
        return TroubleKind.MALFORMED
    return TroubleKind.SERVER


class AccountGate:
    def __init__(self, on_change: Callable[[Account], None], clock: Callable[[], float] = time.time):
        self._on_change = on_change
        self._clock = clock
        self._account = Account()
        self._probe_in_flight = False
        # Counts credit refusals: a submit sent before the latest 402 says nothing about the
        # balance now, so its acceptance must not lift the pause.
        self.credit_generation = 0

    @property
    def account(self) -> Account:
        return self._account

    def _set(self, **changes: object) -> None:
        updated = dataclasses.replace(self._account, **changes)  # type: ignore[arg-type]
        if updated != self._account:
            self._account = updated
            self._on_change(updated)

    # -- what the scheduler asks --------------------------------------------------------

    @property
    def may_call_api(self) -> bool:
        return self._account.state is not AccountState.WAITING_FOR_KEY

    def claim_submission(self) -> bool:
        """May one more item be submitted now? While credits are short, one probe at a time
        after each re-check interval."""
        state = self._account.state
        if state is AccountState.WAITING_FOR_KEY:
            return False
        if state is not AccountState.WAITING_FOR_CREDITS:
            return True
        resume_at = self._account.resume_at or 0.0
        if self._probe_in_flight or self._clock() < resume_at:
            return False
        self._probe_in_flight = True
        return True

    def seconds_until_recheck(self) -> float | None:
        if self._account.state is not AccountState.WAITING_FOR_CREDITS:
            return None
        return max(0.0, (self._account.resume_at or 0.0) - self._clock())

    # -- what happened ------------------------------------------------------------------

    def submission_accepted(self, sent_in_generation: int) -> None:
        """A submit was accepted; ``sent_in_generation`` is ``credit_generation`` when it was sent."""
        self._probe_in_flight = False
        state = self._account.state
        if state is AccountState.WAITING_FOR_CREDITS and sent_in_generation != self.credit_generation:
            return  # sent before the latest refusal: it proves nothing about the balance now
        if state in (AccountState.WAITING_FOR_CREDITS, AccountState.SERVICE_TROUBLE):
            self._ready()

    def submission_ended(self) -> None:
        """A submission ended without an answer about credits (a per-item error, a cancel)."""
        self._probe_in_flight = False

    def credits_short(self, error: errors.InsufficientCreditsError, sent_in_generation: int) -> None:
        """A submit was refused for credits; ``sent_in_generation`` as for submission_accepted.
        One sent before the latest refusal is old news, whatever came since: it must neither put
        the next check 30 s later nor pause a queue that a later acceptance let go — a person
        who topped up and pressed Retry now would wait on a late reply."""
        if sent_in_generation != self.credit_generation:
            return
        self._probe_in_flight = False
        self.credit_generation += 1
        self._set(
            state=AccountState.WAITING_FOR_CREDITS,
            key_problem=None,
            trouble=None,
            retry_attempt=None,
            detail=error.detail,
            credits_required=error.required,
            credits_available=error.available,
            resume_at=self._clock() + CREDIT_RECHECK_SECONDS,
        )

    def recheck_credits_now(self) -> None:
        if self._account.state is AccountState.WAITING_FOR_CREDITS:
            self._set(resume_at=self._clock())

    def key_refused(self, error: errors.ApiError) -> None:
        problem = KeyProblem.FORBIDDEN if isinstance(error, errors.ForbiddenError) else KeyProblem.INVALID
        self._probe_in_flight = False
        self._set(state=AccountState.WAITING_FOR_KEY, key_problem=problem, detail=error.detail,
                  resume_at=None, retry_attempt=None, trouble=None)

    def key_missing(self) -> None:
        self._set(state=AccountState.WAITING_FOR_KEY, key_problem=KeyProblem.MISSING,
                  detail=None, resume_at=None, retry_attempt=None, trouble=None)

    def key_changed(self) -> None:
        if self._account.state is AccountState.WAITING_FOR_KEY:
            self._ready()
        elif self._account.state is AccountState.WAITING_FOR_CREDITS:
            # Another key may be another account, with credits of its own: look now, not after
            # the rest of the 30 s (a refused look costs nothing).
            self.recheck_credits_now()

    def trouble(self, error: errors.ApiError, attempt: int, until: float) -> None:
        if self._account.state in (AccountState.WAITING_FOR_KEY, AccountState.WAITING_FOR_CREDITS):
            return
        self._set(state=AccountState.SERVICE_TROUBLE, trouble=trouble_kind(error),
                  retry_attempt=attempt, resume_at=until, detail=error.detail)

    def rate_limited(self, until: float, detail: str | None = None) -> None:
        if self._account.state in (AccountState.WAITING_FOR_KEY, AccountState.WAITING_FOR_CREDITS):
            return
        self._set(state=AccountState.RATE_LIMITED, resume_at=until, trouble=None,
                  retry_attempt=None, detail=detail)

    def request_succeeded(self) -> None:
        if self._account.state in (AccountState.RATE_LIMITED, AccountState.SERVICE_TROUBLE):
            self._ready()

    def waiting_counts(self, items: int, credits: int) -> None:
        self._set(waiting_items=items, waiting_credits=credits)

    def on_client_event(self, event: ClientEvent) -> None:
        if isinstance(event, RateLimitObserved):
            self._set(rate_limit=event.info)
        elif isinstance(event, RateLimitWait):
            self.rate_limited(event.until)
        elif isinstance(event, RetryScheduled):
            self.trouble(event.error, event.attempt, event.until)
        elif isinstance(event, RequestSucceeded):
            self.request_succeeded()

    def _ready(self) -> None:
        self._set(state=AccountState.READY, key_problem=None, detail=None, resume_at=None,
                  retry_attempt=None, trouble=None, credits_required=None)
