"""The work on one item: submit (at most one charge per URL), follow the job, download the file.

Every step reads where the item stands (its job id, the ledger's open intent, the .part file), so
the same code resumes an item after a pause, a crash or a restart.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from app.api import errors
from app.api.models import Job
from app.api.pacing import backoff_delay
from app.engine import filenames
from app.engine.model import ItemState, ProblemKind
from app.engine.store import HistoryEntry
from app.engine.transfer import SpeedMeter, TransferError, download_to_part, finalize_part

if TYPE_CHECKING:
    from app.engine.engine import Engine

log = logging.getLogger("app.engine")

MAX_SUBMIT_ATTEMPTS = 6
MAX_TRANSFER_ATTEMPTS = 8
_ITEM_ERRORS: dict[type[errors.ApiError], ProblemKind] = {
    errors.BadRequestError: ProblemKind.BAD_REQUEST,
    errors.NotFoundError: ProblemKind.UNSUPPORTED,
    errors.ConflictError: ProblemKind.CONFLICT,
    errors.ValidationError: ProblemKind.VALIDATION,
    errors.ClientError: ProblemKind.OTHER,
}
_TRANSFER_PROBLEMS = {
    "link_expired": ProblemKind.LINK_EXPIRED,
    "disk_full": ProblemKind.DISK_FULL,
    "not_writable": ProblemKind.NOT_WRITABLE,
    "not_media": ProblemKind.NOT_MEDIA,
    "network": ProblemKind.NETWORK,
}


class _Stop(Exception):
    """The item cannot go on now; its state has already been set."""


async def run_item(engine: Engine, item_id: int) -> None:
    try:
        job = await _submitted_job(engine, item_id)
        job = await _finished_job(engine, item_id, job)
        await _download(engine, item_id, job)
    except _Stop:
        pass


# -- submitting -----------------------------------------------------------------------------

async def _submitted_job(engine: Engine, item_id: int) -> Job:
    item = engine.item(item_id)
    assert item is not None
    if item.job_id:
        return await _get_job(engine, item_id, item.job_id)
    engine.update(item_id, state=ItemState.SUBMITTING, waiting_for=None)
    attempt = 0
    while True:
        intent = engine.store.open_intent(item_id)
        if intent is not None:
            # A POST for this item may have reached the service before we lost its reply (a
            # crash, a timeout): look for its job before paying again.
            job = await _reconcile(engine, item_id, intent.url, intent.intent_at, attempt)
            if job is not None:
                return _adopt(engine, item_id, job)
            engine.store.settle_intent_without_job(item_id, engine.clock())
        engine.store.record_intent(item_id, item.url, engine.clock())
        try:
            job = await engine.client.submit_download(item.url, item.options)
        except errors.ApiError as exc:
            if not _may_have_charged(exc):
                engine.store.settle_intent_without_job(item_id, engine.clock())
            attempt = await _after_failed_submit(engine, item_id, exc, attempt)
            continue  # an open intent is reconciled at the top of the loop before any new POST
        return _adopt(engine, item_id, job)


def _may_have_charged(exc: errors.ApiError) -> bool:
    """Whether the service may have accepted (and charged) a POST that failed on our side.
    A 4xx is a definite refusal and a refused connection never arrived; anything else is unknown
    until the job list says otherwise."""
    if isinstance(exc, errors.TransportError):
        return exc.maybe_delivered
    return isinstance(exc, errors.ServerError | errors.MalformedReplyError)


async def _after_failed_submit(engine: Engine, item_id: int, exc: errors.ApiError, attempt: int) -> int:
    """Stop the item (its state set) or wait before the next try; returns the attempts so far."""
    if isinstance(exc, errors.InsufficientCreditsError):
        engine.gate.credits_short(exc)
        _back_to_waiting(engine, item_id, "Waiting for credits")
    if isinstance(exc, errors.UnauthorizedError | errors.ForbiddenError):
        engine.gate.key_refused(exc)
        _back_to_waiting(engine, item_id, "Waiting for a working API key")
    if isinstance(exc, errors.RateLimitedError):  # the client gave up waiting; nothing was charged
        engine.gate.rate_limited(engine.clock() + exc.retry_after, exc.detail)
        await asyncio.sleep(exc.retry_after)
        return attempt
    if isinstance(exc, tuple(_ITEM_ERRORS)):
        _fail_for_api_error(engine, item_id, exc)
    attempt += 1
    if attempt >= MAX_SUBMIT_ATTEMPTS:
        _fail(engine, item_id, _kind_for_trouble(exc),
              f"VideoConduit did not answer after {attempt} tries: {exc.detail}")
    await _pause_for(engine, exc, attempt, backoff_delay(attempt))
    return attempt


async def _reconcile(engine: Engine, item_id: int, url: str, since: float, attempt: int) -> Job | None:
    while True:
        try:
            return await engine.client.find_job_for_url(
                url, since=datetime.fromtimestamp(since, UTC), exclude_ids=engine.store.known_job_ids()
            )
        except (errors.UnauthorizedError, errors.ForbiddenError) as exc:
            engine.gate.key_refused(exc)
            _back_to_waiting(engine, item_id, "Waiting for a working API key")
        except errors.ApiError as exc:
            # We cannot tell whether the service has the job: never resubmit on a guess.
            attempt += 1
            await _pause_for(engine, exc, attempt, backoff_delay(attempt))


def _adopt(engine: Engine, item_id: int, job: Job) -> Job:
    engine.store.record_job(item_id, job.job_id, engine.clock())
    engine.gate.submission_accepted()
    engine.update(item_id, job_id=job.job_id, state=ItemState.PROCESSING, job_progress=job.progress)
    return job


# -- following the job ------------------------------------------------------------------------

async def _finished_job(engine: Engine, item_id: int, job: Job) -> Job:
    engine.update(item_id, state=ItemState.PROCESSING, job_progress=job.progress, waiting_for=None)
    while not job.is_terminal:
        job = await _get_job(engine, item_id, job.job_id, watched=True)
        engine.update(item_id, persist=False, job_progress=job.progress)
    if not job.is_completed:
        # The service's own words; the UI says what it means (and that credits came back).
        _fail(engine, item_id, ProblemKind.JOB_FAILED, job.error.detail if job.error else "")
    return job


async def _get_job(engine: Engine, item_id: int, job_id: str, watched: bool = False) -> Job:
    """The job now (watched=False) or at the watcher's next polling round (watched=True)."""
    attempt = 0
    while True:
        try:
            if watched:
                return await engine.watcher.next_state(job_id)
            return await engine.client.get_job(job_id)
        except (errors.UnauthorizedError, errors.ForbiddenError) as exc:
            engine.gate.key_refused(exc)
            _back_to_waiting(engine, item_id, "Waiting for a working API key")
        except errors.NotFoundError:
            _fail(engine, item_id, ProblemKind.JOB_FAILED,
                  "VideoConduit no longer knows this job; press Retry to submit it again.")
        except errors.ApiError as exc:
            # The job is paid for: keep trying, slower and slower, rather than give it up.
            attempt += 1
            await _pause_for(engine, exc, attempt, backoff_delay(attempt))


