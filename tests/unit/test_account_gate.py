"""The account-wide gate, on a fake clock: what the queue may do while credits, key or limits bite."""

from app.api import errors
from app.engine.account import CREDIT_RECHECK_SECONDS, AccountGate
from app.engine.model import AccountState, KeyProblem, TroubleKind


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _gate():
    clock = FakeClock()
    changes = []
    return AccountGate(changes.append, clock), clock, changes


def _shortfall() -> errors.InsufficientCreditsError:
    body = (b'{"detail": "Insufficient credits", "code": "insufficient_credits", '
            b'"required": 3, "available": 1}')
    error = errors.error_from_response(402, {}, body)
    assert isinstance(error, errors.InsufficientCreditsError)
    return error


def test_credit_shortfall_allows_one_probe_per_interval():
    gate, clock, changes = _gate()
    gate.credits_short(_shortfall(), gate.credit_generation)
    account = gate.account
    assert account.state is AccountState.WAITING_FOR_CREDITS
    assert (account.credits_required, account.credits_available) == (3, 1)
    assert not gate.claim_submission()
    clock.now += CREDIT_RECHECK_SECONDS
    assert gate.claim_submission()
    assert not gate.claim_submission()  # only one probe in flight
    gate.submission_accepted(gate.credit_generation)
    assert gate.account.state is AccountState.READY
    assert gate.account.credits_available == 1  # the last known balance stays on show
    assert changes[-1] is gate.account


def test_a_submit_sent_before_the_refusal_does_not_lift_the_credit_pause():
    gate, clock, _ = _gate()
    sent_before = gate.credit_generation  # three submits on their way…
    gate.credits_short(_shortfall(), sent_before)  # …two come back refused…
    gate.credits_short(_shortfall(), sent_before)
    gate.submission_accepted(sent_before)  # …and one accepted: the balance now is still unknown
    assert gate.account.state is AccountState.WAITING_FOR_CREDITS
    clock.now += CREDIT_RECHECK_SECONDS
    assert gate.claim_submission()  # the probe after the interval is sent now…
    gate.submission_accepted(gate.credit_generation)  # …and its acceptance does lift it
    assert gate.account.state is AccountState.READY


def test_retry_now_rechecks_at_once():
    gate, clock, _ = _gate()
    gate.credits_short(_shortfall(), gate.credit_generation)
    gate.recheck_credits_now()
    assert gate.claim_submission()


def test_a_late_refusal_of_a_submit_sent_before_the_pause_does_not_delay_the_recheck():
    # Two submits on their way; the first refusal pauses the queue. The person tops up and
    # presses Retry now; the second refusal, late, must not put the check 30 s off again.
    gate, clock, _ = _gate()
    sent_before = gate.credit_generation
    gate.credits_short(_shortfall(), sent_before)
    clock.now += 1
    gate.recheck_credits_now()
    gate.credits_short(_shortfall(), sent_before)
    assert gate.seconds_until_recheck() == 0
    assert gate.claim_submission()
    gate.credits_short(_shortfall(), gate.credit_generation)  # the re-check's own refusal does
    assert gate.seconds_until_recheck() == CREDIT_RECHECK_SECONDS


def test_a_new_key_while_short_of_credits_looks_again_at_once():
    gate, clock, _ = _gate()
    gate.credits_short(_shortfall(), gate.credit_generation)
    clock.now += 1
    gate.key_changed()
    assert gate.account.state is AccountState.WAITING_FOR_CREDITS  # until the look says otherwise
    assert gate.seconds_until_recheck() == 0
    assert gate.claim_submission()


def test_key_refusal_stops_everything_until_a_new_key():
    gate, _, _ = _gate()
    gate.key_refused(errors.error_from_response(403, {}, b'{"detail": "deactivated", "code": "forbidden"}'))
    assert gate.account.key_problem is KeyProblem.FORBIDDEN
    assert not gate.may_call_api and not gate.claim_submission()
    gate.key_changed()
    assert gate.may_call_api and gate.account.state is AccountState.READY


def test_trouble_and_rate_limit_clear_on_success_but_never_hide_a_key_problem():
    gate, clock, _ = _gate()
    gate.trouble(errors.error_from_response(502, {}, b"<html>bad gateway</html>"), 2, clock.now + 2)
    assert (gate.account.trouble, gate.account.retry_attempt) == (TroubleKind.UPSTREAM, 2)
    gate.request_succeeded()
    assert gate.account.state is AccountState.READY
    gate.key_missing()
    gate.rate_limited(clock.now + 5)
    assert gate.account.state is AccountState.WAITING_FOR_KEY
