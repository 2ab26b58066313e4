"""The work on one item: submit (``submission.py``: at most one charge per intent), follow the
job, download the file.

Every step reads where the item stands (its job id, the ledger's open intent, its .part file),
so the same code resumes an item after a pause, a crash or a restart. The pipeline is built
once by the engine with its collaborators and tells every change of an item through one
callback, ``report``; it never writes a row itself and never imports the engine.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from app.api import errors
from app.api.client import VideoConduitClient
from app.api.models import Job
from app.api.pacing import backoff_delay
from app.engine import filenames, transfer
from app.engine.account import AccountGate
from app.engine.model import Item, ItemState, ProblemKind, WaitReason
from app.engine.part_disk import FileId, finalize_part, moved_part, own_part_size
from app.engine.parts import PartFiles, PartIdentity, delete_own_part_when_free, folder_key
from app.engine.store import HistoryEntry, Store
from app.engine.submission import BRIEF_LOOK, PATIENT_LOOK_SECONDS, Stopped, Submitter, failed, waiting
from app.engine.transfer import SpeedMeter, TransferError, download_to_part
from app.engine.transfer_errors import os_error
from app.engine.watcher import JobGone, JobWatcher, job_is_gone

log = logging.getLogger("app.engine")

MAX_TRANSFER_ATTEMPTS = 8
# A host that trickles spends a minute per attempt before the stall rule ends it: fewer tries,
# so the row says so in minutes rather than a quarter of an hour.
MAX_STALLED_ATTEMPTS = 3
MAX_NEW_PART_NAMES = 5  # names in a row found taken by another file before the row gives up
_TRANSFER_PROBLEMS = {
    "link_expired": ProblemKind.LINK_EXPIRED,
    "disk_full": ProblemKind.DISK_FULL,
    "not_writable": ProblemKind.NOT_WRITABLE,
    "not_media": ProblemKind.NOT_MEDIA,
    "network": ProblemKind.NETWORK,
    "short": ProblemKind.SHORT_FILE,
    "oversize": ProblemKind.OVERSIZE_FILE,
    "size_mismatch": ProblemKind.SIZE_MISMATCH,
    "symlink": ProblemKind.LINK_IN_THE_WAY,
    "bad_link": ProblemKind.BAD_FILE_LINK,
    "stalled": ProblemKind.FILE_HOST_STALLED,
    "compressed": ProblemKind.COMPRESSED_FILE,
    "part_taken": ProblemKind.PART_TAKEN,
}


@dataclass
class PipelineParts:
    """Everything the pipeline works with, handed over explicitly by the engine."""

    client: VideoConduitClient
    watcher: JobWatcher
    ledger: Store
    gate: AccountGate
    parts: PartFiles
    file_client: httpx.AsyncClient
    folder: Callable[[], Path]  # the download folder now (the person may change it)
    item: Callable[[int], Item | None]
    report: Callable[..., object]  # report(item_id, persist=True, **changes): the one way out
    same_url: Callable[[str, str], bool]
    clock: Callable[[], float] = time.time
    sleep: Callable[[float], Awaitable[object]] = asyncio.sleep
    brief_look: Sequence[float] = field(default=BRIEF_LOOK)
    patient_look: float = PATIENT_LOOK_SECONDS


class ItemPipeline:
    def __init__(self, parts: PipelineParts) -> None:
        self._p = parts
        self.submitter = Submitter(parts.client, parts.ledger, parts.gate, parts.report,
                                   parts.same_url, parts.clock, parts.sleep,
                                   parts.brief_look, parts.patient_look)

    async def run(self, item_id: int) -> None:
        item = self._p.item(item_id)
        if item is None:
            return
        stopped = await self._work(item)
        if stopped is not None:
            self._p.report(item_id, **stopped.changes)

    async def _work(self, item: Item) -> Stopped | None:
        try:
            if self._completed_before_a_kill(item):
                return None
        except TransferError as exc:
            return self._transfer_failed(item.id, exc)
        job = await self._job_of(item)
        if isinstance(job, Stopped):
            return job
        job = await self._finished_job(item.id, job)
        if isinstance(job, Stopped):
            return job
        return await self._download(item.id, job)

    async def _job_of(self, item: Item) -> Job | Stopped:
        if item.job_id:
            return await self._get_job(item.id, item.job_id)
        return await self.submitter.job_for(item)

    # -- following the job ----------------------------------------------------------------

    async def _finished_job(self, item_id: int, job: Job) -> Job | Stopped:
        self._p.report(item_id, state=ItemState.PROCESSING, job_progress=job.progress,
                       waiting_for=None, wait_until=None)
        current: Job | Stopped = job
        while isinstance(current, Job) and not current.is_terminal:
            current = await self._get_job(item_id, current.job_id, watched=True)
            if isinstance(current, Job):
                self._p.report(item_id, persist=False, job_progress=current.progress)
        if isinstance(current, Job) and not current.is_completed:
            # The service's own words; the UI says what it means (and that credits came back).
            return failed(ProblemKind.JOB_FAILED, current.error.detail if current.error else None)
        return current

    async def _get_job(self, item_id: int, job_id: str, watched: bool = False) -> Job | Stopped:
        """The job now (watched=False) or at the watcher's next polling round (watched=True)."""
        attempt = 0
        while True:
            try:
                if watched:
                    return await self._p.watcher.next_state(job_id)
                return await self._p.client.get_job(job_id)
            except (errors.UnauthorizedError, errors.ForbiddenError) as exc:
                self._p.gate.key_refused(exc)
                return waiting(WaitReason.KEY)
            except JobGone:
                return failed(ProblemKind.JOB_GONE, None)
            except errors.ApiError as exc:
                if job_is_gone(exc):
                    return failed(ProblemKind.JOB_GONE, None)
                # The job is paid for: keep trying, slower and slower, rather than give it up.
                attempt += 1
                delay = backoff_delay(attempt)
                self._p.gate.trouble(exc, attempt, self._p.clock() + delay)
                await self._p.sleep(delay)

    # -- downloading ----------------------------------------------------------------------

    async def _download(self, item_id: int, job: Job) -> None | Stopped:
        item = self._p.item(item_id)
        assert item is not None
        folder = Path(os.path.abspath(self._p.folder()))
        try:
            name = filenames.fit_to_folder(filenames.safe_filename(
                job.filename or filenames.filename_from_url(item.url)), folder)
        except filenames.PathTooLong:
            return failed(ProblemKind.PATH_TOO_LONG, str(folder))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return failed(ProblemKind.NOT_WRITABLE, exc.strerror or str(exc))
        prepared = await self._part_for(item_id, job, folder, name)
        if isinstance(prepared, Stopped):
            return prepared
        part, identity, last_done = prepared
        self._p.report(item_id, state=ItemState.DOWNLOADING, filename=name,
                       bytes_total=job.file_size, waiting_for=None, wait_until=None)
        meter = SpeedMeter()

        def progress(done: int, total: int | None) -> None:
            nonlocal last_done
            meter.add(max(0, done - last_done), self._p.clock())
            last_done = done
            remaining = total - done if total is not None else None
            self._p.report(item_id, persist=False, bytes_done=done, bytes_total=total,
                           speed=meter.speed, eta=meter.eta(remaining))

        def validator_seen(validator: str | None) -> None:
            nonlocal identity
            if validator != identity.validator:  # recorded before the first byte of it is written
                identity = identity.with_validator(validator)
                self._remember_part(item_id, identity)

        def part_created(file_id: FileId) -> None:
            nonlocal identity
            identity = identity.with_file(file_id)  # from now on only this file is ours
            self._remember_part(item_id, identity)

        def moving_to(target: Path) -> None:
            nonlocal identity  # stored before the file moves
            identity = identity.moving_to(target.name, result.path.lstat().st_mtime_ns)
            self._remember_part(item_id, identity)

        refreshed = False
        attempt = 0
        new_names = 0
        while True:
            url = job.download_url
            if not url:
                if refreshed:
                    return failed(ProblemKind.NO_FILE_LINK, None)
                refreshed = True
                fresh = await self._get_job(item_id, job.job_id)
                if isinstance(fresh, Stopped):
                    return fresh
                job = fresh
                continue
            before = last_done
            try:
                result = await download_to_part(
                    self._p.file_client, url, part, expected_size=job.file_size,
                    validator=identity.validator, part_id=identity.file_id,
                    on_created=part_created, on_validator=validator_seen,
                    on_progress=progress)
                # download_to_part returns once the writer has closed the .part: it can move.
                final = finalize_part(
                    result.path, folder, _final_name(result.suggested_name, name, folder),
                    before_move=moving_to)
                break
            except TransferError as exc:
                if exc.kind == "link_expired" and not refreshed:
                    refreshed = True  # a fresh link once; a second expiry means something else is wrong
                    fresh = await self._get_job(item_id, job.job_id)
                    if isinstance(fresh, Stopped):
                        return fresh
                    job = fresh
                    continue
                if exc.kind == "part_taken" and new_names < MAX_NEW_PART_NAMES:
                    # Another file sits at the part's name (another program's or instance's,
                    # or a hard link): left alone; the bytes go under a name of our own.
                    new_names += 1
                    part, identity = self._new_part(item_id, job, folder, name)
                    last_done = 0
                    continue
                limit = MAX_STALLED_ATTEMPTS if exc.kind == "stalled" else MAX_TRANSFER_ATTEMPTS
                if exc.retryable and attempt < limit:
                    # A trickle (a few bytes per attempt) is no progress: it must not keep the
                    # row retrying for ever.
                    gained = last_done - before >= transfer.STALL_BYTES
                    attempt = 0 if gained else attempt + 1
                    self._p.report(item_id, persist=False, speed=None, eta=None)
                    await self._p.sleep(backoff_delay(max(attempt, 1)))
                    continue
                self._p.report(item_id, bytes_done=last_done)
                return self._transfer_failed(item_id, exc)
        self._completed(item, job.job_id, final, result.size)
        return None

    def _completed(self, item: Item, job_id: str, final: Path, size: int) -> None:
        """The row and the history say "done" together (one transaction), or neither does."""
        self._p.parts.release(item.id)
        with self._p.ledger.batch():
            self._p.ledger.add_history(HistoryEntry(item.url, job_id, str(final), size,
                                                    self._p.clock()))
            self._p.report(item.id, state=ItemState.COMPLETED, file_path=str(final),
                           filename=final.name, part_name=None, part_identity=None,
                           bytes_done=size, bytes_total=size, speed=None, eta=None)

    def _completed_before_a_kill(self, item: Item) -> bool:
        """Whether the item's finished part had already been moved to its recorded final name
        when the process was killed; if so the row now says "completed". Nothing is asked of the
        service (the job may have expired). Only our own file is taken (``moved_part``), so a
        damaged record can at worst point at that file under another name."""
        identity = self._p.parts.identity_of(item.id)
        part_name = self._p.parts.name_of(item.id)
        if (identity is None or part_name is None or identity.file_id is None
                or not identity.final_name or identity.job_id != item.job_id):
            return False
        part = identity.own_path(part_name)
        if part is None:
            return False
        final = part.parent / identity.final_name
        size = moved_part(final, part, identity.file_id, identity.size, identity.final_mtime)
        if size is None:
            return False
        self._completed(item, identity.job_id, final, size)
        return True

    async def _part_for(self, item_id: int, job: Job, folder: Path,
                        name: str) -> tuple[Path, PartIdentity, int] | Stopped:
        """The item's .part, holding only bytes of this job's file (or none), what they are and
        how many. A part of ours is the file we created, in the folder we created it in: a part
        remembered for another folder is let go of (deleted there if it is verifiably ours), and
        a file at the name that is not ours is left alone for a new name."""
        parts = self._p.parts
        known = parts.identity_of(item_id)
        try:
            name_known = parts.name_of(item_id)
            if name_known is not None and (known is None or not known.lives_in(folder)):
                await self._delete_own_part(name_known, known)  # the old folder's, if ours
                known = None
            part, chosen = parts.claim(item_id, folder, name)
            if chosen:
                self._p.report(item_id, part_name=part.name)
            if known is not None and known.belongs_to(job.job_id, job.file_size):
                identity = known
            else:
                # Bytes of another job (a retry that made a new one), of another announced size,
                # or of unknown origin: never resumed into this job's file.
                if known is not None:
                    await self._delete_own_part(part.name, known)
                identity = PartIdentity(job.job_id, None, job.file_size, folder_key(folder))
                self._remember_part(item_id, identity)
            try:
                # Refuses a link, and tells what is not ours, before anything is sent.
                size = own_part_size(part, identity.file_id)
            except TransferError as exc:
                if exc.kind != "part_taken":
                    raise
                part, identity = self._new_part(item_id, job, folder, name)
                size = 0
        except TransferError as exc:
            return self._transfer_failed(item_id, exc)
        except OSError as exc:
            return self._transfer_failed(item_id, os_error(exc))
        return part, identity, size

    async def _delete_own_part(self, part_name: str, identity: PartIdentity | None) -> None:
        """Delete the part we created under part_name, where we created it — only if the file
        there is still that file (a cancelled attempt may still hold it open: wait for it)."""
        path = identity.own_path(part_name) if identity is not None else None
        if path is not None and identity is not None:
            await delete_own_part_when_free(path, identity.file_id)

    def _new_part(self, item_id: int, job: Job, folder: Path,
                  name: str) -> tuple[Path, PartIdentity]:
        """Let go of the part's name (what sits there is not ours) and claim a new one."""
        self._p.parts.release(item_id)
        part, _chosen = self._p.parts.claim(item_id, folder, name)
        identity = PartIdentity(job.job_id, None, job.file_size, folder_key(folder))
        self._p.report(item_id, part_name=part.name)
        self._remember_part(item_id, identity)
        return part, identity

    def _transfer_failed(self, item_id: int, exc: TransferError) -> Stopped:
        kind = _TRANSFER_PROBLEMS.get(exc.kind, ProblemKind.OTHER)
        if kind is ProblemKind.LINK_IN_THE_WAY:
            # Not ours to delete: let go of the name, so that Retry picks another one.
            self._p.parts.release(item_id)
            self._p.report(item_id, part_name=None, part_identity=None)
        return failed(kind, str(exc))

    def _remember_part(self, item_id: int, identity: PartIdentity) -> None:
        """What the item's .part holds now, in memory and (through report) in its row."""
        self._p.parts.set_identity(item_id, identity)
        self._p.report(item_id, part_identity=identity.to_dict())


def _final_name(suggested: str | None, name: str, folder: Path) -> str:
    """The file host's name for the file if it fits the folder's path limit, else the job's
    (which was fitted before anything was downloaded)."""
    if suggested:
        try:
            return filenames.fit_to_folder(suggested, folder)
        except filenames.PathTooLong:
            pass
    return name
