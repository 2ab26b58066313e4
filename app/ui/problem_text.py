"""Every friendly sentence about a problem, in one place: per-item problems for the queue rows,
account-wide states for banners, dialogs and the status bar.

Pure functions of engine snapshots (no widgets). Words go through QCoreApplication.translate;
plural forms are chosen here so English reads right without a translation file loaded. Nothing
here ever says "HTTP 402": people get what happened and what they can do about it.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.engine.model import (
    Account,
    AccountState,
    Item,
    ItemState,
    KeyProblem,
    ProblemKind,
    RequestFailed,
    RequestProblemKind,
    TroubleKind,
    WaitReason,
)
from app.ui.formatting import format_countdown, format_duration
from app.ui.i18n import tr_n

# Where a person manages keys; the docs name no such page, so it sits next to the pricing link.
KEYS_PAGE_URL = "https://videoconduit.com/dashboard/keys"

# Problems a person can fix on this machine; each gets one banner with the fix.
FIXABLE_KINDS = (ProblemKind.DISK_FULL, ProblemKind.NOT_WRITABLE, ProblemKind.LINK_EXPIRED)


def _tr(text: str) -> str:
    return QCoreApplication.translate("problem_text", text)


def _with_detail(sentence: str, detail: str | None) -> str:
    """The sentence, plus the service's own words when they add something."""
    if not detail or detail.strip() == sentence.strip():
        return sentence
    return _tr("{sentence} ({detail})").format(sentence=sentence, detail=detail.strip())


def clock_time(timestamp: float) -> str:
    """A moment today as the wall clock shows it, to the second: "14:05:30"."""
    return time.strftime("%H:%M:%S", time.localtime(timestamp))


def seconds_left(until: float | None, now: float) -> float:
    return 0.0 if until is None else max(0.0, until - now)


# ---- per-item problems (the queue rows) -----------------------------------------------------

_ITEM_SENTENCES = {
    ProblemKind.BAD_REQUEST: QT_TRANSLATE_NOOP(
        "problem_text", "VideoConduit could not accept this link"),
    ProblemKind.UNSUPPORTED: QT_TRANSLATE_NOOP(
        "problem_text", "This site isn't supported, or the video is unavailable"),
    ProblemKind.CONFLICT: QT_TRANSLATE_NOOP(
        "problem_text", "VideoConduit already has this download"),
    ProblemKind.JOB_FAILED: QT_TRANSLATE_NOOP(
        "problem_text", "VideoConduit could not produce the file; its credits were returned"),
    ProblemKind.JOB_GONE: QT_TRANSLATE_NOOP(
        "problem_text", "VideoConduit no longer has this job — Submit again to download it "
                        "(that is a new charge)"),
    ProblemKind.NO_FILE_LINK: QT_TRANSLATE_NOOP(
        "problem_text", "VideoConduit finished the job but gave no link to the file — "
                        "press Retry later"),
    ProblemKind.UNEXPECTED: QT_TRANSLATE_NOOP(
        "problem_text", "Something unexpected went wrong — press Retry; if it happens again, "
                        "the log has the details"),
    ProblemKind.LINK_EXPIRED: QT_TRANSLATE_NOOP(
        "problem_text", "The download link expired — press Retry to get a fresh one"),
    ProblemKind.DISK_FULL: QT_TRANSLATE_NOOP(
        "problem_text", "Your disk is full — free some space, then press Retry"),
    ProblemKind.NOT_WRITABLE: QT_TRANSLATE_NOOP(
        "problem_text", "Can't write to the download folder — choose another one, "
                        "then press Retry"),
    ProblemKind.NOT_MEDIA: QT_TRANSLATE_NOOP(
        "problem_text", "The link gave a web page instead of a video file"),
    ProblemKind.NETWORK: QT_TRANSLATE_NOOP(
        "problem_text", "Couldn't reach VideoConduit after several tries — check your "
                        "connection, then press Retry"),
    ProblemKind.SERVER: QT_TRANSLATE_NOOP(
        "problem_text", "VideoConduit kept failing after several tries — press Retry later"),
    ProblemKind.SHORT_FILE: QT_TRANSLATE_NOOP(
        "problem_text", "The file host sent less than VideoConduit announced, even after "
                        "several tries — press Retry later"),
    ProblemKind.OVERSIZE_FILE: QT_TRANSLATE_NOOP(
        "problem_text", "The file host sent more than VideoConduit announced, so the "
                        "file was not kept"),
    ProblemKind.SIZE_MISMATCH: QT_TRANSLATE_NOOP(
        "problem_text", "The file host kept sending a file of another size than it "
                        "said — press Retry later"),
    ProblemKind.LINK_IN_THE_WAY: QT_TRANSLATE_NOOP(
        "problem_text", "A link (shortcut) sits where this video would be saved, so "
                        "nothing was written there — press Retry to save it under "
                        "another name"),
    ProblemKind.BAD_FILE_LINK: QT_TRANSLATE_NOOP(
        "problem_text", "VideoConduit gave a download link the app cannot use — press "
                        "Retry later"),
    ProblemKind.PATH_TOO_LONG: QT_TRANSLATE_NOOP(
        "problem_text", "The download folder's path is too long for Windows to add a "
                        "file name — choose a shorter folder, then press Retry"),
    ProblemKind.FILE_HOST_STALLED: QT_TRANSLATE_NOOP(
        "problem_text", "The file host sent the video too slowly or stopped "
                        "sending it, even after several tries — press Retry later"),
    ProblemKind.COMPRESSED_FILE: QT_TRANSLATE_NOOP(
        "problem_text", "The file host sent the file compressed instead of as it is, "
                        "so nothing of it was kept — press Retry later"),
    ProblemKind.PART_TAKEN: QT_TRANSLATE_NOOP(
        "problem_text", "Other files kept taking the name of this video's partial file in "
                        "the download folder — press Retry"),
}