# -- downloading ------------------------------------------------------------------------------

async def _download(engine: Engine, item_id: int, job: Job) -> None:
    item = engine.item(item_id)
    assert item is not None
    name = filenames.safe_filename(job.filename or filenames.filename_from_url(item.url))
    try:
        engine.download_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _fail(engine, item_id, ProblemKind.NOT_WRITABLE,
              f"The download folder {engine.download_dir} cannot be created: {exc.strerror or exc}")
    part = _part_path(engine, item_id, name)
    engine.update(item_id, state=ItemState.DOWNLOADING, filename=name, bytes_total=job.file_size,
                  waiting_for=None)
    meter = SpeedMeter()
    last_done = part.stat().st_size if part.exists() else 0

    def progress(done: int, total: int | None) -> None:
        nonlocal last_done
        now = engine.clock()
        meter.add(max(0, done - last_done), now)
        last_done = done
        remaining = total - done if total is not None else None
        engine.update(item_id, persist=False, bytes_done=done, bytes_total=total,
                      speed=meter.speed, eta=meter.eta(remaining))

    refreshed = False
    attempt = 0
    while True:
        url = job.download_url
        if not url:
            if refreshed:
                _fail(engine, item_id, ProblemKind.OTHER,
                      "VideoConduit finished the job but gave no file link.")
            refreshed = True
            job = await _get_job(engine, item_id, job.job_id)
            continue
        before = last_done
        try:
            result = await download_to_part(engine.file_client, url, part,
                                            expected_size=job.file_size, on_progress=progress)
            break
        except TransferError as exc:
            if exc.kind == "link_expired" and not refreshed:
                refreshed = True  # a fresh link once; a second expiry means something else is wrong
                job = await _get_job(engine, item_id, job.job_id)
                continue
            if exc.retryable and attempt < MAX_TRANSFER_ATTEMPTS:
                attempt = 0 if last_done > before else attempt + 1
                engine.update(item_id, persist=False, speed=None, eta=None)
                await asyncio.sleep(backoff_delay(max(attempt, 1)))
                continue
            engine.update(item_id, bytes_done=last_done)
            _fail(engine, item_id, _TRANSFER_PROBLEMS.get(exc.kind, ProblemKind.OTHER), str(exc))
    final = finalize_part(result.path, engine.download_dir, result.suggested_name or name)
    engine.part_names.pop(item_id, None)
    engine.store.update_item(item_id, part_name=None)
    engine.store.add_history(HistoryEntry(item.url, job.job_id, str(final), result.size, engine.clock()))
    engine.update(item_id, state=ItemState.COMPLETED, file_path=str(final), filename=final.name,
                  bytes_done=result.size, bytes_total=result.size, speed=None, eta=None)


