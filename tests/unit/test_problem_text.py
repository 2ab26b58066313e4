"""The friendly sentences: what a person reads for each problem kind and account state."""

from __future__ import annotations

import time

import pytest

from app.api import errors
from app.api.models import DownloadOptions, FieldError, RateLimitInfo
from app.engine.model import (
    Account,
    AccountState,
    Item,
    ItemState,
    KeyProblem,
    ProblemKind,
    RequestFailed,
    TroubleKind,
)
from app.engine.request_problems import request_problem
from app.ui import problem_text as text

NOW = 1_800_000_000.0


def failed(kind: ProblemKind | None, problem: str | None = None, fields=()) -> Item:
    return Item(id=1, url="https://example.com/v", options=DownloadOptions(),
                state=ItemState.FAILED, position=0, added_at=NOW, problem=problem,
                problem_kind=kind, field_errors=tuple(fields))


@pytest.mark.parametrize("kind", list(ProblemKind))
def test_every_problem_kind_has_a_sentence_without_status_codes(kind):
    sentence = text.describe_problem(failed(kind, "Some detail"))
    assert sentence and sentence[0].isupper()
    for code in ("400", "402", "404", "409", "422", "500", "HTTP"):
        assert code not in sentence


def test_validation_lists_every_field_error():
    item = failed(ProblemKind.VALIDATION, "url: field required; quality: bad",
                  ["url: field required", "quality: unexpected value"])
    sentence = text.describe_problem(item)
    assert "url: field required" in sentence and "quality: unexpected value" in sentence


def test_bad_request_and_conflict_keep_the_services_words():
    assert "format is wrong" in text.describe_problem(
        failed(ProblemKind.BAD_REQUEST, "format is wrong"))
    assert "already exists" in text.describe_problem(
        failed(ProblemKind.CONFLICT, "Job already exists"))


def test_unsupported_says_site_or_video_not_the_raw_detail():
    sentence = text.describe_problem(
        failed(ProblemKind.UNSUPPORTED, "Could not extract info from URL: Unsupported URL"))
    assert "isn't supported" in sentence and "extract" not in sentence


def test_no_problem_means_no_sentence():
    assert text.describe_problem(failed(None)) is None


def test_credits_shortfall_and_balance():
    account = Account(state=AccountState.WAITING_FOR_CREDITS, credits_required=2,
                      credits_available=1, waiting_items=3, waiting_credits=6)
    assert text.credits_headline(account) == "You need 1 more credit"
    assert text.credits_detail(account) == "This download needs 2 credits; your balance is 1."
    assert text.waiting_summary(account) == (
        "3 downloads are waiting to be sent; together they need 6 credits.")
    short_by_three = Account(credits_required=3, credits_available=0)
    assert text.credits_headline(short_by_three) == "You need 3 more credits"


def test_credits_banner_says_when_it_checks_again():
    recheck = time.mktime((2026, 11, 25, 14, 5, 30, 0, 0, -1))
    banner = text.credits_banner_text(Account(state=AccountState.WAITING_FOR_CREDITS,
                                              resume_at=recheck))
    assert banner == ("Submissions paused: not enough credits. Finished jobs keep downloading. "
                      "Checking again at 14:05:30.")


def test_rate_limit_names_the_plan_and_counts_down():
    info = RateLimitInfo(limit=10, remaining=0, reset_at=None, observed_at=NOW)
    account = Account(state=AccountState.RATE_LIMITED, rate_limit=info, resume_at=NOW + 4)
    assert text.rate_limit_text(account, NOW) == (
        "Rate limit reached — the Free plan allows 10 requests a minute. Resuming in 0:04")
    assert text.rate_limit_text(account, NOW + 3.2).endswith("Resuming in 0:01")
    assert text.rate_limit_text(account, NOW + 5).endswith("Resuming…")


@pytest.mark.parametrize("kind, words", [
    (TroubleKind.SERVER, "VideoConduit is having trouble — retrying in 4 s (attempt 3)"),
    (TroubleKind.UPSTREAM,
     "The video site is having trouble (not VideoConduit) — retrying in 4 s (attempt 3)"),
    (TroubleKind.NETWORK,
     "Can't reach VideoConduit — check your connection. Retrying in 4 s (attempt 3)"),
])
def test_trouble_says_who_and_when(kind, words):
    account = Account(state=AccountState.SERVICE_TROUBLE, trouble=kind, resume_at=NOW + 4,
                      retry_attempt=3)
    assert text.trouble_text(account, NOW) == words


def test_fix_banners_name_the_fix():
    assert "free some space" in text.fix_banner_text(ProblemKind.DISK_FULL, 1)
    folder = text.fix_banner_text(ProblemKind.NOT_WRITABLE, 2, "/x")
    assert "Can't write to /x" in folder and "2 downloads" in folder


def test_describe_account_is_empty_when_ready_and_speaks_for_each_wait():
    assert text.describe_account(Account(), NOW) == ""
    forbidden = Account(state=AccountState.WAITING_FOR_KEY, key_problem=KeyProblem.FORBIDDEN)
    assert "deactivated" in text.describe_account(forbidden, NOW)


def _failed(error: errors.ApiError) -> RequestFailed:
    return RequestFailed(request_problem(error))


def test_errors_from_explicit_requests_are_words():
    assert text.describe_error(_failed(errors.InsufficientCreditsError(required=1, available=0))) == (
        "Not enough credits: your balance is 0.")
    invalid = errors.ValidationError(field_errors=[FieldError(("query", "url"), "bad url", "x")])
    assert "query.url: bad url" in text.describe_error(_failed(invalid))
    assert "connection" in text.describe_error(_failed(errors.TransportError("boom")))
    assert "trouble" in text.describe_error(_failed(errors.ServiceUnavailableError()))
    assert text.describe_error(ValueError("odd")) == "That did not work (odd)"


def waiting(audio_only: bool = False) -> Item:
    return Item(id=1, url="https://example.com/v", options=DownloadOptions(audio_only=audio_only),
                state=ItemState.WAITING, position=0, added_at=NOW)


def test_a_waiting_row_says_why_it_waits_and_english_plurals_read_right():
    from app.ui.item_text import details_text

    assert details_text(waiting()) == "In line · costs 2 credits"
    audio = waiting(audio_only=True)
    assert details_text(audio) == "In line · costs 1 credit"
    assert details_text(waiting(), AccountState.WAITING_FOR_CREDITS) == "Waiting for credits"
    assert details_text(waiting(), AccountState.RATE_LIMITED) == "Waiting for the rate limit to lift"
    assert text.credits_headline(Account(credits_required=3, credits_available=2)) == \
        "You need 1 more credit"