# For these kinds the service's own words say what exactly was wrong.
_KINDS_WITH_DETAIL = (ProblemKind.BAD_REQUEST, ProblemKind.CONFLICT, ProblemKind.JOB_FAILED)


UNCONFIRMED_SHORT = QT_TRANSLATE_NOOP(
    "problem_text", "May have been accepted, but not in your job list yet — Look again or "
                    "Submit again")
UNCONFIRMED_SENTENCE = QT_TRANSLATE_NOOP(
    "problem_text", "VideoConduit may have accepted this link: its answer got lost, and the job "
                    "is not in your job list yet. Look again (free), or Submit again (a new "
                    "charge).")


def unconfirmed_text(full: bool = False) -> str:
    return _tr(UNCONFIRMED_SENTENCE if full else UNCONFIRMED_SHORT)


def waiting_text(item: Item, now: float | None = None) -> str | None:
    """What a waiting item waits for, and until when if that is known."""
    reason = item.waiting_for
    if reason in (WaitReason.CREDITS, WaitReason.KEY):
        return waiting_text_for(reason)
    if reason is WaitReason.CONFIRMING:
        if item.wait_until is None:
            return _tr("Its answer got lost: looking for it in your job list")
        return _tr("Its answer got lost: looking in your job list until {time}").format(
            time=clock_time(item.wait_until)[:5])
    return None


def waiting_text_for(reason: WaitReason) -> str:
    """The words for a wait that is the account's, shared by every row it holds."""
    if reason is WaitReason.CREDITS:
        return _tr("Waiting for credits")
    return _tr("Waiting for a working API key")


def new_charge_question(count: int, credits: int, unconfirmed: int) -> tuple[str, str, str]:
    """(headline, explanation, button) for submitting downloads again at a new charge."""
    headline = tr_n("problem_text", count, "Submit %n download again?", "Submit %n downloads again?")
    explanation = _tr("Going on means a new submission to VideoConduit. It costs {credits}; "
                      "nothing is charged unless you confirm.").format(
        credits=tr_n("problem_text", credits, "%n credit", "%n credits"))
    if unconfirmed:
        explanation += " " + tr_n(
            "problem_text", unconfirmed,
            "For %n of them the first answer got lost: if VideoConduit did accept it, you pay "
            "for both.",
            "For %n of them the first answer got lost: if VideoConduit did accept those, you "
            "pay for both.")
    button = tr_n("problem_text", credits, "Submit again (%n credit)", "Submit again (%n credits)")
    return headline, explanation, button


def dangerous_open_question(name: str) -> tuple[str, str, str]:
    """(headline, explanation, button) before opening a file whose type runs code."""
    headline = _tr("Open “{name}”?").format(name=name)
    explanation = _tr("This type of file can run programs on your computer when it is opened. "
                      "Open it only if you trust the site the video came from.")
    return headline, explanation, _tr("Open anyway")