def _part_path(engine: Engine, item_id: int, name: str) -> Path:
    """The item's own .part file, chosen once and remembered so a restart resumes it."""
    part_name = engine.part_names.get(item_id)
    if part_name is None:
        taken = set(engine.part_names.values())
        part_name = next(
            candidate for candidate in (f"{n}.part" for n in filenames.numbered_names(name))
            if candidate not in taken and not (engine.download_dir / candidate).exists()
        )
        engine.part_names[item_id] = part_name
        engine.store.update_item(item_id, part_name=part_name)
    return engine.download_dir / part_name


def discard_part(engine: Engine, item_id: int) -> None:
    part_name = engine.part_names.pop(item_id, None)
    if part_name:
        (engine.download_dir / part_name).unlink(missing_ok=True)
        engine.store.update_item(item_id, part_name=None)


# -- shared helpers -----------------------------------------------------------------------------

async def _pause_for(engine: Engine, error: errors.ApiError, attempt: int, delay: float) -> None:
    engine.gate.trouble(error, attempt, engine.clock() + delay)
    await asyncio.sleep(delay)


def _back_to_waiting(engine: Engine, item_id: int, why: str) -> NoReturn:
    engine.update(item_id, state=ItemState.WAITING, waiting_for=why, speed=None, eta=None)
    raise _Stop


def _fail_for_api_error(engine: Engine, item_id: int, exc: errors.ApiError) -> NoReturn:
    kind = next(k for cls, k in _ITEM_ERRORS.items() if isinstance(exc, cls))
    fields = tuple(f.describe() for f in getattr(exc, "field_errors", ()) or ())
    _fail(engine, item_id, kind, exc.detail, fields)


def _fail(engine: Engine, item_id: int, kind: ProblemKind, problem: str,
          field_errors: tuple[str, ...] = ()) -> NoReturn:
    engine.update(item_id, state=ItemState.FAILED, problem_kind=kind, problem=problem,
                  field_errors=field_errors, speed=None, eta=None, waiting_for=None)
    raise _Stop


def _kind_for_trouble(exc: errors.ApiError) -> ProblemKind:
    return ProblemKind.NETWORK if isinstance(exc, errors.TransportError) else ProblemKind.SERVER