def describe_problem(item: Item) -> str | None:
    """The row's problem sentence, or None when the item has none.

    A 422 lists every field error: "VideoConduit rejected the request: url: field required;
    quality: unexpected value".
    """
    if item.state is ItemState.UNCONFIRMED:
        return unconfirmed_text()
    kind = item.problem_kind
    if kind is None:
        return item.problem or None
    if kind is ProblemKind.VALIDATION:
        if not item.field_errors:
            return _with_detail(_tr("VideoConduit rejected the request"), item.problem)
        return _tr("VideoConduit rejected the request: {errors}").format(
            errors="; ".join(item.field_errors))
    sentence = _ITEM_SENTENCES.get(kind)
    if sentence is None:  # OTHER, or a kind newer than this table
        return item.problem or _tr("Something went wrong with this download")
    sentence = _tr(sentence)
    return _with_detail(sentence, item.problem) if kind in _KINDS_WITH_DETAIL else sentence


def fix_banner_text(kind: ProblemKind, count: int, folder: str | None = None) -> str:
    """One banner per fixable kind, however many items it stopped."""
    if kind is ProblemKind.DISK_FULL:
        text = _tr("Your disk is full — free some space, then press Retry.")
    elif kind is ProblemKind.NOT_WRITABLE:
        if folder:
            text = _tr("Can't write to {folder} — choose another download folder.").format(
                folder=folder)
        else:
            text = _tr("Can't write to the download folder — choose another one.")
    else:
        text = _tr("A download link expired before the file arrived — press Retry to get a "
                   "fresh one.")
    if count > 1:
        text += " " + _tr("({n} downloads are stopped.)").format(n=count)
    return text


# ---- account-wide states (banners, dialogs, status bar) ------------------------------------


def plan_sentence(account: Account) -> str:
    """"the Free plan allows 10 requests a minute" — what the rate-limit headers tell us."""
    info = account.rate_limit
    if info is None or info.limit is None:
        return _tr("your plan limits how many requests a minute the app may send")
    plan = info.plan
    if plan.requests_per_minute is None:
        return tr_n("problem_text", info.limit, "your plan allows %n request a minute",
                    "your plan allows %n requests a minute")
    return _tr("the {plan} plan allows {n} requests a minute").format(
        plan=plan.label, n=info.limit)


def rate_limit_text(account: Account, now: float) -> str:
    left = seconds_left(account.resume_at, now)
    head = _tr("Rate limit reached — {plan}.").format(plan=plan_sentence(account))
    if left <= 0:
        return head + " " + _tr("Resuming…")
    return head + " " + _tr("Resuming in {countdown}").format(countdown=format_countdown(left))


def shortfall(account: Account) -> int | None:
    required, available = account.credits_required, account.credits_available
    if required is None or available is None:
        return None
    return max(required - available, 0)


def credits_headline(account: Account) -> str:
    missing = shortfall(account)
    if not missing:
        return _tr("You need more credits")
    return tr_n("problem_text", missing, "You need %n more credit", "You need %n more credits")


def credits_detail(account: Account) -> str:
    """"This download needs 2 credits; your balance is 1." — required vs available."""
    required, available = account.credits_required, account.credits_available
    if required is None:
        return _tr("Your balance is too low for the next download.")
    needs = tr_n("problem_text", required, "This download needs %n credit",
                 "This download needs %n credits")
    if available is None:
        return needs + "."
    return _tr("{needs}; your balance is {available}.").format(needs=needs, available=available)


def waiting_summary(account: Account) -> str:
    if account.waiting_items <= 0:
        return ""
    items = tr_n("problem_text", account.waiting_items, "%n download is waiting to be sent",
                 "%n downloads are waiting to be sent")
    cost = tr_n("problem_text", account.waiting_credits, "%n credit", "%n credits")
    if account.waiting_items == 1:
        return _tr("{items}; it needs {cost}.").format(items=items, cost=cost)
    return _tr("{items}; together they need {cost}.").format(items=items, cost=cost)


def credits_recheck(account: Account) -> str:
    if account.resume_at is None:
        return ""
    return _tr("Checking again at {time}.").format(time=clock_time(account.resume_at))


def credits_banner_text(account: Account) -> str:
    parts = [_tr("Submissions paused: not enough credits."),
             _tr("Finished jobs keep downloading."), credits_recheck(account)]
    return " ".join(part for part in parts if part)


CREDITS_OPTIONS = QT_TRANSLATE_NOOP(
    "problem_text", "Buy a credit pack for an immediate top-up, upgrade your plan for a higher "
                    "monthly allowance, or wait for your credits to reset at the start of your "
                    "next billing cycle.")


def credits_options() -> str:
    return _tr(CREDITS_OPTIONS)


def trouble_text(account: Account, now: float) -> str:
    """"VideoConduit is having trouble — retrying in 4 s (attempt 3)"."""
    kind = account.trouble or TroubleKind.SERVER
    if kind is TroubleKind.UPSTREAM:
        head = _tr("The video site is having trouble (not VideoConduit)")
    elif kind is TroubleKind.NETWORK:
        head = _tr("Can't reach VideoConduit — check your connection.")
    elif kind is TroubleKind.MALFORMED:
        head = _tr("VideoConduit sent a reply the app could not read")
    else:
        head = _tr("VideoConduit is having trouble")
    left = seconds_left(account.resume_at, now)
    retry = (_tr("retrying in {wait}").format(wait=format_duration(left)) if left > 0
             else _tr("retrying now"))
    if account.retry_attempt:
        retry += " " + _tr("(attempt {n})").format(n=account.retry_attempt)
    if kind is TroubleKind.NETWORK:  # the head is a full sentence already
        return f"{head} {retry[:1].upper()}{retry[1:]}"
    return f"{head} — {retry}"


def key_headline(problem: KeyProblem | None) -> str:
    if problem is KeyProblem.INVALID:
        return _tr("VideoConduit did not accept your API key")
    if problem is KeyProblem.FORBIDDEN:
        return _tr("This API key has been deactivated or lacks permission")
    return _tr("Enter your VideoConduit API key")


def key_banner_text(problem: KeyProblem | None) -> str:
    if problem is KeyProblem.FORBIDDEN:
        return _tr("Downloads paused: this API key has been deactivated or lacks permission.")
    if problem is KeyProblem.INVALID:
        return _tr("Downloads paused: VideoConduit did not accept the API key.")
    return _tr("Downloads paused: enter your API key to start.")


def sandbox_banner_text() -> str:
    return _tr("Sandbox mode — nothing here is charged; downloads are sample files.")


def describe_account(account: Account, now: float | None = None) -> str:
    """One line for the status bar; empty while everything runs normally."""
    now = time.time() if now is None else now
    state = account.state
    if state is AccountState.WAITING_FOR_CREDITS:
        return credits_banner_text(account)
    if state is AccountState.WAITING_FOR_KEY:
        return key_banner_text(account.key_problem)
    if state is AccountState.RATE_LIMITED:
        return rate_limit_text(account, now)
    if state is AccountState.SERVICE_TROUBLE:
        return trouble_text(account, now)
    return ""


def describe_error(exc: BaseException) -> str:
    """An error from a call the person asked for (details, a key test), in their words."""
    if not isinstance(exc, RequestFailed):
        return _with_detail(_tr("That did not work"), str(exc) or None)
    problem = exc.problem
    kind = problem.kind
    if kind is RequestProblemKind.CREDITS:
        if problem.available is None:
            return _tr("Not enough credits.")
        return _tr("Not enough credits: your balance is {n}.").format(n=problem.available)
    if kind is RequestProblemKind.KEY_INVALID:
        return key_headline(KeyProblem.INVALID) + "."
    if kind is RequestProblemKind.KEY_FORBIDDEN:
        return key_headline(KeyProblem.FORBIDDEN) + "."
    if kind is RequestProblemKind.UNSUPPORTED:
        return _tr(_ITEM_SENTENCES[ProblemKind.UNSUPPORTED]) + "."
    if kind is RequestProblemKind.RATE_LIMITED:
        return _tr("Rate limit reached — try again in {wait}.").format(
            wait=format_duration(problem.retry_after or 0.0))
    if kind is RequestProblemKind.REJECTED and problem.field_errors:
        return _tr("VideoConduit rejected the request: {errors}").format(
            errors="; ".join(problem.field_errors))
    if kind is RequestProblemKind.UPSTREAM:
        return _tr("The video site is having trouble (not VideoConduit). Try again later.")
    if kind is RequestProblemKind.NETWORK:
        return _tr("Can't reach VideoConduit — check your connection.")
    if kind is RequestProblemKind.TROUBLE:
        return _tr("VideoConduit is having trouble. Try again later.")
    return _with_detail(_tr("That did not work"), problem.detail)
